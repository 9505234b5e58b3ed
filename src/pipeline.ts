// read → normalize → structure → extract, for one file. The one entry point the CLI, the store and
// the comparer call; it reports a status instead of throwing (STYLE.md rule 12).
import type { ExtractResult } from './model.js';
import { ExtractResult as ExtractResultSchema } from './model.js';
import { failureLine, type MessageCode } from './messages.js';
import { readDocumentFile } from './read/index.js';
import { buildResult } from './extract.js';

export interface ExtractOptions {
  password?: string;
  /** refuse files larger than this many bytes */
  maxBytes?: number;
}

export type ExtractOutcome =
  | { ok: true; file: string; result: ExtractResult }
  | { ok: false; file: string; code: MessageCode; line: string };

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractOutcome> {
  try {
    const raw = await readDocumentFile(file, options);
    // zod at the edge: what leaves the pipeline is the contract, or it is our bug
    const result = ExtractResultSchema.parse(buildResult(raw));
    return { ok: true, file, result };
  } catch (e) {
    const { code, line } = failureLine(file, e);
    return { ok: false, file, code, line };
  }
}
