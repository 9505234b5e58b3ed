// taizhang register: parse options, gather the documents (files, extract JSONs or stored ids),
// write the register, print where it is.
import { OCR_HELP, ocrModeOption, ocrOptions } from './ocr-options.js';
import type { OcrMode } from '../read/ocr-pages.js';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, MESSAGES, ReadFailure } from '../messages.js';
import { ExtractResult } from '../model.js';
import { RegisterFilter } from '../register/filter.js';
import { documentsYear, parseDueBefore, resolveDueBefore, type DueBefore } from './due-date.js';
import { RegisterFormat } from '../register/filter.js';
import type { TaskStore } from '../store/store.js';

interface RegisterCliOptions {
  out: string;
  format?: RegisterFormat;
  unit?: string;
  dueBefore?: DueBefore;
  recurring?: boolean;
  db?: string;
  password?: string;
  ocr?: OcrMode;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, RegisterFormat>> = { '.xlsx': 'xlsx', '.csv': 'csv', '.md': 'md', '.json': 'json' };

function parseFormat(v: string): RegisterFormat {
  const parsed = RegisterFormat.safeParse(v.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError('格式只能是 xlsx、csv、md 或 json');
  return parsed.data;
}


/** --format wins; else the extension of --out says it; else XLSX, the register staff hand on. */
export function chooseFormat(out: string, format?: RegisterFormat): RegisterFormat {
  return format ?? FORMAT_BY_EXTENSION[extname(out).toLowerCase()] ?? 'xlsx';
}

async function readResultJson(file: string): Promise<ExtractResult> {
  try {
    const parsed = ExtractResult.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON at all: the same answer as JSON of the wrong shape
  }
  throw new ReadFailure('E_BAD_RESULT_JSON');
}

/** Opens the store on first need only: a register of files alone must not create a database. */
class LazyStore {
  private store: TaskStore | undefined;
  constructor(private readonly path?: string) {}

  async get(): Promise<TaskStore> {
    if (!this.store) {
      const { openExistingStore } = await import('../store/index.js');
      this.store = openExistingStore(this.path);
    }
    return this.store;
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}

/** A file the pipeline could not read: its line already names the file, the reason and the code. */
class PipelineFailure extends Error {}

/**
 * A name with a folder or a file extension is a path the user typed, not a document id: when it is
 * not there, say the file is missing rather than that the database is.
 */
export function looksLikePath(ref: string): boolean {
  return /[\\/]/u.test(ref) || /\.(pdf|docx?|wps|txt|html?|json|ofd|xlsx?|csv|md)$/iu.test(ref);
}

/** A source is a file to extract, an extract JSON, or the id (or sha256 prefix) of a stored document. */
async function loadSource(ref: string, store: LazyStore, password?: string, ocr?: OcrMode): Promise<ExtractResult> {
  if (existsSync(ref) && statSync(ref).isFile()) {
    if (extname(ref).toLowerCase() === '.json') return readResultJson(ref);
    const { extractFile } = await import('../pipeline.js');
    const outcome = await extractFile(ref, { password, ocr: ocrOptions(ocr) });
    if (!outcome.ok) throw new PipelineFailure(outcome.line);
    return outcome.result;
  }
  if (looksLikePath(ref)) throw new ReadFailure('E_NOT_FOUND');
  const found = await (await store.get()).result(ref);
  if (!found) throw new ReadFailure('E_NOT_IN_STORE');
  return found;
}

async function runRegister(sources: string[], opts: RegisterCliOptions): Promise<void> {
  const store = new LazyStore(opts.db);
  const results: ExtractResult[] = [];
  let failed = 0;
  try {
    for (const ref of sources) {
      try {
        results.push(await loadSource(ref, store, opts.password, opts.ocr));
      } catch (e) {
        console.error(e instanceof PipelineFailure ? e.message : failureLine(ref, e).line);
        failed++;
      }
    }
  } finally {
    await store.close();
  }
  if (failed > 0) process.exitCode = 1;
  if (results.length === 0) return;
  const dueBefore = opts.dueBefore ? resolveDueBefore(opts.dueBefore, documentsYear(results)) : undefined;
  if (opts.dueBefore && !dueBefore) throw new ReadFailure('E_BAD_DATE', opts.dueBefore.text);
  const filter = RegisterFilter.parse({ unit: opts.unit, dueBefore: dueBefore ?? undefined, recurring: opts.recurring });
  const { writeRegister } = await import('../register/index.js');
  const format = chooseFormat(opts.out, opts.format);
  const rows = await writeRegister(results, { format, out: opts.out, filter });
  console.log(`台账 → ${opts.out}（${results.length} 个文件，${rows.length} 项任务）`);
}

export function addRegisterCommands(program: Command): void {
  program
    .command('register')
    .description('生成任务台账（XLSX、CSV、Markdown 或 JSON），每项任务一行')
    .argument('<来源...>', '文件、taizhang extract 输出的 .json，或库中的文件编号（见 taizhang documents）')
    .requiredOption('-o, --out <路径>', '台账输出路径，如 台账.xlsx')
    .option('-f, --format <格式>', '格式：xlsx、csv、md、json（默认看 --out 的扩展名）', parseFormat)
    .option('--unit <单位>', '只列该单位牵头或配合的任务（简称也可，如 教育局、人社局）')
    .option(
      '--due-before <日期>',
      '只列完成时限在该日（含）之前的任务，可写 2020-06-30、2020年6月30日、2020/6/30、6月30日、6月底、年底；没写年份时用文件的发文年份（几个文件取最新的一年），文件没有发文日期时用今年',
      parseDueBefore,
    )
    .option('--recurring', '只列有定期要求（每月、每季度……）的任务')
    .option('--db <路径>', '台账数据库路径（默认 .taizhang/taizhang.sqlite，也可用环境变量 TAIZHANG_DB）')
    .option('--password <密码>', '加密 PDF 的打开密码')
    .option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto')
    .action(async (sources: string[], opts: RegisterCliOptions) => {
      try {
        await runRegister(sources, opts);
      } catch (e) {
        console.error(failureLine(opts.out, e).line);
        process.exitCode = 1;
      }
    });
}
