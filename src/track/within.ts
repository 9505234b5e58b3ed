// --within as staff write it: 30d, 2w, 1m, 30天, 2周, 1个月 (a month is counted as 30 days).
/** Units a --within value may be written in, and their length in days. */
export const WITHIN_UNITS: Readonly<Record<string, number>> = { d: 1, 天: 1, 日: 1, w: 7, 周: 7, 星期: 7, m: 30, 个月: 30, 月: 30 };

/** "30d", "2w", "3m", "30天", "2周", "1个月", "30" (days): the number of days, or null. */
export function parseWithin(value: string): number | null {
  const m = /^\s*(\d{1,4})\s*([a-zA-Z天日周星期个月]*)\s*$/u.exec(value);
  if (!m) return null;
  const unit = m[2].toLowerCase();
  const days = unit === '' ? 1 : WITHIN_UNITS[unit];
  return days === undefined ? null : Number(m[1]) * days;
}

