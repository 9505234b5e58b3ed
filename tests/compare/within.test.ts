import { expect, test } from 'vitest';
import { deadlinesBeforeIssue, inconsistentWithin } from '../../src/compare/within.js';
import { COUNTY, doc, due, quantity, task } from '../fixtures/compare/builders.js';

const plan = (tasks: ReturnType<typeof task>[]) => doc({ id: 'p', title: '某县方案', jurisdiction: COUNTY, date: '2020-04-30' }, tasks);

test('a due date before the issue date', () => {
  const f = deadlinesBeforeIssue(plan([task('1', '3月底前完成核查。', { deadlines: [due('3月底前', '2020-03-31')] })]));
  expect(f.map((x) => [x.type, x.a?.taskId, x.reason])).toEqual([
    ['deadline-before-issue', 'p#1', '《某县方案》要求2020年3月31日前完成，早于发文日期2020年4月30日，请核对时限是否有误'],
  ]);
});

test('a stage year already past when the plan is issued is reported; start dates and later dues never count', () => {
  const f = deadlinesBeforeIssue(
    plan([
      task('1', '2018年实现贫困人口全部脱贫。', { deadlines: [due('2018年', '2018-12-31')] }),
      task('2', '从2020年1月1日起执行。', { deadlines: [{ text: '从2020年1月1日起', kind: 'start', date: '2020-01-01' }] }),
      task('3', '2020年6月底前完成。', { deadlines: [due('2020年6月底前', '2020-06-30')] }),
    ]),
  );
  expect(f.map((x) => x.a?.taskId)).toEqual(['p#1']);
});

test('the same subject stated twice with different figures', () => {
  const q = (text: string, value: number) => quantity(text, { value, unit: '户', kind: 'target', subject: 'D级危房改造' });
  const f = inconsistentWithin(
    plan([
      task('1', '完成D级危房改造189户。', { quantities: [q('189户', 189)] }),
      task('2', '全年D级危房改造196户。', { quantities: [q('196户', 196)] }),
      task('3', '再次强调D级危房改造189户。', { quantities: [q('189户', 189)] }),
    ]),
  );
  expect(f.map((x) => [x.a?.taskId, x.b?.taskId, x.reason])).toEqual([
    ['p#1', 'p#2', '《某县方案》中同一指标前后不一致：一处为D级危房改造189户，另一处为D级危房改造196户'],
  ]);
});

test('figures for different years, or inside one clause, are a breakdown', () => {
  const q = (text: string, value: number) => quantity(text, { value, unit: '户', kind: 'target', subject: 'D级危房改造' });
  expect(
    inconsistentWithin(
      plan([
        task('1', '2020年6月底前完成D级危房改造100户。', { quantities: [q('100户', 100)], deadlines: [due('2020年6月底前', '2020-06-30')] }),
        task('2', '2021年6月底前完成D级危房改造89户。', { quantities: [q('89户', 89)], deadlines: [due('2021年6月底前', '2021-06-30')] }),
      ]),
    ),
  ).toEqual([]);
  expect(inconsistentWithin(plan([task('3', '其中D级危房改造50户、30户分两批。', { quantities: [q('50户', 50), q('30户', 30)] })]))).toEqual([]);
});
