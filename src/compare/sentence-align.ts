// Alignment sentence by sentence inside two clauses. A law article or a long paragraph often
// rewords one duty among many; the whole-clause alignment only maps its best stretch, so each
// sentence of one clause is aligned with each sentence of the other. One higher sentence may answer
// several lower sentences and the other way round (a duty split in two, two duties merged).
import type { Task } from '../model.js';
import { alignClauses, type ClauseAlignment } from './align.js';
import { clauseSide, type PairContext } from './rules.js';
import { LEVEL_LABEL } from './jurisdiction-relation.js';
import { placeName } from './rules.js';
import type { Finding } from './schema.js';
import { splitSentences, type Sentence } from './sentences.js';
import { normalizeForShingles } from './shingles.js';
import { listChanges, strengthChanges, type StrengthChange } from './strength.js';

/**
 * Two sentences say the same thing: at least 8 shared characters and half of both, or 60% of the
 * shorter one inside the longer (the clause-level copy rule, applied to sentences). Measured on the
 * planted pairs and the corpus pair: below 8 characters, sentences pair on boilerplate
 * (“加强组织领导”); at 0.5 similarity a reworded duty (立即→及时, 应当→可以) still pairs.
 */
export const SENTENCE_MATCH = { minChars: 8, minMatches: 8, minSimilarity: 0.5, minContainment: 0.6, minStretchIdentity: 0.8 } as const;
// Two long articles of 30 sentences each are 900 small alignments; beyond that the pair is skipped.
const MAX_SENTENCE_PAIRS = 900;

// A pair of sentences that shares fewer character pairs than this is not aligned. Measured on the
// corpus pair and the real pair: aligned sentence pairs share 5 and more, and the alignments are
// the same with and without this filter; the corpus check runs in 0.5 s instead of 1.1 s.
const MIN_SHARED_BIGRAMS = 4;

function bigramSet(text: string): Set<string> {
  const s = normalizeForShingles(text).chars;
  const out = new Set<string>();
  for (let k = 0; k + 2 <= s.length; k++) out.add(s.slice(k, k + 2));
  return out;
}

function sharedCount(x: Set<string>, y: Set<string>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let n = 0;
  for (const g of small) if (large.has(g)) n++;
  return n;
}

export interface SentencePair {
  sa: Sentence;
  sb: Sentence;
  al: ClauseAlignment;
}

export function sentencesMatch(al: ClauseAlignment): boolean {
  const o = SENTENCE_MATCH;
  // A short sentence inside a long one counts only when the shared stretch is nearly verbatim:
  // eight characters scattered over a long sentence ("加大…投入力度") are chance.
  return al.matches >= o.minMatches && (al.similarity >= o.minSimilarity || (al.containment >= o.minContainment && al.localIdentity >= o.minStretchIdentity));
}

/** The sentences of clause a that say what a sentence of clause b says, with their alignment. */
export function alignSentences(textA: string, textB: string): SentencePair[] {
  const sa = splitSentences(textA).filter((s) => s.text.length >= SENTENCE_MATCH.minChars);
  const sb = splitSentences(textB).filter((s) => s.text.length >= SENTENCE_MATCH.minChars);
  if (sa.length * sb.length > MAX_SENTENCE_PAIRS) return [];
  const ga = sa.map((x) => bigramSet(x.text));
  const gb = sb.map((y) => bigramSet(y.text));
  const out: SentencePair[] = [];
  for (const [i, x] of sa.entries()) {
    for (const [j, y] of sb.entries()) {
      // Sentences sharing almost no character pairs cannot share a stretch of eight characters at
      // half similarity; the cheap count spares their alignment.
      if (sharedCount(ga[i], gb[j]) < MIN_SHARED_BIGRAMS) continue;
      const al = alignClauses(x.text, y.text);
      if (sentencesMatch(al)) out.push({ sa: x, sb: y, al });
    }
  }
  return out;
}

/** How the two sides are named in a reason: the lower by place or title, the higher by level. */
export function pairNames(ctx: PairContext) {
  const [lowDoc, highDoc] = ctx.higher === 'a' ? [ctx.b, ctx.a] : [ctx.a, ctx.b];
  return { lower: placeName(lowDoc), higher: highDoc.jurisdiction ? LEVEL_LABEL[highDoc.jurisdiction.level] : placeName(highDoc) };
}

/** Two list entries are one entry when most of the shorter is in the longer. */
export function sameItem(x: string, y: string): boolean {
  const al = alignClauses(x, y);
  return al.similarity >= 0.5 || al.containment >= 0.6;
}

/**
 * Duty-word findings of two aligned clauses, for a binding pair only: each higher sentence against
 * every lower sentence aligned with it. A weakening counts only when no lower sentence aligned with
 * the same higher sentence keeps the word (the lower plan may repeat the duty once softened and once
 * as written).
 */
export function strengthFindings(ctx: PairContext, ta: Task, tb: Task, pairs: SentencePair[]): Finding[] {
  if (ctx.relation !== 'binding' || !ctx.higher) return [];
  const n = pairNames(ctx);
  const [highTask, lowTask] = ctx.higher === 'a' ? [ta, tb] : [tb, ta];
  const byHigh = new Map<number, { s: SentencePair; changes: StrengthChange[] }[]>();
  for (const p of pairs) {
    // A short heading contained in a long sentence aligns, but says too little to weigh duty words.
    if (p.al.similarity < SENTENCE_MATCH.minSimilarity) continue;
    const [hs, ls] = ctx.higher === 'a' ? [p.sa, p.sb] : [p.sb, p.sa];
    const [hm, lm] = ctx.higher === 'a' ? [p.al.marksA, p.al.marksB] : [p.al.marksB, p.al.marksA];
    const changes = strengthChanges({ task: highTask, s: hs, marks: hm }, { task: lowTask, s: ls, marks: lm }, n);
    const list = byHigh.get(hs.start) ?? [];
    list.push({ s: p, changes });
    byHigh.set(hs.start, list);
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (c: StrengthChange) => {
    const key = `${c.dimension}:${c.high.start}:${c.low.start}:${c.outcome}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [fa, fb] = ctx.higher === 'a' ? [c.high, c.low] : [c.low, c.high];
    out.push({
      type: c.outcome === 'weaker' ? 'weakened' : 'compliant',
      a: clauseSide(ctx.a, ta, { fact: fa }),
      b: clauseSide(ctx.b, tb, { fact: fb }),
      reason: c.reason,
    });
  };
  for (const list of byHigh.values()) {
    for (const { changes } of list) {
      for (const c of changes) {
        const keptElsewhere = c.outcome === 'weaker' && list.some((o) => !o.changes.some((x) => x.dimension === c.dimension && x.outcome === 'weaker'));
        if (!keptElsewhere) push(c);
      }
    }
  }
  for (const c of listChanges(highTask.text, lowTask.text, n, sameItem)) push(c);
  return out;
}
