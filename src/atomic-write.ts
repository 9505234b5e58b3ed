// Outputs that are whole or absent: written to a temporary name in the same folder, then renamed
// over the target (rename within one file system is atomic), so a run killed mid-write never leaves
// a truncated JSON or workbook behind, only a stray temporary file that the next run removes.
import { readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TEMP_MARK = '.taizhang-tmp-';
let counter = 0;

/** A temporary name beside `target`: hidden, and not ending in .json/.xlsx, so no reader takes it for an output. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${process.pid}-${++counter}`);
}

/** Write `data` to `target` all at once, or not at all. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomic(target, (tmp) => writeFile(tmp, data));
}

/** Let `write` make the file at a temporary path, then move it to `target`; the temporary file never stays. */
export async function replaceAtomic(target: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Temporary files a killed run left in `dir`. */
export async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith('.') && name.includes(TEMP_MARK)) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}
