// Plain text in whatever encoding it came in. Order (PACKAGES.md): a BOM decides; else strict
// UTF-8; else BOM-less UTF-16; else UTF-8 with a few stray bytes replaced; else jschardet's guess,
// with any GB answer read as GB18030 (a superset of GBK and GB2312) if it looks like GB text at all.
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';

export interface DecodedText {
  text: string;
  encoding: string;
  guessed: boolean;
  /** bytes that were not valid in the encoding and became U+FFFD */
  replaced?: number;
}

/** A few stray bytes in otherwise valid UTF-8 (a cut-off copy, one bad sector) are replaced, not
 *  taken as a sign of another encoding: GBK read as UTF-8 fails on nearly every Chinese character. */
const MAX_STRAY_BYTES = { count: 3, perChars: 1000 } as const;

export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom', guessed: false };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', guessed: false };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', guessed: false };
  } catch {
    // not UTF-8 throughout: a few stray bytes, or another encoding
  }
  const utf16 = sniffUtf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16, guessed: true };
  const lenient = new TextDecoder('utf-8').decode(buf);
  const replaced = countStrayBytes(lenient);
  if (replaced <= Math.max(MAX_STRAY_BYTES.count, lenient.length / MAX_STRAY_BYTES.perChars) && hasUtf8Multibyte(buf)) {
    return { text: lenient, encoding: 'utf-8', guessed: false, replaced };
  }
  const guess = jschardet.detect(buf.subarray(0, 64 * 1024));
  const name = (guess.encoding ?? '').toLowerCase();
  const encoding = /gb|hz|euc-cn/.test(name) || !name || name === 'ascii' ? 'gb18030' : name;
  if (!iconv.encodingExists(encoding)) throw new ReadFailure('E_DECODE', guess.encoding ?? undefined);
  if (encoding === 'gb18030' && !looksLikeGbText(buf)) throw new ReadFailure('E_NOT_TEXT');
  return { text: iconv.decode(buf, encoding), encoding, guessed: true };
}

/** U+FFFD that the decoder wrote, not ones the file spelled out (EF BF BD). */
function countStrayBytes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** At least one well-formed UTF-8 multi-byte sequence: ASCII with a stray byte is no evidence. */
function hasUtf8Multibyte(buf: Buffer): boolean {
  const n = Math.min(buf.length, 1 << 20);
  for (let i = 0; i + 2 < n; i++) {
    if (buf[i] >= 0xe0 && buf[i] <= 0xef && (buf[i + 1] & 0xc0) === 0x80 && (buf[i + 2] & 0xc0) === 0x80) return true;
  }
  return false;
}

/**
 * GB text puts its double-byte characters in GB2312's rows: symbols (lead byte A1–A9) and the 6,763
 * common hanzi (B0–F7). Random bytes spread their lead bytes over the whole 81–FE range, so fewer
 * than four in five land there; any real notice is well above that.
 */
function looksLikeGbText(buf: Buffer): boolean {
  let pairs = 0;
  let common = 0;
  const n = Math.min(buf.length, 256 * 1024);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return false;
    const next = buf[i + 1];
    if (next >= 0x30 && next <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      continue;
    }
    pairs++;
    if ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7)) common++;
    i++;
  }
  return pairs < 8 || common >= pairs * 0.8;
}

/** Chinese text, whitespace and ASCII that a notice is made of; UTF-16 read in the wrong byte order
 *  gives Hangul, Yi and unassigned code points instead. */
const PLAUSIBLE_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u206f\u0020-\u007e\s\u00b7\u00d7\u2460-\u24ff\u25a0-\u25ff]/u;

function plausibleShare(text: string): number {
  const sample = text.slice(0, 2048);
  let ok = 0;
  let all = 0;
  for (const c of sample) {
    all++;
    if (PLAUSIBLE_CHAR.test(c)) ok++;
  }
  return all ? ok / all : 0;
}

/**
 * BOM-less UTF-16. ASCII text has a zero byte in one half of every pair; Chinese text has none, but
 * one half of each pair is then the high byte of a Han or punctuation code point (4E–9F, 30, FF),
 * which shows when the two readings are compared.
 */
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
  // the half holding the high bytes of Han (4E–9F), CJK punctuation (30), full-width forms (FF) and
  // ASCII (00); random or single-byte text spreads both halves alike
  const highShare = (parity: number) => {
    let hits = 0;
    for (let i = parity; i < n; i += 2) {
      const b = buf[i];
      if (b === 0 || b === 0x30 || b === 0xff || b === 0x20 || (b >= 0x4e && b <= 0x9f)) hits++;
    }
    return hits / pairs;
  };
  const odd = highShare(1);
  const even = highShare(0);
  const head = buf.subarray(0, n);
  if (odd >= 0.9 && even < 0.7 && plausibleShare(iconv.decode(head, 'utf-16le')) >= 0.95) return 'utf-16le';
  if (even >= 0.9 && odd < 0.7 && plausibleShare(iconv.decode(head, 'utf-16be')) >= 0.95) return 'utf-16be';
  return null;
}

/**
 * Characters no notice contains: C0/C1 control characters other than line and tab, U+FFFD, private
 * use and lone surrogates. Random bytes read as any encoding are full of them.
 */
const JUNK_CHAR = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]|\p{Cs}/gu;

/** True when a decoded "text" is mostly not text: more than one character in twenty is junk. */
export function isMostlyJunk(text: string): boolean {
  const sample = text.length > 1 << 20 ? text.slice(0, 1 << 20) : text;
  const junk = sample.match(JUNK_CHAR)?.length ?? 0;
  if (junk < 2) return false;
  const visible = sample.replace(/\s+/gu, '').length;
  return junk > visible * 0.05;
}

/** The cells of a line copied from a table (Word and Excel put a tab between cells), or null. */
function tabCells(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  return cells.length >= 3 && cells.filter((c) => c !== '').length >= 2 ? cells : null;
}

/**
 * One block per non-empty line: the files we receive put one paragraph on a line. Lines of a table
 * pasted as text (two or more such lines in a row, each of three tab-separated cells or more, as
 * Word and Excel copy a 任务分工表) are its rows, cells apart, as a DOCX table's are.
 */
export function textToBlocks(text: string): Block[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[ \u3000]+|[ \u3000]+$/gu, ''))
    .filter((l) => l.trim() !== '');
  const cells = lines.map(tabCells);
  return lines.map((l, i) => {
    const row = cells[i];
    return row && (cells[i - 1] || cells[i + 1]) ? { text: row.join('\t'), style: { table: true } } : { text: l.trim() };
  });
}

/** BOM-less UTF-16, by the pattern of its zero bytes or of its Han high bytes. */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  return sniffUtf16WithoutBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) !== null;
}
