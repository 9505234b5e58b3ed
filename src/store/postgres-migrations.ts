// The PostgreSQL schema, step by step, never edited once released. It mirrors the meaning of the
// SQLite steps (migrations.ts), not their numbers one to one: PostgreSQL started after SQLite's step
// 2, so its step 1 already holds doc_key, units_text/people_text, doc_aliases and seen_paths.
// schema_migrations says which steps a database has; each step runs in its own transaction under an
// advisory lock, so several workers starting together on a new database migrate it once.
import type { PoolClient } from 'pg';
import { PG_TRACKING_SQL } from './postgres-tracking.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'documents, tasks, units, quantities, deadlines, warnings, doc_aliases, seen_paths; tsvector of jieba words',
    sql: `
      CREATE TABLE documents (
        id BIGSERIAL PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL,
        source_path TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        is_plan BOOLEAN NOT NULL,
        doc_number TEXT,
        issuer TEXT NOT NULL,
        date TEXT NOT NULL,
        jurisdiction TEXT,
        jurisdiction_level TEXT,
        version INTEGER NOT NULL,
        is_current BOOLEAN NOT NULL,
        task_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        -- text, not jsonb: jsonb reorders keys, and the stored JSON is compared with a new extraction
        result_json TEXT NOT NULL,
        doc_key TEXT NOT NULL
      );
      CREATE INDEX documents_doc_id ON documents(doc_id);
      CREATE INDEX documents_doc_key ON documents(doc_key, version);
      CREATE INDEX documents_current ON documents(is_current, is_plan);

      CREATE TABLE tasks (
        id BIGSERIAL PRIMARY KEY,
        document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        task_id TEXT NOT NULL,
        category TEXT NOT NULL,
        path_json TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT,
        page INTEGER,
        leaders_json TEXT NOT NULL,
        owners_json TEXT NOT NULL,
        superseded BOOLEAN NOT NULL DEFAULT false,
        superseded_by TEXT,
        units_text TEXT NOT NULL DEFAULT '',
        people_text TEXT NOT NULL DEFAULT '',
        -- jieba words of the text, space-separated (search.ts indexWords); 'simple' keeps each word as it is
        words TEXT NOT NULL DEFAULT '',
        words_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED,
        UNIQUE (document, seq)
      );
      CREATE INDEX tasks_task_id ON tasks(task_id);
      CREATE INDEX tasks_words ON tasks USING GIN (words_tsv);

      CREATE TABLE units (
        id BIGSERIAL PRIMARY KEY,
        task BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL
      );
      CREATE INDEX units_task ON units(task);
      CREATE INDEX units_name ON units(name);

      CREATE TABLE quantities (
        id BIGSERIAL PRIMARY KEY,
        document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        task BIGINT REFERENCES tasks(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        max DOUBLE PRECISION,
        unit TEXT NOT NULL,
        per_json TEXT,
        comparator TEXT NOT NULL,
        subject TEXT
      );
      CREATE INDEX quantities_task ON quantities(task);
      CREATE INDEX quantities_document ON quantities(document);

      CREATE TABLE deadlines (
        id BIGSERIAL PRIMARY KEY,
        task BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        date TEXT,
        recurrence TEXT,
        interval INTEGER,
        min_count INTEGER
      );
      CREATE INDEX deadlines_task ON deadlines(task);
      CREATE INDEX deadlines_date ON deadlines(kind, date);

      CREATE TABLE warnings (
        id BIGSERIAL PRIMARY KEY,
        document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        task_id TEXT
      );
      CREATE INDEX warnings_document ON warnings(document);

      CREATE TABLE doc_aliases (alias TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (alias, sha256));
      CREATE TABLE seen_paths (sha256 TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (sha256, path));
    `,
  },
  {
    version: 2,
    name: 'tracking: tracking_state, tracking_events (append-only), tracking_conflicts, tracking_proposals, tracking_moves, tracking_reports',
    sql: PG_TRACKING_SQL,
  },
  {
    version: 3,
    name: 'queue: queue_files (the bytes of each queued file, by sha256), queue_outcomes (done or failed, with the reason)',
    sql: `
      -- the file itself, so a worker on another machine reads what was queued, not a path it cannot see
      CREATE TABLE queue_files (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        bytes BYTEA NOT NULL,
        size INTEGER NOT NULL,
        -- bumped when a failed file is queued again: the next job gets a new id
        generation INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
      );
      CREATE TABLE queue_outcomes (
        sha256 TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
        code TEXT,
        line TEXT,
        doc_id TEXT,
        ingest_status TEXT,
        attempts INTEGER NOT NULL,
        finished_at TEXT NOT NULL
      );
    `,
  },
  {
    // SQLite's migration 3 (the OCR branch): a scanned page's reading by the file's bytes, page and
    // the resolution asked for, so a re-ingest of a scan does not OCR it again
    version: 4,
    name: 'ocr_pages (OCR text of scanned pages, by file sha256, page and dpi)',
    sql: `
      CREATE TABLE ocr_pages (
        sha256 TEXT NOT NULL,
        page INTEGER NOT NULL,
        dpi INTEGER NOT NULL,
        text TEXT NOT NULL,
        page_json TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (sha256, page, dpi)
      );
    `,
  },
  {
    // issue 16: the candidate index of `conflicts` (postgres-candidates.ts). Documents stored before
    // it have phrases_indexed false and are indexed by the first `conflicts`, not by this step:
    // the phrases come from JavaScript (the splitter and the shingles), not from SQL.
    version: 5,
    name: 'phrase_shingles (character 3-shingles of the phrases with a figure or deadline, for candidate pairs)',
    sql: `
      ALTER TABLE documents ADD COLUMN phrases_indexed BOOLEAN NOT NULL DEFAULT false,
        ADD COLUMN phrase_count INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE phrase_shingles (
        shingle INTEGER NOT NULL,
        document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        phrase INTEGER NOT NULL
      );
      CREATE INDEX phrase_shingles_shingle ON phrase_shingles (shingle, document);
      CREATE INDEX phrase_shingles_phrase ON phrase_shingles (document, seq, phrase);
    `,
  },
];

export function latestPgVersion(migrations: readonly PgMigration[] = PG_MIGRATIONS): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

/** An arbitrary fixed number: the advisory lock every taizhang process takes to migrate. */
const MIGRATION_LOCK = 7_240_316;

/** Brings the database up to the newest schema; returns the version it had before. */
export async function migratePg(client: PoolClient, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`).catch((e: { code?: string }) => {
    // two processes creating it at the same moment: one wins, the other finds it made
    if (e.code !== '23505' && e.code !== '42P07') throw e;
  });
  const current = async () => Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0].v);
  const before = await current();
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= before) continue;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if ((await current()) < m.version) {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
  }
  return before;
}
