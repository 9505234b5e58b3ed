import { describe, expect, test } from 'vitest';
import { hasRoleVerb, parseUnitList, readRoleTail, splitTopLevel } from '../../extractors/unit-list.js';

// moved here with parseUnitList from unit-names.test.ts
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
  test('负责 names the bodies without ranking them; 等 and 按职责分工 are not part of a name', () => {
    expect(parseUnitList('市商务局、市税务局等按职责分工负责', true)).toEqual([{ name: '市商务局' }, { name: '市税务局' }]);
  });
  test('bodies named after a lead, with 负责 or 落实, carry no marker of their own', () => {
    expect(parseUnitList('区城管局牵头，区市场监管局、各街道按职责分工负责落实', true)).toEqual([
      { name: '区城管局', marker: 'lead' }, { name: '区市场监管局' }, { name: '各街道' },
    ]);
  });
  test('a list of levels sharing one organ is one name', () => {
    expect(parseUnitList('各市、县（市、区）人民政府负责', true)).toEqual([{ name: '各市、县（市、区）人民政府' }]);
    expect(parseUnitList('省林草局，各省、自治区、直辖市人民政府', true)).toEqual([
      { name: '省林草局' }, { name: '各省、自治区、直辖市人民政府' },
    ]);
    expect(parseUnitList('县（市、区）、乡（镇）人民政府', true)).toEqual([{ name: '县（市、区）、乡（镇）人民政府' }]);
  });
  test('各 before a party committee covers the government of the same level: one body', () => {
    expect(parseUnitList('由各县委、县政府负责', true)).toEqual([{ name: '各县委、县政府' }]);
    expect(parseUnitList('各区委、市政府', true)).toEqual([{ name: '各区委' }, { name: '市政府' }]);
  });
  test('levels alone are not bodies', () => {
    expect(parseUnitList('镇、村', true)).toBeNull();
    expect(parseUnitList('省、市、县', true)).toBeNull();
  });
});

describe('readRoleTail', () => {
  test.each<[string, string, string | undefined]>([
    ['县财政局牵头', '县财政局', 'lead'],
    ['县财政局牵头负责', '县财政局', 'lead'],
    ['各乡镇配合落实', '各乡镇', 'participant'],
    ['各市政府负责落实', '各市政府', 'named'],
    ['教育部等按职责分工负责', '教育部', 'named'],
    ['各县区组织实施', '各县区', 'named'],
    ['县委组织部', '县委组织部', undefined],
    ['各基层党组织', '各基层党组织', undefined],
    ['县统一部署', '县统一部署', undefined],
  ])('%s', (item, name, role) => expect(readRoleTail(item)).toEqual({ name, role }));
});

test.each<[string, boolean]>([
  ['省财政厅牵头，省发展改革委等按职责分工负责', true],
  ['县扶贫办，各乡镇', false],
  ['摘帽不摘责任、不摘政策', false],
  ['2021年6月底前完成', false],
])('hasRoleVerb %s → %s', (text, want) => expect(hasRoleVerb(text)).toBe(want));

test('splitTopLevel keeps brackets and quotes whole', () => {
  expect(splitTopLevel('县财政局（牵头、统筹），“三保障”、部门', /[、，]/u)).toEqual([
    { piece: '县财政局（牵头、统筹）', sep: '' }, { piece: '“三保障”', sep: '，' }, { piece: '部门', sep: '、' },
  ]);
});
