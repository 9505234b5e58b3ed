// OCR lines → the same lines the PDF reader lays out (pdf-lines.ts), so a scan's paragraphs, titles,
// page numbers and running lines are found by the rules a text PDF uses. Pure: no tesseract here,
// only boxes, so the rules can be tested on made-up pages.
import { isPageNumberLine } from '../lexicon/lines.js';
import type { Block } from '../model.js';
import { median, type PdfLine } from './pdf-lines.js';
import type { OcrLine, OcrPage, OcrWord } from './ocr.js';

/**
 * Below this a word is "read with low confidence" (tesseract's 0–100). A clean 300 dpi page reads
 * its Chinese words at 85–96; a word under 60 is a guess worth checking against the paper.
 */
export const LOW_CONFIDENCE = 60;
/** A word this unsure, in the signature zone under a seal, is the seal's own ink read as text. */
const SEAL_NOISE = 35;

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;
/** Characters whose box is flat or small, whatever the font size: they say nothing of the size. */
const FLAT = /^[一二、。，．.,\-—_~～·…“”‘’"'：:；;]+$/u;

/**
 * The words of one line as text. tesseract puts a space between every "word", and a Chinese word is
 * often one character: the space is kept only where the gap on the page is wider than a character
 * (its height: a 公文 sets its characters in square boxes), or between two Latin/digit words that
 * would otherwise run together. The boxes tesseract gives a Chinese character are often narrower
 * than its glyph (a 40 px character in a box 12–20 px wide), so two characters set side by side show
 * gaps of up to 0.9 of a character between their boxes; a space typed between words, or the gap
 * between a signature and its date, is wider than a whole character. The height is measured on the
 * Chinese characters only: commas and quotes are low boxes and would lower it.
 */
export function lineText(words: OcrWord[]): string {
  let out = '';
  const full = words.filter((w) => CJK.test(w.text) && !FLAT.test(w.text)).map((w) => w.y1 - w.y0);
  const h = median(full.length ? full : words.map((w) => w.y1 - w.y0)) || 1;
  words.forEach((w, i) => {
    if (i > 0) {
      const prev = words[i - 1];
      const gap = w.x0 - prev.x1;
      const latin = /[A-Za-z0-9]$/u.test(prev.text) && /^[A-Za-z0-9]/u.test(w.text);
      if (gap > h || (latin && gap > h * 0.15)) out += ' ';
    }
    out += w.text;
  });
  return out;
}


/**
 * Words a seal put there: in the lower half of a page, a line whose words are mostly very unsure
 * and not Chinese text read well (a seal's ring of characters, its star) loses those words. The
 * signature and date under the seal keep theirs when they were read with any confidence, and a
 * date's digits and the 年/月/日 after them whatever the confidence.
 */
export function dropSealNoise(page: OcrPage): OcrPage {
  const lines = page.lines
    .map((l) => {
      if (l.y0 < page.height * 0.45) return l;
      // a date's 年, 月 or 日 right after its digits is the date's, however unsure
      const dated = (i: number) => i > 0 && /^[年月日]$/u.test(l.words[i].text) && /\d$/u.test(l.words[i - 1].text);
      const words = l.words.filter((w, i) => !(w.confidence < SEAL_NOISE && !/^[0-9]+$/u.test(w.text) && !dated(i)));
      return words.length === l.words.length ? l : { ...l, words };
    })
    .filter((l) => l.words.length > 0);
  return { ...page, lines };
}

export interface OcrPdfLine extends PdfLine {
  confidence: number;
  /** the line's words read with low confidence */
  low: string[];
  /** the width of the page it was read on, in points (where its centre is) */
  pageWidth: number;
}

const HAN_CHAR = /[\u3400-\u9fff]/u;
/** The outer margin of a page, as a share of its height: a 公文 prints nothing there, not even its page number. */
const OUTER_MARGIN = 0.05;

/**
 * Lines read from a picture, not from text: a QR code, a barcode or a logo comes back as a line of
 * digits, Latin letters and marks ("00000 00", "|||| 1l"). Such a line holds no Chinese character
 * and either stands out of the page's text column (by more than two characters to the left or
 * right of every line of Chinese) or lies in the page's outer margin. A page number is kept (the
 * page-number rule drops it), and so is a line of digits inside the column (a table's figures, a
 * date written "2024.4.23" under the signature, a URL in a paragraph of its own).
 */
export function dropPictureNoise(lines: OcrPdfLine[], pageHeight: number): OcrPdfLine[] {
  const han = lines.filter((l) => (l.text.match(new RegExp(HAN_CHAR, 'gu')) ?? []).length >= 2);
  // a column is measured on three lines of Chinese at least (a last page may hold one or two)
  const column = han.length >= 3;
  const left = column ? Math.min(...han.map((l) => l.x)) : 0;
  const right = column ? Math.max(...han.map((l) => l.right)) : Infinity;
  const size = column ? median(han.map((l) => l.size)) : 0;
  return lines.filter((l) => {
    if (HAN_CHAR.test(l.text) || isPageNumberLine(l.text)) return true;
    const outOfColumn = column && (l.right > right + size * 2 || l.x < left - size * 2);
    const inMargin = l.y < pageHeight * OUTER_MARGIN || l.y + l.size > pageHeight * (1 - OUTER_MARGIN);
    return !(outOfColumn || inMargin);
  });
}

/** A line read this unsure is noise: a QR code, a seal's ring, the grain of the paper read as text. */
const NOISE_LINE = 40;


/**
 * Sizes as the OCR measures them wobble by a point or two from line to line (14.5 to 16.5 for one
 * body text), where the layout rules take a change of half a point for a new paragraph: sizes within
 * a fifth of the page's median are the body size; the others (titles, notes) are set to the median
 * of their group of sizes within 12 % of each other.
 */
export function snapSizes(sizes: number[]): number[] {
  const body = median(sizes);
  const out = sizes.map((s) => (s >= body * 0.8 && s <= body * 1.25 ? body : s));
  const order = out.map((s, i) => [s, i] as const).filter(([s]) => s !== body).sort((a, b) => a[0] - b[0]);
  let group: (readonly [number, number])[] = [];
  const flush = () => {
    const m = median(group.map(([s]) => s));
    for (const [, i] of group) out[i] = m;
    group = [];
  };
  for (const e of order) {
    if (group.length && e[0] > group[0][0] * 1.12) flush();
    group.push(e);
  }
  if (group.length) flush();
  return out;
}

/** One page's lines in PDF points, y from the bottom as pdf.js gives them (72 points an inch). */
export function ocrPageLines(page: OcrPage): OcrPdfLine[] {
  const k = 72 / page.dpi;
  const lines = page.lines.filter((l) => l.confidence >= NOISE_LINE).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const sizes = snapSizes(
    lines.map((l) => {
      // a line's box spans its tallest glyphs; a CJK character's box is ~0.9 of the font size
      const full = l.words.filter((w) => CJK.test(w.text) && !FLAT.test(w.text)).map((w) => w.y1 - w.y0);
      const height = (full.length ? median(full) : Math.max(...l.words.map((w) => w.y1 - w.y0))) / 0.9;
      return Math.round(height * k * 2) / 2;
    }),
  );
  const out = lines.map((l: OcrLine, i) => {
    const text = lineText(l.words);
    return {
      text,
      x: l.x0 * k,
      right: l.x1 * k,
      y: (page.height - l.y1) * k,
      size: sizes[i],
      page: page.page,
      confidence: Math.round(l.confidence),
      low: l.words.filter((w) => w.confidence < LOW_CONFIDENCE && w.text.trim()).map((w) => w.text.trim()),
      pageWidth: page.width * k,
    };
  });
  // before the layout rules measure the text column: a QR code's line standing out to the right
  // would set the column's edge, and every body line of the page would then end "short"
  return dropPictureNoise(pageNumberLines(out), page.height * k);
}

/** A page number as the OCR reads "— 3 —": its dashes as 一, _, ~ or -, one of them often lost ("3一"). */
const OCR_PAGE_NUMBER = /^\s*[一—－\-~～_]*\s*(\d{1,3})\s*[一—－\-~～_]*\s*$/u;

/**
 * The page's top or bottom line read as a page number with its dashes misread or one of them lost
 * ("3一", "_ 1 一") is written "—3—", which the page-number rule drops. Left as it was read it would
 * stay a paragraph of its own at the foot of the page, and the paragraph it cuts off would not go
 * on into the next page.
 */
export function pageNumberLines(lines: OcrPdfLine[]): OcrPdfLine[] {
  if (!lines.length) return lines;
  const ys = lines.map((l) => l.y);
  const edge = new Set([Math.min(...ys), Math.max(...ys)]);
  return lines.map((l) => {
    const m = OCR_PAGE_NUMBER.exec(l.text);
    return m && edge.has(l.y) && /[一—－\-~～_]/u.test(l.text) ? { ...l, text: `—${m[1]}—` } : l;
  });
}

/**
 * A line set right of the page centre: its middle at least a character right of the page's middle,
 * and narrower than half the page (a 落款 is centred over its date, which stands four characters
 * from the right margin; a body line runs across the column).
 */
function rightOfCentre(l: OcrPdfLine): boolean {
  return (l.x + l.right) / 2 > l.pageWidth / 2 + l.size && l.right - l.x < l.pageWidth / 2;
}

/**
 * Blocks laid out by the PDF rules get their OCR provenance: source 'ocr', the mean confidence of
 * the lines they hold, and the words read with low confidence (later stages flag facts resting on
 * them). A line belongs to the block on its page whose text holds it. A block all of whose lines sit
 * right of the page centre says so (style.right): under the body that is the 落款, which structure
 * tells by its place even when the seal over it spoiled its words.
 */
export function markOcrBlocks(blocks: Block[], lines: OcrPdfLine[], ocrPages: Set<number>): Block[] {
  const squash = (s: string) => s.replace(/\s+/gu, '');
  return blocks.map((b) => {
    if (b.page === undefined || !ocrPages.has(b.page)) return b;
    const text = squash(b.text);
    const last = b.pageEnd ?? b.page;
    const own = lines.filter((l) => l.page >= b.page! && l.page <= last && text.includes(squash(l.text)));
    const confidence = own.length ? Math.round(own.reduce((s, l) => s + l.confidence, 0) / own.length) : 0;
    const low = [...new Set(own.flatMap((l) => l.low))];
    const right = own.length > 0 && own.every(rightOfCentre);
    return {
      ...b,
      ...(right ? { style: { ...b.style, right: true } } : {}),
      source: 'ocr' as const,
      confidence,
      ...(low.length ? { lowConfidence: low } : {}),
    };
  });
}
