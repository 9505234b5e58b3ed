// 落款 and 版记 (GB/T 9704-2012 §7.3.5, §7.4): the signature and 成文日期 under the body, the 抄送/印发
// lines at the foot, and, for scraped articles, the site's byline, editor line and share widgets.
// None of these are tasks; the splitter skips the blocks listed here.
import type { Block } from '../model.js';
import { findDates, parseFullDate } from '../lexicon/dates.js';
import { splitIssuers } from './issuers.js';
import { endsWithTitleWord } from './titles.js';

export const meta = {
  name: 'closing',
  description: '落款/版记: signature and date lines, 抄送/印发/报送 lines, web bylines and editor lines',
} as const;

/** 版记 and similar labelled lines at the foot of a document. */
const IMPRINT = /^(?:抄送|抄报|报送|分送|发送|印送|印发|主题词|关键词|联系人|联系电话|联系方式|附注)\s*[：:]/u;
/** Web page residue around a scraped article. */
const WEB_LINE =
  /^[（(【\[]?\s*(?:责任编辑|编辑|责编|审核|校对|来源|稿源|作者|记者|通讯员|发布时间|发布日期|浏览次数|点击数|字号|相关解读|相关链接|相关文件|公开方式|公开范围|附件下载|扫一扫)\s*[:：]|^分享到|^(?:【?\s*(?:打印|关闭|返回顶部|关闭窗口|打印本页|收藏)\s*】?\s*)+$/u;
/** A bare counter left by a share widget ("35.1K", "1.2万"). */
const COUNTER = /^\d+(?:\.\d+)?\s*[KkWw万]?$/u;
/** "（此件公开发布）", "（联系人：…）": 附注 in parentheses. */
const NOTE = /^[（(](?:此件|本件|联系人|联系电话)[^）)]*[）)]$/u;
/** A phone/e-mail contact line in a bulletin's foot. */
const CONTACT = /^\d{3,4}\s*[—\-－]\s*\d{7,8}/u;
/** "××办公室 2020年4月3日印发": the 印发机关 and 印发日期 line. */
const PRINTED = /印发\s*$/u;
const MAX_IMPRINT_CONTINUATION = 80;

/** The date of a line that is nothing but a date, possibly in brackets: "（2020年4月3日）". */
export function dateLine(text: string): string | null {
  const t = text.trim().replace(/^[（(]\s*/u, '').replace(/\s*[）)]$/u, '');
  return parseFullDate(t);
}

/** "新宾县人民政府 2018年4月2日" on one line: signature and date together. */
export function signedDateLine(text: string): { signer: string; date: string } | null {
  const t = text.trim();
  const hits = findDates(t);
  if (hits.length !== 1 || hits[0].end !== t.length) return null;
  const signer = t.slice(0, hits[0].start).trim();
  const parts = splitIssuers(signer);
  return parts ? { signer: parts.join(' '), date: hits[0].date } : null;
}

/** 落款 candidates: a date line, and the signature line(s) right above it if they are names. */
export interface Signature {
  dateBlock: number;
  date: string;
  signer: string;
  signerBlocks: number[];
}

/** Every signature/date pair after `from`, in order. */
export function findSignatures(blocks: Block[], from: number): Signature[] {
  const out: Signature[] = [];
  for (let i = from; i < blocks.length; i++) {
    const t = blocks[i].text.trim();
    const one = signedDateLine(t);
    if (one) {
      out.push({ dateBlock: i, date: one.date, signer: one.signer, signerBlocks: [i] });
      continue;
    }
    const date = dateLine(t);
    if (!date) continue;
    const signerBlocks: number[] = [];
    // Joint signatures stack one name per line above the single date.
    for (let k = i - 1; k >= from && signerBlocks.length < 4; k--) {
      const s = blocks[k].text.trim();
      if (s === '' || /^[（(]?\s*(?:印章|盖章)\s*[）)]?$/u.test(s)) continue;
      if (!splitIssuers(s)) break;
      signerBlocks.unshift(k);
    }
    const signer = signerBlocks.flatMap((k) => splitIssuers(blocks[k].text)!).join(' ');
    out.push({ dateBlock: i, date, signer, signerBlocks });
  }
  return out;
}

/** True for a 版记 line, web residue, a contact line or a 附注 in brackets. */
export function isImprintLine(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (IMPRINT.test(t) || WEB_LINE.test(t) || COUNTER.test(t) || NOTE.test(t) || CONTACT.test(t)) return true;
  return printedDateOf(t) !== null;
}

/** The 印发日期 of a "××办公室 2025年1月24日印发" line, or null for any other line. */
export function printedDateOf(text: string): string | null {
  const t = text.trim();
  if (!PRINTED.test(t)) return null;
  const hits = findDates(t);
  return hits.length === 1 ? hits[0].date : null;
}

/** A byline under a scraped title: a date plus 来源/作者/发布, never a sentence. */
export function isByline(text: string): boolean {
  const t = text.trim();
  if (/[。！？]/u.test(t)) return false;
  return findDates(t).length > 0 && /(?:来源|作者|发布|稿源|浏览|字号)\s*[:：]?/u.test(t);
}

/** 结束语 on a line of its own ("特此通知。", "此复。"): it closes the body and belongs with the 落款. */
const CLOSING_FORMULA = /^(?:特此(?:通知|通告|公告|报告|函告|函复|批复|说明|证明)|此复|专此报告|以上报告，请审阅)[。！]?$/u;

/** The longest a 落款 line is: a joint issuer's name, a date. */
const MAX_SIGNATURE_LINE = 40;
/** Lines of one 落款: up to four issuers stacked over one date, and the seal's own line. */
const MAX_SIGNATURE_LINES = 6;

/**
 * A scan's 落款 found by where it stands (issue 13): the seal stamped over the signature and the
 * date spoils their words ("农业农村部办公厅" read as two lines of wrong characters, a date with its
 * 日 read as a digit), so the name and date rules miss them and they would read as body text. What
 * the OCR does keep is their place: a run of short blocks set right of the page centre (style.right),
 * none a sentence, right after a paragraph that ends its sentence, with nothing after them but the
 * 版记, an attachment or the page's end. Text read from a text layer is never taken this way.
 */
export function ocrSignatureBlocks(blocks: Block[], from: number): number[] {
  const out: number[] = [];
  const isRight = (b: Block) => {
    const t = b.text.replace(/\s+/gu, '');
    return b.source === 'ocr' && b.style?.right === true && t !== '' && t.length <= MAX_SIGNATURE_LINE && !/[。！？；]/u.test(t);
  };
  for (let i = Math.max(from, 1); i < blocks.length; i++) {
    if (!isRight(blocks[i])) continue;
    let end = i;
    while (end + 1 < blocks.length && isRight(blocks[end + 1])) end++;
    const before = blocks[i - 1].text.trim();
    const next = blocks[end + 1];
    const closesBody = /[。！？]$/u.test(before) || CLOSING_FORMULA.test(before);
    const endsHere = !next || isImprintLine(next.text) || /^附\s*件/u.test(next.text.trim()) || (next.page ?? 0) > (blocks[end].pageEnd ?? blocks[end].page ?? 0);
    if (closesBody && endsHere && end - i + 1 <= MAX_SIGNATURE_LINES) for (let k = i; k <= end; k++) out.push(k);
    i = end;
  }
  return out;
}

/** What a closing block is: the 落款 (signature, date), the 版记 (抄送/印发, 附注) or the site's residue. */
export type ClosingLayer = 'signature' | 'colophon' | 'site-furniture';

function residueLayer(t: string): ClosingLayer {
  return WEB_LINE.test(t) || COUNTER.test(t) || isByline(t) ? 'site-furniture' : 'colophon';
}

/**
 * Closing blocks after `from` and what each is: signatures and dates, 版记 lines and the unlabelled
 * lines that continue a 抄送/报送 list (no sentence end, short), web residue.
 */
export function closingLayers(blocks: Block[], from: number): Map<number, ClosingLayer> {
  const out = new Map<number, ClosingLayer>();
  for (const b of ocrSignatureBlocks(blocks, from)) out.set(b, 'signature');
  for (const s of findSignatures(blocks, from)) {
    out.set(s.dateBlock, 'signature');
    s.signerBlocks.forEach((b) => out.set(b, 'signature'));
  }
  let inImprint = false;
  for (let i = from; i < blocks.length; i++) {
    const t = blocks[i].text.trim();
    if (CLOSING_FORMULA.test(t)) {
      if (!out.has(i)) out.set(i, 'signature');
      continue;
    }
    if (isImprintLine(t) || isByline(t)) {
      if (!out.has(i)) out.set(i, residueLayer(t));
      inImprint = IMPRINT.test(t);
      continue;
    }
    // The 报送 list runs on over unlabelled lines, then the 印发机关 and its date close the 版记;
    // a masthead ending in a 文种 word opens the next issue of a bulletin.
    if (inImprint && t !== '' && !/[。！？]/u.test(t) && t.length <= MAX_IMPRINT_CONTINUATION && !endsWithTitleWord(t)) {
      out.set(i, 'colophon');
      if (dateLine(t)) inImprint = false;
      continue;
    }
    if (t !== '') inImprint = false;
  }
  return out;
}

/** Boilerplate blocks after `from`: every closing block (see closingLayers). */
export function boilerplateBlocks(blocks: Block[], from: number): number[] {
  return [...closingLayers(blocks, from).keys()].sort((a, b) => a - b);
}
