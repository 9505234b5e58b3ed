// Two documents clause by clause: which clauses say the same thing (reused wording, or the same
// quantity subject in other words), and what their figures and deadlines mean for each other.
import type { Deadline, ExtractResult, Quantity, Task } from '../model.js';
import { alignClauses, type ClauseAlignment } from './align.js';
import { phrasesWithItems, splitSentences } from './sentences.js';
import { alignSentences, SENTENCE_MATCH, strengthFindings } from './sentence-align.js';
import { findCandidatePairs, type CandidateOptions } from './candidates.js';
import { pairDeadlines, pairQuantities, sameSubject } from './pairing.js';
import { clauseSide, compareDeadlinePair, compareQuantityPair, type PairContext } from './rules.js';
import type { Alignment, Finding } from './schema.js';
import { isScaleFree, toComparable } from './units.js';
import { addresses, offsetsIn } from './addressee.js';

export interface AlignOptions {
  candidates?: CandidateOptions;
  /** an aligned pair shares at least this many characters… */
  minMatches?: number;
  /** …and is this similar overall, or the shorter clause is this much inside the longer one */
  minSimilarity?: number;
  minContainment?: number;
}

const ALIGN_DEFAULTS = { minMatches: 8, minSimilarity: 0.5, minContainment: 0.6, minSharedSentence: 20, minSharedPhrase: 12, minSentenceIdentity: 0.8 };

export interface AlignedPair {
  ta: Task;
  tb: Task;
  alignment: Alignment;
  al: ClauseAlignment;
  /** what the paired figures and deadlines of the two clauses mean */
  findings: Finding[];
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

/** Two phrases are the same duty when one copies the other or they share a stretch of 12+ nearly identical characters. */
function isPhraseCopy(al: ClauseAlignment): boolean {
  const o = ALIGN_DEFAULTS;
  return isCopy(al) || (al.localMatches >= o.minSharedPhrase && al.localIdentity >= o.minSentenceIdentity);
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

/**
 * Clause pairs of a and b whose wording is reused, found through the shingle index: aligned
 * clauses, and clauses that only share a phrase carrying a figure or a deadline.
 */
export function textAlignedPairs(ctx: PairContext, a: ExtractResult, b: ExtractResult, options: AlignOptions = {}): AlignedPair[] {
  const clauses = [...a.tasks.map((t) => ({ group: 'a', text: t.text })), ...b.tasks.map((t) => ({ group: 'b', text: t.text }))];
  // Candidate pairs come with i < j, so i is always in a.
  const pairs = new Map<string, [number, number]>();
  for (const p of findCandidatePairs(clauses, options.candidates)) pairs.set(`${p.i}:${p.j - a.tasks.length}`, [p.i, p.j - a.tasks.length]);
  // Phrases carrying figures are indexed too: a copied duty inside two long, otherwise different
  // paragraphs shares too little of them to pass as a clause pair.
  const phrases = [
    ...a.tasks.flatMap((t, i) => phrasesWithItems(t).map((ph) => ({ group: 'a', text: ph.text, task: i }))),
    ...b.tasks.flatMap((t, i) => phrasesWithItems(t).map((ph) => ({ group: 'b', text: ph.text, task: i }))),
  ];
  for (const p of findCandidatePairs(phrases, options.candidates)) pairs.set(`${phrases[p.i].task}:${phrases[p.j].task}`, [phrases[p.i].task, phrases[p.j].task]);
  // Sentences too: a duty reworded inside two long clauses (立即 → 及时 in one sentence of an article).
  const sentencesOf = (group: string, tasks: Task[]) =>
    tasks.flatMap((t, i) => splitSentences(t.text).filter((x) => x.text.length >= SENTENCE_MATCH.minChars).map((x) => ({ group, text: x.text, task: i })));
  const sentences = [...sentencesOf('a', a.tasks), ...sentencesOf('b', b.tasks)];
  for (const p of findCandidatePairs(sentences, options.candidates)) pairs.set(`${sentences[p.i].task}:${sentences[p.j].task}`, [sentences[p.i].task, sentences[p.j].task]);
  const out: AlignedPair[] = [];
  for (const [i, j] of [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const pair = alignPair(ctx, a.tasks[i], b.tasks[j], options);
    if (pair) out.push(pair);
  }
  return out;
}

/** One candidate pair of clauses: aligned and judged, or null when they share no reused wording. */
export function alignPair(ctx: PairContext, ta: Task, tb: Task, options: AlignOptions = {}): AlignedPair | null {
  const al = alignClauses(ta.text, tb.text);
  const findings = findingsForPair(ctx, ta, tb, al);
  const sentences = alignSentences(ta.text, tb.text);
  const whole = isTextAlignment(al, options);
  if (!whole && findings.length === 0 && sentences.length === 0) return null;
  findings.push(...strengthFindings(ctx, ta, tb, sentences));
  // Clauses aligned only through a sentence show that sentence's similarity and changes.
  const best = sentences.reduce<(typeof sentences)[number] | null>((x, y) => (!x || y.al.matches > x.al.matches ? y : x), null);
  const shown = whole || !best ? al : best.al;
  const alignment: Alignment = {
    ...makeAlignment(ctx, ta, tb, shown, 'text'),
    ...(sentences.length > 0
      ? {
          sentences: sentences.map((p) => ({
            a: { text: p.sa.text, start: p.sa.start, end: p.sa.end },
            b: { text: p.sb.text, start: p.sb.start, end: p.sb.end },
            similarity: p.al.similarity,
          })),
        }
      : {}),
  };
  return { ta, tb, al, findings, alignment };
}

function comparableAcross(q: Quantity): boolean {
  return !!q.subject && isScaleFree(q);
}

/** Clause pairs on the same quantity subject in other words, not already aligned by wording. */
export function subjectPairs(ctx: PairContext, a: ExtractResult, b: ExtractResult, taken: Set<string>): AlignedPair[] {
  const out: AlignedPair[] = [];
  for (const ta of a.tasks) {
    const qas = ta.quantities.filter(comparableAcross);
    if (qas.length === 0) continue;
    for (const tb of b.tasks) {
      if (taken.has(`${ta.id}\u0000${tb.id}`)) continue;
      const findings: Finding[] = [];
      for (const qa of qas) {
        const key = toComparable(qa)!.key;
        for (const qb of tb.quantities) {
          if (!comparableAcross(qb) || toComparable(qb)!.key !== key || !sameSubject(qa.subject, qb.subject)) continue;
          if (!addressedToLower(ctx, ta, tb, qa, qb, 'quantities')) continue;
          const f = compareQuantityPair(ctx, ta, qa, tb, qb);
          if (f) findings.push(f);
        }
      }
      if (findings.length === 0) continue;
      const al = alignClauses(ta.text, tb.text);
      // Clauses on one subject may also share a phrase with other figures.
      findings.push(...findingsForPair(ctx, ta, tb, al));
      out.push({ ta, tb, al, findings, alignment: makeAlignment(ctx, ta, tb, al, 'subject') });
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
  const offsets = offsetsIn(high, items);
  return (i) => addresses(high.text, offsets[i] ?? null, level);
}

interface ItemPairs {
  quantities: [Quantity, Quantity][];
  deadlines: [Deadline, Deadline][];
}

/** Figures and deadlines of two clauses that answer each other: in copies directly, else phrase by copied phrase. */
function pairedItems(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): ItemPairs {
  if (isCopy(al)) return pairCopies(ctx, ta, tb, al);
  const out: ItemPairs = { quantities: [], deadlines: [] };
  const used = new Set<unknown>();
  const phrasesB = phrasesWithItems(tb);
  for (const pa of phrasesWithItems(ta)) {
    for (const pb of phrasesB) {
      const pal = alignClauses(pa.text, pb.text);
      if (!isPhraseCopy(pal)) continue;
      const found = pairCopies(ctx, pa, pb, pal);
      for (const [x, y] of found.quantities) if (!used.has(x) && !used.has(y)) used.add(x).add(y), out.quantities.push([x, y]);
      for (const [x, y] of found.deadlines) if (!used.has(x) && !used.has(y)) used.add(x).add(y), out.deadlines.push([x, y]);
    }
  }
  return out;
}

function pairCopies(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): ItemPairs {
  // Items the higher clause lays on another level (省委每季度…) are left out before pairing, so the
  // county's figure meets the one laid on counties.
  const keep = (list: 'quantities' | 'deadlines') =>
    ctx.higher === 'a' ? { keepA: addressedItems(ctx, ta, ta[list]) } : ctx.higher === 'b' ? { keepB: addressedItems(ctx, tb, tb[list]) } : {};
  return {
    quantities: pairQuantities(ta, ta.quantities, tb, tb.quantities, al, keep('quantities')),
    deadlines: pairDeadlines(ta, ta.deadlines, tb, tb.deadlines, al, keep('deadlines')),
  };
}

/** Findings for one clause pair: its paired figures and deadlines, judged on the whole clauses. */
export function findingsForPair(ctx: PairContext, ta: Task, tb: Task, al: ClauseAlignment): Finding[] {
  return judge(ctx, ta, tb, pairedItems(ctx, ta, tb, al));
}

/**
 * Findings for one phrase of each clause (pa of ta, pb of tb, from phrasesWithItems): the unit a
 * store-wide search indexes, since conflicts live only where figures and deadlines are written.
 */
export function findingsForPhrases(ctx: PairContext, ta: Task, tb: Task, pa: Task, pb: Task): Finding[] {
  const pal = alignClauses(pa.text, pb.text);
  return isPhraseCopy(pal) ? judge(ctx, ta, tb, pairCopies(ctx, pa, pb, pal)) : [];
}

function judge(ctx: PairContext, ta: Task, tb: Task, { quantities, deadlines }: ItemPairs): Finding[] {
  const out: Finding[] = [];
  for (const [qa, qb] of quantities) {
    // A county's 189户 is not weaker than a province's 2万户: only rates and standards compare across places.
    if (!isScaleFree(qa) || !isScaleFree(qb)) continue;
    const f = compareQuantityPair(ctx, ta, qa, tb, qb);
    if (f) out.push(f);
  }
  for (const [da, db] of deadlines) {
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
    for (const f of p.findings) {
      if (f.type !== 'consistent' && f.type !== 'equivalent') ids.add(p.ta.id);
    }
  }
  return older.tasks.filter((t) => ids.has(t.id)).map((t) => t.id);
}

const TYPE_ORDER: readonly Finding['type'][] = [
  'conflict',
  'weakened',
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

/** Does fact x lie inside fact y on the same clause? */
function inside(x: Finding['a'], y: Finding['a']): boolean {
  return !!x?.fact && !!y?.fact && x.taskId === y.taskId && x.fact.start >= y.fact.start && x.fact.end <= y.fact.end;
}

/**
 * One agreement or conflict is one finding: a count read as a quantity ("一次" per 月) inside a
 * recurring duty already compared as a frequency ("每月至少专题研究一次") is the same fact reached
 * twice when the same two clauses give the same verdict, even if the lower clause repeats the duty
 * in a second sentence ("…每一个月至少研究一次…党政正职每月至少专题研究1次"); the frequency (the
 * fuller words) is kept.
 */
function sameFactTwice(f: Finding, all: readonly Finding[]): boolean {
  if (!f.a?.quantity || !f.b?.quantity) return false;
  return all.some(
    (g) =>
      g !== f &&
      g.type === f.type &&
      !!g.a?.deadline &&
      !!g.b?.deadline &&
      ((inside(f.a, g.a) && f.b?.taskId === g.b?.taskId) || (inside(f.b, g.b) && f.a?.taskId === g.a?.taskId)),
  );
}

/** Problems first, then agreements; the same finding reached twice (by wording and by subject, or as a count and a frequency) once. */
export function orderFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const side = (s: Finding['a']) => (s ? [s.docId, s.taskId, s.quantity?.text ?? '', s.deadline?.text ?? '', s.fact ? `${s.fact.start}-${s.fact.end}` : ''].join('\u0001') : '');
    const key = [f.type, side(f.a), side(f.b)].join('\u0000');
    if (seen.has(key) || sameFactTwice(f, findings)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((f, i) => ({ f, i }))
    .sort((x, y) => TYPE_ORDER.indexOf(x.f.type) - TYPE_ORDER.indexOf(y.f.type) || x.i - y.i)
    .map(({ f }) => f);
}
