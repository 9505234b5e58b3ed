// The SQLite backend of the task store (better-sqlite3). One file, WAL mode so readers never wait
// for a writer, one IMMEDIATE transaction per document so a crash loses at most the document being
// written, never a part of one. Files are known by their bytes, versions by their document
// (identity.ts), never by the path they were typed as.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ReadFailure } from '../messages.js';
import { ExtractResult } from '../model.js';
import { taskMatches, type RegisterFilter } from '../register/filter.js';
import { isTaskSource } from '../register/rows.js';
import { documentKey, extractionFingerprint } from './identity.js';
import { latestVersion, migrate } from './migrations.js';
import { boundQuery, indexWords } from './search.js';
import { searchTasks } from './sqlite-search.js';
import { guarded, sqliteCode, storeFailure } from './sqlite-errors.js';
import { prepareStatements, writeDocument, type Statements } from './sqlite-write.js';
import { SqliteTracking } from './sqlite-tracking.js';
import type { ChangeMeta, TextProposal, TrackingConflict, TrackingEvent, TrackingState, TrackingUpdate } from './tracking.js';
import type { OcrPage } from '../read/ocr.js';
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
  doc_key: string;
}

interface Json {
  result_json: string;
}

const COUNTED_TABLES = ['documents', 'tasks', 'units', 'quantities', 'deadlines', 'warnings'] as const;
/** Everything but result_json, which is read only when a whole document is wanted. */
const LISTED_COLUMNS = 'id, sha256, doc_id, source_path, title, doc_type, is_plan, date, issuer, task_count, version, is_current, ingested_at, doc_key';
const SHA_REF = /^[0-9a-f]{8,64}$/iu;
/** "-" and the 8 hex characters that end a document id (extract/index.ts documentId) */
const ID_HASH_TAIL = 9;

function toStoredDocument(r: DocumentRow): StoredDocument {
  return {
    sha256: r.sha256, docId: r.doc_id, path: r.source_path, title: r.title, docType: r.doc_type, isPlan: r.is_plan === 1,
    date: r.date, issuer: r.issuer, tasks: r.task_count, version: r.version, current: r.is_current === 1, ingestedAt: r.ingested_at,
  };
}

/**
 * How long a process waits for another one's write (a batch ingest, the first migration of a new
 * file) before saying E_STORE_BUSY: on a busy two-core machine eight processes opening one new store
 * at once took more than 5 s to get through the WAL switch and migrations.
 */
const BUSY_WAIT_MS = 30_000;

/**
 * The switch to WAL needs the file to itself, and SQLite answers SQLITE_BUSY at once, without its
 * busy handler, when another process holds the file in the same moment (eight processes opening
 * one new store together met it in about one round of six). So the switch is tried again after a
 * short pause until the same wait as for a write has passed.
 */
function switchToWal(db: Database.Database): void {
  const until = Date.now() + BUSY_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (!sqliteCode(e).startsWith('SQLITE_BUSY') || Date.now() + pause > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

export class SqliteTaskStore implements TaskStore {
  private st: Statements;
  private readonly track = new SqliteTracking(() => this.db);

  private constructor(
    readonly path: string,
    private db: Database.Database,
    /** removes the private copy a read-only store was read from */
    private readonly cleanup?: () => void,
  ) {
    this.st = prepareStatements(db);
  }

  /** Opens (creating the file and its folder if needed) and brings the schema up to date. */
  static open(path: string): SqliteTaskStore {
    return SqliteTaskStore.connect(path, path);
  }

  private static connect(file: string, shown: string, cleanup?: () => void): SqliteTaskStore {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new Database(file);
      // before anything else: the switch to WAL and the migrations of a new file wait for other processes
      db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
      switchToWal(db);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new SqliteTaskStore(shown, db, cleanup);
    } catch (e) {
      db?.close();
      throw storeFailure(e, shown) ?? new ReadFailure('E_STORE_OPEN', `${shown}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }

  /**
   * For commands that only read (search, documents, register DOC_ID): a file or folder this user
   * may not write is still read. SQLite cannot read a WAL file whose folder it may not write (it
   * needs the -shm index beside it), so such a store, or one whose schema is older and cannot be
   * brought forward in place, is read from a private copy, removed on close.
   */
  static openReadOnly(path: string): SqliteTaskStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === latestVersion()) return new SqliteTaskStore(path, db);
      db.close();
      db = undefined;
      if (version > latestVersion()) throw new ReadFailure('E_STORE_TOO_NEW', `库版本 ${version}`);
      return SqliteTaskStore.open(path);
    } catch (e) {
      db?.close();
      const failure = storeFailure(e, path);
      if (failure?.code === 'E_STORE_READONLY' || sqliteCode(e).startsWith('SQLITE_CANTOPEN')) return SqliteTaskStore.openCopy(path);
      throw failure ?? new ReadFailure('E_STORE_OPEN', `${path}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }

  private static openCopy(path: string): SqliteTaskStore {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-read-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      const copy = join(dir, basename(path));
      copyFileSync(path, copy);
      // the -wal holds what the last writer committed and has not yet moved into the main file
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
      return SqliteTaskStore.connect(copy, path, remove);
    } catch (e) {
      remove();
      if (e instanceof ReadFailure) throw e;
      throw new ReadFailure('E_STORE_OPEN', `${path}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }

  /**
   * A store opened for reading that is asked to write (conflicts --mark-superseded) opens the file
   * for writing then; a private copy is never written, its changes would be lost.
   */
  private writable(): void {
    if (this.cleanup) throw new ReadFailure('E_STORE_READONLY', this.path);
    if (!this.db.readonly) return;
    const rw = SqliteTaskStore.open(this.path);
    this.db.close();
    this.db = rw.db;
    this.st = rw.st;
  }

  private row(sha256: string): DocumentRow | undefined {
    return this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents WHERE sha256 = ?`).get(sha256) as DocumentRow | undefined;
  }

  // OCR cache (issue 13): one row a page read, replaced when the same page is read again
  async getOcrPage(sha256: string, page: number, dpi: number): Promise<OcrPage | undefined> {
    const row = guarded(this.path, () => this.db.prepare('SELECT page_json FROM ocr_pages WHERE sha256 = ? AND page = ? AND dpi = ?').get(sha256, page, dpi)) as { page_json: string } | undefined;
    return row ? (JSON.parse(row.page_json) as OcrPage) : undefined;
  }

  async putOcrPage(sha256: string, dpi: number, page: OcrPage): Promise<void> {
    // a store opened for reading only does not take the cache: OCR is done again next time
    if (this.db.readonly || this.cleanup) return;
    const text = page.lines.map((l) => l.words.map((w) => w.text).join('')).join('\n');
    guarded(this.path, () =>
      this.db.prepare('INSERT OR REPLACE INTO ocr_pages (sha256, page, dpi, text, page_json, confidence) VALUES (?, ?, ?, ?, ?, ?)').run(sha256, page.page, dpi, text, JSON.stringify(page), page.confidence),
    );
  }

  async has(sha256: string): Promise<boolean> {
    return guarded(this.path, () => this.row(sha256) !== undefined);
  }

  async ingest(result: ExtractResult, fileBytesSha?: string): Promise<IngestReport> {
    this.writable();
    return guarded(this.path, () => this.ingestNow(result, fileBytesSha ?? result.document.source.sha256));
  }

  private ingestNow(result: ExtractResult, sha256: string): IngestReport {
    const report = (r: DocumentRow, status: IngestReport['status'], currentVersion?: number): IngestReport =>
      ({ status, sha256, docId: r.doc_id, version: r.version, tasks: r.task_count, ...(currentVersion ? { currentVersion } : {}) });
    const print = extractionFingerprint(result);
    // the path as the ingesting process sees it: ./x/a.txt and x/../x/a.txt are one place
    const seenAt = resolve(result.document.source.path);
    const known = this.row(sha256);
    if (known && known.is_current === 1 && this.storedFingerprint(known.id) === print && this.wasSeen(sha256, seenAt)) return report(known, 'unchanged');
    const words = result.tasks.map((t) => indexWords(t.text));
    const docKey = documentKey(result, sha256);
    return this.db.transaction((): IngestReport => {
      this.db.prepare('INSERT OR IGNORE INTO seen_paths (sha256, path) VALUES (?, ?)').run(sha256, seenAt);
      // checked again under the write lock: another process may have stored the same bytes meanwhile
      const raced = this.row(sha256);
      if (raced) {
        const same = this.storedFingerprint(raced.id) === print;
        if (same && raced.is_current === 1) return report(raced, 'unchanged');
        const row = same ? raced : this.replaceExtraction(raced, result, words, docKey);
        if (raced.is_current === 1) return report(row, 're-extracted');
        const current = this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents WHERE doc_key = ? AND is_current = 1`).get(row.doc_key) as DocumentRow | undefined;
        if (current && !this.wasSeen(current.sha256, seenAt)) return report(row, 'old-version', current.version);
        // the file where the current version was read now holds an older version's bytes: put back, so current again
        this.db.prepare('UPDATE documents SET is_current = 0 WHERE doc_key = ? AND is_current = 1').run(row.doc_key);
        this.db.prepare('UPDATE documents SET is_current = 1 WHERE id = ?').run(row.id);
        return report(row, 'reverted');
      }
      const prev = this.db.prepare('SELECT max(version) AS v FROM documents WHERE doc_key = ?').get(docKey) as { v: number | null };
      this.db.prepare('UPDATE documents SET is_current = 0 WHERE doc_key = ? AND is_current = 1').run(docKey);
      const version = (prev.v ?? 0) + 1;
      writeDocument(this.st, result, { sha256, docKey, version, ingestedAt: new Date().toISOString() }, words);
      return { status: version > 1 ? 'new-version' : 'added', sha256, docId: result.document.id, version, tasks: result.tasks.length };
    }).immediate();
  }

  private wasSeen(sha256: string, path: string): boolean {
    return this.db.prepare('SELECT 1 FROM seen_paths WHERE sha256 = ? AND path = ?').get(sha256, path) !== undefined;
  }

  private storedFingerprint(id: number): string | undefined {
    const json = (this.db.prepare('SELECT result_json FROM documents WHERE id = ?').get(id) as Json | undefined)?.result_json;
    return json === undefined ? undefined : extractionFingerprint(JSON.parse(json) as ExtractResult);
  }

  /**
   * The same bytes read by a newer taizhang give another extraction: it replaces the stored one in
   * place (same version, same current flag), so an upgrade is not mistaken for a new file version.
   * An id the file had before stays an alias, so what a user typed still finds it.
   */
  private replaceExtraction(known: DocumentRow, result: ExtractResult, words: string[], docKey: string): DocumentRow {
    this.db.prepare('DELETE FROM task_fts WHERE rowid IN (SELECT id FROM tasks WHERE document = ?)').run(known.id);
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(known.id);
    const info = { sha256: known.sha256, docKey, version: known.version, ingestedAt: new Date().toISOString() };
    const id = writeDocument(this.st, result, info, words);
    this.db.prepare('UPDATE documents SET is_current = ? WHERE id = ?').run(known.is_current, id);
    if (known.doc_id !== result.document.id) this.db.prepare('INSERT OR IGNORE INTO doc_aliases (alias, sha256) VALUES (?, ?)').run(known.doc_id, known.sha256);
    return this.row(known.sha256)!;
  }

  async document(sha256: string): Promise<StoredDocument | null> {
    const row = guarded(this.path, () => this.row(sha256));
    return row ? toStoredDocument(row) : null;
  }

  async documents(): Promise<StoredDocument[]> {
    return guarded(this.path, () => this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM documents ORDER BY id`).all() as DocumentRow[]).map(toStoredDocument);
  }

  async result(ref: string): Promise<ExtractResult | null> {
    return guarded(this.path, () => {
      const json = this.resolve(ref.trim());
      return json === undefined ? null : ExtractResult.parse(JSON.parse(json));
    });
  }

  /** sha256 prefix, then the id (current version first), then an earlier id, then the id without its hash. */
  private resolve(r: string): string | undefined {
    if (SHA_REF.test(r)) {
      const rows = this.db.prepare('SELECT result_json FROM documents WHERE sha256 LIKE ? LIMIT 2').all(`${r.toLowerCase()}%`) as Json[];
      if (rows.length === 1) return rows[0].result_json;
    }
    const byId = this.db.prepare('SELECT result_json FROM documents WHERE doc_id = ? ORDER BY is_current DESC, id DESC LIMIT 1').get(r) as Json | undefined;
    if (byId) return byId.result_json;
    const byAlias = this.db.prepare(`SELECT d.result_json FROM doc_aliases a JOIN documents d ON d.sha256 = a.sha256
      WHERE a.alias = ? ORDER BY d.is_current DESC, d.id DESC LIMIT 1`).get(r) as Json | undefined;
    if (byAlias) return byAlias.result_json;
    // the readable part alone names a document only when one current document has it
    const bySlug = this.db.prepare(`SELECT result_json FROM documents WHERE is_current = 1
      AND length(doc_id) = ? AND substr(doc_id, 1, ?) = ? LIMIT 2`).all(r.length + ID_HASH_TAIL, r.length + 1, `${r}-`) as Json[];
    return bySlug.length === 1 ? bySlug[0].result_json : undefined;
  }

  async tasks(filter: RegisterFilter = {}): Promise<StoredTask[]> {
    return guarded(this.path, () => this.tasksNow(filter));
  }

  private tasksNow(filter: RegisterFilter): StoredTask[] {
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
    return guarded(this.path, () => searchTasks(this.db, boundQuery(query).query, limit));
  }

  async counts(): Promise<StoreCounts> {
    const count = (table: string) => guarded(this.path, () => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    return Object.fromEntries(COUNTED_TABLES.map((t) => [t, count(t)])) as unknown as StoreCounts;
  }

  async markSuperseded(taskIds: string[], options: { by?: string; superseded?: boolean } = {}): Promise<number> {
    const value = options.superseded ?? true;
    this.writable();
    return guarded(this.path, () => this.db.transaction((): number => {
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
    }).immediate());
  }

  // ---- tracking (sqlite-tracking.ts) ----
  async tracking(keys: string[]): Promise<Map<string, TrackingState>> {
    return guarded(this.path, () => this.track.tracking(keys));
  }

  async updateTracking(key: string, update: TrackingUpdate, meta: ChangeMeta): Promise<TrackingEvent[]> {
    this.writable();
    return guarded(this.path, () => this.track.updateTracking(key, update, meta));
  }

  async history(key: string): Promise<TrackingEvent[]> {
    return guarded(this.path, () => this.track.history(key));
  }

  async changesSince(at: string): Promise<TrackingEvent[]> {
    return guarded(this.path, () => this.track.changesSince(at));
  }

  async recordConflict(c: Omit<TrackingConflict, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<boolean> {
    this.writable();
    return guarded(this.path, () => this.track.recordConflict(c));
  }

  async conflicts(options: { all?: boolean } = {}): Promise<TrackingConflict[]> {
    return guarded(this.path, () => this.track.conflicts(options.all));
  }

  async resolveConflict(id: number, take: 'kept' | 'offered', meta: ChangeMeta): Promise<TrackingEvent[]> {
    this.writable();
    const events = guarded(this.path, () => this.track.resolveConflict(id, take, meta));
    if (events === null) throw new ReadFailure('E_TRACK_NO_CONFLICT', `#${id}`);
    return events;
  }

  async proposeText(p: TextProposal): Promise<boolean> {
    this.writable();
    return guarded(this.path, () => this.track.proposeText(p));
  }

  async proposals(): Promise<TextProposal[]> {
    return guarded(this.path, () => this.track.proposals());
  }

  async carryTracking(moves: Array<{ from: string; to: string }>): Promise<number> {
    this.writable();
    return guarded(this.path, () => this.track.carryTracking(moves));
  }

  async lastReport(): Promise<string | null> {
    return guarded(this.path, () => this.track.lastReport());
  }

  async recordReport(at: string, by: string): Promise<void> {
    this.writable();
    guarded(this.path, () => this.track.recordReport(at, by));
  }

  /** The raw handle, for integrity checks in tests and maintenance scripts. */
  get database(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.cleanup?.();
  }
}
