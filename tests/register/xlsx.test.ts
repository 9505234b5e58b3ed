import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { writeRegister, writeUnitRegisters, type RegisterOptions } from '../../src/register/index.js';
import type { TrackingState } from '../../src/store/tracking.js';
import { rowsByLeadUnit } from '../../src/register/xlsx.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const results = [fixture('county-plan'), fixture('bulletin'), fixture('city-notice')];
const HEADER = ['序号', '任务类别', '任务内容', '牵头单位', '配合单位', '责任领导', '责任人', '完成时限', '时限原文', '距截止', '量化指标', '出处',
  '状态', '进展情况', '存在问题', '下步打算', '完成时间', '佐证材料', '督办', '备注', '任务键'];

async function readBack(filter = {}, options: Partial<RegisterOptions> = { today: '2020-06-15' }): Promise<ExcelJS.Workbook> {
  const out = join(await mkdtemp(join(tmpdir(), 'taizhang-xlsx-')), '台账.xlsx');
  await writeRegister(results, { format: 'xlsx', out, filter, ...options });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(3).values as unknown[]).indexOf(header);

test('sheets: the register, one per lead unit, then the units that only help, then the warnings', async () => {
  const wb = await readBack();
  // 各乡镇, 相关乡镇, 各乡镇卫生院 are groups of bodies: no sheet
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '任务台账', '县教育局', '县住建局', '县医保局', '县卫生健康局', '县扶贫办',
    '市教育局学生资助管理中心', '各县（区）教育局', '县财政局', '县委督查室', '县政府督查室', '市财政局', '问题清单',
  ]);
  const finance = wb.getWorksheet('县财政局')!;
  expect(finance.getCell('A1').value).toBe('县财政局 任务台账（牵头 0 项、配合 3 项）');
  expect([4, 5, 6].map((r) => [finance.getRow(r).getCell(1).value, finance.getRow(r).getCell(2).value])).toEqual([[1, '配合'], [3, '配合'], [4, '配合']]);
});

test('the register sheet: title rows, header, frozen panes, autofilter, every task', async () => {
  const ws = (await readBack()).getWorksheet('任务台账')!;
  expect(ws.getCell('A1').value).toBe('任务台账（2 个文件）');
  expect(ws.getCell('A2').value).toBe('清河县2020年脱贫攻坚巩固提升实施方案；清河市教育局关于做好2020年学生资助工作的通知　距截止按 2020年6月15日 计');
  expect(values(ws, 3)).toEqual(HEADER);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 });
  expect(ws.autoFilter).toBe('A3:T3');
  expect(ws.getRow(3).getCell(1).font).toMatchObject({ bold: true });
  expect(ws.getRow(3).getCell(3).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
  expect(ws.getColumn(3).width).toBe(44);
  expect(ws.rowCount).toBe(25);
  expect(values(ws, 6)).toEqual([3, '二、重点任务', '完成贫困户D级危房改造189户，每户补助1.5万-2万元，9月30日前全部竣工验收。',
    '县住建局', '县扶贫办、县财政局、相关乡镇', '赵志刚（副县长）', '孙立新（县住建局局长）', new Date('2020-09-30T00:00:00Z'), '9月30日前', 107,
    '完成贫困户D级危房改造189户\n每户补助1.5万-2万元', 'qinghe-2020.pdf 第5页\n二、重点任务 > （二）住房安全保障',
    undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'qinghe-2020-7#2.2']);
  expect(ws.getRow(7).getCell(column(ws, '备注')).value).toBe('已被取代：新文件已替代此任务\n文件未写时限，按方案年度末推定，请核定');
  expect(ws.getRow(6).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  // one A3 landscape page wide, the header repeated on every page
  expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
});

test('dates are Excel dates, 距截止 is coloured, 状态 is a drop-down, the key is hidden, the words are a note', async () => {
  const ws = (await readBack()).getWorksheet('任务台账')!;
  const due = ws.getRow(4).getCell(column(ws, '完成时限'));
  expect(due.type).toBe(ExcelJS.ValueType.Date);
  expect(due.numFmt).toBe('yyyy"年"m"月"d"日"');
  // a range is due on its last day, its words beside it; each month of a monthly duty is a row
  expect([19, 20].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(column(ws, '完成时限')).value, ws.getRow(r).getCell(column(ws, '时限原文')).value])).toEqual([
    [7, new Date('2020-10-31T00:00:00Z'), '2020年9月1日至10月31日'], ['8-1', new Date('2020-08-31T00:00:00Z'), '2020年8月（每月5日前）\n每两个月开展一次'],
  ]);
  // no time limit written: a presumed date, and it says so
  const presumed = ws.getRow(25).getCell(column(ws, '完成时限'));
  expect([presumed.value, presumed.numFmt]).toEqual([new Date('2020-12-31T00:00:00Z'), 'yyyy"年"m"月"d"日（推定）"']);
  expect(presumed.note).toContain('推定');
  const days = (r: number) => ws.getRow(r).getCell(column(ws, '距截止'));
  expect([days(4).value, days(6).value, days(8).value, days(9).value]).toEqual([15, 107, -167, -76]);
  expect(days(4).numFmt).toBe('"还有"0"天";"逾期"0"天";"今天到期"');
  expect((days(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
  expect((days(8).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect((days(6).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
  const status = ws.getRow(4).getCell(column(ws, '状态')).dataValidation;
  expect(status).toMatchObject({ type: 'list', formulae: ['"未开始,推进中,已完成,申请销号,已销号,滞后"'] });
  expect(ws.getRow(4).getCell(column(ws, '完成时间')).dataValidation).toMatchObject({ type: 'date' });
  const key = column(ws, '任务键');
  expect(ws.getColumn(key).hidden).toBe(true);
  expect(ws.getColumn(column(ws, '状态')).hidden).toBe(false);
  expect(ws.getRow(4).getCell(column(ws, '出处')).note).toBe('原文（qinghe-2020.pdf 第3页）：对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助，6月底前全部发放到位。');
});

test('without a today, 距截止 is empty: the library never reads the clock', async () => {
  const ws = (await readBack({}, {})).getWorksheet('任务台账')!;
  for (let r = 4; r <= ws.rowCount; r++) expect(ws.getRow(r).getCell(column(ws, '距截止')).value).toBeNull();
  expect(ws.getCell('A2').value).not.toContain('距截止');
});

test('a unit sheet has the unit in its title, its led and helped tasks with their register numbers and a 角色', async () => {
  const ws = (await readBack()).getWorksheet('县扶贫办')!;
  expect(ws.getCell('A1').value).toBe('县扶贫办 任务台账（牵头 1 项、配合 1 项）');
  // the unit is told how to fill it in
  expect(ws.getCell('A2').value).toContain('状态从下拉列表选择');
  expect(ws.rowCount).toBe(14);
  expect(values(ws, 3)).toEqual(['序号', '角色', ...HEADER.slice(1)]);
  expect([1, 2, 3].map((c) => [ws.getRow(4).getCell(c).value, ws.getRow(5).getCell(c).value])).toEqual([
    [3, '6-1'], ['配合', '牵头'], ['二、重点任务', '三、保障措施'],
  ]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 4 });
});

test('the 问题清单 says what each task leaves unsaid, then every warning of the document', async () => {
  const ws = (await readBack()).getWorksheet('问题清单')!;
  expect(values(ws, 3)).toEqual(['序号', '文件', '问题', '相关任务', '级别', '代码']);
  expect(values(ws, 4)).toEqual([1, 'qinghe-2020.pdf', '没有写明责任人', '第2项：义务教育阶段贫困家庭学生巩固率达到95%以上，年底前实现零辍学。', '提示']);
  expect(values(ws, 7)).toEqual([4, 'qinghe-2020.pdf', '完成时限早于发文日期，请核对：2019年底前',
    '第5项：2019年底前实现贫困人口家庭医生签约服务全覆盖，签约率达到100%。', '警告', 'deadline-before-issue']);
  expect(values(ws, 8)).toEqual([5, 'qinghe-2020.pdf', '部分页面无法读取，已跳过：第11页', undefined, '警告', 'W_PAGES_SKIPPED']);
  expect(values(ws, 10)).toEqual([7, 'qinghe-city-edu-2020.txt', '没有写明牵头单位、完成时限（暂按2020-12-31推定）、责任人',
    '第9项：严禁截留、挤占、挪用资助资金，发现问题的，依规依纪严肃处理。', '提示']);
  expect(values(ws, 11)).toEqual([8, 'qinghe-city-edu-2020.txt', '文本编码为自动识别：gb18030', undefined, '提示', 'W_ENCODING_GUESSED']);
  expect(ws.rowCount).toBe(11);
  // a task split into monthly rows is named by its own number once
  expect(values(ws, 6).slice(2, 4)).toEqual(['没有写明责任人', '第6项：建立月调度、季督查、年考核制度，县扶贫办每季度向县委、县政府报告一次工作进展。']);
  // the warnings list is the document's own: every warning is there once
  const codes = ws.getColumn(6).values.slice(4).filter((v): v is string => typeof v === 'string');
  expect(codes).toEqual(results.flatMap((r) => (r.document.isPlan ? r.warnings.map((w) => w.code) : [])));
});

test('a filtered register keeps only the matching tasks and their units\' sheets', async () => {
  const wb = await readBack({ recurring: true });
  expect(wb.worksheets.map((w) => w.name)).toEqual(['任务台账', '县扶贫办', '各县（区）教育局', '县委督查室', '县政府督查室', '市财政局', '问题清单']);
  expect(wb.getWorksheet('任务台账')!.rowCount).toBe(18);
});

test('tracking state from the store fills the tracking columns; done items are not counted down', async () => {
  const state = (key: string, extra: Partial<TrackingState>): [string, TrackingState] => [key, {
    key, status: '推进中', progress: [], problems: '', nextSteps: '', evidence: [], supervised: false, ...extra,
  }];
  const tracking = new Map([
    state('qinghe-2020-7#2.1.1', { status: '已完成', completedOn: '2020-06-10', evidence: ['发放花名册.pdf', 'http://example.cn/a'], progress: [{ date: '2020-05-06', text: '已发放1200人', by: '县教育局' }] }),
    state('qinghe-2020-7#2.2', { problems: '材料涨价', nextSteps: '8月完成主体', supervised: true, responsible: '刘强' }),
  ]);
  const ws = (await readBack({}, { today: '2020-06-15', tracking })).getWorksheet('任务台账')!;
  const cell = (r: number, h: string) => ws.getRow(r).getCell(column(ws, h)).value;
  expect(['状态', '进展情况', '完成时间', '佐证材料', '距截止'].map((h) => cell(4, h))).toEqual([
    '已完成', '2020-05-06 县教育局：已发放1200人', new Date('2020-06-10T00:00:00Z'), '发放花名册.pdf\nhttp://example.cn/a', null,
  ]);
  expect(['状态', '存在问题', '下步打算', '督办', '责任人', '距截止'].map((h) => cell(6, h))).toEqual(['推进中', '材料涨价', '8月完成主体', '是', '刘强', 107]);
});

test('--per-unit: one workbook per unit, titled with its name', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-units-'));
  const files = await writeUnitRegisters(results, dir, {}, { today: '2020-06-15' });
  expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
    '县教育局.xlsx', '县住建局.xlsx', '县医保局.xlsx', '县卫生健康局.xlsx', '县扶贫办.xlsx', '市教育局学生资助管理中心.xlsx', '各县（区）教育局.xlsx',
    '县财政局.xlsx', '县委督查室.xlsx', '县政府督查室.xlsx', '市财政局.xlsx',
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, '各县（区）教育局.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['各县（区）教育局']);
  const ws = wb.worksheets[0];
  expect(ws.getCell('A1').value).toBe('各县（区）教育局 任务台账（牵头 1 项、配合 1 项）');
  expect([ws.getRow(4).getCell(2).value, ws.getRow(5).getCell(2).value]).toEqual(['配合', '牵头']);
  expect(ws.getRow(4).getCell(22).value).toBe('qinghe-city-2020-15#1');
});

test('aliases of one unit share a sheet', () => {
  const plan = fixture('county-plan');
  const renamed = { ...plan, tasks: plan.tasks.map((t, i) => (i === 1 ? { ...t, units: [{ name: '县教育局', role: 'lead' as const }] } : i === 2 ? { ...t, units: [{ name: '县住房和城乡建设局', role: 'lead' as const }] } : t)) };
  const other = { ...plan, tasks: [{ ...plan.tasks[2], id: 'x#1', units: [{ name: '县住建局', role: 'lead' as const }] }] };
  const groups = rowsByLeadUnit(registerRows([renamed, other]));
  expect(groups.map((g) => [g.unit, g.rows.map((r) => r.序号)])).toEqual([
    ['县教育局', [1, 2]], ['县住房和城乡建设局', [3, 7]], ['县医保局', [4]], ['县卫生健康局', [5]], ['县扶贫办', Array.from({ length: 10 }, (_, i) => `6-${i + 1}`)],
  ]);
});

test('a task resting on words the OCR was unsure of: 任务内容 marked with what to check, and a 备注 line', async () => {
  const base = fixture('county-plan');
  const task = base.tasks[0];
  const scanned = ExtractResult.parse({
    ...base,
    warnings: [
      ...base.warnings,
      { code: 'ocr-low-confidence', severity: 'warning', message: '该任务的单位、时限或数字是文字识别（OCR）中把握不大的字，请对照原件核对：数字“95%以上”（95%）', taskId: task.id },
    ],
  });
  const out = join(await mkdtemp(join(tmpdir(), 'taizhang-xlsx-')), '台账.xlsx');
  await writeRegister([scanned], { format: 'xlsx', out });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('任务台账')!;
  const text = column(ws, '任务内容');
  const first = ws.getRow(4).getCell(text);
  expect((first.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4D6');
  expect(JSON.stringify(first.note)).toContain('数字“95%以上”（95%）');
  expect(String(ws.getRow(4).getCell(column(ws, '备注')).value)).toContain('文字识别（OCR）中把握不大');
  // the other tasks are as they were
  const seq = column(ws, '序号');
  for (let r = 5; r <= ws.rowCount; r++) {
    if (!/^[2-9]/u.test(String(ws.getRow(r).getCell(seq).value))) continue;
    const cell = ws.getRow(r).getCell(text);
    expect(cell.note).toBeUndefined();
    expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFCE4D6');
  }
});
