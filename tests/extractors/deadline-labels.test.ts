// Time limits that a label or a stage names without 前 ("完成时限：2025年11月", "验收阶段（2024年12月）").
// Sentences written for these tests.
import { describe, expect, test } from 'vitest';
import { extractDeadlines } from '../../extractors/deadlines.js';

function run(text: string): string[] {
  return extractDeadlines(text, { year: 2025 }).map((d) => `${d.text}=${d.kind}:${d.date ?? d.recurrence}`);
}

const cases: [string, string[]][] = [
  ['新增停车泊位2000个。（责任处室：市容处，完成时限：2025年11月）', ['2025年11月=due:2025-11-30']],
  ['完成时间：6月', ['6月=due:2025-06-30']],
  ['整改时限：2025年', ['2025年=due:2025-12-31']],
  ['（三）验收阶段（2024年12月）。县农业农村局组织初验', ['2024年12月=due:2024-12-31']],
  ['（一）宣传发动阶段（3月）', ['3月=due:2025-03-31']],
  // no label, no stage: a month that only dates a fact sets no limit
  ['实施时间：2025年3月', []],
  ['2024年12月召开了推进会', []],
];

describe('labelled and staged time limits', () => {
  test.each(cases)('%s', (text, want) => expect(run(text)).toEqual(want));
});
