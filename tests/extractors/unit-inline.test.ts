import { expect, test } from 'vitest';
import { inlineStatements } from '../../extractors/unit-inline.js';

// Sentences written for these tests: which bodies a running sentence names, and the span it covers.
test.each([
  ['由县发改局牵头，县直有关部门配合，6月底前出台办法。', ['县发改局*', '县直有关部门'], '由县发改局牵头，县直有关部门配合'],
  ['此项政策由各县（市、区）政府负责落实。', ['各县（市、区）政府'], '各县（市、区）政府负责'],
  ['县疾控中心于5月20日前完成抽检。', ['县疾控中心'], '县疾控中心'],
  ['完成改造任务，各乡镇于6月底前上报。', [], ''],
  ['由于资金不足，暂缓实施。', [], ''],
])('%s', (p, units, span) => {
  const found = inlineStatements(p);
  expect(found.flatMap((s) => s.items.map((it) => `${it.name}${it.marker === 'lead' ? '*' : ''}`))).toEqual(units);
  expect(found.map((s) => p.slice(s.start, s.end)).join('|')).toBe(span);
});
