// A document printed inside another: a 转发 notice followed by the text it forwards, which opens
// with its own 标题, 发文字号 and 主送 (GB/T 9704 §7.2–7.3.2). Those header lines head the text below
// them; they are neither measures nor the outer document's facts.
import type { Block } from '../model.js';
import { headerDocNumber, parseRecipients } from './header.js';
import { endsWithTitleWord, isTitleShaped } from './titles.js';

export const meta = {
  name: 'embedded',
  description: '转发件: the 标题/发文字号/主送 lines of a document reproduced after the body',
} as const;

/** Blocks from `from` on that are the header of an embedded document: title, 发文字号, then 主送. */
export function embeddedHeaderBlocks(blocks: Block[], from: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(from, 0); i < blocks.length; i++) {
    if (!headerDocNumber(blocks[i].text)) continue;
    const header = [i];
    // the title stands right above the number, on one or two lines
    // the title stands right above the number, on one or two lines, and ends in its 文种
    // (a cited title in running text, "按照《…的意见》", ends in 》)
    const above = blocks[i - 1]?.text.trim() ?? '';
    if (i - 1 >= from && isTitleShaped(above) && endsWithTitleWord(above) && !/》$/u.test(above)) {
      header.unshift(i - 1);
      const first = blocks[i - 2]?.text.trim() ?? '';
      // a title broken over two lines: the first holds 关于 (a signature or a date above does not)
      if (i - 2 >= from && isTitleShaped(first) && first.includes('关于') && !above.includes('关于')) header.unshift(i - 2);
    }
    // a number with neither a title above nor a 主送 below is a citation, not a header
    const recipients = i + 1 < blocks.length && parseRecipients(blocks[i + 1].text) ? [i + 1] : [];
    if (header.length === 1 && recipients.length === 0) continue;
    out.push(...header, ...recipients);
  }
  return out;
}
