// 成文日期 under a seal. GB/T 9704-2012 §7.3.5.1 has the seal press down on the signature and the
// date, so on a scan the date is the part of the notice most often read through red ink. Such a
// date is checked before it becomes the document's date: against the 版记's 印发日期 (a notice is
// printed on or after the day it was signed, within weeks) and against the OCR's certainty. A date
// that cannot be right is left empty rather than given wrong, and the user is told what was read.
import type { Block } from '../model.js';
import { message } from '../messages.js';
import type { Message } from '../model.js';
import { findDates, parseFullDate } from '../lexicon/dates.js';
import { printedDateOf } from './closing.js';

/** Longest a notice waits between being signed and being printed, in days, before the pair is doubted. */
export const MAX_SIGNED_TO_PRINTED_DAYS = 180;

/**
 * A line that is a date gone wrong: short, 年 then 月 with a digit about them (the rest may be the
 * OCR's stand-ins, O for 0, S or $ for 5), no sentence marks, and no longer a date.
 * A month alone ("2025年3月", "2025年3月份") is a month, and "2025年12月底前" a deadline, not a
 * broken date.
 */
const TIME_WORDS = /[底前后起至末初旬止内中]/u;
const BROKEN_DATE = /^[^，。；：,;:]{0,6}年[^，。；：,;:年]{0,4}月[^，。；：,;:月]{0,5}$/u;

export function isBrokenDateLine(text: string): boolean {
  const t = text.trim().replace(/\s+/gu, '');
  return t.length <= 16 && BROKEN_DATE.test(t) && /\d/u.test(t) && !/月份?$/u.test(t) && !TIME_WORDS.test(t) && parseFullDate(t) === null;
}

/** The 版记's 印发日期 after `from` (the last one: an attachment's own 版记 does not come after it). */
export function printedDate(blocks: Block[], from: number): string {
  let date = '';
  for (let i = Math.max(0, from); i < blocks.length; i++) date = printedDateOf(blocks[i].text) ?? date;
  return date;
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Does a block read by OCR hold unsure words inside its date? */
function unsureDate(block: Block): boolean {
  if (block.source !== 'ocr') return false;
  const hit = findDates(block.text)[0];
  if (!hit) return true;
  const words = block.text.slice(hit.start, hit.end);
  return (block.lowConfidence ?? []).some((w) => /\d/u.test(w) && words.includes(w));
}

export interface CheckedDate {
  date: string;
  messages: Message[];
}

/**
 * The signature date as the document gives it, checked. `dateBlock` is the block it was read from
 * (-1 when it came from the header). Only a date read by OCR is ever changed: a printed notice's
 * own dates are its own, whatever their order.
 */
export function checkSignatureDate(blocks: Block[], date: string, dateBlock: number, bodyStart: number): CheckedDate {
  const printed = printedDate(blocks, bodyStart);
  const block = dateBlock >= 0 ? blocks[dateBlock] : undefined;
  const against = printed ? `；版记的印发日期是 ${printed}` : '';
  if (date && block?.source === 'ocr') {
    const gap = printed ? days(date, printed) : 0;
    if (gap < 0 || gap > MAX_SIGNED_TO_PRINTED_DAYS) {
      return {
        date: '',
        messages: [message('signature-date-doubtful', 'warning', { detail: `读作“${block.text.trim()}”（${date}）${against}，两者对不上，成文日期已留空`, where: where(block, dateBlock) })],
      };
    }
    if (unsureDate(block))
      return { date, messages: [message('signature-date-unsure', 'warning', { detail: `读作 ${date}（“${block.text.trim()}”）${against}`, where: where(block, dateBlock) })] };
    return { date, messages: [] };
  }
  if (date) return { date, messages: [] };
  // No date found on a scan: a date line the OCR broke (under a seal, most often) is named; a scan
  // without one (the line lost under the seal) is said to have none, so it is filled by hand.
  for (let i = Math.max(0, bodyStart); i < blocks.length; i++) {
    const b = blocks[i];
    if (b.source === 'ocr' && isBrokenDateLine(b.text))
      return { date: '', messages: [message('signature-date-unread', 'warning', { detail: `读作“${b.text.trim()}”${against}`, where: where(b, i) })] };
  }
  if (blocks.some((b) => b.source === 'ocr')) return { date: '', messages: [message('signature-date-unread', 'warning', { detail: `扫描件中没有读到成文日期${against}` })] };
  return { date: '', messages: [] };
}

function where(b: Block, index: number) {
  return { block: index, ...(b.page !== undefined ? { page: b.page } : {}) };
}
