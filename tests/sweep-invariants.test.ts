// The sweep's invariants (scripts/sweep-checks.ts, as `npm run sweep` checks them over real pages),
// held over every document in the repo: corpus/ and tests/fixtures/. No /work/shared needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { documentFiles, sweepFile, violationsOf } from '../scripts/sweep-checks.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILES = documentFiles([path.join(ROOT, 'corpus'), path.join(ROOT, 'tests', 'fixtures')]);

test('the repo holds documents to sweep', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(40);
});

describe.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s', (_, file) => {
  test('read or refused with one line; no E_INTERNAL, no short or furniture task, no task from a page that is not a plan', async () => {
    const r = await sweepFile(file);
    expect(r.line.split('\n')).toHaveLength(1);
    expect(r.line.startsWith(file)).toBe(true);
    expect(r.violations).toEqual([]);
  }, 60_000);
});

describe('the checks themselves catch what they are for', () => {
  const doc = (title: string, isPlan: boolean, texts: string[]) => ({
    ok: true as const,
    file: 'x.html',
    result: {
      schemaVersion: 1 as const,
      document: { id: 'x', source: { path: 'x.html', format: 'html' as const, sha256: '' }, title, docType: '其他' as const, isPlan, docNumber: null, issuer: '', date: '', jurisdiction: null, recipients: [], attachments: [], articles: [], references: [], supersedes: [], quantities: [] },
      tasks: texts.map((text, i) => ({ id: `x#${i}`, path: [], text, units: [], leaders: [], owners: [], deadlines: [], quantities: [] })),
      warnings: [],
    },
  });
  test.each([
    ['a short fragment', doc('某县关于做好防汛工作的通知', true, ['附件：']), 1],
    ['site furniture', doc('某县关于做好防汛工作的通知', true, ['相关解读：解读《关于做好防汛工作的通知》']), 1],
    ['a task from a 解读', doc('解读《某县防汛工作方案》', true, ['各乡镇要加强巡查值守工作。']), 1],
    ['a clean plan', doc('某县关于做好防汛工作的通知', true, ['各乡镇要加强巡查值守工作。']), 0],
  ] as const)('%s', (_, outcome, n) => expect(violationsOf(outcome as never)).toHaveLength(n));
  test('an internal error is a violation; a refusal with a code is not', () => {
    expect(violationsOf({ ok: false, file: 'a', code: 'E_INTERNAL', line: 'a: … [E_INTERNAL]' })).toHaveLength(1);
    expect(violationsOf({ ok: false, file: 'a', code: 'E_SCANNED', line: 'a: … [E_SCANNED]' })).toEqual([]);
  });
});
