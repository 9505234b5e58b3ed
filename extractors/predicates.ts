// Numbers that are not quantities. Each predicate looks at the digits at [start, end) of a text and
// the few characters around them; quantities.ts asks all of them, and each is tested on its own.
import { findDates } from './dates.js';

export const meta = {
  name: 'predicates',
  description: '非数量数字: phone, version, unit designation, clause/page number, time, date part, share counter, slogan',
} as const;

/** The characters before and after a span, for the lookups below. */
function around(text: string, start: number, end: number, width = 8): { before: string; after: string; digits: string } {
  return {
    before: text.slice(Math.max(0, start - width), start),
    after: text.slice(end, end + width),
    digits: text.slice(start, end),
  };
}

const PHONE_WORDS = /(?:电话|手机|传真|热线|联系方式|咨询|举报)[：:\s]*(?:\d[\d\s-]*)?$/u;

/** 024-12345678, 13912345678, or digits after 电话/传真/热线. */
export function isPhoneNumber(text: string, start: number, end: number): boolean {
  // widen over the dashes that join area code and number
  let s = start;
  let e = end;
  while (s > 0 && /[\d-]/.test(text[s - 1])) s--;
  while (e < text.length && /[\d-]/.test(text[e])) e++;
  const run = text.slice(s, e);
  if (/^0\d{2,3}-\d{7,8}$/.test(run) || /^1[3-9]\d{9}$/.test(run) || /^400-?\d{3}-?\d{4}$/.test(run)) return true;
  return /\d{5,}/.test(run) && PHONE_WORDS.test(text.slice(Math.max(0, s - 12), s));
}

/** "2.0行动计划", "V3.1", "3.0版": a version, not a measure. */
export function isVersionNumber(text: string, start: number, end: number): boolean {
  const { before, after, digits } = around(text, start, end);
  if (/[Vv]\s*$|版本\s*$/u.test(before)) return true;
  return /^\d+\.\d+$/.test(digits) && /^(?:\.\d+)*\s*(?:版|行动|时代|工程|计划|战略|模式)/u.test(after);
}

/** "31694部队", "8341信箱": a designation of a unit. */
export function isUnitDesignation(text: string, start: number, end: number): boolean {
  const { after, digits } = around(text, start, end);
  return /^\d{3,6}$/.test(digits) && /^(?:部队|部|分队|支队|信箱|厂|号院)/u.test(after);
}

/**
 * Ordinals and list labels: 第3条, 第二十四期, 第一批; "（2）", "(三)"; "1." or "2、" opening a line.
 * (A decimal "1.2万" is not a label: the dot is followed by a digit there.)
 */
export function isClauseNumber(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end);
  if (/第\s*$/u.test(before)) return true;
  if (/[（(]\s*$/u.test(before) && /^\s*[）)]/u.test(after)) return true;
  return /(?:^|\n)\s*$/u.test(text.slice(0, start)) && /^\s*[.．、](?!\d)/u.test(after);
}

/** "— 3 —", "-12-", "第3页", "共31页": page furniture. */
export function isPageNumber(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end);
  if (/[—－-]\s*$/u.test(before) && /^\s*[—－-]/u.test(after)) return true;
  return /^\s*页/u.test(after);
}

/** "10:19", "8：30". */
export function isTimeOfDay(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end);
  return /^[:：]\d{2}/u.test(after) || /\d{1,2}[:：]$/u.test(before);
}

/** findDates over the same text for every number of it: remember the last text's answer. */
let lastDates: { text: string; hits: ReturnType<typeof findDates> } | null = null;
function datesOf(text: string): ReturnType<typeof findDates> {
  if (lastDates?.text !== text) lastDates = { text, hits: findDates(text) };
  return lastDates.hits;
}

/**
 * Part of a date or a year: "2020年", "2019年度", "3月", "15日", "2018-2020年", "2019-03-03".
 * "6个月" and "5个工作日" are durations and stay quantities.
 */
export function isDatePart(text: string, start: number, end: number): boolean {
  const { before, after, digits } = around(text, start, end, 12);
  const value = Number(digits);
  const isYear = /^\d{4}$/.test(digits) && value >= 1900 && value <= 2199;
  if (isYear && /^\s*(?:年|[-—–~～至到]\s*\d{4}\s*年)/u.test(after)) return true;
  if (isYear && /\d{4}\s*年?\s*[-—–~～至到]\s*$/u.test(before)) return true;
  // "30日内" is a span of days unless a month stands before it ("6月30日内")
  const daySpan = /^\s*日内/u.test(after) && !/月\s*$/u.test(before);
  if (/^\s*(?:月|日|号)/u.test(after) && !/^\s*日[常益]/u.test(after) && !daySpan) return true;
  return datesOf(text).some((d) => start >= d.start && end <= d.end);
}

/** The web page's share counter ("分享到: 35.1K", "阅读 1024"). */
export function isShareCounter(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end, 10);
  return /^[KkWw万]?\s*$/u.test(after.split('\n')[0]) && /(?:分享|阅读|浏览|点击|点赞|评论)[^。\n]*[:：]?\s*$/u.test(before);
}

const CHINESE_DIGIT = '[一二两三四五六七八九十]';

/**
 * Chinese numerals in slogans and fixed phrases: “两不愁三保障”, “五个一批”, 一户一策, 一对一,
 * 四议一审两公开. Numbers inside “…” of at most 12 characters are names, not counts.
 */
export function isSloganNumeral(text: string, start: number, end: number): boolean {
  const { before, after, digits } = around(text, start, end);
  if (!new RegExp(`^${CHINESE_DIGIT}`, 'u').test(digits)) return false;
  const open = text.lastIndexOf('“', start);
  const close = text.indexOf('”', end);
  if (open >= 0 && close >= 0 && text.lastIndexOf('”', start) < open && close - open <= 14) return true;
  if (new RegExp(`^个?${CHINESE_DIGIT}`, 'u').test(after)) return true; // 五个一批, 三个一
  if (/^[\u4e00-\u9fa5]一/u.test(after)) return true; // 一户一策, 一对一, 四议一审
  // the second 一 of 一户一策, 两 of 一审两公开; a measure word after it ("一批三个") makes it a count again
  if (/一[\u4e00-\u9fa5]$/u.test(before) && !/^[个名户家所人元种项次座条]/u.test(after)) return true;
  return /^不/u.test(after); // 两不愁
}

/** Village and town names built on numerals: 六家子镇, 三家子村, 二道沟, 八里庄, 十里铺. */
export function isPlaceName(text: string, start: number, end: number): boolean {
  const { after, digits } = around(text, start, end);
  if (!new RegExp(`^${CHINESE_DIGIT}+$`, 'u').test(digits)) return false;
  return /^(?:[\u4e00-\u9fa5]子|道[沟河岭]|里[庄铺屯堡河]|间房|棵树|台[村镇乡])/u.test(after);
}
