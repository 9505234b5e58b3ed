// The output contract of `taizhang diff --json` (../shared/spec/OUTPUT.md): zod at the edge, the plain
// types inferred from it inside the comparer.
import { z } from 'zod';
import { Level, Quantity, Deadline, Severity } from '../model.js';

export const DocSummary = z.object({
  id: z.string(),
  title: z.string(),
  jurisdiction: z.object({ name: z.string(), level: Level }).nullable(),
});
export type DocSummary = z.infer<typeof DocSummary>;

/** The words a finding compares on one side, and where they stand in the clause text (character offsets). */
export const Fact = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export type Fact = z.infer<typeof Fact>;

/** One side of an alignment or a finding: the clause it rests on and where it is. */
export const ClauseSide = z.object({
  docId: z.string(),
  taskId: z.string(),
  text: z.string(),
  path: z.array(z.string()),
  page: z.number().int().optional(),
  /** the clause's first block in its document's normalized text (`taizhang text`), when extraction said */
  block: z.number().int().optional(),
  quantity: Quantity.optional(),
  deadline: Deadline.optional(),
  /** the compared words (a figure, a deadline, a duty word) and their place in `text` */
  fact: Fact.optional(),
});
export type ClauseSide = z.infer<typeof ClauseSide>;

export const Change = z.object({ a: z.string(), b: z.string() });
export type Change = z.infer<typeof Change>;

export const Alignment = z.object({
  a: ClauseSide,
  b: ClauseSide,
  similarity: z.number(),
  changes: z.array(Change),
  /** text: the wording is reused; subject: the same quantity subject in other words */
  basis: z.enum(['text', 'subject']),
  /** the sentences of the two clauses that say the same thing (one may answer several), with offsets in each clause */
  sentences: z.array(z.object({ a: Fact, b: Fact, similarity: z.number() })).optional(),
});
export type Alignment = z.infer<typeof Alignment>;

export const FindingType = z.enum([
  'conflict',
  'conditional',
  'compliant',
  'consistent',
  'equivalent',
  'superseded',
  'deadline-before-issue',
  'inconsistent-within',
  'uncovered',
  'informational',
  // a binding lower clause lays the higher duty more weakly in words (立即 → 及时, 应当 → 可以, a list item left out)
  'weakened',
]);
export type FindingType = z.infer<typeof FindingType>;

/**
 * Which side of a finding a clause is: the governing document's (higher) or the one it binds (lower);
 * the older and the newer of a supersession; either, when neither governs (two unrelated places, or
 * two clauses of one document).
 */
export const SideRole = z.enum(['higher', 'lower', 'older', 'newer', 'either']);
export type SideRole = z.infer<typeof SideRole>;

/** One side of a finding as a message reads it: the document, the clause, where, and the quoted words. */
export const FindingSide = z.object({
  role: SideRole,
  docId: z.string(),
  taskId: z.string(),
  block: z.number().int().optional(),
  page: z.number().int().optional(),
  /** the compared words and their place in the clause text */
  quote: Fact.optional(),
});
export type FindingSide = z.infer<typeof FindingSide>;

/**
 * A finding is a message with two sides (issue 18): `code`, `severity` and `message` as on a document's
 * warnings (wording from src/messages.ts), and `sides`. `type`, `a`, `b` and `reason` stay as before;
 * code = type, message = the code's line + "：" + reason. The new fields are optional so JSON written
 * before them still reads; every finding taizhang writes has them (src/compare/finding-messages.ts).
 */
export const Finding = z.object({
  type: FindingType,
  a: ClauseSide.optional(),
  b: ClauseSide.optional(),
  reason: z.string(),
  /** for conditional findings: the scope the higher clause names (省级贫困县…) */
  scope: z.string().optional(),
  code: FindingType.optional(),
  severity: Severity.optional(),
  message: z.string().optional(),
  sides: z.array(FindingSide).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Relation = z.enum(['binding', 'informational']);
export type Relation = z.infer<typeof Relation>;

/** One higher measure: covered or not, and the lower clause that comes closest with its score (coverage.ts). */
export const CoverageItem = z.object({
  taskId: z.string(),
  covered: z.boolean(),
  /** the lower clause sharing most of its weighted words, and that share (0–1) */
  best: z.object({ taskId: z.string(), score: z.number() }).optional(),
  /** the lower clause aligned with it (wording, a shared sentence, a quantity subject) and that similarity */
  aligned: z.object({ taskId: z.string(), similarity: z.number() }).optional(),
  /** why covered: alignment, or the word score reaching the threshold; null when not covered */
  via: z.enum(['alignment', 'words']).nullable(),
});
export type CoverageItem = z.infer<typeof CoverageItem>;

export const Coverage = z.object({
  total: z.number().int(),
  covered: z.number().int(),
  percent: z.number(),
  uncovered: z.array(z.string()),
  /** the score a best candidate needs for the measure to count as covered */
  threshold: z.number().optional(),
  items: z.array(CoverageItem).optional(),
  /** 上级部署的 N 项任务中，本方案覆盖 M 项 */
  summary: z.string().optional(),
});
export type Coverage = z.infer<typeof Coverage>;

export const DiffResult = z.object({
  a: DocSummary,
  b: DocSummary,
  relation: Relation,
  /** which side governs the other, when relation is binding */
  higher: z.enum(['a', 'b']).nullable(),
  /** why binding: one body governs the other's place, or the lower document cites the higher as what it implements */
  relationBasis: z.enum(['jurisdiction', 'citation']).optional(),
  alignments: z.array(Alignment),
  findings: z.array(Finding),
  coverage: Coverage.optional(),
});
export type DiffResult = z.infer<typeof DiffResult>;
