// Many files at once: a pool of worker threads (pdf.js parses on the JS thread, so one process
// uses one core), fed by p-queue. Each file's outcome comes back as data; one bad file is one
// failure row and the others go on (STYLE.md rule 12).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { ExtractOptions, ExtractOutcome } from './pipeline.js';

export interface BatchOptions extends ExtractOptions {
  /** worker threads; default: the machine's cores */
  workers?: number;
  onOutcome?: (outcome: ExtractOutcome, done: number, total: number) => void;
}

interface Job {
  id: number;
  file: string;
  options: ExtractOptions;
}

class WorkerSlot {
  private readonly worker: Worker;
  private pending = new Map<number, (o: ExtractOutcome) => void>();

  constructor() {
    this.worker = new Worker(new URL('./batch-worker.js', import.meta.url));
    this.worker.on('message', (m: { id: number; outcome: ExtractOutcome }) => {
      this.pending.get(m.id)?.(m.outcome);
      this.pending.delete(m.id);
    });
    this.worker.on('error', (e) => {
      for (const [, resolve] of this.pending) resolve({ ok: false, file: '', code: 'E_INTERNAL', line: String(e.message) });
      this.pending.clear();
    });
  }

  run(job: Job): Promise<ExtractOutcome> {
    return new Promise((resolve) => {
      this.pending.set(job.id, resolve);
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export async function extractMany(files: string[], options: BatchOptions = {}): Promise<ExtractOutcome[]> {
  const n = Math.max(1, Math.min(options.workers ?? availableParallelism(), files.length));
  const slots = Array.from({ length: n }, () => new WorkerSlot());
  const free = [...slots];
  const queue = new PQueue({ concurrency: n });
  const outcomes: ExtractOutcome[] = new Array(files.length);
  let done = 0;
  const { workers: _w, onOutcome, ...extractOptions } = options;
  try {
    await Promise.all(
      files.map((file, id) =>
        queue.add(async () => {
          const slot = free.pop()!;
          try {
            const outcome = await slot.run({ id, file, options: extractOptions });
            outcomes[id] = outcome.file ? outcome : { ...outcome, file };
          } finally {
            free.push(slot);
          }
          done++;
          onOutcome?.(outcomes[id], done, files.length);
        }),
      ),
    );
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
  return outcomes;
}
