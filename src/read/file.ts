// Only regular files are read. A device (/dev/zero), a named pipe or a socket has no size to check
// and no end (or blocks the open for ever), so --max-size means nothing for it: the kind is judged
// by stat before any read, and again on the opened descriptor (fstat), since the path may have been
// swapped in between. O_NONBLOCK keeps the open of a FIFO from waiting for a writer.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ReadFailure } from '../messages.js';
import { LIMITS, megabytes } from './limits.js';

/** The failure an fs error stands for, as the user should hear it. */
export function fsErrorFailure(err: unknown): ReadFailure {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return new ReadFailure('E_NOT_FOUND');
    case 'EACCES':
    case 'EPERM':
      return new ReadFailure('E_UNREADABLE');
    case 'EISDIR':
      return new ReadFailure('E_IS_DIRECTORY');
    case 'ENXIO':
    case 'ENODEV':
      return new ReadFailure('E_NOT_REGULAR_FILE');
    default:
      return new ReadFailure('E_UNREADABLE', code ?? (err instanceof Error ? err.message.split('\n')[0] : undefined));
  }
}

function checkKind(s: { isFile(): boolean; isDirectory(): boolean }): void {
  if (s.isDirectory()) throw new ReadFailure('E_IS_DIRECTORY');
  if (!s.isFile()) throw new ReadFailure('E_NOT_REGULAR_FILE');
}

/** The whole of a regular file no larger than maxBytes, or a ReadFailure saying why not. */
export async function readRegularFile(file: string, maxBytes: number = LIMITS.fileBytes): Promise<Uint8Array> {
  let before;
  try {
    before = await stat(file);
  } catch (e) {
    throw fsErrorFailure(e);
  }
  checkKind(before);
  if (before.size > maxBytes) throw new ReadFailure('E_TOO_LARGE', megabytes(before.size));
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw fsErrorFailure(e);
  }
  try {
    const s = await handle.stat();
    checkKind(s);
    if (s.size > maxBytes) throw new ReadFailure('E_TOO_LARGE', megabytes(s.size));
    // read at most one byte past the limit: a file that grows while we read is still bounded
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, s.size + 64 * 1024));
    let got = 0;
    for (;;) {
      if (got === buf.length) break;
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > maxBytes) throw new ReadFailure('E_TOO_LARGE', `超过 ${megabytes(maxBytes)}`);
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  } catch (e) {
    throw e instanceof ReadFailure ? e : fsErrorFailure(e);
  } finally {
    await handle.close();
  }
}
