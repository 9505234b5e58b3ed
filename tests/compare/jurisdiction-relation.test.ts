import { describe, expect, test } from 'vitest';
import { relate, shortPlaceName } from '../../src/compare/jurisdiction-relation.js';
import type { Jurisdiction } from '../../src/model.js';
import { CITY, COUNTY, OTHER_CITY, PROVINCE } from '../fixtures/compare/builders.js';

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
