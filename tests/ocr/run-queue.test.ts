// The queue worker over scans (issue 13): a scan taken from the queue is read by OCR once, its page
// kept in the PostgreSQL store's OCR cache, so the same scan read again (queued after a failure,
// ingested or run on the same store) is not read by OCR again.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enqueueFiles, openBoss, runWorker } from '../../src/queue/index.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { dropQueueStore, freshPgUrl, PG_AVAILABLE } from '../store/backends.js';
import { drawPdfPage } from './render.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe.skipIf(!PG_AVAILABLE)('a scan through the queue', () => {
  let url: string;
  let drop: () => Promise<void>;
  let store: PostgresTaskStore;
  beforeAll(async () => {
    ({ url, drop } = await freshPgUrl());
    store = new PostgresTaskStore(url);
  });
  afterAll(() => dropQueueStore(store, url, drop));

  test('the worker keeps the page it read in the store; the same page is then found there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'taizhang-queue-ocr-'));
    const png = (await drawPdfPage(path.join(ROOT, 'corpus', 'kuaibao-2019.pdf'), 1, 150)).toBuffer('image/png');
    const file = path.join(dir, '快报扫描.png');
    await writeFile(file, png);
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(await store.getOcrPage(sha256, 1, 300)).toBeUndefined();
    const boss = await openBoss(store, { supervise: false });
    try {
      expect((await enqueueFiles(store, boss, [file])).map((r) => r.status)).toEqual(['queued']);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
    const summary = await runWorker(store, { exitWhenIdle: true, inProcess: true });
    expect(summary).toEqual({ done: 1, failed: 0, retried: 0 });
    const page = await store.getOcrPage<{ page: number; lines: unknown[] }>(sha256, 1, 300);
    expect(page?.page).toBe(1);
    expect(page?.lines.length).toBeGreaterThan(5);
  }, 240_000);
});
