// The Excel round trip end to end: a corpus plan is stored, one workbook per unit is exported, two
// units fill theirs in as a person would (statuses, notes, a bad date, a re-typed task text, one
// shared task answered differently), both come back, and the store holds what they said.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { writeUnitWorkbooks } from '../../src/register/xlsx.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { importWorkbook, type ImportReport } from '../../src/track/import.js';
import { currentPlans } from '../../src/track/ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'tz-roundtrip-'));
let store: SqliteTaskStore;
let files: string[];
const LEAD_A = '县扶贫办';
const LEAD_B = '县农业农村局';

interface Sheet {
  ws: ExcelJS.Worksheet;
  header: number;
  col: (name: string) => number;
}
function sheetOf(wb: ExcelJS.Workbook): Sheet {
  const ws = wb.worksheets[0];
  for (let r = 1; r < 10; r++) {
    const names = (ws.getRow(r).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    if (names.includes('任务键')) return { ws, header: r, col: (n) => names.indexOf(n) };
  }
  throw new Error('no header');
}
const keyOf = (s: Sheet, r: number) => String(s.ws.getRow(r).getCell(s.col('任务键')).value);
const rowsOf = (s: Sheet) => Array.from({ length: s.ws.rowCount - s.header }, (_, i) => s.header + 1 + i).filter((r) => keyOf(s, r) !== 'null');

let reports: ImportReport[] = [];
let shared = '';
let badCell = '';
let editedKey = '';

beforeAll(async () => {
  const o = await extractFile(join(import.meta.dirname, '../../corpus/benxi-2020.txt'));
  if (!o.ok) throw new Error(o.line);
  store = SqliteTaskStore.open(join(dir, 'db.sqlite'));
  await store.ingest(o.result);
  files = await writeUnitWorkbooks(await currentPlans(store), join(dir, 'out'), {}, { today: '2020-05-01' });
  const fileOf = (unit: string) => files.find((f) => basename(f) === `${unit}.xlsx`)!;
  const [wa, wb] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await wa.xlsx.readFile(fileOf(LEAD_A));
  await wb.xlsx.readFile(fileOf(LEAD_B));
  const a = sheetOf(wa);
  const b = sheetOf(wb);
  const keysB = new Set(rowsOf(b).map((r) => keyOf(b, r)));
  const rowsA = rowsOf(a);
  shared = rowsA.map((r) => keyOf(a, r)).find((k) => keysB.has(k))!;
  const own = rowsA.filter((r) => keyOf(a, r) !== shared);
  const set = (s: Sheet, r: number, col: string, v: ExcelJS.CellValue) => (s.ws.getRow(r).getCell(s.col(col)).value = v);
  // 县扶贫办: four rows as a clerk fills them
  set(a, own[0], '状态', '推进中');
  set(a, own[0], '进展情况', '已完成全县摸底排查，建立工作台账');
  set(a, own[1], '状态', '已完成');
  set(a, own[1], '完成时间', new Date(Date.UTC(2020, 3, 28)));
  set(a, own[1], '佐证材料', '验收报告.pdf\n会议纪要.docx');
  set(a, own[2], '状态', '推进中');
  set(a, own[2], '完成时间', '六月底左右');
  badCell = a.ws.getRow(own[2]).getCell(a.col('完成时间')).address;
  const text = String(a.ws.getRow(own[3]).getCell(a.col('任务内容')).value);
  set(a, own[3], '任务内容', `${text}（已调整为全县范围）`);
  set(a, own[3], '存在问题', '部分乡镇资金未到位');
  editedKey = keyOf(a, own[3]);
  set(a, rowsA.find((r) => keyOf(a, r) === shared)!, '状态', '已完成');
  // 县农业农村局: its own row and the shared one, said differently
  const ownB = rowsOf(b).filter((r) => keyOf(b, r) !== shared);
  set(b, ownB[0], '状态', '滞后');
  set(b, ownB[0], '下步打算', '6月底前召开推进会');
  set(b, rowsOf(b).find((r) => keyOf(b, r) === shared)!, '状态', '推进中');
  await wa.xlsx.writeFile(join(dir, 'back-a.xlsx'));
  await wb.xlsx.writeFile(join(dir, 'back-b.xlsx'));
  reports = [
    await importWorkbook(store, join(dir, 'back-a.xlsx'), { by: LEAD_A, at: '2020-05-06T09:00:00Z' }),
    await importWorkbook(store, join(dir, 'back-b.xlsx'), { by: LEAD_B, at: '2020-05-07T09:00:00Z' }),
  ];
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two units return their workbooks', () => {
  test('each change is recorded with who, when and the cell it came from', async () => {
    const [a, b] = reports;
    expect(a.events.map((e) => [e.field, e.after])).toEqual(expect.arrayContaining([
      ['status', '推进中'], ['progress', '已完成全县摸底排查，建立工作台账'], ['status', '已完成'], ['completedOn', '2020-04-28'],
      ['evidence', '["验收报告.pdf","会议纪要.docx"]'], ['problems', '部分乡镇资金未到位'],
    ]));
    expect(a.events.every((e) => e.by === LEAD_A && e.source === 'import' && /^back-a\.xlsx!县扶贫办![A-Z]+\d+$/u.test(e.sourceRef!))).toBe(true);
    expect(b.events.map((e) => [e.field, e.after])).toEqual([['status', '滞后'], ['nextSteps', '6月底前召开推进会']]);
    const key = a.events.find((e) => e.field === 'completedOn')!.key;
    const [state] = (await store.tracking([key])).values();
    expect(state).toMatchObject({ status: '已完成', completedOn: '2020-04-28', evidence: ['验收报告.pdf', '会议纪要.docx'], updatedBy: LEAD_A });
  });

  test('the bad date is reported with its sheet, row, column and cell, and the rest of its row still applies', async () => {
    const bad = reports[0].issues.filter((i) => i.code === 'E_TRACK_BAD_DATE');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ sheet: LEAD_A, column: '完成时间', cell: badCell, value: '六月底左右' });
    expect(bad[0].line).toContain(`工作表“${LEAD_A}”第${bad[0].row}行“完成时间”列（${badCell}）`);
    expect(bad[0].line).toMatch(/2020-06-30.*\[E_TRACK_BAD_DATE\]$/u);
    const rowEvents = reports[0].events.filter((e) => new RegExp(`![A-Z]+${bad[0].row}$`, 'u').test(e.sourceRef!));
    expect(rowEvents.map((e) => [e.field, e.after])).toEqual([['status', '推进中']]);
  });

  test('the re-typed task text is a proposed correction; the notice text is untouched', async () => {
    const proposals = await store.proposals();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ key: editedKey, by: LEAD_A });
    expect(proposals[0].proposed).toBe(`${proposals[0].original}（已调整为全县范围）`);
    const [plan] = await currentPlans(store);
    expect(plan.tasks.find((t) => t.id === proposals[0].taskId)!.text).toBe(proposals[0].original);
  });

  test('the shared task answered differently is kept as a conflict, the first answer in force', async () => {
    const conflicts = await store.conflicts();
    expect(conflicts).toEqual([expect.objectContaining({ key: shared, field: 'status', kept: '已完成', keptBy: LEAD_A, offered: '推进中', offeredBy: LEAD_B })]);
    expect((await store.tracking([shared])).get(shared)!.status).toBe('已完成');
    expect(reports[1].issues.map((i) => i.code)).toEqual(['E_TRACK_CONFLICT']);
  });

  test('importing the same two files again changes nothing', async () => {
    const before = await Promise.all([...(await store.tracking([shared, editedKey])).keys()].map((k) => store.history(k)));
    const again = [
      await importWorkbook(store, join(dir, 'back-a.xlsx'), { by: LEAD_A, at: '2020-05-08T09:00:00Z' }),
      await importWorkbook(store, join(dir, 'back-b.xlsx'), { by: LEAD_B, at: '2020-05-08T10:00:00Z' }),
    ];
    expect(again.map((r) => [r.events.length, r.conflicts, r.proposals])).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(await store.changesSince('2020-05-08T00:00:00Z')).toEqual([]);
    expect((await store.conflicts()).length).toBe(1);
    expect((await store.proposals()).length).toBe(1);
    const after = await Promise.all([...(await store.tracking([shared, editedKey])).keys()].map((k) => store.history(k)));
    expect(after).toEqual(before);
  });

  test('a workbook exported again from the store carries the recorded progress, and importing it adds nothing', async () => {
    const plans = await currentPlans(store);
    const states = await store.tracking(reports[0].events.map((e) => e.key));
    const [file] = (await writeUnitWorkbooks(plans, join(dir, 'again'), { unit: LEAD_A }, { tracking: states })).filter((f) => basename(f) === `${LEAD_A}.xlsx`);
    const r = await importWorkbook(store, file, { by: LEAD_A, at: '2020-05-09T09:00:00Z' });
    expect(r.events).toEqual([]);
  });
});
