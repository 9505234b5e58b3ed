// 完成时限: due dates, starts, periods and recurring duties in one clause, each with its source words.
// Calendar phrases come from src/lexicon/dates.ts; this file reads the words around them (前, 起, 从, 截至…)
// to decide what kind of time limit they are, and finds the recurring duties (每季度, 月调度…).
import type { Deadline, Recurrence } from '../src/model.js';
import { findTimePhrases, monthDayIso, parseYear, phraseYear, type TimePhrase } from '../src/lexicon/dates.js';
import { findCalendarRanges, findNumericDates, findSeasonLimits, recurringDay } from './date-spans.js';
import { foldWidth, parseChineseNumber } from '../src/lexicon/numerals.js';
import { isInBookTitle } from './predicates.js';

export const meta = {
  name: 'deadlines',
  description: '完成时限: due dates, starts and recurring duties, normalized against the document year',
} as const;

export interface DeadlineContext {
  /** the document's year (成文日期 or 发文字号 year): dates without a year take it */
  year?: number;
  /** the document's 成文日期, ISO; 自印发之日起 starts on it */
  issued?: string;
}

// ---- word tables ------------------------------------------------------------------------------

/** Words right after a phrase that make it a due date ("6月30日前", "年底之前"). */
const DUE_SUFFIXES = ['之前', '以前', '前'] as const;
/** Words right after a phrase that make it a start ("3月份开始", "7月1日起施行"). */
const START_SUFFIXES = ['起', '开始'] as const;
/** Words before a phrase that make it a start when 起/开始 follows, or alone ("自2019年7月1日执行"). */
const START_PREFIXES = ['自从', '从', '自'] as const;
/** Verbs that let 从/自 + date open a period without 起 ("自2019年7月1日执行"). */
const START_VERBS = /^(?:执行|施行|实施|实行|生效|启动)/u;
/** Words before a phrase that make it a due date ("到2020年", "截止2020年6月30日"). */
const DUE_PREFIXES = ['截止到', '截止至', '截止', '到', '至'] as const;
/** Words that make a phrase a point of reference, not a limit ("截至2019年底" = as of; "2016年以来"). */
// 已于2019年10月建成: done, not due
const NOT_A_LIMIT_PREFIXES = ['截至', '截止目前', '比', '较', '同比', '对', '为', '已于', '已在', '已经', '已', '与', '和上年'] as const;
const NOT_A_LIMIT_SUFFIXES = ['以来', '以后', '之后', '同期', '人均', '的'] as const;
/** Verbs after a month or day phrase that make it a due date without 前 ("6月30日完成验收"). */
const COMPLETION_VERBS = ['完成', '结束', '截止', '全面完成', '基本完成', '实现', '达到', '建成', '到位', '完工', '竣工', '全面达到', '全部达到'] as const;
/** A label naming the time limit right before the phrase ("完成时限：2025年11月", "办结时间: 6月"). */
const DUE_LABEL = /(?:完成|办结|截止|落实|整改)(?:时限|时间)(?:要求)?\s*[：:]\s*$|时限(?:要求)?\s*[：:]\s*$/u;
/** Words before a month phrase that make it a limit to meet ("确保9月初…达到", "力争6月中旬"). */
const COMMIT_PREFIXES = ['确保', '力争', '争取', '务必', '必须', '要在', '须在', '应在', '需在', '要于', '须于', '应于', '需于'] as const;
/**
 * A bare year ("2018年实现贫困人口全部脱贫") is a due date only as the opening of a clause whose
 * next word is an action or a scope; after other words it modifies a noun ("2020年高考", "2019年计划").
 */
const YEAR_CLAUSE_OPENERS = /^(?:实现|完成|全面|基本|解决|稳定|巩固|销号|对|确保|力争|争取|要|将|全部|全县|全市|全省|全区|全乡|全镇|所有|贫困|建档立卡|新增|累计|计划|预计|启动|开展|推进|达到)/u;
const CLAUSE_BOUNDARY = /(?:^|[。；;，,：:！!？?、\n（(]|到|在|于|力争|争取|确保|计划)\s*$/u;
const CLOCK_AFTER_DAY =
  /^(?:\s*(?:\d{1,2}|二十四|二十|十[二七八]|[一二三四五六七八九十])\s*(?:时|点)(?:\s*\d{1,2}\s*分|整)?|\s*\d{1,2}[:：]\d{2})?(?:\s*[（(]\s*含\s*[)）])?/u;
/** Dashes and words joining the two ends of a period ("2018-2020年", "3月1日至6月30日"). */
const RANGE_JOINERS = '[-－—–~～〜至到]';

const RECURRENCE_WORDS: Readonly<Record<string, Recurrence>> = {
  周: 'weekly', 星期: 'weekly', 月: 'monthly', 月度: 'monthly', 季: 'quarterly', 季度: 'quarterly',
  半年: 'semiannual', 年: 'annual', 年度: 'annual',
};
/** "每三个月" is a quarter, "每六个月" half a year: normalize so comparisons see one form. */
const MONTH_MULTIPLES: Readonly<Record<number, Recurrence>> = { 3: 'quarterly', 6: 'semiannual', 12: 'annual' };
/** Duties that follow a period word to name a recurring task ("月调度", "季督查", "年考核"). */
const DUTY_WORDS = '调度会|调度|督查|督导|考核|会商|监测|通报|报告|例会|评估|检查|巡查|研判|分析|总结|汇报|报';
/**
 * Characters before a period word that make it part of a date or another word, not a duty:
 * 6月调度会, 上半年考核, 全年考核, 当月, 个月, 每月 (handled by the 每 rule).
 */
const NOT_BEFORE_DUTY = '\\d〇零一二两三四五六七八九十百上下本当今明去前后近全半个每逐按同此该成青老少中历往多整隔次翌年周';

const NUM = '\\d+|[一二两三四五六七八九十]+';
const PER_RECURRENCE = new RegExp(`每\\s*(?:(?<n>${NUM})\\s*)?个?\\s*(?<p>季度|季|半年|月度|月|周|星期|年度|年)`, 'gu');
const DUTY_RECURRENCE = new RegExp(`(?<![${NOT_BEFORE_DUTY}])(?<p>季度|月度|年度|半年|周|月|季|年)(?:${DUTY_WORDS})`, 'gu');
/**
 * "按年度进行调整", "按季度报送", "按月发放": by the period. Not 按年度计划 (the year's plan), 按年龄, 按季节, 按周期.
 */
const BY_PERIOD_RECURRENCE =
  /按(?<p>年度|季度|月度|月|季|周|年)(?![龄限级份薪利息均初末底中节期度])(?!(?:计划|目标|任务|预算|报告|结果|考核结果|工作要点|分解|绩效))/gu;
/** "一月一监测", "一季一督查", "两周一调度": one duty per (n) periods. */
const ONE_PER_RECURRENCE = new RegExp(`(?<![\\d一二两三四五六七八九十])(?<n>[一两二三])(?<p>周|月|季度|季|年)一(?:${DUTY_WORDS}|[\\u4e00-\\u9fa5])`, 'gu');
/** "每年1200元", "每人每年给予1200元": a rate, not a recurring duty (quantities.ts reads it). */
const RATE_AFTER = new RegExp(`^[\\u4e00-\\u9fa5]{0,4}?(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)\\s*[万千]?元`, 'u');
/** At least n times ("至少研究1次", "不少于一次") shortly after, or right before, a recurrence. */
const MIN_COUNT_AFTER = new RegExp(`^[^，。；;,!！？?\\n]{0,10}?(?:至少|不少于|最少)[^，。；;,!！？?\\n]{0,6}?(?<n>${NUM})\\s*次`, 'u');
const MIN_COUNT_BEFORE = /(?:至少|不少于|最少)\s*$/u;
const COUNT_AFTER = new RegExp(`^[^，。；;,!！？?\\n]{0,8}?(?<n>${NUM})\\s*次`, 'u');

/** 自印发之日起施行, 即日起至…: the start is the document's own date. */
const FROM_ISSUE =
  /(?:(?:自|从)(?:本(?:方案|意见|通知|办法|细则|文件))?(?:印发|发布|公布|下发|颁布|签发)之日|(?:自|从)?即日)起(?:施行|执行|实施|生效)?/gu;

// ---- small readers ----------------------------------------------------------------------------

function startsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w));
}
function endsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.endsWith(w));
}

/** True when [start, end) lies inside 《…》 or 〈…〉: a title ("《…2018-2020年…规划》") sets no limit. */
function insideTitle(text: string, start: number): boolean {
  return isInBookTitle(text, start, true);
}

function iso(p: TimePhrase, which: 'first' | 'last', year: number | undefined): string | undefined {
  return year === undefined ? undefined : monthDayIso(year, p[which]) ?? undefined;
}

// ---- periods ----------------------------------------------------------------------------------

interface Found extends Deadline {
  where: { start: number; end: number };
}

function make(text: string, start: number, end: number, d: Omit<Deadline, 'text' | 'where'>): Found {
  const out: Found = { text: text.slice(start, end), ...d, where: { start, end } } as Found;
  if (out.date === undefined) delete out.date;
  return out;
}

/** "2018-2020年", "2018年至2020年", "2018 至2020年": a start on 1 January and a due on 31 December. */
function findYearRanges(text: string, folded: string): Found[] {
  const re = new RegExp(`(?<![\\d.])(\\d{4})\\s*(?:年\\s*)?${RANGE_JOINERS}\\s*(\\d{4})\\s*年(?:度)?`, 'gu');
  const out: Found[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const y1 = parseYear(m[1]);
    const y2 = parseYear(m[2]);
    if (y1 === null || y2 === null || y2 < y1 || insideTitle(text, m.index)) continue;
    const [s, e] = [m.index, m.index + m[0].length];
    out.push(make(text, s, e, { kind: 'start', date: `${y1}-01-01` }), make(text, s, e, { kind: 'due', date: `${y2}-12-31` }));
  }
  return out;
}

/** The end of a period after a phrase: another phrase, or a bare day ("3月1日至31日"). */
function rangeEnd(folded: string, p: TimePhrase, phrases: TimePhrase[]): { end: number; last: TimePhrase } | null {
  const joiner = new RegExp(`^\\s*${RANGE_JOINERS}\\s*`, 'u').exec(folded.slice(p.end));
  if (!joiner) return null;
  const at = p.end + joiner[0].length;
  const next = phrases.find((q) => q.start === at);
  if (next && !next.yearOnly) return { end: next.end, last: next };
  const day = new RegExp(`^(${NUM})\\s*[日号]`, 'u').exec(folded.slice(at));
  const d = day ? parseChineseNumber(day[1]) : null;
  if (day && d !== null && p.first[1] !== 0) {
    return { end: at + day[0].length, last: { ...p, first: [p.first[0], d], last: [p.first[0], d] } };
  }
  return null;
}

// ---- single phrases ---------------------------------------------------------------------------

/** Due, start, or not a limit at all, from the words around one phrase. */
function classify(folded: string, p: TimePhrase): { kind: 'due' | 'start'; start: number; end: number } | null {
  // bounded windows: a clause can be a whole page, and each phrase only needs the words around it
  let headEnd = p.start;
  while (headEnd > 0 && /\s/u.test(folded[headEnd - 1])) headEnd--;
  const head = folded.slice(Math.max(0, headEnd - 40), headEnd);
  const before = head.slice(-6);
  const tail = folded.slice(p.end, p.end + 40);
  // a clock time or （含） after a day ("12月31日24时前", "6月30日17:00前", "6月30日（含）前") belongs to the day
  const clock = p.first[1] !== 0 && p.first[0] === p.last[0] && p.first[1] === p.last[1] ? CLOCK_AFTER_DAY.exec(tail)?.[0] ?? '' : '';
  const after = tail.slice(clock.length).replace(/^\s+/u, '');
  const afterAt = p.end + (tail.length - after.length);
  if (endsWithAny(before, NOT_A_LIMIT_PREFIXES) || startsWithAny(after, NOT_A_LIMIT_SUFFIXES)) return null;
  if (after.startsWith('前后') || after.startsWith('左右')) return null; // around the date, no limit
  // 每年6月底前 / 每年底: a recurring duty, which findRecurring reports.
  if (/每\s*(?:年度?|季度?|月|半年|周)?$/u.test(before)) return null;
  const due = startsWithAny(after, DUE_SUFFIXES);
  // 前提 is a premise, but 前提交/前提出/前提供 is 前 + a verb; 前后 is "around"
  if (due && !/^前(?:提(?![交出供请报])|期|列|沿|景|身|往|后)/u.test(after)) return { kind: 'due', start: p.start, end: afterAt + due.length };
  const startPrefix = endsWithAny(before, START_PREFIXES);
  const from = startPrefix ? headEnd - startPrefix.length : p.start;
  const startWord = startsWithAny(after, START_SUFFIXES);
  if (startWord) return { kind: 'start', start: from, end: afterAt + startWord.length };
  // 自2016年3月成立以来 looks back; only 自…执行/施行 without 起 looks forward.
  if (startPrefix && START_VERBS.test(after)) return { kind: 'start', start: from, end: p.end };
  const duePrefix = endsWithAny(before, DUE_PREFIXES);
  if (duePrefix) return { kind: 'due', start: headEnd - duePrefix.length, end: p.end };
  // "（责任处室：市容处，完成时限：2025年11月）": what a time-limit label names is the limit itself
  if (DUE_LABEL.test(head)) return { kind: 'due', start: p.start, end: p.end };
  // "验收阶段（2024年12月）": the month a stage is given is when it must be done
  if (/阶段\s*[（(]$/u.test(head) && /^[）)]/u.test(after)) return { kind: 'due', start: p.start, end: p.end };
  if (p.endPart) return { kind: 'due', start: p.start, end: p.end };
  // a phrase alone on its line is a 完成时限 cell ("2021年6月", "2022年"): the limit itself
  if (aloneOnLine(folded, p.start, p.end + clock.length)) return { kind: 'due', start: p.start, end: p.end };
  if (p.yearOnly) {
    const opens = CLAUSE_BOUNDARY.test(head) && YEAR_CLAUSE_OPENERS.test(after);
    return opens ? { kind: 'due', start: p.start, end: p.end } : null;
  }
  if (startsWithAny(after, COMPLETION_VERBS)) return { kind: 'due', start: p.start, end: p.end };
  if (endsWithAny(before, COMMIT_PREFIXES)) return { kind: 'due', start: p.start, end: p.end };
  return null;
}

/** Nothing but spaces and closing punctuation between the line's ends and [start, end). */
function aloneOnLine(folded: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && (folded[i - 1] === ' ' || folded[i - 1] === '\t' || folded[i - 1] === '\u3000')) i--;
  const lineStart = i === 0 || folded[i - 1] === '\n';
  return lineStart && /^[\s。；;，,]*(?:\n|$)/u.test(folded.slice(end, end + 8));
}

function findPhraseDeadlines(text: string, folded: string, ctx: DeadlineContext, taken: (s: number, e: number) => boolean): Found[] {
  const phrases = findTimePhrases(text);
  const out: Found[] = [];
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    if (taken(p.start, p.end) || insideTitle(text, p.start)) continue;
    const range = rangeEnd(folded, p, phrases);
    const year = phraseYear(p, ctx.year);
    if (range) {
      const lastYear = range.last.year !== undefined || range.last.relativeYear !== undefined ? phraseYear(range.last, ctx.year) : year;
      out.push(make(text, p.start, range.end, { kind: 'start', date: iso(p, 'first', year) }));
      out.push(make(text, p.start, range.end, { kind: 'due', date: iso(range.last, 'last', lastYear) }));
      while (i + 1 < phrases.length && phrases[i + 1].start < range.end) i++;
      continue;
    }
    const c = classify(folded, p);
    if (!c) continue;
    out.push(make(text, c.start, c.end, { kind: c.kind, date: iso(p, c.kind === 'start' ? 'first' : 'last', year) }));
  }
  return out;
}

// ---- recurring duties -------------------------------------------------------------------------

function recurrenceOf(word: string, n: number | null): { recurrence: Recurrence; interval?: number; month?: number; day?: number } | null {
  const base = RECURRENCE_WORDS[word];
  if (!base) return null;
  if (n === null || n === 1) return { recurrence: base };
  if (base === 'monthly' && MONTH_MULTIPLES[n]) return { recurrence: MONTH_MULTIPLES[n] };
  if (base === 'semiannual') return n === 2 ? { recurrence: 'annual' } : null;
  return { recurrence: base, interval: n };
}

function findRecurring(text: string, folded: string): Found[] {
  const out: Found[] = [];
  const push = (start: number, end: number, word: string, n: number | null) => {
    const r = recurrenceOf(word, n);
    if (!r) return;
    let s = start;
    let e = end;
    let minCount: number | undefined;
    // 每年12月20日前, 每月10日前: the duty keeps its day (OUTPUT.md)
    const on = (r.recurrence === 'annual' || r.recurrence === 'monthly') && !r.interval && folded[start] === '每'
      ? recurringDay(folded.slice(end), r.recurrence) : null;
    if (on) {
      e = end + on.length;
      Object.assign(r, on.month !== undefined ? { month: on.month } : {}, on.day !== undefined ? { day: on.day } : {});
      out.push(make(text, s, e, { kind: 'recurring', ...r }));
      return;
    }
    const after = MIN_COUNT_AFTER.exec(folded.slice(end));
    const before = MIN_COUNT_BEFORE.exec(folded.slice(0, start));
    const counted = before ? COUNT_AFTER.exec(folded.slice(end)) : null;
    if (after) [minCount, e] = [parseChineseNumber(after.groups!.n) ?? undefined, end + after[0].length];
    else if (before && counted) [minCount, s, e] = [parseChineseNumber(counted.groups!.n) ?? undefined, before.index, end + counted[0].length];
    out.push(make(text, s, e, { kind: 'recurring', ...r, ...(minCount !== undefined ? { minCount } : {}) }));
  };
  for (const m of folded.matchAll(PER_RECURRENCE)) {
    const end = m.index + m[0].length;
    const rest = folded.slice(end);
    if (RATE_AFTER.test(rest) || /^\s*人均/u.test(rest)) continue;
    const n = m.groups!.n ? parseChineseNumber(m.groups!.n) : null;
    push(m.index, end, m.groups!.p, n);
  }
  for (const m of folded.matchAll(DUTY_RECURRENCE)) push(m.index, m.index + m[0].length, m.groups!.p, null);
  for (const m of folded.matchAll(BY_PERIOD_RECURRENCE)) push(m.index, m.index + m[0].length, m.groups!.p, null);
  for (const m of folded.matchAll(ONE_PER_RECURRENCE)) {
    push(m.index, m.index + m[0].length, m.groups!.p, parseChineseNumber(m.groups!.n));
  }
  return out;
}

// ---- entry points -----------------------------------------------------------------------------

/** Every time limit in a clause, in the order written; a period gives its start and its due date. */
export function extractDeadlines(text: string, ctx: DeadlineContext = {}): Deadline[] {
  const folded = foldWidth(text);
  const found: Found[] = [];
  const overlaps = (s: number, e: number) => found.some((f) => s < f.where.end && e > f.where.start);
  for (const m of folded.matchAll(FROM_ISSUE)) {
    found.push(make(text, m.index, m.index + m[0].length, { kind: 'start', date: ctx.issued }));
  }
  found.push(...findYearRanges(text, folded).filter((f) => !overlaps(f.where.start, f.where.end)));
  const spans = [...findNumericDates(folded), ...findCalendarRanges(folded, ctx.year), ...findSeasonLimits(folded)];
  const isReference = (x: { start: number; end: number }) =>
    endsWithAny(folded.slice(Math.max(0, x.start - 12), x.start).replace(/\s+$/u, ''), NOT_A_LIMIT_PREFIXES) !== undefined
    || startsWithAny(folded.slice(x.end, x.end + 12).replace(/^\s+/u, ''), [...NOT_A_LIMIT_SUFFIXES, '相比', '累计']) !== undefined;
  for (const sp of spans.filter((x) => !overlaps(x.start, x.end) && !insideTitle(text, x.start) && !isReference(x))) {
    found.push(make(text, sp.start, sp.end, { kind: sp.kind, date: sp.date }));
  }
  found.push(...findPhraseDeadlines(text, folded, ctx, overlaps), ...findRecurring(text, folded));
  return found
    .sort((a, b) => a.where.start - b.where.start || a.where.end - b.where.end)
    .filter((f, i, all) => i === 0 || !(f.where.start === all[i - 1].where.start && f.kind === all[i - 1].kind && f.date === all[i - 1].date));
}

/** A due date earlier than the document's own date: the 'deadline-before-issue' warning. */
export function isBeforeIssue(d: Deadline, issued: string): boolean {
  return d.kind === 'due' && d.date !== undefined && d.date < issued;
}
