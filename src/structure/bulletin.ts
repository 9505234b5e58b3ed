// 快报/简报: a news sheet whose issues each open with a masthead, "第N期", the editing office and a
// date, hold one or more articles (title line, then paragraphs), and close with a 报送/分送 foot.
// Articles report what was done; they are not a source of tasks.
import type { Article, Block } from '../model.js';
import { dateLine, isImprintLine, signedDateLine } from './closing.js';
import { headingLevel } from './headings.js';
import { splitIssuers } from './issuers.js';
import { isTitleShaped, tidyTitle } from './titles.js';

export const meta = {
  name: 'bulletin',
  description: '快报分期: issues (第N期) of a bulletin and the articles in each, with their dates',
} as const;

/** "第 24 期（总第 212 期）", "第二十四期", "2019年第3期": the whole line, so "第3期培训班开班" is not one. */
const ISSUE =
  /^(?:\d{4}\s*年\s*)?第\s*(\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*期\s*(?:[（(]\s*总第\s*[\d一二三四五六七八九十百零〇]+\s*期\s*[）)])?$/u;
const MAX_MASTHEAD = 20;
const MAX_ARTICLE_TITLE = 40;
/** How far below the 期号 the office and date lines may sit. */
const HEADER_SPAN = 4;

/** A 期号 the page adds to a bulletin's name in its title: "…工作简报（第8期）", "…快报 2019年第3期". */
const ISSUE_SUFFIX =
  /\s*[（(]?\s*(?:\d{4}\s*年\s*)?第\s*(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*期\s*(?:[（(]\s*总第[^（）()]*[）)])?\s*[）)]?$/u;

/** The bulletin's name without the issue number: the same name for every issue. */
export function withoutIssueNumber(title: string): string {
  const t = title.replace(ISSUE_SUFFIX, '');
  return t || title;
}

/** A 期号 line: "第 24 期（总第 212 期）". */
export function isIssueLine(line: string): boolean {
  const t = line.trim();
  return t.length <= 30 && ISSUE.test(t);
}

export interface IssueHeader {
  issue: string;
  issuer: string;
  date: string;
  /** the masthead, 期号, office and date blocks */
  blocks: number[];
  /** first block after the header */
  end: number;
}

/** The issue headers of a bulletin, in order; [] for a document without 第N期 lines. */
export function findIssueHeaders(blocks: Block[]): IssueHeader[] {
  const out: IssueHeader[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i].text.trim();
    const m = ISSUE.exec(t);
    if (!m || !isIssueLine(t)) continue;
    const header: IssueHeader = { issue: `第${m[1]}期`, issuer: '', date: '', blocks: [i], end: i + 1 };
    const prev = i > 0 ? blocks[i - 1].text.trim() : '';
    if (prev.length > 0 && prev.length <= MAX_MASTHEAD && isTitleShaped(prev)) header.blocks.unshift(i - 1);
    for (let k = i + 1; k < blocks.length && k <= i + HEADER_SPAN; k++) {
      const s = blocks[k].text.trim();
      if (s === '') continue;
      const signed = signedDateLine(s);
      const issuers = splitIssuers(s.replace(/(?:编印|主办|编)$/u, ''));
      const date = dateLine(s);
      if (signed) [header.issuer, header.date] = [header.issuer || signed.signer, signed.date];
      else if (date) header.date = date;
      else if (issuers && !header.issuer) header.issuer = issuers.join(' ');
      else break;
      header.blocks.push(k);
      header.end = k + 1;
    }
    out.push(header);
  }
  return out;
}

/** A paragraph that is complete: an article title can only follow one of these (or the issue header). */
const PARAGRAPH_END = /[。！？；”"’）)…]$/u;

function isArticleTitle(blocks: Block[], k: number, from: number, limit: number): boolean {
  const t = blocks[k].text.trim();
  if (t.length > MAX_ARTICLE_TITLE || !isTitleShaped(t) || headingLevel(t) !== null) return false;
  if (dateLine(t) || /^编者按|^按\s*[：:]/u.test(t)) return false;
  // A line in the middle of a paragraph the reader did not join follows an unfinished line.
  for (let p = k - 1; p >= from; p--) {
    const s = blocks[p].text.trim();
    if (s === '') continue;
    if (!PARAGRAPH_END.test(s)) return false;
    break;
  }
  // A title is followed by its first paragraph, never by another title-shaped line.
  for (let n = k + 1; n < limit; n++) {
    const s = blocks[n].text.trim();
    if (s === '') continue;
    return !isTitleShaped(s) || s.length > MAX_ARTICLE_TITLE;
  }
  return false;
}

/** The articles of every issue, each with its issue's number and date. */
export function splitBulletin(blocks: Block[]): Article[] {
  const headers = findIssueHeaders(blocks);
  const out: Article[] = [];
  headers.forEach((h, n) => {
    const next = n + 1 < headers.length ? Math.min(...headers[n + 1].blocks) : blocks.length;
    let limit = next;
    for (let k = h.end; k < next; k++) {
      if (isImprintLine(blocks[k].text)) {
        limit = k;
        break;
      }
    }
    for (let k = h.end; k < limit; k++) {
      if (!isArticleTitle(blocks, k, h.end, limit)) continue;
      const article: Article = { title: tidyTitle(blocks[k].text), issue: h.issue, where: { block: k } };
      if (h.date) article.date = h.date;
      out.push(article);
    }
  });
  return out;
}
