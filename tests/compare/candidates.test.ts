import { expect, test } from 'vitest';
import { findCandidatePairs } from '../../src/compare/candidates.js';

const clauses = [
  { group: 'prov', text: '所有贫困县要在2020年6月30日前完成农村饮水安全巩固提升工程。' },
  { group: 'prov', text: '实施生态护林员选聘计划，新增指标优先安排给贫困人口。' },
  { group: 'county', text: '全县要在2020年6月30日前完成农村饮水安全巩固提升工程。' },
  { group: 'county', text: '县教育局负责落实学前教育生活补贴政策。' },
  // the same group as clause 0: never paired with it, however similar
  { group: 'prov', text: '所有贫困县要在2020年6月30日前完成农村饮水安全巩固提升工程任务。' },
];

test('reused wording across documents pairs; unrelated clauses and same-document clauses do not', () => {
  const pairs = findCandidatePairs(clauses);
  expect(pairs.map((p) => [p.i, p.j])).toEqual([
    [0, 2],
    [2, 4],
  ]);
  // 29 letters and digits in the county clause → 27 shingles; all but 全县要 are in the provincial one
  expect(pairs[0].shared).toBe(26);
  expect(pairs[0].containment).toBeCloseTo(26 / 27, 10);
});

test('a shingle held by more clauses than maxPostings is boilerplate and pairs nothing', () => {
  const boiler = [
    { group: 'a', text: '高度重视认真落实' },
    { group: 'b', text: '高度重视认真落实' },
    { group: 'c', text: '高度重视认真落实' },
  ];
  expect(findCandidatePairs(boiler, { maxPostings: 3 }).map((p) => [p.i, p.j])).toEqual([
    [0, 1],
    [0, 2],
    [1, 2],
  ]);
  expect(findCandidatePairs(boiler, { maxPostings: 2 })).toEqual([]);
});

test('minShared and minContainment filter weak overlaps', () => {
  const weak = [
    { group: 'a', text: '加强贫困村文化基础设施建设，丰富群众文化生活' },
    { group: 'b', text: '推进全县贫困村文化设施建设' },
  ];
  expect(findCandidatePairs(weak).map((p) => [p.i, p.j, p.shared])).toEqual([[0, 1, 5]]);
  expect(findCandidatePairs(weak, { minShared: 6 })).toEqual([]);
});
