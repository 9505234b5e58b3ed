// One register row per tracked item (a task, or one 时间节点 of a task that states several): what
// staff hand to their leaders and what the units fill in and send back. Every output format (XLSX,
// CSV, Markdown, JSON) renders these rows, so the columns are decided here, once.
import type { ExtractResult, Task } from '../model.js';
import type { TrackingState } from '../store/tracking.js';
import { taskMatches, type RegisterFilter } from './filter.js';
import { formatPeople, formatSource, quantityLines, unitNames, CELL_LINE_BREAK } from './format.js';
import { taskItems, type RegisterItem } from './items.js';

export interface RegisterRow {
  /** "3", or "3-1", "3-2" for the nodes of task 3; a filtered register keeps the full register's numbers */
  序号: number | string;
  任务类别: string;
  任务内容: string;
  牵头单位: string;
  配合单位: string;
  责任领导: string;
  责任人: string;
  /** "2020-06-30", "每季度", "2020-12-31（推定）"; the XLSX writes a date as a date */
  完成时限: string;
  /** the document's own words for the time limit: "6月底前" */
  时限原文: string;
  /** days from `today` to the due day, negative when overdue; '' without a due day, a today, or once done */
  距截止: number | '';
  量化指标: string;
  /** file and page, then the heading path; the XLSX adds the task's own words as a note */
  出处: string;
  状态: string;
  进展情况: string;
  存在问题: string;
  下步打算: string;
  完成时间: string;
  佐证材料: string;
  督办: string;
  备注: string;
  任务键: string;
  /** not shown as columns: they tie a row back to its document and task */
  docId: string;
  taskId: string;
  leadUnits: string[];
  participantUnits: string[];
  due?: string;
  presumed?: boolean;
  /** the task's words as the document writes them, with its page: the XLSX's note on 出处 */
  quote: string;
  /** the task's ocr-low-confidence warning, when it rests on words the OCR was unsure of: the XLSX marks 任务内容 */
  doubt?: string;
}

export type RegisterColumn = Exclude<
  keyof RegisterRow,
  'docId' | 'taskId' | 'leadUnits' | 'participantUnits' | 'due' | 'presumed' | 'quote' | 'doubt'
>;

/**
 * The column order of every register, with the width (in characters) the XLSX gives each. `tracking`
 * columns are the ones a unit fills in; `hidden` ones are in the XLSX but not shown (the key).
 * The import of returned workbooks finds columns by these header texts (docs/register-columns.md).
 */
export const REGISTER_COLUMNS: ReadonlyArray<{ key: RegisterColumn; width: number; tracking?: true; hidden?: true }> = [
  { key: '序号', width: 6 },
  { key: '任务类别', width: 12 },
  { key: '任务内容', width: 44 },
  { key: '牵头单位', width: 14 },
  { key: '配合单位', width: 16 },
  { key: '责任领导', width: 12 },
  { key: '责任人', width: 12 },
  { key: '完成时限', width: 21 },
  { key: '时限原文', width: 13 },
  { key: '距截止', width: 10 },
  { key: '量化指标', width: 28 },
  { key: '出处', width: 18 },
  { key: '状态', width: 10, tracking: true },
  { key: '进展情况', width: 30, tracking: true },
  { key: '存在问题', width: 20, tracking: true },
  { key: '下步打算', width: 20, tracking: true },
  { key: '完成时间', width: 13, tracking: true },
  { key: '佐证材料', width: 18, tracking: true },
  { key: '督办', width: 6, tracking: true },
  { key: '备注', width: 16 },
  { key: '任务键', width: 12, hidden: true },
];

export const SUPERSEDED_NOTE = '已被取代：新文件已替代此任务';
export const PRESUMED_NOTE = '文件未写时限，按方案年度末推定，请核定';
/** 已完成 and 已销号 items are not chased: they get no 距截止. */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['已完成', '已销号']);

export interface RowOptions {
  /** the day 距截止 counts from, YYYY-MM-DD; without it the column stays empty (no machine clock here) */
  today?: string;
  /** the store's tracking state by item key (register DOC_ID --db) */
  tracking?: ReadonlyMap<string, TrackingState>;
}

/** 快报 and other non-plans report what happened; they give nobody a task (OUTPUT.md isPlan). */
export function isTaskSource(result: ExtractResult): boolean {
  return result.document.isPlan;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "2020-05-06 县教育局：已发放…", one entry a line, oldest first: entries are appended, never rewritten. */
export function formatProgress(state: TrackingState | undefined): string {
  return (state?.progress ?? []).map((p) => `${p.date}${p.by ? ` ${p.by}` : ''}：${p.text}`).join(CELL_LINE_BREAK);
}

function trackingCells(state: TrackingState | undefined): Pick<RegisterRow, '状态' | '进展情况' | '存在问题' | '下步打算' | '完成时间' | '佐证材料' | '督办'> {
  return {
    状态: state?.status ?? '',
    进展情况: formatProgress(state),
    存在问题: state?.problems ?? '',
    下步打算: state?.nextSteps ?? '',
    完成时间: state?.completedOn ?? '',
    佐证材料: (state?.evidence ?? []).join(CELL_LINE_BREAK),
    督办: state?.supervised ? '是' : '',
  };
}

export function taskRows(result: ExtractResult, task: Task, seq: number, options: RowOptions = {}): RegisterRow[] {
  const leads = unitNames(task.units, 'lead');
  const participants = unitNames(task.units, 'participant');
  const items = taskItems(task, result);
  const file = result.document.source.path.split(/[\\/]/u).pop() ?? result.document.source.path;
  const page = task.where?.page;
  const doubt = ocrDoubt(result, task);
  return items.map((item: RegisterItem) => {
    const state = options.tracking?.get(item.key);
    const cells = trackingCells(state);
    const done = DONE_STATUSES.has(cells.状态);
    const notes = [task.superseded ? SUPERSEDED_NOTE : '', item.presumed ? PRESUMED_NOTE : '', doubt].filter(Boolean);
    return {
      序号: item.node ? `${seq}-${item.node}` : seq,
      任务类别: task.path[0] ?? '',
      任务内容: task.text,
      牵头单位: leads.join('、'),
      配合单位: participants.join('、'),
      责任领导: formatPeople(task.leaders),
      责任人: state?.responsible || formatPeople(task.owners),
      完成时限: item.label,
      时限原文: item.words,
      距截止: options.today && item.due && !done ? daysBetween(options.today, item.due) : '',
      量化指标: quantityLines(task.text, task.quantities).join(CELL_LINE_BREAK),
      出处: formatSource(result.document.source.path, task.path, page),
      ...cells,
      备注: notes.join(CELL_LINE_BREAK),
      任务键: item.key,
      docId: result.document.id,
      taskId: task.id,
      leadUnits: leads,
      participantUnits: participants,
      due: item.due,
      presumed: item.presumed,
      quote: `原文（${file}${page !== undefined ? ` 第${page}页` : ''}）：${task.text}`,
      ...(doubt ? { doubt } : {}),
    };
  });
}

/** The task's ocr-low-confidence warning (what to check against the paper), or '' when it has none. */
function ocrDoubt(result: ExtractResult, task: Task): string {
  return result.warnings.find((m) => m.code === 'ocr-low-confidence' && m.taskId === task.id)?.message ?? '';
}

/**
 * Rows of all documents in the order given. Tasks are numbered 1… across the whole register before
 * filtering, so `--unit` keeps the 序号 of the full register (the unit reports "第7项" as the office does).
 */
export function registerRows(results: ExtractResult[], filter: RegisterFilter = {}, options: RowOptions = {}): RegisterRow[] {
  const rows: RegisterRow[] = [];
  let seq = 0;
  for (const result of results) {
    if (!isTaskSource(result)) continue;
    for (const task of result.tasks) {
      seq++;
      if (!taskMatches(task, filter)) continue;
      // --due-before keeps only the nodes due by then, not every node of a task that has one
      const due = filter.dueBefore;
      rows.push(...taskRows(result, task, seq, options).filter((r) => !due || (r.due !== undefined && !r.presumed && r.due <= due) || !r.任务键.includes('@')));
    }
  }
  return rows;
}

/** Every item key of the register, for asking the store for their tracking state. */
export function registerKeys(results: ExtractResult[], filter: RegisterFilter = {}): string[] {
  return registerRows(results, filter).map((r) => r.任务键);
}

/** The header line as users read it. */
export function registerHeader(): string[] {
  return REGISTER_COLUMNS.map((c) => c.key);
}

/** A row's cells in column order, for the flat formats (CSV, Markdown). */
export function rowCells(row: RegisterRow): Array<string | number> {
  return REGISTER_COLUMNS.map((c) => row[c.key]);
}
