// The register's filters as the pages and other systems write them in a query string, and the
// rows they select. The unit test is the register's own (unitMatches), so `register --unit` and the
// page agree on which tasks a unit has.
import { z } from 'zod';
import { isIsoDay, unitMatches } from '../register/filter.js';
import { TASK_STATUSES, type TaskStatus, type TrackingState } from '../store/tracking.js';
import type { TaskEntry } from './catalog.js';

/** Statuses a task is finished in: neither overdue nor due any more. */
export const CLOSED_STATUSES: ReadonlySet<TaskStatus> = new Set(['已完成', '申请销号', '已销号']);

const flag = z.enum(['1', 'true', '0', 'false', '']).transform((v) => v === '1' || v === 'true');
const day = z.string().refine(isIsoDay);

export const TaskQuery = z.object({
  unit: z.string().trim().max(100).optional(),
  status: z.enum(TASK_STATUSES).or(z.literal('')).optional(),
  due_before: day.or(z.literal('')).optional(),
  /** YYYY-MM: a due date in that month */
  due_month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u).or(z.literal('')).optional(),
  overdue: flag.optional(),
  recurring: flag.optional(),
  q: z.string().max(200).optional(),
  doc: z.string().max(200).optional(),
  /** the day "overdue" is measured from (default: the server's today) */
  today: day.optional(),
  sort: z.enum(['doc', 'due', 'status', 'unit', 'text']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  per_page: z.coerce.number().int().min(1).max(500).optional(),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

export interface TaskRow extends TaskEntry {
  status: TaskStatus;
  responsible: string;
  latestProgress: string;
  overdue: boolean;
}

export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A task is overdue when a due date has passed and it is not finished. */
export function isOverdue(t: TaskEntry, status: TaskStatus, today: string): boolean {
  return !CLOSED_STATUSES.has(status) && !t.superseded && t.dueDates.some((d) => d < today);
}

export function withTracking(tasks: TaskEntry[], states: Map<string, TrackingState>, today: string): TaskRow[] {
  return tasks.map((t) => {
    const s = states.get(t.key);
    const status = s?.status ?? '未开始';
    return {
      ...t, status, responsible: s?.responsible ?? t.owners, latestProgress: s?.progress.at(-1)?.text ?? '',
      overdue: isOverdue(t, status, today),
    };
  });
}

/** Words typed in the search box: every word must be in the task's text, units, people or heading. */
function matchesWords(t: TaskRow, q: string): boolean {
  const words = q.split(/\s+/u).filter(Boolean);
  const hay = [t.text, ...t.lead, ...t.participants, t.leaders, t.owners, t.responsible, ...t.path, t.docTitle].join('\n');
  return words.every((w) => hay.includes(w));
}

export function filterRows(rows: TaskRow[], q: TaskQuery): TaskRow[] {
  return rows.filter((t) => {
    if (q.unit && ![...t.lead, ...t.participants].some((u) => unitMatches(q.unit!, u))) return false;
    if (q.status && t.status !== q.status) return false;
    if (q.due_before && !t.dueDates.some((d) => d <= q.due_before!)) return false;
    if (q.due_month && !t.dueDates.some((d) => d.startsWith(q.due_month!))) return false;
    if (q.overdue && !t.overdue) return false;
    if (q.recurring && !t.recurring) return false;
    if (q.doc && t.docId !== q.doc) return false;
    if (q.q && !matchesWords(t, q.q)) return false;
    return true;
  });
}

const STATUS_ORDER = new Map<string, number>(TASK_STATUSES.map((s, i) => [s, i]));

export function sortRows(rows: TaskRow[], sort: TaskQuery['sort'], order: TaskQuery['order']): TaskRow[] {
  if (!sort || sort === 'doc') return order === 'desc' ? [...rows].reverse() : rows;
  // tasks without a due date go last whichever way the dates run
  const key = (t: TaskRow): string =>
    sort === 'due' ? (t.dueDates[0] ?? '') : sort === 'status' ? String(STATUS_ORDER.get(t.status)).padStart(2, '0') : sort === 'unit' ? (t.lead[0] ?? '') : t.text;
  const sign = order === 'desc' ? -1 : 1;
  return rows
    .map((t, i) => ({ t, i, k: key(t) }))
    .sort((x, y) => {
      if (!x.k !== !y.k) return x.k ? -1 : 1;
      const c = x.k < y.k ? -1 : x.k > y.k ? 1 : 0;
      return c !== 0 ? sign * c : x.i - y.i;
    })
    .map((x) => x.t);
}
