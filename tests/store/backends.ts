// The store backends every store test runs against: SQLite (a new file, or :memory:) and PostgreSQL
// (a new schema in the test database, dropped afterwards). PostgreSQL is skipped only when no server
// answers AND the run is not CI: under CI a missing server fails the tests, never hides them.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import type { TaskStore } from '../../src/store/store.js';

export const PG_TEST_URL = process.env.TAIZHANG_TEST_PG || 'postgres://taizhang:taizhang@127.0.0.1:5432/taizhang_test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const PG_AVAILABLE = (await reachable()) || Boolean(process.env.CI);
if (!PG_AVAILABLE) console.warn(`PostgreSQL store tests skipped: no server answers at ${PG_TEST_URL.replace(/:[^:@/]*@/u, ':***@')} (set TAIZHANG_TEST_PG)`);

/** A URL that opens the test database with its own new schema first on the search path. */
export async function freshPgUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `tz_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = PG_TEST_URL.includes('?') ? '&' : '?';
  const url = `${PG_TEST_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  };
  return { url, drop };
}

/**
 * The end of a queue test: the store closed, then its pg-boss schema (named after the store's,
 * src/queue/index.ts bossSchema) and the test's own database dropped.
 */
export async function dropQueueStore(store: PostgresTaskStore, url: string, drop: () => Promise<void>): Promise<void> {
  await store.close();
  const admin = new PostgresTaskStore(url);
  const [{ schema }] = await admin.query<{ schema: string }>('SELECT current_schema() AS schema');
  await admin.query(`DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
  await admin.close();
  await drop();
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** a new, empty store */
  open(): Promise<TaskStore>;
}

const cleanups: Array<() => Promise<void>> = [];

/** Closes every store opened through `backends` and drops its schema (call in afterEach/afterAll). */
export async function closeAll(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const store = SqliteTaskStore.open(join(await mkdtemp(join(tmpdir(), 'taizhang-store-')), 'sub', 'taizhang.sqlite'));
    cleanups.push(() => store.close());
    return store;
  },
};

/** A new, empty PostgreSQL store in its own database, closed and dropped by closeAll. */
export async function openPgStore(): Promise<PostgresTaskStore> {
  const { url, drop } = await freshPgUrl();
  const store = new PostgresTaskStore(url);
  cleanups.push(async () => {
    await store.close();
    await drop();
  });
  return store;
}

const postgres: Backend = { name: 'postgres', open: openPgStore };

/** Both backends, PostgreSQL left out only when no server answers outside CI. */
export const BACKENDS: Backend[] = PG_AVAILABLE ? [sqlite, postgres] : [sqlite];
