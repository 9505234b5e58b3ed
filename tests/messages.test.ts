// One message list (issue 18, move 3): every code a user can meet is declared once in src/messages.ts
// with its Chinese line, every declared code is used somewhere, and the spelling of a code says its kind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FindingType } from '../src/compare/schema.js';
import { codeKind, message, MESSAGES } from '../src/messages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The sources, with the table itself cut out of src/messages.ts (a declaration is not a use). */
function sources(): { file: string; text: string }[] {
  return ['src', 'extractors', 'scripts'].flatMap((d) => sourceFiles(path.join(ROOT, d))).map((file) => {
    let text = readFileSync(file, 'utf8');
    if (file.endsWith(`src${path.sep}messages.ts`)) {
      const from = text.indexOf('export const MESSAGES = {');
      text = text.slice(0, from) + text.slice(text.indexOf('} as const;', from));
    }
    return { file: path.relative(ROOT, file), text };
  });
}

// E_/W_ codes wherever they are written (a literal, MESSAGES.X, "[X]" at the end of a printed line);
// kebab codes where a message is made of them (message('…'), a code: '…' field) and compare's finding types.
const UPPER = /\b([EW]_[A-Z0-9]+(?:_[A-Z0-9]+)*)\b/gu;
const KEBAB = /(?:\bmessage\(\s*|\bcode:\s*)'([a-z]+(?:-[a-z]+)*)'/gu;

function usedCodes(): Map<string, string> {
  const used = new Map<string, string>();
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(UPPER)) if (!used.has(m[1])) used.set(m[1], file);
    for (const m of text.matchAll(KEBAB)) if (!used.has(m[1])) used.set(m[1], file);
  }
  for (const t of FindingType.options) if (!used.has(t)) used.set(t, 'src/compare/schema.ts (FindingType)');
  return used;
}

describe('one message list', () => {
  const declared = Object.keys(MESSAGES);
  const used = usedCodes();

  test('the scan sees codes of every kind, in every stage', () => {
    expect(used.get('E_NOT_PDF')).toMatch(/^src\/read\//u);
    expect(used.get('W_LONG_PARAGRAPH_SPLIT')).toMatch(/^src\/normalize\//u);
    expect(used.get('jurisdiction-ambiguous')).toMatch(/^src\/structure\//u);
    expect(used.get('deadline-before-issue')).toMatch(/^src\/(extract|compare)\//u);
    expect(used.get('E_UNIT_DATA')).toBe('src/lexicon/word-lists.ts');
  });

  test('every code used anywhere is declared in src/messages.ts', () => {
    expect([...used].filter(([code]) => !(code in MESSAGES)).map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  test('every declared code is used somewhere', () => {
    expect(declared.filter((code) => !used.has(code))).toEqual([]);
  });

  test('the spelling of every code says its kind: E_ failure, W_ notice, kebab-case finding', () => {
    expect(declared.filter((c) => codeKind(c) === null)).toEqual([]);
    expect([codeKind('E_NOT_PDF'), codeKind('W_PAGES_SKIPPED'), codeKind('deadline-before-issue')]).toEqual(['failure', 'notice', 'finding']);
    expect([codeKind('deadlineBeforeIssue'), codeKind('E_not_pdf'), codeKind('w_pages'), codeKind('-x')]).toEqual([null, null, null, null]);
    // compare's finding types are findings, as the document's own warnings of the same names
    expect(FindingType.options.filter((t) => codeKind(t) !== 'finding')).toEqual([]);
  });

  test('every line is one line of Chinese', () => {
    for (const [code, line] of Object.entries(MESSAGES)) {
      expect(line, code).toMatch(/[\u4e00-\u9fff]/u);
      expect(line, code).not.toMatch(/[\n\r]/u);
    }
  });

  test('a message made from a code carries its line and the detail after a colon', () => {
    expect(message('jurisdiction-ambiguous', 'warning', { detail: '“朝阳区”可指 北京市朝阳区、吉林省长春市朝阳区' })).toEqual({
      code: 'jurisdiction-ambiguous',
      severity: 'warning',
      message: `${MESSAGES['jurisdiction-ambiguous']}：“朝阳区”可指 北京市朝阳区、吉林省长春市朝阳区`,
    });
  });

  test('every code the README lists is declared', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(UPPER)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(20);
    expect([...new Set(listed)].filter((c) => !(c in MESSAGES))).toEqual([]);
  });
});
