// A portal's 信息公开 record (索引号, 发文机关, 文号, 成文日期 …): on a web page a table around the
// article, in a page saved or printed from the browser a run of "label: value" lines above the
// title. Either way it states facts about the document (its 文号, issuer, date) and is no part of it.
import type { PageFacts } from '../model.js';
import { RECORD_LABEL } from './lines.js';

/** Labels of a portal's 信息公开 table, each with the value that follows it. */
const FACT_LABELS: [keyof PageFacts, RegExp][] = [
  ['docNumber', /(?:发文字号|文\s*号)\s*[：:]\s*([^\s：:]{2,30}?[〔\[【(（﹝〘〖]\s*\d{4}\s*[〕\]】)）﹞〙〗]\s*\d+\s*号)/u],
  ['date', /成文日期\s*[：:]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)/u],
  ['issuer', /(?:发文机关|发布机构|发文单位)\s*[：:]\s*([\u4e00-\u9fff、 ]{2,40}?)(?=\s{2,}|\s*(?:发文字号|成文日期|发布日期|主题分类|索引号|文\s*号|$))/u],
];

/** The page's own statements about the document, read from its whole text before Readability trims it. */
export function readPageFacts(pageText: string): PageFacts {
  const text = pageText.replace(/[\u00a0\u3000]/gu, ' ');
  const facts: PageFacts = {};
  for (const [key, re] of FACT_LABELS) {
    const m = re.exec(text);
    if (m) facts[key] = m[1].replace(/\s+/gu, key === 'issuer' ? ' ' : '').trim();
  }
  return facts;
}

/** "索 引 号: 0145…", "组配分类: 政策文件 成文日期: 2020-02-21": a line of the record, labels spaced or not. */
export function isRecordLine(line: string): boolean {
  const m = /^([^:：]{1,16}?)\s*[:：]/u.exec(line.trim());
  return m !== null && RECORD_LABEL.test(m[1].replace(/\s+/gu, ''));
}

/** How far from the top a record stands: its lines are among the first blocks. */
export const RECORD_HEAD = 20;

/** The record lines near the top of a document (two or more, among its first RECORD_HEAD blocks). */
export function recordLines(texts: string[]): number[] {
  const hits = texts.slice(0, RECORD_HEAD).flatMap((t, i) => (isRecordLine(t) ? [i] : []));
  return hits.length >= 2 ? hits : [];
}

// ---- the byline ------------------------------------------------------------------------------------
const BYLINE = /((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:[\s\S]{0,40}?(来源|作者|发布机构|信息来源)\s*[:：]\s*([^\s|]+))?/u;

/**
 * The byline under a web page's title as it is kept: "2019年03月03日 10:19 来源:辽宁日报", or the date
 * alone; '' when the text holds no date. The HTML reader reads it from the element under the title,
 * normalize from the line a saved or printed page keeps (bylineLine), so both read alike.
 */
export function bylineOf(text: string): string {
  const m = BYLINE.exec(text.replace(/\s+/gu, ' '));
  return m ? bylineText(m) : '';
}

const bylineText = (m: RegExpExecArray) => (m[2] ? `${m[1]} ${m[2]}:${m[3]}` : m[1]);

/** What a byline line may hold beside its date and source: its label, counters, the size control. */
const BYLINE_PARTS: RegExp[] = [
  /\d{1,2}:\d{2}(?::\d{2})?/gu,
  /(?:发布|发表|更新|公开)?(?:日期|时间)\s*[:：]/gu,
  /(?:来源|作者|发布机构|信息来源)\s*[:：]\s*[^\s|]*/gu,
  /(?:浏览次数|访问次数|点击数|阅读次数|浏览量)\s*[:：]?\s*\d*/gu,
  /(?:字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*中\s*小\s*[】\]]?/gu,
  /[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏|分享到?)\s*[】\]]?\s*[:：]?/gu,
];

/**
 * A line that is a web page's byline and nothing else ("发布日期：2020-02-18 16:16 浏览次数：字体：[大 中
 * 小]"), as a page saved or printed from the browser keeps it: the byline as the HTML reader keeps
 * it, or null for any other line.
 */
export function bylineLine(line: string): string | null {
  const t = line.trim();
  if (t.length > 120 || /[。；！？]/u.test(t)) return null;
  const spaced = t.replace(/\s+/gu, ' ');
  const m = BYLINE.exec(spaced);
  if (!m) return null;
  let rest = spaced.replace(m[0], ' ');
  for (const re of BYLINE_PARTS) rest = rest.replace(re, ' ');
  return rest.replace(/[\s|｜/]+/gu, '') === '' ? bylineText(m).replace(/\s+/gu, ' ').trim() : null;
}
