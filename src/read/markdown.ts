// Markdown (.md) → blocks: how public law collections and wikis publish laws and regulations.
// Front matter (--- … --- or +++ … +++) and HTML comments (<!-- … -->, often "INFO END" markers) are
// the collection's bookkeeping, not the text: dropped. A paragraph is the run of lines between blank
// lines (CommonMark), joined without a space, as Chinese is written. `#` headings become blocks of
// their own: the first level-1 heading is the document's title (centred), deeper ones keep their
// level for headings written without a number. Emphasis, links and list bullets lose their marks.
import type { Block } from '../model.js';

const FRONT_MATTER = /^\uFEFF?(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/u;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/gu;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
/** "===" / "---" under a line: a setext heading (level 1 / 2). */
const SETEXT = /^\s{0,3}(=+|-+)\s*$/u;
const FENCE = /^\s{0,3}(```|~~~)/u;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
const TABLE_ROW = /^\s*\|.*\|\s*$/u;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/u;
/** "- ", "* ", "+ " bullets and "> " quotes; numbered lists keep their numbers (they are numbering). */
const LINE_MARK = /^\s{0,3}(?:>\s?)*(?:[-*+]\s+)?/u;

const CN_NUMBERED = /^(?:第[一二三四五六七八九十百零〇\d]{1,4}[章节条]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/u;

/** Inline marks off: images, links (their text stays), emphasis, code ticks, HTML tags, hard breaks. */
export function inlineText(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/(\*{1,3}|_{2,3})(\S(?:.*?\S)?)\1/gu, '$2')
    .replace(/`([^`]*)`/gu, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/gu, '$1')
    .replace(/ {2,}$/u, '')
    .trim();
}

/** Two lines of one paragraph: Chinese joins without a space, Latin words keep one. */
function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9,.;:!?]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : `${a}${b}`;
}

export function readMarkdown(source: string): Block[] {
  const text = source.replace(FRONT_MATTER, '').replace(COMMENT, '');
  const lines = text.split(/\r?\n/u);
  const out: Block[] = [];
  let para: string[] = [];
  let titled = false;
  let fenced = false;

  const heading = (level: number, raw: string) => {
    const t = inlineText(raw);
    if (!t) return;
    if (level === 1 && !titled) {
      titled = true;
      out.push({ text: t, style: { center: true, bold: true } });
    } else {
      out.push({ text: t, style: { heading: Math.max(1, level - 1), bold: true } });
    }
  };
  const flush = () => {
    const t = para.map(inlineText).filter((l) => l !== '').reduce((a, b) => (a ? joinLines(a, b) : b), '');
    if (t) out.push({ text: t });
    para = [];
  };

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (FENCE.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (line.trim()) out.push({ text: line.trim() });
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      heading(h[1].length, h[2]);
      continue;
    }
    if (para.length === 1 && SETEXT.test(line) && !TABLE_RULE.test(para[0])) {
      const only = para[0];
      para = [];
      heading(line.trim().startsWith('=') ? 1 : 2, only);
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      if (TABLE_RULE.test(line)) continue;
      const cells = line.trim().replace(/^\||\|$/gu, '').split(/(?<!\\)\|/u).map(inlineText);
      if (cells.some((c) => c !== '')) out.push({ text: cells.join('\t'), style: { table: true } });
      continue;
    }
    if (line.trim() === '' || THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    // a list item starts a paragraph of its own; a bare continuation line joins the paragraph
    // (Chinese numbering — 第三条, （一）, 二、 — opens a paragraph too: laws put one article per line)
    const item = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/u.test(line) || CN_NUMBERED.test(inlineText(line.replace(LINE_MARK, '')));
    if (item) flush();
    para.push(line.replace(LINE_MARK, ''));
  }
  flush();
  return out;
}
