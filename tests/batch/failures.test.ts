// The failure list a person opens in Excel: columns split from the one line, formula-looking cells inert,
// and every file written whole or not at all.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { failureColumns, failuresCsv, FailureList } from '../../src/batch-failures.js';
import { inertCell } from '../../src/register/csv-format.js';
import { removeStaleTemps, tempPathFor, writeFileAtomic } from '../../src/atomic-write.js';
import { failureLine, ReadFailure, writeFailure } from '../../src/messages.js';

const row = (file: string, e: ReadFailure) => ({ file, ...failureLine(file, e) });

/** RFC 4180 reader, enough to read our own CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cell = '';
  let cells: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell), rows.push(cells), (cells = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('failureColumns: 文件, 原因, 怎么办, 代码', () => {
  const cases: [string, ReadFailure, [string, string, string, string]][] = [
    ['县/空.pdf', new ReadFailure('E_EMPTY'), ['县/空.pdf', '文件是空的（0 字节）', '请重新导出或重新下载原文件', 'E_EMPTY']],
    ['慢.docx', new ReadFailure('E_TIMEOUT', '120 秒'), ['慢.docx', '处理超时，已停止处理该文件', '请确认文件是否异常，或用 --file-timeout 调高每个文件的时限（秒）（120 秒）', 'E_TIMEOUT']],
    ['a: b.txt', new ReadFailure('E_NO_TEXT'), ['a: b.txt', '文件中没有可读的正文', '请确认文件内容', 'E_NO_TEXT']],
  ];
  test.each(cases)('%s', (file, e, want) => expect(failureColumns(row(file, e))).toEqual(want));
});

describe('CSV cells that Excel would run as formulas come out inert (OWASP)', () => {
  const dangerous = ['=HYPERLINK("http://x","点我").pdf', '+1+2.txt', '-2+3.docx', '@SUM(A1).html', '\t=1.txt', '\r=1.txt'];
  test.each(dangerous)('%j', (name) => {
    const back = parseCsv(failuresCsv([row(name, new ReadFailure('E_NOT_PDF'))]).slice(1));
    expect(back[0]).toEqual(['文件', '原因', '怎么办', '代码']);
    expect(back[1][0]).toBe(`'${name}`);
    expect(back[1][3]).toBe('E_NOT_PDF');
  });
  test('ordinary names are left as they are', () => {
    expect(inertCell('本溪市方案.pdf')).toBe('本溪市方案.pdf');
    expect(inertCell('a=b.pdf')).toBe('a=b.pdf');
  });
  test('the CSV opens in Excel as UTF-8: BOM, CRLF', () => {
    const csv = failuresCsv([row('x.pdf', new ReadFailure('E_SCANNED'))]);
    expect(csv.startsWith('\uFEFF文件,原因,怎么办,代码\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

test('FailureList: JSON and CSV after every failure, the workbook at the end', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tz-failures-'));
  await writeFile(path.join(dir, 'failures.json'), '[{"stale": true}]');
  const list = new FailureList(dir);
  await list.start();
  expect(JSON.parse(await readFile(path.join(dir, 'failures.json'), 'utf8'))).toEqual([]);
  await list.add(row('甲.pdf', new ReadFailure('E_SCANNED')));
  expect(JSON.parse(await readFile(path.join(dir, 'failures.json'), 'utf8'))).toHaveLength(1);
  await list.add(row('=乙.pdf', new ReadFailure('E_CORRUPT_PDF')));
  const csv = parseCsv((await readFile(path.join(dir, '失败清单.csv'), 'utf8')).slice(1));
  expect(csv.map((r) => r[0])).toEqual(['文件', '甲.pdf', "'=乙.pdf"]);
  const book = await list.finish();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book!);
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).values).toEqual([undefined, '文件', '原因', '怎么办', '代码']);
  // a workbook cell is text by type, so the name stays as written and is still no formula
  expect(ws.getRow(3).getCell(1).value).toBe('=乙.pdf');
  expect(ws.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
  expect(ws.getRow(3).getCell(4).value).toBe('E_CORRUPT_PDF');
  expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
});

test('atomic writes: the target is whole, a failed write leaves no temporary file, stale ones are removed', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tz-atomic-'));
  const target = path.join(dir, '方案.json');
  await writeFileAtomic(target, '{"a":1}');
  expect(await readFile(target, 'utf8')).toBe('{"a":1}');
  await expect(writeFileAtomic(path.join(dir, 'no-such-dir', 'x.json'), '{}')).rejects.toThrow();
  const stale = tempPathFor(target);
  await writeFile(stale, '{"trunc');
  expect(path.basename(stale).startsWith('.')).toBe(true);
  expect(stale.endsWith('.json')).toBe(false);
  await removeStaleTemps(dir);
  expect(await readdir(dir)).toEqual(['方案.json']);
});

describe('write errors from the operating system are said as such, anything else stays a program error', () => {
  const sys = (code: string) => Object.assign(new Error(`${code}: something`), { code });
  const cases: [unknown, string][] = [
    [sys('ENOSPC'), 'E_DISK_FULL'],
    [sys('EDQUOT'), 'E_DISK_FULL'],
    [sys('EACCES'), 'E_NOT_WRITABLE'],
    [sys('EROFS'), 'E_NOT_WRITABLE'],
    [sys('ENOTDIR'), 'E_NOT_WRITABLE'],
    [new TypeError('x is undefined'), 'E_INTERNAL'],
    [Object.assign(new Error('bad arg'), { code: 'ERR_INVALID_ARG_TYPE' }), 'E_INTERNAL'],
  ];
  test.each(cases)('%s → %s', (err, code) => expect(failureLine('out/a.json', writeFailure(err, 'out')).code).toBe(code));
  test('a full disk is never a program error, even where nobody expected a write', () => {
    expect(failureLine('x.pdf', sys('ENOSPC')).code).toBe('E_DISK_FULL');
  });
});
