import { describe, expect, test } from 'vitest';
import { alignClauses } from '../../src/compare/align.js';

describe('changed spans', () => {
  const cases: [string, string, string, { a: string; b: string }[]][] = [
    [
      'one substitution in a copied paragraph, widened to the place noun',
      '所有贫困县要在2020年6月30日前完成农村饮水安全巩固提升工程，确保贫困人口饮水安全有保障。',
      '全县要在2020年6月30日前完成农村饮水安全巩固提升工程，确保贫困人口饮水安全有保障。',
      [{ a: '所有贫困县', b: '全县' }],
    ],
    ['a changed number is reported whole', '驻村时间不少于10个工作日。', '驻村时间不少于5个工作日。', [{ a: '10', b: '5' }]],
    ['numbers sharing digits', '生活补贴每生每年不低于1000元。', '生活补贴每生每年不低于1200元。', [{ a: '1000', b: '1200' }]],
    ['a number and its unit', '带贫协议的带贫期限不少于2年，期满评估。', '带贫协议的带贫期限不少于24个月，期满评估。', [{ a: '2年', b: '24个月' }]],
    ['an inserted word', '每月召开专题会议研究脱贫攻坚工作', '每月召开一次专题会议研究脱贫攻坚工作', [{ a: '', b: '一次' }]],
    ['identical after punctuation', '确保吃住在村、干在村。', '确保吃住在村，干在村', []],
  ];
  test.each(cases)('%s', (_name, a, b, changes) => {
    expect(alignClauses(a, b).changes).toEqual(changes);
  });
});

test('similarity and containment of a near-verbatim pair', () => {
  const r = alignClauses('驻村工作队员每月驻村时间不少于10个工作日。', '驻村工作队员每月驻村时间不少于5个工作日。');
  // 19 shared characters of 21 + 20
  expect(r.matches).toBe(19);
  expect(r.similarity).toBe(0.93);
  expect(r.containment).toBe(0.95);
});

test('a short clause copied out of a long paragraph: high containment, the rest left outside', () => {
  const long = '加强组织领导。各级党委政府要落实主体责任，驻村工作队员每月驻村时间不少于10个工作日，严格考勤管理。';
  const short = '驻村工作队员每月驻村时间不少于10个工作日';
  const r = alignClauses(long, short);
  expect(r.containment).toBe(1);
  expect(r.changes).toEqual([]);
  const start = long.indexOf('驻村');
  const end = long.indexOf('工作日') + 3;
  expect(Array.from(r.marksA.slice(0, start)).every((m) => m === 0)).toBe(true);
  expect(Array.from(r.marksA.slice(start, end)).every((m) => m === 1)).toBe(true);
  expect(Array.from(r.marksA.slice(end)).every((m) => m === 0)).toBe(true);
});

test('unrelated clauses share almost nothing', () => {
  const r = alignClauses('实施生态护林员选聘计划', '县教育局负责落实学前教育生活补贴政策');
  expect(r.matches).toBeLessThan(3);
});

test('changes quote the original text, punctuation included', () => {
  const r = alignClauses('由县农业农村局、县财政局负责落实补助资金。', '由县扶贫办，县财政局负责落实补助资金。');
  expect(r.changes).toEqual([{ a: '农业农村局', b: '扶贫办' }]);
});
