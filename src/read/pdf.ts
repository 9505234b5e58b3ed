// PDF → blocks with pdfjs-dist. pdf.js needs the package's CMaps and standard fonts passed in, or
// Chinese text set in predefined CMaps silently disappears (PACKAGES.md).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Block, Message } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { startsNew } from '../lexicon/lines.js';
import { dropRunningLines } from './pdf-furniture.js';
import { findColumns, groupLines, joinSideBySideBoxes, linesToParagraphs, wrapsInto, type PdfLine, type PdfParagraph, type TextItem } from './pdf-lines.js';
import { findGrids, isTextFrame, joinPageTables, readGrid, type PageTable, type ReadTable } from './pdf-tables.js';
import { rulesFromOperatorList, type OpCodes } from './pdf-rules.js';
import { LIMITS } from './limits.js';
import { checkPdfStreams } from './pdf-bomb.js';
import type { OcrOptions } from './ocr-pages.js';

export { dropRunningLines };

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
/** The line over the rest of a table on a new page: "续表", "续表1", "（续表）". */
const CONTINUED_TABLE = /^[(（]?\s*续\s*表\s*\d{0,2}\s*[)）]?$/u;

export interface PdfRead {
  blocks: Block[];
  pages: number;
  messages: Message[];
}

/** A drawn page above this many pixels is drawn smaller (a poster-sized page at 300 dpi). */
const MAX_RENDER_PIXELS = 16_000_000;

export async function readPdf(bytes: Uint8Array, password?: string, ocr?: OcrOptions & { sha256: string }): Promise<PdfRead> {
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
  const pageTables: PageTable[][] = [];
  const ops = pdfjs.OPS as unknown as OpCodes;
  let unreadable = 0;
  let ocrLines: import('./ocr-layout.js').OcrPdfLine[] = [];
  let ocrPageSet = new Set<number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        let items: TextItem[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const [a, b, , , e, f] = it.transform as number[];
          items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.hypot(a, b) });
        }
        const tables: PageTable[] = [];
        // the operator list costs as much again as the text: only pages laid out in columns pay for it
        if (looksTabular(items)) {
          const list = await page.getOperatorList();
          for (const grid of findGrids(rulesFromOperatorList(list.fnArray, list.argsArray, ops))) {
            const { table, rest } = readGrid(grid, items);
            if (!table.rows.some((r) => r.some((c) => c.trim())) || isTextFrame(table)) continue;
            tables.push(table);
            items = rest;
          }
        }
        pageLines.push(groupLines(items, n));
        pageTables.push(tables);
        page.cleanup();
      } catch (e) {
        unreadable++;
        pageLines.push([]);
        pageTables.push([]);
        messages.push(message('W_PAGES_SKIPPED', 'warning', { detail: `第${n}页：${(e as Error).message}`, where: { page: n } }));
      }
    }
    const mode = ocr?.mode ?? 'never';
    if (mode !== 'never' && (images > 0 || mode === 'always') && unreadable < pageLines.length) {
      const toRead = mode === 'always' ? pageLines.map((_, k) => k + 1) : await pagesWithoutText(doc, pageLines, ops);
      if (toRead.length) {
        const [{ ocrPages }, layout] = await Promise.all([import('./ocr-pages.js'), import('./ocr-layout.js')]);
        const read = await ocrPages(toRead, (n) => drawPage(doc!, n, ocr!.dpi), ocr!);
        for (const p of read) {
          const lines = layout.ocrPageLines(p);
          pageLines[p.page - 1] = lines;
          pageTables[p.page - 1] = [];
          ocrLines.push(...lines);
          if (p.rotated) messages.push(message('W_OCR_ROTATED', 'info', { detail: `第${p.page}页旋转了${p.rotated}度`, where: { page: p.page } }));
        }
        ocrPageSet = new Set(toRead);
      }
    }
  } finally {
    await doc.destroy();
  }
  const tableChars = pageTables.flat().reduce((s, t) => s + t.rows.flat().join('').length, 0);
  const textChars = pageLines.flat().reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0) + tableChars;
  if (textChars === 0) {
    // damaged pages or pages of nothing are not a scan: OCR would not help them. The images were
    // counted by the stream pre-scan, without decoding one (a scan's pictures can be huge)
    if (unreadable === pageLines.length) throw new ReadFailure('E_CORRUPT_PDF', '所有页面都无法读取');
    if (images > 0) throw new ReadFailure(ocrPageSet.size ? 'E_OCR_NO_TEXT' : 'E_SCANNED');
    throw new ReadFailure('E_NO_TEXT', 'PDF 页面上既没有文字也没有图片');
  }
  let blocks = pageLinesToBlocks(pageLines, pageTables);
  if (ocrPageSet.size) {
    blocks = (await import('./ocr-layout.js')).markOcrBlocks(blocks, ocrLines, ocrPageSet);
    messages.push(message('W_OCR_USED', 'info', { detail: `${ocrPageSet.size} 页` }));
    return { blocks, pages: pageLines.length, messages };
  }
  // a scanning app's watermark ("扫描全能王 创建" on every page) is a running line, not text: a file
  // of pictures whose only text was that is a scan too
  // (without pictures there is nothing for OCR to read either)
  const watermarkOnly = isWatermarkOnly(pageLines.map((ls) => ls.map((l) => l.text).join('\n'))) || blocks.every((b) => !b.text.trim());
  if (tableChars === 0 && watermarkOnly) {
    throw images > 0 ? new ReadFailure('E_SCANNED') : new ReadFailure('E_NO_TEXT', '每页只有同一行水印文字，没有正文');
  }
  return { blocks, pages: pageLines.length, messages };
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Chinese characters a page must carry in its text layer to be read as text, not as a scan. */
const MIN_PAGE_TEXT = 10;

/**
 * Pages for `--ocr auto`: a page with a picture and (almost) no text of its own. A line every page
 * repeats (a scanning app's "扫描全能王 创建") does not count as text: it is the app's, not the
 * notice's. Only pages short of text pay for the operator list that says whether they hold a picture.
 */
async function pagesWithoutText(doc: PdfDoc, pageLines: PdfLine[][], opcodes: OpCodes): Promise<number[]> {
  const keys = pageLines.map((ls) => ls.map((l) => l.text.replace(/\s+/gu, '')).join(''));
  const watermark = isWatermarkOnly(keys) ? keys[0] : null;
  const chars = (ls: PdfLine[]) => ls.filter((l) => l.text.replace(/\s+/gu, '') !== watermark).reduce((s, l) => s + l.text.replace(/\s+/gu, '').length, 0);
  const out: number[] = [];
  for (let k = 0; k < pageLines.length; k++) {
    if (chars(pageLines[k]) >= MIN_PAGE_TEXT) continue;
    const page = await doc.getPage(k + 1);
    const list = await page.getOperatorList();
    const ops = opcodes as unknown as Record<string, number>;
    const paintsImage = list.fnArray.some((f) => f === ops.paintImageXObject || f === ops.paintInlineImageXObject || f === ops.paintImageXObjectRepeat);
    page.cleanup();
    if (paintsImage) out.push(k + 1);
  }
  return out;
}

/** One page drawn at `dpi` (fewer when the page is huge) on a canvas, for OCR. */
async function drawPage(doc: PdfDoc, n: number, dpi = 300) {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const factory = (doc as unknown as { canvasFactory?: { create(w: number, h: number): { canvas: import('@napi-rs/canvas').Canvas; context: unknown } } }).canvasFactory;
  // pdf.js draws on @napi-rs/canvas in Node: without it there is no page to read
  if (!factory) throw new ReadFailure('E_OCR_UNAVAILABLE', '@napi-rs/canvas');
  await (await import('./ocr-pages.js')).loadCanvas();
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  page.cleanup();
  return { canvas, dpi: Math.round(scale * 72) };
}

/**
 * Lines (and ruled tables) of every page → paragraphs and table rows as blocks, page furniture
 * dropped: the layout reading PDF and OFD share (OFD passes no tables).
 */
export function pageLinesToBlocks(pageLines: PdfLine[][], pageTables: PageTable[][] = pageLines.map(() => [])): Block[] {
  const cleaned = dropRunningLines(pageLines).map(joinSideBySideBoxes);
  // A page with a few lines (a document's last page) shows too little to find its margins: it
  // takes the document's, since a notice keeps one layout throughout.
  const docColumns = findColumns(cleaned.flat());
  const edges = pageTables.map((tables, k) => ({
    page: k + 1,
    tables,
    // "续表" above a table says it goes on from the page before
    firstAtTop: tables.length > 0 && !cleaned[k].some((l) => l.y > tables[0].top && !CONTINUED_TABLE.test(l.text.trim())),
    lastAtBottom: tables.length > 0 && !cleaned[k].some((l) => l.y < tables[tables.length - 1].bottom),
  }));
  const tablesRead = joinPageTables(edges);
  edges.forEach((e, k) => {
    if (e.firstAtTop) cleaned[k] = cleaned[k].filter((l) => !(l.y > e.tables[0].top && CONTINUED_TABLE.test(l.text.trim())));
  });
  // a page that ends in a table does not run its last paragraph on into the next page
  const endsInTable = new Set(edges.filter((e) => e.lastAtBottom).map((e) => e.page));
  const paragraphs = joinAcrossPages(
    cleaned.map((lines, k) => {
      // a page with a table: the table's frame is the text column (a title above it centres on it)
      const frame = pageTables[k].length ? [{ margin: Math.min(...pageTables[k].map((t) => t.left)), right: Math.max(...pageTables[k].map((t) => t.right)) }] : null;
      return linesToParagraphs(lines, frame ?? (lines.length >= MIN_LINES_FOR_OWN_MARGINS ? findColumns(lines) : docColumns));
    }),
    endsInTable,
  );
  const blocks: Block[] = [];
  let t = 0;
  const emitTablesBefore = (page: number, top: number) => {
    for (; t < tablesRead.length && (tablesRead[t].page < page || (tablesRead[t].page === page && tablesRead[t].top > top)); t++) blocks.push(...tableBlocks(tablesRead[t]));
  };
  for (const p of paragraphs) {
    emitTablesBefore(p.page, p.top ?? Infinity);
    blocks.push({
      text: p.text,
      page: p.page,
      ...(p.pageEnd !== p.page ? { pageEnd: p.pageEnd } : {}),
      style: { fontSize: Math.round(p.size * 10) / 10, ...(p.center ? { center: true } : {}) },
    });
  }
  emitTablesBefore(Infinity, -Infinity);
  return blocks;
}

/**
 * Rows of a ruled table as table blocks (cells apart by tabs, as DOCX and HTML tables come): a row
 * whose first cell is merged with the row above says so, so that later stages can read the grid
 * rows under one merged cell as one row.
 */
function tableBlocks(table: ReadTable): Block[] {
  return table.rows.flatMap((row, i): Block[] =>
    row.some((c) => c.trim())
      ? [{ text: row.join('\t'), page: table.rowPages[i], style: { table: true, ...(table.spansUp[i] ? { rowJoin: true } : {}) } }]
      : [],
  );
}

/**
 * Does the page hold text in columns (two or more baselines with items far apart on them)? Only
 * then is it worth looking for a ruled table.
 */
export function looksTabular(items: TextItem[]): boolean {
  const byLine = new Map<number, TextItem[]>();
  for (const it of items) {
    if (!it.str.trim()) continue;
    const k = Math.round(it.y / 2);
    const line = byLine.get(k);
    if (line) line.push(it);
    else byLine.set(k, [it]);
  }
  let wide = 0;
  for (const its of byLine.values()) {
    its.sort((a, b) => a.x - b.x);
    if (its.some((it, i) => i > 0 && it.x - (its[i - 1].x + its[i - 1].width) > it.size * 1.2)) wide++;
    if (wide >= 2) return true;
  }
  return false;
}

/**
 * A phone scan app leaves one text line on each page image ("扫描全能王 创建"): when that is the
 * only text of a document of several pages, it is a scan, not a document without text.
 */
export function isWatermarkOnly(pageTexts: string[]): boolean {
  const keys = pageTexts.map((t) => t.replace(/\s+/gu, ''));
  return keys.length >= 2 && keys[0].length > 0 && keys[0].length <= 20 && keys.every((k) => k === keys[0]);
}

/** A paragraph whose last line ran to the edge goes on with the next page's first paragraph if that starts flush. */
export function joinAcrossPages(pages: PdfParagraph[][], endsInTable: Set<number> = new Set()): PdfParagraph[] {
  const out: PdfParagraph[] = [];
  for (const paras of pages) {
    paras.forEach((p, i) => {
      const last = out[out.length - 1];
      if (i === 0 && last && !endsInTable.has(last.pageEnd) && wrapsInto(last.tailGap, p.text, p.size) && p.flushStart && Math.abs(last.size - p.size) <= 0.5 && !p.center && !startsNew(p.text)) {
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
