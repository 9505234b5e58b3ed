// 数量指标: targets to reach and standards to apply, each with value in base units, the unit as
// written, the per-units, the comparator and the words it came from (OUTPUT.md "Conventions").
import { ENUMERATOR } from './unit-inline.js';
import type { Comparator, Quantity } from '../src/model.js';
import { findDocNumbers } from '../src/lexicon/doc-numbers.js';
import { foldWidth, parseChineseNumber, parseMixedMagnitudes } from '../src/lexicon/numerals.js';
import {
  isClauseNumber, isDatePart, isDaySpan, isInBookTitle, isInUrl, isPageNumber, isPhoneNumber, isPlaceName, isPolicyPackage,
  isSectionNumber, isShareCounter, isSloganNumeral, isTimeOfDay, isUnitDesignation, isVersionNumber, opensLine,
} from './predicates.js';
import {
  APPROXIMATE_AFTER, APPROXIMATE_BEFORE, NOT_APPROXIMATE_AFTER_JIN, COMPARATOR_AFTER, COMPARATOR_BEFORE, COUNTED_NOUNS, LABEL_WORD_AFTER_UNIT, LABEL_WORD_ANYWHERE, MEASURE_WORDS,
  STANDARD_WORDS, TARGET_VERBS, TIME_UNITS, UNIT_WORD_CONTINUES, WITHIN,
} from './quantity-words.js';
import { shareAcrossLists } from './quantity-lists.js';
import { QUALIFIER_BEFORE, RATIO_UNITS, coordinatedPeriod, numberedPerBase, perChainBefore, perSlashes } from './quantity-per.js';

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
/** An upper bound written with its magnitude ("100万"), the lower one without ("50"). */
const SHARED_MAGNITUDE = /^(\d+(?:\.\d+)?)(十万|百万|千万|亿|万)$/u;
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
    // an article or item label opening the clause ("第四条", "（二）") names no thing
    .replace(/^\s+/u, '')
    .replace(ENUMERATOR, '')
    .replace(/每\s*(?:个|名|位)?\s*[\u4e00-\u9fa5]/gu, '')
    .replace(COMPARATOR_BEFORE_RE, '')
    .replace(/^(?:全[县市省区乡镇村]|新增|新建|新培育|培育|发展|打造|建成|完成|实现|全部|累计|共|继续|力争|确保|按照)+/u, '')
    .replace(/的$/u, '')
    // "起付标准为300元": the copula before the number is not the thing counted
    .replace(/(?:均|都|应|统一)?(?:为|是)$/u, '')
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

// ---- steps after the number ----------------------------------------------------------------------
// extractQuantities reads each number (readAmount), then its tail left to right: 余/多 → measure word or counted noun →
// 整/半 → range tail → 每-chain and slashes → comparator suffix or 内 → 约/左右 → target or standard.
// Each reader below takes the position it starts at and returns where it stopped (`end`), so a step
// can be followed without replaying the whole body.

/**
 * The number a match of NUMBER_RE wrote: "负2.5", "3-5" (a range read at once), "百分之五", "20万";
 * null when it is a label, date or name (isNotAQuantity) or cannot be read.
 */
export function readAmount(
  text: string, m: RegExpMatchArray, isNotAQuantity: (s: number, e: number) => boolean,
): { negative: boolean; start: number; a: string; b: string | undefined; numEnd: number; firstEnd: number; value: number; max: number | null } | null {
  const negative = m.groups!.neg !== undefined;
  const start = m.index! + (m.groups!.neg?.length ?? 0);
  const a = m.groups!.a;
  const b = m.groups!.b;
  const numEnd = m.index! + m[0].length;
  const firstEnd = start + a.length;
  if (isNotAQuantity(start, firstEnd) || (b !== undefined && isNotAQuantity(numEnd - b.length, numEnd))) return null;
  // 百余家, 千余人: a bare magnitude counts only before 余/多 (千家万户 is no count)
  let value = /^[百千万]$/u.test(a) && b === undefined && APPROXIMATE_MORE.test(text.slice(numEnd)) ? BARE_MAGNITUDE[a] : readNumber(a);
  const max = b !== undefined ? readNumber(b) : null;
  // "50—100万元", "1-2亿元": the magnitude written once after the upper bound holds for the lower one too
  const shared = b !== undefined ? SHARED_MAGNITUDE.exec(b) : null;
  if (shared && value !== null && /^\d+(?:\.\d+)?$/u.test(a)) {
    const upperBase = readNumber(shared[1]);
    const scale = readNumber(`1${shared[2]}`);
    if (upperBase !== null && scale !== null && value < upperBase) value *= scale;
  }
  if (value === null || (b !== undefined && max === null)) return null;
  return { negative, start, a, b, numEnd, firstEnd, value, max };
}

/** "20余家", "10多个": 余/多 right after the number (not after 百分之…). */
export function readMore(text: string, at: number, isPercentWord: boolean): { more: boolean; end: number } {
  const more = APPROXIMATE_MORE.test(text.slice(at)) && !isPercentWord;
  return { more, end: more ? at + 1 : at };
}

/**
 * The measure word ("万元", "公里") or counted noun ("家企业" → 家) after the number, spaces allowed
 * between; 百分之 and 千分之 carry their unit in the number itself. Null: the number measures nothing.
 */
export function readUnit(text: string, at: number, percentUnit: string | null): { unit: string; countedNoun?: string; end: number } | null {
  if (percentUnit !== null) return { unit: percentUnit, end: at };
  const rest = text.slice(at);
  const gap = /^\s*/u.exec(rest)![0].length;
  const measure = longest(rest.slice(gap), MEASURE_WORDS);
  if (measure !== undefined) return { unit: measure, end: at + gap + measure.length };
  const noun = longest(rest.slice(gap), COUNTED_NOUN_WORDS);
  if (!noun) return null;
  return { unit: COUNTED_NOUNS[noun], countedNoun: noun, end: at + gap + noun.length };
}

/**
 * The unit begins a longer word or the number is a label ("3种子处理" opening a line), or 日 is a
 * day of a date: no measure. `single`: no range bound was read with the number.
 */
function unitIsNoMeasure(text: string, m: { index: number; start: number; firstEnd: number }, at: number, unit: string, single: boolean): boolean {
  const after = text.slice(at);
  if (UNIT_WORD_CONTINUES[unit]?.test(after)) return true;
  if (single && LABEL_WORD_AFTER_UNIT[unit]?.test(after) && opensLine(text, m.index)) return true;
  if (single && LABEL_WORD_ANYWHERE[unit]?.test(after)) return true;
  // 日 counts only as a span ("30日内", "公示期为7日"); "5月30日" is a date
  return unit === '日' && !isDaySpan(text, m.start, m.firstEnd);
}

/** 人民币壹佰元整: 整 closes a sum of money. */
export function readWhole(text: string, at: number, unit: string): number {
  return unit === '元' && text[at] === '整' ? at + 1 : at;
}

/** "一年半", "三天半": a half after the unit ("半年", "半月" start a new span instead). */
export function readHalf(text: string, at: number, unit: string): { half: boolean; end: number } {
  const half = HALF_AFTER_UNIT.has(unit) && text[at] === '半' && !/^半[年月]/u.test(text.slice(at));
  return { half, end: half ? at + 1 : at };
}

/** "20万元至50万元": the upper bound of a range that writes its unit twice, above the lower one. */
export function readRangeTail(text: string, at: number, unit: string, value: number, unitWritten: boolean): { max: number; end: number } | null {
  const tail = RANGE_TAIL.exec(text.slice(at));
  const upper = tail ? readNumber(tail[1]) : null;
  if (!tail || upper === null || !text.startsWith(unit, at + tail[0].length) || !(upper > value)) return null;
  return { max: upper, end: at + tail[0].length + (unitWritten ? unit.length : 0) };
}

/** Numerals that are words, ordinals, frequencies or periods rather than counts. */
function isNumeralWord(text: string, a: string, value: number, start: number, unit: string, lead: string): boolean {
  const chinese = CHINESE_START.test(a);
  // "二 十 七 条" from a letter-spaced PDF: the tail of a numeral split by spaces cannot be read alone
  if (chinese && /[零〇一二两三四五六七八九十百千万]\s+$/u.test(text.slice(Math.max(0, start - 3), start))) return true;
  // a lone 大写 digit is a name (陆家嘴, 伍家岗) unless it is money
  if (/^[壹贰叁肆伍陆柒捌玖]$/u.test(a) && unit !== '元') return true;
  // 60分 is a score; 十分重要 is "very"
  if (chinese && unit === '分') return true;
  // 二次分拣, 二级: counting says 两次, so a lone 二 is an ordinal; 为零 is no count either
  if (chinese && (a === '二' || value === 0)) return true;
  // 每两个月, 每3年: a frequency, which deadlines.ts reports; 前三个季度 is a period, also theirs
  if (/每\s*$/u.test(lead) && /^(?:个月|年|周|天|日|小时|个季度)$/u.test(unit)) return true;
  // 前三名, 前10位: a rank to reach, not a count of people
  if (/(?<![目提此之以当眼])前\s*$/u.test(lead) && (unit === '名' || unit === '位')) return true;
  return /前\s*$/u.test(lead) && unit === '个季度';
}

/**
 * "以上", "以下", "（含）以下" after the number, or 内 after a span of time ("30日内"): the comparator
 * the words set. Null when neither follows.
 */
export function readComparatorAfter(text: string, at: number, unit: string): { comparator: Comparator; within: boolean; end: number } | null {
  // "10万元（含）以下": the bound includes the number, which 以下 says already
  const inclusive = INCLUSIVE.exec(text.slice(at));
  const gap = inclusive && longest(text.slice(at + inclusive[0].length), COMPARATOR_AFTER_WORDS)
    ? inclusive[0].length : /^\s*/u.exec(text.slice(at))![0].length;
  const suffix = longest(text.slice(at + gap), COMPARATOR_AFTER_WORDS);
  if (suffix) return { comparator: COMPARATOR_AFTER[suffix], within: false, end: at + gap + suffix.length };
  if (TIME_UNITS.has(unit) && text.startsWith(WITHIN, at + gap)) return { comparator: '<=', within: true, end: at + gap + WITHIN.length };
  return null;
}

/** "左右", "上下" after the number and its unit: an estimate. */
export function readApproximateAfter(text: string, at: number): { approximate: boolean; end: number } {
  const word = longest(text.slice(at), APPROXIMATE_AFTER);
  return { approximate: !!word, end: word ? at + word.length : at };
}

/** "约", "近" right before the number; 签约, 节约, 违约 and 最近, 附近 are no estimate. */
function approximateBefore(lead: string, unit: string): string | undefined {
  return APPROXIMATE_BEFORE.find((w) => lead.endsWith(w)
    && !(w === '约' && WORDS_ENDING_IN_YUE.test(lead))
    && !(w === '近' && (NOT_APPROXIMATE_AFTER_JIN.has(unit) || /[最附临]近$/u.test(lead))));
}

/**
 * A standard to apply (per-units, or standard words in the clause) rather than a target to reach: a
 * 每-chain under a target verb ("每个乡镇建成1个") is still a target; slashes ("元/亩") never are.
 */
function isStandard(per: string[], chain: { between: string } | null, slashPer: string[], clause: string, clauseAfter: string): boolean {
  return per.length > 0
    ? !TARGET_VERBS.test(chain?.between ?? '') || slashPer.length > 0
    : STANDARD_WORDS.test(clause) || STANDARD_WORDS.test(clauseAfter);
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
  // "每十名失能老年人不少于一名": the per-unit a 每 base sets for the next number of its sentence part
  let perBase: { per: string; until: number } | null = null;
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index! + (m.groups!.neg?.length ?? 0);
    if (start < consumed) continue; // the upper end of a range read with its lower end
    const amount = readAmount(text, m, isNotAQuantity);
    if (!amount) continue;
    const { negative, a, b, numEnd, firstEnd } = amount;
    let { value, max } = amount;
    const isPercentWord = /^[百千]分之/u.test(a);
    // 余/多 → unit → 整 → 半
    const more = readMore(text, numEnd, isPercentWord);
    let comparator: Comparator = more.more ? '>' : '=';
    let approximate = more.more;
    const read = readUnit(text, more.end, isPercentWord ? (a.startsWith('千分之') ? '‰' : '%') : null);
    if (!read) continue;
    const { unit, countedNoun } = read;
    if (unitIsNoMeasure(text, { index: m.index!, start, firstEnd }, read.end, unit, !b)) continue;
    const halfRead = readHalf(text, readWhole(text, read.end, unit), unit);
    const half = halfRead.half;
    if (half) value += 0.5;
    let cursor = halfRead.end;
    // range tail: "20万元至50万元"
    if (b === undefined && !countedNoun) {
      const tail = readRangeTail(text, cursor, unit, value, !isPercentWord);
      if (tail) {
        max = tail.max;
        cursor = tail.end;
        consumed = cursor;
      }
    }
    const chinese = CHINESE_START.test(a);
    const lead = text.slice(Math.max(0, start - 8), start);
    if (isNumeralWord(text, a, value, start, unit, lead)) continue;
    // 每-chain before ("每人每年") and slashes after ("元/人·年")
    const clause = clauseBefore(text, start);
    const before = comparatorBefore(clause);
    const chain = perChainBefore(clause, RATIO_UNITS.has(unit)) ?? coordinatedPeriod(text, start);
    const slashes = perSlashes(text.slice(cursor));
    cursor += slashes.length;
    // comparator: a word before sets it, a suffix after overrides it
    if (before) comparator = before.c;
    const after = readComparatorAfter(text, cursor, unit);
    if (after) {
      comparator = after.comparator;
      cursor = after.end;
    }
    // a lone Chinese 一 (一批, 一户, 一个) is an article, unless a comparator, a bound or a 每 chain makes it a count
    if (chinese && value === 1 && !before && !chain && !after) continue;
    // 三年行动: a programme's name; a Chinese count of years is a duration only with a bound or a half
    if (chinese && unit === '年' && b === undefined && max === null && !half && !after && !before) continue;
    // estimates: "左右" after, "约" before
    const approxAfter = readApproximateAfter(text, cursor);
    if (approxAfter.approximate) approximate = true;
    cursor = approxAfter.end;
    const approxBefore = approximateBefore(lead, unit);
    if (approxBefore) approximate = true;
    const counted = b === undefined && max === null ? numberedPerBase(text, start, cursor) : null;
    if (counted) {
      perBase = counted;
      continue;
    }
    const heldBase = perBase && start < perBase.until ? [perBase.per] : [];
    perBase = null;
    const per = [...heldBase, ...(chain && slashes.per.length ? chain.per : []), ...(slashes.per.length ? slashes.per : chain?.per ?? [])]
      .filter((x, i, all) => all.indexOf(x) === i);
    const textStart = before?.adjacent
      ? start - before.adjacent
      : approxBefore ? start - approxBefore.length : negative ? m.index! : start;
    if ((comparator !== '=' || max !== null) && repeatsTitleScope(ctx.title, text.slice(textStart, cursor), text.slice(cursor))) continue;
    // target or standard
    const clauseAfter = text.slice(cursor, cursor + 12).split(PUNCTUATION)[0];
    const base: Quantity = {
      text: input.slice(textStart, cursor),
      kind: isStandard(per, chain, slashes.per, clause, clauseAfter) ? 'standard' : 'target',
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
  return shareAcrossLists(text, out.sort((x, y) => x.where!.start! - y.where!.start!));
}
