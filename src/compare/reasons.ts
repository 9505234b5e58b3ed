// The one-sentence Chinese reasons findings carry, worded once here. Every sentence names both
// sides and the compared words, so a reader can check it against the two clauses without the tool.
import type { Deadline, Quantity } from '../model.js';

const COMPARATOR_WORD: Readonly<Record<string, string>> = { '>=': '至少', '>': '超过', '<=': '不超过', '<': '低于', '=': '' };

const RECURRENCE_WORD: Readonly<Record<string, string>> = {
  weekly: '周',
  monthly: '月',
  quarterly: '季度',
  semiannual: '半年',
  annual: '年',
};

const CHINESE_SMALL = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

function formatNumber(value: number, unit: string): string {
  // 30000元 reads as 3万元 in every notice; other units keep the digits as written.
  if (unit === '元' && value >= 10000 && value % 100 === 0) return `${value / 10000}万元`;
  return `${value}${unit}`;
}

/** "驻村时间每月至少10个工作日": subject, per-what, comparator, value and unit. */
export function describeQuantity(q: Quantity, withSubject = true): string {
  const per = (q.per ?? []).map((p) => `每${p}`).join('');
  const amount = q.max !== undefined ? `${q.value}-${formatNumber(q.max, q.unit)}` : formatNumber(q.value, q.unit);
  return `${withSubject && q.subject ? q.subject : ''}${per}${COMPARATOR_WORD[q.comparator ?? '='] ?? ''}${amount}`;
}

/** 2020-06-30 → 2020年6月30日, as the documents write dates. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** "每季度至少1次", "每两个月一次", "2020年6月30日前完成". */
export function describeDeadline(d: Deadline): string {
  if (d.kind === 'recurring' && d.recurrence) {
    const word = RECURRENCE_WORD[d.recurrence];
    const n = d.interval ?? 1;
    const every = n === 1 ? `每${word}` : `每${CHINESE_SMALL[n] ?? n}${word === '月' ? '个月' : word}`;
    return d.minCount !== undefined ? `${every}至少${d.minCount}次` : `${every}一次`;
  }
  if (d.kind === 'start') return `${d.date ? chineseDate(d.date) : d.text}起`;
  return `${d.date ? chineseDate(d.date) : d.text}前完成`;
}

export interface Names {
  /** the lower (or a's) side as officials name it: 本溪县 */
  lower: string;
  /** the higher side's level label: 省级 */
  higher: string;
}

export const REASONS = {
  belowMinimum: (n: Names, low: string, high: string) => `${n.lower}要求${low}，低于${n.higher}${high}的要求`,
  aboveMaximum: (n: Names, low: string, high: string) => `${n.lower}规定${low}，超出${n.higher}${high}的上限`,
  differsFromStandard: (n: Names, low: string, high: string) => `${n.lower}规定${low}，与${n.higher}规定的${high}不一致`,
  stricter: (n: Names, low: string, high: string) => `${n.lower}要求${low}，严于${n.higher}${high}的要求，符合上级规定`,
  same: (n: Names, low: string) => `${n.lower}与${n.higher}要求一致：${low}`,
  sameInOtherUnits: (n: Names, low: string, high: string) =>
    `${n.lower}的${low}与${n.higher}的${high}是同一标准，只是单位写法不同`,
  conditional: (n: Names, scope: string, clash: string) => {
    // A county is (or is not) a 贫困县 itself, but has (or has not) 深度贫困村 inside it.
    const verb = /(?:村|乡镇)$/u.test(scope) ? '有' : '属于';
    return `${n.higher}条款只适用于“${scope}”：若${n.lower}${verb}${scope}，则${clash}，请核实${n.lower}是否${verb}${scope}`;
  },
  laterDue: (n: Names, low: string, high: string) => `${n.lower}要求${low}，晚于${n.higher}要求的${high}`,
  earlierDue: (n: Names, low: string, high: string) => `${n.lower}要求${low}，早于${n.higher}要求的${high}，符合上级规定`,
  sameDue: (n: Names, low: string) => `${n.lower}与${n.higher}的完成时限一致：${low}`,
  rarer: (n: Names, low: string, high: string) => `${n.lower}要求${low}，频次低于${n.higher}${high}的要求`,
  moreOften: (n: Names, low: string, high: string) => `${n.lower}要求${low}，频次高于${n.higher}${high}的要求，符合上级规定`,
  sameFrequency: (n: Names, low: string) => `${n.lower}与${n.higher}的频次要求一致：${low}`,
  unrelated: (a: string, low: string, b: string, high: string, same: boolean) =>
    `${a}与${b}无上下级关系，仅供参考：${a}为${low}，${b}为${high}${same ? '，两者相同' : '，两者不同'}`,
  samePlace: (place: string, a: string, low: string, b: string, high: string, same: boolean) =>
    `同为${place}的文件，仅供参考：${a}为${low}，${b}为${high}${same ? '，两者相同' : '，两者不同'}`,
  inconsistentWithin: (title: string, x: string, y: string) => `《${title}》中同一指标前后不一致：一处为${x}，另一处为${y}`,
  deadlineBeforeIssue: (title: string, due: string, issued: string) =>
    `《${title}》要求${due}，早于发文日期${issued}，请核对时限是否有误`,
  uncovered: (lower: string, higher: string) => `${lower}方案中没有找到与这项${higher}措施对应的内容`,
  uncoveredNearest: (lower: string, higher: string, nearest: string, score: number, threshold: number) =>
    `${lower}方案中没有找到与这项${higher}措施对应的内容（最接近的是 ${nearest}，相似度 ${score.toFixed(2)}，低于 ${threshold.toFixed(2)}）`,
  reported: (title: string, reported: string, other: string, theirs: string, same: boolean) =>
    `《${title}》载明${reported}，${other}为${theirs}，${same ? '两者相同' : '两者不同'}；通报、快报所载数据仅供参考，不作为要求`,
  coverageSummary: (total: number, covered: number) => `上级部署的 ${total} 项任务中，本方案覆盖 ${covered} 项`,
  superseded: (older: string, newer: string, basis: string) => `《${older}》已被《${newer}》替代（${basis}）`,
  // compare: duty words (strength.ts)
  weakenedWord: (n: Names, high: string, low: string, what: string) => `${n.lower}将${n.higher}要求中的“${high}”改为“${low}”，${what}减弱`,
  droppedWord: (n: Names, high: string, what: string) => `${n.lower}删去了${n.higher}要求中的“${high}”，${what}减弱`,
  strengthenedWord: (n: Names, high: string, low: string) => `${n.lower}将${n.higher}要求中的“${high}”改为“${low}”，严于上级要求，符合上级规定`,
  addedWord: (n: Names, low: string) => `${n.lower}在${n.higher}要求上增加了“${low}”，严于上级要求，符合上级规定`,
  addedLimit: (n: Names, low: string, what: string) => `${n.lower}在${n.higher}要求上增加了“${low}”，${what}减弱`,
  droppedLimit: (n: Names, high: string) => `${n.lower}删去了${n.higher}要求中的“${high}”，严于上级要求，符合上级规定`,
  listNarrowed: (n: Names, item: string, highCount: number, lowCount: number) =>
    `${n.higher}列出${highCount}项，${n.lower}只列${lowCount}项，未列入“${item}”，适用范围缩小`,
} as const;
