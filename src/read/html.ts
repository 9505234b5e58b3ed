// A saved government or news page → the article only. Readability finds the article; we walk its
// content (its textContent loses paragraph breaks) and put back the title and the byline
// (date · 来源), the two lines a TXT scrape of the same page keeps. Pages as crawlers and CMS
// exports keep them are read too: a fragment without <html>/<body>, plain text under .html, and,
// when Readability finds no article (or fails), the page's own text blocks.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, Message, PageFacts } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { isBreadcrumb, isRecordRow, isSiteControl, LOCATION_LABEL } from '../lexicon/lines.js';
import { limitHtmlDepth } from './html-depth.js';
import { bylineOf, readPageFacts } from '../lexicon/page-record.js';
import { LIMITS } from './limits.js';
import { tableBlocks } from './table-grid.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'dd', 'dt']);
/** A layout table's cell is read as a block when nothing inside it is one. */
const CELL_TAGS = new Set(['td', 'th']);

export { readPageFacts };

export interface HtmlRead {
  blocks: Block[];
  facts: PageFacts;
  messages: Message[];
}

/**
 * A page stored as a fragment (a CMS export, a crawl dump: no <html>, no <body>) gets the document
 * around it that the parser and Readability expect; linkedom leaves body null without one.
 */
function parsePage(html: string): Document {
  const wrap = (h: string) => `<!doctype html><html><head></head><body>${h.replace(/<\/?(?:html|body)\b[^>]*>/giu, '')}</body></html>`;
  let { document } = parseHTML(/<html[\s>]/iu.test(html) && /<body[\s>]/iu.test(html) ? html : wrap(html));
  if (!document.body || !(document.body.textContent ?? '').trim()) ({ document } = parseHTML(wrap(html)));
  return document as unknown as Document;
}

/** A file named .html that holds plain text (a scrape saved under the page's name): its lines are its blocks. */
function isPlainText(html: string): boolean {
  return !/<\/?[a-z][a-z0-9]*[\s>\/]|<!--|<!doctype/iu.test(html);
}

/** The article by Readability, or null when it finds none or fails on the page's markup. */
function readArticle(document: Document): { content: string; title: string } | null {
  try {
    const article = new Readability(document.cloneNode(true) as Document, { keepClasses: false }).parse();
    return article?.content ? { content: article.content, title: article.title ?? '' } : null;
  } catch {
    return null;
  }
}

const visibleText = (s: string) => s.replace(/\s+/gu, '');

export function readHtml(source: string): HtmlRead {
  const messages: Message[] = [];
  if (source.length > LIMITS.htmlChars) throw new ReadFailure('E_HTML_TOO_LARGE', `${source.length} 字符，上限 ${LIMITS.htmlChars} 字符`);
  if (isPlainText(source)) {
    const lines = source.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
    return { blocks: lines.map((text) => ({ text })).filter((b) => !isSiteControl(b.text)), facts: readPageFacts(lines.join('  ')), messages };
  }
  const { html, flattened, depth, elements } = limitHtmlDepth(source);
  if (depth > LIMITS.htmlDepth) throw new ReadFailure('E_HTML_TOO_DEEP', `${depth} 层，上限 ${LIMITS.htmlDepth} 层`);
  // Readability scores every element: 150,000 took 7 s and 500 MB
  if (elements > LIMITS.htmlElements) throw new ReadFailure('E_HTML_TOO_LARGE', `${elements} 个元素，上限 ${LIMITS.htmlElements} 个`);
  if (flattened) messages.push(message('W_HTML_FLATTENED', 'warning'));
  const document = parsePage(html);
  const facts = readPageFacts(cellText(document.body as unknown as Element));
  const site = siteWords(document);
  const metaTitle = metaArticleTitle(document);
  const titleEl = findTitleElement(document, metaTitle || (document.querySelector('title')?.textContent ?? ''));
  const title = metaTitle || cleanPageTitle((titleEl?.textContent ?? '').replace(/\s+/gu, ' ').trim(), site);
  const byline = findByline(titleEl);
  const article = readArticle(document);
  const blocks: Block[] = [];
  const own: Block[] = [];
  pageBlocks(document.body as unknown as Element, own);
  const fromArticle: Block[] = [];
  if (article) walk(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as Element, fromArticle);
  // Readability may pick a sidebar or a link list on an odd page: when what it kept is a small
  // part of the page's own text, the page's text blocks are the better reading.
  const articleChars = visibleText(fromArticle.map((b) => b.text).join(''));
  const ownChars = visibleText(own.filter((b) => !isSiteControl(b.text) && !(b.style?.table && isRecordRow(b.text.split('\t')))).map((b) => b.text).join(''));
  const body = articleChars.length >= Math.min(200, ownChars.length * 0.2) && /[\u4e00-\u9fff]/u.test(articleChars) ? afterNavigation(fromArticle) : articleOf(own, title);
  if (!body.length && !title) throw new ReadFailure('E_NO_TEXT', '网页中找不到正文');
  const articleTitle = title || cleanPageTitle(stripSiteSuffix(article?.title ?? ''), site);
  if (articleTitle) blocks.push({ text: articleTitle, style: { heading: 1, center: true } });
  if (byline) blocks.push({ text: byline });
  blocks.push(...body);
  // readability keeps the title inside the content at times: do not repeat it
  const furniture = (b: Block) => isSiteControl(b.text) || (b.style?.table === true && isRecordRow(b.text.split('\t')));
  return { blocks: blocks.filter((b, i) => !(i > 0 && visibleText(b.text) === visibleText(articleTitle)) && !furniture(b)), facts, messages };
}

/**
 * The article part of the page's own blocks: what follows the title on the page, or else what
 * follows the last breadcrumb near the top (the logo, menus and path above it are the site's).
 */
function articleOf(own: Block[], title: string): Block[] {
  const want = visibleText(title);
  const at = want ? own.findIndex((b) => visibleText(b.text) === want) : -1;
  return at >= 0 ? own.slice(at + 1) : afterNavigation(own);
}

/**
 * Blocks after the site's path near the top ("首页 > 通知公告"), and the logo and menus above it. The
 * title is put back in front of the article afterwards, so the normalizer's own cut at the path
 * must find nothing left to cut.
 */
function afterNavigation(blocks: Block[]): Block[] {
  let start = 0;
  for (let i = 0; i < Math.min(blocks.length, 15); i++) if (isBreadcrumb(blocks[i].text) || LOCATION_LABEL.test(blocks[i].text.trim())) start = i + 1;
  return blocks.slice(start);
}

/**
 * The page's own text blocks, when no article is found: every block element's text, a <br> ends a
 * line, a table row keeps its cells apart; scripts, styles, forms and navigation are not text.
 */
export function pageBlocks(root: Element, out: Block[]): void {
  let buf = '';
  const flush = () => {
    const t = buf.replace(/[ \t\r\n\u00a0]+/gu, ' ').trim();
    if (t) out.push({ text: t });
    buf = '';
  };
  const visit = (node: Element & { nodeType: number }) => {
    for (const child of Array.from(node.childNodes) as unknown as (Element & { nodeType: number })[]) {
      if (child.nodeType === 3) {
        buf += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toLowerCase();
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'br') {
        flush();
      } else if (tag === 'table' && !isLayoutTable(child)) {
        flush();
        out.push(...tableBlocks(child));
      } else if (INLINE_TAGS.has(tag)) {
        visit(child);
      } else {
        flush();
        const before = out.length;
        visit(child);
        flush();
        if (/^h[1-6]$/u.test(tag) && out.length === before + 1) out[before] = { ...out[before], style: { heading: Number(tag[1]) } };
      }
    }
  };
  visit(root as Element & { nodeType: number });
  flush();
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'button', 'input', 'textarea', 'iframe', 'svg', 'head', 'title', 'meta', 'link']);
const INLINE_TAGS = new Set(['a', 'span', 'b', 'strong', 'i', 'em', 'u', 'font', 'sup', 'sub', 'small', 'big', 'label', 'abbr', 'code', 'img', 'o:p', 'ins', 'del', 's', 'strike', 'mark', 'wbr', 'nobr']);

/** The site's name and the column the article sits in, as the CMS states them in <meta> (hanweb, TRS…). */
function siteWords(document: Document): string[] {
  const names = ['SiteName', 'ColumnName', 'site', 'columnname', 'ColumnDescription', 'og:site_name'];
  const out: string[] = [];
  for (const n of names) {
    const v = document.querySelector(`meta[name="${n}"], meta[property="${n}"]`)?.getAttribute('content')?.trim();
    if (v && v.length <= 30) out.push(v);
  }
  return out;
}

/** The CMS's own record of the article's title (hanweb "ArticleTitle", TRS "ArticleTitle"/"title"). */
function metaArticleTitle(document: Document): string {
  for (const n of ['ArticleTitle', 'articletitle', 'og:title']) {
    const v = document.querySelector(`meta[name="${n}"], meta[property="${n}"]`)?.getAttribute('content')?.replace(/\s+/gu, ' ').trim();
    if (v && v.length >= 4) return v;
  }
  return '';
}

/** Words of a page title that name the site or its columns, not the document: "江西省人民政府 政策文件 …". */
const COLUMN_WORD = /^(?:[\u4e00-\u9fff]{0,12}(?:网|网站|门户|人民政府|政府网)|[\u4e00-\u9fff]{2,8}(?:文件|动态|材料|公告|公示|任免|信息|资讯|要闻|专栏|公开|解读|发布|计划|预决算|监管|新闻|政策))$/u;

/**
 * The page's title without breadcrumbs and column names: "江西省人民政府 政策文件 江西省人民政府办公厅
 * 关于…" → "江西省人民政府办公厅关于…". Leading words go while they name the site or a column and a
 * title is left; the site's own words from <meta> are known, others are judged by their endings.
 */
export function cleanPageTitle(title: string, site: string[] = []): string {
  let t = stripSiteSuffix(title).replace(/\s+/gu, ' ').trim();
  t = t.replace(LOCATION_LABEL, '');
  // a breadcrumb glued in front: "首页 > 政策 > 标题"
  const crumbs = t.split(/\s*[>›»＞]\s*/u);
  if (crumbs.length > 1) t = crumbs[crumbs.length - 1];
  for (;;) {
    const m = /^(\S+)\s+(\S[\s\S]*)$/u.exec(t);
    if (!m) break;
    const [, head, rest] = m;
    const known = site.some((w) => visibleText(w) === head);
    if (!(known || COLUMN_WORD.test(head)) || visibleText(rest).length < 6) break;
    t = rest;
  }
  return t;
}

/** An element's text with its cells and blocks kept apart, so "发文字号：" and "成文日期：" do not run together. */
function cellText(el: Element): string {
  const parts: string[] = [];
  const walkText = (node: Element) => {
    for (const child of Array.from(node.childNodes) as unknown as (Element & { nodeType: number; textContent: string | null })[]) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !/^(script|style)$/iu.test(child.tagName)) {
        walkText(child);
        if (/^(td|th|tr|p|div|li|br|h\d|span)$/iu.test(child.tagName)) parts.push('  ');
      }
    }
  };
  walkText(el);
  return parts.join('');
}

function walk(el: Element, out: Block[]): void {
  for (const child of Array.from(el.children) as Element[]) {
    const tag = child.tagName.toLowerCase();
    if (tag === 'table' && !isLayoutTable(child)) {
      out.push(...tableBlocks(child));
    } else if (BLOCK_TAGS.has(tag) && child.querySelector('br')) {
      // lines set apart by <br> in one paragraph are separate lines ("各乡镇：<br>…")
      pageBlocks(child, out);
    } else if (BLOCK_TAGS.has(tag) || (CELL_TAGS.has(tag) && !child.querySelector([...BLOCK_TAGS, 'div', 'table', 'br'].join(',')))) {
      const text = (child.textContent ?? '').trim();
      if (text) out.push({ text, ...(/^h[1-6]$/.test(tag) ? { style: { heading: Number(tag[1]) } } : {}) });
    } else {
      walk(child, out);
    }
  }
}

/**
 * A table used to lay out the page, not to hold data: it holds block content (paragraphs, other
 * tables) in a cell, or has one column only. Its content is read as text.
 */
function isLayoutTable(table: Element): boolean {
  const rows = (Array.from(table.querySelectorAll('tr')) as Element[]).filter((tr) => tr.closest('table') === table);
  const wide = rows.filter((tr) => Array.from(tr.children).filter((c) => /^(td|th)$/iu.test(c.tagName)).length >= 2).length;
  if (wide === 0) return true;
  return table.querySelector('table') !== null || rows.some((tr) => Array.from(tr.children).some((c) => (c.textContent ?? '').length > 1500));
}

/**
 * The article's title on the page: an h1, or the element whose text the page's <title> holds
 * (sites put it in div.title, h2, p.bt … and add "_栏目_网站名" or "网站名 栏目 " to the <title>).
 */
function findTitleElement(document: Document, pageTitle: string): Element | null {
  const want = visibleText(pageTitle);
  const candidates = Array.from(document.querySelectorAll('h1, h2, h3, [class*="title"], [id*="title"], [class*="bt"], strong, p, div')) as Element[];
  const own = (el: Element) => visibleText(el.textContent ?? '');
  const h1 = document.querySelector('h1');
  // an h1 that is the page title's whole text, or holds it, is the title; one that is only part of
  // it may be the site's logo ("某省人民政府" in "标题_某省人民政府"): the longest part wins below
  if (h1 && own(h1).length >= 4 && (!want || own(h1).includes(stripSiteSuffix(want)) || own(h1) === want)) return h1;
  let best: Element | null = null;
  for (const el of candidates) {
    const t = own(el);
    // the page title holds the article's title, with the site's and column's names around it
    if (t.length < 6 || t.length > 120 || !want.includes(t)) continue;
    if (!best || t.length > own(best).length) best = el;
  }
  return best ?? (h1 && own(h1).length >= 4 ? h1 : null);
}

/** The byline near the title: "2019年03月03日 10:19 来源:辽宁日报", without the font-size control after it. */
function findByline(h1: Element | null): string {
  let el = h1?.nextElementSibling ?? null;
  for (let i = 0; el && i < 3; i++, el = el.nextElementSibling) {
    const byline = bylineOf(el.textContent ?? '');
    if (byline) return byline;
  }
  return '';
}

/** "标题_栏目_网站名" or "标题 - 网站名" → "标题". */
export function stripSiteSuffix(title: string): string {
  return title.split(/\s*[_|｜]\s*|\s+[-–—]\s+|(?<!\d)[-–—](?!\d)(?=[^-–—]*(?:网|网站|门户|政府|平台)$)/u)[0].trim();
}
