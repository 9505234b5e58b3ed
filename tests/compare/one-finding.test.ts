// One agreement or conflict is one finding (issue #17): a duty compared once as a count and once as
// a frequency is reported once, and every finding names the words it compares and where they stand.
import { expect, test } from 'vitest';
import { diffDocuments } from '../../src/compare/diff.js';
import { COUNTY, PROVINCE, doc, quantity, recurring, task } from '../fixtures/compare/builders.js';

const at = (text: string, words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });

const highText = '各县委、县政府每月至少专题研究一次安全生产工作，及时解决突出问题。';
const lowText = '县委、县政府每一个月至少研究一次安全生产工作。县政府主要负责同志每月至少专题研究1次安全生产工作。';
const high = doc({ id: 'p', title: '辽宁省安全生产工作意见', jurisdiction: PROVINCE, date: '2021-01-01' }, [
  task('1', highText, {
    quantities: [quantity('一次', { value: 1, unit: '次', per: ['月'], comparator: '>=', subject: '安全生产工作', where: at(highText, '一次') })],
    deadlines: [recurring('每月至少专题研究一次', 'monthly', { minCount: 1, where: at(highText, '每月至少专题研究一次') })],
  }),
]);
const low = doc({ id: 'c', title: '本溪满族自治县安全生产工作方案', jurisdiction: COUNTY, date: '2021-03-01' }, [
  task('1', lowText, {
    quantities: [quantity('1次', { value: 1, unit: '次', per: ['月'], comparator: '>=', subject: '安全生产工作', where: at(lowText, '1次') })],
    deadlines: [recurring('每一个月至少研究一次', 'monthly', { minCount: 1, where: at(lowText, '每一个月至少研究一次') })],
  }),
]);

test('a monthly duty read as a count and as a frequency is one agreement, named by its frequency words', () => {
  const r = diffDocuments(high, low);
  const agreements = r.findings.filter((f) => f.type === 'consistent');
  expect(agreements.map((f) => [f.a?.fact?.text, f.b?.fact?.text])).toEqual([['每月至少专题研究一次', '每一个月至少研究一次']]);
  const f = agreements[0];
  expect(f.a?.text.slice(f.a.fact!.start, f.a.fact!.end)).toBe('每月至少专题研究一次');
  expect(f.b?.text.slice(f.b.fact!.start, f.b.fact!.end)).toBe('每一个月至少研究一次');
  expect(f.a?.page).toBe(1);
});

test('a count that disagrees with the frequency verdict is still its own finding', () => {
  const lowerCount = lowText.replace('专题研究1次', '专题研究1次').replace('每月至少专题研究1次', '每季度至少专题研究1次');
  const l2 = doc({ id: 'c', title: '本溪满族自治县安全生产工作方案', jurisdiction: COUNTY, date: '2021-03-01' }, [
    task('1', lowerCount, {
      quantities: [quantity('1次', { value: 1, unit: '次', per: ['季度'], comparator: '>=', subject: '安全生产工作', where: at(lowerCount, '1次') })],
      deadlines: [recurring('每一个月至少研究一次', 'monthly', { minCount: 1, where: at(lowerCount, '每一个月至少研究一次') })],
    }),
  ]);
  const types = diffDocuments(high, l2).findings.map((f) => f.type);
  expect(types).toContain('conflict');
  expect(types).toContain('consistent');
});
