// Search in PostgreSQL: a tsvector of the jieba words ('simple') against pg_trgm on the task text,
// on the queries of the SQLite search tests (tests/store/search*.test.ts). First what each finds
// over the three stored fixtures (against the plain substring truth), then how long each takes
// over ROWS task rows (the fixture tasks repeated, each copy with its own number). Prints a table
// for BENCHMARKS.md. Usage: node dist/scripts/sim-search.js postgres://… [ROWS]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExtractResult } from '../src/model.js';
import { PostgresTaskStore } from '../src/store/postgres.js';
import { tsQuery } from '../src/store/postgres-search.js';
import { substringParts } from '../src/store/search.js';
import { ROOT } from './bench-files.js';

const QUERIES = ['危房改造', '危房', '改造', '资助', '资助 抽查', '家庭医生', '农田', '签约', '资金 资助', '饮水安全', '教育局', '督查', '易地搬迁', '产业扶贫'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.BENCH_PG;
  const rows = Number(process.argv[3] ?? 200_000);
  if (!url) throw new Error('usage: sim-search.js postgres://… [rows]');
  const schema = `simsearch_${process.pid}`;
  const admin = new PostgresTaskStore(url);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const [{ ext }] = await admin.query<{ ext: string }>("SELECT n.nspname AS ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'");
  const sep = url.includes('?') ? '&' : '?';
  const store = new PostgresTaskStore(`${url}${sep}options=${encodeURIComponent(`-c search_path=${schema},${ext}`)}`);
  try {
    for (const name of ['county-plan', 'bulletin', 'city-notice']) {
      const r = ExtractResult.parse(JSON.parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'results', `${name}.json`), 'utf8')));
      await store.ingest(r);
    }
    const like = (parts: string[], col = 'text') => parts.map((_, i) => `${col} LIKE '%' || $${i + 1} || '%'`).join(' AND ');
    console.log('query | substring truth | tsvector finds | pg_trgm LIKE finds');
    let tsMiss = 0;
    let trgmMiss = 0;
    for (const q of QUERIES) {
      const parts = substringParts(q);
      const truth = (await store.query(`SELECT id FROM tasks WHERE ${parts.map((_, i) => `strpos(text, $${i + 1}) > 0`).join(' AND ')}`, parts)).length;
      const ts = (await store.query("SELECT id FROM tasks WHERE words_tsv @@ to_tsquery('simple', $1)", [tsQuery(q)])).length;
      const trgm = (await store.query(`SELECT id FROM tasks WHERE ${like(parts)}`, parts)).length;
      tsMiss += Math.max(0, truth - ts);
      trgmMiss += Math.max(0, truth - trgm);
      console.log(`${q} | ${truth} | ${ts} | ${trgm}`);
    }
    console.log(`missed against the substring truth: tsvector ${tsMiss}, pg_trgm ${trgmMiss}`);

    // scale: the fixture tasks repeated to `rows`, each copy with its own number so no two rows are equal
    await store.query(`CREATE TABLE big AS SELECT g AS id, replace(t.text, '。', '（第' || g || '批）。') AS text, t.words || ' 第 ' || g || ' 批' AS words
      FROM generate_series(1, $1) g JOIN (SELECT row_number() OVER () - 1 AS k, text, words FROM tasks) t ON t.k = g % (SELECT count(*) FROM tasks)`, [rows]);
    let t0 = performance.now();
    await store.query("ALTER TABLE big ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED");
    await store.query('CREATE INDEX big_tsv ON big USING GIN (tsv)');
    const tsBuild = performance.now() - t0;
    t0 = performance.now();
    await store.query('CREATE INDEX big_trgm ON big USING GIN (text gin_trgm_ops)');
    const trgmBuild = performance.now() - t0;
    await store.query('ANALYZE big');
    const size = async (ix: string) => (await store.query<{ s: string }>(`SELECT pg_size_pretty(pg_relation_size('${ix}')) AS s`))[0].s;
    const time = async (sql: string, params: unknown[]) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await store.query(sql, params);
        runs.push(performance.now() - s);
      }
      return median(runs);
    };
    const tsTimes: number[] = [];
    const trgmTimes: number[] = [];
    const substrTimes: number[] = [];
    for (const q of QUERIES) {
      const parts = substringParts(q);
      tsTimes.push(await time("SELECT id FROM big WHERE tsv @@ to_tsquery('simple', $1) LIMIT 50", [tsQuery(q)]));
      trgmTimes.push(await time(`SELECT id FROM big WHERE ${like(parts)} LIMIT 50`, parts));
      substrTimes.push(await time(`SELECT id FROM big WHERE ${parts.map((_, i) => `strpos(text, $${i + 1}) > 0`).join(' AND ')} LIMIT 50`, parts));
    }
    const f = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms`;
    console.log(`${rows} task rows: tsvector GIN ${await size('big_tsv')} built in ${(tsBuild / 1000).toFixed(1)} s (with the column); pg_trgm GIN ${await size('big_trgm')} built in ${(trgmBuild / 1000).toFixed(1)} s`);
    console.log(`query time (LIMIT 50, ${QUERIES.length} queries, median of 5 runs each): tsvector ${f(tsTimes)}; pg_trgm LIKE ${f(trgmTimes)}; plain strpos scan ${f(substrTimes)}`);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
