// Findings inside one document: a due date before the document was issued, and the same quantity
// stated twice with different values.
import type { ExtractResult, Quantity, Task } from '../model.js';
import { isBeforeIssue } from '../../extractors/deadlines.js';
import { REASONS, chineseDate, describeDeadline, describeQuantity } from './reasons.js';
import { clauseSide } from './rules.js';
import type { Finding } from './schema.js';
import { normalizeForShingles } from './shingles.js';
import { compareValues, toComparable } from './units.js';

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
