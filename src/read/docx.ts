// DOCX → blocks with mammoth: paragraphs, headings, bold, tables as rows (one block per row,
// cells joined by a tab). mammoth's HTML is walked with linkedom, the same DOM the HTML reader uses.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { checkZipLimits } from './zip-guard.js';

export async function readDocx(bytes: Uint8Array): Promise<Block[]> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ReadFailure('E_NOT_DOCX');
  const entries = await checkZipLimits(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ReadFailure('E_NOT_DOCX', '缺少 word/document.xml');
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new ReadFailure('E_NOT_DOCX');
  }
  return htmlFragmentToBlocks(html);
}

/** mammoth's flat HTML (p, h1–h6, table, ul/ol) → blocks. */
export function htmlFragmentToBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  for (const el of Array.from(document.body.children) as Element[]) collect(el, blocks);
  return blocks;
}

function collect(el: Element, out: Block[]): void {
  const tag = el.tagName.toLowerCase();
  if (tag === 'table') {
    for (const tr of Array.from(el.querySelectorAll('tr'))) {
      const cells = Array.from(tr.querySelectorAll('td,th')).map((c) => (c.textContent ?? '').trim());
      if (cells.some((c) => c)) out.push({ text: cells.join('\t'), style: { table: true } });
    }
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    for (const li of Array.from(el.children)) collect(li, out);
    return;
  }
  const text = (el.textContent ?? '').trim();
  if (!text) return;
  const heading = /^h([1-6])$/.exec(tag);
  const strong = Array.from(el.querySelectorAll('strong,b')).reduce((n, s) => n + (s.textContent ?? '').length, 0);
  const bold = strong > 0 && strong >= text.replace(/\s/g, '').length * 0.8;
  out.push({ text, ...(heading || bold ? { style: { ...(heading ? { heading: Number(heading[1]) } : {}), ...(bold ? { bold } : {}) } } : {}) });
}
