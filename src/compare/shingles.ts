// Character n-gram shingles over CJK text. Chinese has no spaces, so words cannot be the unit
// without a segmenter; overlapping 3-grams of the letters and digits alone survive the punctuation,
// spacing and full-width/half-width differences that copying between documents introduces.

export const DEFAULT_SHINGLE_SIZE = 3;

/** Letters and digits only, NFKC-folded, with a map from each kept character back to the original text. */
export interface NormalizedText {
  chars: string;
  /** offsets[i] = index in the original string of chars[i] */
  offsets: number[];
}

const KEEP = /[\p{L}\p{N}]/u;

export function normalizeForShingles(text: string): NormalizedText {
  let chars = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast paths: CJK ideographs and ASCII letters/digits are kept as they are, other ASCII dropped.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      chars += text[i];
      offsets.push(i);
      continue;
    }
    if (c < 0x80) continue;
    // NFKC per character keeps the offset map exact: full-width digits and letters fold to ASCII.
    const folded = text[i].normalize('NFKC');
    for (const ch of folded) {
      if (KEEP.test(ch)) {
        chars += ch;
        offsets.push(i);
      }
    }
  }
  return { chars, offsets };
}

/** 32-bit FNV-1a of a shingle: numbers keep the index compact for hundreds of documents. */
export function hashShingle(s: string, from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + n; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct shingle hashes of a text (texts shorter than n give one shingle of the whole text). */
export function shingleSet(text: string, n = DEFAULT_SHINGLE_SIZE): Uint32Array {
  const { chars } = normalizeForShingles(text);
  if (chars.length === 0) return new Uint32Array(0);
  if (chars.length < n) return Uint32Array.of(hashShingle(chars, 0, chars.length));
  const seen = new Set<number>();
  for (let i = 0; i + n <= chars.length; i++) seen.add(hashShingle(chars, i, n));
  return Uint32Array.from(seen);
}

/** The shingles themselves, for tests and for explaining why two clauses were paired. */
export function shingleStrings(text: string, n = DEFAULT_SHINGLE_SIZE): string[] {
  const { chars } = normalizeForShingles(text);
  if (chars.length < n) return chars ? [chars] : [];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n));
  return [...out];
}
