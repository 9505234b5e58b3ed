import { describe, expect, test } from 'vitest';
import { effectiveJurisdiction, relate, relateDocuments, shortPlaceName } from '../../src/compare/jurisdiction-relation.js';
import type { DocumentMeta, Jurisdiction, Reference } from '../../src/model.js';
import { CITY, COUNTY, OTHER_CITY, PROVINCE, doc } from '../fixtures/compare/builders.js';

const NATION: Jurisdiction = { name: '中华人民共和国', level: 'national' };
const OTHER_PROVINCE: Jurisdiction = { name: '吉林省', level: 'province', code: '220000' };

describe('relate', () => {
  const cases: [string, Jurisdiction | null, Jurisdiction | null, { relation: string; higher: string | null }][] = [
    ['province over its county', PROVINCE, COUNTY, { relation: 'binding', higher: 'a' }],
    ['county under its province (order does not matter)', COUNTY, PROVINCE, { relation: 'binding', higher: 'b' }],
    ['city over its county', CITY, COUNTY, { relation: 'binding', higher: 'a' }],
    ['the nation over a county', NATION, COUNTY, { relation: 'binding', higher: 'a' }],
    ['another city of the same province', OTHER_CITY, COUNTY, { relation: 'informational', higher: null }],
    ['a county under another province', OTHER_PROVINCE, COUNTY, { relation: 'informational', higher: null }],
    ['two documents of one county', COUNTY, COUNTY, { relation: 'informational', higher: null }],
    ['an unknown place', null, COUNTY, { relation: 'informational', higher: null }],
  ];
  test.each(cases)('%s', (_name, a, b, want) => expect(relate(a, b)).toEqual(want));
});

describe('shortPlaceName', () => {
  const cases: [Jurisdiction, string][] = [
    [COUNTY, '本溪县'],
    [{ name: '新宾满族自治县', level: 'county' }, '新宾县'],
    [CITY, '本溪市'],
    [PROVINCE, '辽宁省'],
    [{ name: '东洲区', level: 'county' }, '东洲区'],
  ];
  test.each(cases)('%o', (j, want) => expect(shortPlaceName(j)).toBe(want));
});

describe('relateDocuments: national bodies and documents that cite what they implement', () => {
  const meta = (fields: Partial<DocumentMeta> & { id: string; title: string }): DocumentMeta => ({
    ...doc({ id: fields.id, title: fields.title, jurisdiction: fields.jurisdiction ?? null }, []).document,
    issuer: '',
    ...fields,
  });
  const law = meta({ id: 'law', title: '中华人民共和国安全生产法', date: '2021-06-10' });
  const opinion = meta({
    id: 'gb',
    title: '国务院办公厅关于加强城乡社区养老服务的指导意见',
    docNumber: { text: '国办发〔2019〕6号', issuerCode: '国办发', year: 2019, serial: 6 },
    date: '2019-02-01',
  });
  const provincial = (extra: Partial<DocumentMeta>) => meta({ id: 'gd', title: '关于加快社区养老服务发展的若干措施', date: '2019-06-01', ...extra });
  const cites = (r: Partial<Reference>): Reference => ({ text: r.text ?? '', ...r });

  const cases: [string, DocumentMeta, DocumentMeta, { relation: string; higher: string | null; basis: string | null }][] = [
    ['a national law (no place in its text) binds a province', law, meta({ id: 'jl', title: '吉林省安全生产条例', jurisdiction: OTHER_PROVINCE, date: '2022-01-01' }), { relation: 'binding', higher: 'a', basis: 'jurisdiction' }],
    ['a 国办发 opinion binds a county whatever it cites', opinion, meta({ id: 'c', title: '本溪县养老服务方案', jurisdiction: COUNTY, date: '2020-01-01' }), { relation: 'binding', higher: 'a', basis: 'jurisdiction' }],
    [
      'a measure with no place in its title that cites the opinion by 文号 implements it',
      opinion,
      provincial({ references: [cites({ text: '国办发〔2019〕6号', issuerCode: '国办发', year: 2019, serial: 6 })] }),
      { relation: 'binding', higher: 'a', basis: 'citation' },
    ],
    [
      '…or by its exact title, in either order of the sides',
      provincial({ references: [cites({ text: '《国务院办公厅关于加强城乡社区养老服务的指导意见》', title: '国务院办公厅关于加强城乡社区养老服务的指导意见' })] }),
      opinion,
      { relation: 'binding', higher: 'b', basis: 'citation' },
    ],
    ['a 实施办法 whose title carries the law title implements the law', law, meta({ id: 'sx', title: '实施《中华人民共和国安全生产法》办法', date: '2023-01-01' }), { relation: 'binding', higher: 'a', basis: 'citation' }],
    ['no place and no citation: unsure, informational', opinion, provincial({}), { relation: 'informational', higher: null, basis: null }],
    [
      'a measure older than the opinion cannot implement it',
      opinion,
      provincial({ date: '2018-12-01', references: [cites({ text: '国办发〔2019〕6号', issuerCode: '国办发', year: 2019, serial: 6 })] }),
      { relation: 'informational', higher: null, basis: null },
    ],
    [
      'another province citing a province stays informational',
      meta({ id: 'ln', title: '辽宁省养老服务条例', jurisdiction: PROVINCE, date: '2019-01-01' }),
      meta({ id: 'jl', title: '吉林省养老服务办法', jurisdiction: OTHER_PROVINCE, date: '2020-01-01', references: [cites({ text: '《辽宁省养老服务条例》', title: '辽宁省养老服务条例' })] }),
      { relation: 'informational', higher: null, basis: null },
    ],
    [
      'a province implementing its own regulation (same place) by citation',
      meta({ id: 'ln', title: '辽宁省养老服务条例', jurisdiction: PROVINCE, date: '2019-01-01' }),
      meta({ id: 'ln2', title: '辽宁省养老服务条例实施细则', jurisdiction: PROVINCE, date: '2020-01-01' }),
      { relation: 'binding', higher: 'a', basis: 'citation' },
    ],
    ['a cited word too short to name a document is not a citation', meta({ id: 'x', title: '意见', date: '2019-01-01' }), provincial({ references: [cites({ text: '《意见》', title: '意见' })] }), { relation: 'informational', higher: null, basis: null }],
  ];
  test.each(cases)('%s', (_name, a, b, want) => expect(relateDocuments(a, b)).toEqual(want));

  test('a national body is recognised by its 发文字号, issuer or law title when no place was resolved', () => {
    expect(effectiveJurisdiction(opinion)?.level).toBe('national');
    expect(effectiveJurisdiction(law)?.level).toBe('national');
    expect(effectiveJurisdiction(meta({ id: 'q', title: '关于做好安全生产工作的通知', issuer: '全国人大常委会办公厅' }))?.level).toBe('national');
    expect(effectiveJurisdiction(provincial({}))).toBeNull();
  });
});
