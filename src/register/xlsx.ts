// The register as staff hand it on: one sheet with every task, one sheet per lead unit (each unit
// gets the page that concerns it), and a 问题清单 of what the extraction warns about. Laid out to be
// read on screen and printed on A4 landscape without cutting a column.
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { replaceAtomic } from '../atomic-write.js';
import { dirname } from 'node:path';
import { unitAliases } from '../../extractors/unit-names.js';
import type { ExtractResult, Message } from '../model.js';
import type { RegisterFilter } from './filter.js';
import { rowHeight } from './row-height.js';
import { REGISTER_COLUMNS, registerRows, type RegisterRow } from './rows.js';
import { SheetNamer } from './sheet-names.js';
import { cleanForWriters, stripXmlForbidden } from './xml-chars.js';

export const MAIN_SHEET = '任务台账';
export const WARNINGS_SHEET = '问题清单';
export const LEAD_SHEET_SUFFIX = ' 牵头';

const SEVERITY_WORDS: Readonly<Record<Message['severity'], string>> = { error: '错误', warning: '警告', info: '提示' };

const WARNING_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '文件', width: 30 },
  { header: '代码', width: 22 },
  { header: '级别', width: 8 },
  { header: '说明', width: 44 },
  { header: '相关任务', width: 50 },
] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:1',
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = headers.map((h, i) => ({ header: h, key: h, width: widths[i] }));
  const header = ws.getRow(1);
  header.font = { name: FONT, bold: true, size: 11 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

/** Every body cell wraps and sits at the top, so a long 任务内容 grows the row instead of being cut. */
function styleBody(ws: ExcelJS.Worksheet, centered: number[]): void {
  const width = ws.columnCount;
  const widths = Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width ?? 10);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = widths.map((_, i) => row.getCell(i + 1).value);
    row.height = rowHeight(values.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null)), widths);
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: centered.includes(col) ? 'center' : 'left' };
      cell.border = BORDER;
    }
  });
}

/**
 * An empty cell stays empty (not ""), so Excel's filter offers it as （空白）. Values are plain
 * strings and numbers, never formula objects: "=HYPERLINK(…)" in a notice is written as text.
 */
function cells(values: Array<string | number>): Array<string | number | null> {
  return values.map((v) => (v === '' ? null : typeof v === 'string' ? stripXmlForbidden(v) : v));
}

function addTaskSheet(wb: ExcelJS.Workbook, name: string, rows: RegisterRow[]): void {
  const ws = addSheet(wb, name, REGISTER_COLUMNS.map((c) => c.key), REGISTER_COLUMNS.map((c) => c.width));
  for (const row of rows) ws.addRow(cells(REGISTER_COLUMNS.map((c) => row[c.key])));
  styleBody(ws, [1, REGISTER_COLUMNS.length]);
}

/** Lead units in first-seen order; 县人社局 and 县人力资源社会保障局 share one sheet. */
export function rowsByLeadUnit(rows: RegisterRow[]): Array<{ unit: string; rows: RegisterRow[] }> {
  const groups = new Map<string, { unit: string; rows: RegisterRow[] }>();
  for (const row of rows) {
    for (const unit of row.leadUnits) {
      const key = [...unitAliases(unit)].sort()[0];
      const group = groups.get(key) ?? { unit, rows: [] };
      if (!group.rows.includes(row)) group.rows.push(row);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

function addWarningsSheet(wb: ExcelJS.Workbook, results: ExtractResult[], rows: RegisterRow[]): void {
  const ws = addSheet(wb, WARNINGS_SHEET, WARNING_COLUMNS.map((c) => c.header), WARNING_COLUMNS.map((c) => c.width));
  let n = 0;
  for (const result of results) {
    const file = result.document.source.path.split(/[\\/]/u).pop() ?? result.document.source.path;
    for (const w of result.warnings) {
      const row = w.taskId ? rows.find((r) => r.taskId === w.taskId) : undefined;
      const task = result.tasks.find((t) => t.id === w.taskId);
      const about = row ? `第${row.序号}行：${row.任务内容}` : task ? `${task.id}：${task.text}` : (w.taskId ?? '');
      ws.addRow(cells([++n, file, w.code, SEVERITY_WORDS[w.severity], w.message, about]));
    }
  }
  styleBody(ws, [1, 4]);
}

export function buildWorkbook(results: ExtractResult[], rows: RegisterRow[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'taizhang';
  // same documents in, same workbook out: date it by the newest document, not by the clock
  const newest = results.map((r) => r.document.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/u.test(d)).sort().pop();
  wb.created = wb.modified = new Date(`${newest ?? '2000-01-01'}T00:00:00Z`);
  const namer = new SheetNamer([MAIN_SHEET, WARNINGS_SHEET]);
  addTaskSheet(wb, MAIN_SHEET, rows);
  for (const group of rowsByLeadUnit(rows)) addTaskSheet(wb, namer.name(group.unit, LEAD_SHEET_SUFFIX), group.rows);
  addWarningsSheet(wb, results, rows);
  return wb;
}

export async function writeXlsx(results: ExtractResult[], path: string, filter: RegisterFilter = {}): Promise<RegisterRow[]> {
  const clean = cleanForWriters(results);
  const rows = registerRows(clean, filter);
  await mkdir(dirname(path), { recursive: true });
  // written beside and renamed: a reader never opens half a workbook, a crash leaves the old one
  await replaceAtomic(path, (part) => buildWorkbook(clean, rows).xlsx.writeFile(part));
  return rows;
}
