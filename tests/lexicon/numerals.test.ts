import { describe, expect, test } from 'vitest';
import { parseChineseNumber, parseMixedMagnitudes, parsePercent, foldWidth } from '../../src/lexicon/numerals.js';

const numbers: [string, number | null][] = [
  ['十四', 14],
  ['十', 10],
  ['二十', 20],
  ['三十一', 31],
  ['一百', 100],
  ['一百零五', 105],
  ['一千一百', 1100],
  ['三千零二十', 3020],
  ['二〇二〇', 2020],
  ['二零一八', 2018],
  ['一九', 19],
  ['四万', 40000],
  ['十万', 100000],
  ['一万五千', 15000],
  ['三亿二千万', 320000000],
  ['两', 2],
  ['两千', 2000],
  ['零', 0],
  ['壹佰', 100],
  ['贰拾万', 200000],
  ['叁仟伍佰', 3500],
  ['壹仟零伍', 1005],
  ['伍拾万零贰佰', 500200],
  ['一点五', 1.5],
  ['二十点零五', 20.05],
  ['三点', null],
  ['1.2万', 12000],
  ['28.56万', 285600],
  ['1100万', 11000000],
  ['1.5亿', 150000000],
  ['3千', 3000],
  ['1,200', 1200],
  ['１２００', 1200],
  ['２８．５６万', 285600],
  [' 42 ', 42],
  ['百分之十五', 15],
  ['百分之百', null],
  ['百分之一百', 100],
  ['95%', 95],
  ['', null],
  ['万', null],
  ['十百', null],
  ['一二万', null],
  ['abc', null],
  ['三保障', null],
  ['2.0.1', null],
  ['3万5千', null],
];
describe('parseChineseNumber', () => {
  test.each(numbers)('%s → %s', (s, want) => expect(parseChineseNumber(s)).toBe(want));
});

const percents: [string, number | null][] = [
  ['百分之十五', 15],
  ['百分之九十五点五', 95.5],
  ['百分之5', 5],
  ['12.5%', 12.5],
  ['１００％', 100],
  ['十五', null],
  ['百分之', null],
];
describe('parsePercent', () => {
  test.each(percents)('%s → %s', (s, want) => expect(parsePercent(s)).toBe(want));
});

test('foldWidth keeps length so offsets survive', () => {
  expect(foldWidth('２０２０年４月')).toBe('2020年4月');
  expect(foldWidth('２０２０年４月').length).toBe('２０２０年４月'.length);
});

// issue #12: amounts with two magnitudes, read apart from single numerals
test.each([
  ['3万5千', 35000],
  ['1亿2000万', 120000000],
  ['2.5亿3000万', 280000000],
  ['12万8千', 128000],
  ['3千5万', null],
  ['1亿20000万', null],
  ['3万', null],
  ['三万五千', null],
] as [string, number | null][])('parseMixedMagnitudes(%s) → %s', (s, want) => expect(parseMixedMagnitudes(s)).toBe(want));
