// Page furniture of a PDF page, dropped while lines are laid out: page numbers, running headers
// and footers, and what a browser prints in the margins of a saved web page. Pure: positions only.
import { holdsPrintStamp, isPageNumberLine } from '../lexicon/lines.js';
import { median, type PdfLine } from './pdf-lines.js';

/**
 * Page numbers, and running headers/footers: a first or last line that repeats (digits aside)
 * on at least half the pages, three at the least; a browser's print margins on every page.
 */
export function dropRunningLines(pageLines: PdfLine[][]): PdfLine[][] {
  // the text's size is the document's: a page of table rows may hold no line of text beside the margins
  const body = bodySize(pageLines);
  const pages = pageLines.map((lines) => dropPrintMargins(lines, body));
  const key = (l: PdfLine) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map(key));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const split = splitPageNumbers(lines);
    return lines.filter((l, i) => {
      if (isPageNumberLine(l.text) || split.has(l)) return false;
      const atEdge = i === 0 || i === lines.length - 1;
      return !(atEdge && (counts.get(key(l)) ?? 0) >= minPages);
    });
  });
}

const PAGE_NUMBER_PIECE = /^[—–\-－―─\d\s第页共/／]{1,6}$/u;

/**
 * A page number drawn in pieces out of order ("—", then "8", then "—" from right to left) comes out
 * as several one-piece lines on one baseline: put together left to right, they are the page number.
 */
function splitPageNumbers(lines: PdfLine[]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const pieces = lines.filter((l) => PAGE_NUMBER_PIECE.test(l.text.trim()));
  for (const l of pieces) {
    if (out.has(l)) continue;
    const row = pieces.filter((m) => Math.abs(m.y - l.y) <= Math.max(l.size, m.size) * 0.4).sort((a, b) => a.x - b.x);
    if (row.length > 1 && isPageNumberLine(row.map((m) => m.text.trim()).join(' '))) for (const m of row) out.add(m);
  }
  return out;
}

/** How far apart two baselines may be and still be one printed row, in font sizes. */
const ROW_TOLERANCE = 0.5;

/**
 * The header and footer a browser prints around a saved web page (the time of printing and the
 * page's title above, its URL and "1/6" below): the page's top and bottom rows when one of their
 * lines is such a stamp and all are set smaller than the text. Chrome writes them after the page's
 * own text, so they are found by place, not by order; a one-page print has no repeats to go by.
 */
export function dropPrintMargins(lines: PdfLine[], body: number = bodySize([lines])): PdfLine[] {
  if (!lines.length) return lines;
  const byY = [...lines].sort((a, b) => b.y - a.y);
  const drop = new Set<PdfLine>();
  for (const edge of [byY[0], byY[byY.length - 1]]) {
    const row = lines.filter((l) => sameRow(edge, l));
    if (row.some((l) => holdsPrintStamp(l.text)) && row.every((l) => l.size < body - 0.5)) for (const l of row) drop.add(l);
  }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

/** Two lines printed on one baseline (the page's title beside the time of printing). */
function sameRow(a: PdfLine, b: PdfLine): boolean {
  return Math.abs(a.y - b.y) <= Math.max(b.size, 4) * ROW_TOLERANCE;
}

/** The size the text is set in: the median of the lines, the margins' rows left out. */
function bodySize(pages: PdfLine[][]): number {
  const sizes = pages.flatMap((lines) => {
    const stamps = lines.filter((l) => holdsPrintStamp(l.text));
    return lines.filter((l) => !stamps.some((m) => sameRow(l, m)));
  }).map((l) => l.size);
  // no text beside the margins: any row with a stamp is the margin's
  return sizes.length ? median(sizes) : Infinity;
}

