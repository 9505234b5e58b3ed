// Schema changes, in order, never edited once released: a store made by an older taizhang is
// brought forward step by step, each step in its own transaction, and PRAGMA user_version says
// which step a file has reached.
import type Database from 'better-sqlite3';
import { ReadFailure } from '../messages.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, tasks, units, quantities, deadlines, warnings, task_fts',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL,
        source_path TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        is_plan INTEGER NOT NULL,
        doc_number TEXT,
        issuer TEXT NOT NULL,
        date TEXT NOT NULL,
        jurisdiction TEXT,
        jurisdiction_level TEXT,
        version INTEGER NOT NULL,
        is_current INTEGER NOT NULL,
        task_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        result_json TEXT NOT NULL
      );
      CREATE INDEX documents_source_path ON documents(source_path, version);
      CREATE INDEX documents_doc_id ON documents(doc_id);

      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        task_id TEXT NOT NULL,
        category TEXT NOT NULL,
        path_json TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT,
        page INTEGER,
        leaders_json TEXT NOT NULL,
        owners_json TEXT NOT NULL,
        superseded INTEGER NOT NULL DEFAULT 0,
        superseded_by TEXT,
        UNIQUE (document, seq)
      );
      CREATE INDEX tasks_task_id ON tasks(task_id);

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        task INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL
      );
      CREATE INDEX units_task ON units(task);
      CREATE INDEX units_name ON units(name);

      CREATE TABLE quantities (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        task INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        value REAL NOT NULL,
        max REAL,
        unit TEXT NOT NULL,
        per_json TEXT,
        comparator TEXT NOT NULL,
        subject TEXT
      );
      CREATE INDEX quantities_task ON quantities(task);

      CREATE TABLE deadlines (
        id INTEGER PRIMARY KEY,
        task INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
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
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        task_id TEXT
      );
      CREATE INDEX warnings_document ON warnings(document);

      -- jieba words of each task's text, space-separated: the default tokenizer then sees Chinese
      -- words, where trigram could not find two-character words (PACKAGES.md). rowid = tasks.id.
      CREATE VIRTUAL TABLE task_fts USING fts5(words, tokenize = 'unicode61');
    `,
  },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

/** Brings the file up to the newest schema; returns the version it had before. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const before = db.pragma('user_version', { simple: true }) as number;
  if (before > latestVersion(migrations)) throw new ReadFailure('E_STORE_TOO_NEW', `库版本 ${before}`);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= before) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return before;
}
