// Every line a user sees from the CLI is Chinese with a stable code: commander's own help and errors,
// --due-before as staff write dates, and the messages users met (a mistyped path, diff of a scan).
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chineseError, displayWidth } from '../../src/cli/chinese-commander.js';
import { documentsYear, parseDueBefore, resolveDueBefore } from '../../src/cli/due-date.js';
import type { ExtractResult } from '../../src/model.js';
import { notice, taizhang, tempDir, writeFiles } from './cli-run.js';

const ENGLISH = /\b(Usage|Options|Commands|Arguments|error|default|display help|output the version|required|unknown|missing|argument)\b/u;

describe('help is Chinese', () => {
  const commands = ['text', 'extract', 'run', 'register', 'ingest', 'search', 'documents', 'diff', 'check', 'conflicts'];
  test.each([[['--help']], [['help', 'run']], ...commands.map((c) => [[c, '--help']])])('%j', async (args) => {
    const r = await taizhang(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：/u);
    expect(r.stdout).not.toMatch(ENGLISH);
    // placeholders are Chinese too: <文件>, <路径>, not <file>, <path>
    expect(r.stdout).not.toMatch(/<(file|files|path|dir|words|n|password|date|name|format)(\.\.\.)?>/u);
  });
});

test('help columns line up with Chinese argument names (CJK counted two columns wide)', async () => {
  const r = await taizhang(['--help']);
  const rows = r.stdout.split('\n').filter((l) => /^  (text|extract|run|register|diff|check|help) /u.test(l));
  expect(rows.length).toBe(7);
  const column = (l: string) => displayWidth(/^(\s+\S.*?\s{2,})/u.exec(l)![1]);
  expect(new Set(rows.map(column)).size).toBe(1);
  expect(displayWidth('run [选项] [路径...]')).toBe(20);
});

describe('commander errors: one Chinese line with a code (and the help hint), exit 2', () => {
  const cases: [string[], string, RegExp][] = [
    [['frobnicate'], 'E_UNKNOWN_COMMAND', /没有这个命令“frobnicate”/u],
    [['rn'], 'E_UNKNOWN_COMMAND', /是不是要用 run？/u],
    [['run', '--bogus'], 'E_UNKNOWN_OPTION', /没有这个选项“--bogus”.*taizhang run --help/u],
    [['extract'], 'E_MISSING_ARGUMENT', /缺少必填的参数/u],
    [['register', 'a.json'], 'E_MISSING_OPTION', /缺少必填的选项“-o, --out <路径>”/u],
    [['run', '--out'], 'E_OPTION_NO_VALUE', /选项后面缺少取值/u],
    [['run', '--max-size', 'abc'], 'E_BAD_OPTION_VALUE', /--max-size <MB> 的取值“abc”不对：请给出正数/u],
    [['run', '--file-timeout', '-1'], 'E_BAD_OPTION_VALUE', /--file-timeout/u],
    [['text', 'a.txt', 'b.txt'], 'E_TOO_MANY_ARGUMENTS', /参数太多/u],
    [['register', 'a.json', '-o', 'x.xlsx', '--due-before', '下个月吧'], 'E_BAD_DATE', /日期看不懂/u],
  ];
  test.each(cases)('%j → %s', async (args, code, wording) => {
    const r = await taizhang(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [line, hint] = r.stderr.trim().split('\n');
    expect(line).toMatch(new RegExp(`^taizhang.*: .* \\[${code}\\]$`, 'u'));
    expect(line).toMatch(wording);
    expect(hint).toMatch(/^（用 taizhang --help 查看用法/u);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  test('chineseError keeps our own code when a value parser names one', () => {
    expect(chineseError("error: option '--due-before <日期>' argument 'x.y' is invalid. 日期看不懂：请写成 2020-06-30 [E_BAD_DATE]", 'commander.invalidArgument', 'taizhang register')).toEqual({
      code: 'E_BAD_DATE',
      line: 'taizhang register: --due-before <日期> 的取值“x.y”不对：日期看不懂：请写成 2020-06-30 [E_BAD_DATE]',
    });
  });
});

describe('--due-before as staff write it', () => {
  const doc = (date: string) => ({ document: { date } }) as unknown as ExtractResult;
  const cases: [string, number, string][] = [
    ['2020-06-30', 2021, '2020-06-30'],
    ['2020年6月30日', 2021, '2020-06-30'],
    ['2020/6/30', 2021, '2020-06-30'],
    ['二〇二〇年六月三十日', 2021, '2020-06-30'],
    ['6月30日', 2020, '2020-06-30'],
    ['6月底', 2020, '2020-06-30'],
    ['2月底', 2024, '2024-02-29'],
    ['年底', 2019, '2019-12-31'],
    ['明年6月底', 2020, '2021-06-30'],
    ['9月', 2022, '2022-09-30'],
    ['三季度末', 2022, '2022-09-30'],
    ['上半年', 2022, '2022-06-30'],
    ['6月底前', 2020, '2020-06-30'],
  ];
  test.each(cases)('%s (year %i) → %s', (text, year, iso) => expect(resolveDueBefore(parseDueBefore(text), year)).toBe(iso));

  test.each(['下个月', '2020', '6/30/2020', '6月底和9月底', '2020-13-01', 'soon'])('%s is refused with E_BAD_DATE', (text) => {
    expect(() => parseDueBefore(text)).toThrow(/日期看不懂.*\[E_BAD_DATE\]/u);
  });

  test('the year comes from the documents (latest issue year), else this year', () => {
    expect(documentsYear([doc('2019-03-01'), doc('2020-11-02')])).toBe(2020);
    expect(documentsYear([doc('')], new Date('2026-05-01'))).toBe(2026);
  });

  test('register --due-before 6月底 on a 2021 notice keeps the tasks due by 2021-06-30', async () => {
    const dir = await tempDir('due');
    const [f] = await writeFiles(dir, {
      'plan.txt': '关于做好防汛工作的通知\n各乡镇人民政府：\n一、县水利局要在5月底前完成河道清障。\n二、县应急管理局要在9月底前完成物资储备。\n县人民政府办公室\n2021年3月1日\n',
    });
    const out = path.join(dir, 'r.json');
    const r = await taizhang(['register', f, '-o', out, '--due-before', '6月底']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(await (await import('node:fs/promises')).readFile(out, 'utf8')) as unknown[];
    expect(JSON.stringify(rows)).toContain('河道清障');
    expect(JSON.stringify(rows)).not.toContain('物资储备');
  });
});

describe('messages users met', () => {
  test('register with a mistyped path says the file is not found, not that the database is missing', async () => {
    const dir = await tempDir('typo');
    for (const ref of [path.join(dir, '实施方案.pdf'), 'reports/plan.docx', '方案.txt']) {
      const r = await taizhang(['register', ref, '-o', path.join(dir, 'x.xlsx'), '--db', path.join(dir, 'none.sqlite')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/找不到文件.*\[E_NOT_FOUND\]$/u);
      expect(r.stderr).not.toContain('数据库');
    }
  });

  test('diff and check of a mistyped path: E_NOT_FOUND', async () => {
    const dir = await tempDir('typo2');
    const [ok] = await writeFiles(dir, { 'ok.txt': notice(1) });
    const r = await taizhang(['diff', ok, path.join(dir, '方案2.pdf'), '--db', path.join(dir, 'none.sqlite')]);
    expect(r.stderr.trim()).toMatch(/方案2\.pdf: 找不到文件.*\[E_NOT_FOUND\]$/u);
  });

  test.each([
    ['empty.txt', '', 'E_EMPTY'],
    ['fake.pdf', 'plain text, not a pdf', 'E_NOT_PDF'],
  ])('diff / check of %s give the reader’s own line, not 程序错误', async (name, content, code) => {
    const dir = await tempDir('diffbad');
    const [ok, bad] = await writeFiles(dir, { 'ok.txt': notice(2), [name]: content });
    for (const args of [['diff', ok, bad], ['check', bad, '--against', ok]]) {
      const r = await taizhang(args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(new RegExp(`${name.replace('.', '\\.')}: .*\\[${code}\\]$`, 'u'));
      expect(r.stderr).not.toContain('程序错误');
    }
  });
});
