// Start-up stays fast (issue 2: one 9-page PDF in under 1.5 s) only while the heavy packages load
// inside the actions that need them. This walks the static import graph from the CLI entry and
// fails when one of them becomes reachable without a dynamic import().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEAVY = ['exceljs', 'better-sqlite3', 'nodejieba', 'mammoth', '@mozilla/readability', 'linkedom', 'word-extractor', 'pdfjs-dist', 'cli-progress'];
// `import x from '…'` and `export … from '…'`, but not `import type` / `export type`
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gmu;

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1]);
}

function reachablePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec.replace(/\.js$/u, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return packages;
}

test('the CLI entry reaches no heavy package by a static import', () => {
  const reached = reachablePackages(path.join(ROOT, 'src', 'cli.ts'));
  expect(HEAVY.filter((p) => reached.has(p))).toEqual([]);
});

test('the extraction pipeline loads format readers lazily', () => {
  const reached = reachablePackages(path.join(ROOT, 'src', 'pipeline.ts'));
  expect(HEAVY.filter((p) => reached.has(p))).toEqual([]);
});

test('the walk does see static imports (it would catch a regression)', () => {
  expect(reachablePackages(path.join(ROOT, 'src', 'register', 'xlsx.ts')).has('exceljs')).toBe(true);
  expect(reachablePackages(path.join(ROOT, 'src', 'read', 'docx.ts')).has('mammoth')).toBe(true);
});
