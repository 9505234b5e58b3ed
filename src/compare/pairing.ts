// Which quantity or deadline of one clause answers which of its aligned counterpart. Two clauses of
// a provincial paragraph and its county copy may each hold several figures; the alignment says
// which words stand where, so a figure pairs with the one written in the same place.
import type { Deadline, Quantity } from '../model.js';
import type { ClauseAlignment } from './align.js';
import { normalizeForShingles } from './shingles.js';
import { toComparable } from './units.js';
import { offsetsIn } from './addressee.js';

// How far back from a figure to look for aligned context, and how far the mapped position may miss.
const CONTEXT_REACH = 8;
const POSITION_SLACK = 4;

/** Normalized index of the first kept character at or after an original index. */
function toNormalized(offsets: number[], original: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the words at normalized index k of A stand in B, through the nearest aligned character before them. */
function mapPosition(al: ClauseAlignment, k: number): number | null {
  for (let back = 0; back <= CONTEXT_REACH && k - back >= 0; back++) {
    const m = al.mapAtoB[k - back];
    if (m !== undefined && m >= 0) return m + back;
  }
  return null;
}

function normalizedPositions(clause: { text: string }, items: readonly { text: string }[], offsets: number[]): (number | null)[] {
  return offsetsIn(clause, items).map((at) => (at === null ? null : toNormalized(offsets, at)));
}

export function sameSubject(x: string | undefined, y: string | undefined): boolean {
  if (!x || !y) return false;
  const a = normalizeForShingles(x).chars;
  const b = normalizeForShingles(y).chars;
  if (a === b) return a.length > 0;
  if (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a))) return true;
  return bigramDice(a, b) >= 0.6;
}

function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 2 <= s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) (shared += Math.min(n, gb.get(g) ?? 0)), (total += n);
  for (const n of gb.values()) total += n;
  return total > 0 ? (2 * shared) / total : 0;
}

interface Positioned<T> {
  item: T;
  key: string;
  pos: number | null;
  subject?: string;
}

function pairItems<T>(xs: Positioned<T>[], ys: Positioned<T>[], al: ClauseAlignment): [T, T][] {
  const out: [T, T][] = [];
  const usedY = new Set<number>();
  for (const x of xs) {
    const sameKey = ys.map((y, idx) => ({ y, idx })).filter(({ y, idx }) => y.key === x.key && !usedY.has(idx));
    if (sameKey.length === 0) continue;
    // The alignment decides first: figures written at the same place of copied words answer each
    // other, whatever subject the extractor named for them.
    let pick: { y: Positioned<T>; idx: number } | undefined;
    const mapped = x.pos !== null ? mapPosition(al, x.pos) : null;
    if (mapped !== null) pick = sameKey.find(({ y }) => y.pos !== null && Math.abs(y.pos - mapped) <= POSITION_SLACK);
    if (!pick && x.subject) pick = sameKey.find(({ y }) => sameSubject(x.subject, y.subject));
    // A lone figure of its kind on each side pairs as is, unless named subjects say they differ.
    const lone = xs.filter((o) => o.key === x.key).length === 1 && ys.filter((o) => o.key === x.key).length === 1;
    if (!pick && lone && !(x.subject && sameKey[0].y.subject && !sameSubject(x.subject, sameKey[0].y.subject))) pick = sameKey[0];
    if (!pick) continue;
    usedY.add(pick.idx);
    out.push([x.item, pick.y.item]);
  }
  return out;
}

/** Callers pair items only between clauses (or sentences) that are copies of each other. */
export interface PairOptions {
  /** which items of each side may pair at all (by index in the task's list) */
  keepA?: (index: number) => boolean;
  keepB?: (index: number) => boolean;
}

export function pairQuantities(clauseA: { text: string }, qa: Quantity[], clauseB: { text: string }, qb: Quantity[], al: ClauseAlignment, o: PairOptions): [Quantity, Quantity][] {
  const prep = (clause: { text: string }, qs: Quantity[], offsets: number[], keep?: (i: number) => boolean): Positioned<Quantity>[] => {
    const pos = normalizedPositions(clause, qs, offsets);
    return qs.flatMap((q, i) => {
      const c = toComparable(q);
      return c && (!keep || keep(i)) ? [{ item: q, key: c.key, pos: pos[i], subject: q.subject }] : [];
    });
  };
  return pairItems(prep(clauseA, qa, al.offsetsA, o.keepA), prep(clauseB, qb, al.offsetsB, o.keepB), al);
}

export function pairDeadlines(clauseA: { text: string }, da: Deadline[], clauseB: { text: string }, db: Deadline[], al: ClauseAlignment, o: PairOptions): [Deadline, Deadline][] {
  const prep = (clause: { text: string }, ds: Deadline[], offsets: number[], keep?: (i: number) => boolean): Positioned<Deadline>[] => {
    const pos = normalizedPositions(clause, ds, offsets);
    return ds.flatMap((d, i) => (d.kind === 'start' || (keep && !keep(i)) ? [] : [{ item: d, key: d.kind, pos: pos[i] }]));
  };
  return pairItems(prep(clauseA, da, al.offsetsA, o.keepA), prep(clauseB, db, al.offsetsB, o.keepB), al);
}
