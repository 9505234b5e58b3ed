// taizhang diff / check / conflicts: parse options, load the documents, call src/compare, print.
// Loading lives here because it is I/O: an extract JSON, a source file through the pipeline, a
// document id in a folder of extract JSONs (--from), or a document id (or sha256) in the store (--db).
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ExtractResult } from '../model.js';
import { ReadFailure, failureLine, type MessageCode } from '../messages.js';
import { checkPlan, conflictsAcross, diffDocuments } from '../compare/diff.js';
import { FINDING_LABEL, renderDiffHtml } from '../compare/report-html.js';
import type { DiffResult, Finding } from '../compare/schema.js';
import { looksLikePath } from './register.js';

async function readExtractJson(file: string): Promise<ExtractResult> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new InputFailure(file, 'E_BAD_RESULT_JSON');
  }
  const parsed = ExtractResult.safeParse(data);
  if (!parsed.success) throw new InputFailure(file, 'E_BAD_RESULT_JSON');
  return parsed.data;
}

/** Every extract JSON in a folder; files that are not extracts (a summary, a failure list) are skipped. */
async function loadFolder(dir: string): Promise<ExtractResult[]> {
  if (!existsSync(dir)) throw new InputFailure(dir, 'E_DOC_NOT_FOUND');
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  const out: ExtractResult[] = [];
  for (const n of names) {
    try {
      out.push(await readExtractJson(path.join(dir, n)));
    } catch {
      continue;
    }
  }
  return out;
}

type Store = import('../store/index.js').TaskStore;

/** The store at --db ($TAIZHANG_DB, the default path), or null when there is none; sqlite loads only here. */
async function openStoreIfAny(db?: string): Promise<Store | null> {
  const { openExistingStore } = await import('../store/index.js');
  try {
    return openExistingStore(db);
  } catch (e) {
    if (e instanceof ReadFailure && e.code === 'E_STORE_MISSING') return null;
    throw e;
  }
}

/** One document: a .json extract, any other file through the pipeline, `<from>/<id>.json`, or a stored id. */
async function loadDocument(ref: string, opts: { from?: string; db?: string }): Promise<ExtractResult> {
  if (existsSync(ref) && statSync(ref).isFile()) {
    if (ref.toLowerCase().endsWith('.json')) return readExtractJson(ref);
    const { extractFile } = await import('../pipeline.js');
    const outcome = await extractFile(ref);
    // the reader's own code and line (E_EMPTY, E_SCANNED…), not a program error
    if (!outcome.ok) throw new PipelineFailure(outcome.code, outcome.line);
    return outcome.result;
  }
  if (looksLikePath(ref) && !opts.from) throw new InputFailure(ref, 'E_NOT_FOUND');
  if (opts.from) {
    const byId = path.join(opts.from, `${ref}.json`);
    if (existsSync(byId)) return readExtractJson(byId);
    const found = (await loadFolder(opts.from)).find((d) => d.document.id === ref);
    if (found) return found;
  } else {
    const store = await openStoreIfAny(opts.db);
    if (store) {
      try {
        const found = await store.result(ref);
        if (found) return found;
      } finally {
        await store.close();
      }
    }
  }
  throw new InputFailure(ref, 'E_DOC_NOT_FOUND');
}

/** The current version of every stored document. */
async function loadStoreDocuments(store: Store): Promise<ExtractResult[]> {
  const out: ExtractResult[] = [];
  for (const d of await store.documents()) {
    if (!d.current) continue;
    const r = await store.result(d.sha256);
    if (r) out.push(r);
  }
  return out;
}

function findingLine(f: Finding): string {
  const where = (s: Finding['a']) => (s ? `${s.taskId}${s.page !== undefined ? ` 第${s.page}页` : ''}` : '');
  const sides = [where(f.a), where(f.b)].filter(Boolean).join(' ↔ ');
  return `[${FINDING_LABEL[f.type]}] ${f.reason}${sides ? `（${sides}）` : ''}`;
}

function summaryLines(diff: DiffResult): string[] {
  const name = (d: DiffResult['a']) => `${d.title}${d.jurisdiction ? `（${d.jurisdiction.name}）` : ''}`;
  const lines = [
    `甲：${name(diff.a)}`,
    `乙：${name(diff.b)}`,
    diff.relation === 'binding'
      ? diff.relationBasis === 'citation'
        ? `关系：上下级，${diff.higher === 'a' ? '乙以甲为依据制定（按文号或标题引用）' : '甲以乙为依据制定（按文号或标题引用）'}`
        : `关系：上下级，${diff.higher === 'a' ? '甲管辖乙' : '乙管辖甲'}`
      : '关系：无上下级关系，差异仅供参考',
    `对齐条款 ${diff.alignments.length} 对，发现 ${diff.findings.length} 条`,
  ];
  if (diff.coverage) {
    lines.push(`上级措施覆盖率 ${diff.coverage.percent}%（${diff.coverage.covered}/${diff.coverage.total}）`);
    if (diff.coverage.summary) lines.push(diff.coverage.summary);
  }
  return [...lines, ...diff.findings.map(findingLine)];
}

async function writeOut(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
}

/** Print a diff or check: JSON to stdout or --out; otherwise a summary, and the HTML report at --out. */
async function emitDiff(diff: DiffResult, opts: { json?: boolean; out?: string }): Promise<void> {
  if (opts.json) {
    const text = JSON.stringify(diff, null, 2) + '\n';
    if (opts.out) await writeOut(opts.out, text);
    else process.stdout.write(text);
    return;
  }
  process.stdout.write(summaryLines(diff).join('\n') + '\n');
  if (opts.out) {
    await writeOut(opts.out, renderDiffHtml(diff));
    process.stdout.write(`对照报告已写入 ${opts.out}\n`);
  }
}

/** A ReadFailure that remembers which input it is about, so the one line names it. */
class InputFailure extends ReadFailure {
  constructor(
    readonly subject: string,
    code: MessageCode,
  ) {
    super(code);
  }
}

/** A file the pipeline could not read: its line already names the file, the reason and the code. */
class PipelineFailure extends ReadFailure {
  constructor(
    code: MessageCode,
    readonly line: string,
  ) {
    super(code);
  }
}

function failWith(e: unknown): void {
  console.error(e instanceof PipelineFailure ? e.line : failureLine(e instanceof InputFailure ? e.subject : 'taizhang', e).line);
  process.exitCode = e instanceof ReadFailure && e.code === 'E_DOC_NOT_FOUND' ? 2 : 1;
}

export function addCompareCommands(program: Command): void {
  program
    .command('diff')
    .description('比对两份文件：对齐相同条款，按上下级关系判断冲突、一致、等效和替代关系')
    .argument('<甲>', '文件、抽取结果 JSON，或文档编号（配合 --from）')
    .argument('<乙>', '文件、抽取结果 JSON，或文档编号（配合 --from）')
    .option('--json', '输出 JSON（结构见 OUTPUT.md）')
    .option('-o, --out <文件>', '写入文件：默认写 HTML 对照报告；与 --json 同用时写 JSON')
    .option('--from <目录>', '按文档编号查找时使用的抽取结果目录')
    .option('--db <路径>', '按文档编号查找时使用的数据库')
    .action(async (a: string, b: string, opts: { json?: boolean; out?: string; from?: string; db?: string }) => {
      try {
        const [da, db] = [await loadDocument(a, opts), await loadDocument(b, opts)];
        await emitDiff(diffDocuments(da, db), opts);
      } catch (e) {
        failWith(e);
      }
    });

  program
    .command('check')
    .description('检查下级方案是否符合上级文件，以及覆盖了多少上级措施')
    .argument('<方案>', '下级方案：文件、抽取结果 JSON 或文档编号')
    .requiredOption('--against <上级文件>', '上级文件：文件、抽取结果 JSON 或文档编号')
    .option('--json', '输出 JSON')
    .option('-o, --out <文件>', '写入文件：默认写 HTML 对照报告；与 --json 同用时写 JSON')
    .option('--from <目录>', '按文档编号查找时使用的抽取结果目录')
    .option('--db <路径>', '按文档编号查找时使用的数据库')
    .action(async (plan: string, opts: { against: string; json?: boolean; out?: string; from?: string; db?: string }) => {
      try {
        const [p, h] = [await loadDocument(plan, opts), await loadDocument(opts.against, opts)];
        await emitDiff(checkPlan(p, h), opts);
      } catch (e) {
        failWith(e);
      }
    });

  program
    .command('conflicts')
    .description('在全部已入库（或目录中）的文件之间查找冲突、被替代的文件和文内不一致')
    .option('--db <路径>', 'SQLite 数据库或 postgres://… 地址（默认 $TAIZHANG_DB 或 .taizhang/taizhang.sqlite）')
    .option('--from <目录>', '改为读取这个目录中的抽取结果（JSON）')
    .option('--json', '输出 JSON')
    .option('--all', '同时列出一致、等效、更严的比对结果和无隶属关系地区之间的差异')
    .option('--mark-superseded', '把已被替代的任务在数据库中标记为“已替代”（台账随之更新）')
    .action(async (opts: { db?: string; from?: string; json?: boolean; all?: boolean; markSuperseded?: boolean }) => {
      let store: Store | null = null;
      try {
        if (!opts.from) {
          const { openExistingStore } = await import('../store/index.js');
          store = openExistingStore(opts.db);
        }
        const docs = store ? await loadStoreDocuments(store) : await loadFolder(opts.from!);
        if (docs.length === 0) throw new InputFailure(opts.from ?? opts.db ?? 'conflicts', 'E_NO_DOCUMENTS');
        // PostgreSQL: the candidate phrase pairs come from its own index (phrase_shingles), not from memory
        const phrasePairs = store && 'phrasePairs' in store ? await (store as import('../store/postgres.js').PostgresTaskStore).phrasePairs() : undefined;
        const result = conflictsAcross(docs, { includeAgreements: opts.all, includeInformational: opts.all, phrasePairs });
        let marked = 0;
        if (opts.markSuperseded && store) {
          for (const s of result.superseded) marked += await store.markSuperseded(s.taskIds, { by: s.newer });
        }
        if (opts.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        const lines = [`文档 ${result.documents} 份，比对了 ${result.documentPairs} 对有上下级关系的文档，发现 ${result.findings.length} 条`];
        if (opts.markSuperseded) lines.push(store ? `已在数据库中把 ${marked} 项任务标记为已被替代` : '--mark-superseded 只对数据库有效，读取 --from 目录时不做标记');
        process.stdout.write([...lines, ...result.findings.map(findingLine)].join('\n') + '\n');
      } catch (e) {
        failWith(e);
      } finally {
        await store?.close();
      }
    });
}
