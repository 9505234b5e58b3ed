// Deadlines as notices of many fields write them (issue #12, Dates). ESLint/textlint style: each valid
// sentence lists exactly the time limits that must come out; each invalid one says why none does.
// All sentences were written for this table; the document year is 2021.
import { describe, expect, test } from 'vitest';
import type { Deadline } from '../../src/model.js';
import { extractDeadlines } from '../../extractors/deadlines.js';
import { findCalendarRanges, recurringDay } from '../../extractors/date-spans.js';

const ctx = { year: 2021, issued: '2021-03-01' };
type D = Omit<Deadline, 'where'>;
const run = (text: string): D[] => extractDeadlines(text, ctx).map(({ where: _w, ...d }) => d);
const due = (text: string, date?: string): D => (date ? { text, kind: 'due', date } : { text, kind: 'due' });
const start = (text: string, date: string): D => ({ text, kind: 'start', date });
const every = (text: string, recurrence: Deadline['recurrence'], more: Partial<D> = {}): D => ({ text, kind: 'recurring', recurrence, ...more });

const valid: [string, D[], string][] = [
  // day and month ranges
  ['5月8-15日组织全员核酸检测演练', [start('5月8-15日', '2021-05-08'), due('5月8-15日', '2021-05-15')], 'a day range inside one month'],
  ['2022年3月1－10日开展春季植树', [start('2022年3月1－10日', '2022-03-01'), due('2022年3月1－10日', '2022-03-10')], 'a day range with its own year'],
  ['1－6月份完成项目入库', [start('1－6月份', '2021-01-01'), due('1－6月份', '2021-06-30')], 'a month range with 份'],
  ['7-8月开展防溺水专项行动', [start('7-8月', '2021-07-01'), due('7-8月', '2021-08-31')], 'a summer month range'],
  ['2022年1至2月完成冬季清洁取暖改造验收', [start('2022年1至2月', '2022-01-01'), due('2022年1至2月', '2022-02-28')], 'February ends on the 28th in 2022'],
  ['9月1日至10日集中办理入学手续', [start('9月1日至10日', '2021-09-01'), due('9月1日至10日', '2021-09-10')], 'two full days'],
  // quarters and halves
  ['一季度完成老旧小区改造招标', [due('一季度', '2021-03-31')], 'a quarter ends on its last day'],
  ['第二季度末前完成验收', [due('第二季度末前', '2021-06-30')], '第二季度末'],
  ['三季度完成集中采购', [due('三季度', '2021-09-30')], 'a quarter without 第'],
  ['前三个季度完成年度投资的75%', [due('前三个季度', '2021-09-30')], 'the first three quarters'],
  ['前两季度完成基础设施建设', [due('前两季度', '2021-06-30')], '两 counts quarters too'],
  ['上半年完成中小学校舍安全排查', [due('上半年', '2021-06-30')], 'first half'],
  ['下半年启动第二批医共体试点', [due('下半年', '2021-12-31')], 'second half'],
  // parts of a month
  ['3月初完成农资储备', [due('3月初', '2021-03-10')], '完成 makes 月初 a limit: the 10th'],
  ['3月初召开全市春耕动员会', [], '月初 alone opens a month as often as it closes a task'],
  ['确保9月初全部达到开学条件', [due('9月初', '2021-09-10')], '确保 makes 月初 a limit; 初 is the 10th'],
  ['6月中完成河湖清四乱整改', [due('6月中', '2021-06-20')], '月中 is the 20th'],
  ['10月末上报年度总结', [due('10月末', '2021-10-31'), every('年度总结', 'annual')], '月末 is the last day; a 年度 report recurs'],
  ['11月下旬完成冬储煤供应', [due('11月下旬', '2021-11-30')], '下旬 is the last day'],
  ['力争8月上旬完成秋粮收购准备', [due('8月上旬', '2021-08-10')], '上旬 is the 10th'],
  ['4月初前完成春播物资调运', [due('4月初前', '2021-04-10')], '前 after 月初'],
  // years
  ['2025年前全面建成城市一刻钟便民生活圈', [due('2025年前', '2025-12-31')], 'a year before 前'],
  ['到2022年，全市养老床位达到3万张', [due('到2022年', '2022-12-31')], '到 + year'],
  ['到2030年，森林覆盖率稳定在60%以上', [due('到2030年', '2030-12-31')], 'a far target year'],
  ['2023年底前实现医保异地结算全覆盖', [due('2023年底前', '2023-12-31')], 'year end before 前'],
  // seasons and holidays: due, kept as written, no date
  ['2021年秋季学期开学前完成校舍维修', [due('2021年秋季学期开学前')], 'a school term has no fixed day'],
  ['春节前将救助金发放到位', [due('春节前')], 'a holiday moves every year'],
  ['汛前完成病险水库除险加固', [due('汛前')], 'the flood season depends on the place'],
  ['国庆节前完成景区安全检查', [due('国庆节前')], 'a holiday word with 节'],
  ['春耕前完成农机检修', [due('春耕前')], 'a farming season'],
  ['2022年春季学期起实行新的资助标准', [{ text: '2022年春季学期起', kind: 'start' }], 'a term start: a start with no date'],
  ['汛期开始前完成隐患排查', [due('汛期开始前')], 'before the season begins is due, not a start'],
  // recurring duties with their day
  ['各地要于每年12月20日前报送下一年度计划', [every('每年12月20日前', 'annual', { month: 12, day: 20 })], 'the day stays in the recurrence'],
  ['每月5日前报送上月就业数据', [every('每月5日前', 'monthly', { day: 5 })], 'a monthly day'],
  ['每年3月底前公布上年度空气质量状况', [every('每年3月底前', 'annual', { month: 3, day: 31 })], 'a month end in a recurrence'],
  ['每年6月上旬开展安全生产月活动', [every('每年6月上旬', 'annual', { month: 6, day: 10 })], '上旬 in a recurrence is the 10th'],
  ['每年9月组织教师资格认定', [every('每年9月', 'annual', { month: 9 })], 'a month without a day'],
  ['每年年底前报送年度绩效自评报告', [every('每年年底前', 'annual', { month: 12, day: 31 })], 'the year end in a recurrence'],
  // written forms the phrase reader must not miss
  ['今年年底前完成危旧房改造', [due('今年年底前', '2021-12-31')], '今年年底 repeats 年'],
  ['2021年12月31日24时前提交申报材料', [due('2021年12月31日24时前', '2021-12-31')], 'a clock time between the day and 前'],
  ['6月30日（含）前完成申报', [due('6月30日（含）前', '2021-06-30')], '（含） between the day and 前'],
  ['9月30日17:00前提交材料', [due('9月30日17:00前', '2021-09-30')], 'a clock time with a colon'],
  ['2021.7.1-2021.9.30开展燃气安全排查', [start('2021.7.1-2021.9.30', '2021-07-01'), due('2021.7.1-2021.9.30', '2021-09-30')], 'dotted dates joined by a dash'],
  ['2021-06-30前报送统计报表', [due('2021-06-30前', '2021-06-30')], 'an ISO date before 前'],
  ['自2021-10-01起施行', [start('自2021-10-01起', '2021-10-01')], 'an ISO date with 自…起'],
  // a 完成时限 cell: a date alone on its line is the limit
  ['2021年6月', [due('2021年6月', '2021-06-30')], 'a month alone in a deadline cell'],
  ['2022年', [due('2022年', '2022-12-31')], 'a year alone in a deadline cell'],
  ['长期坚持\n2021年12月', [due('2021年12月', '2021-12-31')], 'the date on its own line of a cell'],
  // by-period duties
  ['补贴资金按季度拨付', [every('按季度', 'quarterly')], '按季度'],
  ['护理补贴按月发放', [every('按月', 'monthly')], '按月'],
  ['补贴目录按年度动态调整', [every('按年度', 'annual')], '按年度'],
  ['按周调度项目进度', [every('按周', 'weekly')], '按周'],
];

const invalid: [string, string][] = [
  ['按年度计划推进', '按年度计划 is the year plan, not a recurrence'],
  ['按年龄段分组开展体检', '按年龄'],
  ['按季节特点调整作息', '按季节'],
  ['按周期性安排巡检', '按周期'],
  ['2020年3月印发实施方案', 'a past month without a limit word'],
  ['9月中央生态环境保护督察组进驻', '9月中央 is not 月中'],
  ['开学前后加强校园周边交通整治', '开学前后 is around the date'],
  ['春节前后错峰出行', '春节前后 is around the date'],
  ['2025年前后基本建成', '前后 is around the year, not before it'],
  ['6月底前后组织复查', '前后 after a month end'],
  ['2019年以来累计完成投资', '以来 looks back'],
  ['截至2020年底，全省累计建成5G基站3万个', '截至 is "as of"'],
  ['与2015年相比下降18%', 'a base year'],
  ['2021年高考报名工作', 'a year naming an event'],
  ['印发《2021—2025年全省公共卫生体系建设规划》', 'a period inside a cited title'],
  ['每人每月补助300元', 'a rate, not a recurring duty'],
  ['3月15日召开推进会', 'an event date without a limit word'],
  ['2021年6月，省政府召开推进会', 'a date opening a sentence is no cell'],
  ['第1-6条适用于城市社区', 'clause numbers are no months'],
  ['发布时间：2021-03-03 10:19', 'a publication stamp is no limit'],
  ['在确保安全的前提下有序推进', '前提 is a premise, not 前'],
  ['该项目已于2019年10月建成投运', '已于 reports something done'],
  ['与去年1-6月相比增长12%', 'a month range used as a base period'],
];

describe('deadlines in many fields: valid', () => {
  test.each(valid)('%s', (text, want, _why) => expect(run(text)).toEqual(want));
});

describe('no time limit: invalid', () => {
  test.each(invalid)('%s (%s)', (text, _why) => expect(run(text)).toEqual([]));
});

describe('date spans on their own', () => {
  test('without a year the span keeps its kind and drops the date', () => {
    expect(findCalendarRanges('5月8-15日', undefined)).toEqual([
      { kind: 'start', start: 0, end: 7, date: undefined },
      { kind: 'due', start: 0, end: 7, date: undefined },
    ]);
  });
  test('a range running backwards or past the month is no range', () => {
    expect(findCalendarRanges('5月15-8日', 2021)).toEqual([]);
    expect(findCalendarRanges('6-3月份', 2021)).toEqual([]);
    expect(findCalendarRanges('5月8-35日', 2021)).toEqual([]);
  });
  test.each([
    ['12月20日前报送', 'annual', { month: 12, day: 20, length: 7 }],
    ['2月底前', 'annual', { month: 2, day: 28, length: 4 }],
    ['10日前', 'monthly', { day: 10, length: 4 }],
    ['召开会议', 'annual', null],
    ['40日前', 'monthly', null],
  ] as const)('recurringDay(%s, %s)', (after, period, want) => expect(recurringDay(after, period)).toEqual(want));
});
