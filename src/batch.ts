// Many files at once: a pool of worker threads (pdf.js parses on the JS thread, so one process
// uses one core), fed by p-queue. Each file's outcome comes back as data; one bad file is one
// failure row and the others go on (STYLE.md rule 12). Each file has a time and a heap budget: a
// worker past either is terminated and replaced, and the file becomes a failure with its reason.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { failureLine, ReadFailure } from './messages.js';
import type { ExtractOptions, ExtractOutcome } from './pipeline.js';
import type { OcrPage } from './read/ocr.js';
import type { OcrCache } from './read/ocr-pages.js';
import { FILE_BUDGET } from './file-budget.js';

export { FILE_BUDGET };

/** What `stage: 'read'` returns: read + normalize only, for the benchmark. */
export type ReadOutcome = { ok: true; file: string; pages: number; chars: number } | { ok: false; file: string; code: string; line: string };

export interface Job {
  id: number;
  file: string;
  /** only what a message can carry: the OCR cache and the page callback travel as messages (JobHooks) */
  options: ExtractOptions;
  stage: 'read' | 'extract';
  /** the worker asks the parent for cached OCR pages and sends it the pages it reads */
  ocrCache?: boolean;
}

/** Pages of one file's OCR: read by OCR now, and taken from the store's cache. */
export interface OcrTally {
  read: number;
  cached: number;
}

/**
 * What a job needs from the parent thread while it runs: functions cannot cross to a worker thread,
 * so the store's OCR page cache is asked through messages (the parent holds the one open store), and
 * each page read comes back as a message for the parent's progress bar.
 */
export interface JobHooks {
  cache?: OcrCache;
  onPage?: (done: number, total: number) => void;
}

/** Worker → parent, while a job runs and when it ends. */
export type WorkerMessage<T = unknown> =
  | { kind: 'done'; id: number; outcome: T; ocr: OcrTally }
  | { kind: 'page'; id: number; done: number; total: number }
  | { kind: 'cache-get'; id: number; req: number; sha256: string; page: number; dpi: number }
  | { kind: 'cache-put'; id: number; req: number; sha256: string; dpi: number; page: OcrPage };

/** Parent → worker: a job, or the answer to a cache request. */
export type ParentMessage = ({ kind: 'job' } & Job) | { kind: 'cache-reply'; req: number; page?: OcrPage };

export interface PoolOptions<T> extends ExtractOptions {
  /** worker threads; default: the machine's cores */
  workers?: number;
  /** per-file time budget in seconds (default FILE_BUDGET.timeoutSeconds) */
  fileTimeoutSeconds?: number;
  /** per-worker heap budget in MB (default FILE_BUDGET.maxOldGenerationSizeMb) */
  maxHeapMb?: number;
  onOutcome?: (outcome: T, done: number, total: number, index: number, ocr: OcrTally) => void;
  /** a page of file `index` read by OCR (or taken from the cache): its pages done, its pages to read */
  onPage?: (index: number, done: number, total: number) => void;
}

export interface SlotLimits {
  timeoutMs: number;
  heapMb: number;
}

function failedOutcome<T>(file: string, code: 'E_TIMEOUT' | 'E_OUT_OF_MEMORY' | 'E_INTERNAL', detail?: string): T {
  const { line } = failureLine(file, new ReadFailure(code, detail));
  return { ok: false, file, code, line } as unknown as T;
}

/**
 * One worker thread running one job at a time. A job that runs out of time or heap, or a worker that
 * dies, ends that job with a failure and the slot starts a fresh worker for the next one.
 */
export class WorkerSlot<T> {
  private worker: Worker | null = null;

  constructor(private readonly limits: SlotLimits) {}

  private spawn(): Worker {
    const worker = new Worker(new URL('./batch-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: FILE_BUDGET.maxYoungGenerationSizeMb },
    });
    // a worker that fails between two files (a late rejection inside pdf.js) must not take the
    // batch down: it is dropped here and the next file starts a fresh one
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  /** Runs one job; resolves with its outcome and the tally of its OCR pages. */
  run(job: Job, hooks: JobHooks = {}): Promise<T> {
    return this.runCounted(job, hooks).then((r) => r.outcome);
  }

  runCounted(job: Job, hooks: JobHooks = {}): Promise<{ outcome: T; ocr: OcrTally }> {
    const worker = (this.worker ??= this.spawn());
    let ocr: OcrTally = { read: 0, cached: 0 };
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: T, replace: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        }
        resolve({ outcome, ocr });
      };
      const reply = (req: number, page?: OcrPage) => {
        if (!settled) worker.postMessage({ kind: 'cache-reply', req, ...(page ? { page } : {}) } satisfies ParentMessage);
      };
      const onMessage = (m: WorkerMessage<T>) => {
        if (m.id !== job.id) return;
        if (m.kind === 'done') {
          ocr = m.ocr;
          finish(m.outcome, false);
        } else if (m.kind === 'page') {
          // a scan read page by page is not stuck: its budget runs from the last page read
          clearTimeout(timer);
          timer = setTimeout(timeUp, this.limits.timeoutMs);
          hooks.onPage?.(m.done, m.total);
        } else if (m.kind === 'cache-get') {
          // a cache that cannot answer is a miss: the page is read by OCR, the file goes on
          Promise.resolve(hooks.cache?.getOcrPage(m.sha256, m.page, m.dpi)).then((page) => reply(m.req, page), () => reply(m.req));
        } else if (m.kind === 'cache-put') {
          Promise.resolve(hooks.cache?.putOcrPage(m.sha256, m.dpi, m.page)).then(() => reply(m.req), () => reply(m.req));
        }
      };
      const onError = (e: Error & { code?: string }) => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(failedOutcome(job.file, oom ? 'E_OUT_OF_MEMORY' : 'E_INTERNAL', oom ? `${this.limits.heapMb} MB` : e.message), true);
      };
      const onExit = () => finish(failedOutcome(job.file, 'E_INTERNAL', '处理线程意外退出'), true);
      const timeUp = () => finish(failedOutcome(job.file, 'E_TIMEOUT', `${Math.round(this.limits.timeoutMs / 1000)} 秒`), true);
      let timer = setTimeout(timeUp, this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const sent: ParentMessage = { kind: 'job', ...job, ...(hooks.cache ? { ocrCache: true } : {}) };
      worker.postMessage(sent);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

async function runPool<T extends { file: string }>(files: string[], stage: Job['stage'], options: PoolOptions<T>): Promise<T[]> {
  const { workers, onOutcome, onPage, fileTimeoutSeconds, maxHeapMb, ...rest } = options;
  // the cache and the callbacks stay on this thread (JobHooks); the rest of the options is data
  const { cache, onPage: _filePage, pool: _pool, ...ocr } = rest.ocr ?? {};
  const extractOptions: ExtractOptions = { ...rest, ...(rest.ocr ? { ocr } : {}) };
  const n = Math.max(1, Math.min(workers ?? availableParallelism(), files.length));
  const limits: SlotLimits = {
    timeoutMs: (fileTimeoutSeconds ?? FILE_BUDGET.timeoutSeconds) * 1000,
    heapMb: maxHeapMb ?? FILE_BUDGET.maxOldGenerationSizeMb,
  };
  const free = Array.from({ length: n }, () => new WorkerSlot<T>(limits));
  const all = [...free];
  const queue = new PQueue({ concurrency: n });
  const outcomes: T[] = new Array(files.length);
  let done = 0;
  try {
    await Promise.all(
      files.map((file, id) =>
        queue.add(async () => {
          const slot = free.pop()!;
          let tally: OcrTally = { read: 0, cached: 0 };
          try {
            const hooks: JobHooks = { ...(cache ? { cache } : {}), ...(onPage ? { onPage: (d: number, t: number) => onPage(id, d, t) } : {}) };
            const r = await slot.runCounted({ id, file, options: extractOptions, stage }, hooks);
            outcomes[id] = r.outcome.file ? r.outcome : { ...r.outcome, file };
            tally = r.ocr;
          } finally {
            free.push(slot);
          }
          onOutcome?.(outcomes[id], ++done, files.length, id, tally);
        }),
      ),
    );
  } finally {
    await Promise.all(all.map((s) => s.close()));
  }
  return outcomes;
}

export function extractMany(files: string[], options: PoolOptions<ExtractOutcome> = {}): Promise<ExtractOutcome[]> {
  return runPool(files, 'extract', options);
}

export function readMany(files: string[], options: PoolOptions<ReadOutcome> = {}): Promise<ReadOutcome[]> {
  return runPool(files, 'read', options);
}
