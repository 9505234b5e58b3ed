// Tests that write a small document line by line and run the extract stage on it, as a text file would.
import { buildResult } from '../src/extract/index.js';
import type { RawDocument } from '../src/model.js';

export function extractLines(lines: string[]) {
  const raw: RawDocument = {
    source: { path: 'test.txt', format: 'txt', sha256: '0'.repeat(64) },
    blocks: lines.map((text) => ({ text })),
    messages: [],
  };
  return buildResult(raw);
}
