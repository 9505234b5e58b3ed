// bytes → RawDocument: pick the reader by what the bytes are (the extension only breaks ties and
// names the mismatch), then normalize. Every failure is a ReadFailure with a code.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Block, Format, Message, PageFacts, RawDocument } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { normalizeBlocks } from '../normalize/index.js';
import { privateUseWarnings } from '../normalize/private-use.js';
import { decodeText, textToBlocks } from './text.js';

// Readers load on first use: a PDF run should not pay for mammoth, readability and friends.
const readers = {
  pdf: () => import('./pdf.js'),
  docx: () => import('./docx.js'),
  doc: () => import('./doc.js'),
  html: () => import('./html.js'),
};

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle2 = (bytes: Uint8Array) => OLE2_MAGIC.every((b, i) => bytes[i] === b);
/** ISO 32000 lets readers look for the header in the first 1024 bytes. */
const looksLikePdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

export interface ReadOptions {
  password?: string;
  /** refuse larger files (bytes); default 100 MiB */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export async function readDocumentFile(file: string, options: ReadOptions = {}): Promise<RawDocument> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ReadFailure('E_NOT_FOUND');
  }
  if (size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new ReadFailure('E_TOO_LARGE', `${Math.round(size / 1048576)} MB`);
  const bytes = new Uint8Array(await readFile(file));
  return readDocumentBytes(bytes, file, options);
}

function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'ole2' | 'binary' | 'text' {
  if (looksLikePdf(bytes)) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (isOle2(bytes)) return 'ole2';
  const head = bytes.subarray(0, 4096);
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length;
  // UTF-16 text has NULs in every other byte; other binaries have control bytes spread through
  if (!bom16 && controls > head.length * 0.1 && !looksUtf16(head)) return 'binary';
  return 'text';
}

function looksUtf16(head: Uint8Array): boolean {
  let zeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) zeros++;
  return zeros > head.length * 0.3 && zeros < head.length * 0.6;
}

export async function readDocumentBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<RawDocument> {
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
  if (kind === 'pdf') {
    const r = await (await readers.pdf()).readPdf(bytes, options.password);
    ({ blocks, pages } = r);
    messages.push(...r.messages);
    format = 'pdf';
  } else if (kind === 'zip') {
    blocks = await (await readers.docx()).readDocx(bytes);
    format = 'docx';
  } else if (kind === 'ole2') {
    blocks = await (await readers.doc()).readDoc(bytes);
    format = 'doc';
  } else if (kind === 'binary') {
    throw new ReadFailure('E_UNSUPPORTED');
  } else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    if (decoded.guessed) messages.push(message('W_ENCODING_GUESSED', 'info', { detail: decoded.encoding }));
    const isHtml = ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html[\s>])/iu.test(decoded.text.slice(0, 2048));
    if (isHtml) {
      ({ blocks, facts: pageFacts } = (await readers.html()).readHtml(decoded.text));
    } else {
      blocks = textToBlocks(decoded.text);
    }
    format = isHtml ? 'html' : 'txt';
  }
  const normalized = normalizeBlocks(blocks);
  if (!normalized.some((b) => /[\u4e00-\u9fff]/u.test(b.text))) throw new ReadFailure('E_NO_TEXT');
  messages.push(...privateUseWarnings(normalized));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: file, format, sha256, ...(pages !== undefined ? { pages } : {}), ...(encoding ? { encoding } : {}) },
    blocks: normalized,
    messages,
    ...(pageFacts && Object.keys(pageFacts).length ? { pageFacts } : {}),
  };
}
