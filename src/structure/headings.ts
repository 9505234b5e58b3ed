// The numbering grammar of Chinese official documents (GB/T 9704-2012 §7.3.3: 结构层次序数 一、
// （一） 1. （1）). Levels are by marker TYPE, not by position: real files mix 1. and 1、, write (一)
// with half-width brackets, and skip levels (一、 directly followed by 1.), so a level is a rank and
// the tree keeps whatever nesting the ranks give.
import type { Block } from '../model.js';
import { locateAttachments, parseAttachmentMarker, type AttachmentLayout } from './attachments.js';

export const meta = {
  name: 'headings',
  description: '标题层次: 一、 （一） 1. （1） ① and 附件N markers, the heading path of every paragraph',
} as const;

const CN = '[一二三四五六七八九十]';

/** Marker types in rank order; level 0 (附件) is handled by attachments.ts. */
const CHAPTER_NUM = '[一二三四五六七八九十百零〇\\d]{1,4}';
const MARKERS: readonly { type: string; level: number; re: RegExp }[] = [
  // 办法, 条例, 规定: 第一章 / 第一部分 (level 1), 第一节 (2), 第一条 (3, its body follows on the line)
  { type: 'chapter', level: 1, re: new RegExp(`^第${CHAPTER_NUM}(?:部分|章|篇)`, 'u') },
  { type: 'section', level: 2, re: new RegExp(`^第${CHAPTER_NUM}节`, 'u') },
  { type: 'article', level: 3, re: new RegExp(`^第${CHAPTER_NUM}条`, 'u') },
  // 一、 and the 一． some typists use; "一、二类" (an enumeration of numerals) is not a heading.
  { type: 'cn-dun', level: 1, re: new RegExp(`^(${CN}{1,3})\\s*[、．.](?!\\s*${CN}{1,2}[、类级])`, 'u') },
  { type: 'cn-paren', level: 2, re: new RegExp(`^[（(]\\s*(${CN}{1,3})\\s*[）)]`, 'u') },
  // 1. 1、 1． — but 1.5万 is a decimal; 1.6月30日前 is item 1 followed by a date.
  { type: 'arabic-dot', level: 3, re: /^(\d{1,2})\s*(?:、(?!\d+、)|[.．](?:(?!\d)|(?=(?:[1-9]|1[0-2])月)))/u },
  { type: 'arabic-paren', level: 4, re: /^(?:[（(]\s*(\d{1,2})\s*[）)]|(\d{1,2})[)）])/u },
  { type: 'circled', level: 5, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/u },
];

/** Where a heading written together with its body ends: the first sentence end. */
const LABEL_END = /[。！？；;]/u;
/** "（三）目标任务：到2020年…": a short lead-in ending in a colon is the heading too. */
const COLON = /[：:]/u;
const MAX_COLON_LABEL = 30;

export interface HeadingInfo {
  level: number;
  /** the heading as the path shows it: the whole line, or its first sentence when body follows */
  label: string;
  /** the numbering as written: "一、", "（一）", "1.", "附件1" */
  marker: string;
  /** what follows the label in the same paragraph ('' for a heading line on its own) */
  body: string;
}

function splitLabel(t: string): { label: string; body: string } {
  const end = t.search(LABEL_END);
  const colon = t.search(COLON);
  let cut = end < 0 ? t.length : end;
  if (colon >= 0 && colon < cut && colon <= MAX_COLON_LABEL && colon < t.length - 1) cut = colon;
  const label = t.slice(0, cut).trim();
  const body = t.slice(cut).replace(/^[。！？；;：:\s]+/u, '').trim();
  return { label, body };
}

/** The heading a line starts with, or null for body text. */
export function headingLevel(line: string): HeadingInfo | null {
  const t = line.trim();
  if (t === '') return null;
  const att = parseAttachmentMarker(t);
  if (att) {
    const marker = /^附\s*件\s*[\d一二三四五六七八九十]*/u.exec(t)![0];
    return { level: 0, label: t.replace(/\s+/gu, ' '), marker, body: '' };
  }
  for (const m of MARKERS) {
    const hit = m.re.exec(t);
    if (!hit) continue;
    const rest = t.slice(hit[0].length).trim();
    if (rest === '' || /^[，,。]/u.test(rest)) return null; // a bare number or "1，" is not a heading
    // an article is named by its number alone: "第三条 衔接资金重点支持…" → "第三条"
    const { label, body } = m.type === 'article' ? { label: hit[0].trim(), body: rest } : splitLabel(t);
    return { level: m.level, label, marker: hit[0].trim(), body };
  }
  return null;
}

export interface HeadingNode {
  block: number;
  level: number;
  label: string;
  marker: string;
  children: HeadingNode[];
}

export interface HeadingTree {
  /** top-level nodes: the body's 一、 sections and one node per 附件N */
  headings: HeadingNode[];
  /** pathOf[i]: labels from the top down to the heading block i belongs to (a heading includes itself) */
  pathOf: string[][];
}

/** Word's heading styles say "heading" when the numbering was automatic and the reader dropped it. */
function styleHeading(block: Block): HeadingInfo | null {
  const level = block.style?.heading;
  const t = block.text.trim();
  if (!level || level < 1 || level > 5 || block.style?.center) return null;
  if (t === '' || t.length > 40 || LABEL_END.test(t)) return null;
  return { level, label: t, marker: '', body: '' };
}

/** "主要任务：", "主要政策和措施：": an unnumbered lead-in line that groups the numbered items below it. */
const COLON_HEADING = /^[^，,。；;、\s]{2,14}[：:]$/u;
/** Lead-ins that open a list inside a sentence ("现通知如下：") are not section names. */
const NOT_COLON_HEADING = /(?:如下|以下|下列|各|附件?)[：:]?$|^(?:各|附)/u;

export function isColonHeading(line: string): boolean {
  const t = line.trim();
  return COLON_HEADING.test(t) && !NOT_COLON_HEADING.test(t) && headingLevel(t) === null;
}

/** 第X条: the numbered lines under an article are its items (see buildTree). */
const ARTICLE_MARKER = new RegExp(`^第${CHAPTER_NUM}条$`, 'u');

function insideArticle(stack: HeadingNode[]): boolean {
  return stack.some((n) => ARTICLE_MARKER.test(n.marker));
}

/**
 * Assigns every block its heading path; the attachment list lines are neither headings nor under one.
 * A colon heading ranks half a level below the heading it sits under, so numbered items nest in it,
 * and a later colon heading closes it (its siblings, not its children).
 */
export function buildTree(blocks: Block[], layout: AttachmentLayout = locateAttachments(blocks)): HeadingTree {
  const headings: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  const pathOf: string[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (layout.listBlocks.has(i)) {
      pathOf.push([]);
      continue;
    }
    if (layout.titleBlocks.has(i)) {
      pathOf.push(stack.map((n) => n.label));
      continue;
    }
    if (stack.length > 0 && isColonHeading(blocks[i].text)) {
      const open = stack.findIndex((n) => n.marker === '' && !Number.isInteger(n.level));
      if (open >= 0) stack.length = open;
      const parent = stack[stack.length - 1];
      const node: HeadingNode = { block: i, level: parent.level + 0.5, label: blocks[i].text.trim().replace(/[：:]$/u, ''), marker: '', children: [] };
      parent.children.push(node);
      stack.push(node);
      pathOf.push(stack.map((n) => n.label));
      continue;
    }
    let h = layout.startBlocks.has(i) ? headingLevel(blocks[i].text) : headingLevel(blocks[i].text) ?? styleHeading(blocks[i]);
    // inside a law's article, （一）… and 1.… are the article's items, not headings above it
    if (h && h.level !== 0 && h.marker !== '' && !h.marker.startsWith('第') && insideArticle(stack)) h = null;
    if (h && (h.level !== 0 || layout.startBlocks.has(i))) {
      let label = h.label;
      if (h.level === 0 && layout.titleBlocks.has(i + 1)) label = `${label} ${blocks[i + 1].text.trim().replace(/\s+/gu, ' ')}`;
      const node: HeadingNode = { block: i, level: h.level, label, marker: h.marker, children: [] };
      if (h.level === 0) stack.length = 0;
      while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
      if (stack.length === 0) headings.push(node);
      else stack[stack.length - 1].children.push(node);
      stack.push(node);
    }
    pathOf.push(stack.map((n) => n.label));
  }
  return { headings, pathOf };
}
