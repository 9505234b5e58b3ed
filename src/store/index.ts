// Opening the task store: the path comes from --db, $TAIZHANG_DB or the default under the working
// directory (resolveDbPath). SQLite is the only backend so far.
import { existsSync } from 'node:fs';
import { ReadFailure } from '../messages.js';
import { SqliteTaskStore } from './sqlite.js';
import { resolveDbPath, type TaskStore } from './store.js';

export function openStore(path?: string): TaskStore {
  return SqliteTaskStore.open(path === ':memory:' ? path : resolveDbPath(path));
}

export { SqliteTaskStore } from './sqlite.js';
export { DEFAULT_DB_PATH, DB_ENV, resolveDbPath } from './store.js';
export type { IngestReport, IngestStatus, SearchField, SearchHit, SearchMatch, StoreCounts, StoredDocument, StoredTask, TaskStore } from './store.js';

/**
 * For commands that only read (search, documents, register DOC_ID): a missing file is an error, not
 * a new empty store, and a file or folder this user may not write is still read.
 */
export function openExistingStore(path?: string): TaskStore {
  const resolved = resolveDbPath(path);
  if (!existsSync(resolved)) throw new ReadFailure('E_STORE_MISSING', resolved);
  return SqliteTaskStore.openReadOnly(resolved);
}
