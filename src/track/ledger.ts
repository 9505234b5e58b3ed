// The 台账 as the store holds it: every tracked item of the current plans, with its task, units and
// recorded state. due, calendar, report and import all start from here.
import type { ExtractResult, Task } from '../model.js';
import { registerKeys, isTaskSource } from '../register/rows.js';
import { unitMatches } from '../register/filter.js';
import type { TaskStore } from '../store/store.js';
import type { TaskStatus, TrackingState } from '../store/tracking.js';
import { trackedItems, type TrackedItem } from './occurrences.js';

/** Statuses that close an item: it is no longer chased (due, overdue lists); 申请销号 waits on acceptance, not on the unit. */
export const CLOSED_STATUSES: ReadonlySet<TaskStatus> = new Set(['已完成', '申请销号', '已销号']);

export interface LedgerItem extends TrackedItem {
  docId: string;
  docTitle: string;
  task: Task;
  leads: string[];
  participants: string[];
  /** the item's own state, else (for an occurrence) the state recorded on its whole task, if any */
  state?: TrackingState;
  status: TaskStatus;
}

export interface Ledger {
  results: ExtractResult[];
  items: LedgerItem[];
  /** every key a returned workbook may carry: item keys, task ids, the register's row keys */
  keys: Set<string>;
}

/** The current versions of stored plans, oldest first. */
export async function currentPlans(store: TaskStore): Promise<ExtractResult[]> {
  const docs = (await store.documents()).filter((d) => d.current && d.isPlan);
  const out: ExtractResult[] = [];
  for (const d of docs) {
    const r = await store.result(d.sha256);
    if (r && isTaskSource(r)) out.push(r);
  }
  return out;
}

export function unitsOf(task: Task, role: 'lead' | 'participant'): string[] {
  return [...new Set(task.units.filter((u) => u.role === role).map((u) => u.name))];
}

export async function loadLedger(store: TaskStore, results?: ExtractResult[]): Promise<Ledger> {
  const plans = results ?? (await currentPlans(store));
  const raw: Array<Omit<LedgerItem, 'status' | 'state'>> = [];
  for (const r of plans) {
    for (const task of r.tasks) {
      if (task.superseded) continue;
      for (const item of trackedItems(task, r)) {
        raw.push({ ...item, docId: r.document.id, docTitle: r.document.title, task, leads: unitsOf(task, 'lead'), participants: unitsOf(task, 'participant') });
      }
    }
  }
  const keys = new Set<string>([...raw.map((i) => i.key), ...raw.map((i) => i.taskId), ...registerKeys(plans)]);
  const states = await store.tracking([...keys]);
  const items = raw.map((i): LedgerItem => {
    const state = states.get(i.key) ?? (i.key !== i.taskId ? states.get(i.taskId) : undefined);
    return { ...i, ...(state ? { state } : {}), status: state?.status ?? '未开始' };
  });
  return { results: plans, items, keys };
}

/** Items a unit leads or helps with (--unit: the register's own unit matching). */
export function itemsOfUnit(items: LedgerItem[], unit: string | undefined): LedgerItem[] {
  if (!unit) return items;
  return items.filter((i) => [...i.leads, ...i.participants].some((u) => unitMatches(unit, u)));
}
