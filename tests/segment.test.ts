import { expect, test } from 'vitest';
import { isSegmenterLoaded, segment, userDictPath } from '../src/segment.js';

test('importing does not load the dictionary; the first call does', () => {
  expect(isSegmenterLoaded()).toBe(false);
  expect(segment('   ')).toEqual([]);
  expect(isSegmenterLoaded()).toBe(false);
  expect(userDictPath()).toMatch(/extractors\/dict\/units\.utf8$/);
});

test('unit names stay whole tokens', () => {
  expect(segment('责任单位：县农业农村局、县人力资源社会保障局，各乡镇')).toEqual([
    '责任', '单位', '：', '县农业农村局', '、', '县人力资源社会保障局', '，', '各乡镇',
  ]);
  expect(isSegmenterLoaded()).toBe(true);
});

test('party organs, collective units and teams', () => {
  const tokens = segment('县委组织部要督促第一书记和驻村工作队落实县直相关部门的帮扶责任');
  expect(tokens).toContain('县委组织部');
  expect(tokens).toContain('第一书记和驻村工作队');
  expect(tokens).toContain('县直相关部门');
});

test('a named place before a unit splits at the place', () => {
  expect(segment('本溪满族自治县卫生健康局')).toEqual(['本溪满族自治县', '卫生健康局']);
});
