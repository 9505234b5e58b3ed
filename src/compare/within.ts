// Findings inside one document: a due date before the document was issued, and the same quantity
// stated twice with different values.
import type { ExtractResult, Quantity, Task } from '../model.js';
import { isBeforeIssue } from '../../extractors/deadlines.js';
import { REASONS, chineseDate, describeDeadline, describeQuantity } from './reasons.js';
import { clauseSide } from './rules.js';
import type { Finding } from './schema.js';
import { normalizeForShingles } from './shingles.js';
import { compareValues, toComparable } from './units.js';
import { offsetsIn } from './addressee.js';
import { alignClauses } from './align.js';
import { splitSentences } from './sentences.js';

/**
 * Subjects that name a kind of measure, not what it is for: a law sets a fine for each violation,
 * so two fines are one duty only when their conditions ("…在防火区内吸烟的，处…") are the same.
 */
export const MEASURE_SUBJECTS: readonly string[] = ['罚款', '罚金', '拘留', '行政拘留', '没收违法所得', '违法所得', '处罚', '赔偿', '奖励', '补偿'];
// A subject this short, or one that is itself a figure ("五万元"), names no duty.
const MIN_DUTY_SUBJECT = 3;
const NUMERAL = /[0-9零〇一二两三四五六七八九十百千万亿]/u;
// Conditions this similar are one condition written twice (punctuation and a word or two apart).
const SAME_CONDITION = 0.8;
// A sentence opening a list ("有下列行为之一的，…") lays its duty on the items, which differ.
const LIST_OPENER = /下列|[：:]\s*$/u;

// The same rule as the extraction warnings (one list, several views): a stage year already past
// when a late plan is issued ("2018年实现…" in a plan of 2020-04-30) is reported too, for staff to
// confirm it is only a look back.
export function deadlinesBeforeIssue(doc: ExtractResult): Finding[] {
  const issued = doc.document.date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issued)) return [];
  const out: Finding[] = [];
  for (const task of doc.tasks) {
    for (const d of task.deadlines) {
      if (!isBeforeIssue(d, issued)) continue;
      out.push({
        type: 'deadline-before-issue',
        a: clauseSide(doc.document, task, { deadline: d }),
        reason: REASONS.deadlineBeforeIssue(doc.document.title, describeDeadline(d), chineseDate(issued)),
      });
    }
  }
  return out;
}

function dueYears(task: Task): Set<string> {
  return new Set(task.deadlines.filter((d) => d.kind === 'due' && d.date).map((d) => d.date!.slice(0, 4)));
}

/** Two clauses of one plan may set a figure for different years ("2019年…100户", "2020年…89户"). */
function differentRounds(x: Task, y: Task): boolean {
  const yx = dueYears(x);
  const yy = dueYears(y);
  if (yx.size === 0 || yy.size === 0) return false;
  for (const year of yx) if (yy.has(year)) return false;
  return true;
}

/** Does the subject alone say which duty the figure is for? */
function namesDuty(subject: string): boolean {
  const bare = normalizeForShingles(subject).chars;
  return bare.length >= MIN_DUTY_SUBJECT && !NUMERAL.test(bare) && !MEASURE_SUBJECTS.some((w) => bare === w || bare.endsWith(w));
}

/** The words before the figure in its sentence: the condition a fine or an award is set for. */
function conditionOf(task: Task, q: Quantity): string | null {
  const at = offsetsIn(task, task.quantities)[task.quantities.indexOf(q)];
  if (at === null || at === undefined) return null;
  const sentence = splitSentences(task.text).find((x) => x.start <= at && at < x.end);
  if (!sentence || LIST_OPENER.test(sentence.text)) return null;
  return task.text.slice(sentence.start, at).replace(/(?:并处|处以|处)$/u, '');
}

/**
 * Two figures for one subject are one duty stated twice when the subject names the duty
 * (建档立卡贫困人口动态核查), or, for a subject that only names the measure (罚款), when they are set
 * for the same condition. Fines for different violations are not one duty.
 */
function sameDuty(x: { task: Task; q: Quantity }, y: { task: Task; q: Quantity }): boolean {
  if (namesDuty(x.q.subject!) && namesDuty(y.q.subject!)) return true;
  const cx = conditionOf(x.task, x.q);
  const cy = conditionOf(y.task, y.q);
  if (!cx || !cy || normalizeForShingles(cx).chars.length < MIN_DUTY_SUBJECT) return false;
  return alignClauses(cx, cy).similarity >= SAME_CONDITION;
}

export function inconsistentWithin(doc: ExtractResult): Finding[] {
  const groups = new Map<string, { task: Task; q: Quantity; value: number; max: number }[]>();
  for (const task of doc.tasks) {
    for (const q of task.quantities) {
      if (!q.subject) continue;
      const c = toComparable(q);
      if (!c) continue;
      const key = [normalizeForShingles(q.subject).chars, c.key, q.comparator ?? '=', q.kind].join('\u0000');
      const list = groups.get(key) ?? [];
      list.push({ task, q, value: c.value, max: c.max ?? c.value });
      groups.set(key, list);
    }
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    const reported = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        // Within one clause two figures for one subject are a breakdown, not a contradiction.
        if (x.task === y.task || differentRounds(x.task, y.task)) continue;
        if (!sameDuty(x, y)) continue;
        if (compareValues(x.value, y.value) === 0 && compareValues(x.max, y.max) === 0) continue;
        const pair = [x.value, y.value].sort().join('/');
        if (reported.has(pair)) continue;
        reported.add(pair);
        out.push({
          type: 'inconsistent-within',
          a: clauseSide(doc.document, x.task, { quantity: x.q }),
          b: clauseSide(doc.document, y.task, { quantity: y.q }),
          reason: REASONS.inconsistentWithin(doc.document.title, describeQuantity(x.q), describeQuantity(y.q)),
        });
      }
    }
  }
  return out;
}
