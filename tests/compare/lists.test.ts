// "下列单位应当…" lists whose items extraction gives as clauses of their own (issue #17: the list
// must not lose its items). Inputs are written here; one case goes through the whole pipeline.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffDocuments } from '../../src/compare/diff.js';
import { splitLists } from '../../src/compare/lists.js';
import { extractFile } from '../../src/pipeline.js';
import { COUNTY, PROVINCE, doc, task } from '../fixtures/compare/builders.js';

const HEAD = '第十二条 生产经营单位应当履行下列安全生产职责：';
const ITEMS = [
  '（一）建立健全全员安全生产责任制和安全生产规章制度；',
  '（二）组织制定并实施本单位安全生产教育和培训计划；',
  '（三）保证本单位安全生产投入的有效实施；',
  '（四）及时消除生产安全事故隐患，如实报告生产安全事故。',
];

describe('splitLists', () => {
  test('a head announcing a list and the item clauses after it', () => {
    const tasks = [task('1', HEAD), ...ITEMS.map((t, i) => task(`1.${i + 1}`, t)), task('2', '第十三条 从业人员应当遵守本单位的安全生产规章制度。')];
    const lists = splitLists(tasks);
    expect(lists.map((l) => [l.head.id, l.items.map((x) => x.id)])).toEqual([['1', ['1.1', '1.2', '1.3', '1.4']]]);
  });
  test('a head without items after it, or with the items inside it, is no split list', () => {
    expect(splitLists([task('1', HEAD), task('2', '第十三条 从业人员应当遵守本单位的安全生产规章制度。')])).toEqual([]);
    expect(splitLists([task('1', `${HEAD}${ITEMS.join('')}`)])).toEqual([]);
  });
});

describe('a lower list that leaves an item out', () => {
  const high = doc({ id: 'h', title: '辽宁省安全生产条例', jurisdiction: PROVINCE, date: '2020-01-01' }, [task('1', HEAD), ...ITEMS.map((t, i) => task(`1.${i + 1}`, t))]);

  test('split on both sides', () => {
    const low = doc({ id: 'l', title: '本溪满族自治县安全生产办法', jurisdiction: COUNTY, date: '2021-01-01' }, [
      task('1', '第八条 本县生产经营单位应当履行下列安全生产职责：'),
      task('1.1', ITEMS[0]),
      task('1.2', ITEMS[1]),
      task('1.3', ITEMS[3]),
    ]);
    const w = diffDocuments(high, low).findings.filter((f) => f.type === 'weakened');
    expect(w.map((f) => [f.a?.taskId, f.b?.taskId, f.reason])).toEqual([
      ['h#1.3', 'l#1', '省级列出4项，本溪县只列3项，未列入“（三）保证本单位安全生产投入的有效实施”，适用范围缩小'],
    ]);
  });

  test('split on the higher side, inside one clause on the lower side', () => {
    const low = doc({ id: 'l', title: '本溪满族自治县安全生产办法', jurisdiction: COUNTY, date: '2021-01-01' }, [
      task('1', `第八条 本县生产经营单位应当履行下列安全生产职责：${ITEMS[0]}${ITEMS[2]}${ITEMS[3]}`),
    ]);
    const w = diffDocuments(high, low).findings.filter((f) => f.type === 'weakened');
    expect(w.map((f) => f.a?.fact?.text)).toEqual(['（二）组织制定并实施本单位安全生产教育和培训计划']);
  });

  test('the whole list repeated, or an unrelated place: nothing', () => {
    const same = doc({ id: 'l', title: '本溪满族自治县安全生产办法', jurisdiction: COUNTY, date: '2021-01-01' }, [task('1', HEAD), ...ITEMS.map((t, i) => task(`1.${i + 1}`, t))]);
    expect(diffDocuments(high, same).findings.filter((f) => f.type === 'weakened')).toEqual([]);
    const jilin = { name: '吉林市', level: 'city' as const, code: '220200', parents: [{ name: '吉林省', level: 'province' as const, code: '220000' }] };
    const other = doc({ id: 'o', title: '吉林市安全生产办法', jurisdiction: jilin, date: '2021-01-01' }, [task('1', HEAD), task('1.1', ITEMS[0]), task('1.2', ITEMS[1])]);
    expect(diffDocuments(high, other).findings.filter((f) => f.type === 'weakened')).toEqual([]);
  });

  test('through the pipeline: a law article whose items become clauses of their own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-lists-'));
    // (no chapter heading: with one, today's extraction returns no clauses for this short text)
    const lawText = ['中华人民共和国矿山安全生产法', '', HEAD, ...ITEMS, '第十三条 从业人员应当遵守本单位的安全生产规章制度。'].join('\n');
    const lowText = ['本溪满族自治县矿山安全生产实施办法', '', '第八条 本县生产经营单位应当履行下列安全生产职责：', ITEMS[0], ITEMS[1], ITEMS[3], '第九条 本办法自2022年1月1日起施行。'].join('\n');
    writeFileSync(path.join(dir, 'law.txt'), lawText);
    writeFileSync(path.join(dir, 'low.txt'), lowText);
    const [a, b] = await Promise.all([extractFile(path.join(dir, 'law.txt')), extractFile(path.join(dir, 'low.txt'))]);
    if (!a.ok || !b.ok) throw new Error('extraction failed');
    const r = diffDocuments(a.result, b.result);
    expect(r.relation).toBe('binding');
    expect(r.findings.filter((f) => f.type === 'weakened').map((f) => f.a?.fact?.text)).toEqual(['（三）保证本单位安全生产投入的有效实施']);
  }, 30_000);
});

// Two lists of one kind that share only their residual "其他…" item are two lists (the 土壤污染防治法
// 建设用地 list against a provincial 农用地 list): no item of either is "left out" of the other.
describe('lists that share only a residual item', () => {
  const HEAD2 = '第二十条 对名录中的地块，县级以上人民政府交通运输主管部门可以采取下列管控措施：';
  const OWN = ['（一）设置临时限行区域；', '（二）组织路面巡查；', '（三）其他管控措施。'];
  const high = doc({ id: 'h', title: '某某省道路管理条例', jurisdiction: PROVINCE, date: '2020-01-01' }, [task('1', HEAD2), ...OWN.map((t, i) => task(`1.${i + 1}`, t))]);
  const lowHead = '第九条 对名录中的地块，县级以上人民政府交通运输主管部门应当采取下列管控措施：';

  test('split on both sides: nothing', () => {
    const low = doc({ id: 'l', title: '本溪满族自治县道路管理办法', jurisdiction: COUNTY, date: '2021-01-01' }, [
      task('1', lowHead), task('1.1', '（一）开展桥梁结构检测；'), task('1.2', '（二）建立养护档案；'), task('1.3', '（三）其他管控措施。'),
    ]);
    expect(diffDocuments(high, low).findings.filter((f) => f.type === 'weakened')).toEqual([]);
  });
  test('inside one clause on the lower side: nothing', () => {
    const low = doc({ id: 'l', title: '本溪满族自治县道路管理办法', jurisdiction: COUNTY, date: '2021-01-01' }, [
      task('1', `${lowHead}（一）开展桥梁结构检测；（二）建立养护档案；（三）其他管控措施。`),
    ]);
    expect(diffDocuments(high, low).findings.filter((f) => f.type === 'weakened')).toEqual([]);
  });
  test('one real item shared besides the residual one: the other is still reported', () => {
    const low = doc({ id: 'l', title: '本溪满族自治县道路管理办法', jurisdiction: COUNTY, date: '2021-01-01' }, [
      task('1', lowHead), task('1.1', OWN[0]), task('1.2', '（二）其他管控措施。'),
    ]);
    const w = diffDocuments(high, low).findings.filter((f) => f.type === 'weakened');
    expect(w.map((f) => f.a?.fact?.text)).toEqual(['（二）组织路面巡查']);
  });
});
