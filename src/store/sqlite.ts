// The SQLite backend of the task store (better-sqlite3). One file, WAL mode so readers never wait
// for a writer, one IMMEDIATE transaction per document so a crash loses at most the document being
// written, never a part of one.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadFailure } from '../messages.js';
import { ExtractResult } from '../model.js';
import { taskMatches, type RegisterFilter } from '../register/filter.js';
import { isTaskSource } from '../register/rows.js';
import { migrate } from './migrations.js';
import { ftsQuery, highlightParts, indexWords, snippet, substringParts } from './search.js';
import { prepareStatements, writeDocument, type Statements } from './sqlite-write.js';
import type { IngestReport, SearchHit, StoreCounts, StoredDocument, StoredTask, TaskStore } from './store.js';

interface DocumentRow {
  id: number;
  sha256: string;
  doc_id: string;
  source_path: string;
  title: string;
  doc_type: string;
  is_plan: number;
  date: string;
  issuer: string;
  task_count: number;
  version: number;
  is_current: number;
  ingested_at: string;
}

interface Json {
  result_json: string;
}

const COUNTED_TABLES = ['documents', 'tasks', 'units', 'quantities', 'deadlines', 'warnings'] as const;
/** Everything but result_json, which is read only when a whole document is wanted. */
const LISTED_COLUMNS = 'id, sha256, doc_id, source_path, title, doc_type, is_plan, date, issuer, task_count, version, is_current, ingested_at';
const SHA_REF = /^[0-9a-f]{8,64}$/iu;

function toStoredDocument(r: DocumentRow): StoredDocument {
  return {
    sha256: r.sha256, docId: r.doc_id, path: r.source_path, title: r.title, docType: r.doc_type, isPlan: r.is_plan === 1,
    date: r.date, issuer: r.issuer, tasks: r.task_count, version: r.version, current: r.is_current === 1, ingestedAt: r.ingested_at,
  };
}

export class SqliteTaskStore implements TaskStore {
  private readonly st: Statements;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.st = prepareStatements(db);
  }

  /** Opens (creating the file and its folder if needed) and brings the schema up to date. */
  static open(path: string): SqliteTaskStore {
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db);
      return new SqliteTaskStore(path, db);
    } catch (e) {
      db?.close();
      if (e instanceof ReadFailure) throw e;
      throw new ReadFailure('E_STORE_OPEN', `${path}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }

  private row(sha256: string): DocumentRow | undefined {
    return this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents WHERE sha256 = ?`).get(sha256) as DocumentRow | undefined;
  }

  async has(sha256: string): Promise<boolean> {
    return this.row(sha256) !== undefined;
  }

  async ingest(result: ExtractResult, fileBytesSha?: string): Promise<IngestReport> {
    const sha256 = fileBytesSha ?? result.document.source.sha256;
    const unchanged = (r: DocumentRow): IngestReport =>
      ({ status: 'unchanged', sha256, docId: r.doc_id, version: r.version, tasks: r.task_count });
    const known = this.row(sha256);
    const json = JSON.stringify(result);
    if (known && this.storedJson(known.id) === json) return unchanged(known);
    const words = result.tasks.map((t) => indexWords(t.text));
    if (known) return this.replaceExtraction(known, result, words);
    const path = result.document.source.path;
    return this.db.transaction((): IngestReport => {
      // checked again under the write lock: another process may have stored the same bytes meanwhile
      const raced = this.row(sha256);
      if (raced) return unchanged(raced);
      const prev = this.db.prepare('SELECT max(version) AS v FROM documents WHERE source_path = ?').get(path) as { v: number | null };
      this.db.prepare('UPDATE documents SET is_current = 0 WHERE source_path = ? AND is_current = 1').run(path);
      const version = (prev.v ?? 0) + 1;
      writeDocument(this.st, result, { sha256, version, ingestedAt: new Date().toISOString() }, words);
      return { status: version > 1 ? 'new-version' : 'added', sha256, docId: result.document.id, version, tasks: result.tasks.length };
    }).immediate();
  }

  private storedJson(id: number): string | undefined {
    return (this.db.prepare('SELECT result_json FROM documents WHERE id = ?').get(id) as Json | undefined)?.result_json;
  }

  /**
   * The same bytes read by a newer taizhang give another extraction: it replaces the stored one in
   * place (same version, same current flag), so an upgrade is not mistaken for a new file version.
   */
  private replaceExtraction(known: DocumentRow, result: ExtractResult, words: string[]): IngestReport {
    return this.db.transaction((): IngestReport => {
      this.db.prepare('DELETE FROM task_fts WHERE rowid IN (SELECT id FROM tasks WHERE document = ?)').run(known.id);
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(known.id);
      const id = writeDocument(this.st, result, { sha256: known.sha256, version: known.version, ingestedAt: new Date().toISOString() }, words);
      this.db.prepare('UPDATE documents SET is_current = ? WHERE id = ?').run(known.is_current, id);
      return { status: 're-extracted', sha256: known.sha256, docId: result.document.id, version: known.version, tasks: result.tasks.length };
    }).immediate();
  }

  async document(sha256: string): Promise<StoredDocument | null> {
    const row = this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents WHERE sha256 = ?`).get(sha256) as DocumentRow | undefined;
    return row ? toStoredDocument(row) : null;
  }

  async documents(): Promise<StoredDocument[]> {
    return (this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents ORDER BY id`).all() as DocumentRow[]).map(toStoredDocument);
  }

  async result(ref: string): Promise<ExtractResult | null> {
    const r = ref.trim();
    if (SHA_REF.test(r)) {
      const rows = this.db.prepare('SELECT result_json FROM documents WHERE sha256 LIKE ? LIMIT 2').all(`${r.toLowerCase()}%`) as Json[];
      if (rows.length === 1) return ExtractResult.parse(JSON.parse(rows[0].result_json));
    }
    const row = this.db.prepare('SELECT result_json FROM documents WHERE doc_id = ? AND is_current = 1 ORDER BY id DESC LIMIT 1')
      .get(r) as Json | undefined;
    return row ? ExtractResult.parse(JSON.parse(row.result_json)) : null;
  }

  async tasks(filter: RegisterFilter = {}): Promise<StoredTask[]> {
    // SQL narrows the documents by date and recurrence; taskMatches (shared with the register) decides
    const where = ['d.is_current = 1', 'd.is_plan = 1'];
    const params: Record<string, string> = {};
    if (filter.dueBefore) {
      where.push(`EXISTS (SELECT 1 FROM tasks t JOIN deadlines dl ON dl.task = t.id
        WHERE t.document = d.id AND dl.kind = 'due' AND dl.date <= @due)`);
      params.due = filter.dueBefore;
    }
    if (filter.recurring) {
      where.push(`EXISTS (SELECT 1 FROM tasks t JOIN deadlines dl ON dl.task = t.id WHERE t.document = d.id AND dl.kind = 'recurring')`);
    }
    const rows = this.db.prepare(`SELECT d.doc_id, d.sha256, d.title, d.result_json FROM documents d WHERE ${where.join(' AND ')} ORDER BY d.id`)
      .all(params) as Array<DocumentRow & Json>;
    const out: StoredTask[] = [];
    for (const row of rows) {
      const result = ExtractResult.parse(JSON.parse(row.result_json));
      if (!isTaskSource(result)) continue;
      for (const task of result.tasks) {
        if (taskMatches(task, filter)) out.push({ docId: row.doc_id, sha256: row.sha256, title: row.title, task });
      }
    }
    return out;
  }

  async search(query: string, limit = 50): Promise<SearchHit[]> {
    const fts = ftsQuery(query);
    const literal = substringParts(query);
    if (!fts || literal.length === 0) return [];
    const ids = (this.db.prepare(`SELECT t.id FROM task_fts JOIN tasks t ON t.id = task_fts.rowid
      JOIN documents d ON d.id = t.document WHERE task_fts MATCH ? AND d.is_current = 1
      ORDER BY bm25(task_fts), t.id LIMIT ?`).all(fts, limit) as { id: number }[]).map((r) => r.id);
    // jieba may have glued the typed word into a longer one (危房 inside 危房改造): a substring pass finds those
    const instr = literal.map(() => 'instr(t.text, ?) > 0').join(' AND ');
    const more = this.db.prepare(`SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document
      WHERE d.is_current = 1 AND ${instr} ORDER BY t.id LIMIT ?`).all(...literal, limit) as { id: number }[];
    for (const { id } of more) if (!ids.includes(id)) ids.push(id);
    const detail = this.db.prepare(`SELECT t.task_id, t.path_json, t.page, t.text, d.doc_id, d.sha256, d.title
      FROM tasks t JOIN documents d ON d.id = t.document WHERE t.id = ?`);
    const marks = highlightParts(query);
    return ids.slice(0, limit).map((id) => {
      const r = detail.get(id) as { task_id: string; path_json: string; page: number | null; text: string; doc_id: string; sha256: string; title: string };
      return {
        docId: r.doc_id, sha256: r.sha256, title: r.title, taskId: r.task_id, path: JSON.parse(r.path_json) as string[],
        ...(r.page !== null ? { page: r.page } : {}), text: r.text, snippet: snippet(r.text, marks),
      };
    });
  }

  async counts(): Promise<StoreCounts> {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return Object.fromEntries(COUNTED_TABLES.map((t) => [t, count(t)])) as unknown as StoreCounts;
  }

  async markSuperseded(taskIds: string[], options: { by?: string; superseded?: boolean } = {}): Promise<number> {
    const value = options.superseded ?? true;
    return this.db.transaction((): number => {
      const find = this.db.prepare(`SELECT t.id, t.document, t.seq FROM tasks t JOIN documents d ON d.id = t.document
        WHERE d.is_current = 1 AND t.task_id = ? AND t.superseded != ?`);
      const mark = this.db.prepare('UPDATE tasks SET superseded = ?, superseded_by = ? WHERE id = ?');
      const touched = new Map<number, number[]>();
      for (const taskId of new Set(taskIds)) {
        for (const t of find.all(taskId, value ? 1 : 0) as { id: number; document: number; seq: number }[]) {
          mark.run(value ? 1 : 0, value ? (options.by ?? null) : null, t.id);
          touched.set(t.document, [...(touched.get(t.document) ?? []), t.seq]);
        }
      }
      // the stored JSON is what `register DOC_ID` reads back: it must say the same as the column
      for (const [doc, seqs] of touched) {
        const row = this.db.prepare('SELECT result_json FROM documents WHERE id = ?').get(doc) as Json;
        const result = JSON.parse(row.result_json) as ExtractResult;
        for (const seq of seqs) {
          if (value) result.tasks[seq].superseded = true;
          else delete result.tasks[seq].superseded;
        }
        this.db.prepare('UPDATE documents SET result_json = ? WHERE id = ?').run(JSON.stringify(result), doc);
      }
      return [...touched.values()].reduce((n, s) => n + s.length, 0);
    }).immediate();
  }

  /** The raw handle, for integrity checks in tests and maintenance scripts. */
  get database(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
