// Plain text in whatever encoding it came in. Order (PACKAGES.md): a BOM decides; else strict
// UTF-8; else jschardet's guess, with any GB answer read as GB18030 (a superset of GBK and GB2312).
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';

export interface DecodedText {
  text: string;
  encoding: string;
  guessed: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom', guessed: false };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', guessed: false };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', guessed: false };
  } catch {
    // not UTF-8: fall through to detection
  }
  const utf16 = sniffUtf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16, guessed: true };
  const guess = jschardet.detect(buf.subarray(0, 64 * 1024));
  const name = (guess.encoding ?? '').toLowerCase();
  const encoding = /gb|hz|euc-cn/.test(name) || !name || name === 'ascii' ? 'gb18030' : name;
  if (!iconv.encodingExists(encoding)) throw new ReadFailure('E_DECODE', guess.encoding ?? undefined);
  return { text: iconv.decode(buf, encoding), encoding, guessed: true };
}

/** BOM-less UTF-16: Chinese text has a zero byte in no half, ASCII text in one half of every pair. */
function sniffUtf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i + 1 < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** One block per non-empty line: the files we receive put one paragraph on a line. */
export function textToBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => ({ text: l }));
}
