// search over the PostgreSQL store, the same two passes as SQLite (sqlite-search.ts): the jieba words
// of each task as a tsvector ('simple': every word kept as it is, lower-cased), queried as one phrase
// per typed part with the last word a prefix; then a substring pass over text, units and people.
// BENCHMARKS.md has the comparison with pg_trgm that chose the tsvector.
import type pg from 'pg';
import { highlightParts, queryParts, searchHit, substringParts, type HitRow as BaseRow } from './search.js';
import type { SearchHit } from './store.js';

type HitRow = BaseRow & { id: string };

/** A word as a tsquery operand: quoted, with the quote and backslash escaped. */
function operand(token: string): string {
  return `'${token.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/** Every part must match; a part's tokens in a row (<->), its last token a prefix (:*). Null when nothing is searchable. */
export function tsQuery(query: string): string | null {
  const parts = queryParts(query);
  if (parts.length === 0) return null;
  return parts.map((tokens) => `(${tokens.map((t, i) => `${operand(t)}${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ')})`).join(' & ');
}

const HIT_COLUMNS = 't.id, t.task_id, t.path_json, t.page, t.text, t.units_text, t.people_text, d.doc_id, d.sha256, d.title';

export async function searchTasksPg(db: pg.Pool | pg.PoolClient, typed: string, limit: number): Promise<SearchHit[]> {
  // PostgreSQL text cannot hold NUL, so no stored task has one: it is dropped, not sent
  const query = typed.replace(/\0/gu, '');
  const ts = tsQuery(query);
  const literal = substringParts(query);
  if (!ts || literal.length === 0) return [];
  const indexed = (await db.query(`SELECT ${HIT_COLUMNS} FROM tasks t JOIN documents d ON d.id = t.document,
      to_tsquery('simple', $1) q WHERE t.words_tsv @@ q AND d.is_current
    ORDER BY ts_rank(t.words_tsv, q) DESC, t.id LIMIT $2`, [ts, limit])).rows as HitRow[];
  const byIndex = new Set(indexed.map((r) => r.id));
  // jieba may have glued the typed word into a longer one (危房 inside 危房改造); units and people too
  const anyField = literal.map((_, i) => `(strpos(t.text, $${i + 1}) > 0 OR strpos(t.units_text, $${i + 1}) > 0 OR strpos(t.people_text, $${i + 1}) > 0)`).join(' AND ');
  const more = (await db.query(`SELECT ${HIT_COLUMNS} FROM tasks t JOIN documents d ON d.id = t.document
    WHERE d.is_current AND ${anyField} ORDER BY t.id LIMIT $${literal.length + 1}`, [...literal, limit])).rows as HitRow[];
  const rows = [...indexed, ...more.filter((r) => !byIndex.has(r.id))].slice(0, limit);
  const marks = highlightParts(query);
  return rows.map((r) => searchHit(r, marks, literal, byIndex.has(r.id)));
}
