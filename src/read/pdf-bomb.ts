// pdf.js inflates a content stream whole when a page asks for its text: a 1 MB PDF whose stream
// inflates to gigabytes took 2.2 GB before it was (wrongly) called a scan. Before pdf.js sees the
// file, every Flate stream is inflated here with zlib's maxOutputLength, one at a time and thrown
// away, so neither one stream nor all of them together can pass the limits (LIMITS in limits.ts).
import { inflateSync, constants } from 'node:zlib';
import { ReadFailure } from '../messages.js';
import { LIMITS, megabytes } from './limits.js';

/** Filters named in a stream's dictionary, in order: "/Filter /FlateDecode", "/Filter [/FlateDecode /DCTDecode]". */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/u.exec(dict);
  if (!m) return [];
  return [...m[1].matchAll(/\/([A-Za-z0-9]+)/gu)].map((x) => x[1]);
}

const isFlate = (f: string) => f === 'FlateDecode' || f === 'Fl';

/** An inline image in a content stream: "BI /W 10 /H 10 … ID <data> EI". */
const INLINE_IMAGE = /(?:^|\s)BI\s+\/[\s\S]{0,400}?\sID\s/u;

/** The inflated size of one stream's Flate layers, or a PDF_BOMB failure past the limits. */
function inflate(data: Buffer, layers: number, budget: number): { size: number; inlineImage: boolean } {
  let cur = data;
  let size = data.length;
  for (let k = 0; k < layers; k++) {
    const max = Math.min(LIMITS.pdfStreamBytes, budget);
    try {
      cur = inflateSync(cur, { maxOutputLength: max + 1, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (e) {
      if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ReadFailure('E_PDF_BOMB', `一个数据流解压后超过 ${megabytes(max)}`);
      }
      return { size, inlineImage: false }; // damaged data: pdf.js will say what it makes of it
    }
    if (cur.length > max) throw new ReadFailure('E_PDF_BOMB', `一个数据流解压后超过 ${megabytes(max)}`);
    size = cur.length;
  }
  return { size, inlineImage: cur.length < 16 * 1024 * 1024 && INLINE_IMAGE.test(cur.toString('latin1', 0, Math.min(cur.length, 1 << 20))) };
}

export interface PdfStreamFacts {
  /** image XObjects and inline images: a file without text is a scan only if it has some */
  images: number;
}

/**
 * Throws E_PDF_BOMB when the Flate streams of a PDF inflate past LIMITS.pdfStreamBytes (one) or
 * LIMITS.pdfInflatedBytes (all); counts the images on the way, without decoding any.
 */
export function checkPdfStreams(bytes: Uint8Array): PdfStreamFacts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let images = 0;
  let at = 0;
  for (;;) {
    const s = buf.indexOf('stream', at, 'latin1');
    if (s < 0) return { images };
    at = s + 6;
    // "endstream" contains "stream"; a keyword that is not followed by an end of line is not a start
    if (s >= 3 && buf.toString('latin1', s - 3, s) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) {
      if (buf[start - 1] !== 0x0d) continue;
    } else start++;
    const dictFrom = buf.lastIndexOf('<<', s, 'latin1');
    if (dictFrom < 0 || s - dictFrom > 4096) continue;
    const dict = buf.toString('latin1', dictFrom, s);
    if (/\/Subtype\s*\/Image\b/u.test(dict)) images++;
    const layers = filtersOf(dict);
    let flate = 0;
    while (flate < layers.length && isFlate(layers[flate])) flate++;
    const end = buf.indexOf('endstream', start, 'latin1');
    const stop = end < 0 ? buf.length : end;
    at = stop;
    if (!flate) continue;
    const r = inflate(buf.subarray(start, stop), flate, LIMITS.pdfInflatedBytes - total);
    total += r.size;
    if (r.inlineImage) images++;
    if (total > LIMITS.pdfInflatedBytes) throw new ReadFailure('E_PDF_BOMB', `全部数据流解压后超过 ${megabytes(LIMITS.pdfInflatedBytes)}`);
  }
}
