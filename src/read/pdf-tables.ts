// Ruled tables on a PDF page, from geometry alone: the rules found in pdf.js's operator list
// (pdf-rules.ts) make a grid; each text item falls into one cell; merged cells are grid cells with
// no rule between them; a table over several pages is joined. Pure, so it is tested on made-up pages.
//
// Why not read cells from text alignment alone: a table cell wraps its text over several lines at
// its own width, and letter-spaced justified cells ("政 府 投 资 项") look like columns of words.
// The rules say where a cell ends; text without rules stays running text.
import type { TextItem } from './pdf-lines.js';
import type { Rule } from './pdf-rules.js';

const TOL = 1.5;
const MAX_RULES = 2000;

/** A ruled table on one page: grid lines top to bottom and left to right, and its merged cells. */
export interface Grid {
  /** y of each horizontal grid line, top first */
  ys: number[];
  /** x of each vertical grid line, left first */
  xs: number[];
  rules: Rule[];
}

export interface TableCell {
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
  text: string;
}

export interface PageTable {
  grid: Grid;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** grid rows; a merged cell's text stands in every row and column it covers */
  rows: string[][];
  /** per row: does its first cell belong to a cell merged with the row above / below? */
  spansUp: boolean[];
  spansDown: boolean[];
}

function cluster(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= TOL * 2) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const covers = (r: Rule, pos: number, along: number) => Math.abs(r.pos - pos) <= TOL * 2 && r.from - TOL * 2 <= along && along <= r.to + TOL * 2;

/**
 * Groups of rules that touch one another; a group with at least two columns is a table. A lone box
 * (a framed note) or a frame split only by horizontal rules is not.
 */
export function findGrids(all: Rule[]): Grid[] {
  // a chart or a map draws thousands of short strokes: only long ones can be borders, and a page
  // that still has thousands is a drawing, not a table (and pairing them all would take seconds)
  const rules = all.length > MAX_RULES ? all.filter((r) => r.to - r.from >= 20) : all;
  if (rules.length > MAX_RULES) return [];
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      const touch =
        a.horizontal !== b.horizontal
          ? covers(a, a.pos, b.pos) && covers(b, b.pos, a.pos)
          : Math.abs(a.pos - b.pos) <= TOL && a.from <= b.to + TOL * 2 && b.from <= a.to + TOL * 2;
      if (touch) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const g = groups.get(find(i));
    if (g) g.push(r);
    else groups.set(find(i), [r]);
  });
  const grids: Grid[] = [];
  for (const rs of groups.values()) {
    const ys = openEdges(cluster(rs.filter((r) => r.horizontal).map((r) => r.pos)).reverse(), rs.filter((r) => !r.horizontal));
    const xs = cluster(rs.filter((r) => !r.horizontal).map((r) => r.pos));
    // one column is a frame around text (a page border with the red line under the masthead), not a table
    if (ys.length < 2 || xs.length < 3) continue;
    grids.push({ ys, xs, rules: rs });
  }
  return grids.sort((a, b) => b.ys[0] - a.ys[0]);
}

/** Room a row cut by the page edge must have to hold a line of text (points). */
const MIN_OPEN_ROW = 6;

/**
 * A row cut by a page break in a browser's print has no rule on its cut side: the column rules run
 * on past the last horizontal rule to the page's edge. Where two or more of them do, that end is
 * the grid's edge, so the cut row's text is read in its cells, not as lines of one character.
 */
function openEdges(ys: number[], verticals: Rule[]): number[] {
  if (!ys.length || verticals.length < 2) return ys;
  const out = [...ys];
  const top = Math.max(...verticals.map((r) => r.to));
  const bottom = Math.min(...verticals.map((r) => r.from));
  const reaching = (end: number, at: (r: Rule) => number) => cluster(verticals.filter((r) => Math.abs(at(r) - end) <= TOL * 2).map((r) => r.pos)).length >= 2;
  if (top - out[0] >= MIN_OPEN_ROW && reaching(top, (r) => r.to)) out.unshift(top);
  if (out[out.length - 1] - bottom >= MIN_OPEN_ROW && reaching(bottom, (r) => r.from)) out.push(bottom);
  return out;
}

/** The grid cell a point falls in, or null outside the grid. */
function cellAt(grid: Grid, x: number, y: number): [number, number] | null {
  const { xs, ys } = grid;
  if (x < xs[0] - TOL || x > xs[xs.length - 1] + TOL || y > ys[0] + TOL || y < ys[ys.length - 1] - TOL) return null;
  let col = 0;
  while (col < xs.length - 2 && x > xs[col + 1]) col++;
  let row = 0;
  while (row < ys.length - 2 && y < ys[row + 1]) row++;
  return [row, col];
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’—…';
const LETTER_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/**
 * Justified text in a narrow cell comes out letter-spaced ("企 业 投 资 项"): a space between two
 * Chinese characters is layout, not a word break.
 */
export function rejoinLetterSpacing(text: string): string {
  return text.replace(LETTER_SPACE, '');
}

/** The text of one cell: its items line by line, top to bottom, each line left to right. */
function cellText(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= Math.max(1, it.size * 0.4)) line.push(it);
    else lines.push([it]);
  }
  const text = lines
    .map((l) => l.sort((a, b) => a.x - b.x).map((it) => it.str).join(''))
    .reduce((acc, l) => acc + (/[A-Za-z0-9]$/u.test(acc) && /^[A-Za-z0-9]/u.test(l) ? ' ' : '') + l, '');
  return rejoinLetterSpacing(text.replace(/\s+/gu, ' ').trim());
}

/**
 * The table a grid draws over the page's text items: the items inside the grid are taken out of
 * `items` (they are no longer running text). Merged cells are found from missing rules: two grid
 * cells with no rule between them are one cell.
 */
export function readGrid(grid: Grid, items: TextItem[]): { table: PageTable; rest: TextItem[] } {
  const { xs, ys, rules } = grid;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hRules = rules.filter((r) => r.horizontal);
  const vRules = rules.filter((r) => !r.horizontal);
  for (let r = 0; r < nr; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < nc; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < nc && !vRules.some((v) => covers(v, xs[c + 1], midY))) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < nr && !hRules.some((h) => covers(h, ys[r + 1], midX))) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const inCell = new Map<number, TextItem[]>();
  const rest: TextItem[] = [];
  for (const it of items) {
    // the first character's middle decides: a long item may overrun its cell's right rule
    const at = it.str.trim() ? cellAt(grid, it.x + Math.min(it.width, it.size) / 2, it.y + it.size * 0.3) : null;
    if (!at) {
      if (!(it.str.trim() === '' && cellAt(grid, it.x + 1, it.y + 1))) rest.push(it);
      continue;
    }
    const root = find(id(at[0], at[1]));
    const list = inCell.get(root);
    if (list) list.push(it);
    else inCell.set(root, [it]);
  }
  const textOf = new Map<number, string>();
  for (const [root, its] of inCell) textOf.set(root, cellText(its));
  const rows: string[][] = [];
  const spansUp: boolean[] = [];
  const spansDown: boolean[] = [];
  for (let r = 0; r < nr; r++) {
    const row: string[] = [];
    let lastRoot = -1;
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      // a cell merged across columns is one cell: its text in the first, the columns it covers
      // empty, so every row keeps the header's columns
      row.push(root === lastRoot ? '' : textOf.get(root) ?? '');
      lastRoot = root;
    }
    rows.push(row);
    spansUp.push(r > 0 && find(id(r, 0)) === find(id(r - 1, 0)));
    spansDown.push(r + 1 < nr && find(id(r, 0)) === find(id(r + 1, 0)));
  }
  return {
    table: { grid, top: ys[0], bottom: ys[nr], left: xs[0], right: xs[nc], rows, spansUp, spansDown },
    rest,
  };
}

/**
 * A ruled frame holding running text, not a table: one or two rows with a cell as long as a page
 * of prose (two columns of a page divided by a rule, a bordered notice).
 */
export function isTextFrame(table: PageTable): boolean {
  return table.rows.length <= 2 && table.rows.flat().some((c) => c.length > 300);
}

/** A table read from one or more pages: its header and its rows (a row merged over grid rows is one row). */
export interface ReadTable {
  page: number;
  pageEnd: number;
  rows: string[][];
  /** per row: its first cell is merged with the row above (one row of the table, several grid rows) */
  spansUp: boolean[];
  /** per row: the page it stands on */
  rowPages: number[];
  /** top y on its first page, to put the table back among the page's paragraphs */
  top: number;
}

const squeeze = (s: string) => s.replace(/\s+/gu, '');

/**
 * Tables of consecutive pages joined: a table that runs to the bottom of one page and goes on at
 * the top of the next with as many columns is one table; the next page's repeat of the header row
 * goes; a first cell cut by the page break (empty on one side) takes the text of the other side.
 */
export function joinPageTables(pages: { page: number; tables: PageTable[]; firstAtTop: boolean; lastAtBottom: boolean }[]): ReadTable[] {
  const out: (ReadTable & { spansDown: boolean[]; cols: number })[] = [];
  let prev: { page: number; lastAtBottom: boolean } | null = null;
  for (const p of pages) {
    p.tables.forEach((t, k) => {
      const cols = Math.max(...t.rows.map((r) => r.length));
      const last = out[out.length - 1];
      const continues =
        k === 0 && p.firstAtTop && prev !== null && prev.page === p.page - 1 && prev.lastAtBottom && last !== undefined && last.pageEnd === p.page - 1 && last.cols === cols;
      if (!continues) {
        out.push({ page: p.page, pageEnd: p.page, rows: t.rows.map((r) => [...r]), top: t.top, spansDown: [...t.spansDown], spansUp: [...t.spansUp], rowPages: t.rows.map(() => p.page), cols });
        return;
      }
      let rows = t.rows.map((r) => [...r]);
      let spansUp = [...t.spansUp];
      let spansDown = [...t.spansDown];
      if (rows.length && last.rows.length && squeeze(rows[0].join('|')) === squeeze(last.rows[0].join('|'))) {
        rows = rows.slice(1);
        spansUp = spansUp.slice(1);
        spansDown = spansDown.slice(1);
        if (spansUp.length) spansUp[0] = false;
      }
      // the first cell of a row cut by the page break: its text stands on one side only
      const tail: number[] = [];
      for (let i = last.rows.length - 1; i >= 0 && (last.spansDown[i] || i === last.rows.length - 1); i--) {
        tail.push(i);
        if (!last.spansUp[i]) break;
      }
      const head: number[] = [];
      for (let i = 0; i < rows.length && (i === 0 || spansUp[i]); i++) head.push(i);
      const before = tail.map((i) => last.rows[i][0]).find((x) => x) ?? '';
      const after = head.map((i) => rows[i][0]).find((x) => x) ?? '';
      if (rows.length && before && !after) for (const i of head) rows[i][0] = before;
      if (rows.length && after && !before) for (const i of tail) last.rows[i][0] = after;
      if (rows.length && (before === '' || after === '' || before === after)) {
        // one cell cut in two: the rows either side belong together
        if (tail.length) last.spansDown[tail[0]] = true;
        if (head.length) spansUp[0] = true;
      }
      last.rows.push(...rows);
      last.rowPages.push(...rows.map(() => p.page));
      last.spansUp.push(...spansUp);
      last.spansDown.push(...spansDown);
      last.pageEnd = p.page;
    });
    prev = p;
  }
  return out.map(({ page, pageEnd, rows, top, spansUp, rowPages }) => ({ page, pageEnd, top, rows, spansUp, rowPages }));
}

/**
 * Grid rows under one merged first cell are one row of the table (an 事项 with its several
 * 材料 lines): each column keeps its distinct texts, one per line.
 */
export function mergeSpannedRows(rows: string[][], spansUp: boolean[]): string[][] {
  const out: string[][] = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (!last || !spansUp[i]) {
      out.push([...row]);
      return;
    }
    row.forEach((cell, c) => {
      if (!cell) return;
      const have = (last[c] ?? '').split('\n');
      if (have[have.length - 1] === cell) return;
      last[c] = last[c] ? `${last[c]}\n${cell}` : cell;
    });
  });
  return out;
}
