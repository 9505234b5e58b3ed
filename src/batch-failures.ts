// The failure list of a batch, kept on disk as it grows: failures.json for scripts, 失败清单.csv for a
// person with Excel (rewritten whole after each failure, atomically), and 失败清单.xlsx at the end.
// A run killed half-way leaves the failures so far, never a truncated list.
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { replaceAtomic, writeFileAtomic } from './atomic-write.js';
import { csvText } from './register/csv-format.js';
import { MESSAGES, type MessageCode } from './messages.js';

export interface FailureRow {
  file: string;
  code: string;
  line: string;
}

export const FAILURE_FILES = { json: 'failures.json', csv: '失败清单.csv', xlsx: '失败清单.xlsx' } as const;

const HEADER = ['文件', '原因', '怎么办', '代码'] as const;

/**
 * 原因 and 怎么办 of a failure: its line is `file: 原因：怎么办（detail） [CODE]`; the wording table says
 * where the reason ends, so the split follows the message, not a guess about punctuation.
 */
export function failureColumns(row: FailureRow): [string, string, string, string] {
  let text = row.line;
  if (text.startsWith(`${row.file}: `)) text = text.slice(row.file.length + 2);
  text = text.replace(new RegExp(` \\[${row.code}\\]$`, 'u'), '');
  const wording = (MESSAGES as Record<string, string>)[row.code as MessageCode];
  const cut = wording ? wording.indexOf('：') : -1;
  if (cut > 0 && text.startsWith(wording.slice(0, cut + 1))) return [row.file, wording.slice(0, cut), text.slice(cut + 1), row.code];
  const i = text.indexOf('：');
  return i > 0 ? [row.file, text.slice(0, i), text.slice(i + 1), row.code] : [row.file, text, '', row.code];
}

export function failuresCsv(rows: FailureRow[]): string {
  // a file named `=HYPERLINK(…).pdf` stays text: the register's CSV writer makes every cell inert
  return csvText([[...HEADER], ...rows.map(failureColumns)]);
}

export class FailureList {
  readonly rows: FailureRow[] = [];

  constructor(private readonly dir: string) {}

  /** Start empty, so a list left by an earlier run never misleads. */
  async start(): Promise<void> {
    await this.flush();
    await unlink(path.join(this.dir, FAILURE_FILES.xlsx)).catch(() => undefined);
  }

  async add(row: FailureRow): Promise<void> {
    this.rows.push(row);
    await this.flush();
  }

  private async flush(): Promise<void> {
    await writeFileAtomic(path.join(this.dir, FAILURE_FILES.json), JSON.stringify(this.rows, null, 2) + '\n');
    await writeFileAtomic(path.join(this.dir, FAILURE_FILES.csv), failuresCsv(this.rows));
  }

  /** The workbook, once at the end: exceljs is too heavy to load after every failure. */
  async finish(): Promise<string | undefined> {
    if (this.rows.length === 0) return undefined;
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('失败清单');
    sheet.columns = [
      { header: HEADER[0], width: 40 },
      { header: HEADER[1], width: 40 },
      { header: HEADER[2], width: 60 },
      { header: HEADER[3], width: 20 },
    ];
    for (const row of this.rows) sheet.addRow(failureColumns(row).map((c) => xmlSafe(c)));
    const target = path.join(this.dir, FAILURE_FILES.xlsx);
    await replaceAtomic(target, (tmp) => book.xlsx.writeFile(tmp));
    return target;
  }
}

/** Characters XML 1.0 forbids make the whole workbook unreadable; a file name may carry them. */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '\ufffd');
}
