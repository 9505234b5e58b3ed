// Candidate clause pairs without comparing all pairs: an inverted index from shingle to the clauses
// that hold it. The cost is the sum over shingles of (clauses holding it)², so shingles held by
// more than `maxPostings` clauses — boilerplate such as 高度重视/认真贯彻落实 — are left out of the
// index; with that cap the work grows linearly with the number of clauses, and true reuse still
// shows through the rarer shingles every copied paragraph carries.
import { DEFAULT_SHINGLE_SIZE, shingleSet } from './shingles.js';

export interface IndexedClause {
  /** clauses of the same group (one document) are never paired with each other */
  group: string;
  text: string;
}

export interface CandidateOptions {
  n?: number;
  /** a shingle held by more clauses than this is boilerplate and not indexed */
  maxPostings?: number;
  /** …or by more than this share of all clauses (matters for small sets, e.g. two documents) */
  maxDfRatio?: number;
  /** at least this many shared indexed shingles */
  minShared?: number;
  /** shared / indexed shingles of the smaller clause */
  minContainment?: number;
}

export interface CandidatePair {
  /** indexes into the clause list, i < j */
  i: number;
  j: number;
  shared: number;
  containment: number;
}

const DEFAULTS: Required<CandidateOptions> = {
  n: DEFAULT_SHINGLE_SIZE,
  maxPostings: 64,
  maxDfRatio: 0.25,
  minShared: 4,
  minContainment: 0.3,
};

// Below this many clauses a share-of-clauses cap would drop the very shingles two short documents share.
const MIN_CLAUSES_FOR_RATIO = 40;

export function findCandidatePairs(clauses: IndexedClause[], options: CandidateOptions = {}): CandidatePair[] {
  const o = { ...DEFAULTS, ...options };
  const sets = clauses.map((c) => shingleSet(c.text, o.n));

  const df = new Map<number, number>();
  for (const set of sets) for (const h of set) df.set(h, (df.get(h) ?? 0) + 1);

  const ratioCap = clauses.length >= MIN_CLAUSES_FOR_RATIO ? Math.floor(o.maxDfRatio * clauses.length) : Infinity;
  const cap = Math.max(2, Math.min(o.maxPostings, ratioCap));

  // Postings hold only shingles that can pair something (df ≥ 2) and are not boilerplate.
  const postings = new Map<number, number[]>();
  const indexedSize = new Int32Array(clauses.length);
  sets.forEach((set, idx) => {
    for (const h of set) {
      const d = df.get(h)!;
      if (d > cap) continue;
      indexedSize[idx]++;
      if (d < 2) continue;
      let list = postings.get(h);
      if (!list) postings.set(h, (list = []));
      list.push(idx);
    }
  });

  // Group ids as small integers so the inner loop compares numbers, not strings.
  const groupIds = new Map<string, number>();
  const group = Int32Array.from(clauses, (c) => {
    let g = groupIds.get(c.group);
    if (g === undefined) groupIds.set(c.group, (g = groupIds.size));
    return g;
  });

  const counts = new Int32Array(clauses.length);
  const touched: number[] = [];
  const pairs: CandidatePair[] = [];
  for (let i = 0; i < clauses.length; i++) {
    for (const h of sets[i]) {
      const list = postings.get(h);
      if (!list) continue;
      for (const j of list) {
        if (j <= i || group[j] === group[i]) continue;
        if (counts[j] === 0) touched.push(j);
        counts[j]++;
      }
    }
    for (const j of touched) {
      const shared = counts[j];
      counts[j] = 0;
      const smaller = Math.min(indexedSize[i], indexedSize[j]);
      const containment = smaller > 0 ? shared / smaller : 0;
      if (shared >= o.minShared && containment >= o.minContainment) pairs.push({ i, j, shared, containment });
    }
    touched.length = 0;
  }
  pairs.sort((p, q) => p.i - q.i || p.j - q.j);
  return pairs;
}
