// Numbers that are not quantities. Each predicate looks at the digits at [start, end) of a text and
// the few characters around them; quantities.ts asks all of them, and each is tested on its own.
import { findDates } from '../src/lexicon/dates.js';
import { MEASURE_WORDS } from './quantity-words.js';

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
  // letter-spaced PDFs write "第 二 十 七 条": the numerals before ours belong to the same ordinal
  if (/第[\s零〇一二两三四五六七八九十百]*$/u.test(before)) return true;
  // "（第）二十六、二十七条": the first number of a list of articles carries no unit of its own
  if (/(?:^|[^\d零〇一二两三四五六七八九十百\s])[\s零〇一二两三四五六七八九十百\d]+[、和及]\s*$/u.test(before) && /^\s*[条款章节]/u.test(after)) return true;
  if (/[（(]\s*$/u.test(before) && /^\s*[）)]/u.test(after)) return true;
  return lineStartsAt(text, start) && /^\s*[.．、](?!\d)/u.test(after);
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
  // "30日内", "公示期为7日" are spans of days (isDaySpan); "6月30日内" is a day
  const daySpan = isDaySpan(text, start, end);
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
  // political set phrases written without quotes: 四个意识, 两个维护, 四个全面
  if (/^个(?:意识|自信|维护|确立|全面|伟大|代表|务必|必须|坚持|服从|统筹|着力|注重|优先)/u.test(after)) return true;
  if (/^[\u4e00-\u9fa5]一/u.test(after)) return true; // 一户一策, 一对一, 四议一审
  // the second 一 of 一户一策, 两 of 一审两公开; a measure word after it ("一批三个") makes it a count again
  if (/一[\u4e00-\u9fa5]$/u.test(before) && !/^[个名户家所人元种项次座条]/u.test(after)) return true;
  return /^个?不/u.test(after); // 两不愁, 四个不摘
}

/** Village and town names built on numerals: 六家子镇, 三家子村, 二道沟, 八里庄, 十里铺. */
export function isPlaceName(text: string, start: number, end: number): boolean {
  const { after, digits } = around(text, start, end);
  if (!new RegExp(`^${CHINESE_DIGIT}+$`, 'u').test(digits)) return false;
  return /^(?:[\u4e00-\u9fa5]子|道[沟河岭]|里[庄铺屯堡河]|间房|棵树|台[村镇乡])/u.test(after);
}

/**
 * The number opens a line or a table cell: nothing but spaces before it on its line. Labels live
 * there ("2.1种子播前处理", "1项目申请报告"); quantities.ts asks this with the word after the unit.
 */
export function opensLine(text: string, start: number): boolean {
  // a space before the number is where a flattened table joined its cells
  return lineStartsAt(text, start) || (start > 0 && /[ \t\u3000]/u.test(text[start - 1]));
}

/** Only white space between the start of the line and this point (scanned back, not sliced). */
function lineStartsAt(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && text[i - 1] !== '\n' && /\s/u.test(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n';
}

/**
 * Section numbers: "2.1种子播前处理", "14.1种子初加工机械" at the start of a line, and any "1.1.1"
 * (a decimal has one dot). "2.5万元" keeps its magnitude in the digits and is not one.
 */
export function isSectionNumber(text: string, start: number, end: number): boolean {
  const { after, digits } = around(text, start, end);
  if (/^\.\d/u.test(after)) return true;
  if (!/^\d{1,3}\.\d{1,2}$/u.test(digits)) return false;
  if (!opensLine(text, start) || !/^[\u4e00-\u9fa5]/u.test(after)) return false;
  // a table cell "2.5公里" or "3.5万人以上" is a measure: its unit ends the cell, the clause or meets a bound
  const magnitude = /^[万亿千]/u.test(after) ? 1 : 0;
  const unit = MEASURE_WORDS.find((w) => after.startsWith(w, magnitude));
  const rest = end + magnitude + (unit?.length ?? 0);
  return !(unit && /^(?:$|[\s，。；、,;）)]|以上|以下|以内|左右|及以上)/u.test(text.slice(rest, rest + 3)));
}

const URL_CHARS = /[A-Za-z0-9./:_?&=%#~+@-]/u;

/** Digits inside a web address or an e-mail address ("http://www.gov.cn/2020/0312/c123.html"). */
export function isInUrl(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && URL_CHARS.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && URL_CHARS.test(text[e])) e++;
  const run = text.slice(s, e);
  return /(?:https?:\/\/|www\.|@[A-Za-z0-9-]+\.|\.(?:com|cn|gov|org|net|html?)(?:\b|\/))/iu.test(run);
}

interface TitleSpan { start: number; end: number; closed: boolean }
/** 《…》 spans of the last text asked about: one pass per text, not one search per number. */
let lastTitles: { text: string; spans: TitleSpan[] } | null = null;
function titleSpans(text: string): TitleSpan[] {
  if (lastTitles?.text === text) return lastTitles.spans;
  const spans: TitleSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '《' && text[i] !== '〈') continue;
    const close = text.slice(i + 1).search(/[》〉]/u);
    spans.push(close < 0 ? { start: i, end: text.length, closed: false } : { start: i, end: i + 1 + close, closed: true });
    if (close < 0) break;
    i += close;
  }
  lastTitles = { text, spans };
  return spans;
}

/**
 * The position lies inside 《…》 or 〈…〉: the title of another document. With `unclosed`, a title
 * still open at the end of the text counts too (a clause cut inside a long title).
 */
export function isInBookTitle(text: string, start: number, unclosed = false): boolean {
  return titleSpans(text).some((t) => start > t.start && start < t.end && (t.closed || unclosed));
}

/** Fields whose policy packages are named by a count of articles: 稳外贸12条, 金融15条, 新国十条. */
const PACKAGE_FIELDS =
  /(?:金融|外贸|外资|就业|稳增长|惠企|助企|援企|纾困|人才|科技|消费|民营经济|招商|营商环境|稳经济|减负|新政|政策|(?<!全)国|双创|楼市|房地产|医保|乡村振兴)\s*$/u;
/** What such a package is called after its count: “10条”措施, 20条政策, 30条硬措施. */
const PACKAGE_NOUNS = /^\s*条\s*[”"’]?\s*(?:具体|政策|硬核|硬|支持|新|若干)?(?:措施|政策|举措|意见|新政|规定|细则|办法)/u;

/** "稳外贸12条", "“10条”措施", "金融15条": the name of a policy package, not a count. */
export function isPolicyPackage(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end);
  if (!/^\s*条/u.test(after)) return false;
  if (PACKAGE_NOUNS.test(after) || /[“"‘]\s*$/u.test(before)) return true;
  // a field right before the count names the package: 落实金融15条, 稳外贸12条落地见效
  return PACKAGE_FIELDS.test(before) && !/^\s*条[件例款]/u.test(after);
}

/** Words before a count of days that make "N日" a span ("公示期为7日", "提前15日"), not a day of a month. */
const DAY_SPAN_BEFORE = /(?:不少于|不超过|不得超过|不得少于|不低于|至少|最多|最长|超过|提前|延长|缩短|延期|为期|期限为|时限为|期为|公示|满|历时|连续|累计)\s*$/u;
/** Words after it that do the same ("30日内", "60日以上"). */
const DAY_SPAN_AFTER = /^\s*日(?:内|以内|之内|以上|以下|左右|后)/u;

/** "30日内", "公示期为7日", "提前15日": a span of days. "6月30日内" and "15日前" stay days of a month. */
export function isDaySpan(text: string, start: number, end: number): boolean {
  const { before, after } = around(text, start, end, 12);
  if (!/^\s*日/u.test(after) || /月\s*$/u.test(before)) return false;
  return DAY_SPAN_AFTER.test(after) || DAY_SPAN_BEFORE.test(before);
}
