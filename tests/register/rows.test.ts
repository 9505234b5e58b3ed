import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const plan = fixture('county-plan');
const bulletin = fixture('bulletin');
const notice = fixture('city-notice');

test('one row per task of every plan, numbered across the register; a bulletin gives none', () => {
  const rows = registerRows([plan, bulletin, notice]);
  expect(rows.map((r) => r.序号)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(rows.map((r) => r.taskId)).toEqual([...plan.tasks, ...notice.tasks].map((t) => t.id));
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
    量化指标: '对建档立卡贫困家庭学前教育幼儿按每生每年1200元',
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
  expect(rows[3].备注).toBe('已被取代：新文件已替代此任务');
  expect(rows[3].状态).toBe('');
  expect([rows[5].完成时限, rows[5].时限原文]).toEqual(['每月\n每季度\n每年', '月调度\n季督查\n年考核']);
  expect([rows[7].完成时限, rows[7].时限原文]).toEqual(['每月\n每2个月至少1次', '每月5日前\n每两个月开展一次']);
  expect(rows[2].量化指标).toBe('完成贫困户D级危房改造189户\n每户补助1.5万-2万元');
  expect([rows[6].完成时限, rows[6].距截止]).toEqual(['2020-09-01至2020-10-31', 138]);
  expect(rows[4].距截止).toBe(-167);
  expect(rows[6].责任人).toBe('陈晓东');
  // no time limit written: the plan's year end, presumed and said to be
  expect(rows[8]).toMatchObject({ 牵头单位: '', 配合单位: '', 完成时限: '2020-12-31（推定）', 时限原文: '', 量化指标: '', 任务类别: '三、加强资金监管', presumed: true, 备注: '文件未写时限，按方案年度末推定，请核定' });
  // no today, no days: the library never reads the clock
  expect(registerRows([plan]).map((r) => r.距截止)).toEqual(['', '', '', '', '', '']);
});

test('filters: unit with aliases, due date, recurring', () => {
  const ids = (f: Parameters<typeof registerRows>[1]) => registerRows([plan, bulletin, notice], f).map((r) => r.taskId);
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
  expect(registerRows([plan, notice], { unit: '市财政局' }).map((r) => r.序号)).toEqual([8]);
});
