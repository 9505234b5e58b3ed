// The main job: many files in, one JSON per document, an XLSX register per plan, and a failure
// list, all in one output folder. Each document's outputs are written (atomically) the moment it is
// done, and stored then too, so a run that is killed, or a disk that fills, loses only what was not
// finished. One line per file; a progress bar on long runs in a terminal.
import { readdir, stat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractResult } from './model.js';
import { extractMany, type OcrTally } from './batch.js';
import { batchProgress } from './batch-progress.js';
import { OutputNames } from './batch-names.js';
import { FailureList, FAILURE_FILES, type FailureRow } from './batch-failures.js';
import { removeStaleTemps, replaceAtomic, writeFileAtomic } from './atomic-write.js';
import { failureLine, oneTerminalLine, writeFailure } from './messages.js';
import type { ExtractOptions, ExtractOutcome } from './pipeline.js';
import type { OcrCache } from './read/ocr-pages.js';
import type { TaskStore } from './store/store.js';

// images (a notice scanned or photographed) are read by OCR (issue 13)
export const INPUT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.txt', '.html', '.htm', '.md', '.ofd', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

/** Files named, and the supported files directly inside folders named (not their subfolders). */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push(p); // reported as E_NOT_FOUND by the reader, in the failure list like any other
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => INPUT_EXTENSIONS.has(path.extname(n).toLowerCase())).sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else {
      out.push(p);
    }
  }
  return out;
}

export interface BatchRunOptions extends ExtractOptions {
  out: string;
  registers: boolean;
  db?: string;
  workers?: number;
  /** per-file time budget, seconds */
  fileTimeoutSeconds?: number;
  /** per-worker heap budget, MB */
  maxHeapMb?: number;
  /** print nothing (the library use) */
  quiet?: boolean;
}

export interface BatchSummary {
  ok: number;
  failed: number;
  /** JSON files written, in input order */
  written: string[];
  failures: FailureRow[];
  /** inputs whose outputs took another name because another input would have had the same */
  renamed: { file: string; output: string; sameNameAs: string }[];
  /** inputs with the same bytes as another input: one document written for both */
  duplicates: { file: string; output: string; sameAs: string }[];
}

export async function runBatch(files: string[], options: BatchRunOptions): Promise<BatchSummary> {
  const names = new OutputNames(files);
  const failures = new FailureList(options.out);
  try {
    await mkdir(options.out, { recursive: true });
    await removeStaleTemps(options.out);
    await failures.start();
  } catch (e) {
    throw writeFailure(e, options.out);
  }
  const progress = await batchProgress(files.length, { quiet: options.quiet });
  const say = (line: string, toErr = false) => progress.log(oneTerminalLine(line), toErr);
  const store = options.db ? new BatchStore(options.db, say) : null;
  const written: (string | undefined)[] = new Array(files.length);
  const summary: BatchSummary = { ok: 0, failed: 0, written: [], failures: failures.rows, renamed: [], duplicates: [] };

  const finishOne = async (o: ExtractOutcome, index: number, ocr: OcrTally): Promise<void> => {
    if (!o.ok) {
      summary.failed++;
      say(`✗ ${o.line}`, true);
      try {
        await failures.add({ file: o.file, code: o.code, line: o.line });
      } catch (e) {
        say(`✗ ${failureLine(path.join(options.out, FAILURE_FILES.json), writeFailure(e, options.out)).line}`, true);
      }
      return;
    }
    const d = o.result.document;
    const claim = names.claim(index, d.id, d.source.sha256);
    const target = path.join(options.out, `${claim.base}.json`);
    summary.ok++;
    written[index] = target;
    if (claim.kind === 'duplicate') {
      summary.duplicates.push({ file: o.file, output: target, sameAs: claim.sameAs });
      say(`✓ ${o.file} → ${target}（与 ${claim.sameAs} 内容完全相同，共用同一份结果）`);
      return;
    }
    try {
      await writeFileAtomic(target, JSON.stringify(o.result, null, 2) + '\n');
      if (claim.renamedFrom) summary.renamed.push({ file: o.file, output: target, sameNameAs: claim.sameNameAs! });
      const renamed = claim.renamedFrom ? `；与 ${claim.sameNameAs} 同名，已另名写出` : '';
      say(`✓ ${o.file} → ${target}（${d.docType}，任务 ${o.result.tasks.length} 条${d.source.pages ? `，${d.source.pages} 页` : ''}${ocrWords(ocr)}${renamed}）`);
      if (options.registers && d.isPlan && o.result.tasks.length > 0) {
        const book = path.join(options.out, `${claim.base}.台账.xlsx`);
        await writeRegisterAtomic(o.result, book);
        say(`  台账 → ${book}`);
      }
      if (store) await store.ingest(o.result);
    } catch (e) {
      // a full disk or a folder without write permission: this file is a failure, the others may still fit
      summary.ok--;
      written[index] = undefined;
      summary.failed++;
      const { code, line } = failureLine(o.file, writeFailure(e, options.out));
      say(`✗ ${line}`, true);
      await failures.add({ file: o.file, code, line }).catch(() => undefined);
    }
  };

  // one write at a time, in the order files finish: the failure list is rewritten whole each time
  let chain: Promise<void> = Promise.resolve();
  try {
    // with a store, a scan's pages read before (same bytes) come from its OCR cache, not from OCR again
    const cache = store?.cache();
    await extractMany(files, {
      password: options.password,
      maxBytes: options.maxBytes,
      // files are read side by side already: each file's OCR takes one worker, not the whole machine
      ocr: {
        mode: options.ocr?.mode ?? 'auto',
        ...(options.ocr?.dpi ? { dpi: options.ocr.dpi } : {}),
        workers: files.length > 1 ? 1 : undefined,
        ...(cache ? { cache } : {}),
      },
      workers: options.workers,
      fileTimeoutSeconds: options.fileTimeoutSeconds,
      maxHeapMb: options.maxHeapMb,
      onPage: (index, done, total) => progress.page(index, done, total),
      onOutcome: (o, _done, _total, index, ocr) => {
        progress.fileDone();
        chain = chain.then(() => finishOne(o, index, ocr));
      },
    });
    await chain;
  } finally {
    progress.stop();
    await store?.close();
  }
  summary.written = written.filter((w): w is string => w !== undefined);
  const book = await failures.finish();
  if (summary.renamed.length) say(`注意：${summary.renamed.length} 个文件与其他输入同名，已另名写出（${summary.renamed.map((r) => `${r.file} → ${path.basename(r.output)}`).join('；')}）`);
  if (summary.duplicates.length) say(`注意：${summary.duplicates.length} 个文件与其他输入内容完全相同，共用一份结果（${summary.duplicates.map((r) => `${r.file} = ${r.sameAs}`).join('；')}）`);
  if (store?.stored) say(`  已存入 ${options.db}（${store.stored} 个文件）`);
  const where = summary.failed ? `，失败清单见 ${path.join(options.out, FAILURE_FILES.csv)}${book ? `、${path.basename(book)}` : ''}` : '';
  say(`完成：成功 ${summary.ok} 个，失败 ${summary.failed} 个；输出在 ${options.out}${where}`);
  // staff go on in the browser: say how to open what was just stored
  if (store?.stored) say(`在浏览器中查看：运行 taizhang serve --db ${options.db}（或 npm run serve），然后打开 http://127.0.0.1:8080/`);
  return summary;
}

async function writeRegisterAtomic(result: ExtractResult, target: string): Promise<void> {
  const { writeRegister } = await import('./register/index.js');
  await replaceAtomic(target, (tmp) => writeRegister([result], { format: 'xlsx', out: tmp }));
}

/** How a file's OCR pages went, in its line: read now, or taken from the store's cache. */
export function ocrWords(ocr: OcrTally): string {
  const parts: string[] = [];
  if (ocr.read > 0) parts.push(`文字识别 ${ocr.read} 页`);
  if (ocr.cached > 0) parts.push(`${ocr.cached} 页的识别结果取自库中缓存`);
  return parts.length ? `，${parts.join('，')}` : '';
}

/**
 * The store of `run --db`: opened on the first document (or the first scan page looked up in its
 * OCR cache), each document stored as it finishes.
 */
class BatchStore {
  private store: TaskStore | null = null;
  private broken = false;
  stored = 0;

  constructor(
    private readonly db: string,
    private readonly say: (line: string, toErr?: boolean) => void,
  ) {}

  private async open(): Promise<TaskStore | null> {
    if (this.broken) return null;
    try {
      if (!this.store) {
        const { openStore } = await import('./store/index.js');
        this.store = openStore(this.db);
      }
      return this.store;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  /** a store that cannot be written is said once, not per file; the outputs are on disk already */
  private fail(e: unknown): void {
    if (this.broken) return;
    this.broken = true;
    process.exitCode = 1;
    this.say(`✗ ${failureLine(this.db, e).line}`, true);
  }

  async ingest(result: ExtractResult): Promise<void> {
    const store = await this.open();
    if (!store) return;
    try {
      await store.ingest(result, result.document.source.sha256);
      this.stored++;
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * The store's OCR page cache (SQLite migration 3, PostgreSQL too). A lookup or a write that fails
   * is a miss or a page not kept: the page is read by OCR and the file goes on; the store's own
   * failure is said when a document is stored.
   */
  cache(): OcrCache {
    return {
      getOcrPage: async (sha256, page, dpi) => {
        const store = await this.open();
        return store?.getOcrPage ? store.getOcrPage(sha256, page, dpi).catch(() => undefined) : undefined;
      },
      putOcrPage: async (sha256, dpi, page) => {
        const store = await this.open();
        if (store?.putOcrPage) await store.putOcrPage(sha256, dpi, page).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}
