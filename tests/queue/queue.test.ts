// The queue on PostgreSQL: files queued once by their bytes, a worker that stores them, content
// failures recorded once with their line, and `taizhang queue` telling waiting/active/done/failed.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { counts, enqueueFiles, failures, openBoss, QUEUE, runWorker } from '../../src/queue/index.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { dropQueueStore, freshPgUrl, PG_AVAILABLE } from '../store/backends.js';
import { notice } from './notices.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const run = promisify(execFile);

test('a SQLite path is no queue: E_QUEUE_NEEDS_PG on one line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-queue-'));
  const r = await run(process.execPath, [CLI, 'queue', '--db', join(dir, 'a.sqlite')]).catch((e: { stdout: string; stderr: string; code: number }) => e);
  expect((r as { code?: number }).code).toBe(1);
  expect(r.stderr.trim()).toMatch(/^taizhang: 任务队列需要 PostgreSQL 数据库.*\[E_QUEUE_NEEDS_PG\]$/u);
});

describe.skipIf(!PG_AVAILABLE)('queue and worker', () => {
  let url: string;
  let drop: () => Promise<void>;
  let dir: string;
  let store: PostgresTaskStore;
  beforeAll(async () => {
    ({ url, drop } = await freshPgUrl());
    store = new PostgresTaskStore(url);
    dir = await mkdtemp(join(tmpdir(), 'taizhang-queue-'));
  });
  afterAll(() => dropQueueStore(store, url, drop));

  test('queued once by bytes; the worker stores each, records a bad file once, and the queue says so', async () => {
    const files: string[] = [];
    for (let i = 0; i < 4; i++) {
      const n = notice(i);
      files.push(join(dir, n.name));
      await writeFile(files.at(-1)!, n.text);
    }
    // the same bytes under another name are the same file
    await writeFile(join(dir, 'copy.txt'), notice(0).text);
    await writeFile(join(dir, 'empty.txt'), '');
    const boss = await openBoss(store, { supervise: false });
    try {
      const first = await enqueueFiles(store, boss, [...files, join(dir, 'copy.txt'), join(dir, 'empty.txt')]);
      expect(first.map((r) => r.status)).toEqual(['queued', 'queued', 'queued', 'queued', 'already-queued', 'queued']);
      expect(await counts(store)).toEqual({ waiting: 5, active: 0, done: 0, failed: 0 });
      const lines: string[] = [];
      const summary = await runWorker(store, { concurrency: 2, exitWhenIdle: true, inProcess: true, say: (l) => lines.push(l) });
      expect(summary).toEqual({ done: 4, failed: 1, retried: 0 });
      expect(await counts(store)).toEqual({ waiting: 0, active: 0, done: 4, failed: 1 });
      const [failed] = await failures(store);
      expect(failed.code).toBe('E_EMPTY');
      expect(failed.line).toBe(`${join(dir, 'empty.txt')}: 文件是空的（0 字节）：请重新导出或重新下载原文件 [E_EMPTY]`);
      expect(await store.counts()).toMatchObject({ documents: 4, tasks: [0, 1, 2, 3].reduce((s, i) => s + notice(i).tasks, 0) });
      // stored under the path it was queued from, not the worker's copy
      expect((await store.documents()).map((d) => d.path).sort()).toEqual(files.sort());
      // queued again: stored files are not queued twice; the failed one is queued for one more try
      const again = await enqueueFiles(store, boss, [files[1], join(dir, 'empty.txt')]);
      expect(again.map((r) => r.status)).toEqual(['already-stored', 'queued']);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
    const { stdout } = await run(process.execPath, [CLI, 'queue', '--db', url]);
    expect(stdout.split('\n')[0]).toBe('等待 1　处理中 0　完成 4　失败 0');
  });

  test('a missing file is one line with the reader code; the others are queued', async () => {
    const boss = await openBoss(store, { supervise: false });
    try {
      const fresh = join(dir, notice(9).name);
      await writeFile(fresh, notice(9).text);
      const missing = join(dir, '没有这个文件.pdf');
      const got = await enqueueFiles(store, boss, [missing, fresh]);
      expect(got.map((r) => r.status)).toEqual(['unreadable', 'queued']);
      expect(got[0].line).toBe(`${missing}: 找不到文件：请检查路径是否正确 [E_NOT_FOUND]`);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
  });

  test('a job pg-boss gave up on (its worker died on every try) is listed as failed with E_QUEUE_GAVE_UP', async () => {
    // a queue of its own with no retries, so one lost try is the last
    const { url: own, drop: dropOwn } = await freshPgUrl();
    const lone = new PostgresTaskStore(own);
    process.env.TAIZHANG_QUEUE_RETRIES = '0';
    const boss = await openBoss(lone, { supervise: false }).finally(() => delete process.env.TAIZHANG_QUEUE_RETRIES);
    try {
      const file = join(dir, notice(10).name);
      await writeFile(file, notice(10).text);
      await enqueueFiles(lone, boss, [file]);
      const [job] = await boss.fetch(QUEUE);
      // what pg-boss does to a job whose worker died: failed by its expiry, as here
      await boss.fail(QUEUE, job.id, { message: 'job failed by timeout in active state' });
      expect(await counts(lone)).toEqual({ waiting: 0, active: 0, done: 0, failed: 1 });
      expect(await failures(lone)).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), path: file, code: 'E_QUEUE_GAVE_UP',
        line: `${file}: 该文件多次处理都没有完成（进程退出或数据库出错），已停止重试：请检查该文件后用 taizhang ingest --queue 重新加入 [E_QUEUE_GAVE_UP]` }]);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
      const [{ schema }] = await lone.query<{ schema: string }>('SELECT current_schema() AS schema');
      await lone.query(`DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
      await lone.close();
      await dropOwn();
    }
  });
});
