// One register row per task: what staff hand to their leaders. Every output format (XLSX, CSV,
// Markdown, JSON) renders these rows, so the columns are decided here, once.
import type { ExtractResult, Task } from '../model.js';
import { taskMatches, type RegisterFilter } from './filter.js';
import { formatDeadlines, formatPeople, formatQuantities, formatSource, unitNames } from './format.js';

export interface RegisterRow {
  序号: number;
  任务类别: string;
  任务内容: string;
  牵头单位: string;
  配合单位: string;
  责任领导: string;
  责任人: string;
  完成时限: string;
  量化指标: string;
  来源: string;
  状态: string;
  /** not shown as columns: they tie a row back to its document and task */
  docId: string;
  taskId: string;
  leadUnits: string[];
}

export type RegisterColumn = Exclude<keyof RegisterRow, 'docId' | 'taskId' | 'leadUnits'>;

/** The column order of every register, with the width (in characters) the XLSX gives each. */
export const REGISTER_COLUMNS: ReadonlyArray<{ key: RegisterColumn; width: number }> = [
  { key: '序号', width: 5 },
  { key: '任务类别', width: 12 },
  { key: '任务内容', width: 50 },
  { key: '牵头单位', width: 14 },
  { key: '配合单位', width: 16 },
  { key: '责任领导', width: 12 },
  { key: '责任人', width: 12 },
  { key: '完成时限', width: 20 },
  { key: '量化指标', width: 16 },
  { key: '来源', width: 22 },
  { key: '状态', width: 9 },
];

export const SUPERSEDED_STATUS = '已被取代';

/** 快报 and other non-plans report what happened; they give nobody a task (OUTPUT.md isPlan). */
export function isTaskSource(result: ExtractResult): boolean {
  return result.document.isPlan;
}

export function taskRow(result: ExtractResult, task: Task, seq: number): RegisterRow {
  const leads = unitNames(task.units, 'lead');
  return {
    序号: seq,
    任务类别: task.path[0] ?? '',
    任务内容: task.text,
    牵头单位: leads.join('、'),
    配合单位: unitNames(task.units, 'participant').join('、'),
    责任领导: formatPeople(task.leaders),
    责任人: formatPeople(task.owners),
    完成时限: formatDeadlines(task.deadlines),
    量化指标: formatQuantities(task.quantities),
    来源: formatSource(result.document.source.path, task.path, task.where?.page),
    状态: task.superseded ? SUPERSEDED_STATUS : '',
    docId: result.document.id,
    taskId: task.id,
    leadUnits: leads,
  };
}

/** Rows of all documents in the order given, numbered 1… across the whole register. */
export function registerRows(results: ExtractResult[], filter: RegisterFilter = {}): RegisterRow[] {
  const rows: RegisterRow[] = [];
  for (const result of results) {
    if (!isTaskSource(result)) continue;
    for (const task of result.tasks) {
      if (taskMatches(task, filter)) rows.push(taskRow(result, task, rows.length + 1));
    }
  }
  return rows;
}

/** The header line as users read it. */
export function registerHeader(): string[] {
  return REGISTER_COLUMNS.map((c) => c.key);
}

/** A row's cells in column order, for the flat formats (CSV, Markdown). */
export function rowCells(row: RegisterRow): Array<string | number> {
  return REGISTER_COLUMNS.map((c) => row[c.key]);
}
