import { describe, expect, test } from 'vitest';
import { addressedLevels, addresses, itemOffsets } from '../../src/compare/addressee.js';

const rule = '省委、省政府每季度至少专题研究一次脱贫攻坚工作，各市委、市政府每两个月至少专题研究一次，各县委、县政府每月至少专题研究一次，省级贫困县党政正职每个月至少要有10个工作日用于脱贫攻坚工作。';

test('the k-th repeat of the same words is found at its k-th occurrence', () => {
  expect(itemOffsets(rule, [{ text: '一次' }, { text: '一次' }, { text: '一次' }, { text: '10个工作日' }, { text: '不在文中' }])).toEqual([
    rule.indexOf('一次'),
    rule.indexOf('一次', rule.indexOf('一次') + 2),
    rule.lastIndexOf('一次'),
    rule.indexOf('10个工作日'),
    null,
  ]);
});

describe('addressedLevels', () => {
  const cases: [string, string[]][] = [
    ['每季度', ['province']],
    ['每两个月', ['city']],
    ['每月至少', ['county']],
    // 省级贫困县 is a scope, not an addressee
    ['10个工作日', []],
  ];
  test.each(cases)('%s', (words, levels) => expect([...addressedLevels(rule, rule.indexOf(words))]).toEqual(levels));
});

test('addresses: unaddressed items speak to every level', () => {
  expect(addresses(rule, rule.indexOf('每季度'), 'county')).toBe(false);
  expect(addresses(rule, rule.indexOf('每月至少'), 'county')).toBe(true);
  expect(addresses(rule, rule.indexOf('10个工作日'), 'county')).toBe(true);
  expect(addresses(rule, null, 'county')).toBe(true);
});
