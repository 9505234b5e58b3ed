import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { addRegisterCommands, chooseFormat } from '../../src/cli/register.js';
import { ExtractResult } from '../../src/model.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';

const fixturePath = (name: string) => new URL(`../fixtures/results/${name}.json`, import.meta.url).pathname;
const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(fixturePath(name), 'utf8')));

let dir: string;
let db: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-cli-register-'));
  db = join(dir, 'taizhang.sqlite');
  const store = SqliteTaskStore.open(db);
  await store.ingest(fixture('city-notice'));
  await store.updateTracking('qinghe-city-2020-15#1', { status: '推进中', progress: '已受理申请312份', supervised: true }, { by: '市教育局学生资助管理中心', source: 'cli', at: '2020-09-20T08:00:00Z' });
  await store.close();
});
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<number> {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command().exitOverride().configureOutput({ writeErr: (s) => void err.push(s.trim()), writeOut: (s) => void out.push(s) });
  addRegisterCommands(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'taizhang', ...args]);
  } catch {
    process.exitCode ??= 2; // commander refused the options (exitOverride throws instead of exiting)
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return code;
}

test('chooseFormat: --format, else the extension, else xlsx', () => {
  expect(chooseFormat('a.csv')).toBe('csv');
  expect(chooseFormat('a.MD')).toBe('md');
  expect(chooseFormat('a.csv', 'json')).toBe('json');
  expect(chooseFormat('台账')).toBe('xlsx');
});

test('extract JSONs and a stored document id make one register', async () => {
  const xlsx = join(dir, 'out', '台账.xlsx');
  expect(await run('register', fixturePath('county-plan'), fixturePath('bulletin'), 'qinghe-city-2020-15', '--db', db, '--out', xlsx)).toBe(0);
  expect(out).toEqual([`台账 → ${xlsx}（3 个文件，9 项任务，22 行）`]);
  expect(err).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  // the title and document lines above the header
  expect(wb.getWorksheet('任务台账')!.rowCount).toBe(25);
});

test('a register from the store carries what was recorded in the tracking columns', async () => {
  const xlsx = join(dir, 'stored.xlsx');
  expect(await run('register', 'qinghe-city-2020-15', '--db', db, '--out', xlsx, '--today', '2020-09-21')).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('任务台账')!;
  const header = ws.getRow(3).values as unknown[];
  const cell = (r: number, h: string) => ws.getRow(r).getCell(header.indexOf(h)).value;
  expect(['任务键', '状态', '进展情况', '督办', '距截止'].map((h) => cell(4, h))).toEqual([
    'qinghe-city-2020-15#1', '推进中', '2020-09-20 市教育局学生资助管理中心：已受理申请312份', '是', 40,
  ]);
  expect(cell(5, '状态')).toBeNull();
});

test('--today counts 距截止 from that day; --per-unit writes a workbook per unit', async () => {
  const xlsx = join(dir, 'today.xlsx');
  const units = join(dir, 'units');
  expect(await run('register', fixturePath('county-plan'), '--out', xlsx, '--today', '2020年6月15日', '--per-unit', units)).toBe(0);
  expect(out).toEqual([`台账 → ${xlsx}（1 个文件，6 项任务，15 行）`, `分单位台账 → ${units}（8 个单位）`]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('任务台账')!;
  expect(ws.getRow(4).getCell(10).value).toBe(15);
  expect(ws.getCell('A2').value).toContain('距截止按 2020年6月15日 计');
  expect(existsSync(join(units, '县扶贫办.xlsx'))).toBe(true);
  expect(await run('register', fixturePath('county-plan'), '--out', xlsx, '--today', '6月15日')).toBe(2);
  expect(err.join('\n')).toContain('[E_BAD_DATE]');
});

test('filters reach the register: --unit, --due-before, --recurring, CSV by extension', async () => {
  const csv = join(dir, 'due.csv');
  expect(await run('register', fixturePath('county-plan'), '--out', csv, '--unit', '教育局', '--due-before', '2020-06-30')).toBe(0);
  expect(out).toEqual([`台账 → ${csv}（1 个文件，1 项任务）`]);
  const lines = (await readFile(csv, 'utf8')).split('\r\n');
  expect(lines[1].startsWith('1,二、重点任务,对建档立卡贫困家庭学前教育幼儿')).toBe(true);
  expect(lines).toHaveLength(3);
  const md = join(dir, 'recurring.md');
  expect(await run('register', fixturePath('county-plan'), '--out', md, '--recurring')).toBe(0);
  expect(out).toEqual([`台账 → ${md}（1 个文件，1 项任务，10 行）`]);
});

test('an unknown id or a broken JSON is one Chinese line each; the others still make the register', async () => {
  const bad = join(dir, 'bad.json');
  await (await import('node:fs/promises')).writeFile(bad, '{"not":"a result"}');
  const json = join(dir, 'r.json');
  expect(await run('register', 'no-such-doc', bad, fixturePath('county-plan'), '--db', db, '--out', json)).toBe(1);
  expect(err).toEqual([
    'no-such-doc: 台账数据库中没有这个文件：请先用 taizhang ingest 存入，或用 taizhang documents 查看文件编号 [E_NOT_IN_STORE]',
    `${bad}: 不是 taizhang extract 输出的抽取结果 JSON：请用 taizhang extract 重新生成 [E_BAD_RESULT_JSON]`,
  ]);
  const rows = JSON.parse(await readFile(json, 'utf8')) as { 序号: number; taskId: string }[];
  expect(rows.map((r) => r.序号)).toEqual([1, 2, 3, 4, 5, ...Array.from({ length: 10 }, (_, i) => `6-${i + 1}`)]);
});

test('a stored id with no store says where it looked, and creates nothing', async () => {
  const missing = join(dir, 'none', 'x.sqlite');
  expect(await run('register', 'qinghe-city-2020-15', '--db', missing, '--out', join(dir, 'x.xlsx'))).toBe(1);
  expect(err).toEqual([`qinghe-city-2020-15: 找不到台账数据库：请先用 taizhang ingest 存入文件，或用 --db 指定数据库路径（${missing}） [E_STORE_MISSING]`]);
  expect(existsSync(missing)).toBe(false);
  expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
});

test('a date that cannot be read is refused before anything runs', async () => {
  // issue #19: 2020/6/30, 2020年6月30日 and 6月底 are accepted now; words that name no date are not
  expect(await run('register', fixturePath('county-plan'), '--out', join(dir, 'y.csv'), '--due-before', '下个月')).toBe(2);
  expect(err.join('\n')).toContain('日期看不懂：请写成 2020-06-30、2020年6月30日');
  expect(await run('register', fixturePath('county-plan'), '--out', join(dir, 'y.csv'), '--format', 'pdf')).toBe(2);
  expect(err.join('\n')).toContain('格式只能是 xlsx、csv、md 或 json');
});
