// Two documents clause by clause: which clauses say the same thing (reused wording, or the same
// quantity subject in other words), and what their figures and deadlines mean for each other.
import type { ExtractResult, Quantity, Task } from '../model.js';
import { alignClauses, type ClauseAlignment } from './align.js';
import { findCandidatePairs, type CandidateOptions } from './candidates.js';
import { pairDeadlines, pairQuantities, sameSubject } from './pairing.js';
import { clauseSide, compareDeadlinePair, compareQuantityPair, type PairContext } from './rules.js';
import type { Alignment, Finding } from './schema.js';
import { isScaleFree, toComparable } from './units.js';

export interface AlignOptions {
  candidates?: CandidateOptions;
  /** an aligned pair shares at least this many characters… */
  minMatches?: number;
  /** …and is this similar overall, or the shorter clause is this much inside the longer one */
  minSimilarity?: number;
  minContainment?: number;
}

const ALIGN_DEFAULTS = { minMatches: 8, minSimilarity: 0.5, minContainment: 0.6 };

export interface AlignedPair {
  ta: Task;
  tb: Task;
  alignment: Alignment;
  al: ClauseAlignment;
}

export function isTextAlignment(al: ClauseAlignment, options: AlignOptions = {}): boolean {
  const o = { ...ALIGN_DEFAULTS, ...options };
  return al.matches >= o.minMatches && (al.similarity >= o.minSimilarity || al.containment >= o.minContainment);
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
          const al = alignClauses(ta.text, tb.text);
          out.push({ pair: { ta, tb, al, alignment: makeAlignment(ctx, ta, tb, al, 'subject') }, qa, qb });
        }
      }
    }
  }
  return out;
}

/** Findings for one text-aligned clause pair: its paired figures and deadlines. */
export function findingsForPair(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): Finding[] {
  const out: Finding[] = [];
  for (const [qa, qb] of pairQuantities(ta.text, ta.quantities, tb.text, tb.quantities, al)) {
    // A county's 189户 is not weaker than a province's 2万户: only rates and standards compare across places.
    if (!isScaleFree(qa) || !isScaleFree(qb)) continue;
    const f = compareQuantityPair(ctx, ta, qa, tb, qb);
    if (f) out.push(f);
  }
  for (const [da, db] of pairDeadlines(ta.text, ta.deadlines, tb.text, tb.deadlines, al)) {
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
