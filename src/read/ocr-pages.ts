// Pages to OCR → page images → OcrPool, with the cache and the progress callback. Page images are
// drawn one at a time per worker (a 300 dpi A4 page is 35 MB of RGBA while it is drawn, ~1 MB of PNG
// after), so a long scan holds a few pages in memory, never all of them.
import type { Canvas } from '@napi-rs/canvas';
import { ReadFailure } from '../messages.js';
import { LIMITS } from './limits.js';
import { OcrPool, type OcrPage } from './ocr.js';
import { dropSealNoise } from './ocr-layout.js';

export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

/** Read pages cached by the file's sha256 (the store's ocr_pages table), so a re-ingest does not OCR again. */
export interface OcrCache {
  getOcrPage(sha256: string, page: number, dpi: number): OcrPage | undefined;
  /** `dpi` is the resolution asked for (the key); the page keeps the one it was drawn at */
  putOcrPage(sha256: string, dpi: number, page: OcrPage): void;
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

/**
 * Red ink — a seal stamped over the signature, red pen — is dropped to white before OCR: a red pixel
 * is one whose red channel stands well above green and blue, and it takes its red channel's value,
 * which is light. Everything else becomes grey. The masthead zone of the first page (top fifth, where
 * GB/T 9704 prints the red 发文机关标志) keeps its red as dark grey: it is the issuer's name.
 * Returns the share of the page's pixels dropped.
 */
export function dropRedInk(data: Uint8ClampedArray, width: number, height: number, keepTop = 0): number {
  const keepEnd = Math.floor(keepTop) * width * 4;
  let dropped = 0;
  for (let i = 0; i < width * height * 4; i += 4) {
    const r = data[i];
    const g = data[i + 1];
    const b = data[i + 2];
    const grey = (r * 299 + g * 587 + b * 114) / 1000;
    const red = r - Math.max(g, b) > 60;
    const drop = red && i >= keepEnd;
    if (drop) dropped++;
    data[i] = data[i + 1] = data[i + 2] = drop ? Math.max(r, 200) : grey;
    data[i + 3] = 255;
  }
  return dropped / (width * height);
}

/** The canvas as grey PNG, red ink dropped (see dropRedInk), and the share of red ink it had. */
export function canvasToPng(canvas: Canvas, firstPage: boolean): PageImage & { red: number } {
  const ctx = canvas.getContext('2d');
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const red = dropRedInk(img.data, canvas.width, canvas.height, firstPage ? canvas.height / 5 : 0);
  ctx.putImageData(img, 0, 0);
  return { png: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height, red };
}

/** A page with this much red ink outside the masthead carries a seal (a seal of 4 cm is ~0.3 % of A4 in ink). */
const SEAL_INK = 0.0005;

/** The same canvas turned by 90, 180 or 270 degrees, for a page scanned on its side or upside down. */
export async function rotateCanvas(canvas: Canvas, degrees: number): Promise<Canvas> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const side = degrees === 90 || degrees === 270;
  const out = createCanvas(side ? canvas.height : canvas.width, side ? canvas.width : canvas.height);
  const ctx = out.getContext('2d');
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
  return out;
}

/** A page read so badly that it may lie on its side: few lines, low confidence. */
export function looksMisoriented(p: OcrPage): boolean {
  const chars = p.lines.reduce((n, l) => n + l.words.reduce((m, w) => m + w.text.length, 0), 0);
  return p.confidence < 55 || (chars < 40 && p.confidence < 70);
}

/**
 * Read one drawn page; a page that reads as noise is tried turned by 180, 90 and 270 degrees and
 * the best reading kept (the OCR has no orientation model here: chi_sim only).
 */
export async function readCanvas(pool: OcrPool, canvas: Canvas, page: number, dpi: number): Promise<OcrPage> {
  const first = canvasToPng(canvas, page === 1);
  // what is left of a seal after its red is dropped (its outline, the star) reads as unsure noise
  const clean = (p: OcrPage) => (first.red > SEAL_INK ? dropSealNoise(p) : p);
  let best = await pool.recognize(first.png, page, dpi, first);
  if (!looksMisoriented(best)) return clean(best);
  for (const deg of [180, 90, 270]) {
    const turned = await rotateCanvas(canvas, deg);
    const img = canvasToPng(turned, page === 1);
    const r = await pool.recognize(img.png, page, dpi, img);
    if (r.confidence > best.confidence + 10) best = { ...r, rotated: deg };
    if (!looksMisoriented(best)) break;
  }
  return clean(best);
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
    const hit = options.cache?.getOcrPage(options.sha256, n, dpi);
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
        options.cache?.putOcrPage(options.sha256, dpi, page);
        out.set(n, page);
        options.onPage?.(++done, pages.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(pool.size, todo.length)) }, lane));
  } finally {
    if (!options.pool) await pool.close();
  }
  return pages.map((n) => out.get(n)!);
}
