// Coverage (issue #17): each higher measure covered or not, with its best lower candidate and score;
// purpose and definition articles are not measures; diff and check both report it.
import { describe, expect, test } from 'vitest';
import { COVERAGE_THRESHOLD, coverageScorer, isMeasure } from '../../src/compare/coverage.js';
import { checkPlan, diffDocuments } from '../../src/compare/diff.js';
import { COUNTY, PROVINCE, doc, task } from '../fixtures/compare/builders.js';

const higher = doc({ id: 'h', title: '辽宁省农村人居环境整治实施意见', jurisdiction: PROVINCE, date: '2021-01-01', docType: '实施意见' }, [
  task('0', '为了改善农村人居环境，建设美丽宜居乡村，根据有关法律法规，结合本省实际，制定本意见。'),
  task('1', '本意见所称农村生活污水，是指农村居民日常生活中产生的厕所污水、洗涤污水和厨房污水。'),
  task('2', '推进农村户用厕所无害化改造，新建农户卫生厕所应当同步建设粪污处理设施，2022年底前基本完成改造任务。'),
  task('3', '建立村庄保洁制度，每个行政村至少配备一名保洁员，生活垃圾做到日产日清。'),
  task('4', '加强畜禽养殖废弃物资源化利用，规模养殖场粪污处理设施装备配套率达到百分之九十五以上。'),
  task('5', '开展村庄清洁行动，组织群众清理房前屋后柴草杂物和残垣断壁，拆除违章搭建。'),
  task('6', '本意见自2021年3月1日起施行。'),
]);
const lower = doc({ id: 'l', title: '本溪满族自治县农村人居环境整治方案', jurisdiction: COUNTY, date: '2021-04-01' }, [
  // restates measure 2 in its own words
  task('1', '全县农户厕所无害化改造同步配建粪污处理设施，力争2022年底前完成改造。'),
  // restates measure 3 in its own words
  task('2', '各行政村配齐保洁员，每村不少于一名，确保生活垃圾日产日清。'),
  // shares only the field's common words with measure 5
  task('3', '加强组织领导，把农村人居环境整治工作纳入乡镇年度考核。'),
]);

test('purpose, definition and effective-date articles are not measures', () => {
  expect(higher.tasks.map(isMeasure)).toEqual([false, false, true, true, true, true, false]);
  expect(isMeasure(task('x', '第一条 为了预防和减少生产安全事故，保障人民群众生命和财产安全，制定本条例。'))).toBe(false);
  expect(isMeasure(task('x', '第二条 本条例所称危险化学品，是指具有毒害、腐蚀、爆炸等性质的化学品。'))).toBe(false);
  expect(isMeasure(task('x', '第三条 生产经营单位应当建立安全生产责任制。'))).toBe(true);
  expect(isMeasure(task('x', '第二章 火灾预防'))).toBe(false);
  expect(isMeasure(task('x', '第八十条 本条例下列用语的含义：'))).toBe(false);
  expect(isMeasure(task('x', '（二）消防产品，是指专门用于火灾预防、灭火救援的产品。'))).toBe(false);
  expect(isMeasure(task('x', '第九十一条 本条例自2022年1月1日起施行。'))).toBe(false);
  // a chapter title followed by its duty is a measure
  expect(isMeasure(task('x', '第二章 火灾预防，各单位应当落实防火责任。'))).toBe(true);
});

describe('checkPlan coverage', () => {
  const r = checkPlan(lower, higher);
  const c = r.coverage!;
  test('each measure: covered or not, with its best candidate and score', () => {
    expect(c.items!.map((i) => [i.taskId, i.covered, i.best?.taskId])).toEqual([
      ['h#2', true, 'l#1'],
      ['h#3', true, 'l#2'],
      ['h#4', false, expect.any(String)],
      ['h#5', false, 'l#3'],
    ]);
    for (const i of c.items!.filter((x) => x.covered)) expect(i.via === 'alignment' || i.best!.score >= COVERAGE_THRESHOLD).toBe(true);
    for (const i of c.items!.filter((x) => !x.covered)) expect(i.best!.score).toBeLessThan(COVERAGE_THRESHOLD);
    expect(c.threshold).toBe(COVERAGE_THRESHOLD);
  });
  test('the summary sentence and the counts', () => {
    expect([c.total, c.covered, c.percent, c.uncovered]).toEqual([4, 2, 50, ['h#4', 'h#5']]);
    expect(c.summary).toBe('上级部署的 4 项任务中，本方案覆盖 2 项');
  });
  test('an uncovered measure names its nearest lower clause and score', () => {
    const u = r.findings.filter((f) => f.type === 'uncovered').find((f) => f.a?.taskId === 'h#5')!;
    const s = c.items!.find((i) => i.taskId === 'h#5')!.best!.score.toFixed(2);
    expect(u.reason).toBe(`本溪县方案中没有找到与这项省级措施对应的内容（最接近的是 l#3，相似度 ${s}，低于 0.35）`);
  });
});

test('diff reports coverage too when one side governs the other, in either order', () => {
  expect(diffDocuments(higher, lower).coverage?.summary).toBe('上级部署的 4 项任务中，本方案覆盖 2 项');
  expect(diffDocuments(lower, higher).coverage?.covered).toBe(2);
  const stranger = doc({ id: 's', title: '某地方案', jurisdiction: null, date: '2021-04-01' }, lower.tasks.map((t) => task(t.id.split('#')[1], t.text)));
  expect(diffDocuments(higher, stranger).coverage).toBeUndefined();
});

test('the word score: restated measures score above the threshold, shared field words below', () => {
  const s = coverageScorer(higher.tasks, lower.tasks);
  expect(s.score(higher.tasks[3], lower.tasks[1])).toBeGreaterThanOrEqual(COVERAGE_THRESHOLD);
  expect(s.score(higher.tasks[2], lower.tasks[0])).toBeGreaterThanOrEqual(COVERAGE_THRESHOLD);
  expect(s.score(higher.tasks[5], lower.tasks[2])).toBeLessThan(0.3);
  expect(s.score(higher.tasks[4], lower.tasks[2])).toBeLessThan(0.3);
});
