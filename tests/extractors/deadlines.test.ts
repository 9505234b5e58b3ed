import { describe, expect, test } from 'vitest';
import type { Deadline } from '../../src/model.js';
import { extractDeadlines, isBeforeIssue } from '../../extractors/deadlines.js';
import { deadlineRule } from '../../extractors/index.js';
import { runCases } from '../rule-tester.js';

const ctx = { year: 2020, issued: '2020-04-03' };
/** The fields a reader checks, without the span (spans are tested separately below). */
function run(text: string, c: { year?: number; issued?: string } = ctx): Omit<Deadline, 'where'>[] {
  return extractDeadlines(text, c).map(({ where: _w, ...d }) => d);
}

const due = (text: string, date?: string): Omit<Deadline, 'where'> => (date ? { text, kind: 'due', date } : { text, kind: 'due' });
const start = (text: string, date?: string): Omit<Deadline, 'where'> => (date ? { text, kind: 'start', date } : { text, kind: 'start' });
const every = (text: string, recurrence: Deadline['recurrence'], more: Partial<Deadline> = {}): Omit<Deadline, 'where'> => ({
  text, kind: 'recurring', recurrence, ...more,
});

const cases: [string, Omit<Deadline, 'where'>[]][] = [
  // due dates: month and day, with and without 日, Arabic and Chinese numerals
  ['各乡镇于6月30日前完成危房鉴定', [due('6月30日前', '2020-06-30')]],
  ['9月15日之前上报验收材料', [due('9月15日之前', '2020-09-15')]],
  ['务必在4月20前报送名单', [due('4月20前', '2020-04-20')]],
  ['十二月三十一日前全部完工', [due('十二月三十一日前', '2020-12-31')]],
  ['11月10日以前完成培训', [due('11月10日以前', '2020-11-10')]],
  ['3月底前完成摸底排查', [due('3月底前', '2020-03-31')]],
  ['2月底前完成', [due('2月底前', '2020-02-29')]],
  ['十月底完成项目验收', [due('十月底', '2020-10-31')]],
  ['5月末完成资金拨付', [due('5月末', '2020-05-31')]],
  ['7月中旬前完成公示', [due('7月中旬前', '2020-07-20')]],
  ['8月下旬完成抽检', [due('8月下旬', '2020-08-31')]],
  ['6月前完成入户核查', [due('6月前', '2020-06-30')]],
  ['9月完成全部验收', [due('9月', '2020-09-30')]],
  ['11月30日完成整改', [due('11月30日', '2020-11-30')]],
  // due dates: parts of the year
  ['年底前实现动态清零', [due('年底前', '2020-12-31')]],
  ['确保今年底完成', [due('今年底', '2020-12-31')]],
  ['明年6月底前完成', [due('明年6月底前', '2021-06-30')]],
  ['年内完成全部改造任务', [due('年内', '2020-12-31')]],
  ['上半年完成项目申报', [due('上半年', '2020-06-30')]],
  ['下半年组织第三方评估', [due('下半年', '2020-12-31')]],
  ['一季度末完成资金下达', [due('一季度末', '2020-03-31')]],
  ['第三季度完成中期评估', [due('第三季度', '2020-09-30')]],
  ['2021年上半年完成', [due('2021年上半年', '2021-06-30')]],
  // due dates: full dates and years
  ['2020年12月31日前完成', [due('2020年12月31日前', '2020-12-31')]],
  ['二〇二一年三月底前全面完成', [due('二〇二一年三月底前', '2021-03-31')]],
  ['2019年底前全部销号', [due('2019年底前', '2019-12-31')]],
  ['到2020年，全面解决饮水安全问题', [due('到2020年', '2020-12-31')]],
  ['确保到2022年底实现全覆盖', [due('到2022年底', '2022-12-31')]],
  ['2018年实现贫困人口全部脱贫', [due('2018年', '2018-12-31')]],
  ['全县脱贫攻坚目标：2019年全面完成，2020年巩固提升。', [due('2019年', '2019-12-31'), due('2020年', '2020-12-31')]],
  ['2021年前全部完成', [due('2021年前', '2021-12-31')]],
  ['今年全面完成清零任务', [due('今年', '2020-12-31')]],
  ['于2020年10月完成验收', [due('2020年10月', '2020-10-31')]],
  ['6月上旬完成公示', [due('6月上旬', '2020-06-10')]],
  ['工作持续至9月底', [due('至9月底', '2020-09-30')]],
  ['2019年4月至6月开展排查', [start('2019年4月至6月', '2019-04-01'), due('2019年4月至6月', '2019-06-30')]],
  // a recurring duty keeps its day (issue #12 asked for this; the text now runs to 前)
  ['每月10日前报送数据', [every('每月10日前', 'monthly', { day: 10 })]],
  ['今年以来累计投入', []],
  ['全省2019年计划退出贫困县', []],
  ['截止2020年9月30日完成', [due('截止2020年9月30日', '2020-09-30')]],
  // starts
  ['从2020年7月1日起，提高供养标准', [start('从2020年7月1日起', '2020-07-01')]],
  ['自2019年1月1日起施行', [start('自2019年1月1日起', '2019-01-01')]],
  ['3月份开始开展回头看', [start('3月份开始', '2020-03-01')]],
  ['从10月起逐户走访', [start('从10月起', '2020-10-01')]],
  ['自2021年1月1日执行新标准', [start('自2021年1月1日', '2021-01-01')]],
  ['该基金会自2016年3月成立以来', []],
  ['2021年起全面推行', [start('2021年起', '2021-01-01')]],
  ['本方案自印发之日起施行', [start('自印发之日起施行', '2020-04-03')]],
  ['自即日起执行', [start('自即日起执行', '2020-04-03')]],
  ['即日起至2020年12月31日开展专项整治', [start('即日起', '2020-04-03'), due('至2020年12月31日', '2020-12-31')]],
  ['自发布之日起实施', [start('自发布之日起实施', '2020-04-03')]],
  // periods
  ['2018-2020年全县计划脱贫3000人', [start('2018-2020年', '2018-01-01'), due('2018-2020年', '2020-12-31')]],
  ['2018—2020年持续实施', [start('2018—2020年', '2018-01-01'), due('2018—2020年', '2020-12-31')]],
  ['2019年至2021年分批推进', [start('2019年至2021年', '2019-01-01'), due('2019年至2021年', '2021-12-31')]],
  ['2019年1月1日至12月31日开展专项行动', [start('2019年1月1日至12月31日', '2019-01-01'), due('2019年1月1日至12月31日', '2019-12-31')]],
  ['5月1日至31日集中公示', [start('5月1日至31日', '2020-05-01'), due('5月1日至31日', '2020-05-31')]],
  ['3月至6月开展排查', [start('3月至6月', '2020-03-01'), due('3月至6月', '2020-06-30')]],
  // recurring duties
  ['每周召开一次调度会', [every('每周', 'weekly')]],
  ['坚持周会商制度', [every('周会商', 'weekly')]],
  ['实行周调度、月通报', [every('周调度', 'weekly'), every('月通报', 'monthly')]],
  ['每月报送进展情况', [every('每月', 'monthly')]],
  ['建立月调度、季督查、年考核机制', [every('月调度', 'monthly'), every('季督查', 'quarterly'), every('年考核', 'annual')]],
  ['实行一月一监测', [every('一月一监测', 'monthly')]],
  ['每季度开展一次督导', [every('每季度', 'quarterly')]],
  ['每季度至少研究1次扶贫工作', [every('每季度至少研究1次', 'quarterly', { minCount: 1 })]],
  ['每半年通报一次', [every('每半年', 'semiannual')]],
  ['每年开展一次评估', [every('每年', 'annual')]],
  ['纳入年度考核', [every('年度考核', 'annual')]],
  ['每两个月至少一次', [every('每两个月至少一次', 'monthly', { interval: 2, minCount: 1 })]],
  ['每3个月复核一次', [every('每3个月', 'quarterly')]],
  ['每两周调度一次', [every('每两周', 'weekly', { interval: 2 })]],
  ['至少每月走访1次', [every('至少每月走访1次', 'monthly', { minCount: 1 })]],
  ['每月至少召开一次例会', [every('每月至少召开一次', 'monthly', { minCount: 1 })]],
  ['每年6月底前报送年度报告', [every('每年6月底前', 'annual', { month: 6, day: 30 }), every('年度报告', 'annual')]],
  // near-misses: nothing (more in the runCases table below)
  ['对2020年高考建档立卡学生给予资助', []],
  ['印发《东洲区2018-2020年脱贫攻坚三年规划实施方案》', []],
  ['脱贫攻坚期内保持政策稳定', []],
  ['教育信息化2.0行动计划', []],
  ['3个月内完成', []],
  ['一年内不得调整', []],
  ['前期工作已经完成', []],
  ['上半年考核结果', [due('上半年', '2020-06-30')]],
];

describe('extractDeadlines', () => {
  test.each(cases)('%s', (text, want) => expect(run(text)).toEqual(want));
});

describe('year resolution', () => {
  test('a date without a year takes the document year', () => {
    expect(run('6月30日前完成', { year: 2018 })).toEqual([due('6月30日前', '2018-06-30')]);
  });
  test('no year known: the date is left out, the kind stays', () => {
    expect(run('6月30日前完成', {})).toEqual([due('6月30日前')]);
    expect(run('年底前完成', {})).toEqual([due('年底前')]);
  });
  test('a written year wins over the document year', () => {
    expect(run('2019年6月底前完成', { year: 2020 })).toEqual([due('2019年6月底前', '2019-06-30')]);
  });
  test('自印发之日起 without a known issue date gives a start without date', () => {
    expect(run('自印发之日起施行', { year: 2020 })).toEqual([start('自印发之日起施行')]);
  });
});

describe('spans', () => {
  test('text is the slice at where', () => {
    const text = '各单位须于 2020 年 6 月 30 日前完成，并从 7 月 1 日起每月报告。';
    const got = extractDeadlines(text, ctx);
    expect(got.map((d) => [d.kind, d.date ?? d.recurrence, d.text])).toEqual([
      ['due', '2020-06-30', '2020 年 6 月 30 日前'],
      ['start', '2020-07-01', '从 7 月 1 日起'],
      ['recurring', 'monthly', '每月'],
    ]);
    for (const d of got) expect(text.slice(d.where!.start, d.where!.end)).toBe(d.text);
  });
});

describe('isBeforeIssue', () => {
  test.each([
    [due('3月底前', '2020-03-31'), '2020-04-03', true],
    [due('6月底前', '2020-06-30'), '2020-04-03', false],
    [due('4月3日前', '2020-04-03'), '2020-04-03', false],
    [start('从1月1日起', '2020-01-01'), '2020-04-03', false],
    [due('年底前'), '2020-04-03', false],
  ] as [Deadline, string, boolean][])('%o before %s → %s', (d, issued, want) => expect(isBeforeIssue(d, issued)).toBe(want));
});

// the near-misses through the registry's entry, each with what makes it no deadline
runCases(deadlineRule, {
  valid: [
    { text: '各乡镇于6月30日前完成危房鉴定', why: '月日 + 前 is a due date in the document year', ctx, expect: [{ kind: 'due', date: '2020-06-30' }] },
    { text: '每年6月底前报送年度报告', why: '每年 + a month end is a recurring duty, not one due date', ctx, expect: [{ kind: 'recurring', recurrence: 'annual', month: 6, day: 30 }, { kind: 'recurring', text: '年度报告' }] },
  ],
  invalid: [
    { text: '6月调度会上通报了进展', why: 'a month naming when a meeting was, with nothing to finish by it', ctx },
    { text: '贫困户年人均收入达到4000元', why: '年人均 is a per-unit of an amount, not a time limit', ctx },
    { text: '每人每年给予1200元生活补贴', why: '每年 measures a subsidy, it sets no recurring duty', ctx },
    { text: '每户每月补助200元', why: '每月 measures a payment, it sets no recurring duty', ctx },
    { text: '截至2019年底，全县累计脱贫1.2万人', why: '截至 dates a tally already made', ctx },
    { text: '2016年以来累计投入资金', why: '以来 looks back from a year', ctx },
    { text: '与2010年相比翻一番', why: 'a base year of a comparison', ctx },
  ],
});
