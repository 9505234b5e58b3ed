// What the pipeline does with the numbers and dates issue #12 added: a season word becomes a due
// date without a date plus a warning, and a scope the title names is no quantity of the plan.
import { expect, test } from 'vitest';
import { extractLines } from '../extract-lines.js';

const extract = extractLines;

const doc = (body: string[]) => extract([
  '某某市人民政府办公室', '某政办发〔2021〕9号', '某某市促进3岁以下婴幼儿照护服务发展实施方案', '为做好相关工作，制定本方案。',
  '一、重点任务', ...body, '某某市人民政府办公室', '2021年3月1日',
]);

test('a season limit is due without a date, and a warning names its words', () => {
  const r = doc(['（一）改善条件。2021年秋季学期开学前完成托育机构消防改造。（责任单位：市住建局）']);
  const task = r.tasks.find((t) => t.text.includes('秋季学期'))!;
  expect(task.deadlines.map(({ where: _w, ...d }) => d)).toEqual([{ text: '2021年秋季学期开学前', kind: 'due' }]);
  const w = r.warnings.filter((x) => x.code === 'deadline-unparsed');
  expect(w).toHaveLength(1);
  expect(w[0].taskId).toBe(task.id);
  expect(w[0].message).toContain('“2021年秋季学期开学前”');
  expect(w[0].message).not.toContain('\n');
});

test('a dated limit raises no such warning', () => {
  const r = doc(['（一）改善条件。6月底前完成托育机构消防改造。（责任单位：市住建局）']);
  expect(r.warnings.filter((x) => x.code === 'deadline-unparsed')).toEqual([]);
});

test('the title scope repeated in a task is no quantity; a real target beside it is', () => {
  const r = doc(['（二）扩大供给。为3岁以下婴幼儿新增托位2000个以上。（责任单位：市卫生健康委）']);
  const task = r.tasks.find((t) => t.text.includes('新增托位'))!;
  expect(task.quantities.map((q) => [q.text, q.value, q.unit, q.comparator])).toEqual([['2000个以上', 2000, '个', '>=']]);
});
