// Schema changes, in order, never edited once released: a store made by an older taizhang is
// brought forward step by step, each step in its own transaction, and PRAGMA user_version says
// which step a file has reached.
import type Database from 'better-sqlite3';
import { ReadFailure } from '../messages.js';
import type { ExtractResult, Task } from '../model.js';
import { documentKey, peopleText, unitsText } from './identity.js';
import { TRACKING_SQL } from './sqlite-tracking.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** what SQL alone cannot do (values computed from the stored JSON), run in the same transaction */
  run?: (db: Database.Database) => void;
}

/**
 * Version 1 grouped versions by the path as typed; version 2 groups them by the document
 * (identity.ts): every stored file gets its key, and each document's newest file is current again,
 * which brings back a county's document that another county's same-named file had hidden.
 */
function keyStoredDocuments(db: Database.Database): void {
  const docs = db.prepare('SELECT id, sha256, result_json FROM documents ORDER BY id').all() as { id: number; sha256: string; result_json: string }[];
  const setKey = db.prepare('UPDATE documents SET doc_key = ? WHERE id = ?');
  for (const d of docs) {
    // read as stored, not through today's schema: a result written by an older taizhang still has its 文号 and title
    const stored = JSON.parse(d.result_json) as Partial<ExtractResult>;
    setKey.run(stored.document ? documentKey(stored as ExtractResult, d.sha256) : `内容|${d.sha256}`, d.id);
  }
  const tasks = db.prepare('SELECT id, leaders_json, owners_json FROM tasks').all() as { id: number; leaders_json: string; owners_json: string }[];
  const unitsOf = db.prepare('SELECT name, role FROM units WHERE task = ? ORDER BY id');
  const setTask = db.prepare('UPDATE tasks SET units_text = ?, people_text = ? WHERE id = ?');
  for (const t of tasks) {
    const people = [...JSON.parse(t.leaders_json), ...JSON.parse(t.owners_json)] as Task['leaders'];
    const units = unitsOf.all(t.id) as Task['units'];
    setTask.run(unitsText({ units } as Task), peopleText({ leaders: people, owners: [] } as unknown as Task), t.id);
  }
  db.exec(`
    UPDATE documents SET
      version = (SELECT count(*) FROM documents o WHERE o.doc_key = documents.doc_key AND o.id <= documents.id),
      is_current = NOT EXISTS (SELECT 1 FROM documents o WHERE o.doc_key = documents.doc_key AND o.id > documents.id);
  `);
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
  {
    version: 2,
    name: 'documents.doc_key (versions follow the document, not the path), tasks.units_text/people_text, doc_aliases',
    sql: `
      ALTER TABLE documents ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';
      CREATE INDEX IF NOT EXISTS documents_doc_key ON documents(doc_key, version);
      ALTER TABLE tasks ADD COLUMN units_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE tasks ADD COLUMN people_text TEXT NOT NULL DEFAULT '';
      -- ids a stored file was known by before a re-extraction gave it a new one: what a user typed still finds it
      CREATE TABLE IF NOT EXISTS doc_aliases (alias TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (alias, sha256));
      -- where each file was read from (absolute): tells a file put back at its place from an old copy elsewhere
      CREATE TABLE IF NOT EXISTS seen_paths (sha256 TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (sha256, path));
      INSERT OR IGNORE INTO seen_paths (sha256, path) SELECT sha256, source_path FROM documents;
    `,
    run: keyStoredDocuments,
  },
  {
    // OCR (issue 13): each page's reading, by the file's bytes and the resolution asked for, so a
    // re-ingest or re-extraction of a scan does not OCR it again; page_json is the OcrPage (lines,
    // words, boxes and confidences) that read/ocr-layout.ts lays out
    version: 3,
    name: 'ocr_pages (OCR text of scanned pages, by file sha256, page and dpi)',
    sql: `
      CREATE TABLE IF NOT EXISTS ocr_pages (
        sha256 TEXT NOT NULL,
        page INTEGER NOT NULL,
        dpi INTEGER NOT NULL,
        text TEXT NOT NULL,
        page_json TEXT NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (sha256, page, dpi)
      );
    `,
  },
  {
    version: 4,
    name: 'tracking: tracking_state, tracking_events (append-only), tracking_conflicts, tracking_proposals, tracking_moves, tracking_reports',
    sql: TRACKING_SQL,
  },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

/**
 * Brings the file up to the newest schema; returns the version it had before. Several processes may
 * open a new file at once: each step re-reads the version under the write lock (BEGIN IMMEDIATE
 * waits for the others through busy_timeout), so a step another process has just run is skipped.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const userVersion = () => db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  const before = userVersion();
  if (before > latest) throw new ReadFailure('E_STORE_TOO_NEW', `库版本 ${before}`);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= before) continue;
    db.transaction(() => {
      if (userVersion() >= m.version) return;
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return before;
}
