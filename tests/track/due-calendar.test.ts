// due, calendar and report over a plan written here: overdue counted from the given day only, the
// .ics read back by node-ical with its RRULEs expanding to the plan's dates, and the report's counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtractResult } from '../../src/model.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { buildCalendar } from '../../src/track/calendar.js';
import { dueList, parseWithin } from '../../src/track/due.js';
import { loadLedger, type Ledger } from '../../src/track/ledger.js';
import { buildReport, reportMarkdown } from '../../src/track/report.js';
import { doc, due, recurring, task } from '../fixtures/compare/builders.js';

const lead = (name: string) => ({ name, role: 'lead' as const });
const helper = (name: string) => ({ name, role: 'participant' as const });

// a county health plan for 2021–2022, written for these tests
const PLAN: ExtractResult = doc({ id: 'wj', title: '某县健康乡村建设实施方案（2021—2022年）', jurisdiction: null, date: '2021-03-15' }, [
  task('1', '6月底前完成村卫生室标准化建设', { units: [lead('县卫生健康局')], deadlines: [due('6月底前', '2021-06-30')] }),
  task('2', '9月底前完成摸底，12月底前全部完成改造', { units: [lead('县住房城乡建设局'), helper('县卫生健康局')], deadlines: [due('9月底前', '2021-09-30'), due('12月底前', '2021-12-31')] }),
  task('3', '每季度末报送工作进展情况', { units: [lead('县卫生健康局')], deadlines: [recurring('每季度', 'quarterly')] }),
  task('4', '每月10日前报送上月监测数据', { units: [lead('县疾控中心')], deadlines: [recurring('每月10日前', 'monthly', { day: 10 })] }),
  task('5', '每年12月20日前报送下一年度计划', { units: [lead('县财政局')], deadlines: [recurring('每年12月20日前', 'annual', { month: 12, day: 20 })] }),
  task('6', '加强组织领导', { units: [lead('县政府办')] }),
]);

const dir = mkdtempSync(join(tmpdir(), 'tz-due-'));
let store: SqliteTaskStore;
let ledger: Ledger;
const by = { by: '科员', source: 'cli' as const };

beforeAll(async () => {
  store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
  await store.ingest(PLAN);
  await store.updateTracking('wj#1', { status: '已完成', completedOn: '2021-06-25' }, { ...by, at: '2021-06-26T00:00:00Z' });
  await store.updateTracking('wj#2@2021-09-30', { status: '推进中', progress: '摸底过半' }, { ...by, at: '2021-09-01T00:00:00Z' });
  ledger = await loadLedger(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parseWithin', () => {
  test.each([['30d', 30], ['2w', 14], ['1m', 30], ['30天', 30], ['2周', 14], ['1个月', 30], ['45', 45], ['三十天', null], ['30x', null]])('%s', (v, want) => {
    expect(parseWithin(v)).toBe(want);
  });
});

describe('due', () => {
  const cases: [string, number, string | undefined, string[], string[]][] = [
    // the quarter ending 2021-03-31 falls after the plan's date (2021-03-15): it is an occurrence too
    ['2021-07-05', 30, undefined, ['wj#3@2021-03-31', 'wj#3@2021-06-30', 'wj#4@2021-04-10', 'wj#4@2021-05-10', 'wj#4@2021-06-10'], ['wj#4@2021-07-10']],
    ['2021-10-01', 10, '住房城乡建设局', ['wj#2@2021-09-30'], []],
    ['2021-10-01', 10, '卫生健康局', ['wj#3@2021-03-31', 'wj#3@2021-06-30', 'wj#2@2021-09-30', 'wj#3@2021-09-30'], []],
    ['2021-03-20', 30, '财政局', [], []],
  ];
  test.each(cases)('today %s, within %i, unit %s', (today, within, unit, overdue, upcoming) => {
    const list = dueList(ledger.items, { today, within, unit });
    expect(list.overdue.map((i) => i.key).sort()).toEqual([...overdue].sort());
    expect(list.upcoming.map((i) => i.key)).toEqual(upcoming);
  });
  test('a done item is never overdue; the same ledger a year later has more overdue, counted from the day given alone', () => {
    const early = dueList(ledger.items, { today: '2021-07-05', within: 0 });
    const late = dueList(ledger.items, { today: '2022-07-05', within: 0 });
    expect(early.overdue.some((i) => i.key === 'wj#1')).toBe(false);
    expect(late.overdue.some((i) => i.key === 'wj#1')).toBe(false);
    expect(late.overdue.length).toBeGreaterThan(early.overdue.length);
    expect(late.overdue.find((i) => i.key === 'wj#6')).toBeUndefined();
    expect(dueList(ledger.items, { today: '2023-01-02', within: 0 }).overdue.find((i) => i.key === 'wj#6')).toMatchObject({ presumed: true, due: '2022-12-31', days: -2 });
  });
});

describe('calendar', () => {
  const parsed = () => {
    const text = buildCalendar(ledger.items, { remindDays: 3, stamp: new Date('2021-03-16T00:00:00Z') });
    return { text, events: Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c.type === 'VEVENT') };
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);

  test('each recurring duty is one event whose RRULE expands to the dates the plan states', () => {
    const { events } = parsed();
    const expand = (words: string) => events.find((e) => String(e.summary).includes(words))!.rrule!.all().map(day);
    expect(expand('每季度末报送')).toEqual(['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']);
    expect(expand('每年12月20日前')).toEqual(['2021-12-20', '2022-12-20']);
    const monthly = expand('每月10日前');
    expect(monthly).toHaveLength(21);
    expect([monthly[0], monthly.at(-1)]).toEqual(['2021-04-10', '2022-12-10']);
    expect(monthly.every((d) => d.endsWith('-10'))).toBe(true);
  });

  test('dated items are all-day events on their day, a done one left out, each with a reminder 3 days before', () => {
    const { events, text } = parsed();
    const starts = events.filter((e) => !e.rrule).map((e) => [day(e.start), String(e.summary)]);
    expect(starts).toEqual([
      ['2021-09-30', '【县住房城乡建设局】9月底前完成摸底，12月底前全部完成改造（9月底前）'],
      ['2021-12-31', '【县住房城乡建设局】9月底前完成摸底，12月底前全部完成改造（12月底前）'],
      ['2022-12-31', '【县政府办】（推定时限）加强组织领导（未写时限（推定2022年底前））'],
    ]);
    expect(events.every((e) => (e.start as unknown as { dateOnly?: boolean }).dateOnly)).toBe(true);
    expect(text.match(/TRIGGER:-P3D/gu)!.length).toBe(events.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});

describe('report', () => {
  test('per unit and per status counts, overdue list and changes since', async () => {
    const changes = await store.changesSince('2021-09-01T00:00:00Z');
    const r = buildReport(ledger.items, changes, { today: '2021-10-01', since: '2021-09-01T00:00:00Z' });
    const health = r.units.find((u) => u.unit === '县卫生健康局')!;
    expect(health).toMatchObject({ total: 9, overdue: 3 });
    expect(health.counts).toMatchObject({ 已完成: 1, 未开始: 8 });
    expect(r.units.find((u) => u.unit === '县住房城乡建设局')).toMatchObject({ total: 2, overdue: 1, counts: { 推进中: 1, 未开始: 1 } });
    expect(r.totals.total).toBe(ledger.items.length);
    const md = reportMarkdown(r);
    expect(md).toContain('| 县卫生健康局 | 9 | 8 | 0 | 1 | 0 | 0 | 0 | 3 |');
    expect(md).toContain('## 本期变化（2 条）');
    expect(md).toMatch(/2021-09-01 科员（命令行）9月底前完成摸底，12月底前全部完成改造：状态 未开始 → 推进中/u);
  });
});
