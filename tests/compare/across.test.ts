import { expect, test } from 'vitest';
import { conflictsAcross } from '../../src/compare/diff.js';
import { distinctDocuments } from '../../src/compare/across.js';
import type { ExtractResult } from '../../src/model.js';
import { county, newNotice, oldNotice, otherCity, plan2018, plan2019, province } from '../fixtures/compare/planted.js';

const docs = [province, county, otherCity, oldNotice, newNotice, plan2018, plan2019];

test('conflicts over a store: binding pairs only, superseded documents left out', () => {
  const r = conflictsAcross(docs);
  expect(r.documents).toBe(7);
  expect(r.findings.map((f) => [f.type, f.a?.taskId ?? null, f.b?.taskId ?? null])).toEqual([
    ['conflict', 'prov-2019-5#1', 'benxi-2020-19#1'],
    ['conflict', 'prov-2019-5#1', 'dalian-2020-3#1'],
    ['conflict', 'prov-2019-5#5', 'benxi-2020-19#5'],
    ['conflict', 'prov-2019-5#6', 'benxi-2020-19#6'],
    ['conditional', 'prov-2019-5#7', 'benxi-2020-19#7'],
    ['superseded', 'benxi-2018-7', 'benxi-2020-21'],
    ['superseded', 'xinbin-2018-2', 'xinbin-2019-4'],
    ['deadline-before-issue', 'benxi-2020-19#10', null],
    ['inconsistent-within', 'benxi-2020-19#8', 'benxi-2020-19#9'],
  ]);
  expect(r.findings[1].reason).toBe('大连市要求驻村时间每月至少8个工作日，低于省级每月至少10个工作日的要求');
  expect(r.superseded.map((s) => [s.older, s.newer, s.basis])).toEqual([
    ['benxi-2018-7', 'benxi-2020-21', 'explicit'],
    ['xinbin-2018-2', 'xinbin-2019-4', 'implicit'],
  ]);
});

test('the repealed notice would clash with the province; once superseded it is not reported', () => {
  const withoutRepeal = conflictsAcross([province, oldNotice]);
  expect(withoutRepeal.findings.map((f) => [f.type, f.b?.taskId])).toEqual([['conflict', 'benxi-2018-7#1']]);
  const withRepeal = conflictsAcross([province, oldNotice, newNotice]);
  expect(withRepeal.findings.map((f) => f.type)).toEqual(['superseded']);
});

test('unrelated places only on request, agreements only on request', () => {
  const quiet = conflictsAcross([otherCity, county]);
  expect(quiet.documentPairs).toBe(0);
  expect(quiet.findings.map((f) => f.type)).toEqual(['deadline-before-issue', 'inconsistent-within']);
  const all = conflictsAcross([otherCity, county], { includeInformational: true });
  expect(all.findings.map((f) => f.type)).toEqual(['deadline-before-issue', 'inconsistent-within', 'informational']);
  const agreements = conflictsAcross([province, county], { includeAgreements: true });
  expect(agreements.findings.filter((f) => ['compliant', 'consistent', 'equivalent'].includes(f.type)).map((f) => f.type)).toEqual([
    'equivalent',
    'compliant',
    'consistent',
  ]);
});

test('the same notice stored in several formats is compared once, citing the copy with pages', () => {
  const withPages = (r: ExtractResult, format: 'pdf' | 'docx', pages?: number): ExtractResult =>
    ({ ...r, document: { ...r.document, id: `${r.document.id}-${format}`, source: { ...r.document.source, format, ...(pages ? { pages } : {}) } } });
  const docx = withPages(county, 'docx');
  const pdf = withPages(county, 'pdf', 7);
  expect(distinctDocuments([docx, province, pdf]).map((r) => r.document.id)).toEqual([province.document.id, pdf.document.id]);
  const once = conflictsAcross([province, county]).findings.length;
  expect(conflictsAcross([province, docx, pdf]).findings).toHaveLength(once);
});
