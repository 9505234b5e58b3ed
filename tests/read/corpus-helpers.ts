// Shared by the reader tests: the project's own corpus copy and a character error rate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import diff from 'fast-diff';
import { readDocumentFile } from '../../src/pipeline.js';

export const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
export const DOCS = ['benxi-2020', 'xinbin-2018', 'dongzhou-2020', 'kuaibao-2019', 'liaoning-2019-opinion'] as const;

export async function paragraphs(rel: string, password?: string): Promise<string[]> {
  const doc = await readDocumentFile(path.join(CORPUS, rel), { password });
  return doc.blocks.map((b) => b.text);
}

/** Character error rate of `got` against `ref`, whitespace ignored: (insertions + deletions) / |ref|. */
export function cer(ref: string, got: string): number {
  const a = ref.replace(/\s+/g, '');
  const b = got.replace(/\s+/g, '');
  let errors = 0;
  for (const [op, s] of diff(a, b)) if (op !== 0) errors += s.length;
  return errors / Math.max(1, a.length);
}
