// What is tracked of a stored task: the task itself when it has at most one time node, one item per
// time node when it has several, and one dated item per occurrence of a recurring duty (每季度,
// 每月10日前, 每年12月20日前…) over the plan period. The keys are stable across runs and versions
// of the same task id, so a state recorded on `<task id>@2020-06-30` finds its row again.
import { lastDayOfMonth } from '../../extractors/dates.js';
import type { Deadline, ExtractResult, Recurrence, Task } from '../model.js';

/** The day each period's occurrence falls on when the notice names none. */
const DEFAULT_DAY = {
  // 每周: the week's last working day, when weekly reports are due in practice
  weekly: 'Friday',
  monthly: 'month end',
  quarterly: 'quarter end (03-31, 06-30, 09-30, 12-31)',
  semiannual: 'half-year end (06-30, 12-31)',
  annual: 'year end (12-31), or the stated 月/日',
} as const satisfies Record<Recurrence, string>;
export { DEFAULT_DAY };

/** Months between occurrences of each period (weekly is counted in days). */
const MONTHS: Record<Exclude<Recurrence, 'weekly'>, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** Period names for labels. */
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const HALF_NAMES = ['上半年', '下半年'] as const;

/** A plan whose period runs longer than this many occurrences of a duty is cut here (每周 over ten years). */
export const MAX_OCCURRENCES = 600;

export interface TrackedRecurrence {
  every: Recurrence;
  /** 每两个月 → 2 */
  interval: number;
  month?: number;
  day?: number;
  /** the notice's own words (每季度, 每月10日前) */
  text: string;
  /** first and last occurrence in the plan period, YYYY-MM-DD */
  first: string;
  last: string;
  count: number;
  /** RFC 5545 RRULE (without DTSTART) that expands from `first` to exactly the occurrences listed */
  rrule: string;
}

export interface TrackedItem {
  key: string;
  taskId: string;
  /** YYYY-MM-DD: the stated date, the occurrence's date, or (presumed) the plan's last year end */
  due?: string;
  /** true: the notice states no deadline for the task; `due` is the plan period's end, not the notice's */
  presumed?: boolean;
  recurrence?: TrackedRecurrence;
  /** what the item is, in Chinese: the deadline's words, the occurrence's period ("2020年第一季度") */
  label: string;
}

export interface PlanPeriod {
  /** YYYY-MM-DD: the document's date */
  start: string;
  /** YYYY-MM-DD: 12-31 of the plan's end year */
  end: string;
  /** where the end year came from */
  endFrom: 'title' | 'deadlines' | 'document-year';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** "2019—2021年", "2019-2021年", "2020至2022年", "（2021～2025年）" in a title: the plan's years */
const TITLE_RANGE = /((?:19|20)\d{2})\s*(?:年)?\s*[-—–－~～至到]\s*((?:19|20)\d{2})\s*年/u;
/** "到2025年", "至2025年" (a target year), "2025年前" in a title */
const TITLE_TO_YEAR = /(?:到|至|截至)\s*((?:19|20)\d{2})\s*年/u;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
function parts(date: string): [number, number, number] | null {
  const m = ISO.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const periods = new WeakMap<ExtractResult, PlanPeriod | null>();

/**
 * The plan period recurring duties are expanded over: from the document's date to 12-31 of the
 * plan's end year — the later year of a range in the title ("2019—2021年"), else the latest year of
 * any stated due date in the document, never before the document's own year. Null when the
 * document has no date (nothing can be placed then).
 */
export function planPeriod(result: ExtractResult): PlanPeriod | null {
  if (periods.has(result)) return periods.get(result)!;
  const start = parts(result.document.date);
  let period: PlanPeriod | null = null;
  if (start) {
    const title = result.document.title;
    const range = TITLE_RANGE.exec(title) ?? TITLE_TO_YEAR.exec(title);
    const titled = range ? Number(range[2] ?? range[1]) : NaN;
    const dueYears = result.tasks.flatMap((t) => t.deadlines).filter((d) => d.kind === 'due' && d.date).map((d) => parts(d.date!)?.[0] ?? 0);
    const lastDue = Math.max(0, ...dueYears);
    // a title year earlier than the document (a 总结 of last year's plan) is not a period to expand over
    if (titled >= start[0]) period = { start: result.document.date, end: iso(titled, 12, 31), endFrom: 'title' };
    else if (lastDue > start[0]) period = { start: result.document.date, end: iso(lastDue, 12, 31), endFrom: 'deadlines' };
    else period = { start: result.document.date, end: iso(start[0], 12, 31), endFrom: 'document-year' };
  }
  periods.set(result, period);
  return period;
}

/** One occurrence date with its label. */
interface Occurrence {
  date: string;
  label: string;
}

function monthlyDay(y: number, m: number, day: number | undefined): number {
  const last = lastDayOfMonth(y, m);
  return day === undefined ? last : Math.min(day, last);
}

/** The dates a recurring deadline falls on between from and to (both YYYY-MM-DD, inclusive). */
export function expandRecurrence(d: Deadline, from: string, to: string): Occurrence[] {
  const f = parts(from);
  const t = parts(to);
  if (!f || !t || !d.recurrence) return [];
  const every = d.recurrence;
  const interval = Math.max(1, d.interval ?? 1);
  const out: Occurrence[] = [];
  const push = (date: string, label: string) => {
    if (date >= from && date <= to && out.length < MAX_OCCURRENCES) out.push({ date, label });
  };
  if (every === 'weekly') {
    // the first Friday on or after `from`, then every `interval` weeks
    const day = new Date(Date.UTC(f[0], f[1] - 1, f[2]));
    day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
    for (; out.length < MAX_OCCURRENCES; day.setUTCDate(day.getUTCDate() + 7 * interval)) {
      const date = day.toISOString().slice(0, 10);
      if (date > to) break;
      push(date, `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日（周五）`);
    }
    return out;
  }
  const step = MONTHS[every] * interval;
  // anchor months: quarters and halves end in 3/6/9/12 and 6/12; an annual duty in its stated month;
  // a monthly one in every month from the start
  const anchor = every === 'annual' ? d.month ?? 12 : every === 'monthly' ? f[1] : MONTHS[every];
  let y = f[0];
  let m = anchor;
  for (let guard = 0; guard < MAX_OCCURRENCES * 12; guard++) {
    const day = every === 'annual' ? monthlyDay(y, m, d.day) : every === 'monthly' ? monthlyDay(y, m, d.day) : lastDayOfMonth(y, m);
    const date = iso(y, m, day);
    if (date > to || out.length >= MAX_OCCURRENCES) break;
    const label =
      every === 'monthly' ? `${y}年${m}月`
      : every === 'quarterly' ? `${y}年${QUARTER_NAMES[Math.ceil(m / 3) - 1]}`
      : every === 'semiannual' ? `${y}年${HALF_NAMES[m <= 6 ? 0 : 1]}`
      : `${y}年`;
    push(date, label);
    m += step;
    while (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

/** RFC 5545 RRULE matching expandRecurrence from its first occurrence (DTSTART is that date). */
export function recurrenceRule(d: Deadline, count: number): string {
  const interval = Math.max(1, d.interval ?? 1);
  const every = d.recurrence!;
  const n = `;COUNT=${count}`;
  if (every === 'weekly') return `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=FR${n}`;
  if (every === 'annual') {
    const month = d.month ?? 12;
    // a day past a short month's end (2月30日) stays on that month's last day, as the expansion does
    const day = d.day === undefined || (d.day > 28 && d.day >= lastDayOfMonth(2001, month)) ? -1 : d.day;
    return `FREQ=YEARLY;INTERVAL=${interval};BYMONTH=${month};BYMONTHDAY=${day}${n}`;
  }
  const months = MONTHS[every] * interval;
  // 29–31 each month: the months that are shorter take their last day, which BYMONTHDAY=29..31 would skip
  if (every === 'monthly' && d.day !== undefined && d.day < 29) return `FREQ=MONTHLY;INTERVAL=${months};BYMONTHDAY=${d.day}${n}`;
  if (every === 'monthly' && d.day !== undefined) return `FREQ=MONTHLY;INTERVAL=${months};BYMONTHDAY=${d.day},-1;BYSETPOS=1${n}`;
  return `FREQ=MONTHLY;INTERVAL=${months};BYMONTHDAY=-1${n}`;
}

function startOf(task: Task, period: PlanPeriod): string {
  const stated = task.deadlines.filter((d) => d.kind === 'start' && d.date && ISO.test(d.date)).map((d) => d.date!).sort()[0];
  return stated && stated > period.start && stated <= period.end ? stated : period.start;
}

/**
 * The items one task is tracked as. A stated 'due' date is a time node; each recurring deadline adds
 * its occurrences over the plan period (from the task's stated start, else the document date). A task
 * with no node at all is one item whose due date is presumed: 12-31 of the plan's end year, marked
 * `presumed` (never shown as the notice's own).
 */
export function trackedItems(task: Task, result: ExtractResult): TrackedItem[] {
  const period = planPeriod(result);
  const nodes = new Map<string, TrackedItem>();
  for (const d of task.deadlines) {
    if (d.kind !== 'due' || !d.date || !ISO.test(d.date) || nodes.has(d.date)) continue;
    nodes.set(d.date, { key: `${task.id}@${d.date}`, taskId: task.id, due: d.date, label: d.text });
  }
  const recurring = task.deadlines.filter((d) => d.kind === 'recurring' && d.recurrence);
  const items: TrackedItem[] = [...nodes.values()];
  const unplaced: Deadline[] = [];
  for (const d of recurring) {
    const occurrences = period ? expandRecurrence(d, startOf(task, period), period.end) : [];
    if (!occurrences.length) {
      unplaced.push(d);
      continue;
    }
    const recurrence: TrackedRecurrence = {
      every: d.recurrence!, interval: Math.max(1, d.interval ?? 1), ...(d.month !== undefined ? { month: d.month } : {}),
      ...(d.day !== undefined ? { day: d.day } : {}), text: d.text,
      first: occurrences[0].date, last: occurrences.at(-1)!.date, count: occurrences.length,
      rrule: recurrenceRule(d, occurrences.length),
    };
    for (const o of occurrences) {
      if (nodes.has(o.date)) continue;
      const item: TrackedItem = { key: `${task.id}@${o.date}`, taskId: task.id, due: o.date, recurrence, label: `${o.label}（${d.text}）` };
      nodes.set(o.date, item);
      items.push(item);
    }
  }
  items.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  if (items.length > 1) return items;
  if (items.length === 1) return [{ ...items[0], key: task.id }];
  // no node: one item; a duty whose period could not be placed (no document date) keeps its words
  const words = unplaced.map((d) => d.text).join('、');
  if (period && !unplaced.length) return [{ key: task.id, taskId: task.id, due: period.end, presumed: true, label: `未写时限（推定${period.end.slice(0, 4)}年底前）` }];
  return [{ key: task.id, taskId: task.id, label: words || '未写时限' }];
}

/** Every tracked item of a document's tasks, in task order. */
export function documentItems(result: ExtractResult): TrackedItem[] {
  return result.tasks.flatMap((t) => trackedItems(t, result));
}
