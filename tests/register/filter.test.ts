import { expect, test } from 'vitest';
import type { Task } from '../../src/model.js';
import { RegisterFilter, taskMatches, unitMatches } from '../../src/register/filter.js';

const units: [query: string, unit: string, match: boolean][] = [
  ['教育局', '县教育局', true],
  ['县教育局', '县教育局', true],
  ['县教育局', '教育局', true],
  ['市教育局', '县教育局', false],
  ['教育局', '市教育局学生资助管理中心', false],
  ['人社局', '县人力资源社会保障局', true],
  ['县人力资源和社会保障局', '县人社局', true],
  ['乡镇', '各乡镇', true],
  ['乡镇', '相关乡镇', true],
  ['财政局', '县教育局', false],
  ['扶贫办', '县扶贫开发领导小组办公室', true],
];
test.each(units)('unitMatches(%s, %s) = %s', (q, u, want) => expect(unitMatches(q, u)).toBe(want));

const task = (over: Partial<Task>): Task => ({
  id: 't', path: [], text: '', units: [], leaders: [], owners: [], deadlines: [], quantities: [], ...over,
});
const lead = task({
  units: [{ name: '县教育局', role: 'lead' }, { name: '县财政局', role: 'participant' }],
  deadlines: [{ text: '6月底前', kind: 'due', date: '2020-06-30' }],
});
const recurring = task({ deadlines: [{ text: '季督查', kind: 'recurring', recurrence: 'quarterly' }] });

test('filters combine with AND, dueBefore includes the day itself', () => {
  expect(taskMatches(lead, {})).toBe(true);
  expect(taskMatches(lead, { unit: '财政局' })).toBe(true);
  expect(taskMatches(lead, { unit: '住建局' })).toBe(false);
  expect(taskMatches(lead, { dueBefore: '2020-06-30' })).toBe(true);
  expect(taskMatches(lead, { dueBefore: '2020-06-29' })).toBe(false);
  expect(taskMatches(lead, { unit: '教育局', recurring: true })).toBe(false);
  expect(taskMatches(recurring, { recurring: true })).toBe(true);
  expect(taskMatches(recurring, { dueBefore: '2030-01-01' })).toBe(false);
});

test('the filter schema refuses a date that is not ISO', () => {
  expect(RegisterFilter.safeParse({ dueBefore: '2020/6/30' }).success).toBe(false);
  expect(RegisterFilter.safeParse({ dueBefore: '2020-02-30' }).success).toBe(false);
  expect(RegisterFilter.safeParse({ dueBefore: '2020-02-29' }).success).toBe(true);
  expect(RegisterFilter.parse({ dueBefore: '2020-06-30', unit: ' 教育局 ' })).toEqual({ dueBefore: '2020-06-30', unit: '教育局' });
});
