// The 量化指标 cells of two real plans, read back from the workbook: every line is the commitment's
// own words (a whole clause of the task that holds the number) or the number and unit alone, never a
// label cut mid-phrase ("中上述情况 7329人"). The plans' extraction results are kept in
// tests/fixtures/results (corpus-*.json); when the shared corpus is on this machine the same check
// also runs on a fresh extraction, so a change in the extractors is checked too.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult, type Task } from '../../src/model.js';
import { formatAmount } from '../../src/register/format.js';
import { writeRegister } from '../../src/register/index.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const CORPUS = '/work/shared/corpus';

/** What may stand before a quote's first character and after its last: a clause's edges. */
const BEFORE = /[，。；：！？,;:!?\n（(）)]|^\d{1,2}[.．、]\s*$|^[（(]\d{1,2}[）)]\s*$/u;
const AFTER = /^[，。；：！？,;:!?\n（(）)]/u;

function checkLine(task: Task, line: string): string | null {
  if (task.quantities.some((q) => formatAmount(q) === line)) return null;
  const at = task.text.indexOf(line);
  if (at < 0) return `not the task's words nor a number and unit: ${line}`;
  if (!task.quantities.some((q) => line.includes(q.text))) return `quotes no quantity of the task: ${line}`;
  const before = task.text.slice(0, at);
  const startsClause = at === 0 || BEFORE.test(before.slice(-1)) || BEFORE.test(before.slice(before.search(/[^，。；：！？\n]*$/u)));
  const after = task.text.slice(at + line.length);
  if (!startsClause) return `starts mid-clause: …${before.slice(-6)}|${line}`;
  if (after !== '' && !AFTER.test(after)) return `ends mid-clause: ${line}|${after.slice(0, 6)}…`;
  return null;
}

async function checkWorkbook(result: ExtractResult): Promise<{ lines: number; quoted: number }> {
  const out = join(await mkdtemp(join(tmpdir(), 'taizhang-qcells-')), '台账.xlsx');
  await writeRegister([result], { format: 'xlsx', out, today: '2020-06-30' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('任务台账')!;
  const header = ws.getRow(3).values as unknown[];
  const keyCol = header.indexOf('任务键');
  const qCol = header.indexOf('量化指标');
  const byId = new Map(result.tasks.map((t) => [t.id, t]));
  const problems: string[] = [];
  let lines = 0;
  let quoted = 0;
  for (let r = 4; r <= ws.rowCount; r++) {
    const key = String(ws.getRow(r).getCell(keyCol).value);
    const task = byId.get(key.replace(/@\d{4}-\d{2}-\d{2}$/u, ''))!;
    expect(task, key).toBeDefined();
    const cell = ws.getRow(r).getCell(qCol).value;
    const cellLines = cell === null ? [] : String(cell).split('\n');
    for (const line of cellLines) {
      lines++;
      if (task.text.includes(line) && !task.quantities.some((q) => formatAmount(q) === line)) quoted++;
      const problem = checkLine(task, line);
      if (problem) problems.push(`${key}: ${problem}`);
    }
    // every quantity of the task is in the cell: quoted, or as number and unit
    for (const q of task.quantities) {
      if (!cellLines.some((l) => l.includes(q.text) || l === formatAmount(q))) problems.push(`${key}: ${q.text} missing from ${JSON.stringify(cell)}`);
    }
  }
  expect(problems).toEqual([]);
  return { lines, quoted };
}

test.each([['corpus-benxi-2020'], ['corpus-xinbin-2018']])('every 量化指标 cell of %s is the task\'s own words or a number and unit', async (name) => {
  const { lines, quoted } = await checkWorkbook(fixture(name));
  expect(lines).toBeGreaterThan(30);
  // quotes are the rule, the bare number the exception
  expect(quoted / lines).toBeGreaterThan(0.8);
});

test('the cut labels the trial found are gone', async () => {
  const result = fixture('corpus-benxi-2020');
  const out = join(await mkdtemp(join(tmpdir(), 'taizhang-qcells-')), '台账.csv');
  await writeRegister([result], { format: 'csv', out });
  const csv = readFileSync(out, 'utf8');
  expect(csv).not.toContain('中上述情况 7329人');
  expect(csv).not.toContain('县财政局度进行');
});

test.skipIf(!existsSync(join(CORPUS, 'benxi-2020.docx')))('the same holds for a fresh extraction of the corpus plans', async () => {
  const { extractFile } = await import('../../src/pipeline.js');
  for (const file of ['benxi-2020.docx', 'xinbin-2018.docx', 'dongzhou-2020.docx', 'liaoning-2019-opinion.docx', 'real/jiangxi-2020-tuoyu.html', 'real/hainan-2024-nongji-butie.doc']) {
    const outcome = await extractFile(join(CORPUS, file));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) await checkWorkbook(outcome.result);
  }
}, 120_000);
