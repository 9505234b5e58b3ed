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
