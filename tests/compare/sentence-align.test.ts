// Alignment sentence by sentence (issue #17): a reworded duty inside a long clause finds its
// partner, and one higher clause may answer several lower clauses and the other way round.
import { expect, test } from 'vitest';
import { alignSentences } from '../../src/compare/sentence-align.js';
import { diffDocuments } from '../../src/compare/diff.js';
import { COUNTY, PROVINCE, doc, task } from '../fixtures/compare/builders.js';

test('the sentences of two clauses that say the same thing, with their offsets', () => {
  const a = '加强水源地保护。县级以上人民政府应当划定饮用水水源保护区，设置明显的地理界标和警示标志。禁止在饮用水水源一级保护区内新建与供水设施无关的建设项目。';
  const b = '本县划定饮用水水源保护区，设置明显的地理界标和警示标志。每年开展一次水源地环境状况评估。';
  const pairs = alignSentences(a, b);
  expect(pairs.map((p) => [a.slice(p.sa.start, p.sa.end).slice(0, 8), b.slice(p.sb.start, p.sb.end).slice(0, 8)])).toEqual([['县级以上人民政府', '本县划定饮用水水']]);
  // sentences too short to say anything ("加强水源地保护。") are left out; unrelated sentences do not pair
  expect(alignSentences('加强水源地保护。', '加强水源地保护。')).toEqual([]);
});

test('one higher clause answers two lower clauses, and one lower clause answers two higher clauses', () => {
  const high = doc({ id: 'h', title: '辽宁省河湖管理意见', jurisdiction: PROVINCE, date: '2021-01-01' }, [
    task('1', '各级河长应当定期巡查责任河湖，及时发现和处理河湖管理保护中的问题。河长制办公室应当建立河湖管理保护信息平台，实现信息共享。'),
    task('2', '严禁向河道倾倒垃圾、渣土和其他废弃物，县级人民政府应当组织清理河道内的垃圾。'),
  ]);
  const low = doc({ id: 'l', title: '本溪满族自治县河湖管理方案', jurisdiction: COUNTY, date: '2021-04-01' }, [
    task('1', '县级河长应当定期巡查责任河湖，及时发现和处理河湖管理保护中的问题。'),
    task('2', '县河长制办公室应当建立河湖管理保护信息平台，实现部门信息共享。严禁向河道倾倒垃圾、渣土和其他废弃物。'),
  ]);
  const r = diffDocuments(high, low);
  const pairs = r.alignments.map((al) => [al.a.taskId, al.b.taskId]).sort();
  expect(pairs).toEqual([
    ['h#1', 'l#1'],
    ['h#1', 'l#2'],
    ['h#2', 'l#2'],
  ]);
  const two = r.alignments.find((al) => al.a.taskId === 'h#1' && al.b.taskId === 'l#2')!;
  expect(two.sentences?.map((s) => s.a.text.slice(0, 6))).toEqual(['河长制办公室']);
  expect(two.a.text.slice(two.sentences![0].a.start, two.sentences![0].a.end)).toBe(two.sentences![0].a.text);
});
