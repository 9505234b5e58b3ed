import { describe, expect, test } from 'vitest';
import type { Deadline, Quantity } from '../../src/model.js';
import { formatDeadline, formatDeadlines, formatNumber, formatPeople, formatQuantity, formatSource } from '../../src/register/format.js';

const deadlines: [Deadline, string][] = [
  [{ text: '6月底前', kind: 'due', date: '2020-06-30' }, '2020-06-30（6月底前）'],
  [{ text: '2020-06-30', kind: 'due', date: '2020-06-30' }, '2020-06-30'],
  [{ text: '从2020年7月1日起', kind: 'start', date: '2020-07-01' }, '2020-07-01起（从2020年7月1日起）'],
  [{ text: '季督查', kind: 'recurring', recurrence: 'quarterly' }, '每季度（季督查）'],
  [{ text: '每月', kind: 'recurring', recurrence: 'monthly' }, '每月'],
  [{ text: '每两个月抽查一次', kind: 'recurring', recurrence: 'monthly', interval: 2, minCount: 1 }, '每2个月至少1次（每两个月抽查一次）'],
  [{ text: '每半年', kind: 'recurring', recurrence: 'semiannual' }, '每半年'],
  [{ text: '每周', kind: 'recurring', recurrence: 'weekly', interval: 2 }, '每2周（每周）'],
  [{ text: '尽快', kind: 'due' }, '尽快'],
];
describe('formatDeadline', () => {
  test.each(deadlines)('%o → %s', (d, want) => expect(formatDeadline(d)).toBe(want));
});

test('a start and a due date from the same words read as one range', () => {
  expect(formatDeadlines([
    { text: '9月1日至10月31日', kind: 'start', date: '2020-09-01' },
    { text: '9月1日至10月31日', kind: 'due', date: '2020-10-31' },
    { text: '每季度', kind: 'recurring', recurrence: 'quarterly' },
  ])).toBe('2020-09-01至2020-10-31（9月1日至10月31日）\n每季度');
});

const quantities: [Quantity, string][] = [
  [{ text: '95%以上', kind: 'target', value: 95, unit: '%', comparator: '>=' }, '≥95%'],
  [{ text: '每生每年1200元', kind: 'standard', value: 1200, unit: '元', per: ['生', '年'], comparator: '=' }, '1200元/生/年'],
  [{ text: '不超过3个月', kind: 'standard', value: 3, unit: '个月', comparator: '<=' }, '≤3个月'],
  [{ text: '低于5%', kind: 'target', value: 5, unit: '%', comparator: '<' }, '<5%'],
  [{ text: '3万元', kind: 'standard', value: 30000, unit: '元' }, '3万元'],
  [{ text: '28.56万贫困人口', kind: 'target', value: 285600, unit: '人' }, '28.56万人'],
  [{ text: '1.2亿元', kind: 'standard', value: 120000000, unit: '元' }, '1.2亿元'],
  [{ text: '每户1.5万-2万元', kind: 'standard', value: 15000, max: 20000, unit: '元', per: ['户'] }, '1.5万–2万元/户'],
  [{ text: 'D级危房改造189户', kind: 'target', value: 189, unit: '户', subject: 'D级危房改造' }, 'D级危房改造 189户'],
  [{ text: '0.5公里', kind: 'target', value: 0.5, unit: '公里' }, '0.5公里'],
];
describe('formatQuantity', () => {
  test.each(quantities)('%o → %s', (q, want) => expect(formatQuantity(q)).toBe(want));
});

test('formatNumber keeps percentages and durations as written', () => {
  expect(formatNumber(100000, '%')).toBe('100000');
  expect(formatNumber(12345, '元')).toBe('1.2345万');
  expect(formatNumber(10000.5, '元')).toBe('10000.5');
});

test('formatPeople and formatSource', () => {
  expect(formatPeople([{ name: '李明华', title: '副县长' }, { name: '陈晓东' }])).toBe('李明华（副县长）、陈晓东');
  expect(formatSource('corpus/qinghe-2020.pdf', ['二、重点任务', '（一）教育扶贫'], 3)).toBe('qinghe-2020.pdf 第3页\n二、重点任务 > （一）教育扶贫');
  expect(formatSource('C:\\文件\\通知.docx', [], undefined)).toBe('通知.docx');
});
