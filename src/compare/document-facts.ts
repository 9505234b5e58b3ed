// Figures a document states outside any task (document.quantities): a bulletin reporting a city's
// standard, a preamble's totals. They are compared with the other document's figures on the same
// subject. A document that is not a plan (快报, 通报) reports, it does not require: its figures are
// information, never a conflict; so is any figure between places that do not govern each other.
import type { DocumentMeta, ExtractResult, Quantity, Task } from '../model.js';
import { sameSubject } from './pairing.js';
import { compareQuantityPair, placeName, type PairContext } from './rules.js';
import { REASONS, describeQuantity } from './reasons.js';
import type { Finding } from './schema.js';
import { compareValues, isScaleFree, toComparable } from './units.js';

/** A figure stated outside tasks, as a one-item clause: its subject and words, its page. */
export function factTask(doc: DocumentMeta, q: Quantity, index: number): Task {
  const text = q.subject ? `${q.subject}：${q.text}` : q.text;
  return {
    id: `${doc.id}#正文${index + 1}`,
    path: ['（正文中的数据，不属于任何任务）'],
    text,
    units: [],
    leaders: [],
    owners: [],
    deadlines: [],
    quantities: [{ ...q, where: { ...q.where, start: text.length - q.text.length, end: text.length } }],
    ...(q.where?.page !== undefined ? { where: { page: q.where.page } } : {}),
  };
}

interface Holder {
  task: Task;
  q: Quantity;
  /** stated outside tasks */
  outside: boolean;
}

function holders(r: ExtractResult): Holder[] {
  const inTasks = r.tasks.flatMap((task) => task.quantities.map((q) => ({ task, q, outside: false })));
  const outside = r.document.quantities.map((q, i) => {
    const task = factTask(r.document, q, i);
    return { task, q: task.quantities[0], outside: true };
  });
  return [...inTasks, ...outside];
}

const comparable = (q: Quantity) => !!q.subject && isScaleFree(q);

/** Findings for figures on one subject where at least one side is stated outside tasks. */
export function documentFactFindings(ctx: PairContext, a: ExtractResult, b: ExtractResult): Finding[] {
  if (a.document.quantities.length === 0 && b.document.quantities.length === 0) return [];
  const out: Finding[] = [];
  const hb = holders(b).filter((h) => comparable(h.q));
  for (const x of holders(a).filter((h) => comparable(h.q))) {
    const key = toComparable(x.q)!.key;
    for (const y of hb) {
      if (!x.outside && !y.outside) continue;
      if (toComparable(y.q)!.key !== key || !sameSubject(x.q.subject, y.q.subject)) continue;
      // A report is information whatever the places: it states, it does not require.
      const reportOnly = (x.outside && !a.document.isPlan) || (y.outside && !b.document.isPlan);
      const c: PairContext = reportOnly ? { ...ctx, relation: 'informational', higher: null } : ctx;
      const f = compareQuantityPair(c, x.task, x.q, y.task, y.q);
      if (!f) continue;
      if (reportOnly) {
        const [report, other, otherDoc] = x.outside && !a.document.isPlan ? [x.q, y.q, b.document] : [y.q, x.q, a.document];
        const reporter = x.outside && !a.document.isPlan ? a.document : b.document;
        const same = compareValues(toComparable(report)!.value, toComparable(other)!.value) === 0;
        f.reason = REASONS.reported(reporter.title, describeQuantity(report), placeName(otherDoc), describeQuantity(other), same);
      }
      out.push(f);
    }
  }
  return out;
}
