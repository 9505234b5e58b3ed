import { describe, expect, test } from 'vitest';
import { findDates, parseFullDate, parseYear } from '../../src/lexicon/dates.js';

const full: [string, string | null][] = [
  ['2020年4月3日', '2020-04-03'],
  ['2020年04月03日', '2020-04-03'],
  ['二〇二〇年四月三日', '2020-04-03'],
  ['二○一八年十二月三十一日', '2018-12-31'],
  ['二〇一九年十月二十日', '2019-10-20'],
  ['2019-03-03', '2019-03-03'],
  ['2019.3.3', '2019-03-03'],
  ['2019/12/1', '2019-12-01'],
  ['2019年03月03日 10:19', '2019-03-03'],
  ['2019-03-03 10:19:05', '2019-03-03'],
  ['  2020 年 4 月 3 日  ', '2020-04-03'],
  ['２０２０年４月３日', '2020-04-03'],
  ['2020年4月3号', '2020-04-03'],
  ['2020年2月30日', null],
  ['2020年13月1日', null],
  ['2020年4月', null],
  ['4月3日', null],
  ['2020年4月3日前', null],
  ['于2020年4月3日', null],
  ['2019-03', null],
  ['本溪县扶贫开发领导小组', null],
  ['', null],
];
describe('parseFullDate', () => {
  test.each(full)('%s → %s', (s, want) => expect(parseFullDate(s)).toBe(want));
});

test('parseYear', () => {
  expect(parseYear('二〇二〇')).toBe(2020);
  expect(parseYear('2018')).toBe(2018);
  expect(parseYear('31694')).toBeNull();
  expect(parseYear('1200')).toBeNull();
});

test('findDates gives spans in the input', () => {
  const text = '经研究，于2019年3月1日至二〇一九年十二月三十一日开展，2020-01-05总结。';
  expect(findDates(text)).toEqual([
    { text: '2019年3月1日', date: '2019-03-01', start: 5, end: 14 },
    { text: '二〇一九年十二月三十一日', date: '2019-12-31', start: 15, end: 27 },
    { text: '2020-01-05', date: '2020-01-05', start: 30, end: 40 },
  ]);
  expect(findDates('12月31日前完成')).toEqual([]);
});
