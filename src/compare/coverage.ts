// How much of a higher document's measures a lower plan takes up. A measure counts as covered when
// some lower clause reuses its wording, shares its quantity subject, or shares enough of its key
// phrases (a looser index than alignment: the plan restates, it rarely copies).
import type { ExtractResult } from '../model.js';
import { findCandidatePairs } from './candidates.js';
import { REASONS } from './reasons.js';
import { clauseSide, placeName } from './rules.js';
import type { Coverage, Finding } from './schema.js';
import { LEVEL_LABEL } from './jurisdiction-relation.js';

const KEY_PHRASES = { n: 3, minShared: 4, minContainment: 0.25 } as const;

export function coverageOf(higher: ExtractResult, lower: ExtractResult, matchedHigherTasks: ReadonlySet<string>): { coverage: Coverage; findings: Finding[] } {
  const measures = higher.tasks.filter((t) => t.kind !== 'target' && !t.superseded);
  const clauses = [...higher.tasks.map((t) => ({ group: 'h', text: t.text })), ...lower.tasks.map((t) => ({ group: 'l', text: t.text }))];
  const covered = new Set(matchedHigherTasks);
  for (const p of findCandidatePairs(clauses, KEY_PHRASES)) covered.add(higher.tasks[p.i].id);

  const uncovered = measures.filter((t) => !covered.has(t.id));
  const total = measures.length;
  const hit = total - uncovered.length;
  const higherLabel = higher.document.jurisdiction ? LEVEL_LABEL[higher.document.jurisdiction.level] : '上级';
  return {
    coverage: {
      total,
      covered: hit,
      percent: total > 0 ? Math.round((hit / total) * 1000) / 10 : 100,
      uncovered: uncovered.map((t) => t.id),
    },
    findings: uncovered.map((t) => ({
      type: 'uncovered' as const,
      a: clauseSide(higher.document, t),
      reason: REASONS.uncovered(placeName(lower.document), higherLabel),
    })),
  };
}
