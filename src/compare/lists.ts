// "下列单位应当…：（一）…（二）…" lists whose items the extraction gives as clauses of their own
// (a law article's items follow it as separate tasks). The head and the items that follow it are
// read back together, so a lower text that repeats the list with items left out narrows whom the
// duty binds — the same finding as a list written inside one clause (strength.ts listChanges).
import type { ExtractResult, Task } from '../model.js';
import { alignClauses } from './align.js';
import { REASONS } from './reasons.js';
import { clauseSide, type PairContext } from './rules.js';
import type { Finding } from './schema.js';
import { pairNames, sameItem, sentencesMatch } from './sentence-align.js';
import { listItems, sharesOnlyResidual } from './strength.js';

// A clause that ends by announcing a list: "…应当履行下列消防安全职责：".
const LIST_HEAD_END = /下列[^。；;]{0,30}[：:]\s*$/u;
// A clause that is one item of it: "（一）…", "(1)…", "①…", "1.…".
const ITEM_START = /^\s*(?:（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\(\d+\)|（\d+）|[①②③④⑤⑥⑦⑧⑨⑩]|\d+[.、．](?!\d))/u;

export interface SplitList {
  head: Task;
  items: Task[];
}

/** Lists whose head and items are separate clauses, in document order. */
export function splitLists(tasks: readonly Task[]): SplitList[] {
  const out: SplitList[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const head = tasks[i];
    if (!LIST_HEAD_END.test(head.text.trim()) || listItems(head.text)) continue;
    const items: Task[] = [];
    for (let j = i + 1; j < tasks.length && ITEM_START.test(tasks[j].text); j++) items.push(tasks[j]);
    if (items.length >= 2) out.push({ head, items });
  }
  return out;
}

/** Findings for lists the higher side splits into clauses and the lower side repeats with items left out. */
export function splitListFindings(ctx: PairContext, a: ExtractResult, b: ExtractResult): Finding[] {
  if (ctx.relation !== 'binding' || !ctx.higher) return [];
  const [high, low] = ctx.higher === 'a' ? [a, b] : [b, a];
  const [highDoc, lowDoc] = ctx.higher === 'a' ? [ctx.a, ctx.b] : [ctx.b, ctx.a];
  const lowLists: LowList[] = [
    ...splitLists(low.tasks).map((x) => ({ task: x.head, head: x.head, headFact: { text: x.head.text, start: 0, end: x.head.text.length }, items: x.items })),
    ...low.tasks.flatMap(inClauseList),
  ];
  const n = pairNames(ctx);
  const out: Finding[] = [];
  for (const h of splitLists(high.tasks)) {
    const l = lowLists.find((x) => sentencesMatch(alignClauses(h.head.text, x.head.text)));
    if (!l) continue;
    const missing = h.items.filter((x) => !l.items.some((y) => sameItem(bare(x.text), bare(y.text))));
    // Every item gone (but a residual "其他…" one): two different lists under a similar head, not one list narrowed.
    if (missing.length === 0 || sharesOnlyResidual(h.items, missing)) continue;
    for (const m of missing) {
      const item = bare(m.text);
      const highSide = clauseSide(highDoc, m, { fact: { text: item, start: m.text.indexOf(item), end: m.text.indexOf(item) + item.length } });
      const lowSide = clauseSide(lowDoc, l.task, { fact: l.headFact });
      out.push({
        type: 'weakened',
        ...(ctx.higher === 'a' ? { a: highSide, b: lowSide } : { a: lowSide, b: highSide }),
        reason: REASONS.listNarrowed(n, item, h.items.length, l.items.length),
      });
    }
  }
  return out;
}

interface LowList {
  /** the clause holding the head (and, for a list inside one clause, its items) */
  task: Task;
  head: { text: string };
  headFact: { text: string; start: number; end: number };
  items: { text: string }[];
}

function inClauseList(t: Task): LowList[] {
  const l = listItems(t.text);
  return l ? [{ task: t, head: { text: l.head.text }, headFact: l.head, items: l.items }] : [];
}

function bare(text: string): string {
  return text.trim().replace(/[；;。，,\s]+$/u, '');
}
