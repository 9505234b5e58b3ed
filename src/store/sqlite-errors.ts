// SQLite's own failures, as users should read them: a damaged file, a read-only file or folder, a
// full disk or a long-held lock each get their Chinese line and code, never E_INTERNAL with
// "database disk image is malformed".
import { ReadFailure, type MessageCode } from '../messages.js';

/** better-sqlite3's SqliteError codes (extended codes start with the primary one). */
const SQLITE_CODES: ReadonlyArray<readonly [RegExp, MessageCode]> = [
  [/^SQLITE_(CORRUPT|NOTADB)/u, 'E_STORE_CORRUPT'],
  [/^SQLITE_READONLY/u, 'E_STORE_READONLY'],
  [/^SQLITE_FULL/u, 'E_STORE_FULL'],
  [/^SQLITE_(BUSY|LOCKED)/u, 'E_STORE_BUSY'],
];

export function sqliteCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** The store's failure for a SQLite error, or null for anything else (left to the caller). */
export function storeFailure(e: unknown, path: string): ReadFailure | null {
  if (e instanceof ReadFailure) return e;
  const code = sqliteCode(e);
  const found = SQLITE_CODES.find(([re]) => re.test(code));
  return found ? new ReadFailure(found[1], path) : null;
}

/** Runs one store call; SQLite's failures come out as the store's own Chinese failures. */
export function guarded<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw storeFailure(e, path) ?? e;
  }
}
