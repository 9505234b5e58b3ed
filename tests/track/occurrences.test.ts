// Tracked items of a task: tables of tasks written here, with the items and dates expected.
import { describe, expect, test } from 'vitest';
import ical from 'node-ical';
import type { Deadline, ExtractResult, Task } from '../../src/model.js';
import { expandRecurrence, planPeriod, recurrenceRule, trackedItems } from '../../src/track/occurrences.js';
import { doc, due, recurring, task } from '../fixtures/compare/builders.js';

const plan = (title: string, date: string, tasks: Task[]): ExtractResult => doc({ id: 'p', title, jurisdiction: null, date }, tasks);
const start = (text: string, date: string): Deadline => ({ text, kind: 'start', date });

describe('planPeriod', () => {
  const cases: [string, string, Deadline[], { end: string; endFrom: string } | null, string][] = [
    ['某县农村人居环境整治三年行动方案（2019—2021年）', '2019-03-05', [], { end: '2021-12-31', endFrom: 'title' }, 'a year range in the title'],
    ['关于印发某市教育现代化2020-2022年实施方案的通知', '2020-04-01', [due('2025年底前', '2025-12-31')], { end: '2022-12-31', endFrom: 'title' }, 'the title wins over a later deadline'],
    ['某区推进健康乡村建设到2025年工作方案', '2023-02-10', [], { end: '2025-12-31', endFrom: 'title' }, '到2025年 names the end year'],
    ['某县秸秆禁烧工作方案', '2020-05-08', [due('2021年6月底前', '2021-06-30')], { end: '2021-12-31', endFrom: 'deadlines' }, 'the last stated due date'],
    ['某县秸秆禁烧工作方案', '2020-05-08', [due('6月底前', '2020-06-30')], { end: '2020-12-31', endFrom: 'document-year' }, 'no later deadline: the document year'],
    ['关于2018年度考核情况的通报', '2019-01-20', [], { end: '2019-12-31', endFrom: 'document-year' }, 'a past year in the title is not the period'],
    ['某县工作方案', '', [], null, 'no document date: no period'],
  ];
  test.each(cases)('%s (%s)', (title, date, deadlines, want, _why) => {
    const got = planPeriod(plan(title, date, [task('1', '开展工作', { deadlines })]));
    expect(got === null ? null : { end: got.end, endFrom: got.endFrom }).toEqual(want);
  });
});

describe('expandRecurrence', () => {
  const cases: [string, Deadline, string, string, string[], string][] = [
    ['每季度', recurring('每季度', 'quarterly'), '2020-03-05', '2020-12-31', ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'], 'quarter ends'],
    ['每季度 from May', recurring('每季度', 'quarterly'), '2020-05-20', '2021-06-30', ['2020-06-30', '2020-09-30', '2020-12-31', '2021-03-31', '2021-06-30'], 'quarters before the start are left out'],
    ['每月10日前', recurring('每月10日前', 'monthly', { day: 10 }), '2021-09-15', '2021-12-31', ['2021-10-10', '2021-11-10', '2021-12-10'], 'the 10th of each month after the start'],
    ['每月', recurring('每月', 'monthly'), '2020-01-01', '2020-04-30', ['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30'], 'month ends, a leap February'],
    ['每月30日前', recurring('每月30日前', 'monthly', { day: 30 }), '2021-01-01', '2021-03-31', ['2021-01-30', '2021-02-28', '2021-03-30'], 'a short month takes its last day'],
    ['每两个月', recurring('每两个月', 'monthly', { interval: 2 }), '2020-01-01', '2020-08-31', ['2020-01-31', '2020-03-31', '2020-05-31', '2020-07-31'], 'every other month'],
    ['每半年', recurring('每半年', 'semiannual'), '2019-08-01', '2020-12-31', ['2019-12-31', '2020-06-30', '2020-12-31'], 'half-year ends'],
    ['每年12月20日前', recurring('每年12月20日前', 'annual', { month: 12, day: 20 }), '2019-03-05', '2021-12-31', ['2019-12-20', '2020-12-20', '2021-12-20'], 'the stated day each year'],
    ['每年3月底前', recurring('每年3月底前', 'annual', { month: 3, day: 31 }), '2019-06-01', '2021-12-31', ['2020-03-31', '2021-03-31'], "this year's day already passed"],
    ['每年', recurring('每年', 'annual'), '2022-02-01', '2023-12-31', ['2022-12-31', '2023-12-31'], 'year ends'],
    ['每周', recurring('每周', 'weekly'), '2020-06-01', '2020-06-30', ['2020-06-05', '2020-06-12', '2020-06-19', '2020-06-26'], 'Fridays'],
    ['每两周', recurring('每两周', 'weekly', { interval: 2 }), '2020-06-05', '2020-07-10', ['2020-06-05', '2020-06-19', '2020-07-03'], 'every other Friday from a Friday'],
  ];
  test.each(cases)('%s', (_name, d, from, to, want, _why) => {
    expect(expandRecurrence(d, from, to).map((o) => o.date)).toEqual(want);
  });

  // the RRULE a calendar gets must expand to the same dates, parsed by a maintained iCalendar library
  test.each(cases)('RRULE of %s expands to the same dates', (_name, d, from, to, want) => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:x@test', 'DTSTAMP:20200101T000000Z',
      `DTSTART;VALUE=DATE:${want[0].replaceAll('-', '')}`, `RRULE:${recurrenceRule(d, want.length)}`, 'SUMMARY:x', 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n');
    const event = Object.values(ical.sync.parseICS(ics)).find((c) => c.type === 'VEVENT') as ical.VEvent;
    const dates = event.rrule!.all().map((x) => x.toISOString().slice(0, 10));
    expect(dates).toEqual(want);
    expect(from <= want[0] && want.at(-1)! <= to).toBe(true);
  });
});

describe('trackedItems', () => {
  const doc2020 = (t: Task) => plan('某县脱贫攻坚巩固提升实施方案（2020—2021年）', '2020-03-05', [t]);
  test('one deadline: one item keyed by the task id', () => {
    const t = task('1', '6月底前完成危房改造', { deadlines: [due('6月底前', '2020-06-30')] });
    expect(trackedItems(doc2020(t).tasks[0], doc2020(t))).toEqual([{ key: 'p#1', taskId: 'p#1', due: '2020-06-30', label: '6月底前' }]);
  });
  test('several time nodes: one item per node, keyed task@date, in date order', () => {
    const t = task('2', '9月底前完成摸底，12月底前全部完工', { deadlines: [due('12月底前', '2020-12-31'), due('9月底前', '2020-09-30')] });
    const r = doc2020(t);
    expect(trackedItems(r.tasks[0], r).map((i) => [i.key, i.due, i.label])).toEqual([
      ['p#2@2020-09-30', '2020-09-30', '9月底前'],
      ['p#2@2020-12-31', '2020-12-31', '12月底前'],
    ]);
  });
  test('a recurring duty: one item per occurrence over the plan period, with its RRULE', () => {
    const t = task('3', '每季度报送工作进展', { deadlines: [recurring('每季度', 'quarterly')] });
    const r = doc2020(t);
    const items = trackedItems(r.tasks[0], r);
    expect(items.map((i) => i.key)).toEqual(
      ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31', '2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31'].map((d) => `p#3@${d}`),
    );
    expect(items[0].label).toBe('2020年第一季度（每季度）');
    expect(items[0].recurrence).toMatchObject({ every: 'quarterly', first: '2020-03-31', last: '2021-12-31', count: 8, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8' });
  });
  test('a stated start moves the first occurrence', () => {
    const t = task('4', '自2020年7月1日起，每月10日前报送', { deadlines: [start('自2020年7月1日起', '2020-07-01'), recurring('每月10日前', 'monthly', { day: 10 })] });
    const r = plan('某县工作方案', '2020-03-05', [t]);
    expect(trackedItems(r.tasks[0], r).map((i) => i.due)).toEqual(['2020-07-10', '2020-08-10', '2020-09-10', '2020-10-10', '2020-11-10', '2020-12-10']);
  });
  test('a due date and a recurring duty together: both kinds of node, one per date', () => {
    const t = task('5', '每半年报告一次，12月底前完成', { deadlines: [due('12月底前', '2020-12-31'), recurring('每半年', 'semiannual')] });
    const r = plan('某县工作方案', '2020-03-05', [t]);
    expect(trackedItems(r.tasks[0], r).map((i) => [i.key, i.label])).toEqual([
      ['p#5@2020-06-30', '2020年上半年（每半年）'],
      ['p#5@2020-12-31', '12月底前'],
    ]);
  });
  test('no deadline: one item, due presumed at the end of the plan period, marked presumed', () => {
    const t = task('6', '加强组织领导');
    const r = doc2020(t);
    expect(trackedItems(r.tasks[0], r)).toEqual([{ key: 'p#6', taskId: 'p#6', due: '2021-12-31', presumed: true, label: '未写时限（推定2021年底前）' }]);
  });
  test('a recurring duty in an undated document: one item that keeps the duty, with no date', () => {
    const t = task('7', '每月调度一次', { deadlines: [recurring('每月', 'monthly')] });
    const r = plan('某县工作方案', '', [t]);
    expect(trackedItems(r.tasks[0], r)).toEqual([{ key: 'p#7', taskId: 'p#7', label: '每月' }]);
  });
  test('a duty whose one occurrence falls in the period: the task id is its key', () => {
    const t = task('8', '每年12月20日前报送下一年度计划', { deadlines: [recurring('每年12月20日前', 'annual', { month: 12, day: 20 })] });
    const r = plan('某县工作方案', '2020-03-05', [t]);
    expect(trackedItems(r.tasks[0], r).map((i) => [i.key, i.due])).toEqual([['p#8', '2020-12-20']]);
  });
});
