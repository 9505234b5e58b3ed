// Facts stated outside tasks (document.quantities) are compared too (issue #17): a bulletin reports,
// it does not require, and an unrelated place is informational, never a conflict.
import { expect, test } from 'vitest';
import { diffDocuments } from '../../src/compare/diff.js';
import type { Jurisdiction } from '../../src/model.js';
import { CITY, COUNTY, PROVINCE, doc, quantity, task } from '../fixtures/compare/builders.js';

const standard = (value: number, subject = '农村低保标准') =>
  quantity(`每人每年${value}元`, { value, unit: '元', per: ['人', '年'], comparator: '>=', subject, where: { block: 4, page: 2, start: 10, end: 18 } });

const bulletin = (place: Jurisdiction, value: number) => ({
  ...doc({ id: 'kb', title: '民政工作快报', jurisdiction: place, date: '2021-06-01', docType: '快报', isPlan: false, quantities: [standard(value)] }, []),
});
const plan = doc({ id: 'p', title: '本溪满族自治县社会救助实施方案', jurisdiction: COUNTY, date: '2021-03-01' }, [
  task('1', '提高农村低保标准，农村低保标准不低于每人每年5400元，按月足额发放。', { quantities: [standard(5400)] }),
]);

test("a province's bulletin reporting a lower figure is information, not a conflict", () => {
  const r = diffDocuments(bulletin(PROVINCE, 5000), plan);
  expect(r.relation).toBe('binding');
  expect(r.findings.map((f) => [f.type, f.a?.taskId, f.b?.taskId, f.reason])).toEqual([
    [
      'informational',
      'kb#正文1',
      'p#1',
      '《民政工作快报》载明农村低保标准每人每年至少5000元，本溪县为农村低保标准每人每年至少5400元，两者不同；通报、快报所载数据仅供参考，不作为要求',
    ],
  ]);
  const f = r.findings[0];
  expect(f.a?.page).toBe(2);
  expect(f.a?.text.slice(f.a.fact!.start, f.a.fact!.end)).toBe('每人每年5000元');
});

test('an unrelated place is informational', () => {
  const otherProvince: Jurisdiction = { name: '吉林省', level: 'province', code: '220000' };
  const r = diffDocuments(bulletin(otherProvince, 5400), plan);
  expect(r.relation).toBe('informational');
  expect(r.findings.map((f) => f.type)).toEqual(['informational']);
  expect(r.findings[0].reason).toContain('两者相同');
});

test('a plan stating a figure outside its tasks is judged like any figure of a governing document', () => {
  const cityPlan = doc({ id: 'c', title: '本溪市社会救助工作方案', jurisdiction: CITY, date: '2021-01-01', quantities: [standard(5600)] }, []);
  const r = diffDocuments(cityPlan, plan);
  expect(r.findings.map((f) => [f.type, f.reason])).toEqual([['conflict', '本溪县要求农村低保标准每人每年至少5400元，低于市级每人每年至少5600元的要求']]);
});

test('figures on other subjects are not compared', () => {
  const other = { ...bulletin(PROVINCE, 5000) };
  other.document.quantities = [standard(5000, '特困人员供养标准')];
  expect(diffDocuments(other, plan).findings).toEqual([]);
});
