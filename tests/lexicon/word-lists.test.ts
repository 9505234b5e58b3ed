// The open vocabularies in data/ beyond the body lists (tests/extractors/unit-data.test.ts): each says
// where it comes from, is refused when broken, and every entry does what its list says it does.
import { describe, expect, test } from 'vitest';
import {
  Addressees, addressees, centralBodies, centralIssuerNames, loadList, ScopeWords, scopeWords, UnitSuffixes, unitSuffixes,
} from '../../src/lexicon/word-lists.js';
import { isUnitName, unitSuffix } from '../../extractors/unit-names.js';
import { findScope } from '../../src/compare/rules.js';
import { resolveJurisdiction } from '../../src/structure/jurisdiction.js';
import suffixJson from '../../data/unit-suffixes.json' with { type: 'json' };
import scopeJson from '../../data/scope-words.json' with { type: 'json' };
import addresseeJson from '../../data/addressees.json' with { type: 'json' };

describe('every list in data/ says where it comes from', () => {
  test.each([['unit-suffixes', suffixJson.header], ['scope-words', scopeJson.header], ['addressees', addresseeJson.header]])('%s', (name, h) => {
    expect(h.name).toBe(name);
    expect(h.source.length).toBeGreaterThan(40);
    expect(h.date).toMatch(/^20\d\d-\d\d-\d\d$/u);
  });

  test('a broken list is refused, naming the file, the place and the code', () => {
    expect(() => loadList(UnitSuffixes, { ...suffixJson, suffixes: { ...suffixJson.suffixes, 局: 'bureau' } }, 'data/unit-suffixes.json'))
      .toThrow(/data\/unit-suffixes\.json.*suffixes.*\[E_UNIT_DATA\]/u);
    expect(() => loadList(Addressees, { ...addresseeJson, addressees: { 各县: 'prefecture' } }, 'data/addressees.json')).toThrow(/E_UNIT_DATA/u);
    expect(() => loadList(ScopeWords, { ...scopeJson, scopes: ['贫困 县'] }, 'data/scope-words.json')).toThrow(/E_UNIT_DATA/u);
    expect(() => loadList(ScopeWords, { ...scopeJson, header: { ...scopeJson.header, date: '去年' } }, 'data/scope-words.json')).toThrow(/header\.date/u);
  });
});

describe('unit-suffixes.json', () => {
  test('every ending names a body after a place or a department’s field (机构 only as a group: 各级…机构)', () => {
    const bad = Object.entries(unitSuffixes.suffixes)
      .filter(([s, kind]) => (kind === 'institution' ? !isUnitName(`各级卫生监督${s}`) : !isUnitName(`某某县${s}`) && !isUnitName(`县农业农村${s}`)));
    expect(bad).toEqual([]);
    expect(isUnitName('照护服务机构')).toBe(false);
  });

  test('every ending is the one a name ending in it is read by (no longer ending hides it)', () => {
    for (const s of Object.keys(unitSuffixes.suffixes)) expect(unitSuffix(`某某${s}`)).toBe(s);
  });

  test('no everyday word that ends like a body, and no post, is a body on its own', () => {
    expect(unitSuffixes.nonUnitEndings.filter((w) => isUnitName(w))).toEqual([]);
    expect(unitSuffixes.posts.filter((w) => isUnitName(`县${w}`) || isUnitName(`副${w}`))).toEqual([]);
  });
});

describe('scope-words.json and addressees.json', () => {
  test('every scope is found in a sentence, and no scope is a body', () => {
    for (const s of scopeWords) expect(findScope(`对${s}给予倾斜支持`)).not.toBeNull();
    expect(scopeWords.filter((s) => isUnitName(s))).toEqual([]);
  });

  test('a more specific scope is tried before one it contains', () => {
    scopeWords.forEach((s, k) => {
      const earlierInside = scopeWords.slice(k + 1).filter((t) => t.includes(s) && t !== s);
      expect(earlierInside).toEqual([]);
    });
  });

  test('no addressee is a scope', () => {
    expect(Object.keys(addressees).filter((a) => findScope(a) !== null)).toEqual([]);
    expect(new Set(Object.values(addressees))).toEqual(new Set(['province', 'city', 'county', 'township']));
  });
});

describe('central-bodies.json tells a national issuer', () => {
  test.each([
    ['环境保护部', 'national', 'a ministry under its pre-2018 name'],
    ['中国银保监会', 'national', 'a regulator under its pre-2023 short form'],
    ['中国地震局 应急管理部', 'national', 'two central bodies issuing jointly'],
    ['中华全国供销合作总社', 'national', 'a national 群团 with no 国家 in its name'],
  ])('%s → %s (%s)', (issuer, level) => {
    expect(resolveJurisdiction(issuer, '')?.level).toBe(level);
  });

  test('a short form a local branch opens with does not make the branch national', () => {
    expect(centralIssuerNames()).toContain('中国人民银行');
    expect(centralIssuerNames()).not.toContain('人民银行');
    expect(resolveJurisdiction('人民银行某某市中心支行', '')?.level).not.toBe('national');
  });

  test('every former body is told apart from the current ones', () => {
    const current = new Set(centralBodies.bodies.map((b) => b.name));
    expect(centralBodies.formerBodies.filter((b) => current.has(b.name))).toEqual([]);
  });
});
