// How deep a page's tags nest, found by one pass over the source before any parser sees it:
// linkedom's parse, Readability's scoring and our walks all cost the square of the depth (2,000
// nested divs took 112 s) or recurse once per level (10,000 overflowed the stack). Pages that
// nest deeper than LIMITS.htmlDepth lose their layout wrappers (div, span, font, section …), each
// block wrapper turning into a paragraph break; what is still too deep after that is refused.
import { LIMITS } from './limits.js';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
/** Tags the HTML parser closes by itself when the same tag opens again (<p><p>, <li><li>). */
const SELF_ENDING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
/** Layout wrappers with no meaning for the text: block ones become paragraph breaks, inline ones go. */
const BLOCK_WRAPPERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'blockquote', 'form', 'fieldset', 'figure']);
const INLINE_WRAPPERS = new Set(['span', 'font', 'b', 'i', 'u', 'em', 'strong', 'small', 'big', 'a', 'sup', 'sub', 'label', 'abbr', 'cite', 'code', 'q', 's', 'strike', 'mark', 'ins', 'del']);
/** Raw-text elements: what is inside them is not markup. */
const RAW = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*|!doctype)\b[^>]*?(\/?)>/gu;

/** The deepest nesting of elements in an HTML source, and how many elements it opens, by a stack of open tag names. */
export function htmlShape(html: string): { depth: number; elements: number } {
  const stack: string[] = [];
  let max = 0;
  let elements = 0;
  const src = html.replace(RAW, '');
  for (const m of src.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (m[1] !== '/') elements++;
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      const at = stack.lastIndexOf(name);
      // a stray close tag matches nothing; looking further back than a few levels is never needed
      if (at >= 0 && stack.length - at <= 16) stack.length = at;
      continue;
    }
    if (SELF_ENDING.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > max) max = stack.length;
  }
  return { depth: max, elements };
}

export const htmlDepth = (html: string) => htmlShape(html).depth;

export type DepthCheck = { html: string; flattened: boolean; depth: number; elements: number };

/** The page as it can be read: unchanged when shallow, without its layout wrappers when not. */
export function limitHtmlDepth(html: string, limit: number = LIMITS.htmlDepth): DepthCheck {
  const { depth, elements } = htmlShape(html);
  if (depth <= limit) return { html, flattened: false, depth, elements };
  const flat = html
    .replace(TAG, (tag, _close: string, name: string) => {
      const n = name.toLowerCase();
      if (BLOCK_WRAPPERS.has(n)) return '\u0000';
      if (INLINE_WRAPPERS.has(n)) return '';
      return tag;
    })
    // a run of wrappers with nothing between them is one paragraph break, not thousands of empty ones
    .replace(/\u0000(?:\s*\u0000)*/gu, '</p><p>');
  return { html: flat, flattened: true, ...htmlShape(flat) };
}
