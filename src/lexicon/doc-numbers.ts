// 发文字号 (GB/T 9704-2012 §7.2.4): 发文机关代字 + 〔年份〕 + 序号 + 号.
// The standard asks for 〔〕, but real files carry [] 【】 () （） and stray spaces ("24 号").
import type { DocNumber } from '../model.js';
import { charClass, DOC_NUMBER_CLOSE, DOC_NUMBER_OPEN } from './brackets.js';

export const meta = {
  name: 'doc-numbers',
  description: '发文字号: issuer code, year and serial from every bracket variant',
} as const;

const OPEN = charClass(DOC_NUMBER_OPEN);
const CLOSE = charClass(DOC_NUMBER_CLOSE);

// The issuer code: CJK characters (and the odd letter) ending in a 发/字/办/函… word; we only ask
// that it is 1–12 CJK characters right before the bracket, which covers 国办发, 辽委办发, 本县扶贫发.
const DOC_NUMBER_SOURCE =
  `([\\u4e00-\\u9fa5]{1,12})\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*(?:第\\s*)?(\\d{1,5})\\s*号`;

/** A fresh global regex each call: callers iterate with exec and must not share lastIndex. */
export function docNumberPattern(): RegExp {
  return new RegExp(DOC_NUMBER_SOURCE, 'gu');
}

// Words that end a sentence fragment before the code and are not part of it ("（" handled by the pattern).
const LEADING_NOISE = /^.*?(?:印发|文件|关于|根据|按照|依据|见|和|及|与|、|的)/u;

function cleanIssuerCode(raw: string): string {
  // 《…》(辽委发〔2016〕3号) has no noise; "根据辽委发〔…" does: keep the tail after the last noise word,
  // but never strip a code down to nothing.
  const stripped = raw.replace(LEADING_NOISE, '');
  return stripped.length >= 1 ? stripped : raw;
}

export interface DocNumberHit extends DocNumber {
  start: number;
  end: number;
}

/** Every 发文字号 in a text, with its character span. */
export function findDocNumbers(text: string): DocNumberHit[] {
  const out: DocNumberHit[] = [];
  const re = docNumberPattern();
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const issuerCode = cleanIssuerCode(m[1]);
    const codeStart = m.index + m[0].indexOf(m[1]) + (m[1].length - issuerCode.length);
    out.push({
      text: text.slice(codeStart, m.index + m[0].length),
      issuerCode,
      year: Number(m[2]),
      serial: Number(m[3]),
      start: codeStart,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** The single 发文字号 a line consists of, or null ("新脱贫发[2018]2号" yes; a sentence citing one, no). */
export function parseDocNumber(line: string): DocNumber | null {
  const t = line.trim();
  const hits = findDocNumbers(t);
  if (hits.length !== 1) return null;
  const h = hits[0];
  if (h.start !== 0 || h.end !== t.length) return null;
  return { text: h.text, issuerCode: h.issuerCode, year: h.year, serial: h.serial };
}

/** True when the span [start, end) of text lies inside a 发文字号. */
export function isInDocNumber(text: string, start: number, end: number): boolean {
  return findDocNumbers(text).some((h) => start >= h.start && end <= h.end);
}
