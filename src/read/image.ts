// A notice photographed or scanned to an image (PNG, JPEG, TIFF) → blocks by OCR. The header gives
// the size before anything is decoded: an image past LIMITS.imagePixels is refused (a 20,000 ×
// 20,000 picture would take 1.6 GB decoded), a large one is drawn smaller before OCR.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { imageSize } from 'image-size';
import type { Block, Message } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { LIMITS } from './limits.js';
import { OcrPool, type OcrPage } from './ocr.js';
import type { OcrOptions } from './ocr-pages.js';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

const require = createRequire(import.meta.url);

/** The image format by its first bytes (the extension is not trusted). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tiff';
  return null;
}

/** Width and height from the header, or E_CORRUPT_IMAGE; E_IMAGE_TOO_LARGE past the limit. */
export function checkImageSize(bytes: Uint8Array): { width: number; height: number } {
  let size;
  try {
    size = imageSize(bytes);
  } catch {
    throw new ReadFailure('E_CORRUPT_IMAGE', '无法读出图片尺寸');
  }
  const { width, height } = size;
  if (!width || !height) throw new ReadFailure('E_CORRUPT_IMAGE', '图片尺寸为 0');
  if (width * height > LIMITS.imagePixels) {
    throw new ReadFailure('E_IMAGE_TOO_LARGE', `${width}×${height} 像素，上限 ${Math.round(LIMITS.imagePixels / 1e6)} 百万像素`);
  }
  return { width, height };
}

/**
 * A photo carries no trustworthy resolution: the page is taken to be A4 wide (8.27 in), which puts
 * its characters at the sizes the layout rules expect of a printed notice.
 */
const A4_WIDTH_INCHES = 8.27;

export interface ImageRead {
  blocks: Block[];
  messages: Message[];
}

export async function readImage(bytes: Uint8Array, kind: ImageKind, ocr: OcrOptions & { sha256: string }): Promise<ImageRead> {
  const size = checkImageSize(bytes);
  if ((ocr.mode ?? 'auto') === 'never') throw new ReadFailure('E_SCANNED', '图片');
  const [{ ocrPages }, layout] = await Promise.all([import('./ocr-pages.js'), import('./ocr-layout.js')]);
  let page: OcrPage;
  if (kind === 'tiff') {
    // no TIFF decoder on the canvas side: the OCR engine (leptonica) reads TIFF itself, as it is
    page = await readTiff(bytes, size, ocr);
  } else {
    const { createCanvas, ImageData } = await (await import('./ocr-pages.js')).loadCanvas();
    const { width, height, rgba } = await decodeInChild(bytes);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height), 0, 0);
    const dpi = Math.max(72, Math.round(canvas.width / A4_WIDTH_INCHES));
    [page] = await ocrPages([1], async () => ({ canvas, dpi }), ocr);
  }
  const lines = layout.ocrPageLines(page);
  const { pageLinesToBlocks } = await import('./pdf.js');
  const blocks = layout.markOcrBlocks(pageLinesToBlocks([lines]), lines, new Set([1]));
  if (!blocks.some((b) => b.text.trim())) throw new ReadFailure('E_OCR_NO_TEXT', '图片');
  const messages = [message('W_OCR_USED', 'info', { detail: '图片' })];
  if (page.rotated) messages.push(message('W_OCR_ROTATED', 'info', { detail: `旋转了${page.rotated}度`, where: { page: 1 } }));
  return { blocks, messages };
}

async function readTiff(bytes: Uint8Array, size: { width: number; height: number }, ocr: OcrOptions & { sha256: string }): Promise<OcrPage> {
  const dpi = Math.max(72, Math.round(size.width / A4_WIDTH_INCHES));
  const cached = await ocr.cache?.getOcrPage(ocr.sha256, 1, dpi);
  if (cached) return cached;
  const pool = ocr.pool ?? new OcrPool(1);
  try {
    const page = await pool.recognize(Buffer.from(bytes), 1, dpi, size);
    await ocr.cache?.putOcrPage(ocr.sha256, dpi, page);
    ocr.onPage?.(1, 1);
    return (await import('./ocr-layout.js')).dropSealNoise(page);
  } catch (e) {
    throw e instanceof ReadFailure && e.code === 'E_OCR_FAILED' ? new ReadFailure('E_CORRUPT_IMAGE', 'TIFF') : e;
  } finally {
    if (!ocr.pool) await pool.close();
  }
}

/** How long the decoder may take on one image before the image is called corrupt. */
const DECODE_MS = 60_000;

/**
 * The image decoded to RGBA in a child process, drawn no larger than LIMITS.ocrPixels. The native
 * decoders (skia's PNG and JPEG) crash the process on some damaged files — a flipped byte in a JPEG
 * is enough — so untrusted bytes are never decoded in ours: a child that dies, or says it cannot
 * decode, is E_CORRUPT_IMAGE.
 */
export function decodeInChild(bytes: Uint8Array): Promise<{ width: number; height: number; rgba: Buffer }> {
  const canvasModule = require.resolve('@napi-rs/canvas');
  const script = `
    const { loadImage, createCanvas } = await import(${JSON.stringify(canvasModule)});
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const img = await loadImage(Buffer.concat(chunks));
    if (!img.width || !img.height) process.exit(3);
    const scale = Math.min(1, Math.sqrt(${LIMITS.ocrPixels} / (img.width * img.height)));
    const canvas = createCanvas(Math.max(1, Math.round(img.width * scale)), Math.max(1, Math.round(img.height * scale)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const head = Buffer.alloc(8);
    head.writeUInt32LE(canvas.width, 0);
    head.writeUInt32LE(canvas.height, 4);
    process.stdout.write(head);
    process.stdout.write(Buffer.from(data.buffer, data.byteOffset, data.length), () => process.exit(0));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), DECODE_MS);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stdin.on('error', () => {});
    child.on('error', () => reject(new ReadFailure('E_CORRUPT_IMAGE', '无法启动图片解码')));
    child.on('close', (code) => {
      clearTimeout(timer);
      const all = Buffer.concat(out);
      const width = all.length >= 8 ? all.readUInt32LE(0) : 0;
      const height = all.length >= 8 ? all.readUInt32LE(4) : 0;
      if (code !== 0 || !width || !height || all.length !== 8 + width * height * 4) return reject(new ReadFailure('E_CORRUPT_IMAGE'));
      resolve({ width, height, rgba: all.subarray(8) });
    });
    child.stdin.end(Buffer.from(bytes));
  });
}
