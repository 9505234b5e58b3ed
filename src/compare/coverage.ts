// How much of a higher document's measures a lower plan takes up. Each higher measure gets its best
// lower candidate and a score: the share of the measure's weighted word pairs (character bigrams,
// weighted by how rare they are across both documents) that the candidate also writes. A plan
// restates rather than copies, so whole-clause alignment alone misses most covered measures; a few
// shared common words (加强, 工作, 脱贫攻坚) weigh little, so they no longer cover anything.
import type { ExtractResult, Task } from '../model.js';
import { REASONS } from './reasons.js';
import { clauseSide, placeName } from './rules.js';
import type { Coverage, CoverageItem, Finding } from './schema.js';
import { LEVEL_LABEL, effectiveJurisdiction } from './jurisdiction-relation.js';
import { normalizeForShingles } from './shingles.js';

/**
 * A measure is covered when a lower clause aligns with it (its wording, a shared sentence of 8+
 * characters at half similarity — sentence-align.ts — or a quantity subject), or, failing that,
 * when its best lower candidate's word score reaches this.
 *
 * Measured (score = weighted shared bigrams / geometric mean of both clauses' weights):
 * - corpus pair (liaoning-2019-opinion → benxi-2020, 50 measures): 32 align with a county clause;
 *   the other 18 have best word scores 0.04–0.19. Read by hand, 2 of those 18 are taken up in
 *   other words (#5.2 定点扶贫 0.11, #2.6 生态扶贫 0.11) and are missed.
 * - real pair (tests/fixtures/compare/real: 消防法 → 太原市消防条例, opening articles): the best
 *   unaligned candidates score 0.26 and below; the one true rewording among them (第四条第三款
 *   森林、草原 ↔ 第二条第二款 森林消防, 0.24) is missed, the wrong candidate above it (0.26) too.
 * - planted pairs (tests/compare/coverage.test.ts): measures restated in other words reach 0.35+.
 * 0.35 sits above every wrong candidate measured. The old rule (4 shared 3-character shingles, 25%
 * of the shorter clause) called a measure covered by a clause sharing a few common words; scoring
 * against the shorter side alone did the same with one-line clauses ("按照法律、法规的规定执行").
 * See docs/compare-real-pair.md.
 */
export const COVERAGE_THRESHOLD = 0.35;

/**
 * Articles that state a purpose, define a term, or say when the text takes effect or who explains
 * it lay no duty on anyone: not measures to cover.
 */
export const NOT_MEASURE: readonly RegExp[] = [
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?为(?:了)?[^。]{0,80}(?:制定|特制定)本(?:法|条例|办法|规定|细则|意见|方案|措施)/u,
  /本(?:法|条例|办法|规定|细则|意见|方案)(?:中)?所称(?:的)?[^。]{0,60}(?:是指|指)/u,
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?[^。]{0,40}，是指[^。]+。?$/u,
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?本(?:法|条例|办法|规定|细则|意见|方案|措施)自[^。]{0,30}(?:起施行|施行)/u,
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?本(?:法|条例|办法|规定|细则|意见|方案|措施)由[^。]{0,30}负责解释/u,
  /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?本(?:法|条例|办法|规定|细则)(?:下列|中下列)?用语的含义/u,
  // A chapter or section title on its own ("第二章 火灾预防") lays nothing.
  /^第[一二三四五六七八九十百零〇\d]+[编章节]\s*[^。；;，,]{0,20}$/u,
];

export function isMeasure(t: Task): boolean {
  if (t.kind === 'target' || t.superseded) return false;
  const text = t.text.trim();
  return !NOT_MEASURE.some((re) => re.test(text));
}

function bigrams(text: string): Set<string> {
  const s = normalizeForShingles(text).chars;
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

export interface CoverageScorer {
  /** share of the higher clause's weighted bigrams the lower clause also has, 0–1 */
  score(high: Task, low: Task): number;
}

/** Bigram weights (idf) over the clauses of the higher document. */
export function coverageScorer(higher: readonly Task[], lower: readonly Task[]): CoverageScorer {
  const sets = new Map<Task, Set<string>>();
  for (const t of lower) sets.set(t, bigrams(t.text));
  // Rarity inside the higher document: the field's own words (脱贫, 攻坚, 消防) run through every
  // measure and weigh little; the words that set one measure apart (督查, 考核, 农网) weigh most.
  const df = new Map<string, number>();
  for (const t of higher) {
    const set = bigrams(t.text);
    sets.set(t, set);
    for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = higher.length;
  // Weights and clause totals are computed once: scoring is every measure against every lower clause.
  const weights = new Map<string, number>();
  const weight = (g: string) => {
    let w = weights.get(g);
    if (w === undefined) weights.set(g, (w = Math.log((n + 1) / (df.get(g) ?? 1))));
    return w;
  };
  const totals = new Map<Set<string>, number>();
  const total = (set: Set<string>) => {
    let t = totals.get(set);
    if (t === undefined) {
      t = 0;
      for (const g of set) t += weight(g);
      totals.set(set, t);
    }
    return t;
  };
  return {
    score(high, low) {
      const h = sets.get(high) ?? bigrams(high.text);
      const l = sets.get(low) ?? bigrams(low.text);
      let shared = 0;
      for (const g of h) if (l.has(g)) shared += weight(g);
      // Against both sides (the geometric mean of the two shares): a short county sentence that
      // restates one duty of a long provincial paragraph still scores, but a one-line clause sharing
      // a few common words ("按照法律、法规的规定执行") no longer covers a long article.
      const norm = Math.sqrt(total(h) * total(l));
      return norm > 0 ? shared / norm : 0;
    },
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Each higher measure: covered or not, its best lower candidate by words and its score. `aligned`
 * maps a higher task id to the lower clauses aligned with it and the similarity of the best aligned
 * sentence; an aligned measure is covered whatever its word score.
 */
export function coverageOf(
  higher: ExtractResult,
  lower: ExtractResult,
  aligned: ReadonlyMap<string, readonly { taskId: string; similarity: number }[]>,
): { coverage: Coverage; findings: Finding[] } {
  const measures = higher.tasks.filter(isMeasure);
  const scorer = coverageScorer(higher.tasks, lower.tasks);
  const items: CoverageItem[] = measures.map((h) => {
    let best: { taskId: string; score: number } | null = null;
    for (const l of lower.tasks) {
      const s = scorer.score(h, l);
      if (!best || s > best.score) best = { taskId: l.id, score: s };
    }
    const partners = [...(aligned.get(h.id) ?? [])].sort((x, y) => y.similarity - x.similarity);
    const score = best ? round2(best.score) : 0;
    const via = partners.length > 0 ? ('alignment' as const) : score >= COVERAGE_THRESHOLD ? ('words' as const) : null;
    return {
      taskId: h.id,
      covered: via !== null,
      via,
      ...(best ? { best: { taskId: best.taskId, score } } : {}),
      ...(partners.length > 0 ? { aligned: { taskId: partners[0].taskId, similarity: partners[0].similarity } } : {}),
    };
  });

  const uncovered = items.filter((i) => !i.covered);
  const total = items.length;
  const hit = total - uncovered.length;
  const hj = effectiveJurisdiction(higher.document);
  const higherLabel = hj ? LEVEL_LABEL[hj.level] : '上级';
  const byId = new Map(higher.tasks.map((t) => [t.id, t]));
  return {
    coverage: {
      total,
      covered: hit,
      percent: total > 0 ? Math.round((hit / total) * 1000) / 10 : 100,
      uncovered: uncovered.map((i) => i.taskId),
      threshold: COVERAGE_THRESHOLD,
      items,
      summary: REASONS.coverageSummary(total, hit),
    },
    findings: uncovered.map((i) => ({
      type: 'uncovered' as const,
      a: clauseSide(higher.document, byId.get(i.taskId)!),
      reason: i.best
        ? REASONS.uncoveredNearest(placeName(lower.document), higherLabel, i.best.taskId, i.best.score, COVERAGE_THRESHOLD)
        : REASONS.uncovered(placeName(lower.document), higherLabel),
    })),
  };
}
