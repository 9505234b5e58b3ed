// npm run sweep: every real page of ../shared/bulk/ and ../shared/corpus/real/ (when present) and every fixture of the repo
// (corpus/, tests/fixtures/) read or refused with one line, then the figures: pages, read, refused
// by code, tasks, violations of the invariants (scripts/sweep-checks.ts), time per page.
// Exits 1 when an invariant is broken. Folders may be given as arguments instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFiles, sweepFile, type SweepLine } from './sweep-checks.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BULK = path.resolve(ROOT, '..', 'shared', 'bulk');
/** real notices as published, with gold (read here for the invariants only) */
const REAL = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs = args.length ? args.map((a) => path.resolve(a)) : [BULK, REAL, path.join(ROOT, 'corpus'), path.join(ROOT, 'tests', 'fixtures')];
  if (!args.length && !existsSync(BULK)) console.log(`跳过 ${BULK}：目录不存在（只扫仓库内的样例）`);
  const files = documentFiles(dirs);
  const lines: SweepLine[] = [];
  for (const f of files) {
    const r = await sweepFile(f);
    lines.push(r);
    console.log(path.relative(process.cwd(), r.file) + r.line.slice(r.file.length));
    for (const v of r.violations) console.log(`  ✗ ${v}`);
  }
  const read = lines.filter((l) => l.ok);
  const refused = new Map<string, number>();
  for (const l of lines) if (!l.ok) refused.set(l.code!, (refused.get(l.code!) ?? 0) + 1);
  const violations = lines.reduce((n, l) => n + l.violations.length, 0);
  const ms = lines.map((l) => l.ms).sort((a, b) => a - b);
  const total = ms.reduce((a, b) => a + b, 0);
  console.log('');
  console.log(`pages ${lines.length}  read ${read.length}  refused ${lines.length - read.length}${refused.size ? ` (${[...refused].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`);
  console.log(`tasks ${read.reduce((n, l) => n + l.tasks, 0)}  tables ${read.reduce((n, l) => n + l.tables, 0)}  violations ${violations}`);
  if (ms.length) console.log(`time per page: mean ${(total / ms.length).toFixed(0)} ms, median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms (total ${(total / 1000).toFixed(1)} s)`);
  process.exitCode = violations ? 1 : 0;
}

await main();
