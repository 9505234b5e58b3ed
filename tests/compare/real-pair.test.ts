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

// The full pair of docs/compare-real-pair.md: 土壤污染防治法 (2018) and the whole 广东省实施办法 of it.
// What is asserted is what the doc's table states, right and wrong alike, so a change in behaviour
// shows here and the table gets revisited.
describe('土壤污染防治法 → 广东省实施办法', () => {
  let law: ExtractResult;
  let prov: ExtractResult;
  let diff: DiffResult;
  const pairs = (a: string, b: string) => diff.alignments.find((al) => starts(a)(al.a) && starts(b)(al.b));
  beforeAll(async () => {
    law = await load('turangfa-2018.txt');
    prov = await load('guangdong-turang-banfa-2018.txt');
    diff = diffDocuments(law, prov);
  }, 60_000);

  test('the national law governs the province by jurisdiction', () => {
    expect([diff.relation, diff.higher, diff.relationBasis]).toEqual(['binding', 'a', 'jurisdiction']);
    expect([diff.a.jurisdiction?.level, diff.b.jurisdiction?.name]).toEqual(['national', '广东省']);
  });

  test('restated articles are aligned with their counterparts (table rows 3, 5, 7, 12, 14, 18, 25)', () => {
    expect(pairs('坚持预防为主、保护优先', '遵循预防为主、保护优先')?.changes).toEqual([{ a: '坚持', b: '遵循' }]);
    expect(pairs('地方各级人民政府应当对本行政区域土壤污染防治和安全利用负责', '各级人民政府应当对本行政区域的土壤污染防治和安全利用负责')).toBeDefined();
    expect(pairs('国务院生态环境主管部门对全国土壤污染防治工作实施统一监督管理', '对本行政区域内的土壤污染防治工作实施统一监督管理')).toBeDefined();
    expect(pairs('第十八条各类涉及土地利用的规划', '第十九条各类涉及土地利用的规划')).toBeDefined();
    expect(pairs('土壤污染责任人负有实施土壤污染风险管控和修复的义务', '土壤污染责任人应当依法承担土壤污染风险管控和修复的责任')).toBeDefined();
    expect(pairs('可以申请省级人民政府生态环境主管部门移出', '可以申请省人民政府生态环境主管部门移出')).toBeDefined();
    expect(pairs('有权对从事可能造成土壤污染活动的企业事业单位', '有权依法对辖区内可能造成土壤污染的企业事业单位')).toBeDefined();
  });

  test('the dropped 应急措施 shows as a change of the aligned article, with no finding (row 13: missed)', () => {
    const al = pairs('第二十二条企业事业单位拆除设施', '第二十条排放污染物的企业事业单位')!;
    expect(al.changes).toContainEqual({ a: '包括应急措施在内的', b: '' });
    expect(diff.findings.filter((f) => starts('第二十二条企业事业单位拆除设施')(f.a!))).toEqual([]);
  });

  test('findings as the table has them', () => {
    const count = (type: string) => diff.findings.filter((f) => f.type === type).length;
    expect([count('weakened'), count('compliant'), count('inconsistent-within'), count('conflict'), count('conditional')]).toEqual([2, 6, 1, 0, 0]);
    // both weakened findings are the dropped 及时 against 办法第三十五条 (rows 26 and 28)
    expect(diff.findings.filter((f) => f.type === 'weakened').map((f) => [f.a?.fact?.text, starts('第三十五条省人民政府生态环境主管部门')(f.b!)])).toEqual([
      ['及时', true],
      ['及时', true],
    ]);
    // no list finding: the law's 建设用地 list and the province's 农用地 lists share only "其他风险管控措施" (row 27)
    expect(diff.findings.some((f) => /列出\d+项/u.test(f.reason))).toBe(false);
  });

  test('coverage: 64 of 105 measures; one covered by a wrong partner, one rewording missed', () => {
    const c = checkPlan(prov, law).coverage!;
    expect([c.total, c.covered, c.percent]).toEqual([105, 64, 61]);
    expect(c.summary).toBe('上级部署的 105 项任务中，本方案覆盖 64 项');
    const item = (words: string) => c.items!.find((i) => starts(words)(law.tasks.find((t) => t.id === i.taskId)!));
    expect(item('为了保护和改善生态环境')).toBeUndefined();
    expect(item('本法自2019年1月1日起施行')).toBeUndefined();
    expect(item('县级以上人民政府应当将土壤污染防治工作纳入国民经济和社会发展规划')?.covered).toBe(true); // row 9: wrong
    expect(item('依法将符合条件的优先保护类耕地划为永久基本农田')?.covered).toBe(false); // row 21: missed
    expect(item('土壤污染风险管控和修复名录由省级人民政府')?.covered ?? item('国家实行建设用地土壤污染风险管控和修复名录制度')?.covered).toBe(true);
  });
});
