// A new version of a notice: tracking follows the tasks that say the same, vanished tasks are
// listed, new ones start 未开始. Two versions of a plan written here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { followNewVersion, previousVersion } from '../../src/track/versions.js';
import { doc, due, recurring, task } from '../fixtures/compare/builders.js';

const dir = mkdtempSync(join(tmpdir(), 'tz-ver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = '某县2020年农村人居环境整治实施方案';
const v1 = doc({ id: 'v1', title: TITLE, jurisdiction: null, date: '2020-03-01' }, [
  task('1', '6月底前完成全县农村危房改造任务，做到应改尽改', { deadlines: [due('6月底前', '2020-06-30')] }),
  task('2', '各乡镇每季度报送人居环境整治工作进展', { deadlines: [recurring('每季度', 'quarterly')] }),
  task('3', '建立健全农村垃圾收运处置长效机制，落实保洁人员', {}),
  task('4', '加大农村改厕资金投入力度', {}),
]);
const v2 = doc({ id: 'v2', title: TITLE, jurisdiction: null, date: '2020-03-20' }, [
  task('1', '开展村庄清洁行动，重点清理农村生活垃圾和沟塘', {}),
  task('2', '6月底前全面完成全县农村危房改造任务，做到应改尽改', { deadlines: [due('6月底前', '2020-06-30')] }),
  task('3', '各乡镇每季度报送人居环境整治工作进展情况', { deadlines: [recurring('每季度', 'quarterly')] }),
  task('4', '加大农村改厕资金投入力度', {}),
]);

test('tracking follows the matching tasks; the vanished one is listed; the new one has no state', async () => {
  const store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
  expect((await store.ingest(v1)).status).toBe('added');
  const meta = { by: '县农业农村局', source: 'cli' as const, at: '2020-03-10T00:00:00Z' };
  await store.updateTracking('v1#1', { status: '推进中', progress: '已完成摸底' }, meta);
  await store.updateTracking('v1#2@2020-03-31', { status: '已完成' }, meta);
  await store.updateTracking('v1#3', { status: '滞后', problems: '保洁人员未落实' }, meta);
  const report = await store.ingest(v2);
  expect(report.status).toBe('new-version');
  const older = await previousVersion(store, v2, report.version);
  expect(older?.document.id).toBe('v1');
  const f = await followNewVersion(store, older!, v2);
  expect(f.carried.map(({ from, to }) => [from, to])).toEqual([['v1#1', 'v2#2'], ['v1#2@2020-03-31', 'v2#3@2020-03-31']]);
  expect(f.vanished.map((v) => [v.task.id, v.states.map((s) => s.status)])).toEqual([['v1#3', ['滞后']]]);
  expect(f.added.map((t) => t.id)).toEqual(['v2#1']);
  const states = await store.tracking(['v2#1', 'v2#2', 'v2#3@2020-03-31', 'v2#4']);
  expect([...states].map(([k, s]) => [k, s.status])).toEqual([['v2#2', '推进中'], ['v2#3@2020-03-31', '已完成']]);
  expect((await store.history('v2#2')).map((e) => e.after)).toEqual(['推进中', '已完成摸底']);
  // following again carries nothing twice
  await followNewVersion(store, older!, v2);
  expect((await store.history('v2#2')).length).toBe(2);
  await store.close();
});

test('a workbook of the old version returned after the new one was stored: rows find the new tasks by their text', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const { importWorkbook } = await import('../../src/track/import.js');
  const store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务台账');
  ws.addRow(['序号', '任务内容', '状态', '任务键']);
  ws.addRow([4, '加大农村改厕资金投入力度', '推进中', 'v1#4']);
  ws.addRow([1, '6月底前完成全县农村危房改造任务，做到应改尽改', '已完成', 'v1#1']);
  await wb.xlsx.writeFile(join(dir, 'old.xlsx'));
  const r = await importWorkbook(store, join(dir, 'old.xlsx'), { by: '县农业农村局', at: '2020-04-01T00:00:00Z' });
  expect(r.events.map((e) => [e.key, e.after])).toEqual([['v2#4', '推进中'], ['v2#2', '已完成']]);
  // the old row's words differ from the new text: a proposed text, so staff see the unit read the old version
  expect(r.issues.map((i) => [i.row, i.code])).toEqual([[3, 'E_TRACK_TEXT_PROPOSED']]);
  await store.close();
});
