// What one register row tracks: a task, or one 时间节点 of a task that states several ("6月底前…，
// 12月底前…" is two things to chase), or one dated occurrence of a recurring duty (每季度 → one row
// per quarter). The items and their keys are the tracking's own (src/track/occurrences.ts), so the
// row a unit fills in is the item the store and `taizhang import` know by its 任务键.
import type { Deadline, ExtractResult, Task } from '../model.js';
import { trackedItems, type TrackedItem } from '../track/occurrences.js';
import { formatRecurrence } from './format.js';

export interface RegisterItem {
  /** the tracking key: task id, or `<task id>@<YYYY-MM-DD>` for one node or occurrence of several */
  key: string;
  /** 1, 2… when the task is split into several items (序号 3-1, 3-2), else undefined */
  node?: number;
  /** the day the item is due, YYYY-MM-DD, when one is stated (or presumed) */
  due?: string;
  /** the due day is not stated: it is the plan period's end, presumed, and the register says so */
  presumed?: boolean;
  /** the 完成时限 cell: "2020-06-30", "2020-12-31（推定）", or words when there is no day ("每季度") */
  label: string;
  /** the document's own words for this time limit ("6月底前", "2020年第一季度（季督查）"), for 时限原文 */
  words: string;
}

/** A time limit as a cell says it when it gives no day to place: 每月5日前, 每季度, 秋季开学前. */
export function deadlineLabel(d: Deadline): string {
  if (d.kind === 'recurring') {
    const every = formatRecurrence(d);
    if (!every) return d.text;
    // the day it falls on, when the words name one: 每月5日前, 每年12月20日前
    const on = d.day ? `${d.month ? `${d.month}月` : ''}${d.day}日前` : '';
    return on && !d.minCount ? `${every}${on}` : every;
  }
  if (!d.date) return d.text;
  return d.kind === 'start' ? `${d.date}起` : d.date;
}

/**
 * The words a row quotes for its time limit. A node quotes its deadline; an occurrence names its
 * period and duty; a presumed day quotes whatever the task does say about time (从2020年1月1日起).
 */
/** The days one recurring duty of a task falls on, as the tracking expands it. */
function dutyDays(task: Task, duty: Deadline, result: ExtractResult): Set<string> {
  const alone = { ...task, deadlines: [...task.deadlines.filter((d) => d.kind === 'start'), duty] };
  return new Set(trackedItems(alone, result).flatMap((i) => (i.due && !i.presumed ? [i.due] : [])));
}

function itemWords(task: Task, item: TrackedItem, result: ExtractResult): string {
  const { due, presumed, label } = item;
  if (presumed) return task.deadlines.map((d) => d.text).join('\n');
  const range = due ? task.deadlines.find((d) => d.kind === 'start' && task.deadlines.some((e) => e.kind === 'due' && e.date === due && e.text === d.text)) : undefined;
  if (range) return range.text;
  // 月调度 and 季督查 both fall on 6月30日: the one row says both
  const also = due
    ? task.deadlines.filter((d) => d.kind === 'recurring' && d.text !== item.recurrence?.text && (item.recurrence || d.text !== label) && dutyDays(task, d, result).has(due))
    : [];
  return also.length ? [label, ...also.map((d) => d.text)].join('\n') : label;
}

/** The rows a task gives, one per tracked item. */
export function taskItems(task: Task, result: ExtractResult): RegisterItem[] {
  const items = trackedItems(task, result);
  return items.map((item, i) => {
    const node = items.length > 1 ? i + 1 : undefined;
    if (item.due) {
      return {
        key: item.key,
        node,
        due: item.due,
        presumed: item.presumed,
        label: item.presumed ? `${item.due}（推定）` : item.due,
        words: itemWords(task, item, result),
      };
    }
    // nothing to place on a day (no document date, 学期/农时 words): the words, normalized where they can be
    const label = task.deadlines.length ? task.deadlines.map(deadlineLabel).join('\n') : '';
    return { key: item.key, node, label, words: task.deadlines.map((d) => d.text).join('\n') };
  });
}
