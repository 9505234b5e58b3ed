// What one register row tracks: a task, or one 时间节点 of a task that states several ("6月底前…，
// 12月底前…" is two things to chase, each with its own date, progress and 销号). The key of each item
// is the one the store's tracking uses (src/store/tracking.ts): the task id, or `<task id>@<date>`.
import type { Deadline, DocumentMeta, Task } from '../model.js';
import { formatRecurrence } from './format.js';

export interface RegisterItem {
  /** the tracking key: task id, or `<task id>@<YYYY-MM-DD>` for one node of several */
  key: string;
  /** 1, 2… when the task is split into nodes (序号 3-1, 3-2), else undefined */
  node?: number;
  /** the day the item is due, YYYY-MM-DD, when one is stated (or presumed) */
  due?: string;
  /** the due day is not stated: it is the plan's year end, presumed, and the register says so */
  presumed?: boolean;
  /** the 完成时限 cell: "2020-06-30", "2020-09-01至2020-10-31", "每季度至少1次" */
  label: string;
  /** the document's own words for this time limit ("6月底前"), for the 时限原文 cell */
  words: string;
}

/** A task table's range "9月1日至10月31日" is read as a start and a due with the same words: one node. */
interface Node {
  due: string;
  start?: string;
  words: string;
}

function datedNodes(deadlines: Deadline[]): { nodes: Node[]; rest: Deadline[] } {
  const nodes: Node[] = [];
  const rest: Deadline[] = [];
  const used = new Set<number>();
  deadlines.forEach((d, i) => {
    if (used.has(i)) return;
    if (d.kind === 'start' && d.date) {
      const j = deadlines.findIndex((e, k) => k > i && !used.has(k) && e.kind === 'due' && e.date && e.text === d.text);
      if (j >= 0) {
        used.add(j);
        nodes.push({ due: deadlines[j].date!, start: d.date, words: d.text });
        return;
      }
    }
    if (d.kind === 'due' && d.date) nodes.push({ due: d.date, words: d.text });
    else rest.push(d);
  });
  // the same day said twice ("6月底前…，确保6月底前…") is one node
  const seen = new Set<string>();
  return { nodes: nodes.filter((n) => !seen.has(n.due) && seen.add(n.due)), rest };
}

const nodeLabel = (n: Node) => (n.start ? `${n.start}至${n.due}` : n.due);

/** A time limit as the 完成时限 cell says it, normalized; its own words go to 时限原文. */
export function deadlineLabel(d: Deadline): string {
  if (d.kind === 'recurring') return formatRecurrence(d) || d.text;
  if (!d.date) return d.text;
  return d.kind === 'start' ? `${d.date}起` : d.date;
}

/**
 * The year a plan is for: the 20xx its title names ("2020年…实施方案"), else the year it was issued.
 * Only that year's end may be presumed as a deadline; a document with neither presumes nothing.
 */
export function planYear(doc: Pick<DocumentMeta, 'title' | 'date'>): number | undefined {
  const titled = /((?:19|20)\d{2})年/u.exec(doc.title);
  if (titled) return Number(titled[1]);
  const dated = /^(\d{4})-\d{2}-\d{2}$/u.exec(doc.date);
  return dated ? Number(dated[1]) : undefined;
}

/** The rows a task gives: one per dated node when it states several, else one. */
export function taskItems(task: Task, year: number | undefined): RegisterItem[] {
  const { nodes, rest } = datedNodes(task.deadlines);
  if (nodes.length >= 2) {
    // what is not a dated node (每季度调度…) holds for every node, so each row says it
    const extra = rest.map(deadlineLabel);
    return nodes.map((n, i) => ({
      key: `${task.id}@${n.due}`,
      node: i + 1,
      due: n.due,
      label: [nodeLabel(n), ...extra].join('\n'),
      words: [n.words, ...rest.map((d) => d.text)].join('\n'),
    }));
  }
  if (nodes.length === 1) {
    const extra = rest.map(deadlineLabel);
    return [{ key: task.id, due: nodes[0].due, label: [nodeLabel(nodes[0]), ...extra].join('\n'), words: [nodes[0].words, ...rest.map((d) => d.text)].join('\n') }];
  }
  if (task.deadlines.length > 0) {
    return [{ key: task.id, label: task.deadlines.map(deadlineLabel).join('\n'), words: task.deadlines.map((d) => d.text).join('\n') }];
  }
  // no time limit written: the plan's year end, marked as presumed, never a silent guess
  if (year === undefined) return [{ key: task.id, label: '', words: '' }];
  const due = `${year}-12-31`;
  return [{ key: task.id, due, presumed: true, label: `${due}（推定）`, words: '' }];
}
