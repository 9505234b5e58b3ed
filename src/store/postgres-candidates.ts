// The candidate index of `conflicts` inside PostgreSQL (issue 16): every phrase of a task that writes
// a figure or a deadline (the phrases src/compare/across.ts pairs) is stored as its distinct
// character 3-shingles, one row a shingle. The candidate pairs are then the same two stages as
// src/compare/candidates.ts, in SQL: a shingle held by more phrases than the cap is boilerplate and
// left out; phrases of different documents sharing ≥ minShared kept shingles, with containment ≥
// minContainment of the smaller one. The cost is the sum over kept shingles of (postings)², at most
// cap × rows: it grows with the store, never with its square, and nothing is loaded into memory but
// the pairs themselves.
import type pg from 'pg';
import { phrasesWithItems } from '../compare/sentences.js';
import { DEFAULT_SHINGLE_SIZE, shingleSet } from '../compare/shingles.js';
import type { CandidateOptions } from '../compare/candidates.js';
import type { ExtractResult } from '../model.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** The same defaults as candidates.ts, so both paths pair the same phrases. */
const DEFAULTS = { maxPostings: 64, maxDfRatio: 0.25, minShared: 4, minContainment: 0.3 };
const MIN_CLAUSES_FOR_RATIO = 40;

/** One candidate: a phrase of one document and a phrase of another, by document id, task id and phrase number. */
export interface PhrasePairRef {
  a: { docId: string; taskId: string; phrase: number };
  b: { docId: string; taskId: string; phrase: number };
  shared: number;
}

/** The index rows of one stored document (inside its ingest transaction). */
export async function writePhraseShingles(client: Queryable, document: number, result: ExtractResult): Promise<void> {
  const shingles: number[] = [];
  const seqs: number[] = [];
  const phrases: number[] = [];
  let count = 0;
  result.tasks.forEach((task, seq) => {
    phrasesWithItems(task).forEach((p, k) => {
      count++;
      // int4 holds the 32-bit hash as signed: the same bits, and half the size of a bigint
      for (const h of shingleSet(p.text, DEFAULT_SHINGLE_SIZE)) {
        shingles.push(h | 0);
        seqs.push(seq);
        phrases.push(k);
      }
    });
  });
  if (shingles.length > 0) {
    await client.query(`INSERT INTO phrase_shingles (shingle, document, seq, phrase)
      SELECT u.s, $1, u.q, u.p FROM unnest($2::int[], $3::int[], $4::int[]) AS u(s, q, p)`, [document, shingles, seqs, phrases]);
  }
  // the number of phrases, with or without shingles: the share-of-all cap counts them all, as candidates.ts does
  await client.query('UPDATE documents SET phrases_indexed = true, phrase_count = $2 WHERE id = $1', [document, count]);
}

/** Documents stored before the index existed (migration 5) get their rows now, one at a time. */
export async function backfillPhraseShingles(pool: pg.Pool): Promise<number> {
  const ids = (await pool.query('SELECT id FROM documents WHERE NOT phrases_indexed ORDER BY id')).rows as { id: string }[];
  for (const { id } of ids) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const row = (await client.query('SELECT result_json FROM documents WHERE id = $1 AND NOT phrases_indexed FOR UPDATE', [id])).rows[0] as
        | { result_json: string }
        | undefined;
      if (row) await writePhraseShingles(client, Number(id), JSON.parse(row.result_json) as ExtractResult);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  return ids.length;
}

/** The cap of candidates.ts: maxPostings, or a share of all phrases once there are enough of them. */
export function postingCap(phrases: number, o: Required<Pick<CandidateOptions, 'maxPostings' | 'maxDfRatio'>>): number {
  const ratioCap = phrases >= MIN_CLAUSES_FOR_RATIO ? Math.floor(o.maxDfRatio * phrases) : Infinity;
  return Math.max(2, Math.min(o.maxPostings, ratioCap));
}

/**
 * Candidate phrase pairs among the current documents, or, with `document`, of that one stored
 * document (its row id) against all the others — the query a new notice asks of a large store.
 */
export async function phrasePairsPg(pool: pg.Pool, options: CandidateOptions & { document?: number } = {}): Promise<PhrasePairRef[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    // the planner's estimate of this statement is far above jit_above_cost, and compiling it took
    // ~0.7 s of a ~0.1 s query (EXPLAIN ANALYZE at 10,000 documents): no JIT for it
    await client.query('SET LOCAL jit = off');
    const pairs = await queryPairs(client, options);
    await client.query('COMMIT');
    return pairs;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function queryPairs(db: Queryable, options: CandidateOptions & { document?: number }): Promise<PhrasePairRef[]> {
  const o = { ...DEFAULTS, ...options };
  const [{ n }] = (await db.query('SELECT coalesce(sum(phrase_count), 0)::int AS n FROM documents WHERE is_current')).rows as { n: number }[];
  const cap = postingCap(n, o);
  const probe = options.document ?? null;
  // probe: the phrases of one document; df of a shingle is counted over the current documents only
  // df of a shingle over the current documents, counted only up to cap + 1: boilerplate held by a
  // hundred thousand phrases costs cap + 1 index entries to recognise, not a hundred thousand
  const dfOf = (from: string) => `SELECT m.shingle, c.n FROM (SELECT DISTINCT shingle FROM ${from}) m CROSS JOIN LATERAL
      (SELECT count(*)::int AS n FROM (SELECT 1 FROM phrase_shingles s JOIN documents d ON d.id = s.document AND d.is_current
        WHERE s.shingle = m.shingle LIMIT $1 + 1) x) c`;
  const rows = (await db.query(`
    WITH mine AS (SELECT s.shingle, s.document, s.seq, s.phrase FROM phrase_shingles s JOIN documents d ON d.id = s.document AND d.is_current
      WHERE $4::bigint IS NULL OR s.document = $4),
    df AS (${dfOf('mine')}),
    -- the postings of the kept shingles only, each fetched by the index: a boilerplate shingle's
    -- hundred thousand postings are never read
    kept AS MATERIALIZED (SELECT shingle FROM df WHERE n BETWEEN 2 AND $1),
    pairs AS (
      SELECT a.document AS ad, a.seq AS aq, a.phrase AS ap, b.document AS bd, b.seq AS bq, b.phrase AS bp, count(*)::int AS shared
      FROM kept k JOIN mine a ON a.shingle = k.shingle
      CROSS JOIN LATERAL (SELECT o.document, o.seq, o.phrase FROM phrase_shingles o JOIN documents od ON od.id = o.document AND od.is_current
        WHERE o.shingle = k.shingle AND o.document <> a.document AND ($4::bigint IS NOT NULL OR o.document > a.document)) b
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) >= $2),
    ends AS (SELECT ad AS d, aq AS q, ap AS p FROM pairs UNION SELECT bd, bq, bp FROM pairs),
    ends_sh AS MATERIALIZED (SELECT e.d, e.q, e.p, s.shingle FROM ends e
      CROSS JOIN LATERAL (SELECT o.shingle FROM phrase_shingles o WHERE o.document = e.d AND o.seq = e.q AND o.phrase = e.p) s),
    df2 AS (${dfOf('ends_sh')}),
    -- the indexed size of a phrase: its shingles that are not boilerplate
    sizes AS (SELECT e.d, e.q, e.p, count(*) FILTER (WHERE df2.n <= $1)::int AS n FROM ends_sh e JOIN df2 ON df2.shingle = e.shingle GROUP BY 1, 2, 3)
    SELECT da.doc_id AS a_doc, ta.task_id AS a_task, pairs.ap, db.doc_id AS b_doc, tb.task_id AS b_task, pairs.bp, pairs.shared
    FROM pairs
    JOIN sizes sa ON sa.d = pairs.ad AND sa.q = pairs.aq AND sa.p = pairs.ap
    JOIN sizes sb ON sb.d = pairs.bd AND sb.q = pairs.bq AND sb.p = pairs.bp
    JOIN documents da ON da.id = pairs.ad JOIN tasks ta ON ta.document = pairs.ad AND ta.seq = pairs.aq
    JOIN documents db ON db.id = pairs.bd JOIN tasks tb ON tb.document = pairs.bd AND tb.seq = pairs.bq
    WHERE pairs.shared::float8 / greatest(1, least(sa.n, sb.n)) >= $3
    ORDER BY pairs.ad, pairs.aq, pairs.ap, pairs.bd, pairs.bq, pairs.bp`, [cap, o.minShared, o.minContainment, probe])).rows as Array<{
    a_doc: string; a_task: string; ap: number; b_doc: string; b_task: string; bp: number; shared: number;
  }>;
  return rows.map((r) => ({ a: { docId: r.a_doc, taskId: r.a_task, phrase: r.ap }, b: { docId: r.b_doc, taskId: r.b_task, phrase: r.bp }, shared: r.shared }));
}
