// One worker thread of the batch pool: extract (or only read) the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { Job, ReadOutcome } from './batch.js';
import { failureLine } from './messages.js';
import { extractFile } from './pipeline.js';
import { readDocumentFile } from './read/index.js';

async function readOnly(job: Job): Promise<ReadOutcome> {
  try {
    const raw = await readDocumentFile(job.file, job.options);
    return { ok: true, file: job.file, pages: raw.source.pages ?? 0, chars: raw.blocks.reduce((s, b) => s + b.text.length, 0) };
  } catch (e) {
    return { ok: false, file: job.file, ...failureLine(job.file, e) };
  }
}

parentPort?.on('message', async (job: Job) => {
  const outcome = job.stage === 'read' ? await readOnly(job) : await extractFile(job.file, job.options);
  parentPort?.postMessage({ id: job.id, outcome });
});
