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
    await expect(importWorkbook(store, join(dir, 'nothing.xlsx'), { by: 'x' })).rejects.toMatchObject({ code: 'E_TRACK_NOT_XLSX' });
    await store.close();
  });
});
