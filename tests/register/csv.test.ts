import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { csvField, toCsv } from '../../src/register/csv.js';
import { writeRegister } from '../../src/register/index.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));

const fields: [string | number, string][] = [
  ['县教育局', '县教育局'],
  [7, '7'],
  ['县教育局,县财政局', '"县教育局,县财政局"'],
  ['按“三个一批”要求，落实"两不愁"', '"按“三个一批”要求，落实""两不愁"""'],
  ['2020-06-30\n每季度', '"2020-06-30\n每季度"'],
  ['', ''],
];
test.each(fields)('csvField(%j) = %j', (v, want) => expect(csvField(v)).toBe(want));

/** RFC 4180 reader, just enough to check what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

test('the CSV file starts with a BOM, ends lines with CRLF and reads back cell for cell', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-csv-'));
  const out = join(dir, 'sub', '台账.csv');
  const results = [fixture('county-plan'), fixture('bulletin'), fixture('city-notice')];
  await writeRegister(results, { format: 'csv', out, today: '2020-06-15' });
  const bytes = await readFile(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.slice(1).split('\r\n')[0]).toBe('序号,任务类别,任务内容,牵头单位,配合单位,责任领导,责任人,完成时限,时限原文,距截止,量化指标,出处,状态,进展情况,存在问题,下步打算,完成时间,佐证材料,督办,备注,任务键');
  expect(text.endsWith('\r\n')).toBe(true);
  const table = parseCsv(text.slice(1));
  expect(table).toHaveLength(23);
  expect(table[4]).toEqual(['4', '二、重点任务', '贫困人口参加城乡居民基本医疗保险个人缴费部分，从2020年1月1日起由县财政按每人每年180元给予补贴。',
    '县医保局', '县财政局', '', '', '2020-12-31（推定）', '从2020年1月1日起', '199', '从2020年1月1日起由县财政按每人每年180元给予补贴',
    'qinghe-2020.pdf 第6页\n二、重点任务 > （三）健康扶贫 > 1. 医疗保障', '', '', '', '', '', '', '',
    '已被取代：新文件已替代此任务\n文件未写时限，按方案年度末推定，请核定', 'qinghe-2020-7#2.3.1']);
  expect(table[6].slice(0, 1).concat(table[6].slice(7, 10), table[6].slice(20))).toEqual(['6-1', '2020-03-31', '2020年3月（月调度）\n季督查', '-76', 'qinghe-2020-7#3.1@2020-03-31']);
  expect(table[1].slice(7, 10)).toEqual(['2020-06-30', '6月底前', '15']);
  expect(table.every((r) => r.length === 21)).toBe(true);
});

test('toCsv of no rows is the header alone', () => {
  expect(toCsv(registerRows([fixture('bulletin')]))).toBe('\uFEFF序号,任务类别,任务内容,牵头单位,配合单位,责任领导,责任人,完成时限,时限原文,距截止,量化指标,出处,状态,进展情况,存在问题,下步打算,完成时间,佐证材料,督办,备注,任务键\r\n');
});
