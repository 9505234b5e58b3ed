// read → normalize → structure → extract, for one file. The one entry point the CLI, the store and
// the comparer call; it reports a status instead of throwing (STYLE.md rule 12).
import type { ExtractResult, NormalizedDocument } from './model.js';
import { ExtractResult as ExtractResultSchema } from './model.js';
import { ReadFailure, failureLine, type MessageCode } from './messages.js';
import { fsErrorFailure } from './read/file.js';
import { readRawBytes, readRawFile, type ReadOptions } from './read/index.js';
import { normalizeDocument } from './normalize/index.js';
import { buildResult } from './extract/index.js';
import type { OcrOptions } from './read/ocr-pages.js';

/**
 * The stages in order. read returns what the reader saw (RawDocument); normalize returns the blocks
 * every later stage reads; structure (inside buildResult: src/structure/layers.ts structureDocument)
 * gives each block a ref and a layer, the heading tree and the document's facts; extract builds the
 * tasks, tables and warnings of the ExtractResult.
 */
export const STAGES = ['read', 'normalize', 'structure', 'extract'] as const;

/** read → normalize for a file: the blocks `taizhang text` prints and structure reads. */
export async function readDocumentFile(file: string, options: ReadOptions = {}): Promise<NormalizedDocument> {
  return normalizeDocument(await readRawFile(file, options));
}

/** read → normalize for bytes already in memory (named `file` for the format and the messages). */
export async function readDocumentBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<NormalizedDocument> {
  return normalizeDocument(await readRawBytes(bytes, file, options));
}

export interface ExtractOptions {
  password?: string;
  /** refuse files larger than this many bytes */
  maxBytes?: number;
  /** OCR of scans and images (issue 13): mode auto unless said */
  ocr?: OcrOptions;
}

export type ExtractOutcome =
  | { ok: true; file: string; result: ExtractResult }
  | { ok: false; file: string; code: MessageCode; line: string };

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractOutcome> {
  try {
    const doc = await readDocumentFile(file, options);
    // zod at the edge: what leaves the pipeline is the contract, or it is our bug
    const result = ExtractResultSchema.parse(buildResult(doc));
    return { ok: true, file, result };
  } catch (e) {
    const { code, line } = failureLine(file, knownFailure(e));
    return { ok: false, file, code, line };
  }
}

/**
 * Errors that are not our bugs but a file beyond what the engine can hold: a stack overflowed by
 * nesting, a string or buffer past V8's maximum, an fs error met late. Each reads as the limit it
 * is; anything else stays E_INTERNAL, which is a bug to report.
 */
export function knownFailure(e: unknown): unknown {
  if (e instanceof ReadFailure) return e;
  const err = e as (Error & { code?: string }) | undefined;
  const text = err?.message ?? '';
  if (e instanceof RangeError && /call stack/i.test(text)) return new ReadFailure('E_TOO_COMPLEX');
  if ((e instanceof RangeError && /Invalid (string|array|typed array) length|allocation failed|out of memory/i.test(text)) || err?.code === 'ERR_STRING_TOO_LONG') {
    return new ReadFailure('E_TEXT_TOO_LARGE');
  }
  if (typeof err?.code === 'string' && /^E[A-Z]+$/.test(err.code) && 'syscall' in (err as object)) return fsErrorFailure(e);
  return e;
}
