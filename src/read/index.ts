// bytes → RawDocument: pick the reader by what the bytes are (the extension only breaks ties and
// names the mismatch) and return the blocks as the reader saw them. Normalize is the next stage,
// called by the pipeline (src/pipeline.ts), not from here. Every failure is a ReadFailure with a code.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Block, Format, Message, PageFacts, RawDocument } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { readRegularFile } from './file.js';
import { LIMITS } from './limits.js';
import { decodeText, isMostlyJunk, looksLikeUtf16, textToBlocks } from './text.js';
import { listZip } from './zip-guard.js';
import { sniffImage } from './image.js';
import type { OcrOptions } from './ocr-pages.js';

// Readers load on first use: a PDF run should not pay for mammoth, readability and friends.
const readers = {
  pdf: () => import('./pdf.js'),
  docx: () => import('./docx.js'),
  doc: () => import('./doc.js'),
  html: () => import('./html.js'),
  md: () => import('./markdown.js'),
  ofd: () => import('./ofd.js'),
  image: () => import('./image.js'),
};

/** Extensions of formats read as text: bytes that are not text under them are "not text", not "unsupported". */
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'html', 'htm', 'md', 'csv']);

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle2 = (bytes: Uint8Array) => OLE2_MAGIC.every((b, i) => bytes[i] === b);
/** ISO 32000 lets readers look for the header in the first 1024 bytes. */
const looksLikePdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

export interface ReadOptions {
  password?: string;
  /** refuse larger files (bytes); default 100 MiB */
  maxBytes?: number;
  /** OCR of scanned pages and images (issue 13); mode auto when not given */
  ocr?: OcrOptions;
}

export const DEFAULT_MAX_BYTES = LIMITS.fileBytes;

/** The file as its reader saw it: raw blocks, not yet normalized (`taizhang text --raw`). */
export async function readRawFile(file: string, options: ReadOptions = {}): Promise<RawDocument> {
  const bytes = await readRegularFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return readRawBytes(bytes, file, options);
}

function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'ole2' | 'image' | 'binary' | 'text' {
  if (looksLikePdf(bytes)) return 'pdf';
  if (sniffImage(bytes)) return 'image';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (isOle2(bytes)) return 'ole2';
  const head = bytes.subarray(0, 4096);
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length;
  // UTF-16 text has NULs in every other byte (or, Chinese, Han high bytes); other binaries have
  // control bytes spread through
  if (!bom16 && controls > head.length * 0.1 && !looksLikeUtf16(bytes)) return 'binary';
  return 'text';
}

export async function readRawBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<RawDocument> {
  if (bytes.length === 0) throw new ReadFailure('E_EMPTY');
  const ext = path.extname(file).toLowerCase().slice(1);
  const kind = sniff(bytes);
  const messages: Message[] = [];
  let blocks: Block[];
  let format: Format;
  let pages: number | undefined;
  let encoding: string | undefined;
  let pageFacts: PageFacts | undefined;

  if (ext === 'pdf' && kind !== 'pdf') throw new ReadFailure('E_NOT_PDF');
  if (ext === 'docx' && kind !== 'zip') throw new ReadFailure(kind === 'ole2' ? 'E_LEGACY_DOC' : 'E_NOT_DOCX');
  if (ext === 'ofd' && kind !== 'zip') throw new ReadFailure('E_CORRUPT_OFD', '不是 zip 格式');
  if (ext === 'doc' && kind === 'binary') throw new ReadFailure('E_NOT_DOC');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ocr = { mode: 'auto' as const, ...options.ocr, sha256 };
  if (kind === 'pdf') {
    const r = await (await readers.pdf()).readPdf(bytes, options.password, ocr);
    ({ blocks, pages } = r);
    messages.push(...r.messages);
    format = 'pdf';
  } else if (kind === 'image') {
    const r = await (await readers.image()).readImage(bytes, sniffImage(bytes)!, ocr);
    ({ blocks } = r);
    messages.push(...r.messages);
    pages = 1;
    format = 'image';
  } else if (kind === 'zip') {
    // OFD (GB/T 33190) and DOCX are both zips: the entry names say which
    const isOfd = (await listZip(bytes, ext === 'ofd' ? 'E_CORRUPT_OFD' : 'E_NOT_DOCX')).some((e) => e.name === 'OFD.xml');
    if (ext === 'ofd' && !isOfd) throw new ReadFailure('E_CORRUPT_OFD', '缺少 OFD.xml');
    if (isOfd) {
      const r = await (await readers.ofd()).readOfd(bytes);
      ({ blocks, pages } = r);
      format = 'ofd';
    } else {
      blocks = await (await readers.docx()).readDocx(bytes);
      format = 'docx';
    }
  } else if (kind === 'ole2') {
    blocks = await (await readers.doc()).readDoc(bytes);
    format = 'doc';
  } else if (kind === 'binary') {
    throw new ReadFailure(TEXT_EXTENSIONS.has(ext) ? 'E_NOT_TEXT' : 'E_UNSUPPORTED');
  } else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    const isHtml = ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html[\s>])/iu.test(decoded.text.slice(0, 2048));
    const isMarkdown = !isHtml && (ext === 'md' || ext === 'markdown');
    if (!isHtml && decoded.text.length > LIMITS.textChars) throw new ReadFailure('E_TEXT_TOO_LARGE', `${decoded.text.length} 字，上限 ${LIMITS.textChars} 字`);
    if (isMostlyJunk(decoded.text)) throw new ReadFailure('E_NOT_TEXT');
    if (decoded.guessed) messages.push(message('W_ENCODING_GUESSED', 'info', { detail: decoded.encoding }));
    if (decoded.replaced) messages.push(message('W_INVALID_BYTES', 'warning', { detail: `${decoded.replaced} 处` }));
    if (isHtml) {
      const r = (await readers.html()).readHtml(decoded.text);
      ({ blocks, facts: pageFacts } = r);
      messages.push(...r.messages);
      const chars = blocks.reduce((n, b) => n + b.text.length, 0);
      if (chars > LIMITS.textChars) throw new ReadFailure('E_TEXT_TOO_LARGE', `${chars} 字，上限 ${LIMITS.textChars} 字`);
    } else if (isMarkdown) {
      blocks = (await readers.md()).readMarkdown(decoded.text);
    } else {
      blocks = textToBlocks(decoded.text);
    }
    format = isHtml ? 'html' : isMarkdown ? 'md' : 'txt';
  }
  return {
    source: { path: file, format, sha256, ...(pages !== undefined ? { pages } : {}), ...(encoding ? { encoding } : {}) },
    blocks,
    messages,
    ...(pageFacts && Object.keys(pageFacts).length ? { pageFacts } : {}),
  };
}
