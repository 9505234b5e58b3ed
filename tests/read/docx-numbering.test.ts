// Word's automatic numbering, counted the way Word counts it, and written back in front of the
// paragraph text by readDocx. Fixtures: scripts/make-numbered-docx.py.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../src/read/docx-number-format.js';
import { labelParagraphs } from '../../src/read/docx-numbering.js';
import { applyNumberLabels, htmlFragmentToBlocks, readDocx, type MammothNode } from '../../src/read/docx.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'docx');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

// ---- tiny WordprocessingML builders -------------------------------------------------------------
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const numPr = (numId?: number, ilvl?: number) =>
  numId === undefined ? '' : `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const p = (text: string, numId?: number, ilvl?: number, style?: string, extra = '') =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numPr(numId, ilvl)}${extra}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const doc = (...body: string[]) => `<w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
const lvl = (ilvl: number, fmt: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${more}</w:lvl>`;
const abstractNum = (id: number, ...levels: string[]) => `<w:abstractNum w:abstractNumId="${id}">${levels.join('')}</w:abstractNum>`;
const num = (numId: number, abstractId: number, overrides = '') => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const numbering = (...parts: string[]) => `<w:numbering ${W}>${parts.join('')}</w:numbering>`;
const styles = (...s: string[]) => `<w:styles ${W}>${s.join('')}</w:styles>`;

/** The 公文 four levels: 一、 （一） 1. （1）. */
const GOVT = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'chineseCounting', '（%2）'), lvl(2, 'decimal', '%3.'), lvl(3, 'decimal', '（%4）'));

const labels = (document: string, numberingXml: string, stylesXml?: string) =>
  labelParagraphs({ document, numbering: numberingXml, styles: stylesXml }).map((l) => (l.label ? l.label.text : null));

// ---- number formats ----------------------------------------------------------------------------
describe('formatNumber', () => {
  const cases: [number, string, string][] = [
    [1, 'decimal', '1'],
    [12, 'decimal', '12'],
    [3, 'decimalZero', '03'],
    [12, 'decimalFullWidth', '１２'],
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [21, 'chineseCountingThousand', '二十一'],
    [105, 'chineseCountingThousand', '一百零五'],
    [110, 'chineseCountingThousand', '一百一十'],
    [1010, 'chineseCountingThousand', '一千零一十'],
    [10010, 'chineseCountingThousand', '一万零一十'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [2, 'ideographLegalTraditional', '貳'],
    [10, 'ideographDigital', '一〇'],
    // ideographTraditional is the heavenly stems (ECMA-376 §17.18.59; LibreOffice reads it as TIAN_GAN_ZH)
    [3, 'ideographTraditional', '丙'],
    [11, 'ideographTraditional', '11'],
    [3, 'ideographZodiac', '寅'],
    [3, 'upperLetter', 'C'],
    [27, 'upperLetter', 'AA'],
    [28, 'lowerLetter', 'bb'],
    [4, 'upperRoman', 'IV'],
    [14, 'lowerRoman', 'xiv'],
    [1, 'decimalEnclosedCircle', '①'],
    [20, 'decimalEnclosedCircleChinese', '⑳'],
    [21, 'decimalEnclosedCircle', '21'],
    [3, 'ideographEnclosedCircle', '㈢'],
    [2, 'decimalEnclosedParen', '⑵'],
    [2, 'decimalEnclosedFullstop', '⒉'],
    [2, 'none', ''],
    [2, 'ordinal', '2'],
  ];
  test.each(cases)('%i as %s → %s', (n, fmt, want) => expect(formatNumber(n, fmt)).toBe(want));
});

// ---- counting ----------------------------------------------------------------------------------
describe('labelParagraphs', () => {
  test('the four 公文 levels, lower levels restarting when a higher one advances', () => {
    const d = doc(
      p('标题'), p('总体要求', 1, 0), p('正文。'), p('重点任务', 1, 0), p('推进改厕', 1, 1), p('完成任务', 1, 2), p('建立机制', 1, 2),
      p('明确主体', 1, 3), p('落实经费', 1, 3), p('治理垃圾', 1, 1), p('配齐设施', 1, 2), p('明确主体', 1, 3), p('保障措施', 1, 0), p('加强领导', 1, 1),
    );
    expect(labels(d, numbering(GOVT, num(1, 0)))).toEqual([
      null, '一、', null, '二、', '（一）', '1.', '2.', '（1）', '（2）', '（二）', '1.', '（1）', '三、', '（一）',
    ]);
  });

  const forms: [string, string, string[]][] = [
    ['%1、', 'chineseCounting', ['一、', '二、']],
    ['（%1）', 'chineseCountingThousand', ['（一）', '（二）']],
    ['%1.', 'decimal', ['1.', '2.']],
    ['(%1)', 'decimal', ['(1)', '(2)']],
    ['%1）', 'decimal', ['1）', '2）']],
    ['第%1条', 'chineseCounting', ['第一条', '第二条']],
    ['%1', 'decimalEnclosedCircle', ['①', '②']],
    ['%1.', 'upperLetter', ['A.', 'B.']],
    ['%1', 'bullet', ['', '']],
  ];
  test.each(forms)('lvlText %s in %s', (text, fmt, want) => {
    expect(labels(doc(p('甲', 1, 0), p('乙', 1, 0)), numbering(abstractNum(0, lvl(0, fmt, text)), num(1, 0)))).toEqual(want);
  });

  test('%1.%2 takes each level in its own format; w:isLgl makes them all decimal', () => {
    const plain = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%1.%2'));
    const legal = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%1.%2', '<w:isLgl/>'));
    const d = doc(p('甲', 1, 0), p('乙', 1, 0), p('丙', 1, 1));
    expect(labels(d, numbering(plain, num(1, 0)))).toEqual(['一、', '二、', '二.1']);
    expect(labels(d, numbering(legal, num(1, 0)))).toEqual(['一、', '二、', '2.1']);
  });

  test('a level used before its parent counts the parent as 0, as Word shows "0.1"', () => {
    const a = abstractNum(0, lvl(0, 'decimal', '%1.'), lvl(1, 'decimal', '%1.%2'));
    expect(labels(doc(p('甲', 1, 1)), numbering(a, num(1, 0)))).toEqual(['0.1']);
  });

  test('w:start: a list that begins at 三', () => {
    const a = abstractNum(0, lvl(0, 'chineseCounting', '%1、').replace('<w:start w:val="1"/>', '<w:start w:val="3"/>'));
    expect(labels(doc(p('甲', 1, 0), p('乙', 1, 0)), numbering(a, num(1, 0)))).toEqual(['三、', '四、']);
  });

  test('w:lvlRestart 0: a level that keeps counting across its parents', () => {
    const a = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>'));
    expect(labels(doc(p('甲', 1, 0), p('乙', 1, 1), p('丙', 1, 0), p('丁', 1, 1)), numbering(a, num(1, 0)))).toEqual(['一、', '1.', '二、', '2.']);
  });

  test('two w:num of one abstract continue each other; w:startOverride restarts', () => {
    const restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>';
    const d = doc(p('甲', 1, 0), p('乙', 1, 0), p('丙', 2, 0), p('丁', 3, 0), p('戊', 3, 0));
    expect(labels(d, numbering(GOVT, num(1, 0), num(2, 0), num(3, 0, restart)))).toEqual(['一、', '二、', '三、', '一、', '二、']);
  });

  test('a w:lvlOverride level replaces the abstract one for that list only', () => {
    const override = `<w:lvlOverride w:ilvl="0">${lvl(0, 'decimal', '%1)')}</w:lvlOverride>`;
    expect(labels(doc(p('甲', 1, 0), p('乙', 2, 0)), numbering(GOVT, num(1, 0), num(2, 0, override)))).toEqual(['一、', '2)']);
  });

  test('numbering carried by heading styles, through w:basedOn, switched off by numId 0', () => {
    const st = styles(
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="a9"><w:name w:val="小标题"/><w:basedOn w:val="2"/></w:style>',
    );
    const d = doc(p('目标', undefined, undefined, '1'), p('正文'), p('措施', undefined, undefined, '1'), p('保障', undefined, undefined, '2'),
      p('检修', undefined, undefined, 'a9'), p('附件', 0, undefined, '1'), p('要求', undefined, undefined, '1'));
    expect(labels(d, numbering(GOVT, num(5, 0)), st)).toEqual(['一、', null, '二、', '（一）', '（二）', null, '三、']);
  });

  test('a level tied to a style by w:pStyle gives the level of a style numbered without w:ilvl', () => {
    const st = styles('<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>');
    const a = abstractNum(0, lvl(0, 'chineseCounting', '%1、'), lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>'));
    expect(labels(doc(p('甲', 1, 0), p('乙', undefined, undefined, 'H2')), numbering(a, num(1, 0)), st)).toEqual(['一、', '（一）']);
  });

  test('w:numStyleLink: the levels live in the abstract the numbering style points to', () => {
    const st = styles('<w:style w:type="numbering" w:styleId="GovList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>');
    const n = numbering(GOVT, abstractNum(1, '<w:numStyleLink w:val="GovList"/>'), num(1, 0), num(2, 1));
    expect(labels(doc(p('甲', 2, 0), p('乙', 2, 1)), n, st)).toEqual(['一、', '（一）']);
  });

  test('paragraphs in table cells are counted in document order', () => {
    const tbl = `<w:tbl><w:tblPr/><w:tr><w:tc>${p('表内', 1, 0)}</w:tc><w:tc>${p('说明')}</w:tc></w:tr></w:tbl>`;
    expect(labelParagraphs({ document: doc(p('前', 1, 0), tbl, p('后', 1, 0)), numbering: numbering(GOVT, num(1, 0)) })
      .map((l) => [l.text, l.label?.text ?? null])).toEqual([['前', '一、'], ['表内', '二、'], ['说明', null], ['后', '三、']]);
  });

  test('a text box paragraph follows the paragraph holding it; a deleted paragraph mark joins the next', () => {
    const box = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('框内')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const holder = `<w:p><w:r><w:t>框前</w:t></w:r>${box}<w:r><w:t>框后</w:t></w:r></w:p>`;
    const deleted = `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>删前</w:t></w:r></w:p>`;
    const got = labelParagraphs({ document: doc(holder, deleted, p('合并', 1, 0)), numbering: numbering(GOVT, num(1, 0)) });
    expect(got.map((l) => [l.text, l.label?.text ?? null])).toEqual([['框前框后', null], ['框内', null], ['删前合并', '一、']]);
  });

  test('a numId with no w:num, or a level with no w:lvl, gives no label', () => {
    expect(labels(doc(p('甲', 9, 0), p('乙', 1, 5)), numbering(GOVT, num(1, 0)))).toEqual([null, null]);
  });
});

// ---- writing labels into mammoth's tree ---------------------------------------------------------
describe('applyNumberLabels', () => {
  const run = (value: string, isBold = false): MammothNode => ({ type: 'run', isBold, children: [{ type: 'text', value }] });
  const para = (...runs: MammothNode[]): MammothNode => ({ type: 'paragraph', children: runs });
  const tree = (...paras: MammothNode[]): MammothNode => ({ type: 'document', children: paras });
  const text = (n: MammothNode): string => (n.type === 'text' ? n.value ?? '' : (n.children ?? []).map(text).join(''));
  const lab = (t: string, label: string | null, suffix: 'tab' | 'space' | 'nothing' = 'tab') => ({ text: t, label: label === null ? null : { text: label, suffix } });

  test('each label goes in front of its paragraph, bold when the paragraph starts bold', () => {
    const d = tree(para(run('总体要求', true)), para(run('正文。')), para(run('推进改厕')));
    applyNumberLabels(d, [lab('总体要求', '一、'), lab('正文。', null), lab('推进改厕', '（一）')]);
    expect(d.children!.map(text)).toEqual(['一、总体要求', '正文。', '（一）推进改厕']);
    expect(d.children![0].children![0]).toMatchObject({ type: 'run', isBold: true, children: [{ type: 'text', value: '一、' }] });
    expect(d.children![2].children![0]).toMatchObject({ isBold: false });
  });

  test.each([
    ['1.', '2024年底前完成', 'tab', '1. 2024年底前完成'],
    ['第一条', '为了规范管理', 'tab', '第一条 为了规范管理'],
    ['第一条', '为了规范管理', 'nothing', '第一条为了规范管理'],
    ['（1）', '明确主体', 'tab', '（1）明确主体'],
    ['一、', '2024年工作安排', 'tab', '一、2024年工作安排'],
    ['(1)', '2024年底前完成', 'tab', '(1) 2024年底前完成'],
  ] as const)('%s + %s (%s) → %s', (label, body, suffix, want) => {
    const d = tree(para(run(body)));
    applyNumberLabels(d, [lab(body, label, suffix)]);
    expect(text(d)).toBe(want);
  });

  test('a number also typed by hand is not written twice', () => {
    const d = tree(para(run('一、总体要求')));
    applyNumberLabels(d, [lab('一、总体要求', '一、')]);
    expect(text(d)).toBe('一、总体要求');
  });

  test('paragraph counts that disagree: no label anywhere', () => {
    const d = tree(para(run('甲')), para(run('乙')));
    applyNumberLabels(d, [lab('甲', '一、')]);
    expect(d.children!.map(text)).toEqual(['甲', '乙']);
  });

  test('a paragraph whose words disagree: no label anywhere', () => {
    const d = tree(para(run('总体要求')), para(run('重点任务')));
    applyNumberLabels(d, [lab('总体要求', '一、'), lab('保障措施', '二、')]);
    expect(d.children!.map(text)).toEqual(['总体要求', '重点任务']);
  });

  test('paragraphs in table cells line up in document order', () => {
    const cell = (...c: MammothNode[]): MammothNode => ({ type: 'tableCell', children: c });
    const table: MammothNode = { type: 'table', children: [{ type: 'tableRow', children: [cell(para(run('表内'))), cell(para(run('说明')))] }] };
    const d = tree(para(run('前')), table, para(run('后')));
    applyNumberLabels(d, [lab('前', '一、'), lab('表内', '二、'), lab('说明', null), lab('后', '三、')]);
    expect([text(d.children![0]), text(table), text(d.children![2])]).toEqual(['一、前', '二、表内说明', '三、后']);
  });
});

// ---- whole files -------------------------------------------------------------------------------
describe('readDocx with automatic numbering', () => {
  test('numbered-lists.docx: the numbers are not in the text, readDocx puts them back', async () => {
    const bytes = fixture('numbered-lists.docx');
    expect((await mammoth.extractRawText({ buffer: bytes })).value).not.toMatch(/一、|（一）|1\./u);
    expect(await readDocx(bytes)).toEqual([
      { text: '关于开展村庄清洁行动的工作方案' },
      { text: '为改善村庄人居环境，结合本县实际，制定本方案。' },
      { text: '一、总体要求', style: { bold: true } },
      { text: '以村容整洁为目标，分步推进各项工作。' },
      { text: '二、重点任务', style: { bold: true } },
      { text: '（一）推进厕所改造' },
      { text: '1.完成改厕任务' },
      { text: '2.建立管护机制' },
      { text: '（1）明确管护主体' },
      { text: '（2）落实管护经费' },
      { text: '（二）治理生活垃圾' },
      { text: '1. 2024年底前配齐收运设施' },
      { text: '三、保障措施', style: { bold: true } },
      { text: '序号\t任务\t责任单位', style: { table: true } },
      { text: '①\t清理农户庭院\t乡镇政府', style: { table: true } },
      { text: '②\t整治村内道路\t交通运输局', style: { table: true } },
      { text: '各乡镇每月报送进展。' },
      { text: '（一）加强督促检查' },
    ]);
  });

  test('numbered-headings.docx: heading styles carry the numbering', async () => {
    expect(await readDocx(fixture('numbered-headings.docx'))).toEqual([
      { text: '关于做好冬季供暖保障工作的通知' },
      { text: '各乡镇人民政府：' },
      { text: '一、工作目标', style: { heading: 1 } },
      { text: '确保居民室温达到规定标准。' },
      { text: '二、主要措施', style: { heading: 1 } },
      { text: '（一）加强热源保障', style: { heading: 2 } },
      { text: '1.储备燃煤', style: { heading: 3 } },
      { text: '2.检修管网' },
      { text: '（二）做好应急处置', style: { heading: 2 } },
      { text: '供暖热线', style: { heading: 1 } },
      { text: '三、工作要求', style: { heading: 1 } },
    ]);
  });

  test('plain.docx has no numbering.xml and reads exactly as mammoth alone gives it', async () => {
    const bytes = fixture('plain.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const blocks = await readDocx(bytes);
    expect(blocks).toEqual(htmlFragmentToBlocks(html));
    expect(blocks.map((b) => b.text)).toEqual(['关于报送统计数据的通知', '一、报送内容', '请于6月30日前报送。']);
  });

  test('a nested list item is its own block, not part of its parent item', () => {
    expect(htmlFragmentToBlocks('<ol><li>重点任务<ol><li>推进改厕</li><li>治理垃圾</li></ol></li><li>保障措施</li></ol>').map((b) => b.text))
      .toEqual(['重点任务', '推进改厕', '治理垃圾', '保障措施']);
  });
});
