// 版头 and the top of 主体 (GB/T 9704-2012 §7.2, §7.3.1–7.3.2): 份号/密级/紧急程度, 发文机关标志,
// 发文字号, then the title and 主送机关. Scraped articles have a breadcrumb above the title and a
// byline below it instead. Everything is read from text; style (centered, bold) only breaks ties.
import type { Block, DocNumber } from '../model.js';
import { findDocNumbers, parseDocNumber } from '../../extractors/doc-numbers.js';
import { findDates } from '../../extractors/dates.js';
import { dateLine, isByline } from './closing.js';
import { mastheadIssuer, splitIssuers } from './issuers.js';
import { endsWithTitleWord, isTitleShaped } from './titles.js';

export const meta = {
  name: 'header',
  description: '版头: issuer, 发文字号, title lines, 主送机关 and byline at the top of a document',
} as const;

/** "首页 > 滚动资讯 > 正文", "当前位置：首页 » 政策": the site's path to the article. */
const BREADCRUMB = /(?:首页|当前位置|您的位置|你的位置|所在位置).{0,40}(?:>|＞|»|›|\/)/u;
/** 份号 (six digits), 密级 and 紧急程度 lines that can sit above the 版头. */
const TOP_MARKS = /^(?:\d{6}|特急|加急|平急|特提|急件|(?:秘密|机密|绝密)(?:\s*★.*)?)$/u;
/** "签发人：张三" shares the 发文字号 line in 上行文. */
const SIGNER = /\s*签发人\s*[:：].*$/u;
/** A 主送 line ends in a colon and addresses bodies. */
const RECIPIENTS = /^[^。！？]{2,200}[：:]$/u;
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

function isTitleStart(block: Block, seenTitleless: boolean): boolean {
  const t = block.text.trim();
  if (!isTitleShaped(t)) return false;
  if (endsWithTitleWord(t) || t.includes('关于') || block.style?.center) return true;
  // A news article's title names no 文种: accept the first title-shaped line when nothing else fits.
  return !seenTitleless;
}

/** Reads the header from the top; every part is optional and an absent part stays empty. */
export function readHeader(blocks: Block[]): Header {
  const start = navigationEnd(blocks);
  const h: Header = {
    start, issuer: '', docNumber: null, rawTitle: '', titleBlocks: [], recipients: [], date: '', published: '', blocks: [], end: start,
  };
  const issuerLines: string[] = [];
  const limit = Math.min(blocks.length, start + HEADER_WINDOW);
  let i = start;
  for (; i < limit; i++) {
    const t = blocks[i].text.trim();
    if (t === '' || TOP_MARKS.test(t)) continue;
    const titled = h.titleBlocks.length > 0;
    const number = h.docNumber ? null : headerDocNumber(t);
    if (number) {
      h.docNumber = number;
    } else if (!titled && mastheadIssuer(t)) {
      issuerLines.push(mastheadIssuer(t)!);
    } else if (!titled && splitIssuers(t) && !endsWithTitleWord(t)) {
      issuerLines.push(splitIssuers(t)!.join(' '));
    } else if (dateLine(t)) {
      if (!h.date) h.date = dateLine(t)!;
    } else if (isByline(t)) {
      h.published = findDates(t)[0].date;
    } else if (!titled && isTitleStart(blocks[i], false)) {
      h.titleBlocks.push(i);
      // A long title breaks over lines; join while the title has not reached its 文种 and the next line continues it.
      while (i + 1 < limit && !endsWithTitleWord(blocks[h.titleBlocks[h.titleBlocks.length - 1]].text)) {
        const next = blocks[i + 1].text.trim();
        if (!isTitleShaped(next) || parseRecipients(next) || dateLine(next) || isByline(next)) break;
        h.titleBlocks.push(++i);
      }
    } else if (titled && h.recipients.length === 0 && parseRecipients(t)) {
      h.recipients = parseRecipients(t)!;
      h.blocks.push(i);
      i++;
      break;
    } else if (/^第\s*[\d一二三四五六七八九十百]+\s*期/u.test(t) && t.length <= 30) {
      // a bulletin's 期号 line belongs to the header
    } else {
      break;
    }
    h.blocks.push(i);
  }
  h.end = h.titleBlocks.length > 0 || h.docNumber ? i : start;
  h.blocks = h.end === start ? [] : [...new Set([...h.blocks, ...h.titleBlocks])].sort((a, b) => a - b);
  h.rawTitle = h.titleBlocks.map((k) => blocks[k].text.trim()).join(' ');
  h.issuer = issuerLines.join(' ');
  return h;
}
