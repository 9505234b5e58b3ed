// A real scan as published (tests/fixtures/real/SOURCES.md): a ministry's notice photographed with a
// phone app, 8 page images, the seal printed opaque over the 成文日期 "2025年1月23日" (the ring
// hides the lower half of its 3; strokes of the seal's characters cut its 5 and its 1). What a
// user must get from it: the title, the issuer, the date (flagged, since it was read under the
// seal), and its measures as tasks. Slow: 8 pages of OCR.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { OcrPool } from '../../src/read/ocr.js';

const SCAN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real', 'nongyebu-2025-youji-youbu-scan.pdf');

let pool: OcrPool;
beforeAll(() => {
  pool = new OcrPool(2);
});
afterAll(async () => {
  await pool.close();
});

test('the real phone-app scan: title, issuer, the date under the seal (flagged), its measures', async () => {
  const out = await extractFile(SCAN, { ocr: { mode: 'auto', pool } });
  if (!out.ok) throw new Error(out.line);
  const { document: doc, tasks, warnings } = out.result;
  expect(doc.title).toBe('农业农村部办公厅关于加力推进农机购置与应用补贴“优机优补”“有进有出”的意见');
  expect(doc.issuer).toBe('农业农村部办公厅');
  expect(doc.docNumber).toBeNull();
  expect(doc.date).toBe('2025-01-23');
  // read under the seal: given, and flagged for checking against the paper
  const flagged = warnings.find((w) => w.code === 'signature-date-unsure');
  expect(flagged?.message).toContain('2025-01-24');
  expect(tasks.length).toBeGreaterThanOrEqual(15);
  console.log(`real scan: ${doc.date}, ${tasks.length} tasks`);
}, 600_000);
