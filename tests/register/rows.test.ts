import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const plan = fixture('county-plan');
const bulletin = fixture('bulletin');
const notice = fixture('city-notice');

test('one row per tracked item of every plan, numbered across the register; a bulletin gives none', () => {
  const rows = registerRows([plan, bulletin, notice]);
  // task 6 (月调度、季督查、年考核: a quarter's end is also a month's, one row says both) and task 8 (每月报送) are a row per month of the plan period
  expect(rows.map((r) => r.序号)).toEqual([1, 2, 3, 4, 5, ...Array.from({ length: 10 }, (_, i) => `6-${i + 1}`), 7, ...Array.from({ length: 5 }, (_, i) => `8-${i + 1}`), 9]);
  expect([...new Set(rows.map((r) => r.taskId))]).toEqual([...plan.tasks, ...notice.tasks].map((t) => t.id));
  expect(rows.slice(5, 8).map((r) => [r.任务键, r.完成时限, r.时限原文])).toEqual([
    ['qinghe-2020-7#3.1@2020-03-31', '2020-03-31', '2020年3月（月调度）\n季督查'],
    ['qinghe-2020-7#3.1@2020-04-30', '2020-04-30', '2020年4月（月调度）'],
    ['qinghe-2020-7#3.1@2020-05-31', '2020-05-31', '2020年5月（月调度）'],
  ]);
});

test('the first row reads as staff expect', () => {
  const [first] = registerRows([plan], {}, { today: '2020-06-15' });
  expect(first).toEqual({
    序号: 1,
    任务类别: '二、重点任务',
    任务内容: '对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助，6月底前全部发放到位。',
    牵头单位: '县教育局',
    配合单位: '县财政局、各乡镇',
    责任领导: '李明华（副县长）',
    责任人: '王建国（县教育局局长）',
    完成时限: '2020-06-30',
    时限原文: '6月底前',
    距截止: 15,
    量化指标: '对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助',
    出处: 'qinghe-2020.pdf 第3页\n二、重点任务 > （一）教育扶贫 > 1. 落实学生资助政策',
    状态: '',
    进展情况: '',
    存在问题: '',
    下步打算: '',
    完成时间: '',
    佐证材料: '',
    督办: '',
    备注: '',
    任务键: 'qinghe-2020-7#2.1.1',
    docId: 'qinghe-2020-7',
    taskId: 'qinghe-2020-7#2.1.1',
    leadUnits: ['县教育局'],
    participantUnits: ['县财政局', '各乡镇'],
    due: '2020-06-30',
    presumed: undefined,
    quote: '原文（qinghe-2020.pdf 第3页）：对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助，6月底前全部发放到位。',
  });
});

test('superseded, recurring, range and unstated cells', () => {
  const rows = registerRows([plan, notice], {}, { today: '2020-06-15' });
  const row = (seq: number | string) => rows.find((r) => r.序号 === seq)!;
  // a start alone is no deadline: the plan's year end is presumed, and both are said
  expect(row(4).备注).toBe('已被取代：新文件已替代此任务\n文件未写时限，按方案年度末推定，请核定');
  expect([row(4).完成时限, row(4).时限原文, row(4).状态]).toEqual(['2020-12-31（推定）', '从2020年1月1日起', '']);
  expect([row('6-10').完成时限, row('6-10').时限原文, row('6-10').距截止]).toEqual(['2020-12-31', '2020年12月（月调度）\n季督查\n年考核', 199]);
  expect(row(3).量化指标).toBe('完成贫困户D级危房改造189户\n每户补助1.5万-2万元');
  // a range is due on its last day; its words keep the range
  expect([row(7).完成时限, row(7).时限原文, row(7).距截止]).toEqual(['2020-10-31', '2020年9月1日至10月31日', 138]);
  expect(row(5).距截止).toBe(-167);
  expect(row(7).责任人).toBe('陈晓东');
  // no time limit written: the plan's year end, presumed and said to be
  expect(row(9)).toMatchObject({ 牵头单位: '', 配合单位: '', 完成时限: '2020-12-31（推定）', 时限原文: '', 量化指标: '', 任务类别: '三、加强资金监管', presumed: true, 备注: '文件未写时限，按方案年度末推定，请核定' });
  // no today, no days: the library never reads the clock
  expect(registerRows([plan]).every((r) => r.距截止 === '')).toBe(true);
});

test('filters: unit with aliases, due date, recurring', () => {
  const ids = (f: Parameters<typeof registerRows>[1]) => [...new Set(registerRows([plan, bulletin, notice], f).map((r) => r.taskId))];
  // 教育局 without a prefix is every education bureau: 县教育局 and 各县（区）教育局 alike
  expect(ids({ unit: '教育局' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.1.2', 'qinghe-city-2020-15#1', 'qinghe-city-2020-15#2']);
  expect(ids({ unit: '县教育局' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.1.2']);
  expect(ids({ unit: '市财政局' })).toEqual(['qinghe-city-2020-15#2']);
  expect(ids({ unit: '财政局' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.2', 'qinghe-2020-7#2.3.1', 'qinghe-city-2020-15#2']);
  expect(ids({ unit: '住房和城乡建设局' })).toEqual(['qinghe-2020-7#2.2']);
  expect(ids({ dueBefore: '2020-06-30' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.3.2']);
  expect(ids({ recurring: true })).toEqual(['qinghe-2020-7#3.1', 'qinghe-city-2020-15#2']);
  expect(ids({ recurring: true, unit: '扶贫办' })).toEqual(['qinghe-2020-7#3.1']);
  expect(registerRows([plan], { unit: '教育局' }).map((r) => r.序号)).toEqual([1, 2]);
  // --unit keeps the full register's numbers: 住建局's task is the third
  expect(registerRows([plan, notice], { unit: '住建局' }).map((r) => r.序号)).toEqual([3]);
  expect(registerRows([plan, notice], { unit: '市财政局' }).map((r) => r.序号)).toEqual(['8-1', '8-2', '8-3', '8-4', '8-5']);
});
