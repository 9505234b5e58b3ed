// A notice photographed or scanned to an image (PNG, JPEG, TIFF) → blocks by OCR. The header gives
// the size before anything is decoded: an image past LIMITS.imagePixels is refused (a 20,000 ×
// 20,000 picture would take 1.6 GB decoded), a large one is drawn smaller before OCR.
import { imageSize } from 'image-size';
import type { Block, Message } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { LIMITS } from './limits.js';
import { OcrPool, type OcrPage } from './ocr.js';
import type { OcrOptions } from './ocr-pages.js';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

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
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    let img;
    try {
      img = await loadImage(Buffer.from(bytes));
    } catch {
      throw new ReadFailure('E_CORRUPT_IMAGE');
    }
    if (!img.width || !img.height) throw new ReadFailure('E_CORRUPT_IMAGE');
    const scale = Math.min(1, Math.sqrt(LIMITS.ocrPixels / (img.width * img.height)));
    const canvas = createCanvas(Math.round(img.width * scale), Math.round(img.height * scale));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const dpi = Math.max(72, Math.round(canvas.width / A4_WIDTH_INCHES));
    [page] = await ocrPages([1], async () => ({ canvas, dpi }), ocr);
  }
  const lines = layout.ocrPageLines(page);
  const { pageLinesToBlocks } = await import('./pdf.js');
  const blocks = layout.markOcrBlocks(pageLinesToBlocks([lines]), lines, new Set([1]));
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
