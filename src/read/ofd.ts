// OFD (GB/T 33190, the format of 电子公文): a zip of XML. OFD.xml names the document
// (DocBody/DocRoot → Doc_0/Document.xml), which lists its pages in order (Pages/Page BaseLoc →
// Pages/Page_0/Content.xml). A page draws text as TextObject elements: a Boundary box ("x y w h",
// millimetres from the top left) and a font Size, holding TextCode runs placed at X/Y inside the box,
// with DeltaX spacing. That is PDF's picture of text, so it is read the way PDF is: positioned items
// → lines → paragraphs (pdf-lines.ts), pages kept.
import path from 'node:path/posix';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { groupLines, type PdfLine, type TextItem } from './pdf-lines.js';
import { pageLinesToBlocks } from './pdf.js';
import { LIMITS } from './limits.js';
import { scanZip } from './zip-guard.js';

const MM_TO_PT = 72 / 25.4;
/** A4 portrait, the GB/T 9704 page, when a document states no PhysicalBox. */
const DEFAULT_PAGE_HEIGHT_MM = 297;

export interface OfdRead {
  blocks: Block[];
  pages: number;
}

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'u').exec(attrs)?.[1];
const numbers = (s: string | undefined) => (s ?? '').trim().split(/\s+/u).filter(Boolean).map(Number);

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()];
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** DeltaX "g 3 4.2 5" (GB/T 33190 §11.3: g n v repeats v n times) → the advances between characters. */
export function parseDeltas(s: string | undefined): number[] {
  const t = (s ?? '').trim().split(/\s+/u).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < t.length && out.length < 100_000; i++) {
    if (t[i] === 'g') {
      const n = Math.min(Number(t[i + 1]) || 0, 100_000);
      const v = Number(t[i + 2]) || 0;
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(t[i]) || 0);
  }
  return out;
}

/** The positioned text of one page's Content.xml, in PDF's terms: points, y growing upwards. */
export function ofdPageItems(xml: string, pageHeightMm: number = DEFAULT_PAGE_HEIGHT_MM): TextItem[] {
  const items: TextItem[] = [];
  // split at each TextObject's start rather than matching open to close: linear even when a
  // damaged page never closes them
  const chunks = xml.split(/<(?:[\w.-]+:)?TextObject\b/u).slice(1);
  for (const chunk of chunks) {
    const head = chunk.slice(0, chunk.indexOf('>') + 1 || chunk.length);
    const [bx = 0, by = 0] = numbers(attr(head, 'Boundary'));
    const size = Number(attr(head, 'Size')) || 3.5;
    for (const code of chunk.matchAll(/<(?:[\w.-]+:)?TextCode\b([^>]*)>([^<]*)</gu)) {
      const str = unescapeXml(code[2]);
      if (!str) continue;
      const x = bx + (Number(attr(code[1], 'X')) || 0);
      const y = by + (Number(attr(code[1], 'Y')) || 0);
      const chars = [...str].length;
      const deltas = parseDeltas(attr(code[1], 'DeltaX')).slice(0, chars - 1);
      // the advances between characters, and the last character's own width (its font size)
      const width = deltas.reduce((a, b) => a + b, 0) + size * (chars - deltas.length);
      items.push({ str, x: x * MM_TO_PT, y: (pageHeightMm - y) * MM_TO_PT, width: width * MM_TO_PT, size: size * MM_TO_PT });
    }
  }
  return items;
}

function joinLoc(base: string, loc: string): string {
  return loc.startsWith('/') ? loc.slice(1) : path.normalize(path.join(path.dirname(base), loc));
}

/** The page content files of the first document, in page order. */
function pageFiles(parts: Map<string, string>): { files: string[]; heightMm: number } {
  const ofdXml = parts.get('OFD.xml') ?? '';
  const rootLoc = /<(?:[\w.-]+:)?DocRoot\b[^>]*>([^<]+)</u.exec(ofdXml)?.[1]?.trim();
  const docPath = rootLoc ? joinLoc('OFD.xml', rootLoc) : '';
  const docXml = parts.get(docPath);
  const box = numbers(/<(?:[\w.-]+:)?PhysicalBox\b[^>]*>([^<]+)</u.exec(docXml ?? '')?.[1]);
  const heightMm = box.length === 4 && box[3] > 0 ? box[3] : DEFAULT_PAGE_HEIGHT_MM;
  const listed = docXml ? [...docXml.matchAll(/<(?:[\w.-]+:)?Page\b([^>]*)>/gu)].map((m) => attr(m[1], 'BaseLoc')).filter((l): l is string => !!l).map((l) => joinLoc(docPath, l)) : [];
  const files = listed.filter((f) => parts.has(f));
  if (files.length) return { files, heightMm };
  // no usable Document.xml: the pages by the number in their folder name
  const byName = [...parts.keys()]
    .map((k) => ({ k, m: /(?:^|\/)Pages\/Page_(\d+)\/Content\.xml$/u.exec(k) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
    .map((x) => x.k);
  return { files: byName, heightMm };
}

export async function readOfd(bytes: Uint8Array): Promise<OfdRead> {
  const { parts: raw } = await scanZip(bytes, {
    codes: { broken: 'E_CORRUPT_OFD', bomb: 'E_OFD_BOMB', large: 'E_TOO_LARGE' },
    keep: (name) => /\.xml$/iu.test(name),
    // only the XML is read: pictures, fonts and signatures are neither inflated nor counted
    skip: (name) => !/\.xml$/iu.test(name),
    partLimit: { name: (name) => /\.xml$/iu.test(name), bytes: LIMITS.docxXmlBytes, code: 'E_OFD_BOMB' },
  });
  const parts = new Map([...raw].map(([k, v]) => [k, new TextDecoder('utf-8').decode(v)]));
  if (!parts.has('OFD.xml')) throw new ReadFailure('E_CORRUPT_OFD', '缺少 OFD.xml');
  const { files, heightMm } = pageFiles(parts);
  if (!files.length) throw new ReadFailure('E_CORRUPT_OFD', '找不到页面');
  if (files.length > LIMITS.pdfPages) throw new ReadFailure('E_TOO_MANY_PAGES', `${files.length} 页，上限 ${LIMITS.pdfPages} 页`);
  const pageLines: PdfLine[][] = files.map((f, i) => groupLines(ofdPageItems(parts.get(f)!, heightMm), i + 1));
  if (!pageLines.some((lines) => lines.some((l) => l.text.trim()))) throw new ReadFailure('E_OFD_NO_TEXT');
  return { blocks: pageLinesToBlocks(pageLines), pages: files.length };
}
