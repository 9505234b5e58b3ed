// Two documents clause by clause: which clauses say the same thing (reused wording, or the same
// quantity subject in other words), and what their figures and deadlines mean for each other.
import type { ExtractResult, Quantity, Task } from '../model.js';
import { alignClauses, type ClauseAlignment } from './align.js';
import { sentencesWithItems } from './sentences.js';
import { findCandidatePairs, type CandidateOptions } from './candidates.js';
import { pairDeadlines, pairQuantities, sameSubject } from './pairing.js';
import { clauseSide, compareDeadlinePair, compareQuantityPair, type PairContext } from './rules.js';
import type { Alignment, Finding } from './schema.js';
import { isScaleFree, toComparable } from './units.js';
import { addresses, itemOffsets } from './addressee.js';

export interface AlignOptions {
  candidates?: CandidateOptions;
  /** an aligned pair shares at least this many characters… */
  minMatches?: number;
  /** …and is this similar overall, or the shorter clause is this much inside the longer one */
  minSimilarity?: number;
  minContainment?: number;
}

const ALIGN_DEFAULTS = { minMatches: 8, minSimilarity: 0.5, minContainment: 0.6, minSharedSentence: 20, minSentenceIdentity: 0.8 };

export interface AlignedPair {
  ta: Task;
  tb: Task;
  alignment: Alignment;
  al: ClauseAlignment;
}

/** One clause is (nearly) a copy of the other, or the shorter is copied out of the longer. */
export function isCopy(al: ClauseAlignment, options: AlignOptions = {}): boolean {
  const o = { ...ALIGN_DEFAULTS, ...options };
  return al.matches >= o.minMatches && (al.similarity >= o.minSimilarity || al.containment >= o.minContainment);
}

/**
 * Aligned: a copy, or two long paragraphs that share a whole sentence (a stretch of at least
 * minSharedSentence characters, nearly identical) — the province's paragraph of ten duties and the
 * county's paragraph that repeats one of them.
 */
export function isTextAlignment(al: ClauseAlignment, options: AlignOptions = {}): boolean {
  const o = { ...ALIGN_DEFAULTS, ...options };
  return isCopy(al, options) || (al.localMatches >= o.minSharedSentence && al.localIdentity >= o.minSentenceIdentity);
}

export function makeAlignment(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment, basis: Alignment['basis']): Alignment {
  return {
    a: clauseSide(ctx.a, ta),
    b: clauseSide(ctx.b, tb),
    similarity: al.similarity,
    changes: basis === 'text' ? al.changes : [],
    basis,
  };
}

/** Clause pairs of a and b whose wording is reused, found through the shingle index. */
export function textAlignedPairs(ctx: PairContext, a: ExtractResult, b: ExtractResult, options: AlignOptions = {}): AlignedPair[] {
  const clauses = [...a.tasks.map((t) => ({ group: 'a', text: t.text })), ...b.tasks.map((t) => ({ group: 'b', text: t.text }))];
  const out: AlignedPair[] = [];
  for (const p of findCandidatePairs(clauses, options.candidates)) {
    // Candidate pairs come with i < j, so i is always in a.
    const ta = a.tasks[p.i];
    const tb = b.tasks[p.j - a.tasks.length];
    const al = alignClauses(ta.text, tb.text);
    if (isTextAlignment(al, options)) out.push({ ta, tb, al, alignment: makeAlignment(ctx, ta, tb, al, 'text') });
  }
  return out;
}

function comparableAcross(q: Quantity): boolean {
  return !!q.subject && isScaleFree(q);
}

/** Clause pairs on the same quantity subject in other words, not already aligned by wording. */
export function subjectPairs(ctx: PairContext, a: ExtractResult, b: ExtractResult, taken: Set<string>): { pair: AlignedPair; qa: Quantity; qb: Quantity }[] {
  const out: { pair: AlignedPair; qa: Quantity; qb: Quantity }[] = [];
  for (const ta of a.tasks) {
    for (const qa of ta.quantities.filter(comparableAcross)) {
      const key = toComparable(qa)!.key;
      for (const tb of b.tasks) {
        if (taken.has(`${ta.id}\u0000${tb.id}`)) continue;
        for (const qb of tb.quantities) {
          if (!comparableAcross(qb) || toComparable(qb)!.key !== key || !sameSubject(qa.subject, qb.subject)) continue;
          if (!addressedToLower(ctx, ta, tb, qa, qb, 'quantities')) continue;
          const al = alignClauses(ta.text, tb.text);
          out.push({ pair: { ta, tb, al, alignment: makeAlignment(ctx, ta, tb, al, 'subject') }, qa, qb });
        }
      }
    }
  }
  return out;
}

/** Does the higher side's item speak to the lower side's level (not a duty laid on another level)? */
export function addressedToLower(ctx: PairContext, ta: Task, tb: Task, itemA: { text: string }, itemB: { text: string }, list: 'quantities' | 'deadlines'): boolean {
  if (!ctx.higher) return true;
  const [high, item] = ctx.higher === 'a' ? [ta, itemA] : [tb, itemB];
  const items: { text: string }[] = high[list];
  return addressedItems(ctx, high, items)(items.indexOf(item));
}

/** Which items of the higher task speak to the lower side's level, by index; every item when no side governs. */
function addressedItems(ctx: PairContext, high: Task, items: readonly { text: string }[]): (index: number) => boolean {
  const level = (ctx.higher === 'a' ? ctx.b : ctx.a).jurisdiction?.level;
  const offsets = itemOffsets(high.text, items);
  return (i) => addresses(high.text, offsets[i] ?? null, level);
}

/** Findings for one text-aligned clause pair: its paired figures and deadlines. */
export function findingsForPair(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): Finding[] {
  if (isCopy(al)) return findingsForCopy(ctx, ta, tb, al);
  // Paragraphs that share sentences: pair figures only inside sentences that are copies.
  const out: Finding[] = [];
  for (const sa of sentencesWithItems(ta)) {
    for (const sb of sentencesWithItems(tb)) {
      const sal = alignClauses(sa.text, sb.text);
      if (!isCopy(sal)) continue;
      // The finding quotes the whole clauses, as every finding does; the sentence only paired them.
      for (const f of findingsForCopy(ctx, sa, sb, sal)) {
        out.push({ ...f, a: f.a && { ...f.a, text: ta.text }, b: f.b && { ...f.b, text: tb.text } });
      }
    }
  }
  return out;
}

function findingsForCopy(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): Finding[] {
  const out: Finding[] = [];
  // Items the higher clause lays on another level (省委每季度…) are left out before pairing, so the
  // county's figure meets the one laid on counties.
  const keep = (list: 'quantities' | 'deadlines') =>
    ctx.higher === 'a' ? { keepA: addressedItems(ctx, ta, ta[list]) } : ctx.higher === 'b' ? { keepB: addressedItems(ctx, tb, tb[list]) } : {};
  for (const [qa, qb] of pairQuantities(ta.text, ta.quantities, tb.text, tb.quantities, al, keep('quantities'))) {
    // A county's 189户 is not weaker than a province's 2万户: only rates and standards compare across places.
    if (!isScaleFree(qa) || !isScaleFree(qb)) continue;
    const f = compareQuantityPair(ctx, ta, qa, tb, qb);
    if (f) out.push(f);
  }
  for (const [da, db] of pairDeadlines(ta.text, ta.deadlines, tb.text, tb.deadlines, al, keep('deadlines'))) {
    const f = compareDeadlinePair(ctx, ta, da, tb, db);
    if (f) out.push(f);
  }
  return out;
}

/** Tasks of the older document whose figures or deadlines differ from the newer one's ("以本…为准"). */
export function tasksDisagreeingWith(older: ExtractResult, newer: ExtractResult): string[] {
  // Read the newer document as the rule the older one is measured against.
  const ctx: PairContext = { a: older.document, b: newer.document, relation: 'binding', higher: 'b' };
  const ids = new Set<string>();
  for (const p of textAlignedPairs(ctx, older, newer)) {
    for (const f of findingsForPair(ctx, p.ta, p.tb, p.al)) {
      if (f.type !== 'consistent' && f.type !== 'equivalent') ids.add(p.ta.id);
    }
  }
  return older.tasks.filter((t) => ids.has(t.id)).map((t) => t.id);
}

const TYPE_ORDER: readonly Finding['type'][] = [
  'conflict',
  'conditional',
  'superseded',
  'deadline-before-issue',
  'inconsistent-within',
  'uncovered',
  'informational',
  'equivalent',
  'compliant',
  'consistent',
];

/** Problems first, then agreements; the same finding reached twice (by wording and by subject) once. */
export function orderFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const side = (s: Finding['a']) => (s ? [s.docId, s.taskId, s.quantity?.text ?? '', s.deadline?.text ?? ''].join('\u0001') : '');
    const key = [f.type, side(f.a), side(f.b)].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((f, i) => ({ f, i }))
    .sort((x, y) => TYPE_ORDER.indexOf(x.f.type) - TYPE_ORDER.indexOf(y.f.type) || x.i - y.i)
    .map(({ f }) => f);
}
