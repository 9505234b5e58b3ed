// Word segmentation with nodejieba and our dictionary of unit names. jieba's own dictionary splits
// 农业农村局 and 人力资源社会保障局; with extractors/dict/units.utf8 they stay one token.
// Loading the dictionaries costs about a second, so it happens on the first call, never at import.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Jieba = typeof import('nodejieba');

/**
 * Where the user dictionary lies: next to the sources when run from src/ (tests), one level further
 * up when run from the compiled dist/src/ (tsc does not copy .utf8 files).
 */
const USER_DICT_CANDIDATES = ['../extractors/dict/units.utf8', '../../extractors/dict/units.utf8'] as const;

let jieba: Jieba | null = null;

/** The user dictionary's path, or null when the package was installed without it. */
export function userDictPath(): string | null {
  for (const rel of USER_DICT_CANDIDATES) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const j = require('nodejieba') as Jieba;
  // cppjieba aborts the process on a dictionary path it cannot open, so only pass one that exists
  const userDict = userDictPath();
  j.load(userDict ? { userDict } : {});
  jieba = j;
  return j;
}

/** Has the dictionary been loaded yet? (for tests and timing logs) */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

/**
 * Tokens of `text` in order, whitespace dropped. HMM is on so unknown words (people's names) stay whole;
 * numbers and dates are not read from tokens (jieba splits 2025), our own grammar reads those.
 */
export function segment(text: string): string[] {
  if (!text.trim()) return [];
  return loadJieba().cut(text, true).filter((t) => t.trim() !== '');
}
