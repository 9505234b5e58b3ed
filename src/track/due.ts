// What is overdue and what falls due soon, counted from a given day (`--today`; only the CLI reads
// the clock). Closed items (已完成, 申请销号, 已销号) are not chased; an item without a day cannot be.
import { CLOSED_STATUSES, itemsOfUnit, type LedgerItem } from './ledger.js';

export { parseWithin, WITHIN_UNITS } from './within.js';

export function daysFrom(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface DueItem extends LedgerItem {
  due: string;
  /** days from today to the due day; negative when overdue */
  days: number;
}

export interface DueList {
  today: string;
  within: number;
  overdue: DueItem[];
  upcoming: DueItem[];
}

export function dueList(items: LedgerItem[], options: { today: string; within: number; unit?: string }): DueList {
  const open = itemsOfUnit(items, options.unit).filter((i): i is LedgerItem & { due: string } => i.due !== undefined && !CLOSED_STATUSES.has(i.status));
  const dated = open.map((i) => ({ ...i, days: daysFrom(options.today, i.due) })).sort((a, b) => a.days - b.days || a.key.localeCompare(b.key));
  return {
    today: options.today,
    within: options.within,
    overdue: dated.filter((i) => i.days < 0),
    upcoming: dated.filter((i) => i.days >= 0 && i.days <= options.within),
  };
}

/** A task's words cut for one line. */
export function shortText(text: string, max = 36): string {
  const flat = text.replace(/\s+/gu, '');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** One line per item, as `taizhang due` prints it. */
export function dueLine(i: DueItem): string {
  const when = i.days < 0 ? `逾期${-i.days}天` : i.days === 0 ? '今天到期' : `还有${i.days}天`;
  const unit = i.leads.join('、') || '未写牵头单位';
  return `${when}\t${i.due}${i.presumed ? '（推定）' : ''}\t${i.status}\t${unit}\t${shortText(i.task.text)}（${i.label}）\t${i.key}`;
}
