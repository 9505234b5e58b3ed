import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  isUnitName, isCollectiveUnit, squeezeCjkSpaces, stripOuterQuotes, unitAliases,
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
    // several levels sharing one organ, and brackets that only widen the level
    ['各市、县（市、区）人民政府', true],
    ['各省、自治区、直辖市人民政府', true],
    ['各乡镇（街道）', true],
    ['财政部', true],
    ['银保监会', true],
    ['国务院扶贫办', true],
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
    ['市、县两级', false],
    ['镇、村', false],
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
