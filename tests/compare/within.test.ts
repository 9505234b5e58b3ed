import { describe, expect, test } from 'vitest';
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

describe('inconsistent-within only when the same subject and the same duty carry two values', () => {
  const law = (tasks: ReturnType<typeof task>[]) => doc({ id: 'law', title: '某省森林防火条例', jurisdiction: null, date: '2020-01-01' }, tasks);
  const fine = (t: string, words: string, value: number, comparator: '>=' | '<=') => {
    const start = t.indexOf(words);
    return quantity(words, { value, unit: '元', comparator, subject: '罚款', where: { start, end: start + words.length } });
  };
  const article = (id: string, text: string, low: string, lowV: number, high: string, highV: number) =>
    task(id, text, { quantities: [fine(text, low, lowV, '>='), fine(text, high, highV, '<=')] });

  test('fines a law sets for different violations are not one duty', () => {
    const f = inconsistentWithin(
      law([
        article('1', '违反本条例规定，在森林防火区内吸烟的，处二百元以上二千元以下罚款。', '二百元以上', 200, '二千元以下', 2000),
        article('2', '个人违反本条例规定擅自野外用火的，处二百元以上五百元以下罚款。', '二百元以上', 200, '五百元以下', 500),
        article('3', '违反本条例规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款：', '五千元以上', 5000, '五万元以下', 50000),
        article('4', '违反本条例规定，有下列行为之一的，责令改正，处一万元以上十万元以下罚款：', '一万元以上', 10000, '十万元以下', 100000),
      ]),
    );
    expect(f).toEqual([]);
  });

  test('one violation fined twice with different figures is reported', () => {
    const f = inconsistentWithin(
      law([
        article('1', '违反本条例规定，在森林防火区内吸烟的，处二百元以上二千元以下罚款。', '二百元以上', 200, '二千元以下', 2000),
        article('9', '违反本条例规定，在森林防火区内吸烟的，处二百元以上三千元以下罚款。', '二百元以上', 200, '三千元以下', 3000),
      ]),
    );
    expect(f.map((x) => [x.a?.taskId, x.b?.taskId, x.a?.fact?.text, x.b?.fact?.text])).toEqual([['law#1', 'law#9', '二千元以下', '三千元以下']]);
  });

  test('a subject that is itself a figure names no duty', () => {
    const t1 = '对举报属实的，给予举报人五百元奖励。';
    const t2 = '对提供重要线索的，给予举报人二千元奖励。';
    const q = (t: string, words: string, value: number) => quantity(words, { value, unit: '元', subject: '五百元', where: { start: t.indexOf(words), end: t.indexOf(words) + words.length } });
    expect(inconsistentWithin(law([task('1', t1, { quantities: [q(t1, '五百元', 500)] }), task('2', t2, { quantities: [q(t2, '二千元', 2000)] })]))).toEqual([]);
  });
});
