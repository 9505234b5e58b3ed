// Ruled tables in PDFs, from geometry: PDFs generated here (tests/read/make-pdf.ts) with ruled grids,
// merged cells, a table over two pages, letter-spaced cells and page numbers drawn in pieces; and
// the pure pieces (rules from an operator list, grids, letter spacing, watermark-only scans).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import { readDocumentBytes } from '../../src/pipeline.js';
import { isWatermarkOnly, looksTabular } from '../../src/read/pdf.js';
import { unspaceItem } from '../../src/read/pdf-lines.js';
import { findGrids, readGrid, rejoinLetterSpacing } from '../../src/read/pdf-tables.js';
import { rulesFromOperatorList, type OpCodes, type Rule } from '../../src/read/pdf-rules.js';
import { ReadFailure } from '../../src/messages.js';
import { makePdf, ruledTable, type PdfText } from './make-pdf.js';

const unitsOf = (t: { units: { name: string; role: string }[] }) => t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`).join(',');
const read = (pdf: Uint8Array) => readDocumentBytes(pdf, 'generated.pdf');
const extract = async (pdf: Uint8Array) => buildResult(await read(pdf));
const XS = [40, 70, 250, 360, 460, 555];

describe('letter-spaced justified text is rejoined', () => {
  const cases: [string, string][] = [
    ['企 业 投 资 项', '企业投资项'],
    ['采用 直 接 投 资 和 资 本', '采用直接投资和资本'],
    ['材 料 提 供 适 用 情 形', '材料提供适用情形'],
    ['Word 2016 版', 'Word 2016 版'],
    ['GB 50223 标准', 'GB 50223 标准'],
  ];
  test.each(cases)('%s', (input, want) => expect(rejoinLetterSpacing(input)).toBe(want));
});

describe('a scan app\'s watermark alone is no text layer', () => {
  const cases: [string, string[], boolean][] = [
    ['the same app line on every page', ['扫描全能王 创建', '扫描全能王 创建', '扫描全能王 创建'], true],
    ['one page only: may be a one-line document', ['扫描全能王 创建'], false],
    ['pages that differ are text', ['第一页的正文', '第二页的正文'], false],
    ['a long repeated line is a document', Array(3).fill('关于做好春季农业生产工作的通知，请各地结合实际认真贯彻落实'), false],
  ];
  test.each(cases)('%s', (_, pages, want) => expect(isWatermarkOnly(pages)).toBe(want));

  // with page pictures the same file is E_SCANNED (tests/hostile/bombs.test.ts); these pages have none,
  // so there is nothing for OCR to read
  test('a generated watermark on each page and no other text is refused, not read as a document', async () => {
    const page = { texts: [{ text: '扫描全能王 创建', x: 478, y: 19, size: 13 }] };
    await expect(read(makePdf([page, page, page, page]))).rejects.toMatchObject({ code: 'E_NO_TEXT' });
    await expect(read(makePdf([page, page]))).rejects.toBeInstanceOf(ReadFailure);
  });
});

describe('rules from an operator list', () => {
  const OPS: OpCodes = { save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, endPath: 28, fill: 22, eoFill: 23 };
  const STROKE = 20;
  const path = (...nums: number[]) => [STROKE, [Float32Array.from(nums)], null];

  test('a line drawn under a transform lands where the page shows it', () => {
    const rules = rulesFromOperatorList(
      [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath],
      [null, [1, 0, 0, 1, 100, 200], path(0, 0, 0, 1, 50, 0), null, path(0, 10, 10, 1, 10, 60)],
      OPS,
    );
    expect(rules).toEqual([
      { horizontal: true, pos: 200, from: 100, to: 150 },
      { horizontal: false, pos: 10, from: 10, to: 60 },
    ]);
  });

  test('a clipping path draws nothing; a filled area is no rule, a thin filled bar is', () => {
    const rect = (x: number, y: number, w: number, h: number) => Float32Array.from([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
    const rules = rulesFromOperatorList(
      [OPS.constructPath, OPS.constructPath, OPS.constructPath],
      [[OPS.endPath, [rect(0, 0, 100, 100)], null], [OPS.fill, [rect(0, 0, 595, 842)], null], [OPS.fill, [rect(40, 99.75, 200, 0.5)], null]],
      OPS,
    );
    expect(rules).toEqual([{ horizontal: true, pos: 100, from: 40, to: 240 }]);
  });

  test('a lone box or a box split by a horizontal rule is a frame, not a table; a box with one inner column rule is', () => {
    const box: Rule[] = [
      { horizontal: true, pos: 700, from: 40, to: 300 },
      { horizontal: true, pos: 600, from: 40, to: 300 },
      { horizontal: false, pos: 40, from: 600, to: 700 },
      { horizontal: false, pos: 300, from: 600, to: 700 },
    ];
    expect(findGrids(box)).toEqual([]);
    expect(findGrids([...box, { horizontal: true, pos: 650, from: 40, to: 300 }])).toEqual([]);
    const grids = findGrids([...box, { horizontal: false, pos: 150, from: 600, to: 700 }]);
    expect(grids.map((g) => [g.xs, g.ys])).toEqual([[[40, 150, 300], [700, 600]]]);
  });

  test('a drawing of thousands of short strokes is no table, and is judged quickly', () => {
    const strokes: Rule[] = Array.from({ length: 6000 }, (_, k) => ({ horizontal: k % 2 === 0, pos: 100 + (k % 97), from: k % 300, to: (k % 300) + 8 }));
    const t0 = performance.now();
    expect(findGrids(strokes)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  test('two cells with no rule between them are one cell, its text in each row it covers', () => {
    const rules: Rule[] = [
      ...[700, 680, 660, 640].map((y) => ({ horizontal: true, pos: y, from: 40, to: 300 })),
      ...[40, 100, 300].map((x) => ({ horizontal: false, pos: x, from: 640, to: 700 })),
    ].filter((r) => !(r.horizontal && r.pos === 660)); // rows 2 and 3 share one cell in both columns…
    rules.push({ horizontal: true, pos: 660, from: 100, to: 300 }); // …except the second column
    const items = [
      { str: 'A', x: 45, y: 685, width: 6, size: 10 },
      { str: 'merged', x: 45, y: 655, width: 30, size: 10 },
      { str: 'one', x: 105, y: 665, width: 15, size: 10 },
      { str: 'two', x: 105, y: 645, width: 15, size: 10 },
      { str: 'outside', x: 45, y: 500, width: 30, size: 10 },
    ];
    const { table, rest } = readGrid(findGrids(rules)[0], items);
    expect(table.rows).toEqual([['A', ''], ['merged', 'one'], ['merged', 'two']]);
    expect(table.spansUp).toEqual([false, false, true]);
    expect(rest.map((i) => i.str)).toEqual(['outside']);
  });
});

describe('ruled tables in generated PDFs', () => {
  test('a page laid out in columns is worth a look for rules; running text is not', () => {
    const row = (y: number): PdfText[] => [{ text: '1', x: 45, y }, { text: 'A', x: 75, y }, { text: 'B', x: 255, y }];
    const items = (ts: PdfText[]) => ts.map((t) => ({ str: t.text, x: t.x, y: t.y, width: 10, size: 10 }));
    expect(looksTabular(items([...row(700), ...row(680)]))).toBe(true);
    expect(looksTabular(items([{ text: 'running text', x: 40, y: 700 }, { text: 'goes on', x: 40, y: 680 }]))).toBe(false);
  });

  test('a task table in a PDF gives one task per row, with its units and deadline, by its header words', async () => {
    const grid = ruledTable(XS, [700, 680, 640, 600, 560], [
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '开展秸秆综合利用宣传', '县农业农村局', '各乡镇人民政府', '2024年6月底前'],
      ['2', '建设秸秆收储中心3个', '县发展改革委', '县财政局', '2024年9月底前'],
      ['3', '加强秸秆禁烧巡查', '县生态环境局', '县公安局', '2024年12月底前'],
    ]);
    const pdf = makePdf([{
      texts: [
        { text: '某县2024年秸秆综合利用工作实施方案', x: 140, y: 780, size: 18 },
        { text: '为做好秸秆综合利用工作，制定本方案。', x: 60, y: 740, size: 12 },
        ...grid.texts,
      ],
      rules: grid.rules,
    }]);
    const r = await extract(pdf);
    expect(r.document.title).toBe('某县2024年秸秆综合利用工作实施方案');
    expect(r.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.date)])).toEqual([
      ['开展秸秆综合利用宣传', ['县农业农村局:lead', '各乡镇人民政府:participant'], ['2024-06-30']],
      ['建设秸秆收储中心3个', ['县发展改革委:lead', '县财政局:participant'], ['2024-09-30']],
      ['加强秸秆禁烧巡查', ['县生态环境局:lead', '县公安局:participant'], ['2024-12-31']],
    ]);
    expect(r.tables).toEqual([]);
  });

  test('a task table over two pages: the header repeat goes, a row cut by the break is one task', async () => {
    const header = ['序号', '重点任务', '责任单位', '完成时限'];
    const xs = [40, 80, 330, 460, 555];
    const p1 = ruledTable(xs, [760, 740, 700, 80], [header, ['1', '完成农村公路安全生命防护工程建设', '县交通运输局', '2024年6月底前'], ['2', '实施危旧桥梁改造，完成改造', '县交通运输局', '2024年10月']]);
    const p2 = ruledTable(xs, [800, 780, 740, 700], [header, ['', '危旧桥梁12座', '县财政局', '底前'], ['3', '开展农村客运站点提升行动', '县交通运输局', '2024年12月底前']]);
    const r = await extract(makePdf([
      { texts: [{ text: '某县2024年农村交通建设工作方案', x: 160, y: 800, size: 18 }, ...p1.texts], rules: p1.rules },
      { texts: p2.texts, rules: p2.rules },
    ]));
    expect(r.tasks.map((t) => [t.text, unitsOf(t), t.deadlines.map((d) => d.date), t.where?.page])).toEqual([
      ['完成农村公路安全生命防护工程建设', '县交通运输局*', ['2024-06-30'], 1],
      ['实施危旧桥梁改造，完成改造危旧桥梁12座', '县交通运输局*,县财政局', ['2024-10-31'], 1],
      ['开展农村客运站点提升行动', '县交通运输局*', ['2024-12-31'], 2],
    ]);
  });

  test('a header over two rows (责任单位 over 牵头单位 | 配合单位) names the columns from its lower row', async () => {
    const xs = [40, 80, 300, 390, 480, 555];
    const grid = ruledTable(xs, [760, 740, 720, 680, 640], [
      ['序号', '重点任务', '责任单位', '', '完成时限'],
      [null, null, '牵头单位', '配合单位', null],
      ['1', '建设村级综合服务站20个', '县民政局', '各乡镇', '2024年9月底前'],
      ['2', '开展养老护理员培训', '县人社局', '县民政局', '2024年11月底前'],
    ]);
    // "责任单位" spans two columns: no rule between its two cells in the top row
    const rules = grid.rules.filter((r) => !(r.x1 === 390 && r.x2 === 390));
    rules.push({ x1: 390, y1: 740, x2: 390, y2: 640 });
    const r = await extract(makePdf([{ texts: [{ text: '某县2024年养老服务提升工作方案', x: 160, y: 800, size: 18 }, ...grid.texts], rules }]));
    expect(r.tasks.map((t) => [t.text, unitsOf(t)])).toEqual([
      ['建设村级综合服务站20个', '县民政局*,各乡镇'],
      ['开展养老护理员培训', '县人社局*,县民政局'],
    ]);
  });

  test('a table that assigns nothing is kept as rows of cells, merged rows as one, and gives no task', async () => {
    const grid = ruledTable(XS, [700, 680, 650, 620, 590, 560], [
      ['序号', '事项名称', '材料序号', '申请材料', '材料类型'],
      ['1', '企 业 投 资 项 目 核 准', '1', '项目申请报告', '主审材料'],
      [null, null, '2', '用地预审意见', '容缺材料'],
      ['2', '施工许可', '1', '施工图审查合格书', '主审材料'],
      [null, null, '2', '资金落实承诺书', '主审材料'],
    ]);
    const pdf = makePdf([{
      texts: [{ text: '附件1', x: 40, y: 800, size: 14 }, { text: '投资项目容缺审批事项清单', x: 190, y: 760, size: 18 }, ...grid.texts],
      rules: grid.rules,
    }]);
    const r = await extract(pdf);
    expect(r.tasks).toEqual([]);
    expect(r.document.title).toBe('投资项目容缺审批事项清单');
    expect(r.tables).toEqual([{
      page: 1,
      header: ['序号', '事项名称', '材料序号', '申请材料', '材料类型'],
      rows: [
        ['1', '企业投资项目核准', '1\n2', '项目申请报告\n用地预审意见', '主审材料\n容缺材料'],
        ['2', '施工许可', '1\n2', '施工图审查合格书\n资金落实承诺书', '主审材料'],
      ],
      where: expect.objectContaining({ page: 1 }),
    }]);
  });

  test('a table over two pages is one table: the repeated header goes, a row cut by the break stays one row', async () => {
    const header = ['No', 'Item', 'Material', 'Kind', 'Note'];
    const p1 = ruledTable(XS, [700, 680, 640, 600, 80], [header, ['1', 'alpha', 'a1', 'main', 'x'], ['2', 'beta', 'b1', 'main', 'y'], ['3', 'gamma', 'g1', 'main', 'z']]);
    const p2 = ruledTable(XS, [800, 780, 740, 700], [header, ['', '', 'g2', 'spare', ''], ['4', 'delta', 'd1', 'main', 'w']]);
    const pdf = makePdf([
      { texts: [{ text: '材料清单', x: 250, y: 760, size: 18 }, ...p1.texts, { text: '- 1 -', x: 290, y: 40, size: 12 }], rules: p1.rules },
      { texts: [{ text: '续表', x: 40, y: 810, size: 12 }, ...p2.texts, { text: '- 2 -', x: 290, y: 40, size: 12 }], rules: p2.rules },
    ]);
    const raw = await read(pdf);
    expect(raw.blocks.filter((b) => !b.style?.table).map((b) => b.text)).toEqual(['材料清单']);
    const r = buildResult(raw);
    expect(r.tables).toHaveLength(1);
    expect(r.tables![0]).toMatchObject({ page: 1, pageEnd: 2, header });
    expect(r.tables![0].rows).toEqual([
      ['1', 'alpha', 'a1', 'main', 'x'],
      ['2', 'beta', 'b1', 'main', 'y'],
      ['3', 'gamma', 'g1\ng2', 'main\nspare', 'z'],
      ['4', 'delta', 'd1', 'main', 'w'],
    ]);
  });

  test('borders drawn as boxes or as thin filled bars make the same table', async () => {
    const cells = [['No', 'Name', 'Place', 'Kind', 'Note'], ['1', 'north', 'hill', 'a', 'b'], ['2', 'south', 'river', 'c', 'd']];
    const lines = ruledTable(XS, [700, 680, 660, 640], cells);
    const bars = { ...lines, rules: lines.rules.map((r) => ({ ...r, bar: true })) };
    const boxes = { ...lines, rules: [700, 680, 660].flatMap((top, k) => XS.slice(0, -1).map((x, c) => ({ x1: x, y1: top - 20, x2: XS[c + 1], y2: top, box: true }))) };
    for (const t of [lines, bars, boxes]) {
      const r = await extract(makePdf([{ texts: [{ text: '一、附表', x: 40, y: 760, size: 14 }, ...t.texts], rules: t.rules }]));
      expect(r.tables?.[0]?.rows).toEqual(cells.slice(1));
    }
  });

  test('a notice inside a bordered frame split in two columns by a rule stays running text', async () => {
    const para = '各乡镇人民政府，县直各单位：为切实做好今年的防汛抗旱工作，确保人民群众生命财产安全，现就有关事项通知如下。';
    const texts: PdfText[] = [{ text: '某县人民政府关于做好防汛抗旱工作的通知', x: 120, y: 790, size: 16 }];
    // two columns of 30 lines, 18 characters each
    for (let k = 0; k < 60; k++) texts.push({ text: para.slice((k * 7) % 30, ((k * 7) % 30) + 18), x: k % 2 ? 320 : 60, y: 750 - Math.floor(k / 2) * 22, size: 12 });
    const rules = [
      { x1: 40, y1: 80, x2: 560, y2: 80 }, { x1: 40, y1: 770, x2: 560, y2: 770 },
      { x1: 40, y1: 80, x2: 40, y2: 770 }, { x1: 560, y1: 80, x2: 560, y2: 770 }, { x1: 300, y1: 80, x2: 300, y2: 770 },
    ];
    const raw = await read(makePdf([{ texts, rules }]));
    expect(raw.blocks.some((b) => b.style?.table)).toBe(false);
  });

  test('a page number drawn in pieces right to left goes whole', async () => {
    const body: PdfText[] = [
      { text: '关于做好防汛工作的通知', x: 200, y: 780, size: 18 },
      { text: '各乡镇：请做好防汛准备工作。', x: 60, y: 740, size: 12 },
    ];
    const number: PdfText[] = [{ text: '—', x: 320, y: 40, size: 13 }, { text: '8', x: 300, y: 38, size: 13 }, { text: '—', x: 280, y: 40, size: 13 }];
    const raw = await read(makePdf([{ texts: [...body, ...number] }]));
    expect(raw.blocks.map((b) => b.text)).toEqual(['关于做好防汛工作的通知', '各乡镇：请做好防汛准备工作。']);
  });
});

// A dev check on the real table PDF where the shared corpus is present (skipped elsewhere).
const REAL = new URL('../../../shared/corpus/real/jiangxi-2020-rongque-fujian.pdf', import.meta.url).pathname;
describe.skipIf(!existsSync(REAL))('the real 24-page table attachment (shared corpus)', () => {
  test('no task; its 事项 as rows of one table; letter spacing and page numbers gone', async () => {
    const r = buildResult(await readDocumentBytes(new Uint8Array(readFileSync(REAL)), REAL));
    expect(r.tasks).toEqual([]);
    expect(r.tables).toHaveLength(1);
    const t = r.tables![0];
    expect(t).toMatchObject({ page: 1, pageEnd: 24, header: ['序号', '事项名称', '事项类别', '事项办理项目范围', '材料序号', '申请材料', '材料提供适用情形', '材料类型'] });
    const items = t.rows.filter((row) => /^\d+$/u.test(row[0]));
    expect(items.map((row) => Number(row[0]))).toEqual(Array.from({ length: items.length }, (_, k) => k + 1));
    expect(items.length).toBeGreaterThanOrEqual(38);
    expect(items[0][1]).toBe('企业投资项目核准');
    expect(t.rows.flat().some((c) => /[\u4e00-\u9fff] [\u4e00-\u9fff]/u.test(c))).toBe(false);
  }, 60_000);
});
