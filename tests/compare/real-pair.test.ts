// A real pair from outside the corpus (issue #17): the national 消防法 (2021) and the opening
// articles of 太原市消防条例 (2024), which names it as its basis. Texts and their sources are in
// tests/fixtures/compare/real (SOURCES.md); the hand-made table of clause relations and how diff
// does on it is docs/compare-real-pair.md. Assertions name clauses by their words, not by task ids,
// so a change in how articles are numbered does not hide a change in what diff finds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkPlan, diffDocuments } from '../../src/compare/diff.js';
import type { DiffResult } from '../../src/compare/schema.js';
import type { ExtractResult } from '../../src/model.js';
import { extractFile } from '../../src/pipeline.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/compare/real');
async function load(name: string): Promise<ExtractResult> {
  const o = await extractFile(path.join(dir, name));
  if (!o.ok) throw new Error(o.line);
  return o.result;
}

const starts = (words: string) => (s: { text: string }) => s.text.replace(/\s/gu, '').includes(words);

describe('消防法 → 太原市消防条例', () => {
  let law: ExtractResult;
  let city: ExtractResult;
  let diff: DiffResult;
  beforeAll(async () => {
    law = await load('xiaofangfa-2021.txt');
    city = await load('taiyuan-xiaofang-2024-excerpt.txt');
    diff = diffDocuments(law, city);
  }, 60_000);

  test('the national law governs the city, though the law text names no issuer', () => {
    expect([diff.relation, diff.higher, diff.relationBasis]).toEqual(['binding', 'a', 'jurisdiction']);
    expect(diff.a.jurisdiction?.level).toBe('national');
  });

  test('the restated articles are aligned', () => {
    const pairs = (a: string, b: string) => diff.alignments.some((al) => starts(a)(al.a) && starts(b)(al.b));
    expect(pairs('消防工作贯彻预防为主', '消防工作贯彻预防为主')).toBe(true);
    expect(pairs('地方各级人民政府负责本行政区域内的消防工作', '本市各级人民政府负责本行政区域内的消防工作')).toBe(true);
    expect(pairs('各级人民政府应当将消防工作纳入国民经济和社会发展计划', '本市各级人民政府负责本行政区域内的消防工作')).toBe(true);
  });

  test('the added principle shows as the change of the aligned article', () => {
    const al = diff.alignments.find((x) => starts('消防工作贯彻预防为主')(x.a))!;
    expect(al.changes.map((c) => c.b)).toContain('坚持人民至上、生命至上');
  });

  test('nothing in the opening articles is weaker or in conflict', () => {
    expect(diff.findings.filter((f) => ['conflict', 'weakened', 'conditional'].includes(f.type))).toEqual([]);
  });

  test('coverage: the purpose article is no measure; the aligned articles are covered', () => {
    const c = checkPlan(city, law).coverage!;
    const item = (words: string) => c.items!.find((i) => starts(words)(law.tasks.find((t) => t.id === i.taskId)!));
    expect(item('为了预防火灾和减少火灾危害')).toBeUndefined();
    expect(item('消防工作贯彻预防为主')?.covered).toBe(true);
    expect(item('国务院应急管理部门对全国的消防工作实施监督管理')?.covered).toBe(false);
    expect(c.summary).toMatch(/^上级部署的 \d+ 项任务中，本方案覆盖 \d+ 项$/);
  });
});
