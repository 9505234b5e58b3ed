// Task tables (重点任务分工表, 任务清单): a plan often assigns its measures in a table whose header
// names the columns — 工作任务 | 牵头单位 | 配合单位 | 完成时限 | 责任领导 | 责任人. Each row under such a
// header is a task; its cells say who leads, who takes part and by when, and the units extractor
// reads each cell as if it followed that column's label.
import type { Block, Person, Table, Unit } from '../model.js';
import { findAllResponsibilities } from '../../extractors/units.js';
import { parsePersons } from '../../extractors/people.js';
import { peopleWithEvidence, unitsWithEvidence, type Span } from '../lexicon/evidence.js';
import { DIRECT, LABEL_NOUN, labelWords } from '../lexicon/labels.js';
import type { Clause } from './clauses.js';

type Column = 'seq' | 'category' | 'task' | 'lead' | 'participant' | 'responsible' | 'deadline' | 'leader' | 'owner' | 'other';

/** Header words → column, first match wins; order matters (责任领导 before 责任单位 before 责任). */
const HEADER_WORDS: [RegExp, Column][] = [
  [/^(序号|编号|序)$/u, 'seq'],
  [/(责任|牵头|分管)(县|市|区|省)?领导/u, 'leader'],
  [/责任人|联系人|经办人|(?<!单位)负责人/u, 'owner'],
  [new RegExp(labelWords('lead'), 'u'), 'lead'],
  [new RegExp(labelWords('participant'), 'u'), 'participant'],
  [new RegExp(`(?:${labelWords('default')})${DIRECT}?${LABEL_NOUN}|承办|(?:负责|承担|主管)${LABEL_NOUN}`, 'u'), 'responsible'],
  [/时限|时间|期限|进度|节点/u, 'deadline'],
  [/类别|类型|领域|方面|板块|项目类/u, 'category'],
  [/任务|内容|措施|事项|工作|目标|举措|要求|指标/u, 'task'],
];

const CELL_SEPARATOR = '\t';

function columnOf(header: string): Column {
  const h = header.replace(/\s+/gu, '');
  for (const [re, col] of HEADER_WORDS) if (re.test(h)) return col;
  return 'other';
}

/**
 * A row that a page break cut in two (PDF tables over pages): the first row of a new page whose
 * serial-number cell is empty, or holds the number of the row above it carried over the break.
 */
function isCutRow(blocks: Block[], i: number, cols: Column[], cells: string[]): boolean {
  const seq = cols.indexOf('seq');
  const prev = blocks[i - 1];
  if (seq < 0 || !prev?.style?.table || prev.page === undefined || blocks[i].page === undefined) return false;
  const prevCells = prev.text.split(CELL_SEPARATOR);
  const own = (cells[seq] ?? '').trim();
  const above = (prevCells[seq] ?? '').trim();
  // the reader may have carried the serial number over the break into the cut row's empty cell
  return above !== '' && (own === '' || (own === above && blocks[i].style?.rowJoin === true)) && rowPage(blocks[i]) !== rowPage(prev, true);
}

/**
 * Two halves of a cell cut by a page break. Words run on; a list of units gets its separator back
 * when the cut fell between two names ("县交通运输局" | "县财政局").
 */
function joinCut(a: string, b: string): string {
  if (!a || !b) return a || b;
  return /[、，,；;]$/u.test(a) || /^[、，,；;]/u.test(b) || !/(?:局|委|办|厅|部|室|院|会|府|所|站|队|中心|公司|政府|单位)$/u.test(a) ? a + b : `${a}、${b}`;
}

/** The page a table row stands on: PDF rows of a table over pages carry their own page. */
function rowPage(b: Block, end = false): number | undefined {
  return end ? b.pageEnd ?? b.page : b.page;
}

/**
 * The second row of a two-row header: every cell repeats the cell above (merged down) or is a
 * short label of its own; the columns are then read from the lower labels where they are.
 */
function subHeader(upper: string[], lower: string[]): Column[] | null {
  const own = lower.map((c, k) => (c.trim() && c.trim() !== (upper[k] ?? '').trim() ? c.trim() : ''));
  if (!own.some(Boolean)) return null;
  const isLabel = (c: string) => c.length <= 10 && !/\d|[。；，]/u.test(c) && columnOf(c) !== 'other';
  if (!own.every((c) => c === '' || isLabel(c))) return null;
  return readHeader(Array.from({ length: Math.max(upper.length, lower.length) }, (_, k) => own[k] || upper[k] || ''));
}

/** A header row: a task column and at least one column saying who is accountable. */
export function readHeader(cells: string[]): Column[] | null {
  const cols = cells.map(columnOf);
  const accountable = cols.some((c) => c === 'lead' || c === 'responsible' || c === 'participant');
  return cols.includes('task') && accountable ? cols : null;
}

function unitsOf(label: string, cell: string): Unit[] {
  if (!cell.trim()) return [];
  return findAllResponsibilities(`${label}：${cell.trim()}`).flatMap((r) => r.units);
}

/**
 * Where the cells of a column stand in the row's block: one span per non-empty cell, trimmed. A row
 * cut by a page break has its cells in two blocks; each half is a span of its own block.
 */
function cellSpans(blocks: Block[], rows: number[], cols: Column[], col: Column): Span[] {
  const spans: Span[] = [];
  for (const b of rows) {
    let at = 0;
    blocks[b].text.split(CELL_SEPARATOR).forEach((c, k) => {
      const lead = c.length - c.trimStart().length;
      if (cols[k] === col && c.trim()) spans.push({ block: b, text: blocks[b].text, start: at + lead, end: at + lead + c.trim().length });
      at += c.length + CELL_SEPARATOR.length;
    });
  }
  return spans;
}

function oneCell(spans: Span[], text: string): { deadlineSpan?: Span } {
  return spans.length === 1 && spans[0].text.slice(spans[0].start, spans[0].end) === text ? { deadlineSpan: spans[0] } : {};
}

/** Each fact gets its words from the first of the column's cells that writes its name, else the first cell. */
function placeInCells<T extends Unit | Person>(facts: T[], spans: Span[], place: (f: T[], s: Span) => T[]): T[] {
  if (!spans.length) return facts;
  return facts.map((f) => {
    const own = spans.find((s) => s.text.slice(s.start, s.end).includes(f.name)) ?? spans[0];
    return place([f], own)[0];
  });
}

export interface TableTask {
  clause: Clause;
  leaders: Person[];
  owners: Person[];
  /** the 完成时限 cell, read by the deadline extractor with the task text */
  deadlineText: string;
  /** where deadlineText stands in its block, when it is one cell as written (not two halves or columns) */
  deadlineSpan?: Span;
  /** blocks of the table (header and rows): not clause text elsewhere */
  blocks: number[];
}

/**
 * Every task row of every task table. A category cell left empty (a merged cell in the source)
 * carries the category of the row above.
 */
export function readTaskTables(blocks: Block[], pathOf: string[][]): TableTask[] {
  const out: TableTask[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!blocks[i].style?.table) continue;
    let cols = readHeader(blocks[i].text.split(CELL_SEPARATOR));
    if (!cols) continue;
    const header = i;
    // a header over two rows ("责任单位" over "牵头单位 | 配合单位"): the lower row names the columns
    const lower = blocks[i + 1]?.style?.table ? subHeader(blocks[i].text.split(CELL_SEPARATOR), blocks[i + 1].text.split(CELL_SEPARATOR)) : null;
    if (lower) {
      cols = lower;
      i++;
    }
    let category = '';
    let lastCells: string[] | null = null;
    for (i = i + 1; i < blocks.length && blocks[i].style?.table; i++) {
      let cells = blocks[i].text.split(CELL_SEPARATOR);
      let block = i;
      const last = out[out.length - 1];
      const cut = last !== undefined && lastCells !== null && last.clause.block > header && isCutRow(blocks, i, cols, cells);
      if (cut) {
        // the rest of the row above, cut by a page break: each cell's words go on where they stopped
        cells = lastCells!.map((c, k) => (cols[k] === 'seq' ? c : joinCut(c, cells[k] ?? '')));
        block = last.clause.block;
        out.pop();
      }
      lastCells = cells;
      const cell = (c: Column) => cells.filter((_, k) => cols[k] === c).join('、').trim();
      const task = cells.filter((_, k) => cols[k] === 'task').map((x) => x.trim()).filter(Boolean).join('。');
      if (!task) continue;
      if (cell('category')) category = cell('category');
      // the words of each unit and person: the cells of the row (and of the half above a page break)
      const rowBlocks = cut ? [block, i] : [i];
      const inCells = (col: Column, units: Unit[]) => placeInCells(units, cellSpans(blocks, rowBlocks, cols, col), unitsWithEvidence);
      const units = [
        ...inCells('lead', unitsOf('牵头单位', cell('lead'))),
        ...inCells('responsible', unitsOf('责任单位', cell('responsible'))),
        ...inCells('participant', unitsOf('配合单位', cell('participant'))),
      ];
      // a unit named both in 牵头 and 责任 keeps its first (stronger) role
      const seen = new Set<string>();
      const unique = units.filter((u) => !seen.has(u.name) && seen.add(u.name));
      const headingPath = pathOf[header] ?? [];
      out.push({
        clause: {
          path: category ? [...headingPath, category] : [...headingPath],
          headingPath,
          text: task,
          units: unique,
          block,
          blockEnd: i,
        },
        leaders: placeInCells(parsePersons(cell('leader')), cellSpans(blocks, rowBlocks, cols, 'leader'), peopleWithEvidence),
        owners: placeInCells(parsePersons(cell('owner')), cellSpans(blocks, rowBlocks, cols, 'owner'), peopleWithEvidence),
        deadlineText: cell('deadline'),
        ...oneCell(cellSpans(blocks, rowBlocks, cols, 'deadline'), cell('deadline')),
        blocks: [],
      });
    }
    const rows = Array.from({ length: i - header }, (_, k) => header + k);
    for (const t of out) if (t.blocks.length === 0) t.blocks = rows;
    i--;
  }
  return out;
}

/** A run of table rows with at least two rows of two cells: a data table, not a page laid out in one cell. */
function isDataTable(rows: string[][]): boolean {
  return rows.length >= 2 && rows.filter((r) => r.filter((c) => c.trim()).length >= 2).length >= 2;
}

/** A header row: short labels, none a number (a data row starts with its serial number). */
function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((c) => c.length <= 20 && !/^\d/u.test(c) && !/[。；]/u.test(c));
}

/**
 * Grid rows under one merged first cell are one row of the table (an 事项 with its several 材料
 * lines): each column keeps its distinct texts, one per line.
 */
export function mergeJoinedRows(rows: { cells: string[]; join: boolean }[]): string[][] {
  const out: string[][] = [];
  for (const { cells, join } of rows) {
    const last = out[out.length - 1];
    if (!last || !join) {
      out.push([...cells]);
      continue;
    }
    cells.forEach((cell, c) => {
      if (!cell) return;
      const have = (last[c] ?? '').split('\n');
      if (have[have.length - 1] === cell) return;
      last[c] = last[c] ? `${last[c]}\n${cell}` : cell;
    });
  }
  return out;
}

/**
 * Every table of the document that is not a task table (`taskRows`: blocks read as task rows or
 * their header), as rows of cells, and the blocks it covers: those are never clause text, so a
 * table is never read one fragment at a time.
 */
export function collectTables(blocks: Block[], taskRows: Set<number>): { tables: Table[]; blocks: number[] } {
  const tables: Table[] = [];
  const covered: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!blocks[i].style?.table || taskRows.has(i)) continue;
    const start = i;
    while (i + 1 < blocks.length && blocks[i + 1].style?.table && !taskRows.has(i + 1)) i++;
    const run = blocks.slice(start, i + 1).map((b) => ({ cells: b.text.split(CELL_SEPARATOR).map((c) => c.trim()), join: b.style?.rowJoin === true }));
    if (!isDataTable(run.map((r) => r.cells))) {
      // a caption row above a task table's header ("重点任务分工表" across all columns) is the table's, not a clause
      if (taskRows.has(i + 1)) for (let k = start; k <= i; k++) covered.push(k);
      continue;
    }
    // a caption across the whole table ("附表1 …名单") above the header is no row
    const caption = run.length > 2 && run[0].cells.filter(Boolean).length === 1 && looksLikeHeader(run[1].cells) ? 1 : 0;
    const hasHeader = looksLikeHeader(run[caption].cells);
    const rows = mergeJoinedRows(run.slice(caption + (hasHeader ? 1 : 0)));
    const first = blocks[start];
    const lastPage = blocks[i].pageEnd ?? blocks[i].page;
    tables.push({
      ...(first.page !== undefined ? { page: first.page } : {}),
      ...(lastPage !== undefined && lastPage !== first.page ? { pageEnd: lastPage } : {}),
      ...(caption ? { caption: run[0].cells.find(Boolean) } : {}),
      header: hasHeader ? run[caption].cells : [],
      rows,
      where: { block: start, ...(first.page !== undefined ? { page: first.page } : {}) },
    });
    for (let k = start; k <= i; k++) covered.push(k);
  }
  return { tables, blocks: covered };
}
