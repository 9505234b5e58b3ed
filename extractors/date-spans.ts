// Calendar spans the phrase reader in dates.ts cannot see whole: a day range inside one month
// ("5月8-15日"), a month range ("1－6月份"), the day a recurring duty falls on ("每年12月20日前"), and
// season or holiday words ("秋季学期开学前", "春节前") that name a limit without a date.
import { findDates, lastDayOfMonth, parseYear } from '../src/lexicon/dates.js';
import { parseChineseNumber } from '../src/lexicon/numerals.js';

export const meta = {
  name: 'date-spans',
  description: '日期区间与节点: 5月8-15日, 1－6月份, 每年12月20日前 的日, 开学前/春节前 (不换算日期)',
} as const;

// ---- word tables ------------------------------------------------------------------------------

/**
 * Limits named by the school year, a holiday or a farming season: their day differs by year and
 * place, so they are kept as written, without a date (a wrong date is worse than none).
 */
const SEASON_WORDS = [
  '春季学期开学', '秋季学期开学', '春季学期', '秋季学期', '新学年', '汛期开始', '供暖开始', '春季开学', '秋季开学', '新学期开学', '学期开学', '开学', '学期末', '学期结束', '寒假', '暑假',
  '春节', '元旦', '清明节', '清明', '五一', '劳动节', '端午节', '端午', '中秋节', '中秋', '国庆节', '国庆', '两节', '元宵节',
  '汛期', '主汛期', '春耕', '春播', '夏收', '秋收', '三夏', '三秋', '供暖季', '采暖季', '取暖季', '旅游旺季',
] as const;
const SEASON_DUE_SUFFIXES = ['之前', '以前', '前'] as const;
const SEASON_START_SUFFIXES = ['开始', '起'] as const;
/** "5月8-15日", "5月8日至15日" is read by deadlines.ts already; "8-15日" needs the month before it. */
const JOINER = '[-－—–~～〜至到]';
const N = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:(?<y>\\d{4}|[〇零○一二三四五六七八九]{4})\\s*年\\s*)?';
const DAY_RANGE = new RegExp(`(?<![\\d])${YEAR}(?<m>${N})\\s*月\\s*(?<d1>${N})\\s*${JOINER}\\s*(?<d2>${N})\\s*[日号]`, 'gu');
const MONTH_RANGE = new RegExp(`(?<![\\d.])${YEAR}(?<m1>${N})\\s*${JOINER}\\s*(?<m2>${N})\\s*月(?:份)?(?![\\d])`, 'gu');
const SEASON_RE = new RegExp(
  // 汛前 already says "before"; 开学前后 is around the date, not a limit; 汛期开始前 is before, not from
  `${YEAR}(?:(?:${[...SEASON_WORDS].sort((a, b) => b.length - a.length).join('|')})(?<s>${[...SEASON_DUE_SUFFIXES, ...SEASON_START_SUFFIXES].join('|')})|汛前)(?![前后])`,
  'gu',
);
/** After 每年: "12月20日前", "6月底前", "3月上旬"; after 每月: "10日前", "5号前". */
const YEARLY_DAY = new RegExp(`^\\s*(?<m>${N})\\s*月\\s*(?:(?<d>${N})\\s*[日号]|(?<p>底|末|上旬|中旬|下旬|初))?\\s*(?:之前|以前|前)?`, 'u');
/** After 每年: "年底前", "底前" (每年底前): the year end, 31 December. */
const YEAR_END = /^\s*年?\s*[底末]\s*(?:之前|以前|前)?/u;
const MONTHLY_DAY = new RegExp(`^\\s*(?<d>${N})\\s*[日号]\\s*(?:之前|以前|前)?`, 'u');
const PART_DAY: Readonly<Record<string, number>> = { 上旬: 10, 初: 10, 中旬: 20 };

export interface Span {
  kind: 'start' | 'due';
  start: number;
  end: number;
  /** ISO date; absent when no year is known or the words name no date */
  date?: string;
}

function num(s: string | undefined): number | null {
  return s === undefined ? null : parseChineseNumber(s);
}

function isoOf(year: number | undefined, m: number, d: number): string | undefined {
  if (year === undefined || m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(year, m)) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "5月8-15日" → a start on the 8th and a due on the 15th; "1－6月份" → 1 January to 30 June. */
export function findCalendarRanges(folded: string, docYear: number | undefined): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(DAY_RANGE)) {
    const year = m.groups!.y !== undefined ? parseYear(m.groups!.y) ?? undefined : docYear;
    const [mo, d1, d2] = [num(m.groups!.m), num(m.groups!.d1), num(m.groups!.d2)];
    if (mo === null || d1 === null || d2 === null || mo < 1 || mo > 12 || d2 <= d1 || d2 > 31) continue;
    const [s, e] = [m.index, m.index + m[0].length];
    out.push({ kind: 'start', start: s, end: e, date: isoOf(year, mo, d1) }, { kind: 'due', start: s, end: e, date: isoOf(year, mo, d2) });
  }
  for (const m of folded.matchAll(MONTH_RANGE)) {
    const [m1, m2] = [num(m.groups!.m1), num(m.groups!.m2)];
    if (m1 === null || m2 === null || m1 < 1 || m2 > 12 || m2 <= m1) continue;
    const [s, e] = [m.index, m.index + m[0].length];
    if (out.some((o) => s < o.end && e > o.start)) continue;
    const year = m.groups!.y !== undefined ? parseYear(m.groups!.y) ?? undefined : docYear;
    const last = year === undefined ? 0 : lastDayOfMonth(year, m2);
    out.push({ kind: 'start', start: s, end: e, date: isoOf(year, m1, 1) }, { kind: 'due', start: s, end: e, date: isoOf(year, m2, last) });
  }
  return out;
}

/** "秋季学期开学前", "2019年春节前": due, with no date; "2022年春季学期起": a start, with no date. */
export function findSeasonLimits(folded: string): Span[] {
  return [...folded.matchAll(SEASON_RE)].map((m) => ({
    kind: (SEASON_START_SUFFIXES as readonly string[]).includes(m.groups!.s ?? '') ? ('start' as const) : ('due' as const),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The day a recurring duty falls on, read right after 每年/每月: "12月20日前" → { month: 12, day: 20 }.
 * A month end is its day in a common year (2月 → 28): the duty recurs, no one year is meant.
 */
export function recurringDay(after: string, period: 'annual' | 'monthly'): { month?: number; day?: number; length: number } | null {
  if (period === 'monthly') {
    const m = MONTHLY_DAY.exec(after);
    const d = num(m?.groups!.d);
    return m && d !== null && d >= 1 && d <= 31 ? { day: d, length: m[0].length } : null;
  }
  const end = YEAR_END.exec(after);
  if (end) return { month: 12, day: 31, length: end[0].length };
  const m = YEARLY_DAY.exec(after);
  const month = num(m?.groups!.m);
  if (!m || month === null || month < 1 || month > 12) return null;
  const g = m.groups!;
  const day = g.d !== undefined ? num(g.d) : g.p !== undefined ? PART_DAY[g.p] ?? lastDayOfMonth(2001, month) : null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { month, ...(day !== null ? { day } : {}), length: m[0].length };
}

/**
 * Dates written with dots or dashes ("2021.7.1-2021.9.30", "2021-06-30前"), which the phrase reader in
 * dates.ts does not see: a range of two, a due date before 前, a start after 自/从 with 起.
 */
export function findNumericDates(text: string): Span[] {
  const hits = findDates(text).filter((h) => !/[年月日]/u.test(h.text));
  const out: Span[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const next = hits[i + 1];
    const between = next ? text.slice(h.end, next.start) : '';
    if (next && new RegExp(`^\\s*${JOINER}\\s*$`, 'u').test(between)) {
      out.push({ kind: 'start', start: h.start, end: next.end, date: h.date }, { kind: 'due', start: h.start, end: next.end, date: next.date });
      i++;
      continue;
    }
    const after = /^\s*(?:之前|以前|前|起)/u.exec(text.slice(h.end));
    if (!after) continue;
    const from = /(?:自|从)\s*$/u.exec(text.slice(0, h.start));
    if (after[0].trim() === '起') out.push({ kind: 'start', start: from ? h.start - from[0].length : h.start, end: h.end + after[0].length, date: h.date });
    else out.push({ kind: 'due', start: h.start, end: h.end + after[0].length, date: h.date });
  }
  return out;
}
