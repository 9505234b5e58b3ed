// DOCX and OFD are zips. The sizes a zip declares are the archive's own word and a crafted one lies
// (a 7 MB DOCX that understated them inflated to 2.2 GB inside mammoth): every entry is inflated
// here once, as a stream, with a running count of the bytes that really come out, and the reading
// stops at the limit (LIMITS in limits.ts). Only the parts asked for are kept in memory.
import yauzl from 'yauzl';
import { ReadFailure, type MessageCode } from '../messages.js';
import { LIMITS, megabytes } from './limits.js';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

export interface ZipCodes {
  /** not a zip, or a damaged one */
  broken: MessageCode;
  /** inflates far beyond its compressed size, or beyond what it declares */
  bomb: MessageCode;
  /** honestly more than the limits: many parts, none of them a bomb */
  large: MessageCode;
}

const DOCX_CODES: ZipCodes = { broken: 'E_NOT_DOCX', bomb: 'E_DOCX_BOMB', large: 'E_DOCX_TOO_LARGE' };
/** Past the total, a zip whose bytes inflate this many times over is a bomb rather than just big. */
const BOMB_OVERALL_RATIO = 20;

function openZip(bytes: Uint8Array, codes: ZipCodes): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ReadFailure(codes.broken));
      resolve(zip);
    });
  });
}

/** The central directory: names and declared sizes, nothing inflated. */
export async function listZip(bytes: Uint8Array, broken: MessageCode = 'E_NOT_DOCX'): Promise<ZipEntryInfo[]> {
  const codes: ZipCodes = broken === 'E_CORRUPT_OFD' ? { broken, bomb: 'E_OFD_BOMB', large: 'E_TOO_LARGE' } : { ...DOCX_CODES, broken };
  const zip = await openZip(bytes, codes);
  return new Promise((resolve, reject) => {
    const entries: ZipEntryInfo[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push({ name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize });
      if (entries.length > LIMITS.zipEntries) {
        zip.close();
        return reject(new ReadFailure(codes.bomb, `超过 ${LIMITS.zipEntries} 个条目`));
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new ReadFailure(codes.broken)));
    zip.readEntry();
  });
}

export interface ZipScanOptions {
  codes?: ZipCodes;
  /** entries to keep (inflated) in the result */
  keep?: (name: string) => boolean;
  /** entries no reader will ever inflate (pictures, fonts): neither inflated nor counted */
  skip?: (name: string) => boolean;
  /** a per-entry ceiling with its own code: DOCX's document.xml */
  partLimit?: { name: (n: string) => boolean; bytes: number; code: MessageCode };
}

export interface ZipScan {
  entries: ZipEntryInfo[];
  parts: Map<string, Buffer>;
}

/**
 * Inflates every entry once, counting: the total past LIMITS.zipTotalBytes, an entry over 1 MiB
 * inflating more than LIMITS.zipRatio times its compressed size, or an entry longer than it declares
 * stops the reading with `codes.bomb`, as soon as the bytes show it.
 */
export async function scanZip(bytes: Uint8Array, options: ZipScanOptions = {}): Promise<ZipScan> {
  const codes = options.codes ?? DOCX_CODES;
  const zip = await openZip(bytes, codes);
  return new Promise((resolve, reject) => {
    const entries: ZipEntryInfo[] = [];
    const parts = new Map<string, Buffer>();
    let total = 0;
    let compressed = 0;
    let done = false;
    const tooMuch = () =>
      new ReadFailure(total > compressed * BOMB_OVERALL_RATIO ? codes.bomb : codes.large, `解压后超过 ${megabytes(LIMITS.zipTotalBytes)}`);
    const fail = (f: ReadFailure) => {
      if (done) return;
      done = true;
      zip.close();
      reject(f);
    };
    zip.on('entry', (e: yauzl.Entry) => {
      if (done) return;
      entries.push({ name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize });
      if (entries.length > LIMITS.zipEntries) return fail(new ReadFailure(codes.bomb, `超过 ${LIMITS.zipEntries} 个条目`));
      if (e.fileName.endsWith('/') || options.skip?.(e.fileName)) return zip.readEntry();
      compressed += e.compressedSize;
      const limited = options.partLimit?.name(e.fileName) ? options.partLimit : null;
      // a declared size already past a limit needs no inflating to be refused
      if (total + e.uncompressedSize > LIMITS.zipTotalBytes) {
        total += e.uncompressedSize;
        return fail(tooMuch());
      }
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * LIMITS.zipRatio) {
        return fail(new ReadFailure(codes.bomb, `${e.fileName} 压缩比 ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1`));
      }
      if (limited && e.uncompressedSize > limited.bytes) return fail(new ReadFailure(limited.code, `${e.fileName} ${megabytes(e.uncompressedSize)}`));
      zip.openReadStream(e, (err, stream) => {
        if (done) return;
        if (err || !stream) return fail(new ReadFailure(codes.broken, e.fileName));
        const keep = options.keep?.(e.fileName) ?? false;
        const chunks: Buffer[] = [];
        let n = 0;
        stream.on('data', (c: Buffer) => {
          if (done) return;
          n += c.length;
          total += c.length;
          if (keep) chunks.push(c);
          let f: ReadFailure | null = null;
          if (limited && n > limited.bytes) f = new ReadFailure(limited.code, `${e.fileName} 超过 ${megabytes(limited.bytes)}`);
          else if (total > LIMITS.zipTotalBytes) f = tooMuch();
          else if (n > 1024 * 1024 && n > Math.max(1, e.compressedSize) * LIMITS.zipRatio) f = new ReadFailure(codes.bomb, `${e.fileName} 压缩比超过 ${LIMITS.zipRatio}:1`);
          if (f) {
            stream.destroy();
            fail(f);
          }
        });
        stream.on('error', (se: Error) => {
          // yauzl's own count: the entry inflates to more than its header says
          fail(new ReadFailure(/too many bytes/i.test(se.message) ? codes.bomb : codes.broken, /too many bytes/i.test(se.message) ? `${e.fileName} 实际大小超过声明` : e.fileName));
        });
        stream.on('end', () => {
          if (done) return;
          if (keep) parts.set(e.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => {
      if (done) return;
      done = true;
      resolve({ entries, parts });
    });
    zip.on('error', () => fail(new ReadFailure(codes.broken)));
    zip.readEntry();
  });
}
