// A new version of a notice: what was recorded on its tasks follows the tasks that say the same in
// the new text (the comparer's similarity, match.ts), the tasks that vanished are listed with their
// recorded state, and tasks that are new start 未开始 (no state is made up for them).
import type { ExtractResult, Task } from '../model.js';
import type { TaskStore } from '../store/store.js';
import type { TrackingState } from '../store/tracking.js';
import { TextMatcher } from './match.js';
import { trackedItems } from './occurrences.js';

export interface VersionFollow {
  /** old key → new key, for each key that had a state and found its task again */
  carried: Array<{ from: string; to: string; similarity: number }>;
  /** tasks of the old version with a recorded state and no match in the new one */
  vanished: Array<{ task: Task; states: TrackingState[] }>;
  /** tasks of the new version that match none of the old */
  added: Task[];
}

/** The new key an old item's key becomes: the same date node if the new task has it, else the task itself. */
function newKey(oldKey: string, oldTask: string, newTask: Task, result: ExtractResult): string {
  const newKeys = new Set(trackedItems(newTask, result).map((i) => i.key));
  if (oldKey === oldTask) return newKeys.has(newTask.id) ? newTask.id : ([...newKeys][0] ?? newTask.id);
  const day = oldKey.slice(oldTask.length);
  return newKeys.has(`${newTask.id}${day}`) ? `${newTask.id}${day}` : newTask.id;
}

export async function followNewVersion(store: TaskStore, older: ExtractResult, newer: ExtractResult): Promise<VersionFollow> {
  const matcher = new TextMatcher(newer.tasks.map((t) => ({ id: t.id, text: t.text })));
  const byId = new Map(newer.tasks.map((t) => [t.id, t]));
  const matchedNew = new Set<string>();
  const carried: VersionFollow['carried'] = [];
  const vanished: VersionFollow['vanished'] = [];
  for (const t of older.tasks) {
    const keys = [t.id, ...trackedItems(t, older).map((i) => i.key)];
    const states = [...(await store.tracking(keys)).values()];
    const found = matcher.match(t.text);
    if (!found) {
      if (states.length) vanished.push({ task: t, states });
      continue;
    }
    matchedNew.add(found.id);
    for (const s of states) carried.push({ from: s.key, to: newKey(s.key, t.id, byId.get(found.id)!, newer), similarity: found.similarity });
  }
  if (carried.length) await store.carryTracking(carried.map(({ from, to }) => ({ from, to })));
  return { carried, vanished, added: newer.tasks.filter((t) => !matchedNew.has(t.id)) };
}

/** The version a 'new-version' ingest replaced: the same document one version earlier (same 文号, else same title). */
export async function previousVersion(store: TaskStore, newer: ExtractResult, version: number): Promise<ExtractResult | null> {
  for (const d of await store.documents()) {
    if (d.current || d.version !== version - 1) continue;
    const r = await store.result(d.sha256);
    if (!r) continue;
    const sameNumber = newer.document.docNumber && r.document.docNumber?.text === newer.document.docNumber.text;
    if (sameNumber || r.document.title === newer.document.title) return r;
  }
  return null;
}

/** What `taizhang ingest` says after a new version: how much tracking followed, what vanished. */
export function followLines(f: VersionFollow): string[] {
  const lines = [`　台账跟踪：${f.carried.length} 项已随任务转到新版本，新版本新增 ${f.added.length} 项任务（状态为未开始），${f.vanished.length} 项已填报的任务在新版本中找不到`];
  for (const v of f.vanished) {
    const text = v.task.text.replace(/\s+/gu, '');
    lines.push(`　　新版本中找不到：${text.length > 40 ? `${text.slice(0, 40)}…` : text}（${v.states.map((s) => `${s.key} ${s.status}`).join('；')}）`);
  }
  return lines;
}
