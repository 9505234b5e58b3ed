// Paragraphs cut in two by a page break. The PDF reader joins what geometry shows; text that was
// extracted before it reached us (TXT, DOCX made from such text) still carries the cuts as
// separate paragraphs: "…三是继" / "续推进…". A cut paragraph ends mid-sentence, in a line long
// enough to have filled the page width, and the next one does not start a new element.
import type { Block } from '../model.js';
import { LIMITS } from '../read/limits.js';
import { setInOtherSize, startsNew } from '../lexicon/lines.js';
import { bylineLine } from '../lexicon/page-record.js';
import { parseDocNumber } from '../lexicon/doc-numbers.js';

const TERMINAL_END = /[。！？!?；;：:…）)\]】〕》>”’」』]$/u;
const SOFT_END = /[，,、“《（(]$/u;
/** Lines that end a header element rather than a sentence: titles, issuing bodies. */
const ENDS_ELEMENT = /(方案|意见|通知|决定|规划|办法|细则|纪要|报告|快报|简报|通报|公告|通告|文件|领导小组|办公室|委员会|人民政府)$/u;

const MIN_CUT_LENGTH = 30;

// startsNew lives in the lexicon: the PDF reader asks the same question while it builds paragraphs
export { startsNew };

export function isCutParagraph(cur: Block, next: Block): boolean {
  const a = cur.text.trim();
  const b = next.text.trim();
  if (!a || !b || TERMINAL_END.test(a) || startsNew(b)) return false;
  if (cur.style?.center || next.style?.center || cur.style?.heading || next.style?.heading) return false;
  if (cur.style?.table || next.style?.table) return false;
  if (setInOtherSize(cur, next)) return false;
  // a date line (a page's byline under its title) is a line of its own, not the rest of a sentence;
  // so is a 发文字号 alone on its line, above or under a title of any length
  if (bylineLine(b) !== null) return false;
  if (parseDocNumber(a) !== null || parseDocNumber(b) !== null) return false;
  if (startsNew(a) && a.length < 40 && !/[。；]/u.test(a)) return false; // a heading line
  if (ENDS_ELEMENT.test(a) && a.length < 40) return false;
  // a long title ("…关于印发…的通知") over its addressees ("各市、县（区）人民政府，省政府各部门："):
  // the line under a title or body name that ends in a colon opens the text, it does not continue it
  if (ENDS_ELEMENT.test(a) && /[：:]$/u.test(b) && b.length <= 80) return false;
  // a space between Chinese words marks a laid-out line (a title set on two lines, joint issuers),
  // never running prose
  if (/[\u4e00-\u9fff] +[\u4e00-\u9fff]/u.test(a)) return false;
  // a cut leaves at least one full printed line (≈28 characters on A4) above the page break;
  // shorter unpunctuated lines are titles and names
  return SOFT_END.test(a) || a.replace(/\s/gu, '').length >= MIN_CUT_LENGTH;
}

export function joinCutParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    // a page break cuts a paragraph once, not a thousand times: text without any sentence end
    // would otherwise grow into one paragraph, each join testing the whole of it again
    if (last && last.text.length + b.text.length <= LIMITS.paragraphChars && isCutParagraph(last, b)) {
      out[out.length - 1] = { ...last, text: last.text.trimEnd() + b.text.trimStart(), pageEnd: b.pageEnd ?? b.page ?? last.pageEnd };
    } else {
      out.push(b);
    }
  }
  return out;
}
