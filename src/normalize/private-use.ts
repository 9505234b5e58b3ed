// Characters from Unicode's private-use area (U+E000–U+F8FF) mean whatever the site's or the
// document's own font draws there (one provincial portal draws its decimal point that way: "2\uE0005%"
// is 2.5%). No reader can know which character it stands for, so it is kept as it is and each
// place is named in a warning, never dropped silently.
import type { Block, Message } from '../model.js';
import { message } from '../messages.js';

const PRIVATE_USE = /[\uE000-\uF8FF]/gu;
const CONTEXT = 8;

/** One warning per block holding private-use characters: where, the code points, and the words around them. */
export function privateUseWarnings(blocks: Block[]): Message[] {
  const out: Message[] = [];
  blocks.forEach((b, i) => {
    const hits = [...b.text.matchAll(PRIVATE_USE)];
    if (!hits.length) return;
    const at = hits[0].index ?? 0;
    const around = b.text.slice(Math.max(0, at - CONTEXT), at + CONTEXT + 1).replace(/\s+/gu, ' ');
    const codes = [...new Set(hits.map((h) => `U+${h[0].codePointAt(0)!.toString(16).toUpperCase()}`))].join('、');
    const place = `第${i + 1}段${b.page !== undefined ? `（第${b.page}页）` : ''}`;
    out.push(message('W_PRIVATE_USE_CHAR', 'warning', {
      detail: `${place}“${around}”含 ${codes}${hits.length > 1 ? ` 共${hits.length}处` : ''}`,
      where: { block: i, ...(b.page !== undefined ? { page: b.page } : {}), start: at, end: at + 1 },
    }));
  });
  return out;
}
