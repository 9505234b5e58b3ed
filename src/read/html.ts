// A saved government or news page → the article only. Readability finds the article; we walk its
// content (its textContent loses paragraph breaks) and put back the title and the byline
// (date · 来源), the two lines a TXT scrape of the same page keeps.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { isSiteControl } from '../normalize/site-furniture.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'pre', 'blockquote', 'dd', 'dt']);
const BYLINE = /((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:[\s\S]{0,40}?(来源|作者|发布机构|信息来源)\s*[:：]\s*([^\s|]+))?/u;

export function readHtml(html: string): Block[] {
  const { document } = parseHTML(html);
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
  return blocks.filter((b, i) => !(i > 0 && b.text === articleTitle) && !isSiteControl(b.text));
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
