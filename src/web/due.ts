// 到期提醒: per unit, the tasks past their due date and those due within the next N days. A task
// counts for every unit that leads it; a task naming no lead unit is listed under 未明确牵头单位.
import { z } from 'zod';
import { isIsoDay, unitMatches } from '../register/filter.js';
import { CLOSED_STATUSES, type TaskRow } from './task-query.js';

export const NO_LEAD_UNIT = '未明确牵头单位';

export const DueQuery = z.object({
  within: z.coerce.number().int().min(1).max(3660).optional(),
  unit: z.string().trim().max(100).optional(),
  today: z.string().refine(isIsoDay).optional(),
});

export interface DueItem {
  key: string;
  taskId: string;
  docId: string;
  docTitle: string;
  text: string;
  due: string;
  /** days from today: negative when overdue */
  days: number;
  status: string;
  /** how many items of the same task this one stands for (the occurrences of a weekly duty missed so far) */
  count: number;
}

export interface DueGroup {
  unit: string;
  overdue: DueItem[];
  soon: DueItem[];
}

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dueReport(rows: TaskRow[], opts: { today: string; within: number; unit?: string }): { today: string; within: number; units: DueGroup[] } {
  const until = addDays(opts.today, opts.within);
  const groups = new Map<string, DueGroup>();
  for (const t of rows) {
    if (CLOSED_STATUSES.has(t.status) || t.superseded) continue;
    // the nearest due date not yet met: the earliest past one, else the next one
    const past = t.dueDates.find((d) => d < opts.today);
    const next = t.dueDates.find((d) => d >= opts.today && d <= until);
    const due = past ?? next;
    if (!due) continue;
    const units = t.lead.length ? t.lead : [NO_LEAD_UNIT];
    for (const unit of units) {
      if (opts.unit && !unitMatches(opts.unit, unit)) continue;
      const g = groups.get(unit) ?? { unit, overdue: [], soon: [] };
      groups.set(unit, g);
      // a recurring duty is one line per unit: its earliest missed occurrence (with how many were missed), its next one
      const list = past ? g.overdue : g.soon;
      const same = list.find((x) => x.taskId === t.taskId && x.docId === t.docId);
      if (same) {
        same.count++;
        if (due < same.due) Object.assign(same, { key: t.key, due, days: daysBetween(opts.today, due), status: t.status });
        continue;
      }
      list.push({ key: t.key, taskId: t.taskId, docId: t.docId, docTitle: t.docTitle, text: t.text, due, days: daysBetween(opts.today, due), status: t.status, count: 1 });
    }
  }
  const byDue = (a: DueItem, b: DueItem) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
  const units = [...groups.values()].map((g) => ({ ...g, overdue: g.overdue.sort(byDue), soon: g.soon.sort(byDue) }));
  // the units with most overdue first (the reminder is read from the top); tasks naming no lead unit last
  units.sort((a, b) => Number(a.unit === NO_LEAD_UNIT) - Number(b.unit === NO_LEAD_UNIT) || b.overdue.length - a.overdue.length || b.soon.length - a.soon.length || a.unit.localeCompare(b.unit, 'zh'));
  return { today: opts.today, within: opts.within, units };
}
