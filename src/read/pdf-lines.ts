import { startsNew } from '../lexicon/lines.js';
import { rejoinLetterSpacing } from './pdf-tables.js';

// Geometry of one PDF page: text items → lines → paragraphs. Pure: no pdf.js here, only positions,
// so the rules can be tested on made-up pages.
//
// Chinese official documents (GB/T 9704) indent each paragraph's first line by two characters and
// run the other lines to the column's edge. So a paragraph starts at an indented or centred line,
// or after a line that stops short of the edge. Two-column pages keep reading order in the content
// stream (sorting by position would interleave the columns), so lines follow item order and each
// line finds its column by its left edge.

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** font size in points */
  size: number;
}

export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
}

export interface PdfParagraph {
  text: string;
  page: number;
  pageEnd: number;
  size: number;
  center: boolean;
  /** room left after the paragraph's last line, in points (0 when it ran to the column edge) */
  tailGap: number;
  /** true when the paragraph's first line starts at the margin (it may continue the previous page's paragraph) */
  flushStart: boolean;
  /** baseline of its first line, to put a table back between the page's paragraphs */
  top?: number;
}

const SPACED_PAIR = /[\u3400-\u9fff] (?=[\u3400-\u9fff])/gu;
const TIGHT_PAIR = /[\u3400-\u9fff](?=[\u3400-\u9fff])/gu;

/**
 * A justified line set letter by letter comes as "企 业 投 资 项": when most neighbouring Chinese
 * characters of an item stand a space apart, the spaces are layout. Words set apart on purpose
 * ("中共某省委 某省人民政府") have more characters together than apart.
 */
export function unspaceItem(str: string): string {
  const spaced = (str.match(SPACED_PAIR) ?? []).length;
  const tight = (str.match(TIGHT_PAIR) ?? []).length;
  return spaced >= 2 && spaced >= tight * 2 ? rejoinLetterSpacing(str) : str;
}

/** Items in content-stream order → visual lines (a new line when the baseline moves or x jumps back). */
export function groupLines(rawItems: TextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: PdfLine | null = null;
  for (const raw of rawItems) {
    if (raw.str === '' && raw.width === 0) continue;
    const it = { ...raw, str: unspaceItem(raw.str) };
    const tol = Math.max(1, it.size * 0.4);
    if (cur && Math.abs(it.y - cur.y) <= tol && it.x >= cur.right - it.size * 0.6) {
      // a gap of more than a character between items on one line is a real space
      if (it.x - cur.right > it.size * 0.9 && !cur.text.endsWith(' ')) cur.text += ' ';
      cur.text += it.str;
      cur.right = Math.max(cur.right, it.x + it.width);
      cur.size = Math.max(cur.size, it.size);
      continue;
    }
    if (cur) lines.push(cur);
    cur = { text: it.str, x: it.x, right: it.x + it.width, y: it.y, size: it.size, page };
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => l.text.trim() !== '');
}

export interface Column {
  margin: number;
  right: number;
}

/**
 * Left margins of the page's columns: frequent line starts that are not a paragraph indent
 * (an indent sits 0.5–3.5 characters right of another frequent start).
 */
export function findColumns(lines: PdfLine[]): Column[] {
  const starts = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.x);
    starts.set(k, (starts.get(k) ?? 0) + 1);
  }
  const size = median(lines.map((l) => l.size)) || 12;
  const frequent = [...starts.entries()].filter(([, n]) => n >= 2).map(([x]) => x).sort((a, b) => a - b);
  const margins = frequent.filter((s) => !frequent.some((t) => t < s - size * 0.5 && t >= s - size * 3.5));
  const merged: number[] = [];
  for (const m of margins) if (!merged.length || m - merged[merged.length - 1] > size * 3.5) merged.push(m);
  if (!merged.length) merged.push(Math.min(...lines.map((l) => l.x)));
  return merged.map((margin, i) => {
    const next = merged[i + 1] ?? Infinity;
    const own = lines.filter((l) => l.x >= margin - 2 && l.x < next - 2);
    return { margin, right: Math.max(...own.map((l) => l.right), margin) };
  });
}

function columnOf(columns: Column[], x: number): Column {
  let best = columns[0];
  for (const c of columns) if (c.margin <= x + 2) best = c;
  return best;
}

/** The middle value (the upper of two), 0 for none: sizes, heights, widths of a page's lines. */
export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Lines of one page → paragraphs, by indentation, centring, short last lines and font changes. */
export function linesToParagraphs(lines: PdfLine[], columns: Column[] = findColumns(lines)): PdfParagraph[] {
  if (!lines.length) return [];
  const bodySize = median(lines.map((l) => l.size));
  const out: PdfParagraph[] = [];
  let cur: PdfParagraph | null = null;
  let prev: PdfLine | null = null;
  for (const l of lines) {
    const col = columnOf(columns, l.x);
    const indent = l.x - col.margin;
    const width = col.right - col.margin;
    const tail = col.right - l.right;
    // as much room left as right, and more than the 2-character first-line indent of body text
    // (GB/T 9704) — or, for a line set larger than the body, any balanced margins (titles)
    const balanced = Math.abs(indent - tail) < l.size * 1.5 && l.right - l.x < width * 0.9;
    const center = balanced && (indent > l.size * 2.6 || (l.size > bodySize + 1 && indent > l.size * 0.5 && Math.abs(indent - tail) < l.size * 0.5));
    const indented = indent >= l.size * 0.8;
    const prevShort = prev ? !wrapsInto(columnOf(columns, prev.x).right - prev.right, l.text, l.size) : true;
    const sizeChange = prev ? Math.abs(prev.size - l.size) > 0.5 : true;
    const lineGap = prev ? prev.y - l.y : 0;
    const bigGap = prev ? lineGap > Math.max(prev.size, l.size) * 2.6 && lineGap > 0 : false;
    // a wrapped line goes down (or up into the next column), never on along the same baseline: a
    // line beside the one before it (a row of boxes put together, a record field) starts anew
    const sameRow = prev ? Math.abs(lineGap) <= Math.max(prev.size, l.size) * 0.4 : false;
    // a title goes on over centred lines; in a narrow column its first line fills the column and
    // only the rest is centred ("新宾满族自治县脱贫" / "攻坚领导小组")
    const wrappedTitle = cur !== null && !cur.center && cur.text === prev?.text && !prevShort && center && l.size > 15.5;
    const continuesTitle = cur !== null && (cur.center || wrappedTitle) && center && !sizeChange && !bigGap && !startsNew(l.text);
    const startNew = !cur ? true : continuesTitle ? false : indented || center || prevShort || sizeChange || bigGap || sameRow;
    if (startNew) {
      if (cur) out.push(cur);
      cur = { text: l.text, page: l.page, pageEnd: l.page, size: l.size, center, tailGap: 0, flushStart: !indented && !center, top: l.y };
    } else if (cur) {
      cur.text += joinSeparator(cur.text, l.text) + l.text;
      cur.pageEnd = l.page;
    }
    if (cur) cur.tailGap = center ? Infinity : Math.max(0, col.right - l.right);
    prev = l;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Did the line before end short only because the next line's first word could not fit? Chinese
 * text breaks between any two characters, but a run of digits or Latin letters ("2018年") and
 * the punctuation a line may not start with (，。、）) move down whole, leaving a gap.
 */
export function wrapsInto(gap: number, nextText: string, size: number): boolean {
  const lead = /^[0-9A-Za-z.%:/+\-]+/u.exec(nextText)?.[0] ?? '';
  // up to two characters and a bit: a character pulled down with the closing mark after it ("镇）")
  const room = Math.max(2.5, lead.length * 0.6 + 1.5) * size;
  return gap <= room;
}

/** CJK text joins without a space; Latin words and numbers broken at a line end keep one. */
export function joinSeparator(before: string, after: string): string {
  const a = before.slice(-1);
  const b = after.slice(0, 1);
  return /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b) ? ' ' : '';
}

/** Side-by-side boxes are short pieces: a crumb of a path, a menu entry, a cell of a borderless table. */
const BOX_LINE_CHARS = 16;
const BOX_MAX_LINES = 4;
const MIN_BOXES = 3;

/**
 * A row of narrow boxes set side by side (a breadcrumb whose crumbs wrap inside their own boxes, a
 * menu, a row of a table drawn without rules) comes out of a browser's PDF box by box: "首", "页",
 * "> 政府信息公开目", "录", … — the stream goes down one box and back up into the next. Such a run
 * of short lines, three boxes at the least, is one line: each box's pieces joined, boxes apart by a
 * space, so that "首页 > 政府信息公开目录 > …" reads as the path it is. Two columns of text are no
 * such run: their lines are long, or there are two of them.
 */
export function joinSideBySideBoxes(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const boxes = boxRunAt(lines, i);
    const n = boxes.reduce((s, b) => s + b.length, 0);
    if (boxes.length < MIN_BOXES) {
      out.push(lines[i++]);
      continue;
    }
    const run = lines.slice(i, i + n);
    out.push({
      text: boxes.map((b) => b.reduce((acc, l) => acc + joinSeparator(acc, l.text.trim()) + l.text.trim(), '')).join(' '),
      x: Math.min(...run.map((l) => l.x)),
      right: Math.max(...run.map((l) => l.right)),
      y: Math.max(...run.map((l) => l.y)),
      size: Math.max(...run.map((l) => l.size)),
      page: run[0].page,
    });
    i += n;
  }
  return out;
}

/** The boxes of a side-by-side run starting at line `from`: each box a few short lines going down. */
function boxRunAt(lines: PdfLine[], from: number): PdfLine[][] {
  const short = (l: PdfLine) => l.text.trim().length <= BOX_LINE_CHARS;
  if (!short(lines[from])) return [];
  const boxes: PdfLine[][] = [[lines[from]]];
  const top = lines[from].y;
  for (let k = from + 1; k < lines.length && short(lines[k]); k++) {
    const l = lines[k];
    const box = boxes[boxes.length - 1];
    const prev = box[box.length - 1];
    const tol = Math.max(l.size, prev.size) * 0.5;
    const boxRight = Math.max(...box.map((b) => b.right));
    const down = l.y < prev.y - tol && prev.y - l.y <= Math.max(l.size, prev.size) * 3 && l.x < boxRight && l.right > Math.min(...box.map((b) => b.x));
    // the next box starts on the run's top baseline, right of where this box starts (a browser's
    // widths may overlap the next box by a trailing space)
    const nextBox = l.y >= prev.y - tol && Math.abs(l.y - top) <= tol && l.x > Math.max(...box.map((b) => b.x)) + l.size;
    if (down && box.length < BOX_MAX_LINES) box.push(l);
    else if (nextBox) boxes.push([l]);
    else break;
  }
  // the run must go up at least once: a box of one line after another on one baseline is one line already
  return boxes.length >= MIN_BOXES && boxes.some((b) => b.length > 1) ? boxes : [];
}
