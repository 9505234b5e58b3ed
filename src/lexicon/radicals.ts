// Radical code points in a text layer. Some PDF writers (a browser printing with certain CJK fonts,
// some office exports) map the glyphs of common characters to the radical blocks: the text reads
// 江⻄省⼈⺠政府 where the page shows 江西省人民政府, and no unit, place or word matches. Each radical
// goes back to the unified ideograph it stands for: the Kangxi Radicals block by NFKC, the CJK
// Radicals Supplement by the Unicode table in data/cjk-radicals.json.
import { z } from 'zod';
import { DataHeader } from './word-lists.js';
import radicalJson from '../../data/cjk-radicals.json' with { type: 'json' };

const CjkRadicals = z.object({
  header: DataHeader,
  radicals: z.record(z.string().regex(/^[\u2E80-\u2EFF]$/u), z.string().regex(/^\p{Unified_Ideograph}$/u)),
});

const table = CjkRadicals.parse(radicalJson).radicals;
/** Only one-unit answers: a character's offsets in the text stay its offsets (a few radicals stand for characters outside the BMP, and stay). */
const SUPPLEMENT = new Map(Object.entries(table).filter(([, v]) => v.length === 1));

/** Radicals → the ideographs they stand for, one UTF-16 unit for one. */
export function foldRadicals(text: string): string {
  if (!/[\u2E80-\u2FDF]/u.test(text)) return text;
  return text.replace(/[\u2E80-\u2EFF]/gu, (c) => SUPPLEMENT.get(c) ?? c).replace(/[\u2F00-\u2FD5]/gu, (c) => c.normalize('NFKC'));
}
