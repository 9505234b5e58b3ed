import { expect, test } from 'vitest';
import {
  readApproximateAfter, readComparatorAfter, readHalf, readMore, readRangeTail, readUnit, readWhole,
} from '../../extractors/quantities.js';

// The step readers of extractQuantities, each on the words after a number (tails written for these
// tests): what it read and where it stopped.
test.each([
  ['余家企业', false, { more: true, end: 1 }],
  ['多个', false, { more: true, end: 1 }],
  ['个', false, { more: false, end: 0 }],
  ['多', true, { more: false, end: 0 }], // 百分之五多 is not written as an estimate
])('余/多: %s', (tail, percent, want) => {
  expect(readMore(tail, 0, percent)).toEqual(want);
});

test.each([
  ['元资金', null, { unit: '元', end: 1 }], // 万 of "20万元" belongs to the number
  [' 公里道路', null, { unit: '公里', end: 3 }],
  ['家企业', null, { unit: '家', end: 1 }],
  ['，', null, null],
  ['以上', '%', { unit: '%', end: 0 }],
])('unit: %s', (tail, percentUnit, want) => {
  const got = readUnit(tail, 0, percentUnit);
  expect(got && { unit: got.unit, end: got.end }).toEqual(want);
});

test('整 and 半 after the unit', () => {
  expect(readWhole('整，', 0, '元')).toBe(1);
  expect(readWhole('整治', 0, '个')).toBe(0);
  expect(readHalf('半完成', 0, '年')).toEqual({ half: true, end: 1 });
  expect(readHalf('半年', 0, '年')).toEqual({ half: false, end: 0 });
  expect(readHalf('半', 0, '个')).toEqual({ half: false, end: 0 });
});

test.each([
  ['至50万元的补助', '元', 200000, true, { max: 500000, end: 5 }],
  ['—5公里', '公里', 3, true, { max: 5, end: 4 }],
  ['至10万元', '元', 200000, true, null], // the upper bound must lie above the lower one
  ['至50亩', '元', 20, true, null], // a different unit is another number
  ['至80%', '%', 60, false, { max: 80, end: 3 }], // 百分之六十至百分之八十: the unit is in the number
])('range tail: %s', (tail, unit, value, written, want) => {
  expect(readRangeTail(tail, 0, unit, value, written)).toEqual(want);
});

test.each([
  ['以上的企业', '家', { comparator: '>=', within: false, end: 2 }],
  ['（含）以下', '万元', { comparator: '<=', within: false, end: 5 }],
  ['内完成', '日', { comparator: '<=', within: true, end: 1 }],
  ['内的企业', '家', null], // 内 bounds only a span of time
  ['的补助', '元', null],
])('comparator after: %s', (tail, unit, want) => {
  expect(readComparatorAfter(tail, 0, unit)).toEqual(want);
});

test('左右 after the number and unit', () => {
  expect(readApproximateAfter('左右，', 0)).toEqual({ approximate: true, end: 2 });
  expect(readApproximateAfter('，', 0)).toEqual({ approximate: false, end: 0 });
});
