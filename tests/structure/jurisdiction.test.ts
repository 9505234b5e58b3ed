import { describe, expect, test } from 'vitest';
import type { Jurisdiction } from '../../src/model.js';
import {
  governs, jurisdictionFromDocCode, resolveJurisdiction, resolveJurisdictionDetailed, shortNames,
} from '../../src/structure/jurisdiction.js';

const cases: [string, string, string, [string, string, string[]] | null][] = [
  // issuer, title, context → name, level, parent names nearest first
  ['本溪满族自治县扶贫开发领导小组', '', '', ['本溪满族自治县', 'county', ['本溪市', '辽宁省']]],
  ['', '本溪县2021年乡村振兴工作要点', '', ['本溪满族自治县', 'county', ['本溪市', '辽宁省']]],
  ['新宾县人民政府', '', '', ['新宾满族自治县', 'county', ['抚顺市', '辽宁省']]],
  ['东洲区农业农村局', '', '', ['东洲区', 'county', ['抚顺市', '辽宁省']]],
  ['中共辽宁省委 辽宁省人民政府', '', '', ['辽宁省', 'province', []]],
  ['辽宁省扶贫开发领导小组办公室', '关于本溪县脱贫摘帽的通报', '', ['辽宁省', 'province', []]],
  ['中共丹东市委', '', '', ['丹东市', 'city', ['辽宁省']]],
  ['抚顺市东洲区人民政府', '', '', ['东洲区', 'county', ['抚顺市', '辽宁省']]],
  ['长阳县扶贫办', '', '', ['长阳土家族自治县', 'county', ['宜昌市', '湖北省']]],
  ['延边州人民政府', '', '', ['延边朝鲜族自治州', 'city', ['吉林省']]],
  ['北京市东城区人民政府', '', '', ['东城区', 'county', ['北京市']]],
  ['朝阳区人民政府', '', '吉林省长春市', ['朝阳区', 'county', ['长春市', '吉林省']]],
  ['县扶贫办', '关于做好春耕工作的通知', '', null],
  ['中共义县县委', '', '', ['义县', 'county', ['锦州市', '辽宁省']]],
  ['锦州市义县人民政府', '', '', ['义县', 'county', ['锦州市', '辽宁省']]],
  ['', '关于加强市和县两级财政衔接的通知', '', null],
  ['', '辽宁2019年脱贫攻坚要点', '', ['辽宁省', 'province', []]],
  ['国务院扶贫开发领导小组', '', '', ['中华人民共和国', 'national', []]],
  ['教育部办公厅', '', '', ['中华人民共和国', 'national', []]],
  ['财政部 农业农村部', '', '', ['中华人民共和国', 'national', []]],
  ['海关总署', '', '', ['中华人民共和国', 'national', []]],
  ['县教育局', '关于做好秋季开学工作的通知', '', null],
  ['教育部 某某协会', '', '', null],
];

describe('resolveJurisdiction', () => {
  test.each(cases)('%s | %s | %s', (issuer, title, context, want) => {
    const j = resolveJurisdiction(issuer, title, context);
    if (want === null) return expect(j).toBeNull();
    expect([j?.name, j?.level, (j?.parents ?? []).map((p) => p.name)]).toEqual(want);
  });

  test('codes are GB/T 2260 six-digit codes', () => {
    const j = resolveJurisdiction('本溪满族自治县人民政府', '');
    expect(j?.code).toBe('210521');
    expect(j?.parents?.map((p) => p.code)).toEqual(['210500', '210000']);
  });

  test('an ambiguous name takes the first place and says so', () => {
    const r = resolveJurisdictionDetailed('朝阳区人民政府', '');
    expect(r.jurisdiction?.code).toBe('110105');
    expect(r.alternatives.map((a) => a.code)).toEqual(['220104']);
    expect(r.messages.map((m) => m.code)).toEqual(['jurisdiction-ambiguous']);
    expect(r.messages[0].message).toContain('北京市朝阳区');
  });

  test('a township issuer resolves inside the county it names', () => {
    const j = resolveJurisdiction('本溪满族自治县小市镇人民政府', '');
    expect([j?.name, j?.level, j?.parents?.map((p) => p.name)]).toEqual(['小市镇', 'township', ['本溪满族自治县', '本溪市', '辽宁省']]);
  });
});

test('shortNames derives short forms from the long names', () => {
  expect(shortNames('本溪满族自治县', 'county')).toEqual(['本溪县']);
  expect(shortNames('双江拉祜族佤族布朗族傣族自治县', 'county')).toEqual(['双江县']);
  expect(shortNames('巴里坤哈萨克自治县', 'county')).toEqual(['巴里坤县']);
  expect(shortNames('东乡族自治县', 'county')).toEqual([]);
  expect(shortNames('广西壮族自治区', 'province')).toEqual(['广西']);
  expect(shortNames('内蒙古自治区', 'province')).toEqual(['内蒙古']);
  expect(shortNames('辽宁省', 'province')).toEqual(['辽宁']);
  expect(shortNames('东洲区', 'county')).toEqual([]);
});

describe('governs', () => {
  const place = (issuer: string): Jurisdiction => resolveJurisdiction(issuer, '')!;
  const liaoning = place('辽宁省人民政府');
  const benxiCity = place('本溪市人民政府');
  const benxiCounty = place('本溪满族自治县人民政府');
  const xinbin = place('新宾满族自治县人民政府');
  const jilin = place('吉林省人民政府');
  const nation = place('国务院');

  test.each([
    ['province → its county', liaoning, benxiCounty, true],
    ['province → its city', liaoning, benxiCity, true],
    ['city → its county', benxiCity, benxiCounty, true],
    ['city → a county of another city', benxiCity, xinbin, false],
    ['county → its province', benxiCounty, liaoning, false],
    ['province → a county elsewhere', jilin, xinbin, false],
    ['a place → itself', benxiCounty, benxiCounty, false],
    ['the state → a county', nation, xinbin, true],
  ] as const)('%s', (_, a, b, want) => expect(governs(a, b)).toBe(want));

  test('without codes the parent chain decides', () => {
    const county: Jurisdiction = { name: '某县', level: 'county', parents: [{ name: '某市', level: 'city' }, { name: '某省', level: 'province' }] };
    expect(governs({ name: '某省', level: 'province' }, county)).toBe(true);
    expect(governs({ name: '他省', level: 'province' }, county)).toBe(false);
  });
});

describe('laws and numbers that name no place', () => {
  test.each([
    ['第十届全国人民代表大会常务委员会', '中华人民共和国农业机械化促进法', 'national'],
    ['全国人民代表大会', '中华人民共和国民法典', 'national'],
    ['', '中华人民共和国乡村振兴促进法', 'national'],
    ['国务院', '农田水利条例', 'national'],
  ])('%s %s → %s', (issuer, title, level) => expect(resolveJurisdiction(issuer, title)?.level).toBe(level));

  test('a title naming a place is not national because of its 中华人民共和国 words', () => {
    expect(resolveJurisdiction('', '辽宁省实施《中华人民共和国农业技术推广法》办法')?.name).toBe('辽宁省');
  });

  test.each([
    ['赣府厅发', '江西省'],
    ['琼农发', '海南省'],
    ['国办发', '中华人民共和国'],
    ['国发', '中华人民共和国'],
  ])('文号 code %s → %s', (code, name) => expect(jurisdictionFromDocCode(code)?.name).toBe(name));

  test.each([['赣市府发'], ['青政发'], ['新政发'], ['抚政发'], ['']])('文号 code %s names no province', (code) =>
    expect(jurisdictionFromDocCode(code)).toBeNull());
});
