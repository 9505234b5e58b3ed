// Character error rate of OCR against the corpus TXT (whitespace ignored: cer.ts), issue 13: the five corpus
// PDFs drawn to page images by pdf.js at 300 and 150 dpi and read by tesseract.js (--ocr always),
// and the corpus plan as a scan (page images only). ≤ 1.5 % at 300 dpi, ≤ 3 % at 150 dpi.
// Both sides go through the same normalize the pipeline runs: the TXT as `taizhang text` prints it,
// the OCR blocks as extract reads them. Normalize folds the width of digits and letters only, so a
// punctuation mark in the other width counts as an error (a scan typeset in half-width marks keeps
// them: src/normalize/ocr-width.ts).
// Slow on purpose (~190 pages): both workers of one pool read the pages of each document in parallel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeDocument } from '../../src/normalize/index.js';
import { readDocumentFile } from '../../src/pipeline.js';
import { readRawBytes } from '../../src/read/index.js';
import { OcrPool } from '../../src/read/ocr.js';
import { CORPUS, DOCS } from '../read/corpus-helpers.js';
import { cer } from './cer.js';

const LIMIT: Record<number, number> = { 300: 0.015, 150: 0.03 };

/** The TXT as `taizhang text` prints it (its markdown bold marks are no characters of the notice). */
const reference = async (doc: string) => (await readDocumentFile(path.join(CORPUS, `${doc}.txt`))).blocks.map((b) => b.text).join('\n');

let pool: OcrPool;
beforeAll(() => {
  pool = new OcrPool(2);
});
afterAll(async () => {
  await pool.close();
});

async function ocrText(file: string, mode: 'always' | 'auto', dpi: number): Promise<string> {
  const raw = await readRawBytes(new Uint8Array(readFileSync(file)), file, { ocr: { mode, dpi, pool } });
  const doc = normalizeDocument(raw);
  expect(doc.blocks.every((b) => b.source === 'ocr')).toBe(true);
  return doc.blocks.map((b) => b.text).join('\n');
}

describe('CER of OCR against the TXT', () => {
  const cases = DOCS.flatMap((doc) => [300, 150].map((dpi) => [doc, dpi] as const));
  test.each(cases)('%s drawn at %i dpi', async (doc, dpi) => {
    const rate = cer(await ocrText(path.join(CORPUS, `${doc}.pdf`), 'always', dpi), await reference(doc));
    console.log(`CER ${doc} ${dpi} dpi: ${(rate * 100).toFixed(2)} %`);
    expect(rate).toBeLessThanOrEqual(LIMIT[dpi]);
  }, 1_200_000);

  test.each([300, 150])('dongzhou-2020.scanned.pdf (page images only) at %i dpi', async (dpi) => {
    const rate = cer(await ocrText(path.join(CORPUS, 'broken', 'dongzhou-2020.scanned.pdf'), 'auto', dpi), await reference('dongzhou-2020'));
    console.log(`CER dongzhou-2020.scanned ${dpi} dpi: ${(rate * 100).toFixed(2)} %`);
    expect(rate).toBeLessThanOrEqual(LIMIT[dpi]);
  }, 600_000);
});

describe('the measure itself', () => {
  test.each([
    ['东洲区脱贫攻坚', '东洲区脱贫攻坚', 0],
    ['东 洲 区\n脱贫攻坚', '东洲区脱贫攻坚', 0],
    ['东洲区脱贪攻坚', '东洲区脱贫攻坚', 1 / 7],
    ['东洲区攻坚', '东洲区脱贫攻坚', 2 / 7],
    ['东洲区脱贫攻坚工作', '东洲区脱贫攻坚', 2 / 7],
    // a mark in the other width is an error: （ for (, ）， for ), and ： for :
    ['各乡（镇），县直部门：', '各乡(镇),县直部门:', 4 / 11],
    ['各乡(镇),县直部门:', '各乡(镇),县直部门:', 0],
  ])('%s against %s', (got, ref, want) => {
    expect(cer(got, ref)).toBeCloseTo(want, 6);
  });
});
