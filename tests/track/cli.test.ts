// The tracking commands as a user runs them: import a workbook a unit made itself (columns in
// another order, no 任务键, its own status words), track one item, list conflicts, due from --today,
// calendar and report. The plan is written for this test.
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { addStoreCommands } from '../../src/cli/store.js';
import { addTrackCommands } from '../../src/cli/track.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { runCommands } from '../run-commands.js';

const PLAN = `平安县人民政府办公室关于印发平安县2022年校园安全整治工作方案的通知

平政办发〔2022〕5号

各乡镇人民政府，县政府各部门：
现将《平安县2022年校园安全整治工作方案》印发给你们，请认真贯彻执行。

平安县人民政府办公室
2022年2月10日

平安县2022年校园安全整治工作方案

一、主要任务
（一）排查校舍安全隐患。5月底前完成全县中小学校舍安全隐患排查。（牵头单位：县教育局；配合单位：县住房城乡建设局）
（二）加强食品安全监管。每季度开展一次学校食堂食品安全检查。（牵头单位：县市场监管局；配合单位：县教育局）
（三）完善校园安保设施。9月底前完成校园视频监控系统升级改造。（牵头单位：县教育局）
`;

let dir: string;
let db: string;
let out: string[];
let err: string[];
let keys: { check: string; food: string; video: string };

async function run(...args: string[]): Promise<number> {
  const r = await runCommands((p) => { addStoreCommands(p); addTrackCommands(p); }, args);
  out = r.out;
  err = r.err;
  return r.code;
}
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tz-track-cli-'));
  db = join(dir, 'db.sqlite');
  await writeFile(join(dir, 'plan.txt'), PLAN);
  expect(await run('ingest', join(dir, 'plan.txt'), '--db', db)).toBe(0);
  const store = SqliteTaskStore.open(db);
  const [task] = await store.tasks();
  await store.close();
  const doc = task.task.id.replace(/#.*$/u, '');
  keys = { check: `${doc}#1.1`, food: `${doc}#1.2`, video: `${doc}#1.3` };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A workbook the 教育局 typed itself: a title, its own column order, no 任务键, numbering left off, one deadline re-typed. */
async function unitWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教育局');
  ws.addRow(['县教育局校园安全整治工作进展（3月）']);
  ws.addRow(['工作任务', '完成情况', '状态', '完成时间', '存在的问题', '序号']);
  ws.addRow(['排查校舍安全隐患。5月底前完成全县中小学校舍安全隐患排查。', '已排查学校42所', '进行中', '', '', 1]);
  ws.addRow(['完善校园安保设施。10月底前完成校园视频监控系统升级改造', '招标完成', '快好了', '2022-13-01', '资金缺口80万元', 3]);
  ws.addRow(['组织全县教师开展安全培训', '已培训', '已完成', '', '', 9]);
  await wb.xlsx.writeFile(file);
}

test('import: a unit-made workbook is matched by its task text; bad cells and an unknown row are reported with their place', async () => {
  const file = join(dir, '教育局.xlsx');
  await unitWorkbook(file);
  expect(await run('import', file, '--by', '县教育局', '--db', db)).toBe(1);
  expect(err).toEqual([
    `${file.split('/').pop()}：工作表“教育局”第4行“状态”列（C4）（填的是“快好了”）：${'状态填写不对，本格未导入（同行其他格照常导入）：请填 未开始、推进中、已完成、申请销号、已销号、滞后 之一'} [E_TRACK_BAD_STATUS]`,
    expect.stringMatching(/^教育局\.xlsx：工作表“教育局”第4行“完成时间”列（D4）（填的是“2022-13-01”）：完成时间看不懂.*\[E_TRACK_BAD_DATE\]$/u),
    expect.stringMatching(/^教育局\.xlsx：工作表“教育局”第4行：任务内容被改动，已记为修改建议.*\[E_TRACK_TEXT_PROPOSED\]$/u),
    expect.stringMatching(/^教育局\.xlsx：工作表“教育局”第5行：这一行对不上台账中的任务.*\[E_TRACK_UNMATCHED_ROW\]$/u),
  ]);
  expect(out.at(-1)).toBe(`已导入 ${file}：2/3 行对上任务，2 项有改动（4 处），新冲突 0 处，任务内容修改建议 1 条，未导入的格 2 处`);
  const store = SqliteTaskStore.open(db);
  const states = await store.tracking([keys.check, keys.video]);
  expect(states.get(keys.check)).toMatchObject({ status: '推进中', progress: [{ text: '已排查学校42所', by: '县教育局' }] });
  expect(states.get(keys.video)).toMatchObject({ status: '未开始', problems: '资金缺口80万元', progress: [{ text: '招标完成' }] });
  expect((await store.history(keys.check))[0].sourceRef).toBe('教育局.xlsx!教育局!C3');
  await store.close();
  // the same file again: nothing new
  await run('import', file, '--by', '县教育局', '--db', db);
  expect(out.at(-1)).toBe(`已导入 ${file}：2/3 行对上任务，0 项有改动（0 处），新冲突 0 处，任务内容修改建议 0 条，未导入的格 2 处`);
});

test('track: change one item, then read its state and history', async () => {
  expect(await run('track', keys.video, '--status', '推进中', '--note', '设备已到货', '--by', '王科长', '--db', db)).toBe(0);
  expect(out).toEqual([`${keys.video}：状态 未开始 → 推进中；进展情况 招标完成 → 设备已到货`]);
  expect(await run('track', keys.video, '--db', db)).toBe(0);
  expect(out[0]).toBe(`${keys.video}：推进中`);
  expect(out.slice(1).map((l) => l.replace(/^\S+ /u, ''))).toEqual([
    '县教育局（import 教育局.xlsx!教育局!B4）进展情况：（空） → 招标完成',
    '县教育局（import 教育局.xlsx!教育局!E4）存在问题：（空） → 资金缺口80万元',
    '王科长（cli）状态：未开始 → 推进中',
    '王科长（cli）进展情况：招标完成 → 设备已到货',
  ]);
  expect(await run('track', `${keys.video}@2099-01-01`, '--status', '已完成', '--by', 'x', '--db', db)).toBe(1);
  expect(err[0]).toMatch(/\[E_TRACK_NO_KEY\]$/u);
  expect(await run('track', keys.video, '--status', '差不多', '--by', 'x', '--db', db).catch(() => 1)).toBe(1);
});

test('conflicts-track lists the proposed text', async () => {
  expect(await run('conflicts-track', '--db', db)).toBe(0);
  expect(out[0]).toMatch(/^修改建议 .*#1\.3（县教育局，教育局\.xlsx!教育局!4）：原文“（三）完善校园安保设施。9月底前完成校园视频监控系统升级改造。” → “完善校园安保设施。10月底前完成校园视频监控系统升级改造”$/u);
  expect(out.at(-1)).toBe('冲突 0 条，任务内容修改建议 1 条');
});

test('due counts from --today only', async () => {
  expect(await run('due', '--within', '30d', '--today', '2022-06-10', '--db', db)).toBe(0);
  expect(out.map((l) => l.split('\t').slice(0, 4).join(' '))).toEqual([
    '逾期71天 2022-03-31 未开始 县市场监管局',
    '逾期10天 2022-05-31 推进中 县教育局',
    '还有20天 2022-06-30 未开始 县市场监管局',
    '逾期 2 项，30 天内到期 1 项（按 2022-06-10 计）',
  ]);
  expect(await run('due', '--within', '2w', '--today', '2022-06-10', '--unit', '教育局', '--db', db)).toBe(0);
  expect(out.at(-1)).toBe('逾期 2 项，14 天内到期 0 项（按 2022-06-10 计）');
  expect(await run('due', '--within', 'soon', '--db', db).catch(() => 1)).toBe(1);
});

test('calendar writes an .ics a calendar library reads, with the quarterly RRULE', async () => {
  const file = join(dir, '台账.ics');
  expect(await run('calendar', '--out', file, '--remind', '5', '--db', db)).toBe(0);
  const events = Object.values(ical.sync.parseICS(await readFile(file, 'utf8'))).filter((c): c is ical.VEvent => c.type === 'VEVENT');
  const food = events.find((e) => e.rrule)!;
  expect(food.rrule!.all().map((d) => d.toISOString().slice(0, 10))).toEqual(['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']);
  expect(events).toHaveLength(3);
});

test('report: counts and changes since the last report, which it records', async () => {
  const md = join(dir, '进展.md');
  expect(await run('report', '--out', md, '--today', '2022-06-10', '--db', db)).toBe(0);
  const text = await readFile(md, 'utf8');
  expect(text).toContain('| 县教育局 | 2 | 0 | 2 | 0 | 0 | 0 | 0 | 1 |');
  expect(text).toContain('首次报送');
  // the second report lists only what changed after the first
  expect(await run('track', keys.check, '--status', '已完成', '--by', '王科长', '--db', db)).toBe(0);
  const xlsx = join(dir, '进展.xlsx');
  expect(await run('report', '--out', xlsx, '--today', '2022-06-11', '--db', db)).toBe(0);
  expect(out[0]).toMatch(/（2 个单位，逾期 1 项，变化 1 条）$/u);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.getWorksheet('本期变化')!.getRow(2).values).toEqual([undefined, expect.any(String), '王科长', '命令行', expect.stringContaining('排查校舍安全隐患'), '状态', '推进中', '已完成', '']);
  expect(await run('report', '--out', join(dir, '进展.pdf'), '--db', db)).toBe(1);
  expect(err[0]).toMatch(/\[E_TRACK_BAD_FORMAT\]$/u);
});

test('ingest of a new version: tracking follows the tasks that say the same; the vanished one is listed', async () => {
  const v2 = PLAN.replace('（三）完善校园安保设施。9月底前完成校园视频监控系统升级改造。（牵头单位：县教育局）\n', '（三）开展防溺水专题教育。7月10日前完成全县中小学防溺水专题教育。（牵头单位：县教育局）\n')
    .replace('5月底前完成全县中小学校舍安全隐患排查。', '5月底前全面完成全县中小学校舍安全隐患排查。');
  await writeFile(join(dir, 'plan.txt'), v2);
  expect(await run('ingest', join(dir, 'plan.txt'), '--db', db)).toBe(0);
  expect(out[0]).toMatch(/^新版本 /u);
  expect(out[1]).toBe('　台账跟踪：1 项已随任务转到新版本，新版本新增 1 项任务（状态为未开始），1 项已填报的任务在新版本中找不到');
  expect(out[2]).toMatch(/^　　新版本中找不到：（三）完善校园安保设施。9月底前完成校园视频监控系统升级改造。（.*#1\.3 推进中）$/u);
  const store = SqliteTaskStore.open(db);
  const tasks = await store.tasks();
  const check = tasks.find((t) => t.task.text.includes('全面完成'))!.task.id;
  expect(check).not.toBe(keys.check);
  expect((await store.tracking([check])).get(check)!.status).toBe('已完成');
  await store.close();
});
