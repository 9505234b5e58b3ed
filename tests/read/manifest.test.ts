// Every file of the corpus manifest handled as it says: bad input is one ReadFailure with a code.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocumentFile } from '../../src/pipeline.js';
import { ReadFailure } from '../../src/messages.js';
import { CORPUS, paragraphs } from './corpus-helpers.js';

async function failureCode(rel: string, password?: string): Promise<string> {
  try {
    // a scan is read by OCR unless told not to (issue 13): tests/ocr/ read it; here it is refused
    await readDocumentFile(path.join(CORPUS, rel), { password, ocr: { mode: 'never' } });
  } catch (e) {
    expect(e).toBeInstanceOf(ReadFailure);
    return (e as ReadFailure).code;
  }
  return 'no failure';
}

describe('bad input gets a code, never a crash', () => {
  test.each([
    ['broken/dongzhou-2020.scanned.pdf', 'E_SCANNED'],
    ['variants/xinbin-2018.encrypted.pdf', 'E_ENCRYPTED'],
    ['broken/xinbin-2018.truncated.pdf', 'E_CORRUPT_PDF'],
    ['broken/empty.pdf', 'E_EMPTY'],
    ['broken/fake.pdf', 'E_NOT_PDF'],
    ['broken/fake.docx', 'E_NOT_DOCX'],
    ['broken/bomb.docx', 'E_DOCX_BOMB'],
    ['no-such-file.pdf', 'E_NOT_FOUND'],
  ])('%s → %s', async (rel, code) => {
    expect(await failureCode(rel)).toBe(code);
  });

  test('a wrong password is not the same as no password', async () => {
    expect(await failureCode('variants/xinbin-2018.encrypted.pdf', 'wrong')).toBe('E_BAD_PASSWORD');
  });

  test('a file over the size limit is refused before it is read', async () => {
    await expect(readDocumentFile(path.join(CORPUS, 'benxi-2020.pdf'), { maxBytes: 1000 })).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });

  test('the zip bomb is refused from its central directory, memory stays bounded', async () => {
    const before = process.memoryUsage().rss;
    expect(await failureCode('broken/bomb.docx')).toBe('E_DOCX_BOMB');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

test('the encrypted PDF reads with its password, as the plain one', async () => {
  expect(await paragraphs('variants/xinbin-2018.encrypted.pdf', 'secret')).toEqual(await paragraphs('xinbin-2018.pdf'));
});

test('a PDF keeps each paragraph\'s page for citations', async () => {
  const doc = await readDocumentFile(path.join(CORPUS, 'xinbin-2018.pdf'));
  expect(doc.source.pages).toBe(9);
  expect(doc.blocks[0].page).toBe(1);
  expect(doc.blocks[doc.blocks.length - 1].page).toBe(9);
  const pages = doc.blocks.map((b) => b.page!);
  expect(pages).toEqual([...pages].sort((a, b) => a - b));
});
