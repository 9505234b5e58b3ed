// One worker thread of the batch pool: extract (or only read) the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { Job, ReadOutcome } from './batch.js';
import { failureLine } from './messages.js';
import { extractFile, readDocumentFile } from './pipeline.js';

/**
 * TEST ONLY: TAIZHANG_TEST_WORKER_HOOK="spin:<regex>;allocate:<regex>;exit:<regex>" makes the worker
 * loop forever on a file whose name matches the spin pattern, fill its heap on one matching the
 * allocate pattern, or die on one matching the exit pattern; the batch budget tests need a slow, a
 * huge and a crashing file without waiting minutes for a real one. Unset in every real run.
 */
function testHook(file: string): void {
  const hook = process.env.TAIZHANG_TEST_WORKER_HOOK;
  if (!hook) return;
  for (const rule of hook.split(';')) {
    const colon = rule.indexOf(':');
    const [kind, pattern] = [rule.slice(0, colon), rule.slice(colon + 1)];
    if (colon < 0 || !new RegExp(pattern, 'u').test(file)) continue;
    if (kind === 'spin') for (;;);
    if (kind === 'exit') process.exit(3);
    if (kind === 'allocate') {
      const hoard: string[][] = [];
      for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => `${i}-${hoard.length}`));
    }
  }
}

async function readOnly(job: Job): Promise<ReadOutcome> {
  try {
    const raw = await readDocumentFile(job.file, job.options);
    return { ok: true, file: job.file, pages: raw.source.pages ?? 0, chars: raw.blocks.reduce((s, b) => s + b.text.length, 0) };
  } catch (e) {
    return { ok: false, file: job.file, ...failureLine(job.file, e) };
  }
}

parentPort?.on('message', async (job: Job) => {
  testHook(job.file);
  const outcome = job.stage === 'read' ? await readOnly(job) : await extractFile(job.file, job.options);
  parentPort?.postMessage({ id: job.id, outcome });
});
