// Many files at once: a pool of worker threads (pdf.js parses on the JS thread, so one process
// uses one core), fed by p-queue. Each file's outcome comes back as data; one bad file is one
// failure row and the others go on (STYLE.md rule 12). Each file has a time and a heap budget: a
// worker past either is terminated and replaced, and the file becomes a failure with its reason.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { failureLine, ReadFailure } from './messages.js';
import type { ExtractOptions, ExtractOutcome } from './pipeline.js';
import { FILE_BUDGET } from './file-budget.js';

export { FILE_BUDGET };

/** What `stage: 'read'` returns: read + normalize only, for the benchmark. */
export type ReadOutcome = { ok: true; file: string; pages: number; chars: number } | { ok: false; file: string; code: string; line: string };

export interface Job {
  id: number;
  file: string;
  options: ExtractOptions;
  stage: 'read' | 'extract';
}

export interface PoolOptions<T> extends ExtractOptions {
  /** worker threads; default: the machine's cores */
  workers?: number;
  /** per-file time budget in seconds (default FILE_BUDGET.timeoutSeconds) */
  fileTimeoutSeconds?: number;
  /** per-worker heap budget in MB (default FILE_BUDGET.maxOldGenerationSizeMb) */
  maxHeapMb?: number;
  onOutcome?: (outcome: T, done: number, total: number, index: number) => void;
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

  run(job: Job): Promise<T> {
    const worker = (this.worker ??= this.spawn());
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
        resolve(outcome);
      };
      const onMessage = (m: { id: number; outcome: T }) => {
        if (m.id === job.id) finish(m.outcome, false);
      };
      const onError = (e: Error & { code?: string }) => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(failedOutcome(job.file, oom ? 'E_OUT_OF_MEMORY' : 'E_INTERNAL', oom ? `${this.limits.heapMb} MB` : e.message), true);
      };
      const onExit = () => finish(failedOutcome(job.file, 'E_INTERNAL', '处理线程意外退出'), true);
      const timer = setTimeout(() => finish(failedOutcome(job.file, 'E_TIMEOUT', `${Math.round(this.limits.timeoutMs / 1000)} 秒`), true), this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

async function runPool<T extends { file: string }>(files: string[], stage: Job['stage'], options: PoolOptions<T>): Promise<T[]> {
  const { workers, onOutcome, fileTimeoutSeconds, maxHeapMb, ...extractOptions } = options;
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
          try {
            const outcome = await slot.run({ id, file, options: extractOptions, stage });
            outcomes[id] = outcome.file ? outcome : { ...outcome, file };
          } finally {
            free.push(slot);
          }
          onOutcome?.(outcomes[id], ++done, files.length, id);
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
