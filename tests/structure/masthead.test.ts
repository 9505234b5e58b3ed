// Red-header (红头) files: the 发文字号 and the title are found however the template lays out the 版头 —
// number centred, left or right, above or below the red line, beside 签发人, stacked joint names,
// letter-spaced names, a title over two or three lines. Text layouts, and DOCX files built here.
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import type { Block, RawDocument } from '../../src/model.js';
import { readDocumentBytes } from '../../src/pipeline.js';
import { normalizeBlocks } from '../../src/normalize/index.js';
import { structureDocument } from '../../src/structure/layers.js';
import { withoutColumnName } from '../../src/structure/titles.js';

// through normalize, as a reader's blocks would come: [2024] and （2024） become 〔2024〕 there
const blocks = (lines: string[]): Block[] => normalizeBlocks(lines.map((text) => ({ text })), []);
const BODY = ['各市、县农业农村局：', '一、工作要求', '各市县农业农村局要于6月底前完成春播备耕工作。', '某省农业农村厅', '2024年3月1日'];

const LAYOUTS: [string, string[], { number: string; title: string; issuer: string }][] = [
  ['number centred above the red line', ['某省农业农村厅文件', '琼农发〔2024〕12号', '━━━━━━━━━━━━━━━━━━', '关于做好2024年春耕生产工作的通知'],
    { number: '琼农发〔2024〕12号', title: '关于做好2024年春耕生产工作的通知', issuer: '某省农业农村厅' }],
  ['number below the red line, pushed right', ['某省农业农村厅文件', '________________________________', '                              琼农发[2024]12号', '关于做好2024年春耕生产', '工作的通知'],
    { number: '琼农发〔2024〕12号', title: '关于做好2024年春耕生产工作的通知', issuer: '某省农业农村厅' }],
  ['number left, 签发人 right (上行文)', ['某省农业农村厅文件', '琼农报〔2024〕3号                    签发人：张三', '关于2024年春耕生产', '工作情况的报告'],
    { number: '琼农报〔2024〕3号', title: '关于2024年春耕生产工作情况的报告', issuer: '某省农业农村厅' }],
  ['签发人 left, number right', ['某省农业农村厅文件', '签发人：张三                 琼农报〔2024〕3号', '关于2024年春耕生产', '工作情况的报告'],
    { number: '琼农报〔2024〕3号', title: '关于2024年春耕生产工作情况的报告', issuer: '某省农业农村厅' }],
  ['joint names stacked, 文件 on its own line', ['某省农业农村厅', '某省财政厅', '文件', '琼农联发〔2024〕2号', '关于印发某省农机购置', '与应用补贴', '实施方案的通知'],
    // a 印发通知 names the plan it carries: that plan is the document's title
    { number: '琼农联发〔2024〕2号', title: '某省农机购置与应用补贴实施方案', issuer: '某省农业农村厅 某省财政厅' }],
  ['letter-spaced masthead, title over three lines', ['某 省 农 业 农 村 厅 文 件', '琼农发（2024）7号', '关于进一步加强', '农机安全生产', '工作的通知'],
    { number: '琼农发〔2024〕7号', title: '关于进一步加强农机安全生产工作的通知', issuer: '某省农业农村厅' }],
  ['number first, then the issuer over the title (函)', ['琼农函〔2024〕45号', '某省农业农村厅', '关于商请支持春耕生产的函'],
    { number: '琼农函〔2024〕45号', title: '关于商请支持春耕生产的函', issuer: '某省农业农村厅' }],
];

describe('red-header layouts in text', () => {
  test.each(LAYOUTS)('%s', (_, head, want) => {
    const doc = structureDocument(blocks([...head, ...BODY]));
    expect(doc.meta.docNumber?.text).toBe(want.number);
    expect(doc.meta.title).toBe(want.title);
    expect(doc.meta.issuer).toBe(want.issuer);
    // every header line is 版头 or title, never body: no task is made of it
    const layers = doc.blocks.map((b) => b.layer);
    const top = layers.slice(0, layers.indexOf('recipients'));
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((l) => l === 'masthead' || l === 'title')).toBe(true);
    const tasks = buildResult({ source: { path: 'x.txt', format: 'txt', sha256: '0' }, blocks: blocks([...head, ...BODY]), messages: [] }).tasks;
    expect(tasks.map((t) => t.text)).toEqual(['各市县农业农村局要于6月底前完成春播备耕工作。']);
  });
});

// --- DOCX built here: paragraphs with alignment, red runs, a table holding number and 签发人 -------
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
type Para = string | { text: string; align?: 'center' | 'right' | 'left'; red?: boolean; size?: number };
const para = (p: Para) => {
  const { text, align, red, size } = typeof p === 'string' ? { text: p } : p;
  const ppr = align ? `<w:pPr><w:jc w:val="${align}"/></w:pPr>` : '';
  const rpr = red || size ? `<w:rPr>${red ? '<w:color w:val="FF0000"/>' : ''}${size ? `<w:sz w:val="${size}"/>` : ''}</w:rPr>` : '';
  return `<w:p>${ppr}<w:r>${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
};
const table = (cells: string[]) =>
  `<w:tbl><w:tr>${cells.map((c) => `<w:tc><w:p><w:r><w:t>${esc(c)}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr></w:tbl>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const DOCX_BODY = ['各市、县农业农村局：', '一、工作要求', '各市县农业农村局要于6月底前完成春播备耕工作。', { text: '某省农业农村厅', align: 'right' as const }, { text: '2024年3月1日', align: 'right' as const }].map(para).join('');

describe('red-header DOCX files', () => {
  test.each([
    ['red masthead, number centred, title over two lines', [
      para({ text: '某省农业农村厅文件', align: 'center', red: true, size: 72 }),
      para({ text: '琼农发〔2024〕12号', align: 'center' }),
      para({ text: '关于做好2024年春耕生产', align: 'center', size: 44 }),
      para({ text: '工作的通知', align: 'center', size: 44 }),
    ].join('')],
    ['number and 签发人 in a two-cell table under the masthead', [
      para({ text: '某省农业农村厅文件', align: 'center', red: true }),
      table(['琼农发〔2024〕12号', '签发人：张三']),
      para({ text: '关于做好2024年春耕生产工作的通知', align: 'center' }),
    ].join('')],
    ['number right-aligned below a rule line', [
      para({ text: '某省农业农村厅文件', align: 'center', red: true }),
      para({ text: '━━━━━━━━━━━━━━━━━━━━━━', red: true }),
      para({ text: '琼农发〔2024〕12号', align: 'right' }),
      para({ text: '关于做好2024年春耕', align: 'center' }),
      para({ text: '生产', align: 'center' }),
      para({ text: '工作的通知', align: 'center' }),
    ].join('')],
  ])('%s', async (_, head) => {
    const raw: RawDocument = await readDocumentBytes(await docx(head + DOCX_BODY), 'notice.docx');
    const result = buildResult(raw);
    expect(result.document.docNumber?.text).toBe('琼农发〔2024〕12号');
    expect(result.document.title).toBe('关于做好2024年春耕生产工作的通知');
    expect(result.document.issuer).toBe('某省农业农村厅');
    expect(result.document.date).toBe('2024-03-01');
    expect(result.tasks.map((t) => t.text)).toEqual(['各市县农业农村局要于6月底前完成春播备耕工作。']);
  });
});

describe('a portal column name glued before the title', () => {
  test.each([
    ['江西省人民政府 政策文件 江西省人民政府办公厅关于促进婴幼儿照护服务发展的实施意见', '江西省人民政府办公厅关于促进婴幼儿照护服务发展的实施意见'],
    ['某市人民政府规范性文件某市人民政府关于加强城市管理的意见', '某市人民政府关于加强城市管理的意见'],
    ['信息公开 关于做好防汛工作的通知', '关于做好防汛工作的通知'],
    // the words inside a real title stay
    ['关于印发《某县规范性文件管理办法》的通知', '关于印发《某县规范性文件管理办法》的通知'],
    ['某省政策法规汇编', '某省政策法规汇编'],
    ['某县人民政府信息公开工作年度报告', '某县人民政府信息公开工作年度报告'],
  ])('%s', (raw, title) => expect(withoutColumnName(raw)).toBe(title));

  test('the issuer is read from the title once the column name is gone', () => {
    const m = structureDocument(blocks(['某省人民政府 政策文件 某省人民政府办公厅关于促进婴幼儿照护服务发展的实施意见', '各市、县人民政府，省政府各部门：', '一、加强领导', '各地要于年底前出台实施方案。', '省政府办公厅', '2020年3月1日'])).meta;
    expect([m.title, m.issuer]).toEqual(['某省人民政府办公厅关于促进婴幼儿照护服务发展的实施意见', '某省人民政府办公厅']);
  });
});
