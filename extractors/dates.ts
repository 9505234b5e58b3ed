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
