// Opening the task store. The backend follows what --db (or $TAIZHANG_DB) names: a postgres:// URL
// opens PostgreSQL (postgres.ts, shared by an office), anything else is a SQLite file path, resolved
// against the working directory (resolveDbPath). pg itself is loaded only when a URL is opened.
import { existsSync } from 'node:fs';
import { ReadFailure } from '../messages.js';
import { PostgresTaskStore } from './postgres.js';
import { SqliteTaskStore } from './sqlite.js';
import { DB_ENV, resolveDbPath, type TaskStore } from './store.js';

/** The URL when --db or $TAIZHANG_DB names a PostgreSQL database, else undefined. */
export function postgresUrl(option?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = option?.trim() || env[DB_ENV]?.trim() || '';
  return /^postgres(ql)?:\/\//iu.test(chosen) ? chosen : undefined;
}

function openPostgres(url: string): TaskStore {
  // synchronous like SQLite's open: pg is loaded and the connection made on the first call
  return new PostgresTaskStore(url);
}

export function openStore(path?: string): TaskStore {
  const url = postgresUrl(path);
  if (url) return openPostgres(url);
  return SqliteTaskStore.open(path === ':memory:' ? path : resolveDbPath(path));
}

export { PostgresTaskStore } from './postgres.js';
export { SqliteTaskStore } from './sqlite.js';
export { DEFAULT_DB_PATH, DB_ENV, resolveDbPath } from './store.js';
export type { IngestReport, IngestStatus, SearchField, SearchHit, SearchMatch, StoreCounts, StoredDocument, StoredTask, TaskStore } from './store.js';

/**
 * For commands that only read (search, documents, register DOC_ID): a missing file is an error, not
 * a new empty store, and a file or folder this user may not write is still read. A PostgreSQL
 * database is opened as it is (its schema is made on first use, like `ingest` would).
 */
export function openExistingStore(path?: string): TaskStore {
  const url = postgresUrl(path);
  if (url) return openPostgres(url);
  const resolved = resolveDbPath(path);
  if (!existsSync(resolved)) throw new ReadFailure('E_STORE_MISSING', resolved);
  return SqliteTaskStore.openReadOnly(resolved);
}
