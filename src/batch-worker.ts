// One worker thread of the batch pool: extract (or only read) the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { Job, OcrTally, ParentMessage, ReadOutcome, WorkerMessage } from './batch.js';
import { failureLine } from './messages.js';
import { extractFile, readDocumentFile, type ExtractOptions } from './pipeline.js';
import type { OcrPage } from './read/ocr.js';
import type { OcrCache } from './read/ocr-pages.js';

/**
 * TEST ONLY: TAIZHANG_TEST_WORKER_HOOK="spin:<regex>;allocate:<regex>;exit:<regex>;pages:<regex>" makes
 * the worker loop forever on a file whose name matches the spin pattern, fill its heap on one
 * matching the allocate pattern, die on one matching the exit pattern, or report five OCR pages a
 * second apart before reading one matching the pages pattern (a long scan, for the time budget that
 * runs from the last page); the batch budget tests need a slow, a huge, a crashing and a long file
 * without waiting minutes for a real one. Unset in every real run.
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

const send = (m: WorkerMessage) => parentPort?.postMessage(m);

/** TEST ONLY (see testHook): five pages reported a second apart, as a long scan read by OCR does. */
async function testPages(job: Job): Promise<void> {
  const hook = process.env.TAIZHANG_TEST_WORKER_HOOK;
  const rule = hook?.split(';').find((r) => r.startsWith('pages:'));
  if (!rule || !new RegExp(rule.slice('pages:'.length), 'u').test(job.file)) return;
  for (let done = 1; done <= 5; done++) {
    await new Promise((r) => setTimeout(r, 1000));
    send({ kind: 'page', id: job.id, done, total: 5 });
  }
}

/** Cache requests waiting for the parent's answer, by request number. */
const waiting = new Map<number, (page?: OcrPage) => void>();
let requests = 0;
function ask(m: { kind: 'cache-get'; id: number; sha256: string; page: number; dpi: number } | { kind: 'cache-put'; id: number; sha256: string; dpi: number; page: OcrPage }): Promise<OcrPage | undefined> {
  const req = ++requests;
  return new Promise((resolve) => {
    waiting.set(req, resolve);
    send({ ...m, req });
  });
}

/**
 * The job's options with its OCR wired to the parent: the store's page cache asked by message, each
 * page reported; and the pages counted, read by OCR or taken from the cache (the parent says which
 * in its line, so a second run over the same scans shows it read none).
 */
function withOcrHooks(job: Job, tally: OcrTally): ExtractOptions {
  let hits = 0;
  const cache: OcrCache = {
    getOcrPage: async (sha256, page, dpi) => {
      const hit = await ask({ kind: 'cache-get', id: job.id, sha256, page, dpi });
      if (hit) hits++;
      return hit;
    },
    putOcrPage: async (sha256, dpi, page) => void (await ask({ kind: 'cache-put', id: job.id, sha256, dpi, page })),
  };
  return {
    ...job.options,
    ocr: {
      ...job.options.ocr,
      ...(job.ocrCache ? { cache } : {}),
      onPage: (done, total) => {
        // a cached page is reported at once after its lookup, so the hits so far are the cached pages
        tally.cached = hits;
        tally.read = done - hits;
        // always: the parent's time budget for the file runs from its last page read
        send({ kind: 'page', id: job.id, done, total });
      },
    },
  };
}

async function readOnly(job: Job, options: ExtractOptions): Promise<ReadOutcome> {
  try {
    const raw = await readDocumentFile(job.file, options);
    return { ok: true, file: job.file, pages: raw.source.pages ?? 0, chars: raw.blocks.reduce((s, b) => s + b.text.length, 0) };
  } catch (e) {
    return { ok: false, file: job.file, ...failureLine(job.file, e) };
  }
}

parentPort?.on('message', async (m: ParentMessage) => {
  if (m.kind === 'cache-reply') {
    const resolve = waiting.get(m.req);
    waiting.delete(m.req);
    return resolve?.(m.page);
  }
  const job: Job = m;
  testHook(job.file);
  await testPages(job);
  const tally: OcrTally = { read: 0, cached: 0 };
  const options = withOcrHooks(job, tally);
  const outcome = job.stage === 'read' ? await readOnly(job, options) : await extractFile(job.file, options);
  send({ kind: 'done', id: job.id, outcome, ocr: tally });
});
