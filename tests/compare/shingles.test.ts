import { describe, expect, test } from 'vitest';
import { normalizeForShingles, shingleSet, shingleStrings } from '../../src/compare/shingles.js';

describe('normalizeForShingles', () => {
  const cases: [string, string, number[]][] = [
    ['驻村，时间 １０ 个', '驻村时间10个', [0, 1, 3, 4, 6, 7, 9]],
    ['“三个一批”', '三个一批', [1, 2, 3, 4]],
    ['（一）', '一', [1]],
    ['，。、', '', []],
  ];
  test.each(cases)('%s', (text, chars, offsets) => {
    expect(normalizeForShingles(text)).toEqual({ chars, offsets });
  });
});

describe('shingles', () => {
  test('3-grams of the letters and digits', () => {
    expect(shingleStrings('每月至少10个')).toEqual(['每月至', '月至少', '至少1', '少10', '10个']);
  });
  test('a text shorter than n is one shingle', () => {
    expect(shingleStrings('县级')).toEqual(['县级']);
    expect(shingleSet('县级').length).toBe(1);
  });
  test('punctuation and width differences give the same set', () => {
    expect([...shingleSet('驻村时间不少于10个工作日。')].sort()).toEqual([...shingleSet('驻村时间，不少于１０个工作日')].sort());
  });
  test('repeated shingles count once', () => {
    expect(shingleSet('贫困贫困贫困').length).toBe(2);
  });
});
