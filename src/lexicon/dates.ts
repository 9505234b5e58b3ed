// Full calendar dates (year, month and day all written): 成文日期 lines, 印发日期, dated events.
// Partial and relative dates ("6月底前", "年底前") are deadlines.ts's business.
import { foldWidth, parseChineseNumber } from './numerals.js';

export const meta = {
  name: 'dates',
  description: '完整日期: 2020年4月3日, 二〇二〇年四月三日, 2019-03-03 and 2019.3.3 to ISO YYYY-MM-DD',
} as const;

/** Year written in Arabic or digit-by-digit Chinese (二〇二〇, 二○二○ with the circle ○ some fonts use). */
const YEAR = '(\\d{4}|[零〇○Ｏ一二三四五六七八九]{4})';
/** Month and day: Arabic, or Chinese positional (十二, 三十一, 廿 is not used in official writing). */
const MD = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A trailing clock time on 发布时间 lines: "2019年03月03日 10:19" or "10:19:05". */
const TIME = '(?:\\s*\\d{1,2}[:：]\\d{2}(?::\\d{2})?)?';

const CJK_DATE = `${YEAR}\\s*年\\s*${MD}\\s*月\\s*${MD}\\s*[日号]`;
const NUMERIC_DATE = `(\\d{4})(?<sep>[-./])(\\d{1,2})\\k<sep>(\\d{1,2})(?!\\d)`;

/** Read one year/month/day triple; null when any part is not a number or the day does not exist. */
export function toIsoDate(y: string | number, m: string | number, d: string | number): string | null {
  const year = typeof y === 'number' ? y : parseYear(y);
  const month = typeof m === 'number' ? m : parseChineseNumber(m);
  const day = typeof d === 'number' ? d : parseChineseNumber(d);
  if (year === null || month === null || day === null) return null;
  if (!Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2020" → 2020, "二〇二〇" / "二○二○" → 2020; years outside 1900–2199 are not years of our documents. */
export function parseYear(s: string): number | null {
  const v = parseChineseNumber(s.replace(/○/g, '〇'));
  if (v === null || !Number.isInteger(v) || v < 1900 || v > 2199) return null;
  return v;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A string that is one whole date (surrounding whitespace allowed) → "YYYY-MM-DD"; otherwise null. */
export function parseFullDate(input: string): string | null {
  const s = foldWidth(input).trim();
  const cjk = new RegExp(`^${CJK_DATE}${TIME}$`, 'u').exec(s);
  if (cjk) return toIsoDate(cjk[1], cjk[2], cjk[3]);
  const num = new RegExp(`^${NUMERIC_DATE}${TIME}$`, 'u').exec(s);
  if (num) return toIsoDate(num[1], num[3], num[4]);
  return null;
}

export interface DateHit {
  text: string;
  date: string;
  start: number;
  end: number;
}

/** Every full date inside a text, with its span; partial dates ("4月3日") are not reported. */
export function findDates(text: string): DateHit[] {
  // foldWidth maps one UTF-16 unit to one, so offsets in the folded text are offsets in the input.
  const folded = foldWidth(text);
  const re = new RegExp(`${CJK_DATE}|(?<!\\d)${NUMERIC_DATE}`, 'gu');
  const out: DateHit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const date = m[1] !== undefined ? toIsoDate(m[1], m[2], m[3]) : toIsoDate(m[4], m[6], m[7]);
    if (date) out.push({ text: text.slice(m.index, m.index + m[0].length), date, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Time phrases: partial and calendar-part dates ("6月30日", "3月底", "上半年", "一季度末", "年底",
// "2018年"). Each resolves to the first and last day of the period it names; deadlines.ts decides
// from the surrounding words whether the phrase is a due date, a start or neither.

/** Relative year words, as offsets from the document's year. */
const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今: 0, 本: 0, 当: 0, 明: 1, 次: 1, 去: -1 };

/** Parts of a month: [first day, last day]; 0 stands for the month's last day. */
const MONTH_PARTS: Readonly<Record<string, [number, number]>> = {
  底: [0, 0], 末: [0, 0], 上旬: [1, 10], 初: [1, 10], 中旬: [11, 20], 下旬: [21, 0], 中: [11, 20],
};

/** Parts of a year: [first month, first day, last month, last day (0 = month end)]. */
const YEAR_PARTS: Readonly<Record<string, [number, number, number, number]>> = {
  底: [12, 31, 12, 31], 末: [12, 31, 12, 31], 内: [1, 1, 12, 31],
  上半年: [1, 1, 6, 0], 下半年: [7, 1, 12, 0],
};

const N2 = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const PHRASE_YEAR = `(?:(?<y>\\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\\s*年(?:度)?|(?<ry>[今本当明次去])年)`;
const PHRASE_MONTH = `(?<m>${N2})\\s*月份?`;
// "4 月 20 前" drops 日 before 前; elsewhere a bare number after 月 is not a day.
const PHRASE_DAY = `\\s*(?<d>${N2})\\s*(?:日|号|(?=\\s*(?:之前|以前|前)))`;
// 月中 is the 20th like 中旬; "9月中央…" is no month part
const PHRASE_MPART = `(?<mp>底|末|上旬|中旬|下旬|初|中(?![央国心共华小学方外部层期]))`;
const PHRASE_HALF = `(?<h>上半年|下半年)`;
const PHRASE_QUARTER = `(?:第?(?<q>[一二三四1-4])季度(?<qe>末)?|前(?<fq>[一二两三1-3])个?季度)`;
const PHRASE_MONTH_TAIL = `${PHRASE_MONTH}(?:${PHRASE_DAY}|\\s*${PHRASE_MPART})?`;
// One year part at most, then one month/half/quarter/year-end part; JS in Node 20 has no duplicate
// group names, so the year is an optional prefix and empty or year-end-only matches are dropped later.
const PHRASE_SOURCE =
  // "今年年底", "2021年年末": the year end may repeat 年
  `(?<![\\d〇零○一二三四五六七八九十])(?:${PHRASE_YEAR}\\s*(?:年(?=底|末))?|(?<bare>年)(?=底|末|内))?` +
  `(?:${PHRASE_MONTH_TAIL}|${PHRASE_HALF}|${PHRASE_QUARTER}|(?<yp>底|末|内))?`;

export interface TimePhrase {
  text: string;
  start: number;
  end: number;
  /** the year as written (absolute), or undefined */
  year?: number;
  /** offset from the document year for 今年/明年/去年 */
  relativeYear?: number;
  /** only a year is written ("2018年"): the bare-year rule in deadlines.ts needs to know */
  yearOnly: boolean;
  /** the phrase names a closing part (底, 末, 旬, 年内, a half or a quarter): a due date unless words say otherwise */
  endPart: boolean;
  /** [month, day] of the first and last day; day 0 = last day of that month */
  first: [number, number];
  last: [number, number];
}

function phraseFromMatch(g: Record<string, string | undefined>): Omit<TimePhrase, 'text' | 'start' | 'end'> | null {
  const year = g.y !== undefined ? parseYear(g.y) ?? undefined : undefined;
  if (g.y !== undefined && year === undefined) return null;
  const relativeYear = g.ry !== undefined ? RELATIVE_YEARS[g.ry] : undefined;
  const base = { year, relativeYear, yearOnly: false, endPart: false };
  if (g.m !== undefined) {
    const m = parseChineseNumber(g.m);
    if (m === null || m < 1 || m > 12) return null;
    if (g.d !== undefined) {
      const d = parseChineseNumber(g.d);
      if (d === null || d < 1 || d > 31) return null;
      return { ...base, first: [m, d], last: [m, d] };
    }
    if (g.mp !== undefined) {
      const [a, b] = MONTH_PARTS[g.mp];
      // 月初 opens a month as often as it closes a task: only 底/末/旬 default to a due date.
      return { ...base, endPart: g.mp !== '初', first: [m, a], last: [m, b] };
    }
    return { ...base, first: [m, 1], last: [m, 0] };
  }
  if (g.yp !== undefined && g.y === undefined && g.ry === undefined && g.bare === undefined) return null;
  const yp = g.h ?? g.yp;
  if (yp !== undefined) {
    const [m1, d1, m2, d2] = YEAR_PARTS[yp];
    return { ...base, endPart: true, first: [m1, d1], last: [m2, d2] };
  }
  if (g.q !== undefined) {
    const q = parseChineseNumber(g.q) as number;
    return { ...base, endPart: true, first: [3 * q - 2, 1], last: [3 * q, 0] };
  }
  if (g.fq !== undefined) {
    // 前三个季度: the first n quarters, from January
    const q = parseChineseNumber(g.fq) as number;
    return { ...base, endPart: true, first: [1, 1], last: [3 * q, 0] };
  }
  if (year === undefined && relativeYear === undefined) return null;
  return { ...base, yearOnly: true, first: [1, 1], last: [12, 31] };
}

/** Every time phrase in a text, left to right, with spans in the input. */
export function findTimePhrases(text: string): TimePhrase[] {
  const folded = foldWidth(text);
  const re = new RegExp(PHRASE_SOURCE, 'gu');
  const out: TimePhrase[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    if (m[0] === '') {
      // a 'u' regex resumes a search that starts inside a surrogate pair at the pair's start: a
      // one-unit step before an emoji or 𠀀 finds the same empty match again, for ever
      re.lastIndex += (folded.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    const p = phraseFromMatch(m.groups ?? {});
    if (p) out.push({ ...p, text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The year a phrase falls in, given the document's year; undefined when neither says. */
export function phraseYear(p: TimePhrase, docYear: number | undefined): number | undefined {
  if (p.year !== undefined) return p.year;
  if (docYear === undefined) return undefined;
  return docYear + (p.relativeYear ?? 0);
}

/** ISO date of a [month, day] in a year (day 0 = month end); null for 2月30日 and the like. */
export function monthDayIso(year: number, [m, d]: [number, number]): string | null {
  return toIsoDate(year, m, d === 0 ? lastDayOfMonth(year, m) : d);
}
