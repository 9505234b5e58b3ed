import { expect, test } from 'vitest';
import { phrasesWithItems, splitSentences } from '../../src/compare/sentences.js';
import { quantity, task } from '../fixtures/compare/builders.js';

test('splitSentences keeps offsets and drops fragments', () => {
  const text = '二是。加强驻村管理，严格考勤；驻村时间不少于10个工作日。';
  expect(splitSentences(text)).toEqual([
    { text: '加强驻村管理，严格考勤；', start: 3, end: 15 },
    { text: '驻村时间不少于10个工作日。', start: 15, end: 29 },
  ]);
  expect(splitSentences(text, 'phrase').map((s) => s.text)).toEqual(['加强驻村管理，', '驻村时间不少于10个工作日。']);
});

test('phrasesWithItems narrows figures to the phrase that writes them', () => {
  const q1 = quantity('一次', { value: 1, unit: '次', per: ['季度'] });
  const q2 = quantity('一次', { value: 1, unit: '次', per: ['月'] });
  const t = task('1', '省委每季度至少研究一次脱贫攻坚工作，县委每月至少研究一次脱贫攻坚工作。加强督导。', { quantities: [q1, q2] });
  expect(phrasesWithItems(t).map((s) => [s.text, s.quantities])).toEqual([
    ['省委每季度至少研究一次脱贫攻坚工作，', [q1]],
    ['县委每月至少研究一次脱贫攻坚工作。', [q2]],
  ]);
});
