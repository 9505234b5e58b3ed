import { expect, test } from 'vitest';
import { SheetNamer, sanitizeSheetName } from '../../src/register/sheet-names.js';

const names: [name: string, suffix: string, want: string][] = [
  ['县教育局', ' 牵头', '县教育局 牵头'],
  ['县委/县政府督查室', ' 牵头', '县委_县政府督查室 牵头'],
  ['[县]教育局:资助*中心?\\', '', '_县_教育局_资助_中心__'],
  ['中共清河县委员会全面深化改革委员会办公室与县发展和改革局联合专班', ' 牵头', '中共清河县委员会全面深化改革委员会办公室与县发展和改革… 牵头'],
  ["'县教育局'", '', '县教育局'],
  ['History', '', '工作表'],
  ['', ' 牵头', '工作表 牵头'],
];
test.each(names)('sanitizeSheetName(%s, %j) = %s', (name, suffix, want) => {
  const got = sanitizeSheetName(name, suffix);
  expect(got).toBe(want);
  expect([...got].length).toBeLessThanOrEqual(31);
});

test('SheetNamer dedupes case-insensitively and keeps the reserved names free', () => {
  const namer = new SheetNamer(['任务台账', '问题清单']);
  expect(namer.name('任务台账')).toBe('任务台账(2)');
  expect(namer.name('县教育局', ' 牵头')).toBe('县教育局 牵头');
  expect(namer.name('县教育局', ' 牵头')).toBe('县教育局 牵头(2)');
  expect(namer.name('Team')).toBe('Team');
  expect(namer.name('TEAM')).toBe('TEAM(2)');
  const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
  expect(namer.name(long, ' 牵头')).toBe('一二三四五六七八九十一二三四五六七八九十一二三四五六七… 牵头');
  expect(namer.name(long, ' 牵头')).toBe('一二三四五六七八九十一二三四五六七八九十一二三四… 牵头(2)');
});
