// taizhang ingest / search / documents: parse options, call the store, print one line per file or hit.
import { OCR_HELP, ocrModeOption, ocrOptions } from './ocr-options.js';
import type { OcrMode } from '../read/ocr-pages.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, MESSAGES, oneTerminalLine, ReadFailure } from '../messages.js';
import { boundQuery, SEARCH_LIMITS } from '../store/search.js';
import type { IngestReport, SearchField, SearchHit, StoredDocument, TaskStore } from '../store/store.js';

const DB_HELP = '台账数据库路径（默认 .taizhang/taizhang.sqlite，也可用环境变量 TAIZHANG_DB）';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('请给出正整数');
  return n;
}

/** sha256 of the file's bytes, or null when it cannot be read (the pipeline then says why). */
async function fileSha(file: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return null;
  }
}

export function ingestLine(shownFile: string, r: IngestReport): string {
  const file = oneTerminalLine(shownFile);
  if (r.status === 'unchanged') return `未变　${file}（已在库中：${r.docId}）`;
  if (r.status === 'new-version') return `新版本 ${file} → ${r.docId} 第${r.version}版（${r.tasks} 项任务）`;
  if (r.status === 'old-version') return `旧版　${file}（与库中 ${r.docId} 第${r.version}版内容相同；当前版本仍是第${r.currentVersion}版，未改变）`;
  if (r.status === 'reverted') return `恢复　${file} → ${r.docId}（与第${r.version}版内容相同，第${r.version}版重新成为当前版本；${r.tasks} 项任务）`;
  if (r.status === 're-extracted') return `重新抽取 ${file} → ${r.docId}（文件未变，抽取结果已按新版程序更新；${r.tasks} 项任务）`;
  return `已存入 ${file} → ${r.docId}（${r.tasks} 项任务）`;
}

const FIELD_WORDS: Readonly<Record<SearchField, string>> = { text: '任务内容', units: '责任单位', people: '责任人' };

export function hitLines(hit: SearchHit, n: number): string[] {
  const page = hit.page !== undefined ? ` · 第${hit.page}页` : '';
  const where = hit.matched.map((m) => (m.names.length > 0 ? `${FIELD_WORDS[m.field]}（${m.names.join('、')}）` : FIELD_WORDS[m.field]));
  return [`${n}. ${hit.docId}  ${hit.title}`, `   ${hit.path.join(' > ')}${page}`, `   ${hit.snippet}`, `   匹配：${where.join('；')}`].map(oneTerminalLine);
}

/** Said on stderr when the query was cut to SEARCH_LIMITS, so nobody takes the hits for the whole query. */
export function truncatedLine(): string {
  return `${MESSAGES.W_SEARCH_TRUNCATED}（最多 ${SEARCH_LIMITS.parts} 个词，每个词最多 ${SEARCH_LIMITS.partChars} 字） [W_SEARCH_TRUNCATED]`;
}

export function documentLine(d: StoredDocument): string {
  const state = d.current ? '' : '（旧版）';
  return oneTerminalLine(`${d.docId}  ${d.title}  ${d.tasks} 项任务  第${d.version}版${state}  ${d.date}  ${d.sha256.slice(0, 12)}  ${d.path}`);
}

async function withStore<T>(open: () => Promise<TaskStore>, run: (store: TaskStore) => Promise<T>): Promise<T | undefined> {
  let store: TaskStore;
  try {
    store = await open();
  } catch (e) {
    console.error(failureLine('taizhang', e).line);
    process.exitCode = 1;
    return undefined;
  }
  try {
    return await run(store);
  } catch (e) {
    // a store that fails while read (damaged, locked) is one Chinese line, like a store that fails to open
    if (!(e instanceof ReadFailure)) throw e;
    console.error(failureLine('taizhang', e).line);
    process.exitCode = 1;
    return undefined;
  } finally {
    await store.close();
  }
}

async function ingestFiles(store: TaskStore, files: string[], password?: string, ocr?: OcrMode): Promise<void> {
  const { extractFile } = await import('../pipeline.js');
  const tally = { added: 0, 'new-version': 0, unchanged: 0, 're-extracted': 0, reverted: 0, 'old-version': 0, failed: 0 };
  for (const file of files) {
    const sha = await fileSha(file);
    // extracted even when the bytes are stored: the store keeps it only if this taizhang reads them differently
    // a scan's pages read before (same bytes) come from the store's OCR cache, not from OCR again
    const cache = store.getOcrPage && store.putOcrPage ? (store as Required<Pick<TaskStore, 'getOcrPage' | 'putOcrPage'>>) : undefined;
    const outcome = await extractFile(file, { password, ocr: ocrOptions(ocr, cache) });
    if (!outcome.ok) {
      console.error(oneTerminalLine(outcome.line));
      tally.failed++;
      continue;
    }
    try {
      const report = await store.ingest(outcome.result, sha ?? undefined);
      console.log(ingestLine(file, report));
      tally[report.status]++;
      // tracking follows the tasks of a new version (src/track/versions.ts)
      if (report.status === 'new-version') {
        const { followNewVersion, followLines, previousVersion } = await import('../track/versions.js');
        const older = await previousVersion(store, outcome.result, report.version);
        if (older) for (const line of followLines(await followNewVersion(store, older, outcome.result))) console.log(oneTerminalLine(line));
      }
    } catch (e) {
      console.error(failureLine(oneTerminalLine(file), e).line);
      tally.failed++;
    }
  }
  const reread = tally['re-extracted'] ? `，重新抽取 ${tally['re-extracted']} 个` : '';
  const reverted = `${tally.reverted ? `，恢复旧版 ${tally.reverted} 个` : ''}${tally['old-version'] ? `，旧版副本 ${tally['old-version']} 个` : ''}`;
  console.log(`完成：新增 ${tally.added} 个，新版本 ${tally['new-version']} 个，未变 ${tally.unchanged} 个${reread}${reverted}，失败 ${tally.failed} 个`);
  if (tally.failed > 0) process.exitCode = 1;
}

export function addStoreCommands(program: Command): void {
  program
    .command('ingest')
    .description('抽取文件并存入台账数据库（同一文件重复存入不会重复；同一文号或同一发文机关和标题、内容变了的文件存为新版本）')
    .argument('<文件...>', '文件或目录')
    .option('--db <路径>', DB_HELP)
    .option('--password <密码>', '加密 PDF 的打开密码')
    .option('--queue', '只把文件加入 PostgreSQL 任务队列，由 taizhang worker 抽取并存入')
    .option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto')
    .action(async (paths: string[], opts: { db?: string; password?: string; queue?: boolean; ocr?: OcrMode }) => {
      const [{ openStore }, { listInputFiles }] = await Promise.all([import('../store/index.js'), import('../main-job.js')]);
      const files = await listInputFiles(paths);
      if (opts.queue) return void (await (await import('./queue.js')).queueFiles(files, opts.db));
      await withStore(async () => openStore(opts.db), (store) => ingestFiles(store, files, opts.password, opts.ocr));
    });

  program
    .command('search')
    .description('在库中检索任务内容、责任单位和责任人，如：taizhang search 危房改造、taizhang search 教育局')
    .argument('<检索词...>', '检索词，多个词之间为“并且”')
    .option('--db <路径>', DB_HELP)
    .option('-n, --limit <条数>', '最多列出多少条', positiveInt, 50)
    .option('--json', '输出 JSON')
    .action(async (words: string[], opts: { db?: string; limit: number; json?: boolean }) => {
      const { openExistingStore } = await import('../store/index.js');
      const { query, cut } = boundQuery(words.join(' '));
      if (cut) console.error(truncatedLine());
      await withStore(async () => openExistingStore(opts.db), async (store) => {
        const hits = await store.search(query, opts.limit);
        if (opts.json) return void process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        if (hits.length === 0) return void console.log(`没有找到包含“${query}”的任务`);
        hits.forEach((h, i) => console.log(hitLines(h, i + 1).join('\n')));
      });
    });

  program
    .command('documents')
    .description('列出库中的文件（文件编号可用于 taizhang register）')
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { db?: string }) => {
      const { openExistingStore } = await import('../store/index.js');
      await withStore(async () => openExistingStore(opts.db), async (store) => {
        const docs = await store.documents();
        if (docs.length === 0) return void console.log('库中还没有文件：请先用 taizhang ingest 存入');
        for (const d of docs) console.log(documentLine(d));
      });
    });
}
