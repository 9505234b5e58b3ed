// Notices as images (PNG, JPEG, TIFF) and scans, read by OCR with tesseract.js only (no Debian
// tesseract, no /work/shared): the page images are drawn in the test from the repo's corpus PDFs.
// Bad input — a corrupt image, a 20,000 × 20,000 picture, a scan of too many pages — is one code.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReadFailure } from '../../src/messages.js';
import { readRawBytes } from '../../src/read/index.js';
import { LIMITS } from '../../src/read/limits.js';
import { OcrPool } from '../../src/read/ocr.js';
import type { OcrCache } from '../../src/read/ocr-pages.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { makePdfPages } from '../hostile/make-files.js';
import { drawPdfPage, greyTiff, pngHeaderOnly, turned } from './render.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DONGZHOU = path.join(ROOT, 'corpus', 'dongzhou-2020.pdf');
const squash = (s: string) => s.replace(/\s+/gu, '');

let pool: OcrPool;
let page1: Awaited<ReturnType<typeof drawPdfPage>>;
let dir: string;
beforeAll(async () => {
  pool = new OcrPool(2);
  page1 = await drawPdfPage(DONGZHOU, 1, 150);
  dir = mkdtempSync(path.join(tmpdir(), 'taizhang-ocr-'));
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(bytes: Uint8Array, name: string, mode: 'auto' | 'never' = 'auto', cache?: OcrCache) {
  return normalizeDocument(await readRawBytes(bytes, name, { ocr: { mode, pool, ...(cache ? { cache } : {}) } }));
}

async function code(bytes: Uint8Array, name: string, mode: 'auto' | 'never' = 'auto'): Promise<string> {
  try {
    await read(bytes, name, mode);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadFailure);
    return (e as ReadFailure).code;
  }
  return 'no failure';
}

describe('a notice photographed or scanned to an image', () => {
  test('PNG: the masthead, 文号 and title are read, each block marked as OCR', async () => {
    const doc = await read(page1.toBuffer('image/png'), '通知.png');
    expect(doc.source.format).toBe('image');
    const text = doc.blocks.map((b) => squash(b.text));
    expect(text).toContain('东洲区脱贫攻坚领导小组文件');
    expect(text).toContain('东脱贫发〔2020〕3号');
    expect(text.some((t) => t.startsWith('关于印发《东洲区2018-2020年脱贫攻坚三年规划实施方案》'))).toBe(true);
    expect(doc.blocks.every((b) => b.source === 'ocr' && (b.confidence ?? 0) > 50)).toBe(true);
    expect(doc.messages.map((m) => m.code)).toContain('W_OCR_USED');
  }, 180_000);

  test('JPEG, and a page upside down is turned before it is read', async () => {
    const jpeg = (await turned(page1)).toBuffer('image/jpeg', 90);
    const doc = await read(jpeg, 'photo.jpg');
    expect(doc.messages.map((m) => m.code)).toContain('W_OCR_ROTATED');
    expect(doc.blocks.map((b) => squash(b.text))).toContain('东洲区脱贫攻坚领导小组文件');
  }, 240_000);

  test('TIFF, read by the OCR engine itself', async () => {
    const doc = await read(greyTiff(page1), 'scan.tif');
    expect(doc.blocks.map((b) => squash(b.text))).toContain('东洲区脱贫攻坚领导小组文件');
  }, 180_000);

  test('the store caches each page read: the same bytes again are not read again', async () => {
    const store = SqliteTaskStore.open(path.join(dir, 'cache.sqlite'));
    try {
      const png = page1.toBuffer('image/png');
      const first = await read(png, 'a.png', 'auto', store);
      let asked = 0;
      const counting: OcrCache = {
        getOcrPage: async (...a) => store.getOcrPage(...a),
        putOcrPage: async (...a) => {
          asked++;
          return store.putOcrPage(...a);
        },
      };
      const t = Date.now();
      const again = await read(png, 'b.png', 'auto', counting);
      expect(asked).toBe(0);
      expect(Date.now() - t).toBeLessThan(5_000);
      expect(again.blocks.map((b) => b.text)).toEqual(first.blocks.map((b) => b.text));
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('bad images: one code each, never a crash', () => {
  test.each([
    ['a PNG signature over garbage', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 0x41)]), 'x.png', 'E_CORRUPT_IMAGE'],
    ['a JPEG cut after its first bytes', () => page1.toBuffer('image/jpeg').subarray(0, 100), 'x.jpg', 'E_CORRUPT_IMAGE'],
    ['a JPEG cut in the middle of its picture: what is left holds no text', () => page1.toBuffer('image/jpeg').subarray(0, 2000), 'x.jpg', 'E_OCR_NO_TEXT'],
    ['a TIFF header pointing nowhere', () => Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x00, 1, 2, 3]), 'x.tif', 'E_CORRUPT_IMAGE'],
    ['a PNG whose header says 1 × 1 but whose body is no picture', () => pngHeaderOnly(1, 1), 'x.png', 'E_CORRUPT_IMAGE'],
  ])('%s', async (_why, make, name, want) => {
    expect(await code(make(), name)).toBe(want);
  }, 60_000);

  test('JPEGs with flipped bytes (which crash the native decoder) are one code each, never a crash', async () => {
    const jpeg = page1.toBuffer('image/jpeg');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16);
    const codes = new Set<string>();
    for (let k = 0; k < 4; k++) {
      const b = Buffer.from(jpeg);
      for (let i = 0; i < 40; i++) b[600 + (random() * 37) % (b.length - 600)] = random() & 255;
      codes.add(await code(b, `damaged-${k}.jpg`));
    }
    for (const c of codes) expect(['E_CORRUPT_IMAGE', 'E_OCR_NO_TEXT', 'no failure']).toContain(c);
  }, 300_000);

  test('a 20,000 × 20,000 picture is refused from its header, never decoded', async () => {
    const start = Date.now();
    const before = process.memoryUsage().rss;
    expect(await code(pngHeaderOnly(20_000, 20_000), 'huge.png')).toBe('E_IMAGE_TOO_LARGE');
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1048576);
  });

  test('an image with --ocr never is refused as a scan, saying how to read it', async () => {
    expect(await code(page1.toBuffer('image/png'), 'x.png', 'never')).toBe('E_SCANNED');
  });
});

describe('long scans are bounded', () => {
  const image = Buffer.concat([Buffer.from('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n'), Buffer.from([0, 255, 255, 0]), Buffer.from('\nendstream')]);
  /** An image-only PDF of small pages (60 × 60 points: same byte length as the A4 box, so the xref holds). */
  const scan = (pages: number) =>
    Buffer.from(makePdfPages({ pages, content: Buffer.from('q 60 0 0 60 0 0 cm /Im1 Do Q\n'), resources: '<< /XObject << /Im1 4 0 R >> >>', extra: [image] }).toString('latin1').replaceAll('/MediaBox [0 0 595 842]', '/MediaBox [0 0 060 060]'), 'latin1');

  test(`a scan of more than ${LIMITS.ocrPages} pages to OCR is refused before any page is read`, async () => {
    const start = Date.now();
    expect(await code(scan(LIMITS.ocrPages + 1), 'long.pdf')).toBe('E_OCR_TOO_MANY_PAGES');
    expect(Date.now() - start).toBeLessThan(30_000);
  }, 60_000);

  test(`a ${LIMITS.ocrPages}-page scan is read page by page in bounded memory (under 1.5 GB)`, async () => {
    const file = path.join(dir, 'five-hundred.pdf');
    writeFileSync(file, scan(LIMITS.ocrPages));
    const script = `
      const { extractFile } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/pipeline.js'))});
      let peak = process.memoryUsage().rss;
      const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
      let pages = 0;
      const r = await extractFile(${JSON.stringify(file)}, { ocr: { mode: 'auto', dpi: 72, onPage: () => pages++ } });
      clearInterval(t);
      process.stdout.write(JSON.stringify({ code: r.ok ? 'ok' : r.code, pages, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) }), () => process.exit(0));
    `;
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let s = '';
      child.stdout.on('data', (c) => (s += c));
      child.on('close', () => resolve(s));
    });
    const r = JSON.parse(out) as { code: string; pages: number; peakMb: number };
    // pictures of two squares hold no text: every page is read, and the document says so in one code
    expect(r.pages).toBe(LIMITS.ocrPages);
    expect(r.code).toBe('E_OCR_NO_TEXT');
    expect(r.peakMb).toBeLessThan(1536);
  }, 600_000);
});
