// Local alignment of two clauses (Smith–Waterman over characters, punctuation stripped), the
// text-reuse method used to trace model bills across legislatures: it finds the stretch two texts
// share even when one of them is a short clause copied out of a long paragraph, and its traceback
// gives the substituted spans ("所有贫困县" → "全县").
import type { Change } from './schema.js';
import { normalizeForShingles, type NormalizedText } from './shingles.js';

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;
// Quadratic in memory for the traceback: longer clauses are cut (a clause of 2,000 characters is
// already a page of text).
const MAX_CHARS = 2000;
// Text left outside the local alignment on both sides is a substitution only when both leftovers
// are short; longer ones are simply text the other clause does not have.
const MAX_EDGE_CHANGE = 20;
// Nouns that close a place or body name: a change right before one of these takes it along, so
// "所有贫困县"/"全县" is reported, not "所有贫困"/"全".
const NOUN_HEADS = new Set(['县', '市', '省', '区', '乡', '镇', '村', '户', '人', '局', '委', '部', '办', '级']);

/** Per original character: 0 outside the aligned stretch, 1 matched, 2 changed. */
export type Marks = Uint8Array;

export interface ClauseAlignment {
  similarity: number;
  /** matched characters */
  matches: number;
  /** matches / length of the shorter normalized clause */
  containment: number;
  /** the best local stretch alone: its matched characters and matches / its longer side */
  localMatches: number;
  localIdentity: number;
  changes: Change[];
  marksA: Marks;
  marksB: Marks;
  /** for each normalized index of A, the aligned normalized index of B, or -1 */
  mapAtoB: Int32Array;
  /** normalized index → index in the original text, per side */
  offsetsA: number[];
  offsetsB: number[];
}

interface Op {
  kind: 'match' | 'change';
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Best local alignment: the aligned stretch as runs of matches and changes, in normalized indexes. */
function smithWaterman(a: string, b: string): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  // 0 stop, 1 diagonal, 2 up (gap in b), 3 left (gap in a)
  const trace = new Uint8Array((n + 1) * (m + 1));
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    cur[0] = 0;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const diag = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? MATCH : MISMATCH);
      const up = prev[j] + GAP;
      const left = cur[j - 1] + GAP;
      let s = 0;
      let t = 0;
      if (diag > s) (s = diag), (t = 1);
      if (up > s) (s = up), (t = 2);
      if (left > s) (s = left), (t = 3);
      cur[j] = s;
      trace[i * (m + 1) + j] = t;
      if (s > best) (best = s), (bi = i), (bj = j);
    }
    [prev, cur] = [cur, prev];
  }
  // Traceback into single-character steps, then fold them into runs.
  const steps: { match: boolean; da: number; db: number; i: number; j: number }[] = [];
  let i = bi;
  let j = bj;
  while (i > 0 && j > 0) {
    const t = trace[i * (m + 1) + j];
    if (t === 0) break;
    if (t === 1) {
      steps.push({ match: a.charCodeAt(i - 1) === b.charCodeAt(j - 1), da: 1, db: 1, i: i - 1, j: j - 1 });
      i--, j--;
    } else if (t === 2) {
      steps.push({ match: false, da: 1, db: 0, i: i - 1, j });
      i--;
    } else {
      steps.push({ match: false, da: 0, db: 1, i, j: j - 1 });
      j--;
    }
  }
  steps.reverse();
  const ops: Op[] = [];
  let ai = i;
  let bk = j;
  for (const s of steps) {
    const kind = s.match ? 'match' : 'change';
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) (last.a1 += s.da), (last.b1 += s.db);
    else ops.push({ kind, a0: ai, a1: ai + s.da, b0: bk, b1: bk + s.db });
    ai += s.da;
    bk += s.db;
  }
  return ops;
}

/** A one-character match between two changes is chance, not shared wording: fold it into one change. */
function mergeNoise(ops: Op[]): Op[] {
  const out: Op[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    const last = out[out.length - 1];
    const next = ops[k + 1];
    if (op.kind === 'match' && op.a1 - op.a0 === 1 && last?.kind === 'change' && next?.kind === 'change') {
      last.a1 = next.a1;
      last.b1 = next.b1;
      k++;
      continue;
    }
    out.push({ ...op });
  }
  return out;
}

/** Length of the common prefix of two strings (or suffix, reading from the end). */
function commonEnd(x: string, y: string, fromEnd: boolean): number {
  let k = 0;
  while (k < x.length && k < y.length && x[fromEnd ? x.length - 1 - k : k] === y[fromEnd ? y.length - 1 - k : k]) k++;
  return k;
}

/**
 * The substitution at either end of the local stretch ("所有贫困" / "全" before a shared "县要在…"),
 * where the leftovers on both sides are short; words the leftovers share at their outer ends
 * ("由县…") are matches, not part of the change.
 */
function edgeChanges(ops: Op[], a: string, b: string): Op[] {
  if (ops.length === 0) return ops;
  const out = [...ops];
  const first = ops[0];
  if (first.a0 > 0 && first.b0 > 0 && first.a0 <= MAX_EDGE_CHANGE && first.b0 <= MAX_EDGE_CHANGE) {
    const k = commonEnd(a.slice(0, first.a0), b.slice(0, first.b0), false);
    if (first.a0 - k > 0 || first.b0 - k > 0) out.unshift({ kind: 'change', a0: k, a1: first.a0, b0: k, b1: first.b0 });
    if (k > 0) out.unshift({ kind: 'match', a0: 0, a1: k, b0: 0, b1: k });
  }
  const last = ops[ops.length - 1];
  const ra = a.length - last.a1;
  const rb = b.length - last.b1;
  if (ra > 0 && rb > 0 && ra <= MAX_EDGE_CHANGE && rb <= MAX_EDGE_CHANGE) {
    const k = commonEnd(a.slice(last.a1), b.slice(last.b1), true);
    if (ra - k > 0 || rb - k > 0) out.push({ kind: 'change', a0: last.a1, a1: a.length - k, b0: last.b1, b1: b.length - k });
    if (k > 0) out.push({ kind: 'match', a0: a.length - k, a1: a.length, b0: b.length - k, b1: b.length });
  }
  return out;
}

/**
 * A change that stops inside a name takes the noun that closes it: "所有贫困|县" / "全|县" becomes
 * "所有贫困县" / "全县". Not when the change already ends in such a noun (农业农村局 / 扶贫办) or
 * punctuation stands between (…局、县财政局: 县 starts the next name).
 */
function widenOverNounHeads(ops: Op[], a: NormalizedText, b: NormalizedText): Op[] {
  for (let k = 0; k < ops.length - 1; k++) {
    const op = ops[k];
    const next = ops[k + 1];
    if (op.kind !== 'change' || next.kind !== 'match' || op.a1 === op.a0 || op.b1 === op.b0) continue;
    if (!NOUN_HEADS.has(a.chars[next.a0])) continue;
    if (NOUN_HEADS.has(a.chars[op.a1 - 1]) || NOUN_HEADS.has(b.chars[op.b1 - 1])) continue;
    if (a.offsets[next.a0] !== a.offsets[op.a1 - 1] + 1 || b.offsets[next.b0] !== b.offsets[op.b1 - 1] + 1) continue;
    op.a1++, op.b1++;
    next.a0++, next.b0++;
  }
  return ops.filter((op) => op.a1 > op.a0 || op.b1 > op.b0);
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** 1000 → 1200 is one changed number, not "0"→"2" between shared digits: widen changes to whole numbers. */
function widenOverNumbers(ops: Op[], a: string, b: string): void {
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.kind !== 'change') continue;
    const prev = ops[k - 1];
    const next = ops[k + 1];
    const startsWithDigit = isDigit(a[op.a0]) || isDigit(b[op.b0]) || op.a0 === op.a1 || op.b0 === op.b1;
    while (startsWithDigit && prev?.kind === 'match' && prev.a1 > prev.a0 && isDigit(a[prev.a1 - 1])) {
      prev.a1--, prev.b1--, op.a0--, op.b0--;
    }
    const endsWithDigit = isDigit(a[op.a1 - 1]) || isDigit(b[op.b1 - 1]) || op.a0 === op.a1 || op.b0 === op.b1;
    while (endsWithDigit && next?.kind === 'match' && next.a1 > next.a0 && isDigit(a[next.a0])) {
      next.a0++, next.b0++, op.a1++, op.b1++;
    }
  }
}

/** Original-text slice covering normalized indexes [from, to). */
function sliceOriginal(text: string, offsets: number[], from: number, to: number): string {
  if (to <= from) return '';
  return text.slice(offsets[from], offsets[to - 1] + 1);
}

export function alignClauses(textA: string, textB: string): ClauseAlignment {
  const na = normalizeForShingles(textA);
  const nb = normalizeForShingles(textB);
  const a = na.chars.slice(0, MAX_CHARS);
  const b = nb.chars.slice(0, MAX_CHARS);
  const local = smithWaterman(a, b);
  const localMatches = local.reduce((n, op) => n + (op.kind === 'match' ? op.a1 - op.a0 : 0), 0);
  const localSpan = local.length ? Math.max(local[local.length - 1].a1 - local[0].a0, local[local.length - 1].b1 - local[0].b0) : 0;
  const ops = edgeChanges(mergeNoise(local), a, b);
  widenOverNumbers(ops, a, b);
  const final = widenOverNounHeads(ops, na, nb);

  const marksA = new Uint8Array(textA.length);
  const marksB = new Uint8Array(textB.length);
  const mapAtoB = new Int32Array(a.length).fill(-1);
  const changes: Change[] = [];
  let matches = 0;
  for (const op of final) {
    const mark = op.kind === 'match' ? 1 : 2;
    for (let k = op.a0; k < op.a1; k++) marksA[na.offsets[k]] = mark;
    for (let k = op.b0; k < op.b1; k++) marksB[nb.offsets[k]] = mark;
    if (op.kind === 'match') {
      matches += op.a1 - op.a0;
      for (let k = 0; k < op.a1 - op.a0; k++) mapAtoB[op.a0 + k] = op.b0 + k;
    } else {
      changes.push({ a: sliceOriginal(textA, na.offsets, op.a0, op.a1), b: sliceOriginal(textB, nb.offsets, op.b0, op.b1) });
    }
  }
  // Punctuation between two matched characters belongs to the matched stretch, not outside it.
  fillInterior(marksA);
  fillInterior(marksB);
  const total = a.length + b.length;
  const shorter = Math.min(a.length, b.length);
  return {
    similarity: total > 0 ? round2((2 * matches) / total) : 0,
    matches,
    containment: shorter > 0 ? round2(matches / shorter) : 0,
    localMatches,
    localIdentity: localSpan > 0 ? round2(localMatches / localSpan) : 0,
    changes,
    marksA,
    marksB,
    mapAtoB,
    offsetsA: na.offsets,
    offsetsB: nb.offsets,
  };
}

function fillInterior(marks: Marks): void {
  let lastMarked = -1;
  for (let k = 0; k < marks.length; k++) {
    if (marks[k] === 0) continue;
    if (lastMarked >= 0 && k - lastMarked > 1 && marks[lastMarked] === 1 && marks[k] === 1) {
      for (let x = lastMarked + 1; x < k; x++) marks[x] = 1;
    }
    lastMarked = k;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
