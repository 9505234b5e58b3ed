#!/usr/bin/env node
// taizhang: parse options, call the library, print. Nothing else lives here.
// Heavy modules (pdf.js, exceljs, SQLite) load inside the actions that need them, so that
// `taizhang extract one.pdf` starts fast.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { failureLine, situationLine, terminalSafe } from './messages.js';
import { ChineseCommand, CHINESE_HELP } from './cli/chinese-commander.js';
import { FILE_BUDGET } from './file-budget.js';
import { addCompareCommands } from './cli/compare.js';
import { addRegisterCommands } from './cli/register.js';
import { addServeCommands } from './cli/serve.js';
import { addStoreCommands } from './cli/store.js';
import { addQueueCommands } from './cli/queue.js';
import { addTrackCommands } from './cli/track.js';
import { OCR_HELP, ocrModeOption, ocrOptions } from './cli/ocr-options.js';
import type { OcrMode } from './read/ocr-pages.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('请给出正数（单位 MB）');
  return Math.round(n * 1024 * 1024);
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('请给出正数');
  return n;
}

function workerCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 64) throw new InvalidArgumentError('请给出 1 到 64 之间的整数');
  return n;
}

export function buildProgram(): Command {
  const program = new ChineseCommand();
  program
    .name('taizhang')
    .description('台账：把政策文件（PDF、OFD、DOCX、DOC、TXT、HTML、Markdown）变成结构化、可核对的任务台账')
    .version(pkg.version, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp(CHINESE_HELP)
    .showHelpAfterError('（用 taizhang --help 查看用法，taizhang <命令> --help 查看某个命令的用法）');

  program
    .command('text')
    .description('输出规范化后的正文，一段一行（后续各步骤读的就是它）')
    .argument('<文件>', '文件路径')
    .option('--password <密码>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .option('--layers', '每段前标出编号和层次（版头、标题、正文、落款、版记、附件……）')
    .addOption(new Option('--raw', '输出读取器读到的原样文本（规范化之前），一段一行').conflicts('layers'))
    .option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto')
    .action(async (file: string, opts: { password?: string; maxSize?: number; layers?: boolean; raw?: boolean; ocr?: OcrMode }) => {
      try {
        const options = { password: opts.password, maxBytes: opts.maxSize, ocr: ocrOptions(opts.ocr) };
        // --raw stops after read: what the reader saw, page numbers and full-width letters included
        const doc = opts.raw
          ? await (await import('./read/index.js')).readRawFile(file, options)
          : await (await import('./pipeline.js')).readDocumentFile(file, options);
        const blocks = opts.layers ? (await import('./structure/layers.js')).structureDocument(doc.blocks).blocks : doc.blocks;
        const line = (b: (typeof blocks)[number]) => (opts.layers ? `${b.ref}\t${b.layer}\t${b.text.replace(/\t/gu, ' | ')}` : b.text);
        process.stdout.write(blocks.map(line).join('\n') + '\n');
      } catch (e) {
        fail(file, e);
      }
    });

  const extract = program
    .command('extract')
    .description('抽取文件的元数据和任务，输出 JSON（一个文件输出到屏幕；多个文件用 --out 写入目录）')
    .argument('<文件...>', '一个或多个文件')
    .option('-o, --out <目录>', '把每个文件的 JSON 写到这个目录（<文档编号>.json）')
    .option('--password <密码>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto');
  addBudgetOptions(extract).action(async (files: string[], opts: { out?: string; password?: string; maxSize?: number; ocr?: OcrMode } & BudgetOptions) => {
      const { extractFile } = await import('./pipeline.js');
      const options = { password: opts.password, maxBytes: opts.maxSize, ocr: ocrOptions(opts.ocr) };
      if (!opts.out) {
        if (files.length > 1) {
          console.error(situationLine('taizhang extract', 'extractManyFiles'));
          process.exitCode = 2;
          return;
        }
        const outcome = await extractFile(files[0], options);
        if (!outcome.ok) return failLine(outcome.line);
        process.stdout.write(JSON.stringify(outcome.result, null, 2) + '\n');
        return;
      }
      const { runBatch } = await import('./main-job.js');
      const out = opts.out;
      const summary = await asBatch(() => runBatch(files, { out, ...options, ...budgets(opts), registers: false }));
      if (summary.failed > 0) process.exitCode = 1;
    });

  const run = program
    .command('run')
    .description('主流程：处理目录里的全部文件，写出 JSON、任务台账（XLSX）和失败清单')
    .argument('[路径...]', '文件或目录', ['corpus'])
    .option('-o, --out <目录>', '输出目录', 'output')
    .option('--password <密码>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .option('--no-registers', '不生成 XLSX 任务台账')
    .option('--db <路径>', '同时存入这个 SQLite 库（每个文件处理完即存入）')
    .option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto');
  addBudgetOptions(run).action(async (paths: string[], opts: { out: string; password?: string; maxSize?: number; registers: boolean; db?: string; ocr?: OcrMode } & BudgetOptions) => {
      const { runBatch, listInputFiles } = await import('./main-job.js');
      const files = await listInputFiles(paths);
      if (!files.length) {
        console.error(situationLine(paths.join(' '), 'nothingToRun'));
        process.exitCode = 2;
        return;
      }
      const summary = await asBatch(() =>
        runBatch(files, { out: opts.out, password: opts.password, maxBytes: opts.maxSize, registers: opts.registers, db: opts.db, ocr: { mode: opts.ocr ?? 'auto' }, ...budgets(opts) }),
      );
      if (summary.failed > 0) process.exitCode = 1;
    });

  // the registry reaches the segmenter through the unit rules: loaded only when asked for
  program
    .command('rules')
    .description('列出全部抽取规则：名称、作用，一条一行（“辅助”为供其他规则调用的词表与判断）')
    .action(async () => {
      const { RULES } = await import('../extractors/index.js');
      for (const r of RULES) console.log(terminalSafe(`${r.meta.name}\t${r.run ? '规则' : '辅助'}\t${r.file}\t${r.meta.description}`));
    });

  return program;
}

interface BudgetOptions {
  fileTimeout?: number;
  maxMemory?: number;
  workers?: number;
}

/** The per-file budgets of a batch (src/batch.ts FILE_BUDGET holds the defaults). */
function addBudgetOptions(cmd: Command): Command {
  return cmd
    .option('--file-timeout <秒>', `每个文件的处理时限，超时的文件记入失败清单（默认 ${FILE_BUDGET.timeoutSeconds} 秒；扫描件从最近识别完的一页算起）`, positiveNumber)
    .option('--max-memory <MB>', `每个处理线程的内存上限，超出的文件记入失败清单（默认 ${FILE_BUDGET.maxOldGenerationSizeMb} MB）`, positiveNumber)
    .option('--workers <个数>', '同时处理几个文件（默认：CPU 核数）', workerCount);
}

function budgets(opts: BudgetOptions): { fileTimeoutSeconds?: number; maxHeapMb?: number; workers?: number } {
  return { fileTimeoutSeconds: opts.fileTimeout, maxHeapMb: opts.maxMemory ? Math.round(opts.maxMemory) : undefined, workers: opts.workers };
}

function fail(file: string, e: unknown): void {
  failLine(failureLine(file, e).line);
}

function failLine(line: string): void {
  console.error(line);
  process.exitCode = 1;
}

/**
 * `taizhang extract f | head` closes the pipe early: that is the reader's choice, not an error, so
 * the process ends quietly. A batch goes on writing its outputs and only stops printing: its lines
 * are a report, its files the work. A full disk behind `> file` is said in one line, never as a stack.
 */
let batchRunning = false;

function guardOutputStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      const closed = e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED';
      if (closed && batchRunning) return;
      if (closed) process.exit(process.exitCode ?? 0);
      if (stream !== process.stderr) process.stderr.write(failureLine('标准输出', e).line + '\n');
      process.exit(1);
    });
  }
}

async function asBatch<T>(work: () => Promise<T>): Promise<T> {
  batchRunning = true;
  try {
    return await work();
  } finally {
    batchRunning = false;
  }
}

/** Every console line a command prints goes through here: a file name cannot steer the terminal. */
function sanitizeConsole(): void {
  for (const name of ['log', 'error', 'warn'] as const) {
    const original = console[name].bind(console);
    console[name] = (...args: unknown[]) => original(...args.map((a) => (typeof a === 'string' ? terminalSafe(a) : a)));
  }
}

async function main(): Promise<void> {
  guardOutputStreams();
  sanitizeConsole();
  const program = buildProgram();
  // each part registers its own commands; they load their heavy modules inside their actions
  addRegisterCommands(program);
  addStoreCommands(program);
  addQueueCommands(program);
  addCompareCommands(program);
  addTrackCommands(program);
  addServeCommands(program);
  await program.parseAsync(process.argv);
}

main().catch((e) => {
  console.error(failureLine('taizhang', e).line);
  process.exitCode = 1;
});
