// read → normalize → structure → extract, for one file. The one entry point the CLI, the store and
// the comparer call; it reports a status instead of throwing (STYLE.md rule 12).
import type { ExtractResult } from './model.js';
import type { MessageCode } from './messages.js';

export interface ExtractOptions {
  password?: string;
  /** refuse files larger than this many bytes */
  maxBytes?: number;
}

export type ExtractOutcome =
  | { ok: true; file: string; result: ExtractResult }
  | { ok: false; file: string; code: MessageCode; line: string };

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractOutcome> {
  void options;
  throw new Error(`extractFile not built yet: ${file}`);
}
