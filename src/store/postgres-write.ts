// The rows one document becomes in PostgreSQL: one multi-row INSERT per table (unnest of arrays),
// so a document of 200 tasks is six round trips, not a thousand. Called inside the store's
// transaction: either all of a document is written or none of it.
import type { PoolClient } from 'pg';
import type { ExtractResult, Quantity } from '../model.js';
import { peopleText, unitsText } from './identity.js';
import { writePhraseShingles } from './postgres-candidates.js';
import type { DocumentRowInfo } from './sqlite-write.js';

interface QuantityRow {
  task: number | null;
  q: Quantity;
}

/** PostgreSQL text cannot hold U+0000 (SQLite can): it is dropped from the columns; the stored JSON escapes it. */
function noNul(v: unknown): unknown {
  if (typeof v === 'string') return v.includes('\u0000') ? v.replaceAll('\u0000', '') : v;
  return Array.isArray(v) ? v.map(noNul) : v;
}

export async function writeDocumentPg(pgClient: PoolClient, result: ExtractResult, info: DocumentRowInfo, words: string[]): Promise<number> {
  const client = { query: (sql: string, params: unknown[]) => pgClient.query(sql, params.map(noNul)) };
  const d = result.document;
  const doc = Number((await client.query(`INSERT INTO documents (sha256, doc_id, source_path, format, title, doc_type, is_plan, doc_number,
      issuer, date, jurisdiction, jurisdiction_level, version, is_current, task_count, ingested_at, result_json, doc_key)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true, $14, $15, $16, $17) RETURNING id`, [
    info.sha256, d.id, d.source.path, d.source.format, d.title, d.docType, d.isPlan, d.docNumber?.text ?? null, d.issuer, d.date,
    d.jurisdiction?.name ?? null, d.jurisdiction?.level ?? null, info.version, result.tasks.length, info.ingestedAt, JSON.stringify(result), info.docKey,
  ])).rows[0].id);

  const ids: number[] = [];
  if (result.tasks.length > 0) {
    const t = result.tasks;
    const rows = (await client.query(`INSERT INTO tasks (document, seq, task_id, category, path_json, text, kind, page, leaders_json,
        owners_json, superseded, units_text, people_text, words)
      SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[],
        $10::text[], $11::bool[], $12::text[], $13::text[], $14::text[]) RETURNING id, seq`, [
      doc, t.map((_, i) => i), t.map((x) => x.id), t.map((x) => x.path[0] ?? ''), t.map((x) => JSON.stringify(x.path)), t.map((x) => x.text),
      t.map((x) => x.kind ?? null), t.map((x) => x.where?.page ?? null), t.map((x) => JSON.stringify(x.leaders)), t.map((x) => JSON.stringify(x.owners)),
      t.map((x) => Boolean(x.superseded)), t.map(unitsText), t.map(peopleText), t.map((_, i) => words[i] ?? ''),
    ])).rows as { id: string; seq: number }[];
    for (const r of rows) ids[r.seq] = Number(r.id);
  }

  const units = result.tasks.flatMap((t, seq) => t.units.map((u) => [ids[seq], u.name, u.role] as const));
  if (units.length > 0) {
    await client.query('INSERT INTO units (task, name, role) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])',
      [units.map((u) => u[0]), units.map((u) => u[1]), units.map((u) => u[2])]);
  }
  const qs: QuantityRow[] = [...d.quantities.map((q) => ({ task: null, q })), ...result.tasks.flatMap((t, seq) => t.quantities.map((q) => ({ task: ids[seq], q })))];
  if (qs.length > 0) {
    await client.query(`INSERT INTO quantities (document, task, text, kind, value, max, unit, per_json, comparator, subject)
      SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[])`, [
      doc, qs.map((r) => r.task), qs.map((r) => r.q.text), qs.map((r) => r.q.kind), qs.map((r) => r.q.value), qs.map((r) => r.q.max ?? null),
      qs.map((r) => r.q.unit), qs.map((r) => (r.q.per && r.q.per.length > 0 ? JSON.stringify(r.q.per) : null)), qs.map((r) => r.q.comparator ?? '='),
      qs.map((r) => r.q.subject ?? null),
    ]);
  }
  const dls = result.tasks.flatMap((t, seq) => t.deadlines.map((dl) => ({ task: ids[seq], dl })));
  if (dls.length > 0) {
    await client.query(`INSERT INTO deadlines (task, text, kind, date, recurrence, interval, min_count)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])`, [
      dls.map((r) => r.task), dls.map((r) => r.dl.text), dls.map((r) => r.dl.kind), dls.map((r) => r.dl.date ?? null),
      dls.map((r) => r.dl.recurrence ?? null), dls.map((r) => r.dl.interval ?? null), dls.map((r) => r.dl.minCount ?? null),
    ]);
  }
  const ws = result.warnings;
  if (ws.length > 0) {
    await client.query(`INSERT INTO warnings (document, code, severity, message, task_id)
      SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      [doc, ws.map((w) => w.code), ws.map((w) => w.severity), ws.map((w) => w.message), ws.map((w) => w.taskId ?? null)]);
  }
  await writePhraseShingles(pgClient, doc, result);
  return doc;
}
