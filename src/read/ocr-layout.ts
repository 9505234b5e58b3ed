// OCR lines → the same lines the PDF reader lays out (pdf-lines.ts), so a scan's paragraphs, titles,
// page numbers and running lines are found by the rules a text PDF uses. Pure: no tesseract here,
// only boxes, so the rules can be tested on made-up pages.
import type { Block } from '../model.js';
import type { PdfLine } from './pdf-lines.js';
import type { OcrLine, OcrPage, OcrWord } from './ocr.js';

/**
 * Below this a word is "read with low confidence" (tesseract's 0–100). A clean 300 dpi page reads
 * its Chinese words at 85–96; a word under 60 is a guess worth checking against the paper.
 */
export const LOW_CONFIDENCE = 60;
/** A word this unsure, in the signature zone under a seal, is the seal's own ink read as text. */
const SEAL_NOISE = 35;

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;

/**
 * The words of one line as text. tesseract puts a space between every "word", and a Chinese word is
 * often one character: the space is kept only where the gap on the page is wider than half a
 * character, or between two Latin/digit words that would otherwise run together.
 */
export function lineText(words: OcrWord[]): string {
  let out = '';
  const h = median(words.map((w) => w.y1 - w.y0)) || 1;
  words.forEach((w, i) => {
    if (i > 0) {
      const prev = words[i - 1];
      const gap = w.x0 - prev.x1;
      const latin = /[A-Za-z0-9]$/u.test(prev.text) && /^[A-Za-z0-9]/u.test(w.text);
      if (gap > h * 0.6 || (latin && gap > h * 0.15)) out += ' ';
    }
    out += w.text;
  });
  return out;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Words a seal put there: in the lower half of a page, a line whose words are mostly very unsure
 * and not Chinese text read well (a seal's ring of characters, its star) loses those words. The
 * signature and date under the seal keep theirs when they were read with any confidence.
 */
export function dropSealNoise(page: OcrPage): OcrPage {
  const lines = page.lines
    .map((l) => {
      if (l.y0 < page.height * 0.45) return l;
      const words = l.words.filter((w) => !(w.confidence < SEAL_NOISE && !/^[0-9]+$/u.test(w.text)));
      return words.length === l.words.length ? l : { ...l, words };
    })
    .filter((l) => l.words.length > 0);
  return { ...page, lines };
}

export interface OcrPdfLine extends PdfLine {
  confidence: number;
  /** the line's words read with low confidence */
  low: string[];
}

/** A line read this unsure is noise: a QR code, a seal's ring, the grain of the paper read as text. */
const NOISE_LINE = 40;

/** Characters whose box is flat or small, whatever the font size: they say nothing of the size. */
const FLAT = /^[一二、。，．.,\-—_~～·…“”‘’"'：:；;]+$/u;

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
  return lines.map((l: OcrLine, i) => {
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
    };
  });
}

/**
 * Blocks laid out by the PDF rules get their OCR provenance: source 'ocr', the mean confidence of
 * the lines they hold, and the words read with low confidence (later stages flag facts resting on
 * them). A line belongs to the block on its page whose text holds it.
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
    return { ...b, source: 'ocr' as const, confidence, ...(low.length ? { lowConfidence: low } : {}) };
  });
}
