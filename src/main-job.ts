// The main job: many files in, one JSON per document, an XLSX register per plan, and a failure
// list, all in one output folder. One line per file; a progress bar on long runs.
import { readdir, stat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractResult } from './model.js';
import { extractMany } from './batch.js';
import type { ExtractOptions } from './pipeline.js';

export const INPUT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.txt', '.html', '.htm', '.md']);

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
  /** where the per-file lines go; default stderr for failures and stdout for the rest */
  quiet?: boolean;
}

export interface BatchSummary {
  ok: number;
  failed: number;
  written: string[];
  failures: { file: string; code: string; line: string }[];
}

function outName(result: ExtractResult): string {
  return `${result.document.id}.json`;
}

export async function runBatch(files: string[], options: BatchRunOptions): Promise<BatchSummary> {
  await mkdir(options.out, { recursive: true });
  const bar = files.length >= 8 && process.stderr.isTTY && !options.quiet ? await progressBar(files.length) : null;
  const summary: BatchSummary = { ok: 0, failed: 0, written: [], failures: [] };
  const results: ExtractResult[] = [];
  const writes: Promise<void>[] = [];
  const say = (line: string, toErr = false) => {
    if (options.quiet) return;
    if (bar) bar.log(line);
    else (toErr ? process.stderr : process.stdout).write(line + '\n');
  };
  const outcomes = await extractMany(files, {
    password: options.password,
    maxBytes: options.maxBytes,
    workers: options.workers,
    onOutcome: (o) => {
      bar?.increment();
      if (o.ok) {
        const target = path.join(options.out, outName(o.result));
        writes.push(writeFile(target, JSON.stringify(o.result, null, 2) + '\n'));
        const d = o.result.document;
        say(`✓ ${o.file} → ${target}（${d.docType}，任务 ${o.result.tasks.length} 条${d.source.pages ? `，${d.source.pages} 页` : ''}）`);
      } else {
        say(`✗ ${o.line}`, true);
      }
    },
  });
  // the summary follows the input order, whatever order the workers finished in
  for (const o of outcomes) {
    if (o.ok) {
      results.push(o.result);
      summary.ok++;
      summary.written.push(path.join(options.out, outName(o.result)));
    } else {
      summary.failed++;
      summary.failures.push({ file: o.file, code: o.code, line: o.line });
    }
  }
  bar?.stop();
  await Promise.all(writes);
  // the failure list is written every run, empty when nothing failed, so a stale one never misleads
  await writeFile(path.join(options.out, 'failures.json'), JSON.stringify(summary.failures, null, 2) + '\n');
  if (options.registers) await writeRegisters(results, options.out, say);
  if (options.db) await ingestAll(results, options.db, say);
  say(`完成：成功 ${summary.ok} 个，失败 ${summary.failed} 个；输出在 ${options.out}${summary.failed ? `，失败清单见 ${path.join(options.out, 'failures.json')}` : ''}`);
  return summary;
}

async function writeRegisters(results: ExtractResult[], out: string, say: (l: string) => void): Promise<void> {
  const { writeRegister } = await import('./register/index.js');
  for (const r of results.filter((x) => x.document.isPlan && x.tasks.length > 0)) {
    const file = path.join(out, `${r.document.id}.台账.xlsx`);
    await writeRegister([r], { format: 'xlsx', out: file });
    say(`  台账 → ${file}`);
  }
}

async function ingestAll(results: ExtractResult[], db: string, say: (l: string) => void): Promise<void> {
  const { openStore } = await import('./store/index.js');
  const store = openStore(db);
  try {
    for (const r of results) await store.ingest(r);
  } finally {
    store.close();
  }
  say(`  已存入 ${db}`);
}

interface Bar {
  increment(): void;
  log(line: string): void;
  stop(): void;
}

async function progressBar(total: number): Promise<Bar> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ format: '{bar} {value}/{total} 个文件', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    increment: () => bar.increment(),
    log: (line) => {
      process.stderr.write('\r\x1b[K' + line + '\n');
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
