// Uploaded notices: each file is kept under the upload folder by its bytes, then read, extracted
// and stored one after another (two cores are shared with the office's other work), and its state
// is kept for the page that polls it. A file is never served back: the pages read the stored JSON.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { failureLine, ReadFailure } from '../messages.js';
import type { ExtractOutcome } from '../pipeline.js';
import type { TaskStore } from '../store/store.js';

/** What a file's upload is doing, in the order it goes through them. */
export const UPLOAD_STEPS = { queued: '排队中', reading: '正在读取和抽取', storing: '正在存入台账', done: '已存入', failed: '未能处理' } as const;
export type UploadStep = keyof typeof UPLOAD_STEPS;

export interface UploadState {
  id: string;
  file: string;
  bytes: number;
  status: UploadStep;
  label: string;
  docId?: string;
  title?: string;
  pages?: number;
  tasks?: number;
  /** how ingest saw it: added, unchanged, new-version… */
  ingest?: string;
  code?: string;
  message?: string;
}

export type Extractor = (file: string) => Promise<ExtractOutcome>;

/**
 * The magic bytes each binary format starts with: a file named .pdf that is not a PDF is refused
 * while the person is still at the page, with the reader's own line, instead of after the queue.
 */
const MAGIC: Readonly<Record<string, { bytes: number[]; code: 'E_NOT_PDF' | 'E_NOT_DOCX' | 'E_NOT_DOC' }>> = {
  '.pdf': { bytes: [0x25, 0x50, 0x44, 0x46], code: 'E_NOT_PDF' },
  '.docx': { bytes: [0x50, 0x4b], code: 'E_NOT_DOCX' },
  '.doc': { bytes: [0xd0, 0xcf, 0x11, 0xe0], code: 'E_NOT_DOC' },
};

/** The reader's code for bytes that cannot be the format their name says, or null. */
export function quickRefusal(name: string, bytes: Uint8Array): 'E_EMPTY' | 'E_NOT_PDF' | 'E_NOT_DOCX' | 'E_NOT_DOC' | null {
  if (bytes.length === 0) return 'E_EMPTY';
  const magic = MAGIC[path.extname(name).toLowerCase()];
  if (!magic) return null;
  // a PDF may have a few bytes of junk before %PDF (readers allow 1 KB)
  if (magic.code === 'E_NOT_PDF') return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF') ? null : magic.code;
  return magic.bytes.every((b, i) => bytes[i] === b) ? null : magic.code;
}

/** A file name as typed by the uploader, made safe to put on disk: no folders, no controls. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/gu, '/')).replace(/[\u0000-\u001f\u007f/:*?"<>|]/gu, '_').trim();
  return (base.replace(/^\.+/u, '') || 'upload').slice(-120);
}

export class UploadQueue {
  private readonly states = new Map<string, UploadState>();
  private readonly queue = new PQueue({ concurrency: 1 });

  constructor(
    private readonly store: TaskStore,
    private readonly dir: string,
    private readonly extract: Extractor,
  ) {}

  state(id: string): UploadState | undefined {
    return this.states.get(id);
  }

  /** Keeps the bytes and queues the file; the same bytes while still queued or running are one job. */
  async add(name: string, bytes: Uint8Array): Promise<UploadState> {
    const id = createHash('sha256').update(bytes).digest('hex');
    const running = this.states.get(id);
    if (running && (running.status === 'queued' || running.status === 'reading' || running.status === 'storing')) return running;
    const file = safeFileName(name);
    const state: UploadState = { id, file, bytes: bytes.length, status: 'queued', label: UPLOAD_STEPS.queued };
    this.states.set(id, state);
    // the same bytes stored before: nothing to read again (ingest would say 'unchanged' after a whole extraction)
    const known = await this.store.document(id);
    if (known) {
      this.set(state, 'done', { docId: known.docId, title: known.title, tasks: known.tasks, ingest: 'unchanged' });
      return state;
    }
    const folder = path.join(this.dir, id.slice(0, 16));
    await mkdir(folder, { recursive: true });
    const stored = path.join(folder, file);
    await writeFile(stored, bytes);
    const done = this.queue.add(() => this.run(state, stored));
    void done.catch(() => undefined);
    this.waiting.set(id, done);
    return state;
  }

  private readonly waiting = new Map<string, Promise<void>>();

  /** Resolves when the file's job has ended (for callers that wait for the answer). */
  async settled(id: string): Promise<UploadState | undefined> {
    await this.waiting.get(id);
    return this.states.get(id);
  }

  private set(state: UploadState, status: UploadStep, extra: Partial<UploadState> = {}): void {
    Object.assign(state, extra, { status, label: UPLOAD_STEPS[status] });
  }

  private async run(state: UploadState, stored: string): Promise<void> {
    this.set(state, 'reading');
    try {
      const outcome = await this.extract(stored);
      if (!outcome.ok) {
        // the reader's line names the file as the person chose it, not the folder it waits in
        const line = outcome.line.startsWith(stored) ? state.file + outcome.line.slice(stored.length) : outcome.line;
        this.set(state, 'failed', { code: outcome.code, message: line });
        return;
      }
      this.set(state, 'storing', { pages: outcome.result.document.source.pages, title: outcome.result.document.title });
      const report = await this.store.ingest(outcome.result, state.id);
      this.set(state, 'done', { docId: report.docId, tasks: report.tasks, ingest: report.status });
    } catch (e) {
      const { code, line } = failureLine(state.file, e instanceof ReadFailure ? e : e);
      this.set(state, 'failed', { code, message: line });
    }
  }

  async close(): Promise<void> {
    this.queue.clear();
    await this.queue.onIdle();
  }
}
