// What a pair of matched quantities or deadlines means, given which side governs the other.
// A lower document may be stricter than its superior (compliant) but not weaker (conflict); a
// difference between unrelated places is information, never a conflict.
import type { Deadline, DocumentMeta, Quantity, Recurrence, Task } from '../model.js';
import { LEVEL_LABEL, shortPlaceName } from './jurisdiction-relation.js';
import { REASONS, describeDeadline, describeQuantity, type Names } from './reasons.js';
import type { ClauseSide, Fact, Finding, FindingType, Relation } from './schema.js';
import { compareValues, toComparable } from './units.js';
import { offsetsIn } from './addressee.js';
import { splitSentences } from './sentences.js';
import { scopeWords } from '../lexicon/word-lists.js';

/** Scopes a higher clause may limit itself to; a lower body outside the scope is not bound by it (data/scope-words.json, the more specific first). */
export const SCOPES: readonly string[] = scopeWords;

export function findScope(text: string): string | null {
  return SCOPES.find((s) => text.includes(s)) ?? null;
}

/** The two documents of a comparison, in the diff's order, and which one governs. */
export interface PairContext {
  a: DocumentMeta;
  b: DocumentMeta;
  relation: Relation;
  higher: 'a' | 'b' | null;
}

export function placeName(doc: DocumentMeta): string {
  return doc.jurisdiction ? shortPlaceName(doc.jurisdiction) : `《${doc.title}》`;
}

export function clauseSide(doc: DocumentMeta, task: Task, extra: { quantity?: Quantity; deadline?: Deadline; fact?: Fact } = {}): ClauseSide {
  const fact = extra.fact ?? factOf(task, extra.quantity ?? extra.deadline);
  return {
    docId: doc.id,
    taskId: task.id,
    text: task.text,
    path: task.path,
    ...(task.where?.page !== undefined ? { page: task.where.page } : {}),
    ...(task.where?.block !== undefined ? { block: task.where.block } : {}),
    ...(extra.quantity ? { quantity: extra.quantity } : {}),
    ...(extra.deadline ? { deadline: extra.deadline } : {}),
    ...(fact ? { fact } : {}),
  };
}

/** The item's words and where they stand in the clause, from the offsets extraction found. */
function factOf(task: Task, item: Quantity | Deadline | undefined): Fact | undefined {
  if (!item) return undefined;
  const list: { text: string }[] = task.quantities.includes(item as Quantity) ? task.quantities : task.deadlines;
  const idx = list.indexOf(item);
  const at = idx >= 0 ? offsetsIn(task, list)[idx] : offsetsIn(task, [item])[0];
  return at === null ? undefined : { text: item.text, start: at, end: at + item.text.length };
}

type Outcome = 'weaker' | 'stricter' | 'equal' | 'differs' | null;
interface Bound {
  v: number;
  strict: boolean;
}

/** The least a quantity allows (null: no floor) and the most (null: no ceiling). */
function bounds(q: Quantity, value: number, max: number | undefined): { lo: Bound | null; hi: Bound | null } {
  const c = q.comparator ?? '=';
  const lo = c === '>=' || c === '=' ? { v: value, strict: false } : c === '>' ? { v: value, strict: true } : null;
  const hiValue = max ?? value;
  const hi = c === '<=' || c === '=' ? { v: hiValue, strict: false } : c === '<' ? { v: hiValue, strict: true } : null;
  return { lo, hi };
}

/** Is the lower floor weaker, stricter or equal to the higher floor (or ceiling, with sign = -1)? */
function compareBound(low: Bound, high: Bound, sign: 1 | -1): Outcome {
  const c = compareValues(low.v, high.v) * sign;
  if (c < 0) return 'weaker';
  if (c > 0) return 'stricter';
  if (low.strict === high.strict) return 'equal';
  return low.strict ? 'stricter' : 'weaker';
}

function classifyQuantities(low: Quantity, high: Quantity): Outcome {
  const cl = toComparable(low);
  const ch = toComparable(high);
  if (!cl || !ch || cl.key !== ch.key) return null;
  const L = bounds(low, cl.value, cl.max);
  const H = bounds(high, ch.value, ch.max);
  const hc = high.comparator ?? '=';
  if (hc === '>=' || hc === '>') {
    if (L.lo) return compareBound(L.lo, H.lo!, 1);
    // The lower text only caps the value: weaker if the cap sits under the floor.
    return L.hi && compareValues(L.hi.v, H.lo!.v) < 0 ? 'weaker' : null;
  }
  if (hc === '<=' || hc === '<') {
    if (L.hi) return compareBound(L.hi, H.hi!, -1);
    return L.lo && compareValues(L.lo.v, H.hi!.v) > 0 ? 'weaker' : null;
  }
  // A fixed figure: equal or different, with no direction to call one stricter.
  const same = compareValues(cl.value, ch.value) === 0 && compareValues(cl.max ?? cl.value, ch.max ?? ch.value) === 0;
  if (same) return 'equal';
  return high.kind === 'standard' ? 'differs' : null;
}

function sameWriting(x: Quantity, y: Quantity): boolean {
  return x.unit === y.unit && (x.per ?? []).join('/') === (y.per ?? []).join('/');
}

/** Orient a pair as (lower, higher) in the diff's a/b order. */
function orient<T>(ctx: PairContext, qa: T, qb: T): { low: T; high: T; lowDoc: DocumentMeta; highDoc: DocumentMeta } {
  return ctx.higher === 'a'
    ? { low: qb, high: qa, lowDoc: ctx.b, highDoc: ctx.a }
    : { low: qa, high: qb, lowDoc: ctx.a, highDoc: ctx.b };
}

function names(lowDoc: DocumentMeta, highDoc: DocumentMeta): Names {
  return { lower: placeName(lowDoc), higher: highDoc.jurisdiction ? LEVEL_LABEL[highDoc.jurisdiction.level] : placeName(highDoc) };
}

/** Unrelated places are named by place; two documents of one place by their titles. */
function informationalReason(ctx: PairContext, textA: string, textB: string, same: boolean): string {
  const pa = placeName(ctx.a);
  const pb = placeName(ctx.b);
  if (pa !== pb) return REASONS.unrelated(pa, textA, pb, textB, same);
  return REASONS.samePlace(pa, `《${ctx.a.title}》`, textA, `《${ctx.b.title}》`, textB, same);
}

/** A finding for two quantities of matched clauses (ta in ctx.a, tb in ctx.b), or null when they do not compare. */
export function compareQuantityPair(ctx: PairContext, ta: Task, qa: Quantity, tb: Task, qb: Quantity): Finding | null {
  const sides = { a: clauseSide(ctx.a, ta, { quantity: qa }), b: clauseSide(ctx.b, tb, { quantity: qb }) };
  const { low, high, lowDoc, highDoc } = orient(ctx, qa, qb);
  const outcome = classifyQuantities(low, high);
  if (!outcome) return null;
  if (ctx.relation === 'informational') {
    return { type: 'informational', ...sides, reason: informationalReason(ctx, describeQuantity(qa), describeQuantity(qb), outcome === 'equal') };
  }
  const n = names(lowDoc, highDoc);
  const lowText = describeQuantity(low);
  // The higher side's subject is the same thing; naming it twice reads badly.
  const highText = describeQuantity(high, !low.subject);
  const [lowTask, highTask] = ctx.higher === 'a' ? [tb, ta] : [ta, tb];
  switch (outcome) {
    case 'stricter':
      return { type: 'compliant', ...sides, reason: REASONS.stricter(n, lowText, highText) };
    case 'equal':
      return sameWriting(low, high)
        ? { type: 'consistent', ...sides, reason: REASONS.same(n, lowText) }
        : { type: 'equivalent', ...sides, reason: REASONS.sameInOtherUnits(n, lowText, highText) };
    case 'weaker':
    case 'differs': {
      const hc = high.comparator ?? '=';
      const clash =
        outcome === 'differs'
          ? REASONS.differsFromStandard(n, lowText, highText)
          : hc === '<=' || hc === '<'
            ? REASONS.aboveMaximum(n, lowText, highText)
            : REASONS.belowMinimum(n, lowText, highText);
      return conflictOrConditional(sides, n, clash, highTask, high, lowTask);
    }
  }
}

/** The sentence of the clause that writes the item: a scope named in another sentence limits another rule. */
function sentenceOf(task: Task, item: Quantity | Deadline): string {
  const list: { text: string }[] = task.quantities.includes(item as Quantity) ? task.quantities : task.deadlines;
  const idx = list.indexOf(item);
  const at = idx >= 0 ? offsetsIn(task, list)[idx] : null;
  if (at === null) return task.text;
  return splitSentences(task.text).find((s) => s.start <= at && at < s.end)?.text ?? task.text;
}

/** A clash is only conditional when the higher rule limits itself to a scope the lower clause does not name. */
function conflictOrConditional(sides: { a: ClauseSide; b: ClauseSide }, n: Names, clash: string, highTask: Task, highItem: Quantity | Deadline, lowTask: Task): Finding {
  const scope = findScope(sentenceOf(highTask, highItem));
  if (scope && !lowTask.text.includes(scope)) {
    return { type: 'conditional', ...sides, scope, reason: REASONS.conditional(n, scope, clash) };
  }
  return { type: 'conflict', ...sides, reason: clash };
}

const PERIOD_DAYS: Readonly<Record<Recurrence, number>> = {
  weekly: 7,
  monthly: 30.4375,
  quarterly: 91.3125,
  semiannual: 182.625,
  annual: 365.25,
};

/** How many times per day a recurring duty comes round: 每季度至少2次 = 2 / 91.3. */
export function frequency(d: Deadline): number | null {
  if (d.kind !== 'recurring' || !d.recurrence) return null;
  return (d.minCount ?? 1) / (PERIOD_DAYS[d.recurrence] * (d.interval ?? 1));
}

/** A finding for two deadlines of matched clauses, or null when they do not compare. */
export function compareDeadlinePair(ctx: PairContext, ta: Task, da: Deadline, tb: Task, db: Deadline): Finding | null {
  if (da.kind !== db.kind || da.kind === 'start') return null;
  const sides = { a: clauseSide(ctx.a, ta, { deadline: da }), b: clauseSide(ctx.b, tb, { deadline: db }) };
  const { low, high, lowDoc, highDoc } = orient(ctx, da, db);
  let c: number;
  if (low.kind === 'due') {
    if (!low.date || !high.date) return null;
    // A higher due date already past when the lower document was issued belongs to an earlier
    // round of work (年底前 in a 2018 opinion vs 年底前 in a 2020 plan): nothing to compare.
    if (high.date < lowDoc.date) return null;
    c = low.date < high.date ? 1 : low.date > high.date ? -1 : 0;
  } else {
    const fl = frequency(low);
    const fh = frequency(high);
    if (fl === null || fh === null) return null;
    c = compareValues(fl, fh);
  }
  if (ctx.relation === 'informational') {
    return { type: 'informational', ...sides, reason: informationalReason(ctx, describeDeadline(da), describeDeadline(db), c === 0) };
  }
  const n = names(lowDoc, highDoc);
  const lowText = describeDeadline(low);
  const highText = describeDeadline(high);
  const due = low.kind === 'due';
  const [lowTask, highTask] = ctx.higher === 'a' ? [tb, ta] : [ta, tb];
  if (c > 0) return { type: 'compliant', ...sides, reason: (due ? REASONS.earlierDue : REASONS.moreOften)(n, lowText, highText) };
  if (c === 0) return { type: 'consistent', ...sides, reason: (due ? REASONS.sameDue : REASONS.sameFrequency)(n, lowText) };
  const clash = (due ? REASONS.laterDue : REASONS.rarer)(n, lowText, highText);
  return conflictOrConditional(sides, n, clash, highTask, high, lowTask);
}

export type { FindingType };
