// /api/diff: two stored documents compared (src/compare). With `higher` and `lower` the lower plan is
// checked against the document it implements (coverage counted); with `a` and `b` they are diffed.
// The answer is the comparer's own JSON plus what the 对照 page shows first: the findings in four
// groups, and each aligned pair's text cut into runs of same / changed / outside characters.
import type { FastifyInstance } from 'fastify';
import { alignClauses, type Marks } from '../compare/align.js';
import { checkPlan, diffDocuments } from '../compare/diff.js';
import { FINDING_LABEL } from '../compare/report-html.js';
import type { DiffResult, Finding } from '../compare/schema.js';
import type { ExtractResult } from '../model.js';
import type { Catalog } from './catalog.js';
import { badQuery, notFound } from './http-errors.js';

/** The four groups staff sort findings into, in the order they read them. */
export const FINDING_GROUPS = ['冲突', '需核实', '一致', '未覆盖'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

const GROUP_OF: Readonly<Record<Finding['type'], FindingGroup>> = {
  conflict: '冲突',
  weakened: '冲突',
  conditional: '需核实',
  superseded: '需核实',
  'deadline-before-issue': '需核实',
  'inconsistent-within': '需核实',
  informational: '需核实',
  consistent: '一致',
  compliant: '一致',
  equivalent: '一致',
  uncovered: '未覆盖',
};

/** 0: outside the aligned stretch, 1: the same, 2: changed (align.ts Marks). */
export type Run = [text: string, mark: number];

export function runsOf(text: string, marks: Marks): Run[] {
  const out: Run[] = [];
  let k = 0;
  while (k < text.length) {
    let e = k;
    while (e < text.length && marks[e] === marks[k]) e++;
    out.push([text.slice(k, e), marks[k] ?? 1]);
    k = e;
  }
  return out;
}

export function diffView(diff: DiffResult, higher?: ExtractResult) {
  const groups = Object.fromEntries(FINDING_GROUPS.map((g) => [g, [] as Array<Finding & { label: string }>])) as Record<FindingGroup, Array<Finding & { label: string }>>;
  for (const f of diff.findings) groups[GROUP_OF[f.type]].push({ ...f, label: FINDING_LABEL[f.type] });
  const pairs = diff.alignments.map((al) => {
    const m = alignClauses(al.a.text, al.b.text);
    return { a: { ...al.a, runs: runsOf(al.a.text, m.marksA) }, b: { ...al.b, runs: runsOf(al.b.text, m.marksB) }, similarity: al.similarity, basis: al.basis };
  });
  // the higher document's measures the plan does not take up, with their words, for the coverage list
  const wanted = new Set(diff.coverage?.uncovered ?? []);
  const uncovered = (higher?.tasks ?? []).filter((t) => wanted.has(t.id)).map((t) => ({ taskId: t.id, text: t.text, path: t.path, page: t.where?.page }));
  return { diff, groups, pairs, uncovered };
}

export function compareRoutes(app: FastifyInstance, opts: { catalog: Catalog }): void {
  app.get('/api/diff', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const checking = q.higher !== undefined || q.lower !== undefined;
    const [first, second] = checking ? [q.higher, q.lower] : [q.a, q.b];
    if (!first || !second) throw badQuery(checking ? 'higher、lower' : 'a、b');
    const [ra, rb] = await Promise.all([opts.catalog.result(first), opts.catalog.result(second)]);
    if (!ra) throw notFound(first);
    if (!rb) throw notFound(second);
    if (checking) return diffView(checkPlan(rb, ra), ra);
    const diff = diffDocuments(ra, rb);
    return diffView(diff, diff.higher === 'a' ? ra : diff.higher === 'b' ? rb : undefined);
  });
}
