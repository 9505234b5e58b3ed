// npm run bench (part): the whole pipeline, read → normalize → structure → extract → store, in pages
// per second over the same PDFs as bench.ts, with one worker thread and with both cores, beside
// pdftotext on the same files in the same run. Each repeat of a file is stored as its own file
// (its own sha256), so the store writes every row every time. With BENCH_PG=postgres://… the run
// is repeated into PostgreSQL. `--profile` instead runs the pipeline on this thread under the V8
// profiler and prints where the time goes, by area and by function.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { extractMany } from '../src/batch.js';
import type { ExtractResult } from '../src/model.js';
import type { TaskStore } from '../src/store/store.js';
import { hasPdftotext, pdftotextRate, PDFS, REPEAT, ROOT } from './bench-files.js';

async function sqliteStore(): Promise<{ store: TaskStore; done: () => void }> {
  const { SqliteTaskStore } = await import('../src/store/sqlite.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-bench-'));
  return { store: SqliteTaskStore.open(path.join(dir, 'bench.sqlite')), done: () => rmSync(dir, { recursive: true, force: true }) };
}

async function pgStore(url: string): Promise<{ store: TaskStore; done: () => Promise<void> }> {
  const { PostgresTaskStore } = await import('../src/store/postgres.js');
  const schema = `bench_${process.pid}`;
  const admin = new PostgresTaskStore(url);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  const store = new PostgresTaskStore(`${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  return { store, done: async () => { await store.close(); await admin.query(`DROP SCHEMA ${schema} CASCADE`); await admin.close(); } };
}

/** Extracts the files with `workers` threads and stores each result as it arrives; returns pages and ms. */
async function pipeline(files: string[], workers: number, store: TaskStore): Promise<{ pages: number; ms: number; storeMs: number; failed: number }> {
  let pages = 0;
  let storeMs = 0;
  let failed = 0;
  const writes: Promise<unknown>[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const t0 = performance.now();
  await extractMany(files, {
    workers,
    onOutcome: (o, _done, _total, index) => {
      if (!o.ok) return void failed++;
      pages += o.result.document.source.pages ?? 0;
      const sha = createHash('sha256').update(`${o.result.document.source.sha256}:${index}`).digest('hex');
      // one write at a time, as `run --db` does: the store's transaction per document
      chain = chain.then(async () => {
        const s = performance.now();
        await store.ingest(o.result as ExtractResult, sha);
        storeMs += performance.now() - s;
      });
      writes.push(chain);
    },
  });
  await Promise.all(writes);
  return { pages, ms: performance.now() - t0, storeMs, failed };
}

const rate = (pages: number, ms: number) => `${pages} pages in ${(ms / 1000).toFixed(2)} s = ${(pages / (ms / 1000)).toFixed(0)} pages/s`;

async function measure(): Promise<void> {
  const files = Array.from({ length: REPEAT }, () => PDFS).flat();
  const cores = availableParallelism();
  console.log(`pipeline corpus: ${PDFS.length} PDFs × ${REPEAT} = ${files.length} files, ${cores} cores`);
  // warm-up: pdf.js, the CMaps and jieba's dictionary once in every worker
  await extractMany(PDFS.slice(0, cores), { workers: cores });

  for (const workers of [1, cores]) {
    const { store, done } = await sqliteStore();
    const r = await pipeline(files, workers, store);
    await store.close();
    done();
    console.log(`taizhang read→extract→store (SQLite), ${workers} worker(s): ${rate(r.pages, r.ms)}; store ${(r.storeMs / 1000).toFixed(2)} s on the main thread${r.failed ? ` (${r.failed} failed)` : ''}`);
  }
  const pgUrl = process.env.BENCH_PG;
  if (pgUrl) {
    const { store, done } = await pgStore(pgUrl);
    const r = await pipeline(files, cores, store);
    await done();
    console.log(`taizhang read→extract→store (PostgreSQL), ${cores} worker(s): ${rate(r.pages, r.ms)}; store ${(r.storeMs / 1000).toFixed(2)} s`);
  }
  if (hasPdftotext()) {
    const { store, done } = await sqliteStore();
    const pages = (await pipeline(PDFS, cores, store)).pages * REPEAT;
    await store.close();
    done();
    for (const parallel of [1, cores]) console.log(`pdftotext, ${parallel} process(es) at a time: ${rate(pages, await pdftotextRate(files, parallel))}`);
  } else {
    console.log('pdftotext: not installed (apt-get install poppler-utils) — no comparison this run');
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Which part of the program a script URL belongs to. */
function area(url: string): string {
  if (url.includes('pdfjs-dist')) return 'pdf.js';
  if (url.includes('nodejieba') || url.endsWith('/segment.js')) return 'jieba (segment)';
  if (url.includes('/zod/')) return 'zod (validation)';
  const m = /dist\/(src\/[a-z-]+|extractors)\//u.exec(url) ?? /dist\/(src)\/[a-z-]+\.js$/u.exec(url);
  if (m) return m[1];
  if (url.includes('node_modules/')) return `node_modules/${url.split('node_modules/')[1].split('/')[0]}`;
  if (url.startsWith('node:') || url === '') return '(node, gc, idle)';
  return 'other';
}

async function profile(): Promise<void> {
  const { extractFile } = await import('../src/pipeline.js');
  const files = [...PDFS, ...PDFS];
  for (const f of PDFS) await extractFile(f); // warm: loads and compiles before the profile
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  let pages = 0;
  for (const f of files) {
    const o = await extractFile(f);
    if (o.ok) pages += o.result.document.source.pages ?? 0;
  }
  const ms = performance.now() - t0;
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = p.nodes as ProfileNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const a = n.callFrame.functionName === '(garbage collector)' ? '(gc)' : area(n.callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist)\//u, '$1/')}:${n.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  console.log(`profile: ${files.length} files, ${pages} pages on one thread in ${(ms / 1000).toFixed(2)} s = ${(pages / (ms / 1000)).toFixed(0)} pages/s`);
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log('self time by area:');
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 14)) console.log(`  ${pct(us)}  ${a}`);
  console.log('self time by function (top 20):');
  for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`  ${pct(us)}  ${f}`);
  void ROOT;
}

(process.argv.includes('--profile') ? profile() : measure()).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
