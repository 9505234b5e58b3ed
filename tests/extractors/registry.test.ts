// The registry lists every extractor once, by the meta its file exports; `taizhang rules` prints it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../extractors/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where rules and helpers with a `meta` live: the extractors, and the lexicon's readers structure shares. */
const DIRS = ['extractors', 'src/lexicon'];

describe('extractor registry', () => {
  test('every file under extractors/ or src/lexicon/ that exports a meta is listed once, under its own file', () => {
    const withMeta = DIRS.flatMap((dir) =>
      readdirSync(path.join(ROOT, dir))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .filter((f) => /^export const meta\b/mu.test(readFileSync(path.join(ROOT, dir, f), 'utf8')))
        .map((f) => `${dir}/${f}`),
    ).sort();
    expect(RULES.map((r) => r.file).sort()).toEqual(withMeta);
    expect(withMeta).toContain('src/lexicon/dates.ts');
    expect(new Set(RULES.map((r) => r.meta.name)).size).toBe(RULES.length);
    for (const r of RULES) expect(path.basename(r.file)).toBe(`${r.meta.name}.ts`);
  });

  test('each rule reads one paragraph with one signature, and finds nothing in an empty one', () => {
    const rules = RULES.filter((r) => r.run);
    expect(rules.map((r) => r.meta.name)).toEqual(expect.arrayContaining(['units', 'deadlines', 'quantities', 'people', 'doc-numbers']));
    for (const r of rules) expect(r.run!('', {})).toEqual([]);
  });

  test('taizhang rules prints one line per extractor: name, kind, file, description', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli.js'), 'rules']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines[0].split('\t')).toEqual([RULES[0].meta.name, RULES[0].run ? '规则' : '辅助', RULES[0].file, RULES[0].meta.description]);
    expect(lines.find((l) => l.startsWith('numerals\t'))).toContain('\t辅助\t');
  });
});
