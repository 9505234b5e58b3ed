// Opening the task store: the path comes from --db, $TAIZHANG_DB or the default under the working
// directory (resolveDbPath). SQLite is the only backend so far.
import { SqliteTaskStore } from './sqlite.js';
import { resolveDbPath, type TaskStore } from './store.js';

export function openStore(path?: string): TaskStore {
  return SqliteTaskStore.open(path === ':memory:' ? path : resolveDbPath(path));
}

export { SqliteTaskStore } from './sqlite.js';
export { DEFAULT_DB_PATH, DB_ENV, resolveDbPath } from './store.js';
export type { IngestReport, IngestStatus, SearchHit, StoreCounts, StoredDocument, StoredTask, TaskStore } from './store.js';
