// What a news or government site wraps around an article when the page is saved as text:
// banners and menus above the breadcrumb, the editor's line, share buttons and counters below.
import type { Block } from '../model.js';
import { isBreadcrumb, isRecordRow, isRelatedListHead, isSiteControl } from '../lexicon/lines.js';
import { bylineLine, RECORD_HEAD } from '../lexicon/page-record.js';

// the line tests live in the lexicon: the HTML reader asks them too, before normalize runs
export { isBreadcrumb, isRecordRow, isSiteControl };

/** The article's end marker: "(责任编辑:朱洁英)", "责任编辑：…", "编辑：…  审核：…". */
export function isEditorLine(line: string): boolean {
  return /^[(（【\[]?\s*(责任编辑|责编|编辑|审核|校对|审校)\s*[:：]/u.test(line.trim());
}

/** Drop the site's furniture: everything up to a breadcrumb near the top, and from the editor line on. */
export function dropSiteFurniture(blocks: Block[]): Block[] {
  let start = 0;
  const head = Math.min(blocks.length, 15);
  for (let i = 0; i < head; i++) if (isBreadcrumb(blocks[i].text)) start = i + 1;
  let end = blocks.length;
  for (let i = Math.max(start, Math.floor(blocks.length * 0.6)); i < blocks.length; i++) {
    if (isEditorLine(blocks[i].text)) {
      end = i;
      break;
    }
  }
  return blocks
    .slice(start, end)
    .map((b) => ({ ...b, text: b.text.replace(/\s*字号\s*[:：]\s*大\s*中\s*小\s*$/u, '') }))
    .filter((b) => !isSiteControl(b.text));
}

/**
 * A saved or printed page's byline line ("发布日期：2020-02-18 16:16 浏览次数：字体：[大 中 小]") near
 * the top, kept as the HTML reader keeps the same page's byline: its date (and source), without the
 * counters and controls beside it.
 */
export function compactBylines(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    if (i >= RECORD_HEAD || b.style?.table) return b;
    const byline = bylineLine(b.text);
    return byline && byline !== b.text.trim() ? { ...b, text: byline } : b;
  });
}

/** A list entry's bullet as the page's text keeps it: ".标题", "·标题", "• 标题". */
const LIST_BULLET = /^[.·•●▪◆■]\s*[^\s.·]/u;
/** A list of one entry is no list: a headline over a date is a 落款 as well. */
const MIN_LISTED_PAGES = 2;

/**
 * The portal's list of its other pages at the article's end ("相关阅读": ".标题" over "2020-02-13",
 * entry by entry) as a saved or printed page keeps it. The HTML reader leaves it with the page
 * around the article; kept in the text, each headline over its date reads as a 落款.
 */
export function dropRelatedList(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0 && isRelatedListHead(blocks[end - 1].text)) end--;
  let start = end;
  let entries = 0;
  while (start >= 2 && bylineLine(blocks[start - 1].text) !== null && LIST_BULLET.test(blocks[start - 2].text.trim())) {
    start -= 2;
    entries++;
  }
  if (entries < MIN_LISTED_PAGES) start = end;
  while (start > 0 && start < blocks.length && isRelatedListHead(blocks[start - 1].text)) start--;
  return start === blocks.length ? blocks : blocks.slice(0, start);
}
