import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { writeRegister } from '../../src/register/index.js';
import { rowsByLeadUnit } from '../../src/register/xlsx.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const results = [fixture('county-plan'), fixture('bulletin'), fixture('city-notice')];
const HEADER = ['序号', '任务类别', '任务内容', '牵头单位', '配合单位', '责任领导', '责任人', '完成时限', '量化指标', '来源', '状态'];

async function readBack(filter = {}): Promise<ExcelJS.Workbook> {
  const out = join(await mkdtemp(join(tmpdir(), 'taizhang-xlsx-')), '台账.xlsx');
  await writeRegister(results, { format: 'xlsx', out, filter });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

test('sheets: the register, one per lead unit, then the warnings', async () => {
  const wb = await readBack();
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '任务台账', '县教育局 牵头', '县住建局 牵头', '县医保局 牵头', '县卫生健康局 牵头', '县扶贫办 牵头',
    '市教育局学生资助管理中心 牵头', '各县（区）教育局 牵头', '问题清单',
  ]);
});

test('the register sheet: header, frozen first row, autofilter, every task', async () => {
  const ws = (await readBack()).getWorksheet('任务台账')!;
  expect(values(ws, 1)).toEqual(HEADER);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBe('A1:K1');
  expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
  expect(ws.getRow(1).getCell(3).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
  expect(ws.getColumn(3).width).toBe(50);
  expect(ws.rowCount).toBe(10);
  expect(values(ws, 4)).toEqual([3, '二、重点任务', '完成贫困户D级危房改造189户，每户补助1.5万-2万元，9月30日前全部竣工验收。',
    '县住建局', '县扶贫办、县财政局、相关乡镇', '赵志刚（副县长）', '孙立新（县住建局局长）', '2020-09-30（9月30日前）',
    'D级危房改造 189户\n1.5万–2万元/户', 'qinghe-2020.pdf 第5页\n二、重点任务 > （二）住房安全保障']);
  expect(ws.getRow(5).getCell(11).value).toBe('已被取代');
  expect(ws.getRow(4).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
});

test('a lead unit sheet holds that unit\'s tasks with their register numbers', async () => {
  const ws = (await readBack()).getWorksheet('县教育局 牵头')!;
  expect(values(ws, 1)).toEqual(HEADER);
  expect(ws.rowCount).toBe(3);
  expect([ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value]).toEqual([1, 2]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('the warnings sheet lists every warning with its file and task', async () => {
  const ws = (await readBack()).getWorksheet('问题清单')!;
  expect(values(ws, 1)).toEqual(['序号', '文件', '代码', '级别', '说明', '相关任务']);
  expect(values(ws, 2)).toEqual([1, 'qinghe-2020.pdf', 'deadline-before-issue', '警告', '完成时限早于发文日期，请核对：2019年底前',
    '第5行：2019年底前实现贫困人口家庭医生签约服务全覆盖，签约率达到100%。']);
  expect(values(ws, 3)).toEqual([2, 'qinghe-2020.pdf', 'W_PAGES_SKIPPED', '警告', '部分页面无法读取，已跳过：第11页']);
  expect(values(ws, 4)).toEqual([3, 'qinghe-city-edu-2020.txt', 'W_ENCODING_GUESSED', '提示', '文本编码为自动识别：gb18030']);
  expect(ws.rowCount).toBe(4);
});

test('a filtered register keeps only the matching tasks and their units\' sheets', async () => {
  const wb = await readBack({ recurring: true });
  expect(wb.worksheets.map((w) => w.name)).toEqual(['任务台账', '县扶贫办 牵头', '各县（区）教育局 牵头', '问题清单']);
  expect(wb.getWorksheet('任务台账')!.rowCount).toBe(3);
});

test('aliases of one unit share a sheet', () => {
  const plan = fixture('county-plan');
  const renamed = { ...plan, tasks: plan.tasks.map((t, i) => (i === 1 ? { ...t, units: [{ name: '县教育局', role: 'lead' as const }] } : i === 2 ? { ...t, units: [{ name: '县住房和城乡建设局', role: 'lead' as const }] } : t)) };
  const other = { ...plan, tasks: [{ ...plan.tasks[2], id: 'x#1', units: [{ name: '县住建局', role: 'lead' as const }] }] };
  const groups = rowsByLeadUnit(registerRows([renamed, other]));
  expect(groups.map((g) => [g.unit, g.rows.map((r) => r.序号)])).toEqual([
    ['县教育局', [1, 2]], ['县住房和城乡建设局', [3, 7]], ['县医保局', [4]], ['县卫生健康局', [5]], ['县扶贫办', [6]],
  ]);
});
