// The PostgreSQL backend of the task store (pg): one database shared by an office or a province,
// the same calls and the same answers as the SQLite file (sqlite.ts). One transaction per document;
// concurrent writers (several workers, several machines) are kept apart by advisory locks on the
// file's bytes and on its document, and sha256 is UNIQUE, so nothing is stored twice.
import { resolve } from 'node:path';
import type pg from 'pg';
import { ReadFailure } from '../messages.js';
import { ExtractResult } from '../model.js';
import { taskMatches, type RegisterFilter } from '../register/filter.js';
import { isTaskSource } from '../register/rows.js';
import { documentKey, extractionFingerprint } from './identity.js';
import { backfillPhraseShingles, phrasePairsPg, type PhrasePairRef } from './postgres-candidates.js';
import { latestPgVersion, migratePg } from './postgres-migrations.js';
import { searchTasksPg } from './postgres-search.js';
import { PostgresTracking } from './postgres-tracking.js';
import { writeDocumentPg } from './postgres-write.js';
import { boundQuery, indexWords } from './search.js';
import type { IngestReport, SearchHit, StoreCounts, StoredDocument, StoredTask, TaskStore } from './store.js';
import type { CandidateOptions } from '../compare/candidates.js';
import type { ChangeMeta, TextProposal, TrackingConflict, TrackingEvent, TrackingState, TrackingUpdate } from './tracking.js';

interface DocumentRow {
  id: string;
  sha256: string;
  doc_id: string;
  source_path: string;
  title: string;
  doc_type: string;
  is_plan: boolean;
  date: string;
  issuer: string;
  task_count: number;
  version: number;
  is_current: boolean;
  ingested_at: string;
  doc_key: string;
}

const COUNTED_TABLES = ['documents', 'tasks', 'units', 'quantities', 'deadlines', 'warnings'] as const;
const LISTED_COLUMNS = 'id, sha256, doc_id, source_path, title, doc_type, is_plan, date, issuer, task_count, version, is_current, ingested_at, doc_key';
const SHA_REF = /^[0-9a-f]{8,64}$/iu;
const ID_HASH_TAIL = 9;

export function isPostgresUrl(ref: string | undefined): boolean {
  return /^postgres(ql)?:\/\//iu.test(ref?.trim() ?? '');
}

/** The URL as it may be shown: never the password. */
export function shownUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/iu, '$1:***@');
}

/** PostgreSQL's errors as the store's Chinese failures; anything else is left to the caller. */
export function pgFailure(e: unknown, shown: string): ReadFailure | null {
  if (e instanceof ReadFailure) return e;
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '28P01', '28000', '3D000', '57P03'].includes(code)) {
    return new ReadFailure('E_PG_CONNECT', `${shown}：${e instanceof Error ? e.message.split('\n')[0] : code}`);
  }
  if (code === '53100') return new ReadFailure('E_STORE_FULL', shown);
  if (code === '25006' || code === '42501') return new ReadFailure('E_STORE_READONLY', shown);
  if (code === '40P01' || code === '55P03' || code === '57014') return new ReadFailure('E_STORE_BUSY', shown);
  return null;
}

function toStoredDocument(r: DocumentRow): StoredDocument {
  return {
    sha256: r.sha256, docId: r.doc_id, path: r.source_path, title: r.title, docType: r.doc_type, isPlan: r.is_plan,
    date: r.date, issuer: r.issuer, tasks: r.task_count, version: r.version, current: r.is_current, ingestedAt: r.ingested_at,
  };
}

type Queryable = pg.Pool | pg.PoolClient;

/** What the store needs of an OCR page (read/ocr.ts OcrPage on the OCR branch): kept whole as JSON. */
export interface OcrPageLike {
  page: number;
  confidence: number;
  lines: Array<{ words: Array<{ text: string }> }>;
}

export class PostgresTaskStore implements TaskStore {
  private readonly ready: Promise<void>;
  readonly shown: string;

  /**
   * Opening is synchronous, like SQLite's, so every command opens either store the same way; the
   * connection and the migrations are made on the first call, and their failure is that call's.
   */
  constructor(readonly url: string, private readonly options: { max?: number } = {}) {
    this.shown = shownUrl(url);
    this.ready = this.connect();
    this.ready.catch(() => undefined);
  }

  private poolOrNull: pg.Pool | null = null;
  private readonly track = new PostgresTracking(() => this.pool, (run) => this.transaction(run));

  /** The connection pool; there once the first call has waited for `ready`. */
  get pool(): pg.Pool {
    if (!this.poolOrNull) throw new Error('PostgresTaskStore used before it was ready');
    return this.poolOrNull;
  }

  private async connect(): Promise<void> {
    const { default: pgModule } = await import('pg');
    this.poolOrNull = new pgModule.Pool({ connectionString: this.url, max: this.options.max ?? 4, connectionTimeoutMillis: 10_000 });
    // an idle client the server drops (restart, failover) must not end the process
    this.poolOrNull.on('error', () => undefined);
    const client = await this.pool.connect();
    try {
      const latest = latestPgVersion();
      const has = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS made");
      if (has.rows[0].made) {
        const v = Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0].v);
        if (v > latest) throw new ReadFailure('E_STORE_TOO_NEW', `库版本 ${v}`);
      }
      await migratePg(client);
    } finally {
      client.release();
    }
  }

  /** Waits for the connection and migrations, runs one call; PostgreSQL's failures become the store's. */
  private async guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      await this.ready;
      return await run();
    } catch (e) {
      throw pgFailure(e, this.shown) ?? e;
    }
  }

  /** One transaction on one client: committed when `run` returns, rolled back when it throws. */
  private async transaction<T>(run: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await run(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async row(db: Queryable, sha256: string): Promise<DocumentRow | undefined> {
    return (await db.query(`SELECT ${LISTED_COLUMNS} FROM documents WHERE sha256 = $1`, [sha256])).rows[0] as DocumentRow | undefined;
  }

  async has(sha256: string): Promise<boolean> {
    return this.guarded(async () => (await this.row(this.pool, sha256)) !== undefined);
  }

  async ingest(result: ExtractResult, fileBytesSha?: string): Promise<IngestReport> {
    return this.guarded(() => this.ingestNow(result, fileBytesSha ?? result.document.source.sha256));
  }

  private async ingestNow(result: ExtractResult, sha256: string): Promise<IngestReport> {
    const report = (r: DocumentRow, status: IngestReport['status'], currentVersion?: number): IngestReport =>
      ({ status, sha256, docId: r.doc_id, version: r.version, tasks: r.task_count, ...(currentVersion ? { currentVersion } : {}) });
    const print = extractionFingerprint(result);
    const seenAt = resolve(result.document.source.path);
    const known = await this.row(this.pool, sha256);
    if (known && known.is_current && (await this.storedFingerprint(this.pool, known.id)) === print && (await this.wasSeen(this.pool, sha256, seenAt))) {
      return report(known, 'unchanged');
    }
    const words = result.tasks.map((t) => indexWords(t.text));
    const docKey = documentKey(result, sha256);
    return this.transaction(async (c): Promise<IngestReport> => {
      // the bytes first, then the document, always in this order: two writers never wait on each other in a circle
      await c.query("SELECT pg_advisory_xact_lock(hashtext('taizhang-sha:' || $1))", [sha256]);
      await c.query("SELECT pg_advisory_xact_lock(hashtext('taizhang-doc:' || $1))", [docKey]);
      await c.query('INSERT INTO seen_paths (sha256, path) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, seenAt]);
      const raced = await this.row(c, sha256);
      if (raced) {
        const same = (await this.storedFingerprint(c, raced.id)) === print;
        if (same && raced.is_current) return report(raced, 'unchanged');
        const row = same ? raced : await this.replaceExtraction(c, raced, result, words, docKey);
        if (raced.is_current) return report(row, 're-extracted');
        const current = (await c.query(`SELECT ${LISTED_COLUMNS} FROM documents WHERE doc_key = $1 AND is_current`, [row.doc_key])).rows[0] as DocumentRow | undefined;
        if (current && !(await this.wasSeen(c, current.sha256, seenAt))) return report(row, 'old-version', current.version);
        await c.query('UPDATE documents SET is_current = false WHERE doc_key = $1 AND is_current', [row.doc_key]);
        await c.query('UPDATE documents SET is_current = true WHERE id = $1', [row.id]);
        return report(row, 'reverted');
      }
      const prev = Number((await c.query('SELECT coalesce(max(version), 0) AS v FROM documents WHERE doc_key = $1', [docKey])).rows[0].v);
      await c.query('UPDATE documents SET is_current = false WHERE doc_key = $1 AND is_current', [docKey]);
      const version = prev + 1;
      await writeDocumentPg(c, result, { sha256, docKey, version, ingestedAt: new Date().toISOString() }, words);
      return { status: version > 1 ? 'new-version' : 'added', sha256, docId: result.document.id, version, tasks: result.tasks.length };
    });
  }

  private async wasSeen(db: Queryable, sha256: string, path: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM seen_paths WHERE sha256 = $1 AND path = $2', [sha256, path])).rowCount! > 0;
  }

  private async storedFingerprint(db: Queryable, id: string): Promise<string | undefined> {
    const json = (await db.query('SELECT result_json FROM documents WHERE id = $1', [id])).rows[0]?.result_json as string | undefined;
    return json === undefined ? undefined : extractionFingerprint(JSON.parse(json) as ExtractResult);
  }

  /** A newer taizhang's extraction of the same bytes replaces the stored one in place (sqlite.ts says why). */
  private async replaceExtraction(c: pg.PoolClient, known: DocumentRow, result: ExtractResult, words: string[], docKey: string): Promise<DocumentRow> {
    await c.query('DELETE FROM documents WHERE id = $1', [known.id]);
    const info = { sha256: known.sha256, docKey, version: known.version, ingestedAt: new Date().toISOString() };
    const id = await writeDocumentPg(c, result, info, words);
    await c.query('UPDATE documents SET is_current = $1 WHERE id = $2', [known.is_current, id]);
    if (known.doc_id !== result.document.id) {
      await c.query('INSERT INTO doc_aliases (alias, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING', [known.doc_id, known.sha256]);
    }
    return (await this.row(c, known.sha256))!;
  }

  async document(sha256: string): Promise<StoredDocument | null> {
    const row = await this.guarded(() => this.row(this.pool, sha256));
    return row ? toStoredDocument(row) : null;
  }

  async documents(): Promise<StoredDocument[]> {
    return this.guarded(async () => ((await this.pool.query(`SELECT ${LISTED_COLUMNS} FROM documents ORDER BY id`)).rows as DocumentRow[]).map(toStoredDocument));
  }

  async result(ref: string): Promise<ExtractResult | null> {
    return this.guarded(async () => {
      const json = await this.resolve(ref.trim());
      return json === undefined ? null : ExtractResult.parse(JSON.parse(json));
    });
  }

  /** sha256 prefix, then the id (current version first), then an earlier id, then the id without its hash. */
  private async resolve(r: string): Promise<string | undefined> {
    const q = async (sql: string, params: unknown[]) => (await this.pool.query(sql, params)).rows as { result_json: string }[];
    if (SHA_REF.test(r)) {
      const rows = await q("SELECT result_json FROM documents WHERE sha256 LIKE $1 || '%' LIMIT 2", [r.toLowerCase()]);
      if (rows.length === 1) return rows[0].result_json;
    }
    const byId = await q('SELECT result_json FROM documents WHERE doc_id = $1 ORDER BY is_current DESC, id DESC LIMIT 1', [r]);
    if (byId.length > 0) return byId[0].result_json;
    const byAlias = await q(`SELECT d.result_json FROM doc_aliases a JOIN documents d ON d.sha256 = a.sha256
      WHERE a.alias = $1 ORDER BY d.is_current DESC, d.id DESC LIMIT 1`, [r]);
    if (byAlias.length > 0) return byAlias[0].result_json;
    const bySlug = await q(`SELECT result_json FROM documents WHERE is_current
      AND length(doc_id) = $1 AND left(doc_id, $2) = $3 LIMIT 2`, [r.length + ID_HASH_TAIL, r.length + 1, `${r}-`]);
    return bySlug.length === 1 ? bySlug[0].result_json : undefined;
  }

  async tasks(filter: RegisterFilter = {}): Promise<StoredTask[]> {
    return this.guarded(async () => {
      const where = ['d.is_current', 'd.is_plan'];
      const params: string[] = [];
      if (filter.dueBefore) {
        params.push(filter.dueBefore);
        where.push(`EXISTS (SELECT 1 FROM tasks t JOIN deadlines dl ON dl.task = t.id
          WHERE t.document = d.id AND dl.kind = 'due' AND dl.date <= $${params.length})`);
      }
      if (filter.recurring) {
        where.push(`EXISTS (SELECT 1 FROM tasks t JOIN deadlines dl ON dl.task = t.id WHERE t.document = d.id AND dl.kind = 'recurring')`);
      }
      const rows = (await this.pool.query(`SELECT d.doc_id, d.sha256, d.title, d.result_json FROM documents d
        WHERE ${where.join(' AND ')} ORDER BY d.id`, params)).rows as Array<DocumentRow & { result_json: string }>;
      const out: StoredTask[] = [];
      for (const row of rows) {
        const result = ExtractResult.parse(JSON.parse(row.result_json));
        if (!isTaskSource(result)) continue;
        for (const task of result.tasks) if (taskMatches(task, filter)) out.push({ docId: row.doc_id, sha256: row.sha256, title: row.title, task });
      }
      return out;
    });
  }

  async search(query: string, limit = 50): Promise<SearchHit[]> {
    return this.guarded(() => searchTasksPg(this.pool, boundQuery(query).query, limit));
  }

  async counts(): Promise<StoreCounts> {
    return this.guarded(async () => {
      const sql = COUNTED_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ');
      return (await this.pool.query(`SELECT ${sql}`)).rows[0] as StoreCounts;
    });
  }

  async markSuperseded(taskIds: string[], options: { by?: string; superseded?: boolean } = {}): Promise<number> {
    const value = options.superseded ?? true;
    return this.guarded(() => this.transaction(async (c) => {
      const touched = new Map<string, number[]>();
      for (const taskId of new Set(taskIds)) {
        const found = (await c.query(`UPDATE tasks t SET superseded = $1, superseded_by = $2 FROM documents d
          WHERE d.id = t.document AND d.is_current AND t.task_id = $3 AND t.superseded != $1 RETURNING t.document, t.seq`,
          [value, value ? (options.by ?? null) : null, taskId])).rows as { document: string; seq: number }[];
        for (const t of found) touched.set(t.document, [...(touched.get(t.document) ?? []), t.seq]);
      }
      // the stored JSON is what `register DOC_ID` reads back: it must say the same as the column
      for (const [doc, seqs] of touched) {
        const json = (await c.query('SELECT result_json FROM documents WHERE id = $1 FOR UPDATE', [doc])).rows[0].result_json as string;
        const result = JSON.parse(json) as ExtractResult;
        for (const seq of seqs) {
          if (value) result.tasks[seq].superseded = true;
          else delete result.tasks[seq].superseded;
        }
        await c.query('UPDATE documents SET result_json = $1 WHERE id = $2', [JSON.stringify(result), doc]);
      }
      return [...touched.values()].reduce((n, s) => n + s.length, 0);
    }));
  }

  /**
   * Candidate phrase pairs of `conflicts` from the index inside the database (postgres-candidates.ts):
   * among all current documents, or of one stored document (by sha256) against all the others.
   * Documents stored before the index existed are indexed first.
   */
  async phrasePairs(options: CandidateOptions & { sha256?: string } = {}): Promise<PhrasePairRef[]> {
    return this.guarded(async () => {
      await backfillPhraseShingles(this.pool);
      let document: number | undefined;
      if (options.sha256) {
        const row = await this.row(this.pool, options.sha256);
        if (!row) return [];
        document = Number(row.id);
      }
      return phrasePairsPg(this.pool, { ...options, document });
    });
  }

  // ---- OCR cache (issue 13): one row a page read, replaced when the same page is read again ----
  async getOcrPage<P = OcrPageLike>(sha256: string, page: number, dpi: number): Promise<P | undefined> {
    return this.guarded(async () => {
      const [row] = (await this.pool.query('SELECT page_json FROM ocr_pages WHERE sha256 = $1 AND page = $2 AND dpi = $3', [sha256, page, dpi])).rows as { page_json: string }[];
      return row ? (JSON.parse(row.page_json) as P) : undefined;
    });
  }

  async putOcrPage(sha256: string, dpi: number, page: OcrPageLike): Promise<void> {
    const text = page.lines.map((l) => l.words.map((w) => w.text).join('')).join('\n').replaceAll('\u0000', '');
    await this.guarded(() => this.pool.query(`INSERT INTO ocr_pages (sha256, page, dpi, text, page_json, confidence) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (sha256, page, dpi) DO UPDATE SET text = $4, page_json = $5, confidence = $6`, [sha256, page.page, dpi, text, JSON.stringify(page), page.confidence]));
  }

  // ---- tracking (postgres-tracking.ts) ----
  async tracking(keys: string[]): Promise<Map<string, TrackingState>> {
    return this.guarded(() => this.track.tracking(keys));
  }

  async updateTracking(key: string, update: TrackingUpdate, meta: ChangeMeta): Promise<TrackingEvent[]> {
    return this.guarded(() => this.track.updateTracking(key, update, meta));
  }

  async history(key: string): Promise<TrackingEvent[]> {
    return this.guarded(() => this.track.history(key));
  }

  async changesSince(at: string): Promise<TrackingEvent[]> {
    return this.guarded(() => this.track.changesSince(at));
  }

  async recordConflict(c: Omit<TrackingConflict, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<boolean> {
    return this.guarded(() => this.track.recordConflict(c));
  }

  async conflicts(options: { all?: boolean } = {}): Promise<TrackingConflict[]> {
    return this.guarded(() => this.track.conflicts(options.all));
  }

  async resolveConflict(id: number, take: 'kept' | 'offered', meta: ChangeMeta): Promise<TrackingEvent[]> {
    const events = await this.guarded(() => this.track.resolveConflict(id, take, meta));
    if (events === null) throw new ReadFailure('E_TRACK_NO_CONFLICT', `#${id}`);
    return events;
  }

  async proposeText(p: TextProposal): Promise<boolean> {
    return this.guarded(() => this.track.proposeText(p));
  }

  async proposals(): Promise<TextProposal[]> {
    return this.guarded(() => this.track.proposals());
  }

  async carryTracking(moves: Array<{ from: string; to: string }>): Promise<number> {
    return this.guarded(() => this.track.carryTracking(moves));
  }

  async lastReport(): Promise<string | null> {
    return this.guarded(() => this.track.lastReport());
  }

  async recordReport(at: string, by: string): Promise<void> {
    return this.guarded(() => this.track.recordReport(at, by));
  }

  /** For integrity checks in tests and scripts: waits for the migrations, then runs the query. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.poolOrNull?.end();
    this.poolOrNull = null;
  }
}
