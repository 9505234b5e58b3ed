// PDF → blocks with pdfjs-dist. pdf.js needs the package's CMaps and standard fonts passed in, or
// Chinese text set in predefined CMaps silently disappears (PACKAGES.md).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Block, Message } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { isPageNumberLine } from '../normalize/page-furniture.js';
import { startsNew } from '../normalize/paragraphs.js';
import { LIMITS } from './limits.js';
import { checkPdfStreams } from './pdf-bomb.js';
import { findColumns, groupLines, linesToParagraphs, wrapsInto, type PdfLine, type PdfParagraph, type TextItem } from './pdf-lines.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js's legacy build (the one for Node) carries core-js polyfills that replace built-ins on the
 * whole process, Array.prototype.push among them, with a slower JS version (a fifth of our reading
 * time went there). Node 20's own push is correct for everything pdf.js does, so it is put back once
 * both pdf.js modules are loaded; the worker module is loaded here too (pdf.js picks it up from
 * globalThis.pdfjsWorker) so that no later lazy import installs the polyfill again.
 */
async function importPdfJs(): Promise<PdfJs> {
  const nativePush = Array.prototype.push;
  const pdfjs = (await import(pathToFileURL(path.join(PDFJS_DIR, 'legacy/build/pdf.mjs')).href)) as PdfJs;
  const worker = await import(pathToFileURL(path.join(PDFJS_DIR, 'legacy/build/pdf.worker.mjs')).href);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
  return pdfjs;
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= importPdfJs();
  return pdfjsPromise;
}

const MIN_LINES_FOR_OWN_MARGINS = 8;

export interface PdfRead {
  blocks: Block[];
  pages: number;
  messages: Message[];
}

export async function readPdf(bytes: Uint8Array, password?: string): Promise<PdfRead> {
  const { images } = checkPdfStreams(bytes);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password,
    cMapUrl: path.join(PDFJS_DIR, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + path.sep,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as { name?: string; code?: number; message?: string };
    if (err.name === 'PasswordException') throw new ReadFailure(err.code === 2 ? 'E_BAD_PASSWORD' : 'E_ENCRYPTED');
    throw new ReadFailure('E_CORRUPT_PDF');
  }
  if (doc.numPages > LIMITS.pdfPages) {
    await doc.destroy();
    throw new ReadFailure('E_TOO_MANY_PAGES', `${doc.numPages} 页，上限 ${LIMITS.pdfPages} 页`);
  }
  const messages: Message[] = [];
  const pageLines: PdfLine[][] = [];
  let unreadable = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const items: TextItem[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const [a, b, , , e, f] = it.transform as number[];
          items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.hypot(a, b) });
        }
        pageLines.push(groupLines(items, n));
        // a file without text is a scan only if its pages show pictures: asked of its first pages
        page.cleanup();
      } catch (e) {
        unreadable++;
        pageLines.push([]);
        messages.push(message('W_PAGES_SKIPPED', 'warning', { detail: `第${n}页：${(e as Error).message}`, where: { page: n } }));
      }
    }
  } finally {
    await doc.destroy();
  }
  const textChars = pageLines.flat().reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0);
  if (textChars === 0) {
    // damaged pages or pages of nothing are not a scan: OCR would not help them. The images were
    // counted by the stream pre-scan, without decoding one (a scan's pictures can be huge)
    if (unreadable === pageLines.length) throw new ReadFailure('E_CORRUPT_PDF', '所有页面都无法读取');
    if (images > 0) throw new ReadFailure('E_SCANNED');
    throw new ReadFailure('E_NO_TEXT', 'PDF 页面上既没有文字也没有图片');
  }
  const blocks = pageLinesToBlocks(pageLines);
  // a scanning app's watermark ("扫描全能王 创建" on every page) is a running line, not text: a file
  // of pictures whose only text was that is a scan too
  if (images > 0 && blocks.every((b) => !b.text.trim())) throw new ReadFailure('E_SCANNED');
  return { blocks, pages: pageLines.length, messages };
}

/** Lines of every page → paragraphs as blocks, page furniture dropped: the layout reading PDF and OFD share. */
export function pageLinesToBlocks(pageLines: PdfLine[][]): Block[] {
  const cleaned = dropRunningLines(pageLines);
  // A page with a few lines (a document's last page) shows too little to find its margins: it
  // takes the document's, since a notice keeps one layout throughout.
  const docColumns = findColumns(cleaned.flat());
  const paragraphs = joinAcrossPages(cleaned.map((lines) => linesToParagraphs(lines, lines.length >= MIN_LINES_FOR_OWN_MARGINS ? findColumns(lines) : docColumns)));
  return paragraphs.map((p): Block => ({
    text: p.text,
    page: p.page,
    ...(p.pageEnd !== p.page ? { pageEnd: p.pageEnd } : {}),
    style: { fontSize: Math.round(p.size * 10) / 10, ...(p.center ? { center: true } : {}) },
  }));
}

/**
 * Page numbers, and running headers/footers: a first or last line that repeats (digits aside)
 * on at least half the pages, three at the least.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map(key));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines) =>
    lines.filter((l, i) => {
      if (isPageNumberLine(l.text)) return false;
      const atEdge = i === 0 || i === lines.length - 1;
      return !(atEdge && (counts.get(key(l)) ?? 0) >= minPages);
    }),
  );
}

/** A paragraph whose last line ran to the edge goes on with the next page's first paragraph if that starts flush. */
export function joinAcrossPages(pages: PdfParagraph[][]): PdfParagraph[] {
  const out: PdfParagraph[] = [];
  for (const paras of pages) {
    paras.forEach((p, i) => {
      const last = out[out.length - 1];
      if (i === 0 && last && wrapsInto(last.tailGap, p.text, p.size) && p.flushStart && Math.abs(last.size - p.size) <= 0.5 && !p.center && !startsNew(p.text)) {
        last.text += p.text;
        last.pageEnd = p.pageEnd;
        last.tailGap = p.tailGap;
      } else {
        out.push({ ...p });
      }
    });
  }
  return out;
}
