// DOCX → blocks with mammoth: paragraphs, headings, bold, tables as rows (one block per row,
// cells joined by a tab). mammoth's HTML is walked with linkedom, the same DOM the HTML reader uses.
// mammoth drops Word's automatic numbering, which is where government files keep their 一、（一）
// headings; docx-numbering.ts counts it from numbering.xml and we write it back in front of the text.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { tableBlocks } from './table-grid.js';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { LIMITS } from './limits.js';
import { scanZip } from './zip-guard.js';
import { labelParagraphs, type LabelledParagraph } from './docx-numbering.js';

const NUMBERING_PARTS = { document: 'word/document.xml', numbering: 'word/numbering.xml', styles: 'word/styles.xml' } as const;

export async function readDocx(bytes: Uint8Array): Promise<Block[]> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ReadFailure('E_NOT_DOCX');
  // every entry inflated once and counted before mammoth (JSZip) trusts any declared size
  const { entries, parts } = await scanZip(bytes, {
    keep: (name) => (Object.values(NUMBERING_PARTS) as string[]).includes(name),
    // pictures and embedded files: mammoth is told not to load them, so their bytes are never inflated
    skip: (name) => /^word\/(media|embeddings)\//u.test(name),
    partLimit: { name: (name) => name === NUMBERING_PARTS.document, bytes: LIMITS.docxXmlBytes, code: 'E_DOCX_TOO_LARGE' },
  });
  if (!entries.some((e) => e.name === NUMBERING_PARTS.document)) throw new ReadFailure('E_NOT_DOCX', '缺少 word/document.xml');
  const depth = tableDepth(parts.get(NUMBERING_PARTS.document));
  if (depth > LIMITS.docxTableDepth) throw new ReadFailure('E_DOCX_TOO_DEEP', `${depth} 层，上限 ${LIMITS.docxTableDepth} 层`);
  const labels = parts.has(NUMBERING_PARTS.numbering) ? readNumberLabels(parts) : null;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // pictures carry no text; mammoth would inline each as base64 (a 50 MB DOCX of photos took 1.7 GB)
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ...(labels ? { transformDocument: (doc: MammothNode) => applyNumberLabels(doc, labels) } : {}),
      },
    ));
  } catch (e) {
    if (e instanceof RangeError) throw new ReadFailure(/call stack/i.test(e.message) ? 'E_DOCX_TOO_DEEP' : 'E_DOCX_TOO_LARGE');
    throw new ReadFailure('E_NOT_DOCX');
  }
  return htmlFragmentToBlocks(html);
}

/** How deep w:tbl elements nest in document.xml, by one pass over its tags. */
export function tableDepth(xml: Buffer | undefined): number {
  if (!xml) return 0;
  const text = decodeXml(xml);
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/<(\/?)w:tbl[\s>]/gu)) {
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** The label of every body paragraph, or null when anything about the numbering cannot be read:
 *  the text then reads as mammoth gives it, never with a guessed number. */
function readNumberLabels(parts: Map<string, Buffer>): LabelledParagraph[] | null {
  try {
    const text = (name: string) => {
      const b = parts.get(name);
      return b === undefined ? undefined : decodeXml(b);
    };
    const document = text(NUMBERING_PARTS.document);
    const numbering = text(NUMBERING_PARTS.numbering);
    const styles = text(NUMBERING_PARTS.styles);
    if (document === undefined || numbering === undefined) return null;
    // templates ship a numbering.xml that nothing uses; without a w:numPr there is nothing to count
    if (!document.includes('numPr') && !styles?.includes('numPr')) return null;
    return labelParagraphs({ document, numbering, styles });
  } catch {
    return null;
  }
}

function decodeXml(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder('utf-8').decode(b);
}

/** The part of mammoth's document tree (lib/documents.js) we touch. */
export interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  isBold?: boolean;
}

/** Han characters, ASCII letters and digits only: the two readers differ on tabs, hyphens and
 *  w:sym characters (mammoth maps Symbol-font α, we do not read them), not on words. */
const signature = (s: string) => s.replace(/[^\p{Script=Han}0-9A-Za-z]/gu, '');

/**
 * Prepends each label to its paragraph in mammoth's tree. Both lists are the body's paragraphs in
 * reading order; if their counts or any paragraph's words disagree, no label is written at all,
 * since one paragraph out of step would number every paragraph after it wrongly.
 */
export function applyNumberLabels(doc: MammothNode, labels: readonly LabelledParagraph[]): MammothNode {
  const paras: MammothNode[] = [];
  const visit = (n: MammothNode) => {
    if (n.type === 'paragraph') paras.push(n);
    n.children?.forEach(visit);
  };
  visit(doc);
  if (paras.length !== labels.length) return doc;
  const texts = paras.map(ownText);
  if (texts.some((t, i) => signature(t) !== signature(labels[i].text))) return doc;
  paras.forEach((p, i) => {
    const label = labels[i].label;
    if (!label?.text) return;
    const text = texts[i].trimStart();
    // a file that also types the number by hand shows it twice in Word; we keep one
    if (text.replace(/\s/g, '').startsWith(label.text.replace(/\s/g, ''))) return;
    // Word puts a tab after the number. 、 and ） end a number well enough; "第一条" and "A" need a
    // space, and so does "1." before "2024年", or it would read as the decimal 1.2024
    const gap = label.suffix !== 'nothing' && (/[\p{L}\p{N}]$/u.test(label.text) || (/[!-~]$/.test(label.text) && /^[\p{N}A-Za-z]/u.test(text))) ? ' ' : '';
    p.children = [labelRun(label.text + gap, firstRunBold(p) ?? false), ...(p.children ?? [])];
  });
  return doc;
}

/** A paragraph's text, without the paragraphs of text boxes it holds. */
function ownText(n: MammothNode): string {
  if (n.type === 'text') return n.value ?? '';
  return (n.children ?? []).map((c) => (c.type === 'paragraph' ? '' : ownText(c))).join('');
}

/** Word draws the number in the paragraph's own font; a bold heading keeps a bold number. */
function firstRunBold(n: MammothNode): boolean | undefined {
  for (const c of n.children ?? []) {
    if (c.type === 'paragraph') continue;
    if (c.type === 'run' && ownText(c).trim()) return !!c.isBold;
    const inner = firstRunBold(c);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** A run as mammoth's documents.Run builds it, so its HTML writer treats ours like its own. */
function labelRun(value: string, isBold: boolean): MammothNode {
  return {
    type: 'run', children: [{ type: 'text', value }], styleId: null, styleName: null, isBold,
    isUnderline: false, isItalic: false, isStrikethrough: false, isAllCaps: false, isSmallCaps: false,
    verticalAlignment: 'baseline', font: null, fontSize: null, highlight: null,
  } as MammothNode;
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
    // merged cells (rowspan) stand in each row they cover, so no row's cells shift left
    out.push(...tableBlocks(el));
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    for (const li of Array.from(el.children)) collect(li, out);
    return;
  }
  // mammoth nests a level-2 list inside its level-1 item: the item is one block, each sub-item another
  const nested = tag === 'li' ? Array.from(el.children).filter((c) => /^(ul|ol)$/i.test(c.tagName)) : [];
  for (const n of nested) n.remove();
  pushBlock(el, tag, out);
  for (const n of nested) collect(n, out);
}

function pushBlock(el: Element, tag: string, out: Block[]): void {
  const text = (el.textContent ?? '').trim();
  if (!text) return;
  const heading = /^h([1-6])$/.exec(tag);
  const strong = Array.from(el.querySelectorAll('strong,b')).reduce((n, s) => n + (s.textContent ?? '').length, 0);
  const bold = strong > 0 && strong >= text.replace(/\s/g, '').length * 0.8;
  out.push({ text, ...(heading || bold ? { style: { ...(heading ? { heading: Number(heading[1]) } : {}), ...(bold ? { bold } : {}) } } : {}) });
}
