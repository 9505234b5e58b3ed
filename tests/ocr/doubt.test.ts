// Tasks read by OCR say so; a unit, deadline or number resting on words the OCR was unsure of is
// flagged (ocr-low-confidence). Made-up tasks and blocks from several fields.
import { describe, expect, test } from 'vitest';
import { markOcrTasks } from '../../src/extract/ocr-doubt.js';
import type { Block, Task } from '../../src/model.js';

function task(text: string, extra: Partial<Task> = {}): Task {
  return { id: 'doc#1', path: [], text, units: [], leaders: [], owners: [], deadlines: [], quantities: [], where: { block: 0, page: 2 }, ...extra };
}

const ocrBlock = (text: string, low: string[] = []): Block => ({ text, page: 2, source: 'ocr', confidence: 81, ...(low.length ? { lowConfidence: low } : {}) });

describe('markOcrTasks', () => {
  test.each<[string, Task, Block, string | null]>([
    [
      'a number read unsure ("5O" repaired to 50)',
      task('新建乡村幼儿园50所', { quantities: [{ text: '50所', kind: 'target', value: 50, unit: '所' }] }),
      ocrBlock('新建乡村幼儿园50所', ['5O']),
      '数字“50所”（50）',
    ],
    [
      'a lead unit read unsure',
      task('县卫健局牵头开展健康体检', { units: [{ name: '县卫健局', role: 'lead', text: '县卫健局' }] }),
      ocrBlock('县卫健局牵头开展健康体检', ['卫健局']),
      '单位“县卫健局”（卫健局）',
    ],
    [
      'a deadline read unsure',
      task('6月底前完成河道清障', { deadlines: [{ text: '6月底前', kind: 'due', date: '2024-06-30' }] }),
      ocrBlock('6月底前完成河道清障', ['6月']),
      '时限“6月底前”（6月）',
    ],
    ['an unsure word outside every fact, in a long task, is not flagged', task('加强农村公路养护管理，确保路况良好'), ocrBlock('加强农村公路养护管理，确保路况良好', ['养']), null],
    ['a task mostly of unsure words is flagged itself', task('扒盆景工作'), ocrBlock('扒盆景工作', ['扒', '盆景']), '任务文字（扒、盆景）'],
  ])('%s', (_why, t, block, detail) => {
    const { tasks, warnings } = markOcrTasks([t], [block]);
    expect(tasks[0].ocr).toEqual({ confidence: 81 });
    if (detail === null) expect(warnings).toEqual([]);
    else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ code: 'ocr-low-confidence', severity: 'warning', taskId: 'doc#1', where: { block: 0, page: 2 } });
      expect(warnings[0].message).toContain(detail);
    }
  });

  test('tasks from a text layer are left as they were', () => {
    const t = task('新建乡村幼儿园50所');
    const { tasks, warnings } = markOcrTasks([t], [{ text: '新建乡村幼儿园50所', page: 2 }]);
    expect(tasks[0]).toBe(t);
    expect(warnings).toEqual([]);
  });
});
