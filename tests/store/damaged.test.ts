// A damaged store and a store this user may not write: each gets its own Chinese line and code,
// never E_INTERNAL with SQLite's English; a read-only store can still be searched and listed.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, test, vi } from 'vitest';
import { TS_CHILD_HOOKS } from './ts-child-hooks.js';
import { addStoreCommands } from '../../src/cli/store.js';
import { ExtractResult } from '../../src/model.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { runCommands } from '../run-commands.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const plan = ExtractResult.parse(JSON.parse(readFileSync(new URL('../fixtures/results/county-plan.json', import.meta.url), 'utf8')));

let out: string[] = [];
let err: string[] = [];
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<number> {
  const r = await runCommands(addStoreCommands, args);
  out = r.out;
  err = r.err;
  return r.code;
}

async function storedPlan(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-damaged-'));
  const db = join(dir, 'taizhang.sqlite');
  const store = SqliteTaskStore.open(db);
  await store.ingest(plan);
  await store.close();
  return db;
}

const CORRUPT = (db: string) =>
  `taizhang: 台账数据库文件已损坏：请从备份恢复该文件，或换一个 --db 路径用 taizhang ingest 重新存入原文件（${db}） [E_STORE_CORRUPT]`;

test('a store whose pages were overwritten: search and documents each say E_STORE_CORRUPT', async () => {
  const db = await storedPlan();
  const size = statSync(db).size;
  const f = await open(db, 'r+');
  // the first page (header and schema) stays; the pages holding the rows become noise
  await f.write(randomBytes(size - 8192), 0, size - 8192, 8192);
  await f.close();
  expect(await run('search', '危房', '--db', db)).toBe(1);
  expect(err).toEqual([CORRUPT(db)]);
  expect(await run('documents', '--db', db)).toBe(1);
  expect(err).toEqual([CORRUPT(db)]);
});

test('a file that is not a database at all says E_STORE_CORRUPT too', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-damaged-'));
  const db = join(dir, 'taizhang.sqlite');
  await writeFile(db, randomBytes(64 * 1024));
  expect(await run('search', '危房', '--db', db)).toBe(1);
  expect(err).toEqual([CORRUPT(db)]);
  await writeFile(join(dir, 'plan.txt'), '清河县交通运输局\n清交发〔2021〕3号\n清河县2021年农村公路养护方案\n一、重点任务\n（一）6月底前完成危桥改造5座。（牵头单位：县交通运输局）\n');
  expect(await run('ingest', join(dir, 'plan.txt'), '--db', db)).toBe(1);
  expect(err).toEqual([CORRUPT(db)]);
});

// Runs search, documents and ingest on a store in a child process as a user who may not write it:
// root (as in CI containers) may write anything, so the child then runs as nobody.
const CHILD = `
import { openExistingStore, openStore } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/store/index.js')).href)};
const db = process.argv[2];
const said = {};
try {
  const store = openExistingStore(db);
  said.search = (await store.search('危房改造')).map((h) => h.taskId);
  said.documents = (await store.documents()).length;
  said.byId = (await store.result('qinghe-2020-7'))?.tasks.length ?? null;
  try { said.mark = await store.markSuperseded(['qinghe-2020-7#2.2']); } catch (e) { said.mark = e.code ?? e.message; }
  await store.close();
} catch (e) { said.readError = e.code ?? e.message; }
try {
  const store = openStore(db);
  await store.ingest(JSON.parse(process.argv[3]));
  said.ingest = 'ok';
} catch (e) { said.ingest = e.code ?? e.message; }
process.stdout.write(JSON.stringify(said));
`;

async function asReader(db: string): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-reader-'));
  chmodSync(dir, 0o755);
  await writeFile(join(dir, 'hooks.mjs'), TS_CHILD_HOOKS);
  await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  await writeFile(join(dir, 'child.mjs'), CHILD);
  const other = { ...plan, document: { ...plan.document, id: 'other', docNumber: null, title: '另一个文件', source: { ...plan.document.source, sha256: 'cd'.repeat(32) } } };
  const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'child.mjs'), db, JSON.stringify(other)],
    { encoding: 'utf8', cwd: dir, timeout: 60_000, ...nobody });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const READ_BACK = { search: ['qinghe-2020-7#2.2'], documents: 1, byId: 6 };

test('a store in a folder this user may not write is searched, listed and read; writing it says E_STORE_READONLY', async () => {
  const db = await storedPlan();
  const dir = join(db, '..');
  chmodSync(db, 0o644);
  chmodSync(dir, 0o555);
  try {
    expect(await asReader(db)).toEqual({ ...READ_BACK, mark: 'E_STORE_READONLY', ingest: 'E_STORE_READONLY' });
  } finally {
    chmodSync(dir, 0o755);
  }
}, 90_000);

test('a store file this user may not write (mode 0444) is read the same way', async () => {
  const db = await storedPlan();
  chmodSync(join(db, '..'), 0o777);
  chmodSync(db, 0o444);
  expect(await asReader(db)).toEqual({ ...READ_BACK, mark: 'E_STORE_READONLY', ingest: 'E_STORE_READONLY' });
}, 90_000);

test('a full disk and a store held by another process each say their own code; nothing half-written stays', async () => {
  const db = await storedPlan();
  const store = SqliteTaskStore.open(db);
  const pages = store.database.pragma('page_count', { simple: true }) as number;
  // the file may not grow: what a full disk does to SQLite
  store.database.pragma(`max_page_count = ${pages}`);
  const big = { ...plan, document: { ...plan.document, id: 'big', docNumber: null, title: '另一个方案', source: { ...plan.document.source, sha256: 'ef'.repeat(32) } } };
  big.tasks = Array.from({ length: 400 }, (_, i) => ({ ...plan.tasks[i % plan.tasks.length], id: `big#${i}` }));
  await expect(store.ingest(big)).rejects.toMatchObject({ code: 'E_STORE_FULL' });
  expect((await store.documents()).map((d) => d.docId)).toEqual(['qinghe-2020-7']);
  await store.close();

  const holder = new Database(db);
  holder.prepare('BEGIN IMMEDIATE').run();
  const waiting = SqliteTaskStore.open(db);
  waiting.database.pragma('busy_timeout = 50');
  await expect(waiting.ingest(big)).rejects.toMatchObject({ code: 'E_STORE_BUSY' });
  holder.prepare('ROLLBACK').run();
  holder.close();
  expect((await waiting.ingest(big)).status).toBe('added');
  await waiting.close();
});
