// A plan posted without 成文日期 or 文号 dates its limits by the year its title names. Documents written
// for these tests.
import { describe, expect, test } from 'vitest';
import { extractLines } from './extract-lines.js';
import { titleYear } from '../src/extract/index.js';

function dues(lines: string[]): string[] {
  return extractLines(lines).tasks.flatMap((t) => t.deadlines.map((d) => `${d.text}=${d.date ?? '?'}`));
}

describe('the year of a plan without a date', () => {
  test('a township plan with only its title year', () => {
    expect(dues(['某某镇2025年春季学校安全工作方案', '一、主要任务', '（一）开展隐患排查。镇教育办于3月20日前完成全面排查。']))
      .toEqual(['3月20日前=2025-03-20']);
  });

  test('a 2024—2026 action plan takes its first year', () => {
    expect(dues(['某某市基层医疗能力提升行动方案（2024—2026年）', '一、重点任务', '（一）改善条件。市卫生健康委于6月底前完成摸底。']))
      .toEqual(['6月底前=2024-06-30']);
  });

  test('with no year anywhere, each undated limit is kept with its own words', () => {
    expect(dues(['关于做好防返贫排查工作的通知', '各乡镇：', '一、数据报送。各乡镇于10月25日前将排查结果报县乡村振兴局，县乡村振兴局于10月31日前汇总上报。']))
      .toEqual(['10月25日前=?', '10月31日前=?']);
  });

  test.each([
    ['某某县2025年春季学校安全工作方案', 2025],
    ['某某市行动方案（2024—2026年）', 2024],
    ['某某市2024-2026年行动方案', 2024],
    ['关于做好春耕生产工作的通知', undefined],
    ['某某区落实“十四五”规划2035年远景目标的措施', 2035],
  ])('titleYear(%s)', (title, want) => expect(titleYear(title)).toBe(want));
});
