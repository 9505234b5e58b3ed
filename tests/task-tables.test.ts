// Task tables written for the test: header words name the columns, each row is a task.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readHeader, readTaskTables } from '../src/extract/tables.js';
import { extractFile } from '../src/pipeline.js';
import type { Block } from '../src/model.js';
import { textToBlocks } from '../src/read/text.js';

const row = (...cells: string[]): Block => ({ text: cells.join('\t'), style: { table: true } });

describe('header rows', () => {
  test.each([
    [['序号', '重点任务', '牵头单位', '配合单位', '完成时限'], ['seq', 'task', 'lead', 'participant', 'deadline']],
    [['序号', '工作内容', '责任单位', '完成时间'], ['seq', 'task', 'responsible', 'deadline']],
    [['类别', '具体措施', '责任领导', '牵头部门', '责任人'], ['category', 'task', 'leader', 'lead', 'owner']],
  ])('%j', (cells, want) => expect(readHeader(cells)).toEqual(want));

  test.each([[['姓名', '职务', '联系电话']], [['项目名称', '投资额（万元）', '建设地点']], [['序号', '重点任务', '备注']]])('%j is not a task table', (cells) => {
    expect(readHeader(cells)).toBeNull();
  });
});

test('rows become tasks with units, people and deadline cells; merged category cells carry down', () => {
  const blocks: Block[] = [
    { text: '二、重点任务' },
    row('类别', '工作任务', '责任领导', '牵头单位', '配合单位', '完成时限'),
    row('农业生产', '落实春播面积45万亩。', '王明 副县长', '县农业农村局', '县财政局、各乡镇', '2022年5月底前'),
    row('', '完成高标准农田建设3万亩。', '', '县农业农村局', '县发展改革局', '2022年10月底前'),
    row('农民增收', '新增农村劳动力转移就业2000人。', '李华 副县长', '县人力资源社会保障局', '', '全年'),
    { text: '三、保障措施' },
  ];
  const pathOf = [['二、重点任务'], ['二、重点任务'], ['二、重点任务'], ['二、重点任务'], ['二、重点任务'], ['三、保障措施']];
  const tasks = readTaskTables(blocks, pathOf);
  expect(tasks.map((t) => ({ path: t.clause.path, text: t.clause.text, units: t.clause.units, leaders: t.leaders, deadline: t.deadlineText }))).toMatchObject([
    {
      path: ['二、重点任务', '农业生产'], text: '落实春播面积45万亩。',
      units: [{ name: '县农业农村局', role: 'lead' }, { name: '县财政局', role: 'participant' }, { name: '各乡镇', role: 'participant' }],
      leaders: [{ name: '王明', title: '副县长' }], deadline: '2022年5月底前',
    },
    {
      path: ['二、重点任务', '农业生产'], text: '完成高标准农田建设3万亩。',
      units: [{ name: '县农业农村局', role: 'lead' }, { name: '县发展改革局', role: 'participant' }],
      leaders: [], deadline: '2022年10月底前',
    },
    {
      path: ['二、重点任务', '农民增收'], text: '新增农村劳动力转移就业2000人。',
      units: [{ name: '县人力资源社会保障局', role: 'lead' }],
      leaders: [{ name: '李华', title: '副县长' }], deadline: '全年',
    },
  ]);
  expect(tasks[0].blocks).toEqual([1, 2, 3, 4]);
});

test('a web page\'s task table gives one task per row, with the deadline cell normalized', async () => {
  const o = await extractFile(path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'html', 'task-table.html'));
  if (!o.ok) throw new Error(o.line);
  const rows = o.result.tasks.filter((t) => t.path[0] === '二、重点任务');
  expect(rows.map((t) => [t.units[0]?.name, t.deadlines.map((d) => d.date ?? d.recurrence)])).toEqual([
    ['县市场监管局', ['2023-06-30']],
    ['县住房城乡建设局', ['2023-09-30']],
    ['县工业和信息化局', ['quarterly']],
  ]);
  expect(o.result.document.docNumber?.text).toBe('某政办发〔2023〕4号');
  expect(o.result.document.date).toBe('2023-02-16');
});

describe('a task table pasted into a text file (cells apart by tabs, as Word and Excel copy them)', () => {
  test('its rows are table rows, and become tasks with their units and deadlines', async () => {
    const lines = [
      '某某市2025年城市更新重点任务分工方案',
      '各区人民政府，市政府各部门：',
      '现将重点任务分工印发给你们，请抓好落实。',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t完成老旧小区改造120个，惠及居民2.3万户\t市住房城乡建设局\t各区人民政府\t2025年11月底前',
      '2\t新建城市口袋公园15个\t市园林绿化局\t市自然资源规划局\t',
      '3\t改造雨污分流管网80公里\t市水务局\t市财政局、各区人民政府\t2025年10月底前',
      '某某市人民政府办公室',
      '2025年2月10日',
    ];
    const blocks = textToBlocks(lines.join('\r\n'));
    expect(blocks.filter((b) => b.style?.table).map((b) => b.text.split('\t').length)).toEqual([5, 5, 5, 5]);
    // a line with one tab (an indented paragraph, a label and its value) stays a line of text
    expect(textToBlocks('\t一、总体要求\n联系人：\t张某').every((b) => !b.style?.table)).toBe(true);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'taizhang-tabs-')), 'fengong.txt');
    writeFileSync(file, lines.join('\n'));
    const out = await extractFile(file);
    if (!out.ok) throw new Error(out.line);
    expect(out.result.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.date ?? '')])).toEqual([
      ['完成老旧小区改造120个，惠及居民2.3万户', ['市住房城乡建设局:lead', '各区人民政府:participant'], ['2025-11-30']],
      ['新建城市口袋公园15个', ['市园林绿化局:lead', '市自然资源规划局:participant'], []],
      ['改造雨污分流管网80公里', ['市水务局:lead', '市财政局:participant', '各区人民政府:participant'], ['2025-10-31']],
    ]);
  });
});
