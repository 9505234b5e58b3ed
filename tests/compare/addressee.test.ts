import { describe, expect, test } from 'vitest';
import { addressedLevels, addresses, itemOffsets, offsetsIn } from '../../src/compare/addressee.js';
import { sentenceTask, splitSentences } from '../../src/compare/sentences.js';
import { quantity, task } from '../fixtures/compare/builders.js';

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

test('the offsets extraction found are read, not searched again: listed out of order, they stay where they are', () => {
  const third = rule.lastIndexOf('一次');
  const first = rule.indexOf('一次');
  // Listed third-first: a search would give the first "一次" to the first item.
  expect(itemOffsets(rule, [{ text: '一次', where: { start: third } }, { text: '一次', where: { start: first } }])).toEqual([third, first]);
  // A `where` that does not hold the words (another version of the text) falls back to the search.
  expect(itemOffsets(rule, [{ text: '一次', where: { start: 3 } }])).toEqual([first]);
});

test('a sentence cut out of a clause finds its items through the clause offsets', () => {
  const text = '县委每月至少研究一次脱贫工作。乡镇党委每月至少研究一次，村两委每周至少研究一次。';
  const second = text.indexOf('一次', text.indexOf('一次') + 1);
  const third = text.lastIndexOf('一次');
  const t = task('x', text, {
    quantities: [
      quantity('一次', { value: 1, unit: '次', where: { start: third, end: third + 2 } }),
      quantity('一次', { value: 1, unit: '次', where: { start: second, end: second + 2 } }),
    ],
  });
  const s = sentenceTask(t, splitSentences(text)[1]);
  expect(s.quantities).toEqual(t.quantities);
  expect(offsetsIn(s, s.quantities)).toEqual([s.text.lastIndexOf('一次'), s.text.indexOf('一次')]);
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
