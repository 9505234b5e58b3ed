// The 100,000-document simulation of issue 16, written inside PostgreSQL: 50 notices made from the
// real texts (sim-scale.ts templates) are extracted and stored for real, then cloned in SQL
// (INSERT … SELECT over generate_series) with another county and their digits rotated (counts,
// years, dates), so a clone costs the database what a stored notice costs without the pipeline.
// The candidate index (phrase_shingles, migration 5) of each clone is computed in JS from the
// template's phrases varied the same way, since the shingle hash is JavaScript's. Then the candidate
// pairs of one document against all stored ones (postgres-candidates.ts, the query `conflicts` and a
// new notice ask) are timed at each size, and the size per document measured.
// Usage: node dist/scripts/sim-100k.js postgres://…/taizhang_sim [--docs 10000,100000] [--probes 40]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { phrasesWithItems } from '../src/compare/sentences.js';
import { shingleSet } from '../src/compare/shingles.js';
import { extractFile } from '../src/pipeline.js';
import { phrasePairsPg } from '../src/store/postgres-candidates.js';
import { PostgresTaskStore } from '../src/store/postgres.js';
import { ownPlace, PLACES, templates, varier } from './sim-scale.js';

const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : d;
};
const URL_ = process.argv[2]?.startsWith('postgres') ? process.argv[2] : process.env.BENCH_PG;
const DOC_STEPS = arg('--docs', '10000,100000').split(',').map(Number);
const PROBES = Number(arg('--probes', '40'));
/** only the probes, on a database an earlier run filled */
const PROBE_ONLY = process.argv.includes('--probe-only');
const TEMPLATES = 50;
const BATCH = 500;
const FIRST_CLONE_ID = 1000;
const DIGITS = '3456789';

/** Clone j's digits: 3–9 rotated by one of 7 steps (0, 1, 2 kept, so years stay 20xx). */
const rotation = (j: number) => {
  const k = Math.floor(j / PLACES.length) % DIGITS.length;
  return DIGITS.slice(k) + DIGITS.slice(0, k);
};
/** The same variation as sim_v in SQL: the template's place to clone j's, then the digits rotated. */
function vary(s: string, place: string, j: number): string {
  const to = PLACES[j % PLACES.length];
  const placed = place ? s.split(place).join(to) : s;
  const rot = rotation(j);
  return placed.replace(/[3-9]/gu, (c) => rot[DIGITS.indexOf(c)]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

interface Template {
  id: number;
  place: string;
  phrases: Array<{ seq: number; k: number; text: string }>;
}

async function main(): Promise<void> {
  if (!URL_) throw new Error('usage: sim-100k.js postgres://… [--docs 10000,100000] [--probes 40]');
  const store = new PostgresTaskStore(URL_, { max: 4 });
  await store.query('SELECT 1');
  if (PROBE_ONLY) {
    const [{ n }] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE id >= ${FIRST_CLONE_ID}`);
    await probe(store, n);
    await store.close();
    return;
  }
  const [{ n: already }] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
  if (already > 0) throw new Error('the simulation wants an empty database');

  const texts = await templates();
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-sim100k-'));
  const made: Template[] = [];
  let t0 = performance.now();
  for (let i = 0; made.length < TEMPLATES && i < TEMPLATES * 3; i++) {
    const t = texts[i % texts.length];
    const variant = varier(t, i + 7)(t);
    const f = path.join(dir, `t-${i}.txt`);
    writeFileSync(f, variant);
    const o = await extractFile(f);
    if (!o.ok || o.result.tasks.length === 0) continue;
    // each template its own notice, not a new version of another
    o.result.document.title = `${o.result.document.title}（样本${i}）`;
    await store.ingest(o.result);
    const [{ id }] = await store.query<{ id: string }>('SELECT id FROM documents WHERE sha256 = $1', [o.result.document.source.sha256]);
    const phrases = o.result.tasks.flatMap((task, seq) => phrasesWithItems(task).map((p, k) => ({ seq, k, text: p.text })));
    made.push({ id: Number(id), place: ownPlace(variant) ?? '', phrases });
  }
  rmSync(dir, { recursive: true, force: true });
  const [tpl] = await store.query<{ tasks: number; phrases: number }>('SELECT sum(task_count)::int AS tasks, sum(phrase_count)::int AS phrases FROM documents');
  console.log(`${made.length} templates extracted and stored for real in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${(tpl.tasks / made.length).toFixed(1)} tasks, ${(tpl.phrases / made.length).toFixed(1)} indexed phrases each`);

  await store.query(`CREATE OR REPLACE FUNCTION sim_v(s text, place text, to_place text, rot text) RETURNS text IMMUTABLE LANGUAGE sql AS
    $$ SELECT translate(CASE WHEN place <> '' THEN replace(s, place, to_place) ELSE s END, '${DIGITS}', rot) $$`);
  await store.query('CREATE UNLOGGED TABLE IF NOT EXISTS sim_map (j INTEGER PRIMARY KEY, src BIGINT NOT NULL, place TEXT NOT NULL, to_place TEXT NOT NULL, rot TEXT NOT NULL)');
  const pool = store.pool;

  const writeBatch = async (from: number, to: number) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const js = Array.from({ length: to - from }, (_, k) => from + k);
      await c.query('DELETE FROM sim_map WHERE j >= $1 AND j < $2', [from, to]);
      await c.query('INSERT INTO sim_map SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::text[], $5::text[])', [
        js, js.map((j) => made[j % made.length].id), js.map((j) => made[j % made.length].place), js.map((j) => PLACES[j % PLACES.length]), js.map(rotation),
      ]);
      const m = `sim_map m WHERE m.j >= ${from} AND m.j < ${to}`;
      const v = (col: string) => `sim_v(${col}, m.place, m.to_place, m.rot)`;
      await c.query(`INSERT INTO documents (id, sha256, doc_id, source_path, format, title, doc_type, is_plan, doc_number, issuer, date, jurisdiction,
          jurisdiction_level, version, is_current, task_count, ingested_at, result_json, doc_key, phrases_indexed, phrase_count)
        SELECT ${FIRST_CLONE_ID} + m.j, md5('sim-a' || m.j) || md5('sim-b' || m.j), d.doc_id || '-' || m.j, '/sim/' || m.j || '.txt', d.format,
          ${v('d.title')} || '（' || m.j || '）', d.doc_type, d.is_plan, ${v('d.doc_number')}, ${v('d.issuer')}, ${v('d.date')}, ${v('d.jurisdiction')},
          d.jurisdiction_level, 1, true, d.task_count, d.ingested_at, ${v('d.result_json')}, 'sim|' || m.j, true, d.phrase_count
        FROM documents d JOIN ${m.replace('WHERE', 'ON m.src = d.id AND')}`);
      await c.query(`INSERT INTO tasks (document, seq, task_id, category, path_json, text, kind, page, leaders_json, owners_json, superseded, units_text, people_text, words)
        SELECT ${FIRST_CLONE_ID} + m.j, t.seq, t.task_id || '-' || m.j, ${v('t.category')}, ${v('t.path_json')}, ${v('t.text')}, t.kind, t.page,
          ${v('t.leaders_json')}, ${v('t.owners_json')}, false, ${v('t.units_text')}, ${v('t.people_text')}, ${v('t.words')}
        FROM tasks t JOIN ${m.replace('WHERE', 'ON m.src = t.document AND')}`);
      const pair = `tasks ot JOIN ${m.replace('WHERE', 'ON m.src = ot.document AND')} JOIN tasks nt ON nt.document = ${FIRST_CLONE_ID} + m.j AND nt.seq = ot.seq`;
      await c.query(`INSERT INTO units (task, name, role) SELECT nt.id, ${v('u.name')}, u.role FROM units u JOIN ${pair} ON u.task = ot.id`);
      await c.query(`INSERT INTO deadlines (task, text, kind, date, recurrence, interval, min_count)
        SELECT nt.id, ${v('x.text')}, x.kind, ${v('x.date')}, x.recurrence, x.interval, x.min_count FROM deadlines x JOIN ${pair} ON x.task = ot.id`);
      await c.query(`INSERT INTO quantities (document, task, text, kind, value, max, unit, per_json, comparator, subject)
        SELECT ${FIRST_CLONE_ID} + m.j, nt.id, ${v('q.text')}, q.kind, q.value, q.max, q.unit, q.per_json, q.comparator, ${v('q.subject')}
        FROM quantities q JOIN ${m.replace('WHERE', 'ON m.src = q.document AND')}
        LEFT JOIN tasks ot ON ot.id = q.task LEFT JOIN tasks nt ON nt.document = ${FIRST_CLONE_ID} + m.j AND nt.seq = ot.seq`);
      await c.query(`INSERT INTO warnings (document, code, severity, message, task_id)
        SELECT ${FIRST_CLONE_ID} + m.j, w.code, w.severity, ${v('w.message')}, w.task_id FROM warnings w JOIN ${m.replace('WHERE', 'ON m.src = w.document AND')}`);
      // the candidate index: the template's phrases varied as the texts were, shingled by the store's own function
      const sh: number[] = [];
      const docs: number[] = [];
      const seqs: number[] = [];
      const ks: number[] = [];
      for (const j of js) {
        const t = made[j % made.length];
        for (const p of t.phrases) {
          for (const h of shingleSet(vary(p.text, t.place, j))) {
            sh.push(h | 0);
            docs.push(FIRST_CLONE_ID + j);
            seqs.push(p.seq);
            ks.push(p.k);
          }
        }
      }
      await c.query('INSERT INTO phrase_shingles (shingle, document, seq, phrase) SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[], $4::int[])', [sh, docs, seqs, ks]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };

  let written = 0;
  for (const target of DOC_STEPS) {
    const clones = target - made.length;
    t0 = performance.now();
    // a bulk load: the GIN index of the words is built once afterwards, not row by row
    await store.query('DROP INDEX IF EXISTS tasks_words');
    const writer = async (lane: number) => {
      for (let b = written + lane * BATCH; b < clones; b += 2 * BATCH) await writeBatch(b, Math.min(clones, b + BATCH));
    };
    await Promise.all([writer(0), writer(1)]);
    const loadS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await store.query('CREATE INDEX tasks_words ON tasks USING GIN (words_tsv)');
    const ginS = (performance.now() - t1) / 1000;
    await store.query('ANALYZE');
    const [c] = await store.query<{ docs: number; tasks: string; postings: string; db: string; index: string }>(`SELECT
      (SELECT count(*)::int FROM documents) AS docs, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM phrase_shingles) AS postings,
      pg_database_size(current_database()) AS db, pg_total_relation_size('phrase_shingles') AS index`);
    const mb = (b: string | number) => (Number(b) / 1024 / 1024).toFixed(0);
    console.log(`${c.docs} documents (${c.tasks} tasks): ${clones - written} clones written in ${loadS.toFixed(0)} s (${((clones - written) / loadS).toFixed(0)} documents/s, 2 writers), GIN index of the words built in ${ginS.toFixed(0)} s`);
    console.log(`  size: database ${mb(c.db)} MB = ${(Number(c.db) / c.docs / 1024).toFixed(1)} KB per document, of which the candidate index (phrase_shingles with its indexes, ${c.postings} postings) ${mb(c.index)} MB = ${(Number(c.index) / c.docs / 1024).toFixed(1)} KB per document`);
    written = clones;
    await probe(store, clones);
  }
  await store.close();
}

/** The candidate pairs of PROBES clones, each against all stored documents, timed one after another. */
async function probe(store: PostgresTaskStore, clones: number): Promise<void> {
  const pool = store.pool;
  {
    const probes = Array.from({ length: PROBES }, (_, k) => FIRST_CLONE_ID + ((k * 7919) % clones));
    const times: number[] = [];
    const pairs: number[] = [];
    for (const doc of probes) {
      const s = performance.now();
      const found = await phrasePairsPg(pool, { document: doc });
      times.push(performance.now() - s);
      pairs.push(found.length);
    }
    console.log(`  candidate pairs of one document against all (${PROBES} probes, phrasePairsPg): median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms; pairs per document median ${median(pairs)}, p95 ${p95(pairs)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
