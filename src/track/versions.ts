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
