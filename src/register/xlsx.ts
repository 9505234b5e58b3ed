// The register as staff hand it on and get it back: one sheet with every item, one sheet per unit
// (the tasks it leads and those it helps with, marked so), and a 问题清单 in plain Chinese. Dates are
// Excel dates, 状态 is a drop-down, each row carries its hidden 任务键 so a returned copy is matched
// row by row (docs/register-columns.md). Laid out to be read on screen and printed on A3 landscape.
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { replaceAtomic } from '../atomic-write.js';
import { dirname, join } from 'node:path';
import { isCollectiveUnit, unitAliases } from '../../extractors/unit-names.js';
import type { ExtractResult, Message } from '../model.js';
import { TASK_STATUSES } from '../store/tracking.js';
import type { RegisterFilter } from './filter.js';
import { rowHeight } from './row-height.js';
import { REGISTER_COLUMNS, registerRows, type RegisterColumn, type RegisterRow, type RowOptions } from './rows.js';
import { sanitizeSheetName, SheetNamer } from './sheet-names.js';
import { cleanForWriters, stripXmlForbidden } from './xml-chars.js';

export const MAIN_SHEET = '任务台账';
export const WARNINGS_SHEET = '问题清单';
/** Rows above the header: the title, then the document line. The header is row 3, data from row 4. */
export const HEADER_ROW = 3;
export const KEY_HEADER = '任务键';
export const ROLE_HEADER = '角色';
export const ROLE_WORDS = { lead: '牵头', participant: '配合' } as const;
/** Excel dates shown the Chinese way; a presumed deadline says so in the cell itself. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const PRESUMED_DATE_FORMAT = 'yyyy"年"m"月"d"日（推定）"';
/** 距截止 is a number of days; the format reads it: 还有12天, 逾期5天, 今天到期. */
export const DAYS_FORMAT = '"还有"0"天";"逾期"0"天";"今天到期"';
/** Within this many days an item is coloured as coming due. */
export const SOON_DAYS = 30;

const SEVERITY_WORDS: Readonly<Record<Message['severity'], string>> = { error: '错误', warning: '警告', info: '提示' };

const WARNING_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '文件', width: 26 },
  { header: '问题', width: 50 },
  { header: '相关任务', width: 56 },
  { header: '级别', width: 8 },
  { header: '代码', width: 22 },
] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** the columns a unit fills in are shaded apart from what the notice says */
const TRACKING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
export const SOON_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
/** a task read from a scan with words the OCR was unsure of: to check against the paper */
export const OCR_DOUBT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

interface SheetColumn {
  header: string;
  width: number;
  tracking?: boolean;
  hidden?: boolean;
}

export interface WorkbookOptions extends RowOptions {
  filter?: RegisterFilter;
}

function docLine(result: ExtractResult): string {
  const d = result.document;
  return [d.docNumber?.text, d.issuer, d.date ? `成文日期 ${chineseDate(d.date)}` : ''].filter(Boolean).join('　');
}

export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The title rows: the plan's title (or how many documents), and its 文号, issuer, date and the day counted from. */
function titleLines(results: ExtractResult[], options: RowOptions, title?: string): [string, string] {
  const plans = results.filter((r) => r.document.isPlan);
  const main = title ?? (plans.length === 1 ? `${plans[0].document.title || plans[0].document.id} 任务台账` : `任务台账（${plans.length} 个文件）`);
  const about = plans.length === 1 ? docLine(plans[0]) : plans.map((r) => r.document.title || r.document.id).join('；');
  const counted = options.today ? `距截止按 ${chineseDate(options.today)} 计` : '';
  return [main, [about, counted].filter(Boolean).join('　')];
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: SheetColumn[], title: [string, string] | undefined, freezeColumns: number): ExcelJS.Worksheet {
  const headerRow = title ? HEADER_ROW : 1;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freezeColumns, ySplit: headerRow }],
    pageSetup: {
      // A3 (8, which exceljs's enum leaves out): a 台账 with its tracking columns is too wide for A4 at a readable size
      paperSize: 8 as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = columns.map((c) => ({ key: c.header, width: c.width, hidden: c.hidden ?? false }));
  const visible = columns.filter((c) => !c.hidden).length;
  if (title) {
    ws.getCell(1, 1).value = stripXmlForbidden(title[0]);
    ws.getCell(1, 1).font = { name: FONT, bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { vertical: 'middle', horizontal: 'center' };
    ws.getRow(1).height = 30;
    ws.getCell(2, 1).value = stripXmlForbidden(title[1]) || null;
    ws.getCell(2, 1).font = { name: FONT, size: 11 };
    ws.getCell(2, 1).alignment = { vertical: 'middle', horizontal: 'center' };
    ws.getRow(2).height = 20;
    ws.mergeCells(1, 1, 1, visible);
    ws.mergeCells(2, 1, 2, visible);
  }
  const header = ws.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  header.font = { name: FONT, bold: true, size: 11 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 22;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.tracking ? TRACKING_FILL : HEADER_FILL;
    cell.border = BORDER;
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: visible } };
  return ws;
}

/** Every body cell wraps and sits at the top, so a long 任务内容 grows the row instead of being cut. */
function styleBody(ws: ExcelJS.Worksheet, firstRow: number, centered: number[]): void {
  const width = ws.columnCount;
  const widths = Array.from({ length: width }, (_, i) => (ws.getColumn(i + 1).hidden ? 0 : (ws.getColumn(i + 1).width ?? 10)));
  ws.eachRow((row, n) => {
    if (n < firstRow) return;
    const values = widths.map((w, i) => (w === 0 ? null : row.getCell(i + 1).value));
    row.height = rowHeight(values.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null)), widths.map((w) => w || 10));
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 10, ...(cell.font?.italic ? { italic: true, color: { argb: 'FF7F7F7F' } } : {}) };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: centered.includes(col) ? 'center' : 'left' };
      cell.border = BORDER;
    }
  });
}

/**
 * An empty cell stays empty (not ""), so Excel's filter offers it as （空白）. Values are plain
 * strings, numbers and dates, never formula objects: "=HYPERLINK(…)" in a notice is written as text.
 */
function cellValue(v: string | number): string | number | null {
  return v === '' ? null : typeof v === 'string' ? stripXmlForbidden(v) : v;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isIso = (s: string) => /^\d{4}-\d{2}-\d{2}$/u.test(s);

const STATUS_LIST = `"${TASK_STATUSES.join(',')}"`;

function taskColumns(withRole: boolean): Array<SheetColumn & { key: RegisterColumn | typeof ROLE_HEADER }> {
  const cols = REGISTER_COLUMNS.map((c) => ({ key: c.key as RegisterColumn | typeof ROLE_HEADER, header: c.key as string, width: c.width, tracking: c.tracking, hidden: c.hidden }));
  if (withRole) cols.splice(1, 0, { key: ROLE_HEADER, header: ROLE_HEADER, width: 6, tracking: undefined, hidden: undefined });
  return cols;
}

/** One row's cells: dates as dates, 距截止 as a coloured number, 状态 and 督办 as drop-downs. */
function writeTaskRow(ws: ExcelJS.Worksheet, columns: ReturnType<typeof taskColumns>, row: RegisterRow, role?: string): void {
  const r = ws.addRow(columns.map((c) => (c.key === ROLE_HEADER ? (role ?? null) : cellValue(row[c.key]))));
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    switch (c.key) {
      case '完成时限':
        // a single day is an Excel date; a range, a recurrence or several lines stay the words they are
        if (row.due && (row.完成时限 === row.due || row.presumed)) {
          cell.value = asDate(row.due);
          cell.numFmt = row.presumed ? PRESUMED_DATE_FORMAT : DATE_FORMAT;
          if (row.presumed) {
            cell.font = { italic: true };
            cell.note = '文件未写完成时限：按方案年度末推定，请核定后改写';
          }
        }
        break;
      case '完成时间':
        if (isIso(row.完成时间)) {
          cell.value = asDate(row.完成时间);
        }
        cell.numFmt = DATE_FORMAT;
        cell.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date('2000-01-01T00:00:00Z')], showErrorMessage: true, errorTitle: '完成时间', error: '请填写日期，如 2020-06-30' };
        break;
      case '距截止':
        cell.numFmt = DAYS_FORMAT;
        if (typeof row.距截止 === 'number') {
          if (row.距截止 < 0) cell.fill = OVERDUE_FILL;
          else if (row.距截止 <= SOON_DAYS) cell.fill = SOON_FILL;
        }
        break;
      case '状态':
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [STATUS_LIST], showErrorMessage: true, errorTitle: '状态', error: `请从下拉列表选择：${TASK_STATUSES.join('、')}` };
        break;
      case '督办':
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, errorTitle: '督办', error: '请填“是”或留空' };
        break;
      case '出处':
        cell.note = stripXmlForbidden(row.quote);
        break;
      case '任务内容':
        if (row.doubt) {
          cell.fill = OCR_DOUBT_FILL;
          cell.note = stripXmlForbidden(row.doubt);
        }
        break;
      default:
    }
  });
}

function addTaskSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: RegisterRow[],
  title: [string, string],
  roles?: Map<RegisterRow, string>,
): ExcelJS.Worksheet {
  const columns = taskColumns(roles !== undefined);
  const ws = addSheet(wb, name, columns, title, columns.findIndex((c) => c.key === '任务内容') + 1);
  for (const row of rows) writeTaskRow(ws, columns, row, roles?.get(row));
  const centered = columns.flatMap((c, i) => (['序号', ROLE_HEADER, '状态', '督办', '距截止'].includes(c.key) ? [i + 1] : []));
  styleBody(ws, HEADER_ROW + 1, centered);
  return ws;
}

const aliasKey = (unit: string) => [...unitAliases(unit)].sort()[0];

/** Lead units in first-seen order; 县人社局 and 县人力资源社会保障局 share one sheet. */
export function rowsByLeadUnit(rows: RegisterRow[]): Array<{ unit: string; rows: RegisterRow[] }> {
  return rowsByUnit(rows)
    .map((g) => ({ unit: g.unit, rows: g.rows.filter((r) => g.roles.get(r) === ROLE_WORDS.lead) }))
    .filter((g) => g.rows.length > 0);
}

/**
 * Every unit named in the register, with the tasks it leads and those it helps with (角色 配合), in
 * register order: first the units that lead something, then those that only help (县财政局 is asked
 * for its part too). A group of bodies (各乡镇, 县直相关部门) gets no sheet: no one fills it in.
 */
export function rowsByUnit(rows: RegisterRow[]): Array<{ unit: string; rows: RegisterRow[]; roles: Map<RegisterRow, string> }> {
  const groups = new Map<string, { unit: string; rows: RegisterRow[]; roles: Map<RegisterRow, string> }>();
  for (const row of rows) {
    for (const unit of row.leadUnits) {
      const key = aliasKey(unit);
      const group = groups.get(key) ?? { unit, rows: [], roles: new Map() };
      group.roles.set(row, ROLE_WORDS.lead);
      groups.set(key, group);
    }
  }
  for (const row of rows) {
    for (const unit of row.participantUnits) {
      const key = aliasKey(unit);
      if (!groups.has(key) && isCollectiveUnit(unit)) continue;
      const group = groups.get(key) ?? { unit, rows: [], roles: new Map() };
      if (!group.roles.has(row)) group.roles.set(row, ROLE_WORDS.participant);
      groups.set(key, group);
    }
  }
  for (const group of groups.values()) group.rows = rows.filter((r) => group.roles.has(r));
  return [...groups.values()];
}

/** What a unit reads under its sheet's title: how to fill it in so the office can read it back. */
export const UNIT_FILL_NOTE = '黄色表头的列由责任单位填写：状态从下拉列表选择，完成时间写日期，进展情况每次另起一行；请勿删改隐藏列';

function unitTitle(unit: string, rows: RegisterRow[], roles: Map<RegisterRow, string>): string {
  // tasks, not rows: a duty reported every month is one task of the unit
  const count = (role: string) => new Set(rows.filter((r) => roles.get(r) === role).map((r) => `${r.docId}\u0000${r.taskId}`)).size;
  return `${unit} 任务台账（牵头 ${count(ROLE_WORDS.lead)} 项、配合 ${count(ROLE_WORDS.participant)} 项）`;
}

const GAP_WORDS = { 牵头单位: '牵头单位', 完成时限: '完成时限', 责任人: '责任人' } as const;

/** What a task leaves unsaid, in plain words: "没有写明牵头单位、责任人". */
export function taskGaps(row: RegisterRow): string {
  const missing: string[] = [];
  if (!row.牵头单位) missing.push(GAP_WORDS.牵头单位);
  if (!row.完成时限 || row.presumed) missing.push(row.presumed ? `${GAP_WORDS.完成时限}（暂按${row.due}推定）` : GAP_WORDS.完成时限);
  if (!row.责任人) missing.push(GAP_WORDS.责任人);
  return missing.length ? `没有写明${missing.join('、')}` : '';
}

function addWarningsSheet(wb: ExcelJS.Workbook, results: ExtractResult[], rows: RegisterRow[], title: [string, string]): void {
  const ws = addSheet(wb, WARNINGS_SHEET, WARNING_COLUMNS.map((c) => ({ ...c })), [`问题清单：${title[0]}`, title[1]], 0);
  let n = 0;
  // the task's number, not its first node's: "第6项", never "第6-1项"
  const about = (row: RegisterRow) => `第${String(row.序号).replace(/-\d+$/u, '')}项：${row.任务内容}`;
  for (const result of results) {
    const file = result.document.source.path.split(/[\\/]/u).pop() ?? result.document.source.path;
    // what each task leaves unsaid, once per task (its nodes share the gaps)
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.docId !== result.document.id || seen.has(row.taskId)) continue;
      seen.add(row.taskId);
      const gaps = taskGaps(row);
      if (gaps) ws.addRow([++n, file, gaps, about(row), SEVERITY_WORDS.info, null].map((v) => (typeof v === 'string' ? stripXmlForbidden(v) : v)));
    }
    // the document's warnings list is the one message list: every stage's warnings, as they are
    for (const w of result.warnings) {
      const row = w.taskId ? rows.find((r) => r.taskId === w.taskId) : undefined;
      const task = result.tasks.find((t) => t.id === w.taskId);
      const where = row ? about(row) : task ? `${task.id}：${task.text}` : (w.taskId ?? '');
      ws.addRow([++n, file, w.message, where || null, SEVERITY_WORDS[w.severity], w.code].map((v) => (typeof v === 'string' ? stripXmlForbidden(v) : v)));
    }
  }
  styleBody(ws, HEADER_ROW + 1, [1, 5]);
}

function newWorkbook(results: ExtractResult[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'taizhang';
  // same documents in, same workbook out: date it by the newest document, not by the clock
  const newest = results.map((r) => r.document.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/u.test(d)).sort().pop();
  wb.created = wb.modified = new Date(`${newest ?? '2000-01-01'}T00:00:00Z`);
  return wb;
}

export function buildWorkbook(results: ExtractResult[], rows: RegisterRow[], options: RowOptions = {}): ExcelJS.Workbook {
  const wb = newWorkbook(results);
  const namer = new SheetNamer([MAIN_SHEET, WARNINGS_SHEET]);
  const title = titleLines(results, options);
  addTaskSheet(wb, MAIN_SHEET, rows, title);
  for (const group of rowsByUnit(rows)) {
    addTaskSheet(wb, namer.name(group.unit), group.rows, [unitTitle(group.unit, group.rows, group.roles), `${title[1]}　${UNIT_FILL_NOTE}`], group.roles);
  }
  addWarningsSheet(wb, results, rows, title);
  return wb;
}

/** One unit's workbook: its own sheet (led and helped tasks), titled with its name. */
export function buildUnitWorkbook(results: ExtractResult[], group: ReturnType<typeof rowsByUnit>[number], options: RowOptions = {}): ExcelJS.Workbook {
  const wb = newWorkbook(results);
  const title = titleLines(results, options);
  addTaskSheet(wb, sanitizeSheetName(group.unit), group.rows, [unitTitle(group.unit, group.rows, group.roles), `${title[1]}　${UNIT_FILL_NOTE}`], group.roles);
  return wb;
}

export async function writeXlsx(results: ExtractResult[], path: string, filter: RegisterFilter = {}, options: RowOptions = {}): Promise<RegisterRow[]> {
  const clean = cleanForWriters(results);
  const rows = registerRows(clean, filter, options);
  await mkdir(dirname(path), { recursive: true });
  // written beside and renamed: a reader never opens half a workbook, a crash leaves the old one
  await replaceAtomic(path, (part) => buildWorkbook(clean, rows, options).xlsx.writeFile(part));
  return rows;
}

/** `--per-unit DIR`: one workbook per unit, named after it, to send to that unit. Returns the files. */
export async function writeUnitWorkbooks(results: ExtractResult[], dir: string, filter: RegisterFilter = {}, options: RowOptions = {}): Promise<string[]> {
  const clean = cleanForWriters(results);
  const rows = registerRows(clean, filter, options);
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const namer = new SheetNamer();
  for (const group of rowsByUnit(rows)) {
    // a file name follows the sheet rules too: no / \ : * ? and unique whatever the letter case
    const file = join(dir, `${namer.name(group.unit).replace(/["<>|]/gu, '_')}.xlsx`);
    await replaceAtomic(file, (part) => buildUnitWorkbook(clean, group, options).xlsx.writeFile(part));
    files.push(file);
  }
  return files;
}
