// Pages to OCR → page images → OcrPool, with the cache and the progress callback. Page images are
// drawn one at a time per worker (a 300 dpi A4 page is 35 MB of RGBA while it is drawn, ~1 MB of PNG
// after), so a long scan holds a few pages in memory, never all of them.
import type { Canvas } from '@napi-rs/canvas';
import { ReadFailure } from '../messages.js';
import { LIMITS } from './limits.js';
import { OcrPool, type OcrPage } from './ocr.js';
import { dropSealNoise } from './ocr-layout.js';
import { digitSamples, rereadSealedDigits, sealedBands, type PageInk } from './ocr-glyphs.js';

/**
 * @napi-rs/canvas draws pages and images for OCR. It comes as an optional dependency of pdfjs-dist:
 * an install without it (an unsupported platform) gets E_OCR_UNAVAILABLE, not a stack.
 */
export async function loadCanvas(): Promise<typeof import('@napi-rs/canvas')> {
  try {
    return await import('@napi-rs/canvas');
  } catch (e) {
    throw new ReadFailure('E_OCR_UNAVAILABLE', `@napi-rs/canvas：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

/** Read pages cached by the file's sha256 (the store's ocr_pages table), so a re-ingest does not OCR again. */
export interface OcrCache {
  getOcrPage(sha256: string, page: number, dpi: number): Promise<OcrPage | undefined>;
  /** `dpi` is the resolution asked for (the key); the page keeps the one it was drawn at */
  putOcrPage(sha256: string, dpi: number, page: OcrPage): Promise<void>;
}

export interface OcrOptions {
  /** auto (default): pages without a real text layer; always: every page; never: refuse scans (E_SCANNED) */
  mode?: OcrMode;
  /** resolution pages are drawn at for OCR (default 300) */
  dpi?: number;
  /** a pool shared across files (a batch worker keeps one); else one is made for the file and closed */
  pool?: OcrPool;
  /** workers of the pool made for the file (default: 2 on a machine with 2 cores or more) */
  workers?: number;
  cache?: OcrCache;
  /** called after each page read: pages done, pages to read */
  onPage?: (done: number, total: number) => void;
}

export const DEFAULT_OCR_DPI = 300;

/** A page drawn for OCR: PNG bytes and its size in pixels. */
export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
}

/** A red pixel: its red channel stands well above green and blue (seal ink, a red masthead). */
const isRed = (r: number, g: number, b: number) => r - Math.max(g, b) > 60;

/** Where a seal lies on the drawn page, in its pixels. */
export interface SealBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Words under a seal were read through its red ink: the black under a red stroke is lost, and the
 * OCR is sure of a digit it guessed from half of it (a 3 whose lower half lies under the seal reads
 * as 2 at 96 %). GB/T 9704 puts the seal over the signature and the 成文日期, so these are the words
 * that matter most; each word whose box overlaps a seal by a third of its area is marked unsure
 * (confidence at most SEALED_CONFIDENCE, below the layout's LOW_CONFIDENCE), so every fact resting
 * on it is flagged and a date read there is checked (src/structure/signature-date.ts).
 */
export const SEALED_CONFIDENCE = 50;

export function markSealedWords(page: OcrPage, seals: SealBox[]): OcrPage {
  if (seals.length === 0) return page;
  const under = (w: { x0: number; y0: number; x1: number; y1: number }) =>
    seals.some((s) => {
      const ix = Math.max(0, Math.min(w.x1, s.x1) - Math.max(w.x0, s.x0));
      const iy = Math.max(0, Math.min(w.y1, s.y1) - Math.max(w.y0, s.y0));
      return ix * iy * 3 >= Math.max(1, (w.x1 - w.x0) * (w.y1 - w.y0));
    });
  return {
    ...page,
    lines: page.lines.map((l) => {
      if (!l.words.some(under)) return l;
      const words = l.words.map((w) => (under(w) ? { ...w, confidence: Math.min(w.confidence, SEALED_CONFIDENCE) } : w));
      return { ...l, words, confidence: Math.min(l.confidence, Math.round(words.reduce((a, w) => a + w.confidence, 0) / words.length)) };
    }),
  };
}

/**
 * A seal stamped over the signature is dropped to white before OCR, its red text kept: red ink is
 * found in cells of 1/40 of the page width, and a patch of red cells at least 1/8 of the page wide
 * and about as tall as it is wide (a round or oval seal, 4–5 cm) is a seal; a red line of text (a
 * masthead, an issuer printed in red) is wide and low and stays, as the dark grey its red reads as.
 * Every pixel becomes grey. Returns the share of the page's pixels dropped as seal.
 */
export function dropRedInk(data: Uint8ClampedArray, width: number, height: number, seals: SealBox[] = [], hidden?: Uint8Array): number {
  const cell = Math.max(4, Math.round(width / 40));
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const count = new Uint32Array(cols * rows);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (isRed(data[i], data[i + 1], data[i + 2])) count[Math.floor(y / cell) * cols + Math.floor(x / cell)]++;
    }
  const red = count.map((n) => (n > cell * cell * 0.02 ? 1 : 0));
  const seal = new Uint8Array(cols * rows);
  const seen = new Uint8Array(cols * rows);
  for (let start = 0; start < red.length; start++) {
    if (!red[start] || seen[start]) continue;
    const comp: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const k = stack.pop()!;
      comp.push(k);
      const cx = k % cols;
      const cy = Math.floor(k / cols);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (red[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
    }
    for (const box of sealBoxes(comp, cols)) {
      seals.push({ x0: box.x0 * cell, y0: box.y0 * cell, x1: Math.min(width, (box.x1 + 1) * cell), y1: Math.min(height, (box.y1 + 1) * cell) });
      for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) seal[y * cols + x] = 1;
    }
  }
  let dropped = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = data[i];
      const g = data[i + 1];
      const b = data[i + 2];
      const sealRed = isRed(r, g, b) && seal[Math.floor(y / cell) * cols + Math.floor(x / cell)] === 1;
      // black ink under the seal shows as dark red (red channel low): it stays, as dark as it is
      const drop = sealRed && r > 140;
      if (drop) dropped++;
      // for matching glyphs (ocr-glyphs.ts) every red pixel of the seal hides what is under it: the
      // dark red kept here may be black under the seal or the seal's own dark edge
      if (hidden && sealRed) hidden[y * width + x] = 1;
      data[i] = data[i + 1] = data[i + 2] = drop ? 255 : sealRed ? r : (r * 299 + g * 587 + b * 114) / 1000;
      data[i + 3] = 255;
    }
  return dropped / (width * height);
}

/**
 * The seals in one patch of red cells (cell indexes, `cols` to a row), as boxes of cells. A patch
 * about as wide as it is tall and at least 1/8 of the page wide is a seal. A wider one may be a
 * seal that touches red text (a signature printed in red) or seals side by side (a joint notice):
 * its columns that stand as tall as a seal are kept, and a run of them is one seal, or k seals
 * when it is about k times as wide as it is tall. A red line of text has no such columns.
 */
function sealBoxes(comp: number[], cols: number): { x0: number; y0: number; x1: number; y1: number }[] {
  const min = cols / 8;
  const top = new Map<number, number>();
  const bottom = new Map<number, number>();
  for (const k of comp) {
    const x = k % cols;
    const y = Math.floor(k / cols);
    top.set(x, Math.min(top.get(x) ?? y, y));
    bottom.set(x, Math.max(bottom.get(x) ?? y, y));
  }
  const xs = [...top.keys()].sort((a, b) => a - b);
  const y0 = Math.min(...top.values());
  const y1 = Math.max(...bottom.values());
  const x0 = xs[0];
  const x1 = xs[xs.length - 1];
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (Math.min(w, h) >= min && Math.max(w, h) <= Math.min(w, h) * 1.6) return [{ x0, y0, x1, y1 }];
  if (h < min) return [];
  // runs of seal-tall columns (a column counts with its neighbours: a ring is thin at its sides)
  const tall = (x: number) => [x - 1, x, x + 1].some((c) => top.has(c) && bottom.get(c)! - top.get(c)! + 1 >= min);
  const out: { x0: number; y0: number; x1: number; y1: number }[] = [];
  let start = -1;
  for (let x = x0; x <= x1 + 1; x++) {
    if (x <= x1 && tall(x)) {
      if (start < 0) start = x;
      continue;
    }
    if (start < 0) continue;
    const end = x - 1;
    start = Math.max(start, x0);
    const runTop = Math.min(...xs.filter((c) => c >= start && c <= end).map((c) => top.get(c)!));
    const runBottom = Math.max(...xs.filter((c) => c >= start && c <= end).map((c) => bottom.get(c)!));
    const rw = end - start + 1;
    const rh = runBottom - runTop + 1;
    const n = Math.round(rw / rh);
    if (rw >= min && rh >= min && (rw <= rh * 1.6 || (n >= 2 && n <= 4 && Math.abs(rw - n * rh) <= rh * 0.4))) {
      const parts = rw <= rh * 1.6 ? 1 : n;
      for (let p = 0; p < parts; p++)
        out.push({ x0: start + Math.floor((p * rw) / parts), y0: runTop, x1: start + Math.floor(((p + 1) * rw) / parts) - 1, y1: runBottom });
    }
    start = -1;
  }
  return out;
}

/**
 * The height of a text line on the page, in pixels: the median run of rows that hold ink (a row
 * with dark pixels over 0.5 % of its width), runs under 4 rows (rules, specks) aside. 0 when the
 * page shows no lines.
 */
export function textLineHeight(data: Uint8ClampedArray, width: number, height: number, across: 'rows' | 'columns' = 'rows'): number {
  const runs: number[] = [];
  let run = 0;
  const [n, m] = across === 'rows' ? [height, width] : [width, height];
  const min = Math.max(2, m * 0.005);
  for (let a = 0; a < n; a++) {
    let dark = 0;
    for (let b = 0; b < m; b++) {
      const i = across === 'rows' ? (a * width + b) * 4 : (b * width + a) * 4;
      if (data[i] < 128) dark++;
    }
    if (dark >= min) run++;
    else {
      if (run >= 4) runs.push(run);
      run = 0;
    }
  }
  if (run >= 4) runs.push(run);
  // text is lines: many runs, each a small part of the page (two blocks of ink are a picture)
  if (runs.length < 3) return 0;
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)];
  return median < n / 8 ? median : 0;
}

/**
 * The LSTM model reads Chinese best at lines ~40 px high (measured on the corpus: a 16 pt body read
 * at 300 dpi, 67 px, had twice the errors of the same page at 150 or 200 dpi). A page whose lines
 * are far from that is scaled to it before OCR; the boxes are scaled back by the dpi it is read at.
 */
export const OCR_LINE_HEIGHT = 40;

/**
 * The canvas as grey PNG, red ink dropped (see dropRedInk), scaled to OCR_LINE_HEIGHT; the share of
 * red ink it had. The canvas itself is left as it was: @napi-rs/canvas draws a canvas changed by
 * putImageData partly from a stale copy (a page turned after that came out half turned), so pixels
 * are only ever put into a fresh canvas, and only the untouched one is drawn from.
 */
export async function canvasToPng(canvas: Canvas): Promise<PageImage & { red: number; scale: number; lines: 'rows' | 'columns' | 'none'; seals: SealBox[]; ink: PageInk }> {
  const { createCanvas } = await loadCanvas();
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let seals: SealBox[] = [];
  let hidden = new Uint8Array(canvas.width * canvas.height);
  let ink: PageInk = { width: canvas.width, height: canvas.height, data: img.data, stride: 4, hidden };
  const red = dropRedInk(img.data, canvas.width, canvas.height, seals, hidden);
  const line = textLineHeight(img.data, canvas.width, canvas.height);
  // lines of ink down the page and none across it: the page lies on its side
  const lines = line > 0 ? 'rows' : textLineHeight(img.data, canvas.width, canvas.height, 'columns') > 0 ? 'columns' : 'none';
  const scale = line > 0 && (line > OCR_LINE_HEIGHT * 1.3 || line < OCR_LINE_HEIGHT * 0.6) ? Math.min(2, OCR_LINE_HEIGHT / line) : 1;
  const out = createCanvas(Math.round(canvas.width * scale), Math.round(canvas.height * scale));
  const ctx = out.getContext('2d');
  if (scale === 1) {
    ctx.putImageData(img, 0, 0);
  } else {
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
    const scaled = ctx.getImageData(0, 0, out.width, out.height);
    seals = [];
    hidden = new Uint8Array(out.width * out.height);
    dropRedInk(scaled.data, out.width, out.height, seals, hidden);
    ink = { width: out.width, height: out.height, data: scaled.data, stride: 4, hidden };
    ctx.putImageData(scaled, 0, 0);
  }
  return { png: out.toBuffer('image/png'), width: out.width, height: out.height, red, scale, lines, seals, ink };
}

/** A page with this much of a seal's red ink dropped carries a seal (a seal of 4 cm is ~0.3 % of A4 in ink). */
const SEAL_INK = 0.0005;

/** The same canvas turned by 90, 180 or 270 degrees, for a page scanned on its side or upside down. */
export async function rotateCanvas(canvas: Canvas, degrees: number): Promise<Canvas> {
  const { createCanvas } = await loadCanvas();
  const side = degrees === 90 || degrees === 270;
  const out = createCanvas(side ? canvas.height : canvas.width, side ? canvas.width : canvas.height);
  const ctx = out.getContext('2d');
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
  return out;
}

/**
 * A page read so badly that it may lie on its side or upside down: low confidence, few characters,
 * or (an upside-down Chinese page reads as Latin letters and digits) less than half Chinese.
 */
export function looksMisoriented(p: OcrPage): boolean {
  const text = p.lines.flatMap((l) => l.words.map((w) => w.text)).join('').replace(/\s+/gu, '');
  const han = (text.match(/[\u3400-\u9fff]/gu) ?? []).length;
  return p.confidence < 55 || (text.length < 40 && p.confidence < 70) || (text.length >= 20 && han < text.length * 0.5);
}

/**
 * Read one drawn page; a page that reads as noise is tried turned — by 90 and 270 degrees when its
 * lines of ink run down the page, else by 180 — and the best reading kept (the OCR has no
 * orientation model here: chi_sim only).
 */
export async function readCanvas(pool: OcrPool, canvas: Canvas, page: number, dpi: number): Promise<OcrPage> {
  const first = await canvasToPng(canvas);
  // what is left of a seal after its red is dropped (its outline, the star) reads as unsure noise
  // then the words left under it are marked unsure
  // then the page's clean digits and its date lines under a seal are kept (ocr-glyphs.ts), and the
  // characters' boxes, needed only for that, are let go
  const clean = (p: OcrPage, img: { seals: SealBox[]; ink: PageInk }) => {
    const seals = first.red > SEAL_INK ? img.seals : [];
    const sealed = seals.length ? markSealedWords(dropSealNoise(p), seals) : p;
    const glyphs = digitSamples(sealed, img.ink, seals);
    const bands = sealedBands(sealed, img.ink, seals);
    return {
      ...sealed,
      lines: sealed.lines.map((l) => ({ ...l, words: l.words.map(({ symbols: _s, ...w }) => w) })),
      ...(glyphs.length ? { glyphs } : {}),
      ...(bands.length ? { sealed: bands } : {}),
    };
  };
  let best = await pool.recognize(first.png, page, dpi * first.scale, first);
  let bestImg: { seals: SealBox[]; ink: PageInk } = first;
  // a page without lines of ink (a photo, a blank page) is not tried in other directions
  if (first.lines === 'none' || !looksMisoriented(best)) return clean(best, bestImg);
  for (const deg of first.lines === 'columns' ? [90, 270] : [180]) {
    const turned = await rotateCanvas(canvas, deg);
    const img = await canvasToPng(turned);
    const r = await pool.recognize(img.png, page, dpi * img.scale, img);
    if (r.confidence > best.confidence + 10) {
      best = { ...r, rotated: deg };
      bestImg = img;
    }
    if (!looksMisoriented(best)) break;
  }
  return clean(best, bestImg);
}

/**
 * Read `pages` (1-based) with `draw(page)` making each page's canvas, in parallel up to the pool's
 * size, cached pages skipped. Returns the pages in order.
 */
export async function ocrPages(
  pages: number[],
  draw: (page: number) => Promise<{ canvas: Canvas; dpi: number }>,
  options: OcrOptions & { sha256: string },
): Promise<OcrPage[]> {
  if (pages.length > LIMITS.ocrPages) throw new ReadFailure('E_OCR_TOO_MANY_PAGES', `${pages.length} 页，上限 ${LIMITS.ocrPages} 页`);
  const dpi = options.dpi ?? DEFAULT_OCR_DPI;
  const pool = options.pool ?? new OcrPool(options.workers);
  const out = new Map<number, OcrPage>();
  let done = 0;
  const todo: number[] = [];
  for (const n of pages) {
    const hit = await options.cache?.getOcrPage(options.sha256, n, dpi);
    if (hit) {
      out.set(n, hit);
      options.onPage?.(++done, pages.length);
    } else todo.push(n);
  }
  try {
    let next = 0;
    const lane = async () => {
      while (next < todo.length) {
        const n = todo[next++];
        const { canvas, dpi: drawn } = await draw(n);
        const page = await readCanvas(pool, canvas, n, drawn);
        await options.cache?.putOcrPage(options.sha256, dpi, page);
        out.set(n, page);
        options.onPage?.(++done, pages.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(pool.size, todo.length)) }, lane));
  } finally {
    if (!options.pool) await pool.close();
  }
  // digits under a seal, read again against the digits the document prints clean
  return rereadSealedDigits(pages.map((n) => out.get(n)!));
}
