// OCR of page images with tesseract.js, offline: the Chinese model ships in an npm package
// (@tesseract.js-data/chi_sim) and the wasm core in tesseract.js-core, so nothing is fetched at run
// time (langPath is the package folder, cacheMethod 'none' so no copy is written beside it).
// A pool of workers (worker_threads inside tesseract.js) reads pages in parallel; each page comes
// back as lines with their box and confidence, in image pixels, for ocr-layout.ts to lay out.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ReadFailure } from '../messages.js';
import type { GlyphSample, SealedBand } from './ocr-glyphs.js';

const require = createRequire(import.meta.url);

/**
 * The model: 4.0.0_best_int (1.7 MB, an integer LSTM) reads a 300 dpi A4 page in ~2 s at about the
 * accuracy of the 20 MB float model (BENCHMARKS.md, OCR section), so it is the default.
 */
export const OCR_MODEL = process.env.TAIZHANG_OCR_MODEL ?? '4.0.0_best_int';

export function modelDir(model: string = OCR_MODEL): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), model);
}

/** One word as tesseract saw it, in image pixels; confidence 0–100. */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** each character's box, while the page is being read (not kept: see ocr-glyphs.ts) */
  symbols?: { text: string; x0: number; x1: number }[];
}

export interface OcrLine {
  words: OcrWord[];
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page read: its lines, the page's mean confidence, and the image size it was read at. */
export interface OcrPage {
  page: number;
  dpi: number;
  width: number;
  height: number;
  confidence: number;
  lines: OcrLine[];
  /** degrees the page was turned before reading (0, 90, 180, 270) */
  rotated?: number;
  /** digits the page prints clean, and its date lines under a seal (ocr-glyphs.ts) */
  glyphs?: GlyphSample[];
  sealed?: SealedBand[];
}

type TesseractWorker = import('tesseract.js').Worker;

/** How many workers by default: both cores of a small machine, never more than the CPUs. */
export function defaultOcrWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * A fixed pool of tesseract.js workers. Pages queue and each goes to the next free worker; workers
 * start on first use and end with close() (a worker holds ~100 MB: wasm heap and the model).
 */
export class OcrPool {
  private workers: Promise<TesseractWorker>[] = [];
  private idle: TesseractWorker[] = [];
  private waiting: ((w: TesseractWorker) => void)[] = [];
  private started = 0;

  constructor(
    readonly size: number = defaultOcrWorkers(),
    readonly model: string = OCR_MODEL,
  ) {}

  private async startWorker(): Promise<TesseractWorker> {
    const { createWorker, OEM } = (await import('tesseract.js')).default;
    // tesseract.js waits for ever on a model file that is not there: say so at once instead
    const model = path.join(modelDir(this.model), 'chi_sim.traineddata.gz');
    if (!existsSync(model)) throw new ReadFailure('E_OCR_UNAVAILABLE', `没有文字识别模型 ${model}（TAIZHANG_OCR_MODEL=${this.model}）`);
    try {
      const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
        langPath: modelDir(this.model),
        cacheMethod: 'none',
        gzip: true,
        // the worker reports load errors here too: they become the rejection below, not a crash
        errorHandler: () => {},
      });
      // a notice's paragraphs: automatic page segmentation; keep the spaces tesseract finds between
      // words, OCR repairs (src/normalize/ocr.ts) judge them
      await worker.setParameters({ preserve_interword_spaces: '1' });
      return worker;
    } catch (e) {
      throw new ReadFailure('E_OCR_UNAVAILABLE', e instanceof Error ? e.message.split('\n')[0] : String(e));
    }
  }

  private async acquire(): Promise<TesseractWorker> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.started < this.size) {
      this.started++;
      const p = this.startWorker();
      this.workers.push(p);
      return p;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: TesseractWorker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Read one page image (PNG, JPEG or TIFF bytes). */
  async recognize(image: Buffer, page: number, dpi: number, size: { width: number; height: number }): Promise<OcrPage> {
    const w = await this.acquire();
    try {
      const { data } = await w.recognize(image, {}, { text: false, blocks: true });
      return toOcrPage(data as unknown as TesseractPage, page, dpi, size);
    } catch (e) {
      if (e instanceof ReadFailure) throw e;
      throw new ReadFailure('E_OCR_FAILED', `第${page}页：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    } finally {
      this.release(w);
    }
  }

  async close(): Promise<void> {
    const ws = await Promise.allSettled(this.workers);
    this.workers = [];
    this.idle = [];
    this.started = 0;
    await Promise.allSettled(ws.map((r) => (r.status === 'fulfilled' ? r.value.terminate() : undefined)));
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TesseractPage {
  confidence: number;
  blocks: { paragraphs: { lines: { confidence: number; bbox: Box; words: { text: string; confidence: number; bbox: Box; symbols?: { text: string; bbox: Box }[] }[] }[] }[] }[] | null;
}

function toOcrPage(data: TesseractPage, page: number, dpi: number, size: { width: number; height: number }): OcrPage {
  const lines: OcrLine[] = [];
  for (const b of data.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines) {
        const words = l.words
          .filter((w) => w.text.trim())
          .map((w) => ({ text: w.text, confidence: w.confidence, ...w.bbox, ...(/\d/u.test(w.text) && w.symbols ? { symbols: w.symbols.map((c) => ({ text: c.text, x0: c.bbox.x0, x1: c.bbox.x1 })) } : {}) }));
        if (words.length) lines.push({ words, confidence: l.confidence, ...l.bbox });
      }
  return { page, dpi, width: size.width, height: size.height, confidence: Math.round(data.confidence), lines };
}
