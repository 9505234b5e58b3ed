// The simulation of issue 16: notices generated from real templates (the corpus texts with their
// place, numbers and years varied), run for real through the queue with 1, 2 and 4 worker
// processes; then ~50 of them extracted for real and cloned, with substituted values, to 10,000 and
// 100,000 documents in PostgreSQL, where the candidate clause pairs of one document against all the
// others come from an index inside the database (the two stages of src/compare/candidates.ts:
// shared rare shingles in SQL, containment in JS). Prints the figures for BENCHMARKS.md.
// Usage: node dist/scripts/sim-scale.js postgres://… [--queue-files 300] [--docs 10000,100000] [--skip-queue]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shingleSet } from '../src/compare/shingles.js';
import type { ExtractResult } from '../src/model.js';
import { extractFile, readDocumentFile } from '../src/pipeline.js';
import { enqueueFiles, openBoss } from '../src/queue/index.js';
import { writeDocumentPg } from '../src/store/postgres-write.js';
import { PostgresTaskStore } from '../src/store/postgres.js';
import { indexWords } from '../src/store/search.js';
import { ROOT } from './bench-files.js';

const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : d;
};
const URL_ = process.argv[2]?.startsWith('postgres') ? process.argv[2] : process.env.BENCH_PG;
const QUEUE_FILES = Number(arg('--queue-files', '300'));
const DOC_STEPS = arg('--docs', '10000,100000').split(',').map(Number);
const TEMPLATES = 50;
/** a sampled shingle index: one shingle in SAMPLE kept (by hash), so the index is a quarter of the full one */
const SAMPLE = 4;
/** a shingle held by more task rows than this is boilerplate (candidates.ts maxPostings) */
const CAP = 64;
/** shared sampled shingles for a candidate (candidates.ts minShared 4, sampled 1 in 4 → 1; 2 is stricter) */
const MIN_SHARED = 2;
const MIN_CONTAINMENT = 0.3;

export const PLACES = ['青川', '白水', '东林', '南溪', '石门', '北岭', '清源', '云和', '龙泉', '安平', '长宁', '泰和', '永丰', '宁远', '临江', '平阳', '高台', '武宁', '新化', '广丰',
  '嘉禾', '兴国', '上犹', '安仁', '桂东', '汝城', '宜章', '祁东', '衡山', '资兴', '攸县', '茶陵', '炎陵', '醴陵', '湘乡', '韶山', '浏阳', '宁乡', '望城', '沅江'];

/** The real texts the notices are made from: the corpus .txt files, and the real notices where present. */
export async function templates(): Promise<string[]> {
  const out = readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));
  const real = path.join(ROOT, '..', 'shared', 'corpus', 'real');
  if (existsSync(real)) {
    for (const f of readdirSync(real).filter((n) => /\.(doc|docx|html|pdf)$/u.test(n))) {
      try {
        out.push((await readDocumentFile(path.join(real, f))).blocks.map((b) => b.text).join('\n'));
      } catch {
        // a scanned PDF has no text without OCR: not a template
      }
    }
  }
  return out;
}

/** The template's own place: the commonest two characters before 县/市/区 in it. */
export function ownPlace(text: string): string | null {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2})(?:县|市|区|省)/gu)) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Variant i of a text: another place, the counts scaled, the years moved; the same for every string of one document. */
export function varier(template: string, i: number): (s: string) => string {
  const place = ownPlace(template);
  const to = PLACES[i % PLACES.length];
  const scale = 0.5 + ((i * 37) % 100) / 100;
  const shift = i % 4;
  return (s: string) => {
    let v = place ? s.split(place).join(to) : s;
    v = v.replace(/(\d+)(?=(?:户|个|所|座|亩|公里|人|家|项|台|套|处|名|次|条|万元|亿元))/gu, (n) => String(Math.max(1, Math.round(Number(n) * scale))));
    return v.replace(/(20[12]\d)(?=年)/gu, (y) => String(Number(y) + shift));
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

function withSchema(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

function cli(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli.js'), ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  return new Promise((resolve) => child.on('close', resolve));
}

async function queueRate(url: string, texts: string[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-sim-'));
  const files = Array.from({ length: QUEUE_FILES }, (_, i) => {
    const t = texts[i % texts.length];
    const f = path.join(dir, `notice-${i}.txt`);
    writeFileSync(f, varier(t, Math.floor(i / texts.length) + i)(t));
    return f;
  });
  console.log(`queue: ${files.length} notices from ${texts.length} templates, each through the real pipeline`);
  for (const workers of [1, 2, 4]) {
    const schema = `simq_${process.pid}_${workers}`;
    const admin = new PostgresTaskStore(url);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const store = new PostgresTaskStore(withSchema(url, schema));
    const boss = await openBoss(store, { supervise: false });
    await enqueueFiles(store, boss, files);
    await boss.stop({ graceful: false, wait: true, close: true });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: workers }, () => cli(['worker', '--exit-when-idle', '--db', withSchema(url, schema)])));
    const s = (performance.now() - t0) / 1000;
    const [c] = await store.query<{ docs: number; tasks: number }>('SELECT count(*)::int AS docs, coalesce(sum(task_count), 0)::int AS tasks FROM documents');
    console.log(`  ${workers} worker process(es): ${c.docs} documents (${c.tasks} tasks) in ${s.toFixed(1)} s = ${(c.docs / s).toFixed(1)} documents/s`);
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
    await admin.close();
  }
  rmSync(dir, { recursive: true, force: true });
}

interface Template {
  result: ExtractResult;
  json: string;
  vary: (s: string) => string;
  words: string[];
}

async function scale(url: string, texts: string[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-sim-'));
  const made: Template[] = [];
  for (let i = 0; made.length < TEMPLATES && i < TEMPLATES * 3; i++) {
    const t = texts[i % texts.length];
    const f = path.join(dir, `t-${i}.txt`);
    writeFileSync(f, varier(t, i + 7)(t));
    const o = await extractFile(f);
    if (!o.ok || o.result.tasks.length === 0) continue;
    made.push({ result: o.result, json: JSON.stringify(o.result), vary: varier(t, 0), words: o.result.tasks.map((x) => indexWords(x.text)) });
  }
  const avgTasks = made.reduce((s, t) => s + t.result.tasks.length, 0) / made.length;
  console.log(`scale: ${made.length} documents extracted for real (${avgTasks.toFixed(1)} tasks each on average), cloned with substituted values`);

  const schema = `sims_${process.pid}`;
  const admin = new PostgresTaskStore(url);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = new PostgresTaskStore(withSchema(url, schema));
  await store.query('SELECT 1');
  await store.query('CREATE TABLE sim_shingles (shingle INTEGER NOT NULL, task BIGINT NOT NULL)');
  const pool = store.pool;
  let written = 0;
  try {
    for (const target of DOC_STEPS) {
      const t0 = performance.now();
      const BATCH = 250;
      const writer = async (from: number, to: number) => {
        const client = await pool.connect();
        try {
          for (let b = from; b < to; b += BATCH) {
            await client.query('BEGIN');
            const shingles: number[] = [];
            const owners: number[] = [];
            for (let j = b; j < Math.min(to, b + BATCH); j++) {
              const tpl = made[j % made.length];
              // clone j: the template's texts with another place, scaled counts and moved years
              const v = varier(tpl.json, j + 1000);
              const result = JSON.parse(v(tpl.json)) as ExtractResult;
              const sha = createHash('sha256').update(`clone:${j}`).digest('hex');
              result.document.id = `${result.document.id}-${j}`;
              result.document.source = { ...result.document.source, sha256: sha, path: `/sim/${j}.txt` };
              result.tasks.forEach((t, k) => (t.id = `${result.document.id}#${k}`));
              const docKey = `内容|${sha}`;
              const doc = await writeDocumentPg(client, result, { sha256: sha, docKey, version: 1, ingestedAt: new Date().toISOString() }, tpl.words.map(v));
              const ids = (await client.query('SELECT id, seq FROM tasks WHERE document = $1', [doc])).rows as { id: string; seq: number }[];
              for (const { id, seq } of ids) {
                for (const h of shingleSet(result.tasks[seq].text)) {
                  if (h % SAMPLE !== 0) continue;
                  shingles.push(h | 0);
                  owners.push(Number(id));
                }
              }
            }
            await client.query('INSERT INTO sim_shingles (shingle, task) SELECT * FROM unnest($1::int[], $2::bigint[])', [shingles, owners]);
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      };
      const half = written + Math.floor((target - written) / 2);
      await Promise.all([writer(written, half), writer(half, target)]);
      written = target;
      const loadS = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      await store.query('DROP INDEX IF EXISTS sim_shingles_shingle; DROP TABLE IF EXISTS shingle_df');
      await store.query('CREATE INDEX sim_shingles_shingle ON sim_shingles (shingle, task)');
      await store.query(`CREATE TABLE shingle_df AS SELECT shingle, count(*)::int AS n FROM sim_shingles GROUP BY shingle HAVING count(*) BETWEEN 2 AND ${CAP}`);
      await store.query('CREATE UNIQUE INDEX shingle_df_shingle ON shingle_df (shingle)');
      await store.query('ANALYZE');
      const indexS = (performance.now() - t1) / 1000;

      const size = async (rels: string[]) => {
        const [r] = await store.query<{ b: string }>(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1::text[])`, [rels]);
        return Number(r.b);
      };
      const storeBytes = await size(['documents', 'tasks', 'units', 'quantities', 'deadlines', 'warnings', 'doc_aliases', 'seen_paths']);
      const indexBytes = await size(['sim_shingles', 'shingle_df']);
      const [counts] = await store.query<{ tasks: number; postings: number }>('SELECT (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM sim_shingles) AS postings');

      // candidate pairs of one document against all stored ones: stage 1 in SQL, stage 2 in JS
      const probes = Array.from({ length: 40 }, (_, k) => 1 + ((k * 7919) % target));
      const times: number[] = [];
      const pairCounts: number[] = [];
      for (const docId of probes) {
        const s = performance.now();
        const rows = (await store.query<{ a: string; b: string; shared: number }>(`
          SELECT p.task AS a, o.task AS b, count(*)::int AS shared
          FROM tasks t JOIN sim_shingles p ON p.task = t.id JOIN shingle_df d ON d.shingle = p.shingle
          JOIN sim_shingles o ON o.shingle = p.shingle AND o.task <> p.task
          JOIN tasks ot ON ot.id = o.task AND ot.document <> t.document
          WHERE t.document = $1 GROUP BY p.task, o.task HAVING count(*) >= $2`, [docId, MIN_SHARED]));
        const ids = [...new Set(rows.flatMap((r) => [r.a, r.b]))];
        const texts = new Map((await store.query<{ id: string; text: string }>('SELECT id, text FROM tasks WHERE id = ANY($1::bigint[])', [ids])).map((r) => [r.id, r.text]));
        let kept = 0;
        for (const r of rows) {
          const a = shingleSet(texts.get(r.a) ?? '');
          const b = new Set(shingleSet(texts.get(r.b) ?? ''));
          const shared = a.filter((h) => b.has(h)).length;
          if (shared / Math.max(1, Math.min(a.length, b.size)) >= MIN_CONTAINMENT) kept++;
        }
        times.push(performance.now() - s);
        pairCounts.push(kept);
      }
      const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
      console.log(`  ${target} documents (${counts.tasks} tasks): loaded in ${loadS.toFixed(0)} s (${((target - (DOC_STEPS[DOC_STEPS.indexOf(target) - 1] ?? 0)) / loadS).toFixed(0)} documents/s, 2 writers), shingle index built in ${indexS.toFixed(0)} s`);
      console.log(`    size: store ${mb(storeBytes)} MB = ${(storeBytes / target / 1024).toFixed(1)} KB per document; sampled shingle index ${mb(indexBytes)} MB (${counts.postings} postings) = ${(indexBytes / target / 1024).toFixed(1)} KB per document`);
      console.log(`    candidate pairs of one document against all (40 probes): median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms; pairs kept per document median ${median(pairCounts)}, p95 ${p95(pairCounts)}`);
    }
  } finally {
    await store.close();
    if (!process.env.SIM_KEEP) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!URL_) throw new Error('usage: sim-scale.js postgres://… [--queue-files N] [--docs 10000,100000] [--skip-queue]');
  const texts = await templates();
  if (!process.argv.includes('--skip-queue')) await queueRate(URL_, texts);
  if (!process.argv.includes('--skip-scale')) await scale(URL_, texts);
}

// sim-100k.ts borrows the templates: run only when this file is the script started
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
