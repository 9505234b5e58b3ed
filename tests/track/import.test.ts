// Reading cells of returned workbooks, and what a later workbook of the same unit or of another
// unit does to a field: tables of cells and a plan written here.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { cellDate, importWorkbook } from '../../src/track/import.js';
import { doc, due, task } from '../fixtures/compare/builders.js';

describe('cellDate', () => {
  const cases: [string, ExcelJS.CellValue, string | null][] = [
    ['an Excel date', new Date(Date.UTC(2021, 5, 30)), '2021-06-30'],
    ['an Excel date typed eight hours east of UTC', new Date(Date.UTC(2021, 5, 29, 16)), '2021-06-30'],
    ['a date serial', 44377, '2021-06-30'],
    ['ISO text', '2021-06-30', '2021-06-30'],
    ['Chinese text', '2021年6月30日', '2021-06-30'],
    ['slashes', '2021/6/30', '2021-06-30'],
    ['dots', '2021.6.30', '2021-06-30'],
    ['a formula result', { formula: 'DATE(2021,6,30)', result: new Date(Date.UTC(2021, 5, 30)) } as ExcelJS.CellValue, '2021-06-30'],
    ['no such month', '2021-13-01', null],
    ['words', '六月底左右', null],
    ['a month without its day', '2021年6月', null],
  ];
  test.each(cases)('%s', (_why, value, want) => expect(cellDate(value)).toBe(want));
});

describe('later workbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tz-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = doc({ id: 'sl', title: '某市河湖长制工作要点', jurisdiction: null, date: '2022-02-01' }, [
    task('1', '4月底前完成河湖“清四乱”专项整治', { units: [{ name: '市水利局', role: 'lead' }, { name: '市生态环境局', role: 'participant' }], deadlines: [due('4月底前', '2022-04-30')] }),
  ]);
  const book = async (name: string, status: string, progress: string) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['序号', '任务内容', '状态', '进展情况', '任务键']);
    ws.addRow([1, plan.tasks[0].text, status, progress, 'sl#1']);
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };

  test('the same unit may change its answer; another unit answering differently is a conflict; progress from both is kept', async () => {
    const store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
    await store.ingest(plan);
    const a1 = await importWorkbook(store, await book('水利局-3月.xlsx', '推进中', '已排查点位120个'), { by: '市水利局', at: '2022-03-31T00:00:00Z' });
    expect(a1.events.map((e) => e.field)).toEqual(['status', 'progress']);
    const a2 = await importWorkbook(store, await book('水利局-4月.xlsx', '已完成', '已排查点位120个\n整治完成'), { by: '市水利局', at: '2022-04-30T00:00:00Z' });
    expect(a2.events.map((e) => [e.field, e.before, e.after])).toEqual([['status', '推进中', '已完成'], ['progress', '已排查点位120个', '整治完成']]);
    const b = await importWorkbook(store, await book('生态环境局.xlsx', '推进中', '配合开展水质监测'), { by: '市生态环境局', at: '2022-05-01T00:00:00Z' });
    expect(b.events.map((e) => [e.field, e.after])).toEqual([['progress', '配合开展水质监测']]);
    expect(b.conflicts).toBe(1);
    const state = (await store.tracking(['sl#1'])).get('sl#1')!;
    expect(state.status).toBe('已完成');
    expect(state.progress.map((p) => [p.by, p.text])).toEqual([['市水利局', '已排查点位120个'], ['市水利局', '整治完成'], ['市生态环境局', '配合开展水质监测']]);
    expect(await store.conflicts()).toEqual([expect.objectContaining({ kept: '已完成', keptBy: '市水利局', keptRef: '水利局-4月.xlsx!表1!C2', offered: '推进中', offeredRef: '生态环境局.xlsx!表1!C2' })]);
    await store.close();
  });

  test('a workbook without a register header is refused with its code', async () => {
    const store = SqliteTaskStore.open(join(dir, 'db2.sqlite'));
    await store.ingest(plan);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    await wb.xlsx.writeFile(join(dir, 'x.xlsx'));
    await expect(importWorkbook(store, join(dir, 'x.xlsx'), { by: 'x' })).rejects.toMatchObject({ code: 'E_TRACK_NO_HEADER' });
    await expect(importWorkbook(store, join(dir, 'nothing.xlsx'), { by: 'x' })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'text.xlsx'), '序号,任务内容,状态\n');
    await expect(importWorkbook(store, join(dir, 'text.xlsx'), { by: 'x' })).rejects.toMatchObject({ code: 'E_TRACK_NOT_XLSX' });
    await store.close();
  });
});

describe('the whole register workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tz-import-all-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = doc({ id: 'ny', title: '某县2023年高标准农田建设工作方案', jurisdiction: null, date: '2023-03-01' }, [
    task('1', '6月底前完成高标准农田建设任务2万亩', { units: [{ name: '县农业农村局', role: 'lead' }], owners: [{ name: '李明' }], deadlines: [due('6月底前', '2023-06-30')] }),
    task('2', '9月底前完成项目资金拨付', { units: [{ name: '县财政局', role: 'lead' }], deadlines: [due('9月底前', '2023-09-30')] }),
  ]);

  async function filled(name: string, fill: (wb: ExcelJS.Workbook, find: (sheet: string, key: string, header: string) => ExcelJS.Cell) => void, states?: Map<string, import('../../src/store/tracking.js').TrackingState>) {
    const { writeXlsx } = await import('../../src/register/xlsx.js');
    const file = join(dir, name);
    await writeXlsx([plan], file, {}, { tracking: states });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const find = (sheet: string, key: string, header: string) => {
      const ws = wb.getWorksheet(sheet)!;
      let headerRow = 0;
      ws.eachRow((row, n) => { if (!headerRow && (row.values as unknown[]).includes('任务键')) headerRow = n; });
      const names = ws.getRow(headerRow).values as unknown[];
      let at = 0;
      ws.eachRow((row, n) => { if (n > headerRow && row.getCell(names.indexOf('任务键')).value === key) at = n; });
      return ws.getRow(at).getCell(names.indexOf(header));
    };
    fill(wb, find);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test('an edit on the unit sheet counts though the 任务台账 sheet still shows the old value; 责任人 corrected; two edits disagreeing are a conflict', async () => {
    const store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
    await store.ingest(plan);
    await store.updateTracking('ny#1', { status: '推进中' }, { by: '科员', source: 'cli', at: '2023-04-01T00:00:00Z' });
    const states = await store.tracking(['ny#1']);
    const file = await filled('台账.xlsx', (_wb, find) => {
      find('县农业农村局', 'ny#1', '状态').value = '已完成';
      find('县农业农村局', 'ny#1', '责任人').value = '李明、王芳';
      find('任务台账', 'ny#2', '状态').value = '推进中';
      find('县财政局', 'ny#2', '状态').value = '滞后';
    }, states);
    const r = await importWorkbook(store, file, { by: '县政府办', at: '2023-05-01T00:00:00Z' });
    expect(r.events.map((e) => [e.key, e.field, e.after])).toEqual([['ny#2', 'status', '推进中'], ['ny#1', 'status', '已完成'], ['ny#1', 'responsible', '李明、王芳']]);
    expect(r.conflicts).toBe(1);
    expect((await store.conflicts())[0]).toMatchObject({ key: 'ny#2', kept: '推进中', offered: '滞后', keptRef: '台账.xlsx!任务台账!' + find2(r, 'ny#2') });
    expect(r.issues.map((i) => [i.sheet, i.code])).toEqual([['县财政局', 'E_TRACK_CONFLICT']]);
    await store.close();
  });
  const find2 = (r: import('../../src/track/import.js').ImportReport, key: string) => r.events.find((e) => e.key === key)!.sourceRef!.split('!')[2];
});
