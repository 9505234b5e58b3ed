// Which stored task a text is: a row a unit re-typed, or a task of a new version of the notice.
// The comparer's own measures decide (shingle overlap to pick candidates, then its character
// alignment and sentence-match rule), so "the same task" means the same thing in compare and track.
import { alignClauses } from '../compare/align.js';
import { SENTENCE_MATCH } from '../compare/sentence-align.js';
import { normalizeForShingles, shingleSet } from '../compare/shingles.js';

export interface TextCandidate {
  id: string;
  text: string;
}

/** Candidates aligned in full (alignment is quadratic; the shingle overlap ranks the rest out). */
const ALIGNED_CANDIDATES = 5;
/** Two texts are one task at this similarity (the comparer's sentence rule, asked of whole tasks). */
export const SAME_TASK_SIMILARITY = SENTENCE_MATCH.minSimilarity;

/** The numbering a list item starts with ("（一）", "1.", "一、", "（3）"): a unit that re-types a row often leaves it off. */
const LEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十百\d]{1,4}[）)]|[一二三四五六七八九十百]{1,4}[、.．]|\d{1,3}[、.．)）](?!\d))\s*/u;

/** A task's words as compared: no list numbering, letters and digits only (punctuation and spaces left out). */
export const plainText = (text: string) => normalizeForShingles(text.replace(LEADING_NUMBER, '')).chars;

function overlap(a: Uint32Array, b: Set<number>): number {
  let n = 0;
  for (const h of a) if (b.has(h)) n++;
  return a.length ? n / a.length : 0;
}

export class TextMatcher {
  private readonly exact = new Map<string, string | null>();
  private readonly shingles: Array<{ id: string; text: string; set: Set<number> }>;

  constructor(candidates: TextCandidate[]) {
    for (const c of candidates) {
      const k = plainText(c.text);
      // the same words for two tasks ("加强组织领导" twice) match neither by text
      this.exact.set(k, this.exact.has(k) && this.exact.get(k) !== c.id ? null : c.id);
    }
    this.shingles = candidates.map((c) => ({ id: c.id, text: c.text, set: new Set(shingleSet(c.text.replace(LEADING_NUMBER, ''))) }));
  }

  /** The one candidate this text is, or null when none is close enough or two are equally close. */
  match(text: string): { id: string; similarity: number } | null {
    const k = plainText(text);
    if (!k) return null;
    const exact = this.exact.get(k);
    if (exact) return { id: exact, similarity: 1 };
    if (exact === null) return null;
    const mine = shingleSet(text.replace(LEADING_NUMBER, ''));
    const ranked = this.shingles
      .map((c) => ({ c, score: overlap(mine, c.set) }))
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score)
      .slice(0, ALIGNED_CANDIDATES);
    const scored = ranked
      .map(({ c }) => ({ id: c.id, similarity: alignClauses(text.replace(LEADING_NUMBER, ''), c.text.replace(LEADING_NUMBER, '')).similarity }))
      .sort((x, y) => y.similarity - x.similarity);
    const [best, next] = scored;
    if (!best || best.similarity < SAME_TASK_SIMILARITY) return null;
    if (next && next.similarity === best.similarity && next.id !== best.id) return null;
    return best;
  }
}
