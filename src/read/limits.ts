// Every size limit the readers enforce, in one place. A notice is a few pages of prose: each limit
// sits far above any real one (the largest plan we have seen is ~300k characters, 200 pages, a
// 2 MB document.xml) and far below what would exhaust a worker (1.5 GB, a few seconds a file).
//
//   limit              | value     | where it is checked                  | code when exceeded
//   -------------------+-----------+--------------------------------------+---------------------------
//   fileBytes          | 100 MiB   | read/file.ts, before reading         | E_TOO_LARGE (--max-size)
//   textChars          | 1 M chars | read/index.ts, text and a page's text | E_TEXT_TOO_LARGE
//   htmlChars          | 2 M chars | read/html.ts, a page's source        | E_HTML_TOO_LARGE
//   htmlElements       | 50,000    | read/html-depth.ts, before parsing   | E_HTML_TOO_LARGE
//   paragraphChars     | 8,000     | normalize: splitLongParagraphs       | split at a sentence end, W_LONG_PARAGRAPH_SPLIT
//   htmlDepth          | 120       | read/html-depth.ts, before parsing   | flattened (W_HTML_FLATTENED), else E_HTML_TOO_DEEP
//   pdfInflatedBytes   | 256 MiB   | read/pdf-bomb.ts, before pdf.js      | E_PDF_BOMB
//   pdfStreamBytes     | 64 MiB    | read/pdf-bomb.ts, any one stream     | E_PDF_BOMB
//   pdfPages           | 3,000     | read/pdf.ts, after opening           | E_TOO_MANY_PAGES
//   zipTotalBytes      | 200 MiB   | read/zip-guard.ts, counted inflating | E_DOCX_BOMB / E_OFD_BOMB (E_DOCX_TOO_LARGE if no bomb)
//   zipEntries         | 5,000     | read/zip-guard.ts                    | E_DOCX_BOMB / E_OFD_BOMB
//   docxXmlBytes       | 32 MiB    | read/zip-guard.ts, document.xml      | E_DOCX_TOO_LARGE
//   docxTableDepth     | 20        | read/docx.ts, tables in tables       | E_DOCX_TOO_DEEP
//   docMs / docHeapMb  | 30 s, 512 | read/doc.ts, the .doc worker         | E_CORRUPT_DOC
//   ocrPages           | 500       | read/ocr-pages.ts, pages to OCR      | E_OCR_TOO_MANY_PAGES (--ocr never reads the text layer only)
//   imagePixels        | 60 M px   | read/image.ts, from the header       | E_IMAGE_TOO_LARGE, before decoding
//   ocrPixels          | 12 M px   | read/image.ts, an image to OCR       | drawn smaller (a 300 dpi A4 page is 8.7 M)
export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  textChars: 1_000_000,
  /** a saved page's source, markup included: pages carry several times their text in tags and styles */
  htmlChars: 2_000_000,
  /** elements a page opens (a government page has 2,000–10,000) */
  htmlElements: 50_000,
  paragraphChars: 8_000,
  htmlDepth: 120,
  pdfInflatedBytes: 256 * 1024 * 1024,
  pdfStreamBytes: 64 * 1024 * 1024,
  pdfPages: 3_000,
  zipTotalBytes: 200 * 1024 * 1024,
  zipEntries: 5_000,
  /** uncompressed/compressed for any entry over 1 MiB, judged on the bytes actually inflated */
  zipRatio: 200,
  docxXmlBytes: 32 * 1024 * 1024,
  /** tables inside tables: mammoth recurses once per level (3,000 overflowed its stack) */
  docxTableDepth: 20,
  docMs: 30_000,
  docHeapMb: 512,
  /** pages one file may send to OCR: ~2 s a page a worker, 500 pages is minutes already */
  ocrPages: 500,
  /** an image's pixels, read from its header before decoding (4 bytes each once decoded: 240 MB) */
  imagePixels: 60_000_000,
  /** an image larger than this is drawn smaller before OCR (600 dpi photos read no better than 300) */
  ocrPixels: 12_000_000,
} as const;

/** "64 MB", "3000000 字": a limit as the user reads it in a message's detail. */
export const megabytes = (n: number) => `${Math.round(n / 1048576)} MB`;
