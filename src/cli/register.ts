// taizhang register: parse options, gather the documents (files, extract JSONs or stored ids),
// write the register, print where it is.
import { OCR_HELP, ocrModeOption, ocrOptions } from './ocr-options.js';
import type { OcrCache, OcrMode } from '../read/ocr-pages.js';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, MESSAGES, ReadFailure } from '../messages.js';
import { ExtractResult } from '../model.js';
import { RegisterFilter } from '../register/filter.js';
import { documentsYear, parseDueBefore, resolveDueBefore, type DueBefore } from './due-date.js';
import { parseFullDate } from '../lexicon/dates.js';
import { RegisterFormat } from '../register/filter.js';
import type { TaskStore } from '../store/store.js';
import type { TrackingState } from '../store/tracking.js';

interface RegisterCliOptions {
  out: string;
  format?: RegisterFormat;
  unit?: string;
  dueBefore?: DueBefore;
  recurring?: boolean;
  db?: string;
  password?: string;
  today?: string;
  perUnit?: string;
  ocr?: OcrMode;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, RegisterFormat>> = { '.xlsx': 'xlsx', '.csv': 'csv', '.md': 'md', '.json': 'json' };

function parseFormat(v: string): RegisterFormat {
  const parsed = RegisterFormat.safeParse(v.toLowerCase());
  if (!parsed.success) throw new InvalidArgumentError('格式只能是 xlsx、csv、md 或 json');
  return parsed.data;
}


/** --today: one whole day (2020-06-30, 2020年6月30日, 2020/6/30); a day without its year is refused. */
export function parseToday(value: string): string {
  const iso = parseFullDate(value.trim());
  if (!iso) throw new InvalidArgumentError(`${MESSAGES.E_BAD_DATE} [E_BAD_DATE]`);
  return iso;
}

/** The machine's calendar day, for --today left out: only the CLI reads the clock, never the library. */
export function machineToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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

  /**
   * The store's OCR page cache for a scan named as a file, when the store is open or --db names one
   * that is there (files alone never open a store): pages read before are not read again.
   */
  ocrCache(db: string | undefined): OcrCache | undefined {
    if (!this.opened && !(db && existsSync(db))) return undefined;
    const cached = async () => {
      const store = await this.get();
      return store.getOcrPage && store.putOcrPage ? store : undefined;
    };
    return {
      getOcrPage: async (...a) => (await cached())?.getOcrPage!(...a),
      putOcrPage: async (...a) => (await cached())?.putOcrPage!(...a),
    };
  }

  /** Whether the store was opened (a stored document was asked for). */
  get opened(): boolean {
    return this.store !== undefined;
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}

/**
 * The recorded tracking of the register's items, when the register comes from the store: a stored
 * document was named, or --db points at a store that is there. Files alone never open a store.
 */
async function storedTracking(store: LazyStore, db: string | undefined, results: ExtractResult[], filter: RegisterFilter): Promise<Map<string, TrackingState> | undefined> {
  if (!store.opened && !(db && existsSync(db))) return undefined;
  const { registerKeys } = await import('../register/rows.js');
  return (await store.get()).tracking(registerKeys(results, filter));
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
async function loadSource(ref: string, store: LazyStore, password?: string, ocr?: OcrMode, db?: string): Promise<ExtractResult> {
  if (existsSync(ref) && statSync(ref).isFile()) {
    if (extname(ref).toLowerCase() === '.json') return readResultJson(ref);
    const { extractFile } = await import('../pipeline.js');
    const outcome = await extractFile(ref, { password, ocr: ocrOptions(ocr, store.ocrCache(db)) });
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
  let filter: RegisterFilter;
  let tracking: Map<string, TrackingState> | undefined;
  try {
    for (const ref of sources) {
      try {
        results.push(await loadSource(ref, store, opts.password, opts.ocr, opts.db));
      } catch (e) {
        console.error(e instanceof PipelineFailure ? e.message : failureLine(ref, e).line);
        failed++;
      }
    }
    if (failed > 0) process.exitCode = 1;
    if (results.length === 0) return;
    const dueBefore = opts.dueBefore ? resolveDueBefore(opts.dueBefore, documentsYear(results)) : undefined;
    if (opts.dueBefore && !dueBefore) throw new ReadFailure('E_BAD_DATE', opts.dueBefore.text);
    filter = RegisterFilter.parse({ unit: opts.unit, dueBefore: dueBefore ?? undefined, recurring: opts.recurring });
    // what the units reported so far goes back out in the tracking columns
    tracking = await storedTracking(store, opts.db, results, filter);
  } finally {
    await store.close();
  }
  const { writeRegister, writeUnitRegisters } = await import('../register/index.js');
  const format = chooseFormat(opts.out, opts.format);
  const today = opts.today ?? machineToday();
  const rows = await writeRegister(results, { format, out: opts.out, filter, today, tracking });
  // a task with several 时间节点 is several rows, still one task
  const tasks = new Set(rows.map((r) => `${r.docId}\u0000${r.taskId}`)).size;
  const nodes = rows.length > tasks ? `，${rows.length} 行` : '';
  console.log(`台账 → ${opts.out}（${results.length} 个文件，${tasks} 项任务${nodes}）`);
  if (opts.perUnit) {
    const files = await writeUnitRegisters(results, opts.perUnit, filter, { today, tracking });
    console.log(`分单位台账 → ${opts.perUnit}（${files.length} 个单位）`);
  }
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
    .option('--today <日期>', '“距截止”从哪天算起，如 2020-06-30（默认今天）', parseToday)
    .option('--per-unit <目录>', '另为每个单位生成一个 XLSX（含其牵头和配合的任务），放在该目录')
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
