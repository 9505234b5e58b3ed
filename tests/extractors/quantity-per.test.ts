import { expect, test } from 'vitest';
import { perChainBefore, perSlashes } from '../../extractors/quantity-per.js';

// Clauses written for these tests: the words before a number, and what its per-units are.
test.each([
  ['按每人每年', false, ['人', '年']],
  ['每个行政村至少配备', false, ['村']],
  ['每个乡镇（街道）抽检样品不少于', false, ['乡镇（街道）']],
  ['寄宿生人均宿舍面积不低于', false, ['人']],
  ['户均增收', false, ['户']],
  ['起付标准为居民人均可支配收入的', true, null],
  ['全年新建', false, null],
])('%s', (clause, ratio, want) => {
  expect(perChainBefore(clause, ratio)?.per ?? null).toEqual(want);
});

test('slashes after the unit', () => {
  expect(perSlashes('/生/年，')).toEqual({ per: ['生', '年'], length: 4 });
  expect(perSlashes('/千瓦时')).toEqual({ per: ['千瓦时'], length: 4 });
  expect(perSlashes('以上')).toEqual({ per: [], length: 0 });
  // issue #12: middle dots and brackets; a bracket closing the sentence around it stays outside
  expect(perSlashes('/人·月，')).toEqual({ per: ['人', '月'], length: 4 });
  expect(perSlashes('/（人·年）')).toEqual({ per: ['人', '年'], length: 6 });
  expect(perSlashes('/生/年）')).toEqual({ per: ['生', '年'], length: 4 });
});
