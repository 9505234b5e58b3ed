import { describe, expect, test } from 'vitest';
import { compareDeadlinePair, compareQuantityPair, findScope, frequency, type PairContext } from '../../src/compare/rules.js';
import type { Deadline, Quantity } from '../../src/model.js';
import { COUNTY, OTHER_CITY, PROVINCE, doc, due, quantity, recurring, task } from '../fixtures/compare/builders.js';

const prov = doc({ id: 'p', title: '省意见', jurisdiction: PROVINCE, date: '2019-03-01' }, []);
const cnty = doc({ id: 'c', title: '县方案', jurisdiction: COUNTY, date: '2020-04-03' }, []);
const city = doc({ id: 'd', title: '市方案', jurisdiction: OTHER_CITY, date: '2020-04-03' }, []);
const binding: PairContext = { a: prov.document, b: cnty.document, relation: 'binding', higher: 'a' };
const reversed: PairContext = { a: cnty.document, b: prov.document, relation: 'binding', higher: 'b' };
const unrelated: PairContext = { a: city.document, b: cnty.document, relation: 'informational', higher: null };

const hq = (q: Quantity) => task('h', `省级条款${q.text}`, { quantities: [q] });
const lq = (q: Quantity) => task('l', `县级条款${q.text}`, { quantities: [q] });
const days = (text: string, value: number, comparator: Quantity['comparator'], unit = '个工作日') =>
  quantity(text, { value, unit, per: ['月'], comparator });

describe('quantities, province over county', () => {
  const cases: [string, Quantity, Quantity, string, string][] = [
    ['weaker minimum', days('不少于10个工作日', 10, '>='), days('不少于5个工作日', 5, '>='), 'conflict', '本溪县要求每月至少5个工作日，低于省级每月至少10个工作日的要求'],
    ['stricter minimum', days('不少于10个工作日', 10, '>='), days('不少于12个工作日', 12, '>='), 'compliant', '本溪县要求每月至少12个工作日，严于省级每月至少10个工作日的要求，符合上级规定'],
    ['a fixed figure above the minimum', days('不少于10个工作日', 10, '>='), days('12个工作日', 12, '='), 'compliant', '本溪县要求每月12个工作日，严于省级每月至少10个工作日的要求，符合上级规定'],
    ['equal', days('不少于10个工作日', 10, '>='), days('不少于10个工作日', 10, '>='), 'consistent', '本溪县与省级要求一致：每月至少10个工作日'],
    ['the same in other units', quantity('不少于2年', { value: 2, unit: '年', comparator: '>=' }), quantity('不少于24个月', { value: 24, unit: '个月', comparator: '>=' }), 'equivalent', '本溪县的至少24个月与省级的至少2年是同一标准，只是单位写法不同'],
    ['the same rate per other period', days('不少于10个工作日', 10, '>='), quantity('不少于30个工作日', { value: 30, unit: '个工作日', per: ['季度'], comparator: '>=' }), 'equivalent', '本溪县的每季度至少30个工作日与省级的每月至少10个工作日是同一标准，只是单位写法不同'],
    ['above a maximum', quantity('不超过5%', { value: 5, unit: '%', comparator: '<=' }), quantity('不超过8%', { value: 8, unit: '%', comparator: '<=' }), 'conflict', '本溪县规定不超过8%，超出省级不超过5%的上限'],
    ['below a maximum', quantity('不超过5%', { value: 5, unit: '%', comparator: '<=' }), quantity('不超过3%', { value: 3, unit: '%', comparator: '<=' }), 'compliant', '本溪县要求不超过3%，严于省级不超过5%的要求，符合上级规定'],
    ['"at least" against "more than": the strict one is stricter', quantity('高于90%', { value: 90, unit: '%', comparator: '>' }), quantity('90%以上', { value: 90, unit: '%', comparator: '>=' }), 'conflict', '本溪县要求至少90%，低于省级超过90%的要求'],
    ['a fixed standard not followed', quantity('每人每年1000元', { value: 1000, unit: '元', per: ['人', '年'] }), quantity('每人每年800元', { value: 800, unit: '元', per: ['人', '年'] }), 'conflict', '本溪县规定每人每年800元，与省级规定的每人每年1000元不一致'],
  ];
  test.each(cases)('%s', (_name, high, low, type, reason) => {
    const f = compareQuantityPair(binding, hq(high), high, lq(low), low)!;
    expect({ type: f.type, reason: f.reason }).toEqual({ type, reason });
    expect(f.a?.quantity).toEqual(high);
    expect(f.b?.quantity).toEqual(low);
  });

  test('the higher side may be b: the lower one is still measured against it', () => {
    const high = days('不少于10个工作日', 10, '>=');
    const low = days('不少于5个工作日', 5, '>=');
    const f = compareQuantityPair(reversed, lq(low), low, hq(high), high)!;
    expect(f.type).toBe('conflict');
    expect(f.a?.docId).toBe('c');
    expect(f.reason).toBe('本溪县要求每月至少5个工作日，低于省级每月至少10个工作日的要求');
  });

  test('a subject is named once', () => {
    const high = quantity('不少于10个工作日', { value: 10, unit: '个工作日', per: ['月'], comparator: '>=', subject: '驻村时间' });
    const low = { ...high, text: '不少于5个工作日', value: 5 };
    expect(compareQuantityPair(binding, hq(high), high, lq(low), low)!.reason).toBe('本溪县要求驻村时间每月至少5个工作日，低于省级每月至少10个工作日的要求');
  });

  test('different units or an undirected target do not compare', () => {
    const pct = quantity('95%', { value: 95, unit: '%', kind: 'target' });
    expect(compareQuantityPair(binding, hq(pct), pct, lq(days('10个工作日', 10, '>=')), days('10个工作日', 10, '>='))).toBeNull();
    const other = { ...pct, text: '90%', value: 90 };
    expect(compareQuantityPair(binding, hq(pct), pct, lq(other), other)).toBeNull();
  });
});

describe('scope and place', () => {
  const high = days('不少于20天', 20, '>=', '天');
  const low = days('不少于15天', 15, '>=', '天');
  test('a clash under a clause limited to 深度贫困村 is conditional', () => {
    const f = compareQuantityPair(binding, task('h', '深度贫困村第一书记每月在村不少于20天', { quantities: [high] }), high, task('l', '第一书记每月在村不少于15天', { quantities: [low] }), low)!;
    expect(f.type).toBe('conditional');
    expect(f.scope).toBe('深度贫困村');
    expect(f.reason).toBe('省级条款只适用于“深度贫困村”：若本溪县有深度贫困村，则本溪县要求每月至少15天，低于省级每月至少20天的要求，请核实本溪县是否有深度贫困村');
  });
  test('when the lower clause names the same scope, it is a plain conflict', () => {
    const f = compareQuantityPair(binding, task('h', '深度贫困村第一书记每月在村不少于20天'), high, task('l', '深度贫困村第一书记每月在村不少于15天'), low)!;
    expect(f.type).toBe('conflict');
  });
  test('a scope named in another sentence of the clause limits another rule', () => {
    const t = task('h', '深度贫困村要优先安排项目。第一书记每月在村不少于20天。', { quantities: [high] });
    const f = compareQuantityPair(binding, t, high, task('l', '第一书记每月在村不少于15天'), low)!;
    expect(f.type).toBe('conflict');
  });
  test('a county-level scope asks whether the county belongs to it', () => {
    const f = compareQuantityPair(binding, task('h', '省级贫困县每月在村不少于20天'), high, task('l', '每月在村不少于15天'), low)!;
    expect(f.reason).toBe('省级条款只适用于“省级贫困县”：若本溪县属于省级贫困县，则本溪县要求每月至少15天，低于省级每月至少20天的要求，请核实本溪县是否属于省级贫困县');
  });
  test('an unrelated city: informational, never a conflict', () => {
    const f = compareQuantityPair(unrelated, hq(high), high, lq(low), low)!;
    expect(f.type).toBe('informational');
    expect(f.reason).toBe('大连市与本溪县无上下级关系，仅供参考：大连市为每月至少20天，本溪县为每月至少15天，两者不同');
  });
  test.each([
    ['所有深度贫困村', '深度贫困村'],
    ['非贫困村也要参照执行', '非贫困村'],
    ['国家扶贫开发工作重点县', '国家扶贫开发工作重点县'],
    ['全县各村', null],
  ])('findScope(%s)', (text, want) => expect(findScope(text)).toBe(want));
});

describe('deadlines, province over county', () => {
  const cases: [string, Deadline, Deadline, string | null, string | null][] = [
    ['a later due date', due('9月底前', '2020-09-30'), due('11月底前', '2020-11-30'), 'conflict', '本溪县要求2020年11月30日前完成，晚于省级要求的2020年9月30日前完成'],
    ['an earlier due date', due('9月底前', '2020-09-30'), due('6月底前', '2020-06-30'), 'compliant', '本溪县要求2020年6月30日前完成，早于省级要求的2020年9月30日前完成，符合上级规定'],
    ['the same due date', due('9月底前', '2020-09-30'), due('9月30日前', '2020-09-30'), 'consistent', '本溪县与省级的完成时限一致：2020年9月30日前完成'],
    ['a higher date already past when the county wrote: another round', due('年底前', '2019-12-31'), due('年底前', '2020-12-31'), null, null],
    ['a rarer duty', recurring('每月', 'monthly', { minCount: 1 }), recurring('每季度', 'quarterly', { minCount: 1 }), 'conflict', '本溪县要求每季度至少1次，频次低于省级每月至少1次的要求'],
    ['every two months is rarer than monthly', recurring('每月', 'monthly'), recurring('每两个月', 'monthly', { interval: 2 }), 'conflict', '本溪县要求每两个月一次，频次低于省级每月一次的要求'],
    ['four a quarter is more often than one a month', recurring('每月', 'monthly', { minCount: 1 }), recurring('每季度4次', 'quarterly', { minCount: 4 }), 'compliant', '本溪县要求每季度至少4次，频次高于省级每月至少1次的要求，符合上级规定'],
    ['weekly against monthly', recurring('每月', 'monthly'), recurring('每周', 'weekly'), 'compliant', '本溪县要求每周一次，频次高于省级每月一次的要求，符合上级规定'],
    ['a due date against a recurring duty', due('9月底前', '2020-09-30'), recurring('每月', 'monthly'), null, null],
  ];
  test.each(cases)('%s', (_name, high, low, type, reason) => {
    const f = compareDeadlinePair(binding, task('h', '省', { deadlines: [high] }), high, task('l', '县', { deadlines: [low] }), low);
    expect(f ? { type: f.type, reason: f.reason } : null).toEqual(type ? { type, reason } : null);
  });
  test('frequency: per day', () => {
    expect(frequency(recurring('每季度', 'quarterly', { minCount: 3 }))).toBeCloseTo(3 / 91.3125, 12);
    expect(frequency(due('x', '2020-01-01'))).toBeNull();
  });
});
