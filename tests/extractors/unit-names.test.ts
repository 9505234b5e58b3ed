import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  isUnitName, isCollectiveUnit, parseUnitList, squeezeCjkSpaces, stripOuterQuotes, unitAliases,
} from '../../extractors/unit-names.js';

describe('isUnitName', () => {
  test.each<[string, boolean]>([
    // bodies
    ['县农业农村局', true],
    ['县委办公室', true],
    ['县委', true],
    ['市发展改革委', true],
    ['县纪委监委', true],
    ['县委组织部', true],
    ['县直机关工委', true],
    ['县残联', true],
    ['县慈善总会', true],
    ['县消防救援大队', true],
    ['国网桓仁县供电公司', true],
    ['中国邮政储蓄银行桓仁县支行', true],
    ['县人民法院', true],
    ['县人民代表大会', true],
    ['县融媒体中心', true],
    ['桓仁县', true],
    ['县退役军人事务局', true],
    ['县人力 资源社会保障局', true],
    // collective units
    ['各乡镇', true],
    ['相关乡镇', true],
    ['县直各有关部门', true],
    ['“五个一批”部门', true],
    ['“三保障”相关单位', true],
    ['第一书记和驻村工作队', true],
    ['各贫困村', true],
    ['“县扶贫办”', true],
    // not bodies: posts, slogans, prose, scopes, everyday words ending like a unit
    ['第一书记', false],
    ['副县长', false],
    ['县卫生健康局局长', false],
    ['摘帽不摘责任', false],
    ['不摘政策', false],
    ['该进未进', false],
    ['统一部署', false],
    ['全社会', false],
    ['工作格局', false],
    ['召开推进会', false],
    ['全县', false],
    ['贫困村', false],
    ['11个贫困村', false],
    ['含技工学校', false],
    ['以下简称县扶贫办', false],
    ['局', false],
    ['街', false],
    ['专科', false],
    ['信息平台', false],
    ['要加强与银行', false],
    ['2020年底前完成', false],
  ])('%s → %s', (s, want) => expect(isUnitName(s)).toBe(want));
});

test.each<[string, boolean]>([
  ['各乡镇', true], ['县直相关部门', true], ['“五个一批”相关单位', true], ['县财政局', false], ['各', false],
])('isCollectiveUnit %s → %s', (s, want) => expect(isCollectiveUnit(s)).toBe(want));

test('quotes and spaces', () => {
  expect(stripOuterQuotes('“县扶贫办”')).toBe('县扶贫办');
  expect(stripOuterQuotes('“五个一批”部门')).toBe('“五个一批”部门');
  expect(squeezeCjkSpaces(' 县人力 资源 社会保障局 ')).toBe('县人力资源社会保障局');
  expect(squeezeCjkSpaces('Web 2 0')).toBe('Web 2 0');
});

describe('parseUnitList', () => {
  test('verbs give roles to the names before them', () => {
    expect(parseUnitList('县财政局、县扶贫办牵头，各乡镇配合', true)).toEqual([
      { name: '县财政局', marker: 'lead' }, { name: '县扶贫办', marker: 'lead' }, { name: '各乡镇', marker: 'participant' },
    ]);
  });
  test('a bracketed body is an alias of the name before it', () => {
    expect(parseUnitList('县农业农村局（县扶贫办），各乡镇', true)).toEqual([
      { name: '县农业农村局' }, { name: '县扶贫办', aliasOf: 0 }, { name: '各乡镇' },
    ]);
  });
  test('会同: the first leads, the joined body participates', () => {
    expect(parseUnitList('县民政局会同县残联', true)).toEqual([
      { name: '县民政局', marker: 'lead' }, { name: '县残联', marker: 'participant' },
    ]);
  });
  test('strict lists refuse prose; labelled lists drop remarks but keep unknown names', () => {
    expect(parseUnitList('摘帽不摘责任、不摘政策', true)).toBeNull();
    expect(parseUnitList('县扶贫办，某某合作联络处，2020年底前完成', false)).toEqual([
      { name: '县扶贫办' }, { name: '某某合作联络处' },
    ]);
  });
});

test.each<[string, string[]]>([
  ['县人社局', ['县人社局', '县人力资源社会保障局', '县人力资源和社会保障局']],
  ['市住房和城乡建设局', ['市住房和城乡建设局', '市住建局', '市住房城乡建设局']],
  ['本溪县医保局', ['本溪县医保局', '本溪县医疗保障局']],
  ['县审计局', ['县审计局']],
])('unitAliases %s', (name, want) => expect(unitAliases(name)).toEqual(want));

test('every word of the segmenter dictionary is a unit name', () => {
  const words = readFileSync(new URL('../../extractors/dict/units.utf8', import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((l) => l.split(' ')[0]);
  expect(words.length).toBeGreaterThan(1000);
  expect(words.filter((w) => !isUnitName(w))).toEqual([]);
});
