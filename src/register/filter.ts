// Which tasks a register shows. The store filters with the same predicate, so `register --unit`
// over files and over stored documents agree.
import { z } from 'zod';
import { unitAliases } from '../../extractors/unit-names.js';
import type { Task } from '../model.js';

/** A real calendar day written YYYY-MM-DD: 2020-02-30 is refused, not rolled over to March. */
export function isIsoDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/u.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** The register's file formats (here, not in index.ts, so the CLI can name them without loading exceljs). */
export const RegisterFormat = z.enum(['xlsx', 'csv', 'md', 'json']);
export type RegisterFormat = z.infer<typeof RegisterFormat>;

export const RegisterFilter = z.object({
  /** tasks this unit leads or takes part in; "教育局" finds "县教育局", "人社局" finds "县人力资源社会保障局" */
  unit: z.string().trim().min(1).optional(),
  /** tasks with a due date on or before this day (a "6月30日前" deadline counts for 2020-06-30) */
  dueBefore: z.string().refine(isIsoDay).optional(),
  /** tasks with a recurring duty (每月调度, 季督查…) */
  recurring: z.boolean().optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilter>;

/**
 * Does the unit named in a task answer to the name a user typed? Names are compared through their
 * aliases (县人社局 ↔ 县人力资源社会保障局), and a shorter name matches a longer one that ends
 * with it: users leave off the 县/市 prefix, documents add 各/相关 in front of collectives.
 * Matching on the tail keeps 市教育局 apart from 县教育局.
 */
export function unitMatches(query: string, unitName: string): boolean {
  const wanted = unitAliases(query.trim());
  const names = unitAliases(unitName);
  return names.some((n) => wanted.some((w) => n.endsWith(w) || w.endsWith(n)));
}

function hasDueOnOrBefore(task: Task, day: string): boolean {
  return task.deadlines.some((d) => d.kind === 'due' && d.date !== undefined && d.date <= day);
}

export function taskMatches(task: Task, filter: RegisterFilter = {}): boolean {
  if (filter.unit !== undefined && !task.units.some((u) => unitMatches(filter.unit!, u.name))) return false;
  if (filter.dueBefore !== undefined && !hasDueOnOrBefore(task, filter.dueBefore)) return false;
  if (filter.recurring && !task.deadlines.some((d) => d.kind === 'recurring')) return false;
  return true;
}
