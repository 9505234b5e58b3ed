// Many files at once: a pool of worker threads (pdf.js parses on the JS thread, so one process
// uses one core), fed by p-queue. Each file's outcome comes back as data; one bad file is one
// failure row and the others go on (STYLE.md rule 12).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ExtractOptions, ExtractOutcome } from './pipeline.js';

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
  onOutcome?: (outcome: T, done: number, total: number) => void;
}

class WorkerSlot<T> {
  private readonly worker: Worker;
  private pending = new Map<number, (o: T) => void>();

  constructor(private readonly failed: (e: Error) => T) {
    this.worker = new Worker(new URL('./batch-worker.js', import.meta.url));
    this.worker.on('message', (m: { id: number; outcome: T }) => {
      this.pending.get(m.id)?.(m.outcome);
      this.pending.delete(m.id);
    });
    this.worker.on('error', (e) => {
      for (const [, resolve] of this.pending) resolve(this.failed(e));
      this.pending.clear();
    });
  }

  run(job: Job): Promise<T> {
    return new Promise((resolve) => {
      this.pending.set(job.id, resolve);
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

async function runPool<T extends { file: string }>(files: string[], stage: Job['stage'], options: PoolOptions<T>): Promise<T[]> {
  const { workers, onOutcome, ...extractOptions } = options;
  const n = Math.max(1, Math.min(workers ?? availableParallelism(), files.length));
  const failed = (e: Error) => ({ ok: false, file: '', code: 'E_INTERNAL', line: e.message }) as unknown as T;
  const free = Array.from({ length: n }, () => new WorkerSlot<T>(failed));
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
          onOutcome?.(outcomes[id], ++done, files.length);
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
