// A saved government or news page → the article only. Readability finds the article; we walk its
// content (its textContent loses paragraph breaks) and put back the title and the byline
// (date · 来源), the two lines a TXT scrape of the same page keeps.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, Message, PageFacts } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { isSiteControl } from '../normalize/site-furniture.js';
import { limitHtmlDepth } from './html-depth.js';
import { LIMITS } from './limits.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'pre', 'blockquote', 'dd', 'dt']);
const BYLINE = /((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:[\s\S]{0,40}?(来源|作者|发布机构|信息来源)\s*[:：]\s*([^\s|]+))?/u;

export interface HtmlRead {
  blocks: Block[];
  facts: PageFacts;
  messages: Message[];
}

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

export function readHtml(source: string): HtmlRead {
  const messages: Message[] = [];
  if (source.length > LIMITS.htmlChars) throw new ReadFailure('E_HTML_TOO_LARGE', `${source.length} 字符，上限 ${LIMITS.htmlChars} 字符`);
  const { html, flattened, depth, elements } = limitHtmlDepth(source);
  if (depth > LIMITS.htmlDepth) throw new ReadFailure('E_HTML_TOO_DEEP', `${depth} 层，上限 ${LIMITS.htmlDepth} 层`);
  // Readability scores every element: 150,000 took 7 s and 500 MB
  if (elements > LIMITS.htmlElements) throw new ReadFailure('E_HTML_TOO_LARGE', `${elements} 个元素，上限 ${LIMITS.htmlElements} 个`);
  if (flattened) messages.push(message('W_HTML_FLATTENED', 'warning'));
  const { document } = parseHTML(html);
  const facts = readPageFacts(cellText(document.body as unknown as Element));
  const titleEl = findTitleElement(document as unknown as Document);
  const title = (titleEl?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const byline = findByline(titleEl);
  const reader = new Readability(document as unknown as Document, { keepClasses: false });
  const article = reader.parse();
  if (!article?.content) throw new ReadFailure('E_NO_TEXT', '网页中找不到正文');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks: Block[] = [];
  const articleTitle = title || stripSiteSuffix(article.title ?? '');
  if (articleTitle) blocks.push({ text: articleTitle, style: { heading: 1, center: true } });
  if (byline) blocks.push({ text: byline });
  walk(content.body as unknown as Element, blocks);
  // readability keeps the title inside the content at times: do not repeat it
  return { blocks: blocks.filter((b, i) => !(i > 0 && b.text === articleTitle) && !isSiteControl(b.text)), facts, messages };
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
    if (BLOCK_TAGS.has(tag)) {
      const text = (tag === 'tr' ? Array.from(child.children).map((c) => c.textContent ?? '').join('\t') : child.textContent ?? '').trim();
      if (text) out.push({ text, ...(/^h[1-6]$/.test(tag) ? { style: { heading: Number(tag[1]) } } : tag === 'tr' ? { style: { table: true } } : {}) });
    } else {
      walk(child, out);
    }
  }
}

/**
 * The article's title on the page: an h1, or the element whose text the page's <title> starts with
 * (sites put it in div.title, h2, p.bt … and add "_栏目_网站名" to the <title>).
 */
function findTitleElement(document: Document): Element | null {
  const pageTitle = (document.querySelector('title')?.textContent ?? '').replace(/\s+/gu, '');
  const candidates = Array.from(document.querySelectorAll('h1, h2, h3, [class*="title"], [id*="title"], [class*="bt"], strong, p, div')) as Element[];
  const own = (el: Element) => (el.textContent ?? '').replace(/\s+/gu, '');
  const h1 = document.querySelector('h1');
  if (h1 && own(h1).length >= 4) return h1;
  let best: Element | null = null;
  for (const el of candidates) {
    const t = own(el);
    if (t.length < 6 || t.length > 120 || !pageTitle.startsWith(t)) continue;
    if (!best || t.length > own(best).length) best = el;
  }
  return best;
}

/** The byline near the title: "2019年03月03日 10:19 来源:辽宁日报", without the font-size control after it. */
function findByline(h1: Element | null): string {
  let el = h1?.nextElementSibling ?? null;
  for (let i = 0; el && i < 3; i++, el = el.nextElementSibling) {
    const m = BYLINE.exec((el.textContent ?? '').replace(/\s+/g, ' '));
    if (m) return m[2] ? `${m[1]} ${m[2]}:${m[3]}` : m[1];
  }
  return '';
}

/** "标题_栏目_网站名" or "标题 - 网站名" → "标题". */
export function stripSiteSuffix(title: string): string {
  return title.split(/\s*[_|｜]\s*|\s+[-–—]\s+|[-–—](?=[^-–—]*(?:网|网站|门户|政府|平台)$)/u)[0].trim();
}
