// taizhang ingest --queue / worker / queue: the job queue on PostgreSQL (src/queue/). Each command
// needs a postgres:// URL (--db or $TAIZHANG_DB); a SQLite path is E_QUEUE_NEEDS_PG.
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, oneTerminalLine, ReadFailure } from '../messages.js';
import type { PostgresTaskStore } from '../store/postgres.js';

const DB_HELP = 'PostgreSQL 台账数据库地址 postgres://用户:密码@主机/库名（也可用环境变量 TAIZHANG_DB）';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('请给出正整数');
  return n;
}

async function withQueueStore<T>(db: string | undefined, run: (store: PostgresTaskStore) => Promise<T>): Promise<T | undefined> {
  const { postgresUrl } = await import('../store/index.js');
  const url = postgresUrl(db);
  if (!url) {
    console.error(failureLine('taizhang', new ReadFailure('E_QUEUE_NEEDS_PG', db?.trim() || undefined)).line);
    process.exitCode = 1;
    return undefined;
  }
  const { PostgresTaskStore } = await import('../store/postgres.js');
  const store = new PostgresTaskStore(url);
  try {
    return await run(store);
  } catch (e) {
    const { pgFailure } = await import('../store/postgres.js');
    const f = pgFailure(e, store.shown);
    if (!f) throw e;
    console.error(failureLine('taizhang', f).line);
    process.exitCode = 1;
    return undefined;
  } finally {
    await store.close();
  }
}

const ENQUEUED = { queued: '已加入队列', 'already-queued': '已在队列中', 'already-stored': '已在库中', unreadable: '' } as const;

/** `taizhang ingest --queue FILES…`: each file's bytes into the database and one job each. */
export async function queueFiles(files: string[], db: string | undefined): Promise<void> {
  await withQueueStore(db, async (store) => {
    const { enqueueFiles, openBoss } = await import('../queue/index.js');
    const boss = await openBoss(store, { supervise: false });
    const tally = { queued: 0, 'already-queued': 0, 'already-stored': 0, unreadable: 0 };
    try {
      await enqueueFiles(store, boss, files, (r) => {
        tally[r.status]++;
        if (r.line) console.error(oneTerminalLine(r.line));
        else console.log(`${ENQUEUED[r.status]}　${oneTerminalLine(r.file)}`);
      });
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
    const failed = tally.unreadable ? `，无法加入 ${tally.unreadable} 个` : '';
    console.log(`完成：加入队列 ${tally.queued} 个，已在队列中 ${tally['already-queued']} 个，已在库中 ${tally['already-stored']} 个${failed}；用 taizhang worker 处理，用 taizhang queue 查看进度`);
    if (tally.unreadable) process.exitCode = 1;
  });
}

export function addQueueCommands(program: Command): void {
  program
    .command('worker')
    .description('从 PostgreSQL 任务队列中取文件，抽取并存入台账数据库（可在多台机器上同时运行）')
    .option('--db <地址>', DB_HELP)
    .option('-c, --concurrency <个数>', '同时处理几个文件（每个占一个处理线程）', positiveInt, 1)
    .option('--exit-when-idle', '队列中没有等待和处理中的文件时退出')
    .action(async (opts: { db?: string; concurrency: number; exitWhenIdle?: boolean }) => {
      await withQueueStore(opts.db, async (store) => {
        const { runWorker } = await import('../queue/index.js');
        const stop = new AbortController();
        // Ctrl-C or a service stop: no new jobs; those in hand finish and are acknowledged
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const s = await runWorker(store, {
            concurrency: opts.concurrency, exitWhenIdle: opts.exitWhenIdle, signal: stop.signal,
            say: (line, isError) => (isError ? console.error(line) : console.log(line)),
          });
          console.log(`处理结束：完成 ${s.done} 个，失败 ${s.failed} 个，待重试 ${s.retried} 次`);
          if (s.failed > 0) process.exitCode = 1;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });

  program
    .command('queue')
    .description('查看 PostgreSQL 任务队列：等待、处理中、完成、失败（失败的文件列出原因）')
    .option('--db <地址>', DB_HELP)
    .option('--json', '输出 JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withQueueStore(opts.db, async (store) => {
        const { counts, failures } = await import('../queue/index.js');
        const c = await counts(store);
        const failed = await failures(store);
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ ...c, failures: failed }, null, 2)}\n`);
        console.log(`等待 ${c.waiting}　处理中 ${c.active}　完成 ${c.done}　失败 ${c.failed}`);
        for (const f of failed) console.log(oneTerminalLine(`失败　${f.line}`));
      });
    });
}
