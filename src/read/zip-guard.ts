// A DOCX is a zip; mammoth inflates document.xml whole. Read the central directory first (the
// local headers of a crafted file can hide the real size behind ZIP64 markers) and refuse
// archives whose declared sizes or ratios are beyond what any notice needs.
import yauzl from 'yauzl';
import { ReadFailure } from '../messages.js';

export const ZIP_LIMITS = {
  /** total uncompressed bytes */
  maxTotal: 200 * 1024 * 1024,
  maxEntries: 5000,
  /** uncompressed/compressed for any entry over 1 MiB */
  maxRatio: 200,
} as const;

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

export function listZip(bytes: Uint8Array): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new ReadFailure('E_NOT_DOCX'));
      const entries: ZipEntryInfo[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize });
        if (entries.length > ZIP_LIMITS.maxEntries) {
          zip.close();
          return reject(new ReadFailure('E_DOCX_BOMB', `超过 ${ZIP_LIMITS.maxEntries} 个条目`));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', (e: Error) => reject(new ReadFailure('E_NOT_DOCX')));
      zip.readEntry();
    });
  });
}

export async function checkZipLimits(bytes: Uint8Array): Promise<ZipEntryInfo[]> {
  const entries = await listZip(bytes);
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > ZIP_LIMITS.maxTotal) throw new ReadFailure('E_DOCX_BOMB', `解压后 ${Math.round(total / 1048576)} MB`);
  for (const e of entries) {
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * ZIP_LIMITS.maxRatio) {
      throw new ReadFailure('E_DOCX_BOMB', `${e.name} 压缩比 ${Math.round(e.uncompressed / Math.max(1, e.compressed))}:1`);
    }
  }
  return entries;
}
