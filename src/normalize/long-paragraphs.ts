// A paragraph no notice has: a whole file on one line (a careless export, or a hostile one). The
// extractors look around each match within its paragraph, so their cost grows with the square of a
// paragraph's length; a paragraph past LIMITS.paragraphChars is cut into pieces that end a
// sentence (。！？；), else a clause (，、), else anywhere that does not split a surrogate pair.
import type { Block } from '../model.js';
import { LIMITS } from '../read/limits.js';

const ENDS: RegExp[] = [/[。！？!?；;]/gu, /[，,、：:\s]/gu];

/** Pieces of at most `max` UTF-16 units, cut after the last sentence (or clause) end in each window. */
export function splitLongText(text: string, max: number = LIMITS.paragraphChars): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    let cut = -1;
    for (const re of ENDS) {
      // the last end in the window's second half: pieces stay long enough to be real sentences
      let last = -1;
      re.lastIndex = 0;
      for (let m = re.exec(window); m; m = re.exec(window)) last = m.index + m[0].length;
      if (last > max / 2) {
        cut = last;
        break;
      }
    }
    if (cut < 0) {
      cut = max;
      const c = window.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--; // never part a surrogate pair
    }
    out.push(text.slice(from, from + cut));
    from += cut;
  }
  out.push(text.slice(from));
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

/** Every over-long block becomes several blocks with the same page and style; the count is returned. */
export function splitLongParagraphs(blocks: Block[], max: number = LIMITS.paragraphChars): { blocks: Block[]; split: number } {
  if (!blocks.some((b) => b.text.length > max)) return { blocks, split: 0 };
  const out: Block[] = [];
  let split = 0;
  for (const b of blocks) {
    if (b.text.length <= max) {
      out.push(b);
      continue;
    }
    split++;
    for (const t of splitLongText(b.text, max)) out.push({ ...b, text: t });
  }
  return { blocks: out, split };
}
