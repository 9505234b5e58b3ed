// Comparable units. The extractor keeps units as written ("个月", "个工作日", "%") and folds only
// magnitudes (OUTPUT.md); comparing 2年 with 24个月 or 每季度 with 每月 is this file's job.
import type { Quantity } from '../model.js';

export type Dimension =
  | 'money'
  | 'percent'
  | 'percent-point'
  | 'ratio'
  | 'months'
  | 'days'
  | 'workdays'
  | 'length'
  | 'area'
  | 'count';

/** unit as written → dimension and the factor to its base unit (元, %, 个月, 日, 个工作日, 米, 平方米). */
export const UNIT_TABLE: Readonly<Record<string, { dimension: Dimension; factor: number }>> = {
  元: { dimension: 'money', factor: 1 },
  千元: { dimension: 'money', factor: 1e3 },
  万元: { dimension: 'money', factor: 1e4 },
  亿元: { dimension: 'money', factor: 1e8 },
  '%': { dimension: 'percent', factor: 1 },
  '％': { dimension: 'percent', factor: 1 },
  '‰': { dimension: 'percent', factor: 0.1 },
  个百分点: { dimension: 'percent-point', factor: 1 },
  百分点: { dimension: 'percent-point', factor: 1 },
  倍: { dimension: 'ratio', factor: 1 },
  年: { dimension: 'months', factor: 12 },
  周年: { dimension: 'months', factor: 12 },
  半年: { dimension: 'months', factor: 6 },
  个季度: { dimension: 'months', factor: 3 },
  季度: { dimension: 'months', factor: 3 },
  个月: { dimension: 'months', factor: 1 },
  月: { dimension: 'months', factor: 1 },
  周: { dimension: 'days', factor: 7 },
  个星期: { dimension: 'days', factor: 7 },
  星期: { dimension: 'days', factor: 7 },
  日: { dimension: 'days', factor: 1 },
  天: { dimension: 'days', factor: 1 },
  个自然日: { dimension: 'days', factor: 1 },
  小时: { dimension: 'days', factor: 1 / 24 },
  个小时: { dimension: 'days', factor: 1 / 24 },
  个工作日: { dimension: 'workdays', factor: 1 },
  工作日: { dimension: 'workdays', factor: 1 },
  米: { dimension: 'length', factor: 1 },
  千米: { dimension: 'length', factor: 1e3 },
  公里: { dimension: 'length', factor: 1e3 },
  平方米: { dimension: 'area', factor: 1 },
  亩: { dimension: 'area', factor: 10000 / 15 },
  公顷: { dimension: 'area', factor: 1e4 },
  平方公里: { dimension: 'area', factor: 1e6 },
};

/** "per what" words that are a period of time: a rate per 季度 becomes a rate per 月 (factor in months or days). */
export const PER_TIME: Readonly<Record<string, { family: 'month' | 'day'; factor: number }>> = {
  年: { family: 'month', factor: 12 },
  半年: { family: 'month', factor: 6 },
  季度: { family: 'month', factor: 3 },
  季: { family: 'month', factor: 3 },
  月: { family: 'month', factor: 1 },
  个月: { family: 'month', factor: 1 },
  周: { family: 'day', factor: 7 },
  星期: { family: 'day', factor: 7 },
  日: { family: 'day', factor: 1 },
  天: { family: 'day', factor: 1 },
};

export interface Comparable {
  /** quantities compare only when their keys are equal: dimension, counted thing, per-what */
  key: string;
  dimension: Dimension;
  /** in the base unit, per one month or one day where a period is given */
  value: number;
  /** upper end of a range, in the same terms */
  max?: number;
}

export function toComparable(q: Quantity): Comparable | null {
  if (!Number.isFinite(q.value)) return null;
  const unit = q.unit.trim();
  const known = UNIT_TABLE[unit];
  // An unknown unit still compares with itself: 户 with 户, 人 with 人.
  const dimension: Dimension = known?.dimension ?? 'count';
  let factor = known?.factor ?? 1;
  const perThings: string[] = [];
  let perTime = '';
  for (const p of q.per ?? []) {
    const t = PER_TIME[p];
    if (t && !perTime) {
      perTime = t.family;
      factor /= t.factor;
    } else perThings.push(p);
  }
  const counted = known ? '' : unit;
  const key = [dimension, counted, perThings.join('·'), perTime].join('|');
  return {
    key,
    dimension,
    value: q.value * factor,
    ...(q.max !== undefined ? { max: q.max * factor } : {}),
  };
}

/** Is this quantity a rate or a standard that binds everywhere, rather than a place's own total? */
export function isScaleFree(q: Quantity): boolean {
  const c = toComparable(q);
  if (!c) return false;
  // 28.56万人 or 189户 measure a place's size: a county's share is smaller than the province's by
  // nature. Percentages, multiples, durations, and anything per person/per month are not.
  if (c.dimension !== 'count' && c.dimension !== 'length' && c.dimension !== 'area' && c.dimension !== 'money') return true;
  return (q.per ?? []).length > 0 || q.kind === 'standard';
}

const EPSILON = 1e-9;

/** -1, 0 or 1 comparing two comparable values, tolerant of the float noise unit factors bring. */
export function compareValues(x: number, y: number): -1 | 0 | 1 {
  const scale = Math.max(1, Math.abs(x), Math.abs(y));
  if (Math.abs(x - y) <= EPSILON * scale) return 0;
  return x < y ? -1 : 1;
}
