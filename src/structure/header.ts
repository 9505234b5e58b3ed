// 版头 and the top of 主体 (GB/T 9704-2012 §7.2, §7.3.1–7.3.2): 份号/密级/紧急程度, 发文机关标志,
// 发文字号, then the title and 主送机关. Scraped articles have a breadcrumb above the title and a
// byline below it instead. Everything is read from text; style (centered, bold) only breaks ties.
import type { Block, DocNumber } from '../model.js';
import { findDocNumbers, parseDocNumber } from '../lexicon/doc-numbers.js';
import { findDates } from '../lexicon/dates.js';
import { isIssueLine } from './bulletin.js';
import { setInOtherSize } from '../lexicon/lines.js';
import { headingLevel } from './headings.js';
import { parseAttachmentMarker } from './attachments.js';
import { dateLine, isByline } from './closing.js';
import { mastheadIssuer, splitIssuers } from './issuers.js';
import { endsWithTitleWord, isTitleShaped } from './titles.js';

export const meta = {
  name: 'header',
  description: '版头: issuer, 发文字号, title lines, 主送机关 and byline at the top of a document',
} as const;

/** "首页 > 滚动资讯 > 正文", "当前位置：首页 » 政策": the site's path to the article. */
const BREADCRUMB = /(?:首页|当前位置|您的位置|你的位置|所在位置).{0,40}(?:>|＞|»|›|\/)/u;
/**
 * 份号 (six digits), 密级 and 紧急程度 lines that can sit above the 版头; and the "附件1" mark above the
 * title of an attachment published as a file of its own (tables: a split-out 附件 table).
 */
const TOP_MARKS = /^(?:\d{6}|特急|加急|平急|特提|急件|(?:秘密|机密|绝密)(?:\s*★.*)?|附\s*件\s*\d{0,2})$/u;
/** "签发人：张三" shares the 发文字号 line in 上行文. */
const SIGNER = /\s*签发人\s*[:：].*$/u;
/** "签发人：张三" on a line of its own. */
const SIGNER_LINE = /^签发人\s*[:：]/u;
/** "（2019年4月2日县委常委会会议审议通过）": a bracketed note under the title, dated for adopted texts. */
const TITLE_NOTE = /^[（(][^（）()]{4,60}[）)]$/u;
/** The body a law or regulation was adopted by, in the note under its title. */
const ADOPTED_BY =
  /(?:^|[日（(，,\s])((?:[\u4e00-\u9fff]{2,10}?)?第[一二三四五六七八九十]{1,3}届(?:全国)?人民代表大会(?:常务委员会)?|国务院|[\u4e00-\u9fff]{2,12}?人民政府)第[一二三四五六七八九十百零〇\d]{1,4}次(?:全体|常务)?会议(?:审议)?(?:通过|修订|修正)/u;
/** A 主送 line ends in a colon and addresses bodies. */
const RECIPIENTS = /^[^。！？]{2,200}[：:]$/u;
/** The red line under the 版头 as text templates draw it: a run of rules, dashes or underscores. */
const RED_LINE = /^[━─—―_＿=＝\-－~～·•\s]{4,}$/u;
/** "文件" on a line of its own, beside or under a joint masthead's stacked names. */
const FILE_WORD = /^文\s*件$/u;

/** A red line drawn with characters, glued by line joining to the number under it. */
const RULE_RUN = /^[━─—―_＿=＝]{4,}\s*|\s*[━─—―_＿=＝]{4,}$/gu;

/**
 * A header line as the template meant it: "海 南 省 农 业 农 村 厅 文 件" (letter-spaced) without its
 * spaces, and a rule run glued to the line ("＿＿＿＿琼农发〔2024〕12号") cut off.
 */
function headerLine(text: string): string {
  const t = text.trim();
  if (RED_LINE.test(t)) return t;
  const cut = t.replace(RULE_RUN, '').trim();
  return /^(?:[\u4e00-\u9fff]\s+){3,}[\u4e00-\u9fff]$/u.test(cut) ? cut.replace(/\s+/gu, '') : cut;
}

/** How far the header may reach before the body must have started. */
const HEADER_WINDOW = 14;
/** Where site navigation can still be above the title. */
const NAVIGATION_WINDOW = 20;

export interface Header {
  /** first block after any site navigation */
  start: number;
  /** issuer from the 版头 or issuer lines above the title ('' when none) */
  issuer: string;
  docNumber: DocNumber | null;
  /** the title as written, lines joined with a space */
  rawTitle: string;
  titleBlocks: number[];
  recipients: string[];
  /** the 主送 line(s) among `blocks` */
  recipientBlocks: number[];
  /** a date printed in the header (a bulletin's date line, "（2018年4月2日）" under a title) */
  date: string;
  /** a scraped article's publication date, which is not the 成文日期 */
  published: string;
  /** all header blocks: boilerplate for the task splitter */
  blocks: number[];
  /** first block after the header */
  end: number;
}

function navigationEnd(blocks: Block[]): number {
  const limit = Math.min(blocks.length, NAVIGATION_WINDOW);
  for (let i = 0; i < limit; i++) if (BREADCRUMB.test(blocks[i].text)) return i + 1;
  return 0;
}

/** The 发文字号 a header line carries, alone or followed by 签发人. */
export function headerDocNumber(line: string): DocNumber | null {
  const t = line.trim().replace(SIGNER, '');
  const whole = parseDocNumber(t);
  if (whole) return whole;
  // A line starting with the number and carrying nothing else but the issuer code noise.
  const hits = findDocNumbers(t);
  if (hits.length === 1 && hits[0].end === t.length && hits[0].start === 0) {
    const h = hits[0];
    return { text: h.text, issuerCode: h.issuerCode, year: h.year, serial: h.serial };
  }
  return null;
}

/** The 主送机关 of a line ("各乡镇党委、政府，县直各部门：" → two entries), or null. */
export function parseRecipients(line: string): string[] | null {
  const t = line.trim();
  if (!RECIPIENTS.test(t) || t.length < 3) return null;
  const body = t.slice(0, -1);
  if (/^(?:附件|附|注|说明|主要任务|主要政策|联系人|抄送|报送)/u.test(body)) return null;
  // Addressed bodies: collective forms (各…, 有关…) or names; a sentence lead-in ("现通知如下：") is not.
  if (!/(?:各|有关|相关|所属|直属)/u.test(body) && !splitIssuers(body.replace(/[，,；;]/gu, ' '))) return null;
  if (/(?:如下|下列|以下)$/u.test(body)) return null;
  return body.split(/[，,；;]/u).map((s) => s.trim()).filter((s) => s !== '');
}

/** A 主送 line, or one broken over two lines (a PDF line end the reader did not join). */
function recipientsAt(blocks: Block[], i: number): { list: string[]; blocks: number[] } | null {
  const t = blocks[i].text.trim();
  const one = parseRecipients(t);
  if (one) return { list: one, blocks: [i] };
  if (i + 1 >= blocks.length || /[。！？：:]/u.test(t)) return null;
  const two = parseRecipients(t + blocks[i + 1].text.trim());
  return two ? { list: two, blocks: [i, i + 1] } : null;
}

/** A title has reached its end at a 文种 word with its 《》 closed ("关于印发《…方案》" still needs "的通知"). */
function titleComplete(title: string): boolean {
  const open = (title.match(/《/gu) ?? []).length;
  const close = (title.match(/》/gu) ?? []).length;
  return endsWithTitleWord(title) && open === close && !/》$/u.test(title);
}

/**
 * The first title-shaped line after the 版头 starts the title. Shape alone decides (isTitleShaped:
 * one line, no sentence punctuation, not ending in a colon): a news article's title names no 文种,
 * and neither 关于 nor centering is tested here. The 文种 ending only decides where a title broken
 * over lines stops (titleComplete).
 */
function isTitleStart(block: Block): boolean {
  return isTitleShaped(block.text);
}

/** The header as read so far, shared by the line readers below. */
interface HeaderState {
  blocks: Block[];
  start: number;
  /** end of the header window: a broken title may not join lines past it */
  limit: number;
  h: Header;
  issuerLines: string[];
}

/**
 * What one header line did: the blocks it used (`take`), the block reading goes on at (`next`), and
 * `stop` when the header ends with it (the 主送 line). A reader returns null when the line is not of
 * its kind, and the next reader in HEADER_LINES is asked.
 */
interface Step {
  take: number[];
  next: number;
  stop?: boolean;
}

type LineReader = (s: HeaderState, t: string, i: number) => Step | null;

const titled = (s: HeaderState): boolean => s.h.titleBlocks.length > 0;
/** The line was used and reading goes on under it. */
const took = (i: number): Step => ({ take: [i], next: i + 1 });

/** 份号, 密级, 紧急程度 and blank lines: passed over, not header blocks of their own. */
const topMark: LineReader = (_s, t, i) => (t === '' || TOP_MARKS.test(t) ? { take: [], next: i + 1 } : null);

/** The red line and a "文件" standing apart from the names belong to the 版头. */
const redLine: LineReader = (s, t, i) =>
  !titled(s) && (RED_LINE.test(t) || (FILE_WORD.test(t) && s.issuerLines.length > 0)) ? took(i) : null;

/** A file that is one attachment split out of its notice opens with "附件1": its title follows. */
const attachmentMark: LineReader = (s, t, i) =>
  i === s.start && !titled(s) && parseAttachmentMarker(t)?.title === '' ? took(i) : null;

/** "签发人：张三    琼农报〔2024〕3号": the number may stand right of the signer on the same line. */
const signer: LineReader = (s, t, i) => {
  if (!SIGNER_LINE.test(t)) return null;
  const hits = s.h.docNumber ? [] : findDocNumbers(t);
  if (hits.length === 1 && hits[0].end === t.length) {
    const n = hits[0];
    s.h.docNumber = { text: n.text, issuerCode: n.issuerCode, year: n.year, serial: n.serial };
  }
  return took(i);
};

/** The 发文字号 line; only the first number counts. */
const docNumber: LineReader = (s, t, i) => {
  const number = s.h.docNumber ? null : headerDocNumber(t);
  if (!number) return null;
  s.h.docNumber = number;
  return took(i);
};

/** "海南省农业农村厅文件": the masthead above the title. */
const masthead: LineReader = (s, t, i) => {
  const issuer = titled(s) ? null : mastheadIssuer(t);
  if (!issuer) return null;
  s.issuerLines.push(issuer);
  return took(i);
};

/** Issuer names on a line of their own above the title (a joint masthead without "文件"). */
const issuerLine: LineReader = (s, t, i) => {
  const names = titled(s) ? null : splitIssuers(t);
  if (!names || endsWithTitleWord(t)) return null;
  s.issuerLines.push(names.join(' '));
  return took(i);
};

/** A date line in the header (a bulletin's date); the first one counts. */
const date: LineReader = (s, t, i) => {
  const d = dateLine(t);
  if (!d) return null;
  if (!s.h.date) s.h.date = d;
  return took(i);
};

/** "（2019年4月2日县委常委会会议审议通过）" under the title: its date, and the body that adopted a law. */
const titleNote: LineReader = (s, t, i) => {
  if (!titled(s) || !TITLE_NOTE.test(t) || parseRecipients(t)) return null;
  const dates = findDates(t);
  if (dates.length === 1 && !s.h.date) s.h.date = dates[0].date;
  // a law's note names the body that adopted it: "（…第十届全国人民代表大会常务委员会第十次会议通过）"
  const adopted = ADOPTED_BY.exec(t);
  if (adopted && s.issuerLines.length === 0) s.issuerLines.push(adopted[1]);
  return took(i);
};

/** A scraped article's byline: its publication date. */
const byline: LineReader = (s, t, i) => {
  if (!isByline(t)) return null;
  s.h.published = findDates(t)[0].date;
  return took(i);
};

/** The first title-shaped line starts the title; a long title broken over lines is joined here. */
const title: LineReader = (s, _t, i) => {
  const { blocks, limit, h } = s;
  if (titled(s) || !isTitleStart(blocks[i])) return null;
  h.titleBlocks.push(i);
  // join while the title has not reached its 文种 and the next line continues it
  let last = i;
  while (last + 1 < limit && !titleComplete(h.titleBlocks.map((k) => blocks[k].text.trim()).join(''))) {
    const next = blocks[last + 1].text.trim();
    if (!isTitleShaped(next, 1) || parseRecipients(next) || dateLine(next) || isByline(next)) break;
    if (headingLevel(next) || splitIssuers(next) || isIssueLine(next) || TITLE_NOTE.test(next)) break;
    // a title broken over lines keeps its type size; the line under it in another size, or a table's
    // row (a 公示's header row right under its title), is not its rest
    if (setInOtherSize(blocks[last], blocks[last + 1]) || blocks[last + 1].style?.table) break;
    h.titleBlocks.push(++last);
  }
  return { take: [last], next: last + 1 };
};

/** The 主送 line under the title (maybe broken over two lines) ends the header. */
const recipients: LineReader = (s, _t, i) => {
  const r = titled(s) && s.h.recipients.length === 0 ? recipientsAt(s.blocks, i) : null;
  if (!r) return null;
  s.h.recipients = r.list;
  s.h.recipientBlocks = r.blocks;
  return { take: r.blocks, next: r.blocks[r.blocks.length - 1] + 1, stop: true };
};

/** A bulletin's 期号 line belongs to the header. */
const issueLine: LineReader = (_s, t, i) => (isIssueLine(t) ? took(i) : null);

/**
 * The kinds of header line, asked in this order for each line; the first that knows the line reads
 * it. Order matters where kinds overlap: a 发文字号 before an issuer name, a date line before a title
 * note, a title before a 主送 line. A line no reader knows ends the header.
 */
const HEADER_LINES: readonly LineReader[] = [
  topMark, redLine, attachmentMark, signer, docNumber, masthead, issuerLine, date, titleNote, byline, title, recipients, issueLine,
];

/** Reads the header from the top; every part is optional and an absent part stays empty. */
export function readHeader(blocks: Block[]): Header {
  const start = navigationEnd(blocks);
  const h: Header = {
    start, issuer: '', docNumber: null, rawTitle: '', titleBlocks: [], recipients: [], recipientBlocks: [], date: '', published: '', blocks: [], end: start,
  };
  const s: HeaderState = { blocks, start, limit: Math.min(blocks.length, start + HEADER_WINDOW), h, issuerLines: [] };
  let i = start;
  while (i < s.limit) {
    const t = headerLine(blocks[i].text);
    let step: Step | null = null;
    for (const read of HEADER_LINES) if ((step = read(s, t, i))) break;
    if (!step) break;
    h.blocks.push(...step.take);
    i = step.next;
    if (step.stop) break;
  }
  h.end = h.titleBlocks.length > 0 || h.docNumber ? i : start;
  h.blocks = h.end === start ? [] : [...new Set([...h.blocks, ...h.titleBlocks])].sort((a, b) => a - b);
  h.rawTitle = h.titleBlocks.map((k) => blocks[k].text.trim()).join(' ');
  // the masthead and an issuer line above the title often name the same body twice
  h.issuer = [...new Set(s.issuerLines.flatMap((l) => l.split(' ')))].join(' ');
  return h;
}
