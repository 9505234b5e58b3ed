// 附件 (GB/T 9704-2012 §7.3.6, §8.2): after the body comes the attachment list ("附件：1.××" with
// further numbered lines below it), and each attachment body starts on its own page with "附件1"
// (or bare "附件" when there is only one) in the top-left corner, its title on the next line.
import type { Attachment, Block } from '../model.js';
import { parseChineseNumber } from '../lexicon/numerals.js';
import { splitIssuers } from './issuers.js';

export const meta = {
  name: 'attachments',
  description: '附件: the attachment list after the body and the 附件N blocks that start each attachment',
} as const;

/** "附件1", "附件 2：标题", "附件三", and a bare "附件" (the only attachment). */
const ATTACHMENT_START = /^附\s*件\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:．.、]?\s*(.*)$/u;
/** "附件：…" / "附：…" opens the list; the rest of the line is its first item or the list's own title. */
const ATTACHMENT_LIST_HEAD = /^附\s*件?\s*[：:]\s*(.*)$/u;
/** One list item: "1.标题", "2、标题", "- 3.标题" (a list dash some converters leave). */
const LIST_ITEM = /^(?:[-•·]\s*)?(\d{1,2})\s*[.．、]\s*(\S.*)$/u;
/** A list item or attachment title is one line: anything longer is body text. */
const MAX_TITLE_LENGTH = 60;
const SENTENCE_END = /[。！？；]/u;

export interface AttachmentMarker {
  /** 0 when the marker carries no number (bare 附件, the only attachment) */
  index: number;
  /** the title written on the same line, '' when it follows on the next line */
  title: string;
}

/** The 附件N line that opens an attachment body; the list head "附件：…" is not one. */
export function parseAttachmentMarker(line: string): AttachmentMarker | null {
  const t = line.trim();
  if (ATTACHMENT_LIST_HEAD.test(t) && !/^附\s*件\s*[\d一二三四五六七八九十]/u.test(t)) return null;
  const m = ATTACHMENT_START.exec(t);
  if (!m) return null;
  const title = m[2].trim();
  if (m[1] === undefined && title !== '') return null; // "附件要求…" is a sentence, not a marker
  if (title.length > MAX_TITLE_LENGTH || SENTENCE_END.test(title)) return null;
  const index = m[1] === undefined ? 0 : parseChineseNumber(m[1]) ?? 0;
  return { index, title };
}

export interface AttachmentLayout {
  attachments: Attachment[];
  /** blocks of the attachment list after the body: not headings, not tasks */
  listBlocks: Set<number>;
  /** block → index of the attachment whose body it opens (the 附件N line) */
  startBlocks: Map<number, number>;
  /** title lines that follow a bare 附件N line: part of that heading */
  titleBlocks: Set<number>;
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

function isTitleLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_TITLE_LENGTH && !SENTENCE_END.test(t) && parseAttachmentMarker(t) === null;
}

/** Longest tail of a title the line break left on a line of its own. */
const MAX_TITLE_TAIL = 8;

/**
 * The line after a list item finishes its title: short, no punctuation or numbering of its own, and
 * the item before it has not reached a natural end (a 文种 word, a closing bracket).
 */
function isTitleTail(title: string, line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > MAX_TITLE_TAIL || /[。！？；，,：:、]/u.test(t)) return false;
  if (parseAttachmentMarker(t) !== null || LIST_ITEM.test(t) || /^[\d一二三四五六七八九十（(第]/u.test(t)) return false;
  // the 落款 under the list: a body's name ("××县人民政府") or a date
  if (splitIssuers(t) !== null || /\d/u.test(t)) return false;
  if (/[）)》”"]$/u.test(title) || TITLE_END.test(title)) return false;
  return collapse(title + t).length <= MAX_TITLE_LENGTH;
}

/** Words a title ends with when it is complete (文种 and list words). */
const TITLE_END = /(?:方案|意见|通知|办法|细则|规定|规划|计划|要点|清单|名单|目录|一览表|明细表|表|范围|指南|标准|制度|措施|决定|报告|函)$/u;

/** Reads the list entries starting at block `i` (the list head); returns the entries and the blocks used. */
function readList(blocks: Block[], i: number): { items: Attachment[]; used: number[] } {
  const head = ATTACHMENT_LIST_HEAD.exec(blocks[i].text.trim());
  const items: Attachment[] = [];
  const used = [i];
  const first = head ? head[1].trim() : '';
  const firstItem = LIST_ITEM.exec(first);
  if (firstItem) items.push({ index: Number(firstItem[1]), title: collapse(firstItem[2]), where: { block: i } });
  let j = i + 1;
  for (; j < blocks.length; j++) {
    const m = LIST_ITEM.exec(blocks[j].text.trim());
    if (!m || !isTitleLine(m[2])) break;
    items.push({ index: Number(m[1]), title: collapse(m[2]), where: { block: j } });
    used.push(j);
  }
  // "附件：××方案" with no numbered lines below: the only attachment, written on the head line.
  if (items.length === 0 && first !== '' && isTitleLine(first)) items.push({ index: 1, title: collapse(first), where: { block: i } });
  // A title broken across lines ("…种类范" then "围"): a short tail that finishes the last item.
  const last = items[items.length - 1];
  if (last && j < blocks.length && used[used.length - 1] === j - 1 && isTitleTail(last.title, blocks[j].text)) {
    last.title = collapse(`${last.title}${blocks[j].text.trim()}`);
    used.push(j);
  }
  return { items, used };
}

/**
 * Finds the attachment list and the attachment bodies. A run of two or more "附件N：标题" lines is a
 * list written the other common way (one 附件 per line), not a set of attachment bodies.
 */
export function locateAttachments(blocks: Block[]): AttachmentLayout {
  const listBlocks = new Set<number>();
  const startBlocks = new Map<number, number>();
  const titleBlocks = new Set<number>();
  const listed = new Map<number, Attachment>();
  const bodies = new Map<number, Attachment>();
  const markers = blocks.map((b) => parseAttachmentMarker(b.text));

  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i].text.trim();
    if (ATTACHMENT_LIST_HEAD.test(text) && markers[i] === null) {
      const { items, used } = readList(blocks, i);
      // a bare "附件：" (the files were links on a web page) is still the list's head, not a measure
      if (items.length === 0 && ATTACHMENT_LIST_HEAD.exec(text)![1].trim() === '') listBlocks.add(i);
      if (items.length === 0) continue;
      used.forEach((b) => listBlocks.add(b));
      for (const it of items) if (!listed.has(it.index)) listed.set(it.index, it);
      i = used[used.length - 1];
      continue;
    }
    const mk = markers[i];
    if (!mk) continue;
    const runNeighbour = (k: number) => markers[k] !== null && markers[k] !== undefined && markers[k]!.title !== '';
    if (mk.title !== '' && (runNeighbour(i - 1) || runNeighbour(i + 1))) {
      listBlocks.add(i);
      if (!listed.has(mk.index)) listed.set(mk.index, { index: mk.index, title: collapse(mk.title), where: { block: i } });
      continue;
    }
    const index = mk.index === 0 ? 1 : mk.index;
    let title = collapse(mk.title);
    if (title === '' && i + 1 < blocks.length && isTitleLine(blocks[i + 1].text)) {
      title = collapse(blocks[i + 1].text);
      titleBlocks.add(i + 1);
      // a title over two or three lines ("2024—2026年某省" / "农机…种类范围"): join until it ends
      for (let k = i + 2; k <= i + 3 && k < blocks.length && !TITLE_END.test(title); k++) {
        const next = blocks[k].text.trim();
        if (!isTitleLine(next) || LIST_ITEM.test(next) || /^[（(\d一二三四五六七八九十]/u.test(next) || !TITLE_END.test(collapse(title + next))) break;
        title = collapse(`${title}${next}`);
        titleBlocks.add(k);
      }
    }
    startBlocks.set(i, index);
    if (!bodies.has(index)) bodies.set(index, { index, title, where: { block: i } });
  }

  // The body's own title wins (it is the attachment itself); the list fills in what has no body.
  const indexes = [...new Set([...listed.keys(), ...bodies.keys()])].sort((a, b) => a - b);
  const attachments = indexes.map((index) => {
    const body = bodies.get(index);
    const item = listed.get(index);
    if (body) return { index, title: body.title || item?.title || '', where: body.where };
    return item!;
  });
  return { attachments, listBlocks, startBlocks, titleBlocks };
}
