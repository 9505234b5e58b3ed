// Candidate-pair finding must grow about linearly with the store: time it on 1,000 and 5,000
// generated documents (~20 clauses each) and print both times and their ratio (about 5×, not 25×).
//
// The documents: phrases drawn from a Zipf-distributed vocabulary (word use in real notices is
// Zipfian: a few phrases everywhere, most rare), a place name and figures per clause, and families
// of ten documents where nine lower ones copy half of the first one's clauses with a substitution —
// the reuse the index must find.
//   npx tsc -p tsconfig.json && node dist/scripts/bench-compare.js
import { performance } from 'node:perf_hooks';
import { findCandidatePairs, type IndexedClause } from '../src/compare/candidates.js';

const CLAUSES_PER_DOC = 20;
const FAMILY = 10;
const VOCABULARY = 50_000;
const COPIED_PER_DOC = 10;

/** mulberry32: a small seeded generator, so every run benchmarks the same documents. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cjk(rand: () => number, n: number): string {
  let s = '';
  // the 3,500 most common ideographs sit roughly in the first part of the block; any range will do
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + Math.floor(rand() * 3500));
  return s;
}

interface Vocabulary {
  words: string[];
  cumulative: Float64Array;
}

function vocabulary(rand: () => number): Vocabulary {
  const words = Array.from({ length: VOCABULARY }, () => cjk(rand, 2 + Math.floor(rand() * 3)));
  const cumulative = new Float64Array(VOCABULARY);
  let total = 0;
  for (let k = 0; k < VOCABULARY; k++) cumulative[k] = total += 1 / (k + 1);
  for (let k = 0; k < VOCABULARY; k++) cumulative[k] /= total;
  return { words, cumulative };
}

function zipfWord(v: Vocabulary, rand: () => number): string {
  const x = rand();
  let lo = 0;
  let hi = VOCABULARY - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo];
}

function clause(v: Vocabulary, rand: () => number, place: string): string {
  const words = Array.from({ length: 6 + Math.floor(rand() * 5) }, () => zipfWord(v, rand));
  const figure = `${1 + Math.floor(rand() * 500)}${['个', '户', '人', '元', '%'][Math.floor(rand() * 5)]}`;
  return `${place}${words.slice(0, 3).join('')}${figure}，${words.slice(3).join('')}。`;
}

export function generate(documents: number, seed = 20240601): IndexedClause[] {
  const rand = random(seed);
  const v = vocabulary(rand);
  const out: IndexedClause[] = [];
  let head: string[] = [];
  for (let d = 0; d < documents; d++) {
    const place = `${cjk(rand, 2)}县`;
    const texts: string[] = [];
    if (d % FAMILY === 0) {
      for (let c = 0; c < CLAUSES_PER_DOC; c++) texts.push(clause(v, rand, place));
      head = texts;
    } else {
      for (let c = 0; c < CLAUSES_PER_DOC; c++) {
        // a copied clause with the head's place replaced: "所有贫困县" → "全县" in the real thing
        texts.push(c < COPIED_PER_DOC ? head[c].replace(/^.{2}县/u, place) : clause(v, rand, place));
      }
    }
    for (const text of texts) out.push({ group: `doc-${d}`, text });
  }
  return out;
}

function time(documents: number): { ms: number; clauses: number; pairs: number } {
  const clauses = generate(documents);
  const t0 = performance.now();
  const pairs = findCandidatePairs(clauses);
  return { ms: performance.now() - t0, clauses: clauses.length, pairs: pairs.length };
}

function main(): void {
  time(100); // warm the JIT so the first measured size is not charged for compilation
  const small = time(1000);
  const large = time(5000);
  const line = (n: number, r: typeof small) =>
    `${n} 份文档（${r.clauses} 条条款）：候选对 ${r.pairs} 个，用时 ${(r.ms / 1000).toFixed(2)} 秒`;
  console.log(line(1000, small));
  console.log(line(5000, large));
  console.log(`文档数 ×5，用时 ×${(large.ms / small.ms).toFixed(2)}（线性约为 ×5，两两比对约为 ×25）`);
}

main();
