import { expect, test } from 'vitest';
import { resolveDbPath } from '../../src/store/store.js';

test('--db wins over $TAIZHANG_DB, which wins over the default under the working directory', () => {
  expect(resolveDbPath(undefined, {}, '/home/kezhang')).toBe('/home/kezhang/.taizhang/taizhang.sqlite');
  expect(resolveDbPath(undefined, { TAIZHANG_DB: '/data/县台账.sqlite' }, '/home/kezhang')).toBe('/data/县台账.sqlite');
  expect(resolveDbPath('db/a.sqlite', { TAIZHANG_DB: '/data/县台账.sqlite' }, '/home/kezhang')).toBe('/home/kezhang/db/a.sqlite');
  expect(resolveDbPath('  ', { TAIZHANG_DB: '' }, '/w')).toBe('/w/.taizhang/taizhang.sqlite');
});
