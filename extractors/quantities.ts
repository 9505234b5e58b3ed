// 数量指标: targets to reach and standards to apply, each with value in base units, the unit as
// written, the per-units, the comparator and the words it came from (OUTPUT.md "Conventions").
import type { Comparator, Quantity } from '../src/model.js';
import { findDocNumbers } from './doc-numbers.js';
import { foldWidth, parseChineseNumber } from './numerals.js';
import {
  isClauseNumber, isDatePart, isPageNumber, isPhoneNumber, isPlaceName, isShareCounter, isSloganNumeral, isTimeOfDay,
  isUnitDesignation, isVersionNumber,
} from './predicates.js';
import { QUALIFIER_BEFORE, RATIO_UNITS, coordinatedPeriod, perChainBefore, perSlashes } from './quantity-per.js';

export const meta = {
  name: 'quantities',
  description: '数量指标: value, unit, per-units, comparator and kind (target or standard) of every measured number',
} as const;

// ---- word tables ------------------------------------------------------------------------------

/** Measure words kept as written; longest first so 个工作日 wins over 个. */
const MEASURE_WORDS = [
  '个工作日', '个百分点', '个自然日', '工作日', '百分点', '个月', '平方公里', '平方千米', '千瓦时', '千瓦', '平方米', '立方米', '公里', '千米', '公斤',
  '千克', '公顷', '小时', '分钟', '学时', '课时', '人次', '户次', '周岁', '元', '人', '名', '户', '家', '个', '所', '座', '条', '项', '种', '次',
  '倍', '亩', '吨', '头', '只', '处', '间', '套', '台', '辆', '批', '天', '岁', '年', '份', '件', '场', '张', '篇', '支',
  '眼', '床', '位', '口', '棵', '株', '米', '日', '%', '‰',
] as const;

/** Units that count only with a word after them: "30日内" is a span, "5月30日" a date. */
const NEEDS_AFTER: Readonly<Record<string, RegExp>> = { 日: /^\s*内/u };

/** Where no measure word follows, the unit is what is counted ("28.56万贫困人口" → 人). */
const COUNTED_NOUNS: Readonly<Record<string, string>> = {
  贫困人口: '人', 建档立卡贫困人口: '人', 人口: '人', 贫困群众: '人', 群众: '人', 劳动力: '人', 贫困户: '户', 农户: '户',
};

const COMPARATOR_BEFORE: Readonly<Record<string, Comparator>> = {
  不少于: '>=', 不低于: '>=', 不小于: '>=', 至少: '>=', 最少: '>=', 最低: '>=',
  不超过: '<=', 未超过: '<=', 没有超过: '<=', 不高于: '<=', 不多于: '<=', 不大于: '<=', 最多: '<=', 最高: '<=', 控制在: '<=',
  低于: '<', 未达到: '<', 少于: '<', 小于: '<', 高于: '>', 超过: '>', 多于: '>', 大于: '>',
  达到: '=', 提高到: '=', 提高至: '=', 增加到: '=', 降低到: '=', 降至: '=',
};
const COMPARATOR_AFTER: Readonly<Record<string, Comparator>> = {
  及以上: '>=', 以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 之内: '<=',
};
/** "30个工作日内", "3个月内": within a time span; after a count ("3个乡镇内") 内 is a place, not a bound. */
const WITHIN = '内';
const TIME_UNITS = new Set(['个工作日', '工作日', '个自然日', '个月', '小时', '分钟', '天', '日', '年', '周']);

/** Characters that make the unit part of another word: 三至六年级 (a grade), 90年代 (a decade). */
const UNIT_WORD_CONTINUES: Readonly<Record<string, RegExp>> = { 年: /^[级代]/u };

/** "20余家", "10多个": more than the number. */
const APPROXIMATE_MORE = /^[余多]/u;

/** Words that make a number a standard (a rate, subsidy or norm) rather than a count to reach. */
const STANDARD_WORDS = /标准|补助|补贴|资助|奖补|奖励|救助|给予|发放|报销|筹资|供养|减收|减免|费用|比例/u;
/** Verbs that make a per-unit figure something to reach ("每村实现…收入3万元以上"). */
const TARGET_VERBS = /实现|达到|完成|确保/u;


// ---- patterns ---------------------------------------------------------------------------------

const ARABIC = '\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:十万|百万|千万|万亿|亿|万|千(?![米克瓦伏帕]))?';
const CHINESE = '[零〇一二两三四五六七八九十百千万亿]+';
const PERCENT_WORDS = '百分之(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百点]+)';
const NUMBER = `(?:${PERCENT_WORDS}|${ARABIC}|${CHINESE})`;
const RANGE = `(?<a>${NUMBER})(?:\\s*[-—–~～至到]\\s*(?<b>${NUMBER}))?`;
const NUMBER_RE = new RegExp(`(?<![\\d.,])${RANGE}`, 'gu');
/** "20万元至50万元", "3公里—5公里": a range that writes its unit twice; the unit is checked by the caller. */
const RANGE_TAIL = new RegExp(`^\\s*[-—–~～至到]\\s*(${NUMBER})\\s*`, 'u');
const DOUBLING = /翻(?<n>一|两|二|三)番/gu;
const PUNCTUATION = /[，。；;：:、！!？?\n（）()“”《》]/u;
/** Longest first, so 不低于 is read before 低于 can match inside it. */
const COMPARATOR_BEFORE_RE = new RegExp(Object.keys(COMPARATOR_BEFORE).sort((a, b) => b.length - a.length).join('|'), 'gu');
const COMPARATOR_AFTER_WORDS = Object.keys(COMPARATOR_AFTER).sort((a, b) => b.length - a.length);
const COUNTED_NOUN_WORDS = Object.keys(COUNTED_NOUNS).sort((a, b) => b.length - a.length);

// ---- readers ----------------------------------------------------------------------------------

function longest(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w));
}

/** The clause a number sits in, back to the last punctuation: comparators and 每 chains live there. */
function clauseBefore(text: string, start: number): string {
  let i = start;
  for (;;) {
    while (i > 0 && !PUNCTUATION.test(text[i - 1])) i--;
    // a short qualifier in brackets ("每个乡镇（街道）至少…") is part of the clause, not its edge
    const qualifier = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, i - 12), i));
    if (!qualifier || i - qualifier[0].length === 0) return text.slice(i, start);
    i -= qualifier[0].length;
  }
}

/** The nearest comparator word before the number in its clause, and whether it touches the number. */
function comparatorBefore(clause: string): { c: Comparator; adjacent: number } | null {
  let last: RegExpExecArray | null = null;
  for (const m of clause.matchAll(COMPARATOR_BEFORE_RE)) last = m;
  if (!last) return null;
  const gap = clause.slice(last.index + last[0].length);
  // another number between the word and ours means the word was about that one
  if (/\d/u.test(gap)) return null;
  return { c: COMPARATOR_BEFORE[last[0]], adjacent: gap.trim() === '' ? last[0].length : 0 };
}


function readNumber(s: string): number | null {
  return parseChineseNumber(s.replace(/\s+/gu, ''));
}

/** The phrase naming what is counted: a noun right after the unit, else the clause words before. */
function subjectOf(clause: string, afterUnit: string): string | undefined {
  const next = /^[\u4e00-\u9fa5A-Za-z]{2,10}/u.exec(afterUnit)?.[0].split(/的|和|与|及|进行|开展|以上|以下/u)[0];
  if (next && next.length >= 2 && !/^(?:以|及|左右|用于|进|到|的|政策|标准|资金|等)/u.test(next)) return next;
  const words = clause
    .replace(/每\s*(?:个|名|位)?\s*[\u4e00-\u9fa5]/gu, '')
    .replace(COMPARATOR_BEFORE_RE, '')
    .replace(/^(?:全[县市省区乡镇村]|新增|新建|新培育|培育|发展|打造|建成|完成|实现|全部|累计|共|继续|力争|确保|按照)+/u, '')
    .replace(/的$/u, '')
    .trim();
  return words.length >= 2 ? words.slice(-12) : undefined;
}

// ---- entry point ------------------------------------------------------------------------------

/** Numbers that are labels, dates or names rather than measures (predicates.ts, each tested alone). */
const NOT_QUANTITY_PREDICATES = [
  isPhoneNumber, isVersionNumber, isUnitDesignation, isClauseNumber, isPageNumber,
  isTimeOfDay, isDatePart, isShareCounter, isSloganNumeral, isPlaceName,
] as const;

/** Every measured number in a text, in the order written. */
export function extractQuantities(input: string): Quantity[] {
  const text = foldWidth(input);
  const out: Quantity[] = [];
  // 发文字号 spans once per text (isInDocNumber would search the whole text again for every number)
  const docNumbers = findDocNumbers(text);
  const isNotAQuantity = (s: number, e: number) =>
    docNumbers.some((d) => s >= d.start && e <= d.end) || NOT_QUANTITY_PREDICATES.some((p) => p(text, s, e));
  let consumed = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index!;
    if (start < consumed) continue; // the upper end of a range read with its lower end
    const a = m.groups!.a;
    const b = m.groups!.b;
    const numEnd = start + m[0].length;
    const firstEnd = start + a.length;
    const isPercentWord = a.startsWith('百分之');
    if (isNotAQuantity(start, firstEnd) || (b !== undefined && isNotAQuantity(numEnd - b.length, numEnd))) continue;
    const value = readNumber(a);
    let max = b !== undefined ? readNumber(b) : null;
    if (value === null || (b !== undefined && max === null)) continue;
    let rest = text.slice(numEnd);
    let cursor = numEnd;
    let comparator: Comparator = '=';
    if (APPROXIMATE_MORE.test(rest) && !isPercentWord) {
      comparator = '>';
      rest = rest.slice(1);
      cursor++;
    }
    const gap = /^\s*/u.exec(rest)![0];
    let unit = isPercentWord ? '%' : longest(rest.slice(gap.length), MEASURE_WORDS);
    let countedNoun: string | undefined;
    if (unit === undefined) {
      countedNoun = longest(rest.slice(gap.length), COUNTED_NOUN_WORDS);
      if (!countedNoun) continue;
      unit = COUNTED_NOUNS[countedNoun];
      cursor += gap.length + countedNoun.length;
    } else if (!isPercentWord) cursor += gap.length + unit.length;
    if (UNIT_WORD_CONTINUES[unit]?.test(text.slice(cursor))) continue;
    if (NEEDS_AFTER[unit] && !NEEDS_AFTER[unit].test(text.slice(cursor))) continue;
    if (b === undefined && !countedNoun) {
      const tail = RANGE_TAIL.exec(text.slice(cursor));
      const upper = tail ? readNumber(tail[1]) : null;
      if (tail && upper !== null && text.startsWith(unit, cursor + tail[0].length) && upper > value) {
        max = upper;
        cursor += tail[0].length + (isPercentWord ? 0 : unit.length);
        consumed = cursor;
      }
    }
    const chinese = /^[零〇一二两三四五六七八九十百千万亿]/u.test(a);
    if (chinese && unit === '年' && b === undefined) continue; // 三年行动: a programme's name, not a duration
    // 二次分拣, 二级: counting says 两次, so a lone 二 is an ordinal; 为零 is no count either
    if (chinese && (a === '二' || value === 0)) continue;
    // 每两个月, 每3年: a frequency, which deadlines.ts reports
    if (/每\s*$/u.test(text.slice(0, start)) && /^(?:个月|年|周|天|日|小时)$/u.test(unit)) continue;
    const clause = clauseBefore(text, start);
    const before = comparatorBefore(clause);
    const chain = perChainBefore(clause, RATIO_UNITS.has(unit)) ?? coordinatedPeriod(text, start);
    // a lone Chinese 一 (一批, 一户, 一个) is an article, unless a comparator or a 每 chain makes it a count
    if (chinese && value === 1 && !before && !chain) continue;
    const slashes = perSlashes(text.slice(cursor));
    cursor += slashes.length;
    const suffixGap = /^\s*/u.exec(text.slice(cursor))![0].length;
    const suffix = longest(text.slice(cursor + suffixGap), COMPARATOR_AFTER_WORDS);
    if (before) comparator = before.c;
    if (suffix) {
      comparator = COMPARATOR_AFTER[suffix];
      cursor += suffixGap + suffix.length;
    } else if (TIME_UNITS.has(unit) && text.startsWith(WITHIN, cursor + suffixGap)) {
      comparator = '<=';
      cursor += suffixGap + WITHIN.length;
    }
    const per = slashes.per.length ? slashes.per : chain?.per ?? [];
    const textStart = before?.adjacent ? start - before.adjacent : start;
    const clauseAfter = text.slice(cursor, cursor + 12).split(PUNCTUATION)[0];
    const standard = per.length > 0
      ? !TARGET_VERBS.test(chain?.between ?? '') || slashes.per.length > 0
      : STANDARD_WORDS.test(clause) || STANDARD_WORDS.test(clauseAfter);
    const q: Quantity = {
      text: input.slice(textStart, cursor),
      kind: standard ? 'standard' : 'target',
      value,
      unit,
      comparator,
      where: { start: textStart, end: cursor },
    };
    if (max !== null) q.max = max;
    if (per.length) q.per = per;
    const subject = countedNoun ?? subjectOf(clause, text.slice(cursor));
    if (subject) q.subject = subject;
    out.push(q);
  }
  for (const m of text.matchAll(DOUBLING)) {
    const n = parseChineseNumber(m.groups!.n)!;
    const suffix = longest(text.slice(m.index! + m[0].length), COMPARATOR_AFTER_WORDS);
    const end = m.index! + m[0].length + (suffix?.length ?? 0);
    out.push({
      text: input.slice(m.index!, end), kind: 'target', value: 2 ** n, unit: '倍',
      comparator: suffix ? COMPARATOR_AFTER[suffix] : '=', where: { start: m.index!, end },
    });
  }
  return inheritListPer(text, out.sort((x, y) => x.where!.start! - y.where!.start!));
}

/**
 * "每生每年小学1000元、初中1250元": later items of the same list share the per-units of the first.
 * Only across 、 or ， with a short label between, and only for the same unit.
 */
function inheritListPer(text: string, qs: Quantity[]): Quantity[] {
  for (let i = 1; i < qs.length; i++) {
    const prev = qs[i - 1];
    const cur = qs[i];
    if (cur.per || !prev.per || prev.unit !== cur.unit) continue;
    const between = text.slice(prev.where!.end, cur.where!.start);
    if (/^[，、,]\s*[\u4e00-\u9fa5]{0,6}$/u.test(between)) {
      cur.per = prev.per;
      cur.kind = prev.kind;
    }
  }
  // "本科5000元、专科3000元的标准": a list named a standard at its end is a list of standards
  for (let i = qs.length - 2; i >= 0; i--) {
    const [cur, next] = [qs[i], qs[i + 1]];
    const between = text.slice(cur.where!.end, next.where!.start);
    if (cur.unit === next.unit && next.kind === 'standard' && /^[、，,]\s*[\u4e00-\u9fa5]{0,6}$/u.test(between)) cur.kind = 'standard';
  }
  return qs;
}
