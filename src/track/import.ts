// A filled 台账 workbook read back: each row matched to its tracked item by the hidden 任务键 (by
// the task text when a unit re-typed the row), each filled cell recorded as a change with its file,
// sheet and cell. A cell that cannot be read is reported in Chinese and skipped, the rest of its row
// still applies; a value another unit already set differently is kept as a conflict, not applied;
// a re-typed task text is kept as a proposed correction. Importing the same file again changes nothing.
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFullDate } from '../../extractors/dates.js';
import { MESSAGES, ReadFailure, oneTerminalLine, type MessageCode } from '../messages.js';
import type { TaskStore } from '../store/store.js';
import { TASK_STATUSES, type TaskStatus, type TrackingEvent, type TrackingState, type TrackingUpdate } from '../store/tracking.js';
import { blankState, fieldValue } from '../store/tracking-state.js';
import { formatPeople } from '../register/format.js';
import { loadLedger, type Ledger } from './ledger.js';
import { TextMatcher, plainText } from './match.js';

/** Header texts of each column the import reads; the register writes the first (docs/register-columns.md). */
export const IMPORT_HEADERS = {
  key: ['任务键'],
  text: ['任务内容', '工作任务', '工作内容', '重点任务'],
  status: ['状态', '完成状态', '进展状态'],
  progress: ['进展情况', '工作进展', '推进情况', '完成情况'],
  problems: ['存在问题', '存在的问题', '问题'],
  nextSteps: ['下步打算', '下一步打算', '下步工作打算', '下一步工作'],
  completedOn: ['完成时间', '实际完成时间'],
  evidence: ['佐证材料', '佐证'],
  supervised: ['督办'],
  responsible: ['责任人'],
  deadline: ['完成时限'],
} as const satisfies Record<string, readonly string[]>;
type Column = keyof typeof IMPORT_HEADERS;

/** Words staff write for a status that are not the list's own, and the status they mean. */
export const STATUS_WORDS: Readonly<Record<string, TaskStatus>> = {
  进行中: '推进中', 正在推进: '推进中', 正在进行: '推进中', 推进: '推进中', 未启动: '未开始', 尚未开始: '未开始',
  完成: '已完成', 已办结: '已完成', 办结: '已完成', 已完成销号: '已销号', 销号: '已销号', 滞后推进: '滞后', 进度滞后: '滞后',
};

/** 督办 cells. */
const YES_NO: Readonly<Record<string, boolean>> = { 是: true, 否: false, Y: true, N: false, '√': true };

/** Rows scanned for the header (the register writes it on row 3, after its title rows). */
const HEADER_SCAN_ROWS = 12;

export interface ImportIssue {
  code: MessageCode;
  sheet: string;
  row: number;
  column?: string;
  /** A1-style cell address */
  cell?: string;
  value?: string;
  /** the one Chinese line shown to the user */
  line: string;
}

export interface ImportReport {
  file: string;
  by: string;
  rows: number;
  matched: number;
  events: TrackingEvent[];
  conflicts: number;
  proposals: number;
  issues: ImportIssue[];
}

export interface ImportOptions {
  by: string;
  /** ISO time of the changes (tests); the clock when left out */
  at?: string;
  /** the file name written into each change's sourceRef (defaults to the path's base name) */
  name?: string;
  ledger?: Ledger;
}

/** A cell's value as text: rich text, formulas, links and dates flattened the way Excel shows them. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String((value as { text: unknown }).text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** A 完成时间 cell: an Excel date, a date serial, or a date written out; null when it cannot be read. */
export function cellDate(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) {
    // Excel stores days, exceljs gives them as UTC midnight; a date typed in another zone may be a few hours off
    const shifted = new Date(value.getTime() + 12 * 3_600_000);
    return shifted.toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && value > 20_000 && value < 80_000) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value === 'object' && value !== null && 'result' in value) return cellDate(value.result as ExcelJS.CellValue);
  const text = cellText(value).replace(/\s+/gu, '');
  return parseFullDate(text) ?? parseFullDate(text.replace(/\./gu, '-')) ?? null;
}

const headerKey = (s: string) => s.replace(/[\s*＊（(].*$/u, '').replace(/\s+/gu, '');

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<Column, number> } | null {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const columns = new Map<Column, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = headerKey(cellText(cell.value));
      for (const [name, words] of Object.entries(IMPORT_HEADERS) as [Column, readonly string[]][]) {
        if (!columns.has(name) && words.includes(text)) columns.set(name, col);
      }
    });
    const tracking = (['status', 'progress', 'problems', 'nextSteps', 'completedOn', 'evidence', 'supervised'] as Column[]).some((c) => columns.has(c));
    if ((columns.has('key') || columns.has('text')) && tracking) return { row: r, columns };
  }
  return null;
}

function issueLine(file: string, sheet: string, row: number, column: string | undefined, cell: string | undefined, code: MessageCode, value?: string): string {
  const where = column ? `工作表“${sheet}”第${row}行“${column}”列（${cell}）` : `工作表“${sheet}”第${row}行`;
  const shown = value !== undefined && value !== '' ? `（填的是“${value.length > 30 ? `${value.slice(0, 30)}…` : value}”）` : '';
  return oneTerminalLine(`${file}：${where}${shown}：${MESSAGES[code]} [${code}]`);
}

/** New 进展情况 lines: those the register did not write from the store (its lines are `date by：text`). */
function newProgress(cell: string, state: TrackingState | undefined): string | null {
  const known = new Set((state?.progress ?? []).flatMap((p) => [`${p.date}${p.by ? ` ${p.by}` : ''}：${p.text}`, p.text]));
  const fresh = cell.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l && !known.has(l));
  return fresh.length ? fresh.join('\n') : null;
}

interface RowUpdate {
  key: string;
  sheet: string;
  row: number;
  text?: string;
  fields: Array<{ field: keyof TrackingUpdate; value: TrackingUpdate[keyof TrackingUpdate]; ref: string; column: string; cell: string }>;
}

/** Reads a workbook and records what it says; the store's state and history are the result. */
export async function importWorkbook(store: TaskStore, path: string, options: ImportOptions): Promise<ImportReport> {
  const name = options.name ?? basename(path);
  if (!existsSync(path)) throw new ReadFailure('E_NOT_FOUND');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    throw new ReadFailure('E_TRACK_NOT_XLSX');
  }
  const ledger = options.ledger ?? (await loadLedger(store));
  const at = options.at ?? new Date().toISOString();
  const textOf = new Map<string, string>();
  // the 责任人 cell as the register writes it from the notice: a different name is staff's correction
  const ownersOf = new Map<string, string>();
  for (const r of ledger.results) {
    for (const t of r.tasks) {
      textOf.set(t.id, t.text);
      ownersOf.set(t.id, formatPeople(t.owners));
    }
  }
  const matcher = new TextMatcher([...textOf].map(([id, text]) => ({ id, text })));
  const report: ImportReport = { file: name, by: options.by, rows: 0, matched: 0, events: [], conflicts: 0, proposals: 0, issues: [] };
  const issue = (sheet: string, row: number, code: MessageCode, column?: string, cell?: string, value?: string) =>
    report.issues.push({ code, sheet, row, ...(column ? { column, cell } : {}), ...(value !== undefined ? { value } : {}), line: issueLine(name, sheet, row, column, cell, code, value) });

  const updates: RowUpdate[] = [];
  let headers = 0;
  wb.eachSheet((ws) => {
    const header = findHeader(ws);
    if (!header) return;
    headers++;
    const colName = (c: Column) => cellText(ws.getRow(header.row).getCell(header.columns.get(c)!).value);
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const get = (c: Column) => (header.columns.has(c) ? row.getCell(header.columns.get(c)!) : undefined);
      const filled = [...header.columns.values()].some((c) => cellText(row.getCell(c).value) !== '');
      if (!filled) continue;
      report.rows++;
      const keyCell = cellText(get('key')?.value ?? null);
      const text = cellText(get('text')?.value ?? null);
      let key = keyCell && ledger.keys.has(keyCell) ? keyCell : undefined;
      if (!key && text) {
        const found = matcher.match(text);
        // a re-typed row of a task split by dates: its 完成时限 day picks the node
        const day = cellDate(get('deadline')?.value ?? null);
        if (found) key = day && ledger.keys.has(`${found.id}@${day}`) ? `${found.id}@${day}` : found.id;
      }
      if (!key) {
        issue(ws.name, r, 'E_TRACK_UNMATCHED_ROW');
        continue;
      }
      report.matched++;
      const u: RowUpdate = { key, sheet: ws.name, row: r, ...(text ? { text } : {}), fields: [] };
      const ref = (c: Column) => `${name}!${ws.name}!${get(c)!.address}`;
      const place = (c: Column) => ({ ref: ref(c), column: colName(c), cell: get(c)!.address });
      const status = cellText(get('status')?.value ?? null).replace(/\s+/gu, '');
      if (status) {
        const known = (TASK_STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : STATUS_WORDS[status];
        if (known) u.fields.push({ field: 'status', value: known, ...place('status') });
        else issue(ws.name, r, 'E_TRACK_BAD_STATUS', colName('status'), get('status')!.address, status);
      }
      const progress = cellText(get('progress')?.value ?? null);
      if (progress) u.fields.push({ field: 'progress', value: progress, ...place('progress') });
      for (const c of ['problems', 'nextSteps'] as const) {
        const v = cellText(get(c)?.value ?? null);
        if (v) u.fields.push({ field: c, value: v, ...place(c) });
      }
      const doneCell = get('completedOn');
      if (doneCell && cellText(doneCell.value) !== '') {
        const day = cellDate(doneCell.value);
        if (day) u.fields.push({ field: 'completedOn', value: day, ...place('completedOn') });
        else issue(ws.name, r, 'E_TRACK_BAD_DATE', colName('completedOn'), doneCell.address, cellText(doneCell.value));
      }
      const evidence = cellText(get('evidence')?.value ?? null);
      if (evidence) u.fields.push({ field: 'evidence', value: evidence.split(/[\r\n;；]+/u).map((s) => s.trim()).filter(Boolean), ...place('evidence') });
      const responsible = cellText(get('responsible')?.value ?? null);
      if (responsible && responsible !== ownersOf.get(key.replace(/@\d{4}-\d{2}-\d{2}$/u, ''))) u.fields.push({ field: 'responsible', value: responsible, ...place('responsible') });
      const supervised = cellText(get('supervised')?.value ?? null);
      if (supervised && supervised in YES_NO) u.fields.push({ field: 'supervised', value: YES_NO[supervised], ...place('supervised') });
      updates.push(u);
    }
  });
  if (!headers) throw new ReadFailure('E_TRACK_NO_HEADER', name);

  // Each field is compared with the state before this file: a cell that still says what was exported
  // is no edit (the 任务台账 sheet and a unit's sheet may both hold the row, one of them filled in).
  // In one file the first edit of a field stands; a different edit of it elsewhere in the file is a conflict.
  const before = new Map<string, TrackingState>();
  const edited = new Map<string, { value: string | null; ref: string }>();
  for (const u of updates) {
    const taskId = u.key.replace(/@\d{4}-\d{2}-\d{2}$/u, '');
    const original = textOf.get(taskId);
    if (u.text && original !== undefined && plainText(u.text) !== plainText(original)) {
      if (await store.proposeText({ key: u.key, taskId, original, proposed: u.text, by: options.by, sourceRef: `${name}!${u.sheet}!${u.row}`, at })) report.proposals++;
      issue(u.sheet, u.row, 'E_TRACK_TEXT_PROPOSED');
    }
    if (!before.has(u.key)) before.set(u.key, (await store.tracking([u.key])).get(u.key) ?? blankState(u.key));
    const exported = before.get(u.key)!;
    for (const f of u.fields) {
      const meta = { by: options.by, source: 'import' as const, at, sourceRef: f.ref };
      if (f.field === 'progress') {
        const fresh = newProgress(f.value as string, (await store.tracking([u.key])).get(u.key));
        if (fresh) report.events.push(...(await store.updateTracking(u.key, { progress: fresh }, meta)));
        continue;
      }
      const offered = fieldValue({ ...exported, [f.field]: f.value } as TrackingState, f.field);
      const current = fieldValue(exported, f.field);
      if (offered === current) continue;
      const earlier = edited.get(`${u.key}|${f.field}`);
      if (earlier) {
        if (earlier.value !== offered) {
          if (await store.recordConflict({ key: u.key, field: f.field, kept: earlier.value, keptBy: options.by, keptRef: earlier.ref, offered, offeredBy: options.by, offeredRef: f.ref, at })) report.conflicts++;
          issue(u.sheet, u.row, 'E_TRACK_CONFLICT', f.column, f.cell, offered ?? '');
        }
        continue;
      }
      edited.set(`${u.key}|${f.field}`, { value: offered, ref: f.ref });
      // the field was last set from another unit's workbook: two units say different things, staff decide
      const last = (await store.history(u.key)).filter((e) => e.field === f.field).at(-1);
      if (last && last.source === 'import' && last.by !== options.by) {
        if (await store.recordConflict({ key: u.key, field: f.field, kept: current, keptBy: last.by, ...(last.sourceRef ? { keptRef: last.sourceRef } : {}), offered, offeredBy: options.by, offeredRef: f.ref, at })) report.conflicts++;
        issue(u.sheet, u.row, 'E_TRACK_CONFLICT', f.column, f.cell, offered ?? '');
        continue;
      }
      report.events.push(...(await store.updateTracking(u.key, { [f.field]: f.value } as TrackingUpdate, meta)));
    }
  }
  // in the order a person reads the workbook: sheet by sheet, row by row
  const sheetOrder = new Map(wb.worksheets.map((w, i) => [w.name, i]));
  report.issues.sort((x, y) => sheetOrder.get(x.sheet)! - sheetOrder.get(y.sheet)! || x.row - y.row);
  return report;
}
