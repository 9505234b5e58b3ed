import { expect, test } from 'vitest';
import { rowHeight, textWidth, wrappedLines } from '../../src/register/row-height.js';

const widths: [string, number][] = [
  ['县教育局', 8],
  ['2020-06-30', 10],
  ['2020-06-30（6月底前）', 21],
  ['≥95%', 4],
  ['ＡＢ，。', 8],
];
test.each(widths)('textWidth(%s) = %d', (s, w) => expect(textWidth(s)).toBe(w));

const lines: [text: string, width: number, want: number][] = [
  ['县教育局', 14, 1],
  ['对建档立卡贫困家庭学前教育幼儿按每生每年1200元标准发放生活补助', 14, 5],
  ['每月（月调度）\n每季度（季督查）\n每年（年考核）', 20, 3],
  ['每月（月调度）\n\n每年', 20, 3],
  ['', 10, 1],
];
test.each(lines)('wrappedLines(%s, %d) = %d', (t, w, want) => expect(wrappedLines(t, w)).toBe(want));

test('the tallest cell sets the row height', () => {
  expect(rowHeight([1, '县教育局', null], [6, 14, 8])).toBe(18);
  expect(rowHeight([1, '每月\n每季度\n每年', '县教育局'], [6, 20, 14])).toBe(46);
});
