#!/usr/bin/env node
// taizhang: parse options, call the library, print. Nothing else lives here.
// Heavy modules (pdf.js, exceljs, SQLite) load inside the actions that need them, so that
// `taizhang extract one.pdf` starts fast.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { failureLine } from './messages.js';
import { addCompareCommands } from './cli/compare.js';
import { addRegisterCommands } from './cli/register.js';
import { addStoreCommands } from './cli/store.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('请给出正数（单位 MB）');
  return Math.round(n * 1024 * 1024);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('taizhang')
    .description('台账：把政策文件（PDF、DOCX、TXT、HTML）变成结构化、可核对的任务台账')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('（用 taizhang --help 查看用法）');

  program
    .command('text')
    .description('输出规范化后的正文，一段一行（后续各步骤读的就是它）')
    .argument('<file>', '文件路径')
    .option('--password <password>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .option('--layers', '每段前标出编号和层次（版头、标题、正文、落款、版记、附件……）')
    .action(async (file: string, opts: { password?: string; maxSize?: number; layers?: boolean }) => {
      const { readDocumentFile } = await import('./read/index.js');
      try {
        const doc = await readDocumentFile(file, { password: opts.password, maxBytes: opts.maxSize });
        const blocks = opts.layers ? (await import('./structure/layers.js')).structureDocument(doc.blocks).blocks : doc.blocks;
        const line = (b: (typeof blocks)[number]) => (opts.layers ? `${b.ref}\t${b.layer}\t${b.text.replace(/\t/gu, ' | ')}` : b.text);
        process.stdout.write(blocks.map(line).join('\n') + '\n');
      } catch (e) {
        fail(file, e);
      }
    });

  program
    .command('extract')
    .description('抽取文件的元数据和任务，输出 JSON（一个文件输出到屏幕；多个文件用 --out 写入目录）')
    .argument('<files...>', '一个或多个文件')
    .option('-o, --out <dir>', '把每个文件的 JSON 写到这个目录（<文档编号>.json）')
    .option('--password <password>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .action(async (files: string[], opts: { out?: string; password?: string; maxSize?: number }) => {
      const { extractFile } = await import('./pipeline.js');
      const options = { password: opts.password, maxBytes: opts.maxSize };
      if (!opts.out) {
        if (files.length > 1) {
          console.error('一次抽取多个文件时，请用 --out <目录> 指定输出目录');
          process.exitCode = 2;
          return;
        }
        const outcome = await extractFile(files[0], options);
        if (!outcome.ok) return failLine(outcome.line);
        process.stdout.write(JSON.stringify(outcome.result, null, 2) + '\n');
        return;
      }
      const { runBatch } = await import('./main-job.js');
      const summary = await runBatch(files, { out: opts.out, ...options, registers: false });
      if (summary.failed > 0) process.exitCode = 1;
    });

  program
    .command('run')
    .description('主流程：处理目录里的全部文件，写出 JSON、任务台账（XLSX）和失败清单')
    .argument('[paths...]', '文件或目录（默认 corpus）', ['corpus'])
    .option('-o, --out <dir>', '输出目录', 'output')
    .option('--password <password>', '加密 PDF 的打开密码')
    .option('--max-size <MB>', '文件大小上限（MB）', megabytes)
    .option('--no-registers', '不生成 XLSX 任务台账')
    .option('--db <path>', '同时存入这个 SQLite 库')
    .action(async (paths: string[], opts: { out: string; password?: string; maxSize?: number; registers: boolean; db?: string }) => {
      const { runBatch, listInputFiles } = await import('./main-job.js');
      const files = await listInputFiles(paths);
      if (!files.length) {
        console.error(`${paths.join(' ')}：没有找到可处理的文件（PDF、DOCX、DOC、TXT、HTML）`);
        process.exitCode = 2;
        return;
      }
      const summary = await runBatch(files, { out: opts.out, password: opts.password, maxBytes: opts.maxSize, registers: opts.registers, db: opts.db });
      if (summary.failed > 0) process.exitCode = 1;
    });

  return program;
}

function fail(file: string, e: unknown): void {
  failLine(failureLine(file, e).line);
}

function failLine(line: string): void {
  console.error(line);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const program = buildProgram();
  // each part registers its own commands; they load their heavy modules inside their actions
  addRegisterCommands(program);
  addStoreCommands(program);
  addCompareCommands(program);
  await program.parseAsync(process.argv);
}

main().catch((e) => {
  console.error(failureLine('taizhang', e).line);
  process.exitCode = 1;
});
