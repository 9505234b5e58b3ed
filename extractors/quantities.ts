// 数量指标: targets to reach and standards to apply, each with value in base units, the unit as
// written, the per-units, the comparator and the words it came from (OUTPUT.md "Conventions").
import type { Comparator, Quantity } from '../src/model.js';
import { findDocNumbers } from './doc-numbers.js';
import { foldWidth, parseChineseNumber, parseMixedMagnitudes } from './numerals.js';
import {
  isClauseNumber, isDatePart, isDaySpan, isInBookTitle, isInUrl, isPageNumber, isPhoneNumber, isPlaceName, isPolicyPackage,
  isSectionNumber, isShareCounter, isSloganNumeral, isTimeOfDay, isUnitDesignation, isVersionNumber, opensLine,
} from './predicates.js';
import {
  APPROXIMATE_AFTER, APPROXIMATE_BEFORE, NOT_APPROXIMATE_AFTER_JIN, COMPARATOR_AFTER, COMPARATOR_BEFORE, COUNTED_NOUNS, LABEL_WORD_AFTER_UNIT, LABEL_WORD_ANYWHERE, MEASURE_WORDS,
  STANDARD_WORDS, TARGET_VERBS, TIME_UNITS, UNIT_WORD_CONTINUES, WITHIN,
} from './quantity-words.js';
import { QUALIFIER_BEFORE, RATIO_UNITS, coordinatedPeriod, perChainBefore, perSlashes } from './quantity-per.js';

export const meta = {
  name: 'quantities',
  description: '数量指标: value, unit, per-units, comparator and kind (target or standard) of every measured number',
} as const;

// ---- patterns ---------------------------------------------------------------------------------

const ARABIC =
  '\\d+(?:\\.\\d+)?亿\\d+(?:\\.\\d+)?万|\\d+万\\d+千(?![米克瓦伏帕])|\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:十万|百万|千万|万亿|亿|万|千(?![米克瓦伏帕]))?';
/** Chinese numerals, the 大写 forms of financial writing (贰拾万, 壹佰) included. */
const CHINESE = '[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?';
const CHINESE_START = /^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/u;
const PERCENT_WORDS = '[百千]分之(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百点]+)';
const NUMBER = `(?:${PERCENT_WORDS}|${ARABIC}|${CHINESE})`;
/** The dashes and words joining the two bounds of a range ("3-5个", "2－4项", "1～2名", "10万元至30万元"). */
const JOINER = '[-－—–~～〜至到]';
const RANGE = `(?<a>${NUMBER})(?:\\s*${JOINER}\\s*(?<b>${NUMBER}))?`;
/** 负 before a number makes it negative ("增长负2.5%"). */
const NUMBER_RE = new RegExp(`(?<![\\d.,])(?<neg>负\\s*)?${RANGE}`, 'gu');
/** "20万元至50万元", "3公里—5公里": a range that writes its unit twice; the unit is checked by the caller. */
const RANGE_TAIL = new RegExp(`^\\s*${JOINER}\\s*(${NUMBER})\\s*`, 'u');
const DOUBLING = /翻(?<n>一|两|二|三)番/gu;
const PUNCTUATION = /[，。；;：:、！!？?\n（）()“”《》]/u;
/** Longest first, so 不低于 is read before 低于 can match inside it. */
const COMPARATOR_BEFORE_RE = new RegExp(Object.keys(COMPARATOR_BEFORE).sort((a, b) => b.length - a.length).join('|'), 'gu');
const COMPARATOR_AFTER_WORDS = Object.keys(COMPARATOR_AFTER).sort((a, b) => b.length - a.length);
const COUNTED_NOUN_WORDS = Object.keys(COUNTED_NOUNS).sort((a, b) => b.length - a.length);
/** "20余家", "10多个": more than the number, and an estimate. */
const APPROXIMATE_MORE = /^[余多]/u;
/** "一年半", "两个月半" is not written; "三个半月" is: a half after the unit or before it. */
const INCLUSIVE = /^\s*[（(]\s*含\s*[)）]\s*/u;
const BARE_MAGNITUDE: Readonly<Record<string, number>> = { 百: 100, 千: 1000, 万: 10000 };
const WORDS_ENDING_IN_YUE = /[签履违节制预合集公特邀守毁续解缔践条契婚]约$/u;
const HALF_AFTER_UNIT = new Set(['年', '天', '小时']);

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
  // 千分之五 reads as 百分之五 would, in its own unit ‰
  const compact = s.replace(/\s+/gu, '').replace(/^千分之/u, '百分之');
  return parseChineseNumber(compact) ?? parseMixedMagnitudes(compact);
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

/** Numbers that are labels, dates, addresses or names rather than measures (predicates.ts, each tested alone). */
const NOT_QUANTITY_PREDICATES = [
  isPhoneNumber, isVersionNumber, isUnitDesignation, isClauseNumber, isPageNumber, isTimeOfDay, isDatePart, isShareCounter,
  isSloganNumeral, isPlaceName, isSectionNumber, isInUrl, isPolicyPackage,
] as const;

export interface QuantityContext {
  /** the plan's own title: a scope it names ("3岁以下婴幼儿") is the plan's subject, not a target */
  title?: string;
}

/**
 * The bound and the words after it repeat a phrase of the title ("促进3岁以下婴幼儿照护服务"): a scope
 * of the whole plan. Only bounds: "新建100所幼儿园" repeated from a title is still its target.
 */
function repeatsTitleScope(title: string | undefined, qText: string, after: string): boolean {
  if (!title) return false;
  const next = /^[\u4e00-\u9fa5]{2}/u.exec(after)?.[0];
  return next !== undefined && title.replace(/\s+/gu, '').includes(qText.replace(/\s+/gu, '') + next);
}

/** Every measured number in a text, in the order written. */
export function extractQuantities(input: string, ctx: QuantityContext = {}): Quantity[] {
  const text = foldWidth(input);
  const out: Quantity[] = [];
  // 发文字号 spans once per text (isInDocNumber would search the whole text again for every number)
  const docNumbers = findDocNumbers(text);
  const isNotAQuantity = (s: number, e: number) =>
    docNumbers.some((d) => s >= d.start && e <= d.end) || isInBookTitle(text, s) || NOT_QUANTITY_PREDICATES.some((p) => p(text, s, e));
  let consumed = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const negative = m.groups!.neg !== undefined;
    const start = m.index! + (m.groups!.neg?.length ?? 0);
    if (start < consumed) continue; // the upper end of a range read with its lower end
    const a = m.groups!.a;
    const b = m.groups!.b;
    const numEnd = m.index! + m[0].length;
    const firstEnd = start + a.length;
    const isPercentWord = /^[百千]分之/u.test(a);
    const percentUnit = a.startsWith('千分之') ? '‰' : '%';
    if (isNotAQuantity(start, firstEnd) || (b !== undefined && isNotAQuantity(numEnd - b.length, numEnd))) continue;
    // 百余家, 千余人: a bare magnitude counts only before 余/多 (千家万户 is no count)
    let value = /^[百千万]$/u.test(a) && b === undefined && APPROXIMATE_MORE.test(text.slice(numEnd)) ? BARE_MAGNITUDE[a] : readNumber(a);
    let max = b !== undefined ? readNumber(b) : null;
    if (value === null || (b !== undefined && max === null)) continue;
    let rest = text.slice(numEnd);
    let cursor = numEnd;
    let comparator: Comparator = '=';
    let approximate = false;
    if (APPROXIMATE_MORE.test(rest) && !isPercentWord) {
      comparator = '>';
      approximate = true;
      rest = rest.slice(1);
      cursor++;
    }
    const gap = /^\s*/u.exec(rest)![0];
    let unit = isPercentWord ? percentUnit : longest(rest.slice(gap.length), MEASURE_WORDS);
    let countedNoun: string | undefined;
    if (unit === undefined) {
      countedNoun = longest(rest.slice(gap.length), COUNTED_NOUN_WORDS);
      if (!countedNoun) continue;
      unit = COUNTED_NOUNS[countedNoun];
      cursor += gap.length + countedNoun.length;
    } else if (!isPercentWord) cursor += gap.length + unit.length;
    if (UNIT_WORD_CONTINUES[unit]?.test(text.slice(cursor))) continue;
    // "1项目申请报告", "3种子处理" opening a line or cell: a serial label before a word, not a count
    if (!b && LABEL_WORD_AFTER_UNIT[unit]?.test(text.slice(cursor)) && opensLine(text, m.index!)) continue;
    if (!b && LABEL_WORD_ANYWHERE[unit]?.test(text.slice(cursor))) continue;
    // 日 counts only as a span ("30日内", "公示期为7日"); "5月30日" is a date
    if (unit === '日' && !isDaySpan(text, start, firstEnd)) continue;
    if (unit === '元' && text[cursor] === '整') cursor++; // 人民币壹佰元整
    let half = false;
    if (HALF_AFTER_UNIT.has(unit) && text[cursor] === '半' && !/^半[年月]/u.test(text.slice(cursor))) {
      value += 0.5;
      half = true;
      cursor++;
    }
    if (b === undefined && !countedNoun) {
      const tail = RANGE_TAIL.exec(text.slice(cursor));
      const upper = tail ? readNumber(tail[1]) : null;
      if (tail && upper !== null && text.startsWith(unit, cursor + tail[0].length) && upper > value) {
        max = upper;
        cursor += tail[0].length + (isPercentWord ? 0 : unit.length);
        consumed = cursor;
      }
    }
    const chinese = CHINESE_START.test(a);
    // "二 十 七 条" from a letter-spaced PDF: the tail of a numeral split by spaces cannot be read alone
    if (chinese && /[零〇一二两三四五六七八九十百千万]\s+$/u.test(text.slice(Math.max(0, start - 3), start))) continue;
    // a lone 大写 digit is a name (陆家嘴, 伍家岗) unless it is money
    if (/^[壹贰叁肆伍陆柒捌玖]$/u.test(a) && unit !== '元') continue;
    // 60分 is a score; 十分重要 is "very"
    if (chinese && unit === '分') continue;
    // 二次分拣, 二级: counting says 两次, so a lone 二 is an ordinal; 为零 is no count either
    if (chinese && (a === '二' || value === 0)) continue;
    // 每两个月, 每3年: a frequency, which deadlines.ts reports; 前三个季度 is a period, also theirs
    const lead = text.slice(Math.max(0, start - 8), start);
    if (/每\s*$/u.test(lead) && /^(?:个月|年|周|天|日|小时|个季度)$/u.test(unit)) continue;
    if (/前\s*$/u.test(lead) && unit === '个季度') continue;
    const clause = clauseBefore(text, start);
    const before = comparatorBefore(clause);
    const chain = perChainBefore(clause, RATIO_UNITS.has(unit)) ?? coordinatedPeriod(text, start);
    const slashes = perSlashes(text.slice(cursor));
    cursor += slashes.length;
    // "10万元（含）以下": the bound includes the number, which 以下 says already
    const inclusive = INCLUSIVE.exec(text.slice(cursor));
    const suffixGap = inclusive && longest(text.slice(cursor + inclusive[0].length), COMPARATOR_AFTER_WORDS)
      ? inclusive[0].length : /^\s*/u.exec(text.slice(cursor))![0].length;
    const suffix = longest(text.slice(cursor + suffixGap), COMPARATOR_AFTER_WORDS);
    let within = false;
    if (before) comparator = before.c;
    if (suffix) {
      comparator = COMPARATOR_AFTER[suffix];
      cursor += suffixGap + suffix.length;
    } else if (TIME_UNITS.has(unit) && text.startsWith(WITHIN, cursor + suffixGap)) {
      comparator = '<=';
      within = true;
      cursor += suffixGap + WITHIN.length;
    }
    // a lone Chinese 一 (一批, 一户, 一个) is an article, unless a comparator, a bound or a 每 chain makes it a count
    if (chinese && value === 1 && !before && !chain && !suffix && !within) continue;
    // 三年行动: a programme's name; a Chinese count of years is a duration only with a bound or a half
    if (chinese && unit === '年' && b === undefined && max === null && !half && !suffix && !before && !within) continue;
    const approxAfter = longest(text.slice(cursor), APPROXIMATE_AFTER);
    if (approxAfter) {
      approximate = true;
      cursor += approxAfter.length;
    }
    // 签约, 节约, 违约: 约 closing another word is no estimate
    const approxBefore = APPROXIMATE_BEFORE.find((w) => lead.endsWith(w)
      && !(w === '约' && WORDS_ENDING_IN_YUE.test(lead))
      && !(w === '近' && (NOT_APPROXIMATE_AFTER_JIN.has(unit!) || /[最附临]近$/u.test(lead))));
    if (approxBefore) approximate = true;
    const per = [...(chain && slashes.per.length ? chain.per : []), ...(slashes.per.length ? slashes.per : chain?.per ?? [])]
      .filter((x, i, all) => all.indexOf(x) === i);
    const textStart = before?.adjacent
      ? start - before.adjacent
      : approxBefore ? start - approxBefore.length : negative ? m.index! : start;
    if ((comparator !== '=' || max !== null) && repeatsTitleScope(ctx.title, text.slice(textStart, cursor), text.slice(cursor))) continue;
    const clauseAfter = text.slice(cursor, cursor + 12).split(PUNCTUATION)[0];
    const standard = per.length > 0
      ? !TARGET_VERBS.test(chain?.between ?? '') || slashes.per.length > 0
      : STANDARD_WORDS.test(clause) || STANDARD_WORDS.test(clauseAfter);
    const base: Quantity = {
      text: input.slice(textStart, cursor),
      kind: standard ? 'standard' : 'target',
      value: negative ? -value : value,
      unit,
      comparator,
      where: { start: textStart, end: cursor },
    };
    if (per.length) base.per = per;
    if (approximate) base.approximate = true;
    const subject = countedNoun ?? subjectOf(clause, text.slice(cursor));
    if (subject) base.subject = subject;
    // a range is two bounds from the same words (OUTPUT.md): the low one ">=", the high one "<="
    if (max !== null) out.push({ ...base, comparator: '>=' }, { ...base, value: negative ? -max : max, comparator: '<=' });
    else out.push(base);
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
