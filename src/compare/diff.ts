// The comparer's entry points: two documents (diff), a plan against the document it implements
// (check), and everything in a store (conflicts, in across.ts).
import type { ExtractResult } from '../model.js';
import { orderFindings, subjectPairs, tasksDisagreeingWith, textAlignedPairs, type AlignOptions } from './compare-pair.js';
import { coverageOf } from './coverage.js';
import { documentFactFindings } from './document-facts.js';
import { splitListFindings } from './lists.js';
import { effectiveJurisdiction, relateDocuments } from './jurisdiction-relation.js';
import type { PairContext } from './rules.js';
import { DiffResult, type DocSummary, type Finding } from './schema.js';
import { findSupersessions, supersessionFinding } from './supersede.js';
import { deadlinesBeforeIssue, inconsistentWithin } from './within.js';
import { asMessage, pairHigher } from './finding-messages.js';

export { conflictsAcross, type AcrossResult, type AcrossOptions } from './across.js';

function summary(r: ExtractResult): DocSummary {
  const j = effectiveJurisdiction(r.document);
  return { id: r.document.id, title: r.document.title, jurisdiction: j ? { name: j.name, level: j.level } : null };
}

/** The two documents as the comparer reads them: a national body recognised by its marks, and who governs. */
export function pairContext(a: ExtractResult, b: ExtractResult): PairContext & { basis: 'jurisdiction' | 'citation' | null } {
  const { relation, higher, basis } = relateDocuments(a.document, b.document);
  const withPlace = (d: ExtractResult['document']) => ({ ...d, jurisdiction: effectiveJurisdiction(d) });
  return { a: withPlace(a.document), b: withPlace(b.document), relation, higher, basis };
}

export function diffDocuments(a: ExtractResult, b: ExtractResult, options: AlignOptions = {}): DiffResult {
  const ctx = pairContext(a, b);
  const text = textAlignedPairs(ctx, a, b, options);
  const taken = new Set(text.map((p) => `${p.ta.id}\u0000${p.tb.id}`));
  const bySubject = subjectPairs(ctx, a, b, taken);

  const findings: Finding[] = [...text, ...bySubject].flatMap((p) => p.findings);
  if (a !== b) findings.push(...documentFactFindings(ctx, a, b), ...splitListFindings(ctx, a, b));
  for (const s of findSupersessions([a, b], { inconsistentTasks: tasksDisagreeingWith })) {
    const [older, newer] = s.older === a.document.id ? [a, b] : [b, a];
    findings.push(supersessionFinding(s, older, newer));
  }
  for (const doc of a === b ? [a] : [a, b]) findings.push(...inconsistentWithin(doc), ...deadlinesBeforeIssue(doc));

  const alignments = [...text, ...bySubject].map((p) => p.alignment);
  // Where one side governs the other, how much of the higher side's measures the lower takes up.
  const coverage = ctx.higher && a !== b ? coverageFor(ctx.higher === 'a' ? a : b, ctx.higher === 'a' ? b : a, alignments, ctx.higher) : undefined;
  // A bulletin or a notice without measures has nothing to cover.
  const measured = coverage && coverage.coverage.total > 0 ? coverage : undefined;
  const higher = pairHigher(ctx.higher === 'a' ? a.document.id : ctx.higher === 'b' ? b.document.id : null);
  return DiffResult.parse({
    a: summary(a),
    b: summary(b),
    relation: ctx.relation,
    higher: ctx.higher,
    ...(ctx.basis ? { relationBasis: ctx.basis } : {}),
    alignments,
    findings: orderFindings(findings).map((f) => asMessage(f, higher)),
    ...(measured ? { coverage: measured.coverage } : {}),
  });
}

function coverageFor(higher: ExtractResult, lower: ExtractResult, alignments: DiffResult['alignments'], side: 'a' | 'b') {
  const aligned = new Map<string, { taskId: string; similarity: number }[]>();
  for (const al of alignments) {
    const [h, l] = side === 'a' ? [al.a.taskId, al.b.taskId] : [al.b.taskId, al.a.taskId];
    const similarity = Math.max(al.similarity, ...(al.sentences ?? []).map((x) => x.similarity));
    aligned.set(h, [...(aligned.get(h) ?? []), { taskId: l, similarity }]);
  }
  return coverageOf(higher, lower, aligned);
}

/** A lower plan against the higher document it implements: consistency findings plus coverage. a = higher, b = plan. */
export function checkPlan(plan: ExtractResult, higher: ExtractResult, options: AlignOptions = {}): DiffResult {
  const diff = diffDocuments(higher, plan, options);
  // The user said which side is higher: measured that way even when the places alone are unsure.
  const { coverage, findings } = coverageFor(higher, plan, diff.alignments, 'a');
  const sides = pairHigher(higher.document.id);
  return DiffResult.parse({ ...diff, findings: orderFindings([...diff.findings, ...findings]).map((f) => asMessage(f, sides)), coverage });
}
