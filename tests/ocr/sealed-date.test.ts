// A sealed scan's 成文日期 (issue 13). GB/T 9704 presses the seal over the signature and the date,
// so on a scan the date is read through red ink. Three corpus notices are made into scans here
// (tests/ocr/seal-scan.ts: pdf.js pages, a seal of 4.2 cm stamped over the date line, an image-only
// PDF), with seal ink opaque over the toner and mixed with it, and read by the whole pipeline.
// What must hold: a date read under the seal is never given as sure (a seal opaque over the toner
// hides the black under its strokes: a 3 crossed by the ring was read as 5), a date not read is
// empty with a warning saying so, a seal mixed with the toner leaves the date read right, and the
// same scans without a seal read the date with no such warning. Slow (~12 OCR pages).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { OcrPool } from '../../src/read/ocr.js';
import { CORPUS } from '../read/corpus-helpers.js';
import { sealedScan, type SealInk } from './seal-scan.js';

let pool: OcrPool;
let dir: string;
beforeAll(() => {
  pool = new OcrPool(2);
  dir = mkdtempSync(path.join(tmpdir(), 'taizhang-seal-'));
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOTICES = [
  { doc: 'benxi-2020', line: '2020年4月3日', date: '2020-04-03', more: [] },
  { doc: 'dongzhou-2020', line: '2020年4月30日', date: '2020-04-30', more: [] },
  { doc: 'xinbin-2018', line: '2018年4月2日', date: '2018-04-02', more: [] },
];

async function readScan(doc: string, line: string, ink: SealInk | null, more: number[]) {
  const file = path.join(dir, `${doc}-${ink ?? 'plain'}.pdf`);
  writeFileSync(file, await sealedScan(path.join(CORPUS, `${doc}.pdf`), line, 200, ink, { more }));
  const out = await extractFile(file, { ocr: { mode: 'auto', pool } });
  if (!out.ok) throw new Error(out.line);
  return out.result;
}

const dateWarnings = (r: { warnings: { code: string }[] }) => r.warnings.filter((w) => w.code.startsWith('signature-date')).map((w) => w.code);

describe('the date under a seal', () => {
  const outcomes: string[] = [];
  afterAll(() => console.log(`sealed dates: ${outcomes.join('; ')}`));

  test.each(NOTICES.flatMap((n) => (['over', 'multiply'] as const).map((ink) => [n.doc, ink, n] as const)))('%s, seal ink %s: right and flagged, or empty and named', async (_d, ink, n) => {
    const r = await readScan(n.doc, n.line, ink, n.more);
    const got = r.document.date;
    outcomes.push(`${n.doc}/${ink}: ${got || '(empty)'} ${dateWarnings(r).join(',')}`);
    if (got === '') expect(dateWarnings(r)).toContain('signature-date-unread');
    // a date read under the seal is never given as sure, right or wrong
    else expect(dateWarnings(r)).toContain('signature-date-unsure');
    // seal ink mixed with the toner leaves the black digits whole: they are read right
    if (ink === 'multiply') expect(got).toBe(n.date);
  }, 600_000);

  test.each(NOTICES.map((n) => [n.doc, n] as const))('%s without a seal: the date, no doubt about it', async (_d, n) => {
    const r = await readScan(n.doc, n.line, null, n.more);
    expect(r.document.date).toBe(n.date);
    expect(dateWarnings(r)).toEqual([]);
  }, 600_000);
});
