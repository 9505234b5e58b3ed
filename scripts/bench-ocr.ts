// npm run bench, OCR part (issue 13): seconds per page of tesseract.js with one and with two workers,
// beside Debian's `tesseract` CLI (tesseract-ocr + tesseract-ocr-chi-sim) on the same page images in
// the same run: the pages of the corpus plan's scan, drawn at 300 dpi, red ink dropped and scaled to
// the line height OCR reads best (src/read/ocr-pages.ts canvasToPng), written as PNG once. Without
// the Debian tesseract the bench says so and measures tesseract.js alone. Figures go to BENCHMARKS.md
// by hand, as measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Canvas } from '@napi-rs/canvas';
import { OCR_MODEL, OcrPool } from '../src/read/ocr.js';
import { canvasToPng, DEFAULT_OCR_DPI } from '../src/read/ocr-pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCAN = path.join(ROOT, 'corpus', 'broken', 'dongzhou-2020.scanned.pdf');
const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

async function pageImages(file: string, dpi: number): Promise<{ png: Buffer; width: number; height: number }[]> {
  const pdfjs = (await import(pathToFileURL(path.join(PDFJS_DIR, 'legacy/build/pdf.mjs')).href)) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: Canvas; context: unknown } } }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    out.push(await canvasToPng(canvas));
  }
  await doc.destroy();
  return out;
}

async function timePool(workers: number, images: { png: Buffer; width: number; height: number }[]): Promise<{ start: number; perPage: number; confidence: number }> {
  const pool = new OcrPool(workers);
  const t0 = performance.now();
  // the workers start (wasm, model) before the clock for pages starts
  await Promise.all(images.slice(0, workers).map((img, i) => pool.recognize(img.png, i + 1, DEFAULT_OCR_DPI, img)));
  const start = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const pages = await Promise.all(images.map((img, i) => pool.recognize(img.png, i + 1, DEFAULT_OCR_DPI, img)));
  const seconds = (performance.now() - t1) / 1000;
  await pool.close();
  return { start, perPage: seconds / images.length, confidence: pages.reduce((s, p) => s + p.confidence, 0) / pages.length };
}

function debianTesseract(files: string[]): { perPage: number; version: string } | string {
  const v = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) return 'Debian tesseract 未安装（apt-get install tesseract-ocr tesseract-ocr-chi-sim），只测 tesseract.js';
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (!/\bchi_sim\b/u.test(langs.stdout ?? '')) return 'Debian tesseract 没有 chi_sim 语言包（apt-get install tesseract-ocr-chi-sim），只测 tesseract.js';
  const t0 = performance.now();
  for (const f of files) spawnSync('tesseract', [f, f.replace(/\.png$/u, ''), '-l', 'chi_sim'], { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  return { perPage: (performance.now() - t0) / 1000 / files.length, version: (v.stdout || v.stderr).split('\n')[0] };
}

async function main(): Promise<void> {
  console.log(`OCR bench: ${path.relative(ROOT, SCAN)}, ${DEFAULT_OCR_DPI} dpi, chi_sim ${OCR_MODEL}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
  const images = await pageImages(SCAN, DEFAULT_OCR_DPI);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-ocr-'));
  try {
    const files = images.map((img, i) => {
      const f = path.join(dir, `page-${i + 1}.png`);
      writeFileSync(f, img.png);
      return f;
    });
    console.log(`${images.length} page images, ${images[0].width}×${images[0].height} px`);
    for (const workers of [1, 2]) {
      const r = await timePool(workers, images);
      console.log(`tesseract.js, ${workers} worker${workers > 1 ? 's' : ''}: ${r.perPage.toFixed(2)} s/page (start ${r.start.toFixed(1)} s incl. first pages, mean confidence ${r.confidence.toFixed(0)})`);
    }
    const deb = debianTesseract(files);
    if (typeof deb === 'string') console.log(deb);
    else console.log(`Debian ${deb.version} (chi_sim, one thread): ${deb.perPage.toFixed(2)} s/page`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
