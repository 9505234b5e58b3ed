// A portal page saved as PDF from the browser: the browser's print margins (time, page title, URL,
// "1/2") written after the page's text, a breadcrumb whose crumbs wrap inside their own boxes, a
// title set smaller than the article, a byline with the site's counters, a project table cut by
// the page edge. Each page here is made up, in several fields, and built by tests/read/make-pdf.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import { readDocumentBytes } from '../../src/pipeline.js';
import { isPrintStamp } from '../../src/lexicon/lines.js';
import { bylineLine } from '../../src/lexicon/page-record.js';
import { dropPrintMargins } from '../../src/read/pdf-furniture.js';
import { groupLines, joinSideBySideBoxes, linesToParagraphs, type PdfLine, type TextItem } from '../../src/read/pdf-lines.js';
import { findGrids, readGrid } from '../../src/read/pdf-tables.js';
import type { Rule } from '../../src/read/pdf-rules.js';
import { makePdf, type PdfPage, type PdfRule, type PdfText } from './make-pdf.js';

const read = (pdf: Uint8Array) => readDocumentBytes(pdf, 'printed.pdf');
const extract = async (pdf: Uint8Array) => buildResult(await read(pdf));

const BODY = 12;
const LEFT = 60;
const PER_LINE = 38;
const LINE_GAP = 24;

/** A paragraph set as a browser sets it: first line indented two characters, the rest full width. */
function paragraph(text: string, y: number, size = BODY): { texts: PdfText[]; y: number } {
  const chars = [...text];
  const texts: PdfText[] = [];
  let first = true;
  while (chars.length) {
    const take = first ? PER_LINE - 2 : PER_LINE;
    texts.push({ text: chars.splice(0, take).join(''), x: first ? LEFT + 2 * size : LEFT, y, size });
    first = false;
    y -= LINE_GAP;
  }
  return { texts, y: y - 8 };
}

/** What Chrome prints around each page, written after the page's own text as Chrome writes it. */
function margins(title: string, url: string, n: number, of: number): PdfText[] {
  return [
    { text: '3/1/24, 9:05 AM', x: 20, y: 826, size: 8 },
    { text: title, x: 200, y: 825, size: 8 },
    { text: url, x: 20, y: 12, size: 8 },
    { text: `${n}/${of}`, x: 560, y: 12, size: 8 },
  ];
}

/** "当前位置：首页 > 政务公开目录 > 通知公告", each crumb wrapped in its own narrow box. */
const BREADCRUMB: PdfText[] = [
  { text: '当前位置：', x: 40, y: 805, size: 11 },
  { text: '首', x: 48, y: 785, size: 11 },
  { text: '页', x: 48, y: 765, size: 11 },
  { text: '> 政务公开目', x: 70, y: 785, size: 11 },
  { text: '录', x: 70, y: 765, size: 11 },
  { text: '> 通知公', x: 150, y: 785, size: 11 },
  { text: '告', x: 150, y: 765, size: 11 },
];

const texts = (doc: { blocks: { text: string }[] }) => doc.blocks.map((b) => b.text);
const FURNITURE = /AM|https?:|\/2$|首页|当前位置|政务公开目录|浏览次数|字体/u;

describe('a plan page printed with the browser header and footer', () => {
  const title = '某县交通运输局关于做好2024年农村公路养护工作的通知';
  const url = 'https://www.example.gov.cn/art/2024/3/1/art_1234_5678.html';
  const p1: PdfText[] = [...BREADCRUMB, { text: title, x: 40, y: 730, size: 11 }, { text: '各乡镇人民政府，县直有关单位：', x: LEFT, y: 700, size: BODY }];
  let y = 676;
  for (const para of [
    '为加强农村公路养护管理，提升路况水平，现就有关事项通知如下。',
    '一、落实养护责任。各乡镇要在4月30日前完成辖区农村公路路况调查，建立养护台账，明确每条道路的养护责任人和养护标准。',
    '二、加强日常巡查。县公路事业发展中心负责每月组织一次全县农村公路巡查，发现坑槽、塌陷等病害的，要在7日内完成修补，确保道路安全畅通，巡查结果每季度向县交通运输局报告一次，并在县政府网站公开接受群众监督。',
  ]) {
    const p = paragraph(para, y);
    p1.push(...p.texts);
    y = p.y;
  }
  // the last paragraph runs on over the page break: its last line of page 1 fills the column
  const cut = paragraph('三、保障养护资金。县财政局要将农村公路养护资金纳入年度预算，按每公里每年不低于1000元的标准足额安排，并于6月底前拨付到位，', y);
  p1.push(...cut.texts);
  const p2: PdfText[] = [
    { text: '不得截留挪用。', x: LEFT, y: 790, size: BODY },
    ...paragraph('四、强化督查考核。县交通运输局要把养护工作纳入年度考核，对工作不力的乡镇予以通报。', 760).texts,
    { text: '某县交通运输局', x: 380, y: 660, size: BODY },
    { text: '2024年3月1日', x: 390, y: 636, size: BODY },
  ];
  const pages: PdfPage[] = [
    { texts: [...p1, ...margins(title, url, 1, 2)] },
    { texts: [...p2, ...margins(title, url, 2, 2)] },
  ];
  const pdf = makePdf(pages);

  test('the margins, the breadcrumb and its label are gone from the text', async () => {
    const doc = await read(pdf);
    expect(texts(doc).filter((t) => FURNITURE.test(t))).toEqual([]);
    expect(texts(doc).filter((t) => [...t].length <= 2)).toEqual([]);
    expect(texts(doc)[0]).toBe(title);
  });

  test('the paragraph cut by the page break is one again, the margins no longer between its halves', async () => {
    const doc = await read(pdf);
    expect(texts(doc)).toContain('三、保障养护资金。县财政局要将农村公路养护资金纳入年度预算，按每公里每年不低于1000元的标准足额安排，并于6月底前拨付到位，不得截留挪用。');
  });

  test('title, issuer, date and the four tasks are read as from the page itself', async () => {
    const r = await extract(pdf);
    expect(r.document).toMatchObject({ title, docType: '通知', isPlan: true, date: '2024-03-01' });
    expect(r.tasks.map((t) => t.text.slice(0, 8))).toEqual(['一、落实养护责任', '二、加强日常巡查', '三、保障养护资金', '四、强化督查考核']);
    expect(r.tasks.filter((t) => FURNITURE.test(t.text))).toEqual([]);
  });
});

describe('a 解读 printed without CSS: a smaller title over the first paragraph', () => {
  const title = '《某市关于促进城乡公共交通优先发展提升群众出行便利度的实施意见》政策解读';
  const first = '为贯彻落实国家关于城市公共交通优先发展的部署要求，进一步提升城乡群众出行的便利度和满意度，市交通运输局会同市发展改革委、市财政局、市自然资源局等有关部门起草了实施意见，现就主要内容解读如下。';
  const page: PdfPage = {
    texts: [
      ...BREADCRUMB,
      { text: title, x: 40, y: 730, size: 11 },
      { text: '发布日期：2024-05-20 10:15 浏览次数：字体：[大 中 小]', x: 40, y: 705, size: 11 },
      ...paragraph(first, 680).texts,
      ...paragraph('一、要加快公交专用道建设，到2025年底全市建成公交专用道50公里以上，新增和更新新能源公交车300辆，城区公交站点500米覆盖率达到100%。', 560).texts,
    ],
  };

  test('the title stays apart from the paragraph under it, and the page is no plan', async () => {
    const r = await extract(makePdf([page]));
    expect(r.document.title).toBe(title);
    expect(r.document.isPlan).toBe(false);
    expect(r.tasks).toEqual([]);
  });

  test('with no byline between them, the title still stays apart from the first paragraph', async () => {
    const bare: PdfPage = { texts: page.texts.filter((t) => !t.text.startsWith('发布日期')) };
    const r = await extract(makePdf([bare]));
    expect(r.document.title).toBe(title);
    expect((await read(makePdf([bare]))).blocks.map((b) => b.text)).toContain(first);
  });

  test('the byline line gives the date as the HTML reader reads it, counters and size control gone', async () => {
    const doc = await read(makePdf([page]));
    expect(texts(doc)).toContain('2024-05-20');
    expect(texts(doc).filter((t) => FURNITURE.test(t))).toEqual([]);
    expect((await extract(makePdf([page]))).document.date).toBe('2024-05-20');
  });
});

describe('print stamps', () => {
  const cases: [string, boolean][] = [
    ['12/2/26, 12:59 AM', true],
    ['2026/12/2 00:59', true],
    ['2024-03-01 下午3:05', true],
    ['2024年3月1日 09:05', true],
    ['file:///home/user/下载/通知.html', true],
    ['https://www.example.gov.cn/art/2024/3/1/art_1.html', true],
    ['3/9', true],
    ['2 of 5', true],
    ['2024年3月1日', false],
    ['网址：https://www.example.gov.cn', false],
    ['全市共建成托位1200个', false],
  ];
  test.each(cases)('%s → %s', (line, want) => expect(isPrintStamp(line)).toBe(want));

  const line = (text: string, y: number, size: number, x = 40): PdfLine => ({ text, x, right: x + [...text].length * size, y, size, page: 1 });
  test('a top row in body size is text, even with a date and time in it', () => {
    const lines = [line('2024年3月1日 09:05', 800, 12), line('各学校要做好开学准备。', 770, 12), line('卫生防疫工作同步部署。', 746, 12)];
    expect(dropPrintMargins(lines).map((l) => l.text)).toEqual(lines.map((l) => l.text));
  });
  test('the small top and bottom rows with a stamp go, the page title beside the time with them', () => {
    const lines = [
      line('各医疗机构要落实预检分诊制度。', 780, 12), line('发热门诊24小时开放。', 756, 12),
      line('3/1/24, 9:05 AM', 826, 8, 20), line('某市卫生健康委关于加强春季传染病防控的通知', 825, 8, 200),
      line('https://wsjkw.example.gov.cn/a.html', 12, 8, 20), line('1/1', 12, 8, 560),
    ];
    expect(dropPrintMargins(lines).map((l) => l.text)).toEqual(['各医疗机构要落实预检分诊制度。', '发热门诊24小时开放。']);
  });
});

describe('bylines as a printed page keeps them', () => {
  const cases: [string, string | null][] = [
    ['发布日期：2024-05-20 10:15 浏览次数：字体：[大 中 小]', '2024-05-20'],
    ['发布时间：2023-11-02 来源：市农业农村局 【打印】【关闭】', '2023-11-02 来源:市农业农村局'],
    ['2022年06月08日 08:30 来源:某市金融办', '2022年06月08日 08:30 来源:某市金融办'],
    ['截至2023年12月31日，全市累计发放贷款120亿元', null],
    ['2024年6月30日前完成校舍安全排查', null],
  ];
  test.each(cases)('%s', (line, want) => expect(bylineLine(line)?.trim() ?? null).toBe(want));
});

describe('side-by-side boxes', () => {
  const item = (str: string, x: number, y: number, size = 11): TextItem => ({ str, x, y, width: [...str].length * size, size });
  test('a wrapped breadcrumb is one path, and a menu of short items one line', () => {
    const lines = joinSideBySideBoxes(groupLines([
      item('首', 48, 785), item('页', 48, 765), item('> 医疗卫', 70, 785), item('生', 70, 765), item('> 疾病防', 140, 785), item('控', 140, 765),
      item('为做好春季传染病防控工作，现将有关事项通知如下：', 40, 720),
    ], 1));
    expect(lines.map((l) => l.text)).toEqual(['首页 > 医疗卫生 > 疾病防控', '为做好春季传染病防控工作，现将有关事项通知如下：']);
  });
  test('two columns of prose stay two columns', () => {
    const left = ['一是抓好农资供应确保', '不误农时各乡镇要组织', '农技人员深入田间地头'];
    const right = ['二是加强技术指导组织', '专家开展培训帮助农民', '解决生产中实际困难。'];
    const lines = joinSideBySideBoxes(groupLines([...left.map((s, i) => item(s, 80, 700 - 30 * i, 15)), ...right.map((s, i) => item(s, 320, 700 - 30 * i, 15))], 1));
    expect(lines.map((l) => l.text)).toEqual([...left, ...right]);
  });
  test('a line on the same baseline as the one before starts a paragraph of its own', () => {
    const paras = linesToParagraphs(groupLines([item('首页 > 财政 > 预决算公开', 40, 709), item('索引号: 0145/2024-00012', 36, 709)], 1));
    expect(paras.map((p) => p.text)).toEqual(['首页 > 财政 > 预决算公开', '索引号: 0145/2024-00012']);
  });
});

describe('a project table cut by the page edge', () => {
  const xs = [40, 70, 250, 330, 555];
  // the column rules run from the top rule up to the page edge: the row above it was cut
  const rules: PdfRule[] = [
    ...[600, 520, 440].map((y) => ({ x1: xs[0], y1: y, x2: xs[4], y2: y })),
    ...xs.map((x) => ({ x1: x, y1: 440, x2: x, y2: 800 })),
  ];
  const texts: PdfText[] = [
    { text: '新建教学楼', x: 73, y: 760, size: 10 }, { text: '及运动场', x: 73, y: 745, size: 10 }, { text: '在建', x: 253, y: 760, size: 10 }, { text: '市教育局', x: 333, y: 760, size: 10 },
    { text: '5', x: 45, y: 560, size: 10 }, { text: '县医院门诊楼改造', x: 73, y: 560, size: 10 }, { text: '新开工', x: 253, y: 560, size: 10 }, { text: '县卫生健康局', x: 333, y: 560, size: 10 },
    { text: '6', x: 45, y: 480, size: 10 }, { text: '农产品冷链物流中心', x: 73, y: 480, size: 10 }, { text: '在建', x: 253, y: 480, size: 10 }, { text: '县农业农村局', x: 333, y: 480, size: 10 },
  ];

  test('the grid reaches the page edge, and the cut row keeps its cells', async () => {
    const asRules: Rule[] = rules.map((r) => (r.y1 === r.y2 ? { horizontal: true, pos: r.y1, from: r.x1, to: r.x2 } : { horizontal: false, pos: r.x1, from: r.y1, to: r.y2 }));
    const [grid] = findGrids(asRules);
    expect(grid.ys).toEqual([800, 600, 520, 440]);
    const items = texts.map((t) => ({ str: t.text, x: t.x, y: t.y, width: [...t.text].length * 10, size: 10 }));
    expect(readGrid(grid, items).table.rows[0]).toEqual(['', '新建教学楼及运动场', '在建', '市教育局']);
  });

  test('read from a PDF, no cell comes out as lines of its own', async () => {
    const doc = await read(makePdf([{ texts, rules }]));
    expect(doc.blocks.filter((b) => !b.style?.table).map((b) => b.text)).toEqual([]);
    expect(doc.blocks[0].text.split('\t')).toEqual(['', '新建教学楼及运动场', '在建', '市教育局']);
  });
});

describe('the end and the top of a printed portal page', () => {
  const article = [
    { text: '某市医疗保障局关于做好2024年城乡居民医保集中参保缴费工作的通知' },
    { text: '一、各县区医保局要在12月31日前完成参保缴费动员，确保参保率稳定在95%以上。' },
    { text: '二、各定点医疗机构要做好参保政策宣传。' },
  ];
  const related = [
    { text: '.某县召开春季农业生产工作推进会' }, { text: '2024-03-02' },
    { text: '·某区开展校园食品安全专项检查' }, { text: '2024-03-01' },
    { text: '相关阅读' },
  ];
  test('the list of other pages after the article goes, with its head', async () => {
    const { normalizeBlocks } = await import('../../src/normalize/index.js');
    expect(normalizeBlocks([...article, ...related], []).map((b) => b.text)).toEqual(article.map((b) => b.text));
  });
  test('a signature over its date is no such list', async () => {
    const { normalizeBlocks } = await import('../../src/normalize/index.js');
    const signed = [...article, { text: '某市医疗保障局' }, { text: '2024年11月1日' }];
    expect(normalizeBlocks(signed, []).map((b) => b.text)).toEqual(signed.map((b) => b.text));
  });

  test('a 公示 title is not joined to the header row of the table under it', async () => {
    const xs = [40, 80, 260, 400, 555];
    const rows = [['序号', '企业名称', '许可文件编号', '有效期至'], ['1', '某县计量检定所', '某法计〔2024〕017号', '2029年3月12日']];
    const rules: PdfRule[] = [
      ...[700, 670, 640].map((y) => ({ x1: xs[0], y1: y, x2: xs[4], y2: y })),
      ...xs.map((x) => ({ x1: x, y1: 640, x2: x, y2: 700 })),
    ];
    const cells: PdfText[] = rows.flatMap((row, r) => row.map((text, c) => ({ text, x: xs[c] + 3, y: 680 - 30 * r, size: 10 })));
    const title = '2024年计量授权许可结果公示（第二批）';
    const r = await extract(makePdf([{ texts: [{ text: title, x: 40, y: 730, size: 11 }, ...cells], rules }]));
    expect(r.document.title).toBe(title);
    expect(r.document.isPlan).toBe(false);
  });
});

describe('a page printed by Chrome itself (tests/fixtures/portal-pdf/notice.html, printed with the default header and footer)', () => {
  const pdf = () => new Uint8Array(readFileSync(new URL('../fixtures/portal-pdf/notice-printed.pdf', import.meta.url)));

  test('the record, title and tasks read as from the page, no margin, path or label left', async () => {
    const r = await extract(pdf());
    expect(r.document).toMatchObject({
      title: '某市教育局关于做好2024年秋季学期中小学开学工作的通知',
      docNumber: { text: '某教发〔2024〕18号' },
      issuer: '某市教育局',
      date: '2024-08-20',
      isPlan: true,
    });
    expect(r.tasks.map((t) => t.text.slice(0, 10))).toEqual(['一、做好校舍安全排查', '二、落实教材免费发放', '三、加强校园食品安全', '四、做好家庭经济困难']);
    const doc = await read(pdf());
    expect(texts(doc).filter((t) => FURNITURE.test(t) || /file:|索引号|索 引 号/u.test(t) || [...t].length <= 2)).toEqual([]);
  });
});
