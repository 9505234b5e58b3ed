import { expect, test } from 'vitest';
import type { Deadline, ExtractResult, Task } from '../../src/model.js';
import { quantityLines } from '../../src/register/format.js';
import { deadlineLabel, taskItems } from '../../src/register/items.js';
import { registerRows } from '../../src/register/rows.js';
import { extractLines } from '../extract-lines.js';

const task = (deadlines: Deadline[], id = 'doc#3'): Task => ({ id, path: [], text: '', units: [], leaders: [], owners: [], deadlines, quantities: [] });
const due = (date: string, text: string): Deadline => ({ kind: 'due', date, text });

/** The least of a result the items need: the plan's date and title, and its tasks (for the plan period). */
const planOf = (tasks: Task[], date = '2021-03-01', title = '某县2021年工作方案') => ({ document: { title, date }, tasks }) as unknown as ExtractResult;
const itemsOf = (deadlines: Deadline[], date?: string) => { const t = task(deadlines); return taskItems(t, planOf([t], date)); };

// [what the notice says, the items: key, due, 完成时限, 时限原文]
const nodeCases: [string, Deadline[], Array<[string, string | undefined, string, string]>][] = [
  ['一个时限', [due('2021-06-30', '6月底前')], [['doc#3', '2021-06-30', '2021-06-30', '6月底前']]],
  ['两个节点', [due('2021-06-30', '6月底前'), due('2021-12-31', '年底前')], [
    ['doc#3@2021-06-30', '2021-06-30', '2021-06-30', '6月底前'],
    ['doc#3@2021-12-31', '2021-12-31', '2021-12-31', '年底前'],
  ]],
  ['同一天说两次是一个节点', [due('2021-06-30', '6月底前'), due('2021-06-30', '6月30日前')], [['doc#3', '2021-06-30', '2021-06-30', '6月底前']]],
  ['起止：到期日是最后一天，原文留着起止', [{ kind: 'start', date: '2021-09-01', text: '9月1日至10月31日' }, due('2021-10-31', '9月1日至10月31日')], [
    ['doc#3', '2021-10-31', '2021-10-31', '9月1日至10月31日'],
  ]],
  ['节点加每季度：节点和每个季度各一行', [due('2021-05-31', '5月底前'), { kind: 'recurring', recurrence: 'quarterly', text: '每季度调度' }], [
    ['doc#3@2021-03-31', '2021-03-31', '2021-03-31', '2021年第一季度（每季度调度）'],
    ['doc#3@2021-05-31', '2021-05-31', '2021-05-31', '5月底前'],
    ['doc#3@2021-06-30', '2021-06-30', '2021-06-30', '2021年第二季度（每季度调度）'],
    ['doc#3@2021-09-30', '2021-09-30', '2021-09-30', '2021年第三季度（每季度调度）'],
    ['doc#3@2021-12-31', '2021-12-31', '2021-12-31', '2021年第四季度（每季度调度）'],
  ]],
  ['节点与季度末同一天：一行说两件事', [due('2021-06-30', '6月底前'), { kind: 'recurring', recurrence: 'quarterly', text: '每季度调度' }], [
    ['doc#3@2021-03-31', '2021-03-31', '2021-03-31', '2021年第一季度（每季度调度）'],
    ['doc#3@2021-06-30', '2021-06-30', '2021-06-30', '6月底前\n每季度调度'],
    ['doc#3@2021-09-30', '2021-09-30', '2021-09-30', '2021年第三季度（每季度调度）'],
    ['doc#3@2021-12-31', '2021-12-31', '2021-12-31', '2021年第四季度（每季度调度）'],
  ]],
  ['每两个月：只在它落到的月份', [{ kind: 'recurring', recurrence: 'monthly', text: '每月调度' }, { kind: 'recurring', recurrence: 'monthly', interval: 2, text: '每两个月督查一次' }], [
    ['doc#3@2021-03-31', '2021-03-31', '2021-03-31', '2021年3月（每月调度）\n每两个月督查一次'],
    ['doc#3@2021-04-30', '2021-04-30', '2021-04-30', '2021年4月（每月调度）'],
    ['doc#3@2021-05-31', '2021-05-31', '2021-05-31', '2021年5月（每月调度）\n每两个月督查一次'],
    ['doc#3@2021-06-30', '2021-06-30', '2021-06-30', '2021年6月（每月调度）'],
    ['doc#3@2021-07-31', '2021-07-31', '2021-07-31', '2021年7月（每月调度）\n每两个月督查一次'],
    ['doc#3@2021-08-31', '2021-08-31', '2021-08-31', '2021年8月（每月调度）'],
    ['doc#3@2021-09-30', '2021-09-30', '2021-09-30', '2021年9月（每月调度）\n每两个月督查一次'],
    ['doc#3@2021-10-31', '2021-10-31', '2021-10-31', '2021年10月（每月调度）'],
    ['doc#3@2021-11-30', '2021-11-30', '2021-11-30', '2021年11月（每月调度）\n每两个月督查一次'],
    ['doc#3@2021-12-31', '2021-12-31', '2021-12-31', '2021年12月（每月调度）'],
  ]],
  ['每年12月20日前', [{ kind: 'recurring', recurrence: 'annual', month: 12, day: 20, text: '每年12月20日前' }], [['doc#3', '2021-12-20', '2021-12-20', '2021年（每年12月20日前）']]],
  ['没写时限：年度末推定', [], [['doc#3', '2021-12-31', '2021-12-31（推定）', '']]],
  ['只写了起始：也是推定，原文照录', [{ kind: 'start', date: '2021-04-01', text: '自2021年4月1日起' }], [['doc#3', '2021-12-31', '2021-12-31（推定）', '自2021年4月1日起']]],
];

test.each(nodeCases)('%s', (_, deadlines, want) => {
  const items = itemsOf(deadlines);
  expect(items.map((i) => [i.key, i.due, i.label, i.words])).toEqual(want);
  expect(items.map((i) => i.node)).toEqual(want.length > 1 ? want.map((_, k) => k + 1) : [undefined]);
  expect(items.some((i) => i.presumed)).toBe(want[0][2].endsWith('（推定）'));
});

test('a document with no date places nothing: the words stay, nothing is presumed', () => {
  expect(itemsOf([], '')).toEqual([{ key: 'doc#3', node: undefined, label: '', words: '' }]);
  expect(itemsOf([{ kind: 'recurring', recurrence: 'monthly', day: 5, text: '每月5日前' }], '')).toEqual([
    { key: 'doc#3', node: undefined, label: '每月5日前', words: '每月5日前' },
  ]);
});

test('deadline labels are normalized; the words go to 时限原文', () => {
  expect(deadlineLabel({ kind: 'recurring', recurrence: 'monthly', day: 5, text: '每月5日前' })).toBe('每月5日前');
  expect(deadlineLabel({ kind: 'recurring', recurrence: 'quarterly', text: '季督查' })).toBe('每季度');
  expect(deadlineLabel({ kind: 'start', date: '2021-01-01', text: '从2021年1月1日起' })).toBe('2021-01-01起');
  expect(deadlineLabel({ kind: 'due', text: '秋季开学前' })).toBe('秋季开学前');
});

// A plan written for the test, from several fields: every node of a task is a row with its key and 序号 n-k.
const PLAN = [
  '某市2021年农村人居环境整治实施方案',
  '一、重点任务',
  '（一）农村改厕。6月底前完成问题厕所排查，10月底前完成整改，年底前通过验收。牵头单位：市农业农村局；配合单位：市卫生健康委、各区县人民政府。',
  '（二）垃圾治理。建立农村生活垃圾收运处置体系，行政村覆盖率达到90%以上。牵头单位：市城市管理局。',
  '（三）校园安全。每季度开展一次校园安全隐患排查，9月30日前完成校舍抗震加固。牵头单位：市教育局；配合单位：市农业农村局。',
  '某市人民政府办公室',
  '2021年3月1日',
];

test('a task with several 时间节点 is one row per node, keyed and numbered n-k; --unit keeps the numbers', () => {
  const result = extractLines(PLAN);
  const rows = registerRows([result], {}, { today: '2021-07-01' });
  const first = result.tasks[0].id;
  expect(rows.map((r) => [r.序号, r.任务键, r.完成时限, r.距截止])).toEqual([
    ['1-1', `${first}@2021-06-30`, '2021-06-30', -1],
    ['1-2', `${first}@2021-10-31`, '2021-10-31', 122],
    ['1-3', `${first}@2021-12-31`, '2021-12-31', 183],
    [2, result.tasks[1].id, '2021-12-31（推定）', 183],
    // 每季度 over the plan period, its 9月30日 falling on the node of the same day
    ['3-1', `${result.tasks[2].id}@2021-03-31`, '2021-03-31', -92],
    ['3-2', `${result.tasks[2].id}@2021-06-30`, '2021-06-30', -1],
    ['3-3', `${result.tasks[2].id}@2021-09-30`, '2021-09-30', 91],
    ['3-4', `${result.tasks[2].id}@2021-12-31`, '2021-12-31', 183],
  ]);
  // a unit's register keeps the full register's 序号
  expect(registerRows([result], { unit: '教育局' }).map((r) => r.序号)).toEqual(['3-1', '3-2', '3-3', '3-4']);
  expect(registerRows([result], { unit: '城市管理局' }).map((r) => r.序号)).toEqual([2]);
  // --due-before keeps the nodes due by then, not the whole task
  expect(registerRows([result], { dueBefore: '2021-07-31' }).map((r) => r.序号)).toEqual(['1-1']);
});

// [task text, quantities as an extractor places them, the 量化指标 lines]
const q = (text: string, at: string, value: number, unit: string, subject?: string) => {
  const start = at.indexOf(text);
  return { text, kind: 'target' as const, value, unit, subject, where: { start, end: start + text.length } };
};
const quantityCases: [string, ReturnType<typeof q>[], string[]][] = [
  ['确保产业项目收益不低于10%，全县项目不少于100个。', [], ['确保产业项目收益不低于10%', '全县项目不少于100个']],
  ['到2025年，全市森林覆盖率达到45%以上，新增造林面积3万亩。', [], ['全市森林覆盖率达到45%以上', '新增造林面积3万亩']],
  ['（二）学生资助。对普通高中（含中职，技工院校）家庭经济困难学生按每生每年2000元发放国家助学金。', [], ['对普通高中（含中职，技工院校）家庭经济困难学生按每生每年2000元发放国家助学金']],
  ['3.开展农机安全检查，全年检查拖拉机不少于500台（次）。', [], ['全年检查拖拉机不少于500台']],
  ['考入大学的学生按照本科6000元、专科4000元给予一次性资助。', [], ['考入大学的学生按照本科6000元、专科4000元给予一次性资助']],
  ['对全县范围内所有符合条件且已经按规定程序完成登记备案的农村低收入人口开展常态化监测帮扶，确保监测对象1200户全部落实帮扶措施。', [], ['确保监测对象1200户全部落实帮扶措施']],
  ['对全县范围内所有符合条件且已经按规定程序完成登记备案的农村低收入人口开展常态化监测帮扶不少于1200户。', [], ['≥1200户']],
];

test.each(quantityCases)('量化指标 of %s', (text, _, want) => {
  // the numbers are placed as the quantity extractor places them: its own words and span
  const result = extractLines(['某县2021年工作方案', '一、主要任务', text]);
  const quantities = result.tasks.flatMap((t) => t.quantities);
  expect(quantityLines(result.tasks[0]?.text ?? text, quantities)).toEqual(want);
});

test('a quantity whose place is unknown, or whose words are not there, is the number and unit alone', () => {
  const text = '新建村级卫生室15个，改造提升30个。';
  expect(quantityLines(text, [q('15个', text, 15, '个', '新建村级卫生')])).toEqual(['新建村级卫生室15个']);
  expect(quantityLines(text, [{ ...q('15个', text, 15, '个', '中上述情况'), where: { start: 0, end: 3 } }])).toEqual(['新建村级卫生室15个']);
  expect(quantityLines('每年两次', [{ text: '2次', kind: 'target', value: 2, unit: '次', per: ['年'] }])).toEqual(['2次/年']);
});
