import { describe, expect, test } from 'vitest';
import { compareValues, isScaleFree, toComparable } from '../../src/compare/units.js';
import type { Quantity } from '../../src/model.js';

const q = (value: number, unit: string, extra: Partial<Quantity> = {}): Quantity => ({ text: `${value}${unit}`, kind: 'standard', value, unit, ...extra });

describe('toComparable', () => {
  const cases: [string, Quantity, { key: string; value: number }][] = [
    ['2年 in months', q(2, '年'), { key: 'months|||', value: 24 }],
    ['24个月', q(24, '个月'), { key: 'months|||', value: 24 }],
    ['半年', q(1, '半年'), { key: 'months|||', value: 6 }],
    ['3万元 written with its unit', q(3, '万元'), { key: 'money|||', value: 30000 }],
    ['30000元 folded by the extractor', q(30000, '元'), { key: 'money|||', value: 30000 }],
    ['元/生/年 → per student per month', q(1200, '元', { per: ['生', '年'] }), { key: 'money||生|month', value: 100 }],
    ['每月10个工作日', q(10, '个工作日', { per: ['月'] }), { key: 'workdays|||month', value: 10 }],
    ['每季度30个工作日 = 每月10个', q(30, '个工作日', { per: ['季度'] }), { key: 'workdays|||month', value: 10 }],
    ['每周2天 per day', q(2, '天', { per: ['周'] }), { key: 'days|||day', value: 2 / 7 }],
    ['48小时 in days', q(48, '小时'), { key: 'days|||', value: 2 }],
    ['5‰ in percent', q(5, '‰'), { key: 'percent|||', value: 0.5 }],
    ['95%', q(95, '%'), { key: 'percent|||', value: 95 }],
    ['2个百分点 is not a percentage', q(2, '个百分点'), { key: 'percent-point|||', value: 2 }],
    ['翻一番 as 倍', q(2, '倍'), { key: 'ratio|||', value: 2 }],
    ['21.5公里 in metres', q(21.5, '公里'), { key: 'length|||', value: 21500 }],
    ['189户: a count keeps what it counts', q(189, '户'), { key: 'count|户||', value: 189 }],
  ];
  test.each(cases)('%s', (_name, quantity, want) => {
    const c = toComparable(quantity)!;
    expect(c.key).toBe(want.key);
    expect(c.value).toBeCloseTo(want.value, 9);
  });

  test('a range keeps its upper end in the same terms', () => {
    expect(toComparable(q(1, '年', { max: 2 }))).toEqual({ key: 'months|||', dimension: 'months', value: 12, max: 24 });
  });
  test('different counted things never share a key', () => {
    expect(toComparable(q(5, '户'))!.key).not.toBe(toComparable(q(5, '人'))!.key);
    expect(toComparable(q(1000, '元', { per: ['生', '年'] }))!.key).not.toBe(toComparable(q(1000, '元', { per: ['人', '年'] }))!.key);
  });
});

describe('isScaleFree: only rates and standards compare between places', () => {
  const cases: [string, Quantity, boolean][] = [
    ['percent', q(95, '%', { kind: 'target' }), true],
    ['duration', q(2, '年', { kind: 'target' }), true],
    ['workdays per month', q(10, '个工作日', { per: ['月'], kind: 'target' }), true],
    ['money per person', q(1000, '元', { per: ['人'], kind: 'target' }), true],
    ['a total of money', q(300000000, '元', { kind: 'target' }), false],
    ['a count of households', q(189, '户', { kind: 'target' }), false],
    ['a standard count', q(3, '名', { kind: 'standard' }), true],
  ];
  test.each(cases)('%s', (_name, quantity, want) => expect(isScaleFree(quantity)).toBe(want));
});

test('compareValues tolerates unit-factor float noise', () => {
  expect(compareValues(0.1 + 0.2, 0.3)).toBe(0);
  expect(compareValues(5, 10)).toBe(-1);
  expect(compareValues(24, 12 * 2)).toBe(0);
  expect(compareValues(10000 / 15, 666.6)).toBe(1);
});
