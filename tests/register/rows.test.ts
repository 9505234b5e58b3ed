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
  const [first] = registerRows([plan]);
  expect(first).toEqual({
    序号: 1,
    任务类别: '二、重点任务',
    任务内容: '对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助，6月底前全部发放到位。',
    牵头单位: '县教育局',
    配合单位: '县财政局、各乡镇',
    责任领导: '李明华（副县长）',
    责任人: '王建国（县教育局局长）',
    完成时限: '2020-06-30（6月底前）',
    量化指标: '学前教育生活补助 1200元/生/年',
    来源: 'qinghe-2020.pdf 第3页\n二、重点任务 > （一）教育扶贫 > 1. 落实学生资助政策',
    状态: '',
    docId: 'qinghe-2020-7',
    taskId: 'qinghe-2020-7#2.1.1',
    leadUnits: ['县教育局'],
  });
});

test('superseded, recurring and range cells', () => {
  const rows = registerRows([plan, notice]);
  expect(rows[3].状态).toBe('已被取代');
  expect(rows[5].完成时限).toBe('每月（月调度）\n每季度（季督查）\n每年（年考核）');
  expect(rows[2].量化指标).toBe('D级危房改造 189户\n1.5万–2万元/户');
  expect(rows[6].完成时限).toBe('2020-09-01至2020-10-31（2020年9月1日至10月31日）');
  expect(rows[6].责任人).toBe('陈晓东');
  expect(rows[8]).toMatchObject({ 牵头单位: '', 配合单位: '', 完成时限: '', 量化指标: '', 任务类别: '三、加强资金监管' });
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
});
