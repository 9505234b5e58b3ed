// Legacy Word 97–2003 (.doc, OLE2 compound file) with word-extractor, which reads the
// WordDocument stream's piece table. One block per paragraph.
import WordExtractor from 'word-extractor';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { textToBlocks } from './text.js';

export async function readDoc(bytes: Uint8Array): Promise<Block[]> {
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    return textToBlocks(doc.getBody({ filterUnicode: false }));
  } catch {
    throw new ReadFailure('E_LEGACY_DOC');
  }
}
