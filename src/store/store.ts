// The store behind `ingest`, `search` and `register DOC_ID`: a small asynchronous interface so that
// offices sharing one database can get a PostgreSQL backend with the same calls. SQLite is the
// first backend (sqlite.ts).
import { resolve } from 'node:path';
import type { ExtractResult, Task } from '../model.js';
import type { RegisterFilter } from '../register/filter.js';
import type { TrackingInbox, TrackingStore } from './tracking.js';
import type { OcrPage } from '../read/ocr.js';
import type { OcrCache } from '../read/ocr-pages.js';

/**
 * What an ingest did: nothing (same bytes, same extraction), a new document, a newer version of a
 * document (same 文号, or same issuer and title: identity.ts), a fresh extraction of bytes seen
 * before; or bytes of an older version seen again: at the path where the current version was seen,
 * the file was put back, and that older version is current again ('reverted'); elsewhere it is an
 * old copy lying about, and the current version stays ('old-version').
 */
export type IngestStatus = 'added' | 'unchanged' | 'new-version' | 're-extracted' | 'reverted' | 'old-version';

export interface IngestReport {
  status: IngestStatus;
  sha256: string;
  docId: string;
  /** 1 for the first file seen of a document, then 2, 3… */
  version: number;
  tasks: number;
  /** for 'old-version': the version that stays current */
  currentVersion?: number;
}

export interface StoredDocument {
  sha256: string;
  docId: string;
  path: string;
  title: string;
  docType: string;
  isPlan: boolean;
  date: string;
  issuer: string;
  tasks: number;
  version: number;
  /** the version of its document that search, registers and conflicts use */
  current: boolean;
  ingestedAt: string;
}

export interface StoredTask {
  docId: string;
  sha256: string;
  title: string;
  task: Task;
}

export interface SearchHit {
  docId: string;
  sha256: string;
  title: string;
  taskId: string;
  path: string[];
  page?: number;
  text: string;
  /** the words around the first match, the match in 【】 */
  snippet: string;
  /** which fields the typed words were found in; for units and people, the names that matched */
  matched: SearchMatch[];
}

export type SearchField = 'text' | 'units' | 'people';

export interface SearchMatch {
  field: SearchField;
  /** the unit or person names that hold a typed word (empty for the task text) */
  names: string[];
}

export interface StoreCounts {
  documents: number;
  tasks: number;
  units: number;
  quantities: number;
  deadlines: number;
  warnings: number;
}

/** The tasks and, behind the same calls, what staff record on them (tracking.ts). */
export interface TaskStore extends TrackingStore, TrackingInbox {
  /** Stores one document in one transaction; the same bytes again are a no-op. */
  ingest(result: ExtractResult, fileBytesSha?: string): Promise<IngestReport>;
  /** Has a file with these bytes been stored? (lets a caller skip extraction) */
  has(sha256: string): Promise<boolean>;
  /** The stored file with these bytes, if any. */
  document(sha256: string): Promise<StoredDocument | null>;
  /** Every stored document, all versions, oldest first. */
  documents(): Promise<StoredDocument[]>;
  /**
   * A stored document read back whole: by sha256 (or a unique prefix of 8+), by document id, by an
   * id it had before a re-extraction, or by the id's readable part alone (its document's current version).
   */
  result(ref: string): Promise<ExtractResult | null>;
  /** Tasks of the current versions of plans, filtered as a register filters them. */
  tasks(filter?: RegisterFilter): Promise<StoredTask[]>;
  /** Task text, units and people of current documents; the query is bounded (search.ts SEARCH_LIMITS). */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<StoreCounts>;
  /** Marks (or unmarks) tasks of current documents as superseded; returns how many tasks changed. */
  markSuperseded(taskIds: string[], options?: { by?: string; superseded?: boolean }): Promise<number>;
  close(): Promise<void>;
  // OCR cache (issue 13, migration 3): a scanned page's reading by the file's sha256, page and the
  // dpi asked for. Optional so that a backend without it still stores documents (it OCRs again).
  getOcrPage?(sha256: string, page: number, dpi: number): Promise<OcrPage | undefined>;
  putOcrPage?(sha256: string, dpi: number, page: OcrPage): Promise<void>;
}

export const DEFAULT_DB_PATH = '.taizhang/taizhang.sqlite';
export const DB_ENV = 'TAIZHANG_DB';

/** --db wins, then $TAIZHANG_DB, then .taizhang/taizhang.sqlite under the working directory. */
export function resolveDbPath(option?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = option?.trim() || env[DB_ENV]?.trim() || DEFAULT_DB_PATH;
  return resolve(cwd, chosen);
}

/** The store as the OCR page cache of a scan's reading (issue 13), when it keeps OCR pages. */
export function storeOcrCache(store: TaskStore): OcrCache | undefined {
  if (!store.getOcrPage || !store.putOcrPage) return undefined;
  return { getOcrPage: (...a) => store.getOcrPage!(...a), putOcrPage: (...a) => store.putOcrPage!(...a) };
}
