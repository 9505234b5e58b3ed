// Ingestion as a queue (pg-boss) that any machine holding the database URL works on. `ingest
// --queue` puts each file's bytes into queue_files (keyed by sha256) and sends one job; `worker`
// takes jobs, extracts in worker threads (the batch's WorkerSlot: time and heap budgets) and stores.
// A file that fails for its content is recorded with its line and its job completed (never
// retried); a store or connection failure is thrown, and pg-boss retries it with backoff. A worker
// killed mid-job loses nothing: its job expires and comes back, and storing is idempotent by sha256.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type PgBoss from 'pg-boss';
import { WorkerSlot, type SlotLimits } from '../batch.js';
import { FILE_BUDGET } from '../file-budget.js';
import { failureLine, oneTerminalLine, ReadFailure } from '../messages.js';
import { LIMITS } from '../read/limits.js';
import type { ExtractOutcome } from '../pipeline.js';
import { storeOcrCache } from '../store/store.js';
import { PostgresTaskStore } from '../store/postgres.js';

export const QUEUE = 'taizhang-ingest';

export interface QueueJobData {
  sha256: string;
  /** the file's name as queued, for messages */
  name: string;
  /** where it was queued from (absolute, on the machine that queued it) */
  path: string;
}

/** How the queue retries and when an active job counts as lost; the env knobs are for tests and operators. */
export function queueSettings(env: NodeJS.ProcessEnv = process.env) {
  const num = (v: string | undefined, d: number, min = 1) => (v && Number.isInteger(Number(v)) && Number(v) >= min ? Number(v) : d);
  return {
    retryLimit: num(env.TAIZHANG_QUEUE_RETRIES, 5, 0),
    /** seconds before the first retry; doubled each time (pg-boss retryBackoff) */
    retryDelay: num(env.TAIZHANG_QUEUE_RETRY_DELAY, 5),
    /** a job active longer than this is taken to be lost (its worker died) and comes back; above the file budget */
    expireInSeconds: num(env.TAIZHANG_QUEUE_EXPIRE_SECONDS, FILE_BUDGET.timeoutSeconds + 60),
    /** how often a worker looks for expired jobs */
    maintenanceIntervalSeconds: num(env.TAIZHANG_QUEUE_MAINTENANCE_SECONDS, 30),
  };
}

/** The queue lives beside the store: pg-boss's schema is named after the store's (public → pgboss). */
async function bossSchema(store: PostgresTaskStore): Promise<string> {
  const [{ schema }] = await store.query<{ schema: string }>('SELECT current_schema() AS schema');
  return schema === 'public' ? 'pgboss' : `${schema}_boss`;
}

export async function openBoss(store: PostgresTaskStore, options: { supervise: boolean }): Promise<PgBoss> {
  const { default: PgBossClass } = await import('pg-boss');
  const s = queueSettings();
  const boss = new PgBossClass({
    connectionString: store.url, schema: await bossSchema(store), max: 3, schedule: false, supervise: options.supervise,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds,
  });
  // a dropped connection is retried by pg-boss itself; it must not end the process
  boss.on('error', () => undefined);
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    try {
      await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: s.retryLimit, retryDelay: s.retryDelay, retryBackoff: true, expireInSeconds: s.expireInSeconds });
    } catch (e) {
      // another process made it in the same moment
      if (!(await boss.getQueue(QUEUE))) throw e;
    }
  }
  return boss;
}

/** A job id that follows the bytes: two machines queuing the same file at once send one job. */
function jobId(sha256: string, generation: number): string {
  const h = createHash('sha256').update(`${sha256}:${generation}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type EnqueueStatus = 'queued' | 'already-queued' | 'already-stored' | 'unreadable';
export interface EnqueueReport {
  file: string;
  sha256: string;
  status: EnqueueStatus;
  /** for 'unreadable': the one line saying why (E_NOT_FOUND, E_TOO_LARGE…) */
  line?: string;
}

/** A file that cannot be queued is said like a file that cannot be read: the reader's codes. */
const ERRNO_CODES: Readonly<Record<string, 'E_NOT_FOUND' | 'E_IS_DIRECTORY' | 'E_UNREADABLE'>> = {
  ENOENT: 'E_NOT_FOUND', ENOTDIR: 'E_NOT_FOUND', EISDIR: 'E_IS_DIRECTORY', EACCES: 'E_UNREADABLE', EPERM: 'E_UNREADABLE',
};

async function readQueued(file: string): Promise<Buffer | { line: string }> {
  const { readFile, stat } = await import('node:fs/promises');
  try {
    const st = await stat(file);
    // the bytes go into the database: a file past the reader's limit would only fail in the worker
    if (st.isFile() && st.size > LIMITS.fileBytes) return { line: failureLine(file, new ReadFailure('E_TOO_LARGE', `${st.size} 字节`)).line };
    return await readFile(file);
  } catch (e) {
    const code = ERRNO_CODES[String((e as { code?: string }).code)];
    if (!code) throw e;
    return { line: failureLine(file, new ReadFailure(code)).line };
  }
}

/** Stores each file's bytes and sends its job; the same bytes again are not queued twice. */
export async function enqueueFiles(store: PostgresTaskStore, boss: PgBoss, files: string[], say: (r: EnqueueReport) => void = () => undefined): Promise<EnqueueReport[]> {
  const out: EnqueueReport[] = [];
  for (const file of files) {
    const bytes = await readQueued(file);
    if (!Buffer.isBuffer(bytes)) {
      const r: EnqueueReport = { file, sha256: '', status: 'unreadable', line: bytes.line };
      say(r);
      out.push(r);
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = resolve(file);
    await store.query(`INSERT INTO queue_files (sha256, name, path, bytes, size, added_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (sha256) DO NOTHING`, [sha256, basename(file), path, bytes, bytes.length, new Date().toISOString()]);
    const [outcome] = await store.query<{ status: string }>('SELECT status FROM queue_outcomes WHERE sha256 = $1', [sha256]);
    let status: EnqueueStatus;
    if (outcome?.status === 'done') {
      status = 'already-stored';
    } else {
      // asked again after a failure: a new generation, so a new job (the failure's line stays until it is retried)
      const [{ generation }] = await store.query<{ generation: number }>(outcome?.status === 'failed'
        ? 'UPDATE queue_files SET generation = generation + 1 WHERE sha256 = $1 RETURNING generation'
        : 'SELECT generation FROM queue_files WHERE sha256 = $1', [sha256]);
      if (outcome?.status === 'failed') await store.query('DELETE FROM queue_outcomes WHERE sha256 = $1', [sha256]);
      const data: QueueJobData = { sha256, name: basename(file), path };
      const id = await boss.send(QUEUE, data, { id: jobId(sha256, generation) });
      status = id ? 'queued' : 'already-queued';
    }
    const r = { file, sha256, status };
    say(r);
    out.push(r);
  }
  return out;
}

/** Codes that say the file itself is the matter: recorded once, never retried. */
function isContentFailure(code: string): boolean {
  return /^E_/u.test(code) && !['E_PG_CONNECT', 'E_STORE_BUSY', 'E_STORE_FULL', 'E_STORE_READONLY', 'E_DISK_FULL'].includes(code);
}

export interface WorkerOptions {
  concurrency?: number;
  exitWhenIdle?: boolean;
  /** one line per finished file */
  say?: (line: string, isError?: boolean) => void;
  /** stops taking jobs when aborted; jobs in hand finish */
  signal?: AbortSignal;
  /**
   * Extract on the worker's own thread instead of worker threads (no time or heap budget): for
   * tests run on the TypeScript sources, where the compiled thread script does not exist.
   */
  inProcess?: boolean;
}

export interface WorkerSummary {
  done: number;
  failed: number;
  retried: number;
}

async function recordOutcome(store: PostgresTaskStore, sha256: string, o: { status: 'done' | 'failed'; code?: string; line?: string; docId?: string; ingestStatus?: string; attempts: number }): Promise<void> {
  await store.query(`INSERT INTO queue_outcomes (sha256, status, code, line, doc_id, ingest_status, attempts, finished_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sha256) DO UPDATE SET status = $2, code = $3, line = $4, doc_id = $5,
    ingest_status = $6, attempts = $7, finished_at = $8`,
  [sha256, o.status, o.code ?? null, o.line ?? null, o.docId ?? null, o.ingestStatus ?? null, o.attempts, new Date().toISOString()]);
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((done) => {
  const t = setTimeout(done, ms);
  signal?.addEventListener('abort', () => (clearTimeout(t), done()), { once: true });
});

/** Takes jobs until stopped (or, with exitWhenIdle, until nothing waits and nothing is active). */
export async function runWorker(store: PostgresTaskStore, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const say = options.say ?? (() => undefined);
  const n = Math.max(1, options.concurrency ?? 1);
  const boss = await openBoss(store, { supervise: true });
  const limits: SlotLimits = { timeoutMs: FILE_BUDGET.timeoutSeconds * 1000, heapMb: FILE_BUDGET.maxOldGenerationSizeMb };
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-worker-'));
  const summary: WorkerSummary = { done: 0, failed: 0, retried: 0 };
  const settings = queueSettings();
  let idleRounds = 0;

  const handle = async (slot: WorkerSlot<ExtractOutcome>, job: PgBoss.JobWithMetadata<QueueJobData>, seq: number): Promise<void> => {
    const { sha256, name, path } = job.data;
    const attempts = job.retryCount + 1;
    const [file] = await store.query<{ bytes: Buffer }>('SELECT bytes FROM queue_files WHERE sha256 = $1', [sha256]);
    if (!file) {
      const { code, line } = failureLine(path, new ReadFailure('E_QUEUE_FILE_MISSING', sha256.slice(0, 12)));
      await recordOutcome(store, sha256, { status: 'failed', code, line, attempts });
      summary.failed++;
      return void say(line, true);
    }
    // the file's own name (its extension breaks ties between readers) in a folder of its own
    const local = join(dir, `${seq}`, basename(name) || 'file');
    await (await import('node:fs/promises')).mkdir(join(dir, `${seq}`), { recursive: true });
    await writeFile(local, file.bytes);
    try {
      // a scan queued again (or its pages read by ingest or run on this store) is not read by OCR again
      const cache = storeOcrCache(store);
      const outcome = options.inProcess
        ? await (await import('../pipeline.js')).extractFile(local, { ocr: { mode: 'auto', cache } })
        : await slot.run({ id: seq, file: local, options: {}, stage: 'extract' }, { cache });
      if (!outcome.ok) {
        const line = oneTerminalLine(outcome.line.split(local).join(path));
        if (!isContentFailure(outcome.code)) throw new ReadFailure(outcome.code as never, line);
        await recordOutcome(store, sha256, { status: 'failed', code: outcome.code, line, attempts });
        summary.failed++;
        return void say(line, true);
      }
      const result = { ...outcome.result, document: { ...outcome.result.document, source: { ...outcome.result.document.source, path } } };
      const report = await store.ingest(result, sha256);
      await recordOutcome(store, sha256, { status: 'done', docId: report.docId, ingestStatus: report.status, attempts });
      summary.done++;
      say(`完成　${oneTerminalLine(path)} → ${report.docId}（${report.tasks} 项任务）`);
    } finally {
      await rm(join(dir, `${seq}`), { recursive: true, force: true });
    }
  };

  let seq = 0;
  const loop = async (): Promise<void> => {
    const slot = new WorkerSlot<ExtractOutcome>(limits);
    try {
      while (!options.signal?.aborted) {
        const [job] = await boss.fetch<QueueJobData>(QUEUE, { batchSize: 1, includeMetadata: true });
        if (!job) {
          if (options.exitWhenIdle && (await idle())) return;
          await sleep(500, options.signal);
          continue;
        }
        idleRounds = 0;
        try {
          await handle(slot, job, ++seq);
          await boss.complete(QUEUE, job.id);
        } catch (e) {
          const { code, line } = failureLine(job.data.path, e);
          // the last try: the reason is recorded, so `taizhang queue` shows it
          if (job.retryCount >= settings.retryLimit) {
            await recordOutcome(store, job.data.sha256, { status: 'failed', code, line, attempts: job.retryCount + 1 }).catch(() => undefined);
            summary.failed++;
          } else {
            summary.retried++;
          }
          say(`${line}（第 ${job.retryCount + 1} 次，${job.retryCount >= settings.retryLimit ? '不再重试' : '稍后重试'}）`, true);
          await boss.fail(QUEUE, job.id, { code, line }).catch(() => undefined);
        }
      }
    } finally {
      await slot.close();
    }
  };

  /** Nothing waiting (created, or a retry already due) and nothing active, twice in a row. */
  const idle = async (): Promise<boolean> => {
    const c = await counts(store);
    idleRounds = c.waiting === 0 && c.active === 0 ? idleRounds + 1 : 0;
    return idleRounds >= 2;
  };

  try {
    await Promise.all(Array.from({ length: n }, () => loop()));
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  return summary;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  done: number;
  failed: number;
}

export interface QueueFailure {
  sha256: string;
  path: string;
  code: string;
  line: string;
}

/** What `taizhang queue` shows; the job table is read directly (one query), not job by job. */
export async function counts(store: PostgresTaskStore): Promise<QueueCounts> {
  const schema = await bossSchema(store);
  const [jobs] = await store.query<{ waiting: number; active: number; gave_up: number }>(`SELECT
      count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting,
      count(*) FILTER (WHERE state = 'active')::int AS active,
      count(*) FILTER (WHERE state = 'failed' AND NOT EXISTS (SELECT 1 FROM queue_outcomes o WHERE o.sha256 = j.data->>'sha256'))::int AS gave_up
    FROM ${schema}.job j WHERE name = $1`, [QUEUE]);
  const [o] = await store.query<{ done: number; failed: number }>(`SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
    count(*) FILTER (WHERE status = 'failed')::int AS failed FROM queue_outcomes`);
  return { waiting: jobs.waiting, active: jobs.active, done: o.done, failed: o.failed + jobs.gave_up };
}

/** Every failed file with its code and line: recorded failures, then jobs pg-boss gave up on (a worker died on each try). */
export async function failures(store: PostgresTaskStore): Promise<QueueFailure[]> {
  const schema = await bossSchema(store);
  const recorded = await store.query<{ sha256: string; path: string; code: string; line: string }>(`SELECT o.sha256, coalesce(f.path, o.sha256) AS path,
    o.code, o.line FROM queue_outcomes o LEFT JOIN queue_files f ON f.sha256 = o.sha256 WHERE o.status = 'failed' ORDER BY o.finished_at`);
  const gaveUp = await store.query<{ sha256: string; path: string }>(`SELECT DISTINCT j.data->>'sha256' AS sha256, j.data->>'path' AS path FROM ${schema}.job j
    WHERE j.name = $1 AND j.state = 'failed' AND NOT EXISTS (SELECT 1 FROM queue_outcomes o WHERE o.sha256 = j.data->>'sha256')`, [QUEUE]);
  return [
    ...recorded,
    ...gaveUp.map((g) => ({ sha256: g.sha256, path: g.path, ...failureLine(g.path, new ReadFailure('E_QUEUE_GAVE_UP')) })),
  ];
}

export function openQueueStore(url: string): PostgresTaskStore {
  return new PostgresTaskStore(url);
}
