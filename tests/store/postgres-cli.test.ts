// The same commands on a PostgreSQL URL: --db postgres://… (or $TAIZHANG_DB) opens PostgreSQL, and a
// server that does not answer is one Chinese line that never shows the password.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addStoreCommands } from '../../src/cli/store.js';
import { openStore, postgresUrl, PostgresTaskStore, SqliteTaskStore } from '../../src/store/index.js';
import { shownUrl } from '../../src/store/postgres.js';
import { freshPgUrl, PG_AVAILABLE } from './backends.js';
import { runCommands } from '../run-commands.js';

// a plan written for this test: a city's water-saving work, two clauses with units and dates
const PLAN = `江川市人民政府办公室关于印发江川市2022年节水型城市建设工作方案的通知

江政办发〔2022〕9号

各区人民政府，市政府各部门：
现将《江川市2022年节水型城市建设工作方案》印发给你们，请认真贯彻执行。

江川市人民政府办公室
2022年4月2日

江川市2022年节水型城市建设工作方案

一、重点任务
（一）改造老旧供水管网。9月底前完成老旧供水管网改造42公里。（牵头单位：市水务局；配合单位：市财政局）
（二）推广节水器具。年底前公共机构节水器具普及率达到100%。（牵头单位：市机关事务管理局）
`;

let out: string[];
let err: string[];
async function run(...args: string[]): Promise<number> {
  const r = await runCommands(addStoreCommands, args, { stdout: true });
  out = r.out;
  err = r.err;
  return r.code;
}
afterEach(() => vi.restoreAllMocks());

test('the backend follows the URL: postgres:// and postgresql:// open PostgreSQL, a path opens SQLite', async () => {
  expect(postgresUrl('postgres://u:p@h/db')).toBe('postgres://u:p@h/db');
  expect(postgresUrl(undefined, { TAIZHANG_DB: 'postgresql://h/db' })).toBe('postgresql://h/db');
  expect(postgresUrl('db/postgres.sqlite', { TAIZHANG_DB: 'postgres://h/db' })).toBeUndefined();
  const pgStore = openStore('postgres://nobody@127.0.0.1:1/none');
  expect(pgStore).toBeInstanceOf(PostgresTaskStore);
  await pgStore.close();
  const lite = openStore(':memory:');
  expect(lite).toBeInstanceOf(SqliteTaskStore);
  await lite.close();
  expect(shownUrl('postgres://staff:秘密@db.example:5432/tz')).toBe('postgres://staff:***@db.example:5432/tz');
});

test('a server that does not answer is E_PG_CONNECT on one line, without the password', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-pg-cli-'));
  await writeFile(join(dir, 'plan.txt'), PLAN);
  // port 1 on loopback: nothing listens there
  expect(await run('documents', '--db', 'postgres://staff:s3cret@127.0.0.1:1/tz')).toBe(1);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^taizhang: 无法连接 PostgreSQL 台账数据库.*\[E_PG_CONNECT\]$/u);
  expect(err[0]).not.toContain('s3cret');
});

describe.skipIf(!PG_AVAILABLE)('ingest, search and documents on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ url, drop } = await freshPgUrl());
    dir = await mkdtemp(join(tmpdir(), 'taizhang-pg-cli-'));
    await writeFile(join(dir, 'plan.txt'), PLAN);
  });
  afterAll(() => drop());

  test('ingest stores once, search finds the task, documents lists it; $TAIZHANG_DB works too', async () => {
    const plan = join(dir, 'plan.txt');
    expect(await run('ingest', plan, '--db', url)).toBe(0);
    expect(out[0]).toMatch(/^已存入 .*plan\.txt → .*（2 项任务）$/u);
    expect(await run('ingest', plan, '--db', url)).toBe(0);
    expect(out[0]).toMatch(/^未变/u);
    expect(await run('search', '供水管网', '--db', url)).toBe(0);
    expect(out.join('\n')).toContain('【供水管网】');
    vi.stubEnv('TAIZHANG_DB', url);
    try {
      expect(await run('documents')).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('江川市2022年节水型城市建设工作方案');
    const store = new PostgresTaskStore(url);
    expect(await store.counts()).toMatchObject({ documents: 1, tasks: 2 });
    await store.close();
  });
});
