// taizhang diff / check / conflicts: parse options, load the documents, call src/compare, print.
// Loading lives here because it is I/O: an extract JSON, a source file through the pipeline, or a
// stored id looked up in a folder of extract JSONs (--from).
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ExtractResult } from '../model.js';
import { checkPlan, conflictsAcross, diffDocuments } from '../compare/diff.js';
import { CompareInputError } from '../compare/messages.js';
import { FINDING_LABEL, renderDiffHtml } from '../compare/report-html.js';
import type { DiffResult, Finding } from '../compare/schema.js';

async function readExtractJson(file: string): Promise<ExtractResult> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new CompareInputError('E_BAD_EXTRACT_JSON', file);
  }
  const parsed = ExtractResult.safeParse(data);
  if (!parsed.success) throw new CompareInputError('E_BAD_EXTRACT_JSON', file);
  return parsed.data;
}

/** Every extract JSON in a folder; files that are not extracts (a summary, a failure list) are skipped. */
async function loadFolder(dir: string): Promise<ExtractResult[]> {
  if (!existsSync(dir)) throw new CompareInputError('E_NOT_FOUND', dir);
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

/** One document: a .json extract, any other file through the pipeline, or `<from>/<id>.json`. */
async function loadDocument(ref: string, from?: string): Promise<ExtractResult> {
  if (existsSync(ref) && statSync(ref).isFile()) {
    if (ref.toLowerCase().endsWith('.json')) return readExtractJson(ref);
    const { extractFile } = await import('../pipeline.js');
    const outcome = await extractFile(ref);
    if (!outcome.ok) throw new Error(outcome.line);
    return outcome.result;
  }
  if (from) {
    const byId = path.join(from, `${ref}.json`);
    if (existsSync(byId)) return readExtractJson(byId);
    const found = (await loadFolder(from)).find((d) => d.document.id === ref);
    if (found) return found;
  }
  throw new CompareInputError('E_NOT_FOUND', ref);
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
    diff.relation === 'binding' ? `关系：上下级，${diff.higher === 'a' ? '甲管辖乙' : '乙管辖甲'}` : '关系：无上下级关系，差异仅供参考',
    `对齐条款 ${diff.alignments.length} 对，发现 ${diff.findings.length} 条`,
  ];
  if (diff.coverage) lines.push(`上级措施覆盖率 ${diff.coverage.percent}%（${diff.coverage.covered}/${diff.coverage.total}）`);
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

function failWith(e: unknown): void {
  console.error(e instanceof CompareInputError ? e.message : e instanceof Error ? e.message.split('\n')[0] : String(e));
  process.exitCode = e instanceof CompareInputError && e.code === 'E_NOT_FOUND' ? 2 : 1;
}

export function addCompareCommands(program: Command): void {
  program
    .command('diff')
    .description('比对两份文件：对齐相同条款，按上下级关系判断冲突、一致、等效和替代关系')
    .argument('<a>', '文件、抽取结果 JSON，或文档编号（配合 --from）')
    .argument('<b>', '文件、抽取结果 JSON，或文档编号（配合 --from）')
    .option('--json', '输出 JSON（结构见 OUTPUT.md）')
    .option('-o, --out <file>', '写入文件：默认写 HTML 对照报告；与 --json 同用时写 JSON')
    .option('--from <dir>', '按文档编号查找时使用的抽取结果目录')
    .action(async (a: string, b: string, opts: { json?: boolean; out?: string; from?: string }) => {
      try {
        const [da, db] = [await loadDocument(a, opts.from), await loadDocument(b, opts.from)];
        await emitDiff(diffDocuments(da, db), opts);
      } catch (e) {
        failWith(e);
      }
    });

  program
    .command('check')
    .description('检查下级方案是否符合上级文件，以及覆盖了多少上级措施')
    .argument('<plan>', '下级方案：文件、抽取结果 JSON 或文档编号')
    .requiredOption('--against <higher>', '上级文件：文件、抽取结果 JSON 或文档编号')
    .option('--json', '输出 JSON')
    .option('-o, --out <file>', '写入文件：默认写 HTML 对照报告；与 --json 同用时写 JSON')
    .option('--from <dir>', '按文档编号查找时使用的抽取结果目录')
    .action(async (plan: string, opts: { against: string; json?: boolean; out?: string; from?: string }) => {
      try {
        const [p, h] = [await loadDocument(plan, opts.from), await loadDocument(opts.against, opts.from)];
        await emitDiff(checkPlan(p, h), opts);
      } catch (e) {
        failWith(e);
      }
    });

  program
    .command('conflicts')
    .description('在全部已入库（或目录中）的文件之间查找冲突、被替代的文件和文内不一致')
    .option('--db <path>', 'SQLite 数据库')
    .option('--from <dir>', '抽取结果（JSON）目录')
    .option('--json', '输出 JSON')
    .option('--all', '同时列出一致、等效、更严的比对结果和无隶属关系地区之间的差异')
    .action(async (opts: { db?: string; from?: string; json?: boolean; all?: boolean }) => {
      try {
        const docs = opts.from ? await loadFolder(opts.from) : opts.db ? await loadStore(opts.db) : [];
        if (docs.length === 0) throw new CompareInputError('E_NO_DOCUMENTS', opts.from ?? opts.db ?? 'conflicts');
        const result = conflictsAcross(docs, { includeAgreements: opts.all, includeInformational: opts.all });
        if (opts.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        const lines = [`文档 ${result.documents} 份，比对了 ${result.documentPairs} 对有上下级关系的文档，发现 ${result.findings.length} 条`];
        process.stdout.write([...lines, ...result.findings.map(findingLine)].join('\n') + '\n');
      } catch (e) {
        failWith(e);
      }
    });
}

async function loadStore(db: string): Promise<ExtractResult[]> {
  void db;
  throw new CompareInputError('E_NO_STORE', db);
}
