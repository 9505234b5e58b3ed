// A missing OCR model is one clear line at once: tesseract.js itself would wait for ever for it.
import { expect, test } from 'vitest';
import { OcrPool } from '../../src/read/ocr.js';
import { ReadFailure } from '../../src/messages.js';

test('a model that is not installed is E_OCR_UNAVAILABLE, not a hang', async () => {
  const pool = new OcrPool(1, 'no-such-model');
  const err = await pool.recognize(Buffer.from('not read'), 1, 300, { width: 10, height: 10 }).catch((e: unknown) => e);
  await pool.close();
  expect(err).toBeInstanceOf(ReadFailure);
  expect((err as ReadFailure).code).toBe('E_OCR_UNAVAILABLE');
  expect((err as ReadFailure).message).toContain('no-such-model');
}, 60_000); // a hang fails here, at vitest's timeout
