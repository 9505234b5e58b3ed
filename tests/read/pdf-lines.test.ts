// Paragraphs from positions alone, on made-up pages: indented first lines, centred titles,
// short last lines, two columns in content order, page furniture.
import { expect, test } from 'vitest';
import { groupLines, linesToParagraphs, type PdfLine, type TextItem } from '../../src/read/pdf-lines.js';
import { dropRunningLines, joinAcrossPages } from '../../src/read/pdf.js';

const FS = 15;
/** A line of text at (x, y), one character = one font size wide. */
const item = (str: string, x: number, y: number, size = FS): TextItem => ({ str, x, y, width: [...str].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0) * size, size });

// one column: margin 80, right edge 80 + 20 chars
const page1 = [
  item('关于做好春耕生产的通知', 80 + 4.5 * FS, 700, 21), // centred title
  item('各乡镇：', 80, 660),
  item('为切实抓好春耕生产，保障粮食安全，现就有关', 80 + 2 * FS, 630),
  item('事项通知如下：一是抓好农资供应，确保不误农', 80, 600),
  item('时。', 80, 570),
  item('二是加强技术指导。各乡镇要组织农技人员深入', 80 + 2 * FS, 540),
  item('田间地头，开展巡回指导，帮助农民解决生产中', 80, 510),
];

test('items on one baseline make one line; a new baseline starts another', () => {
  const lines = groupLines([item('一、', 80, 700), item('主要目标', 80 + 2 * FS, 700), item('全县', 80, 670)], 1);
  expect(lines.map((l) => l.text)).toEqual(['一、主要目标', '全县']);
});

test('indented lines, short lines and centred titles start paragraphs', () => {
  const paras = linesToParagraphs(groupLines(page1, 1));
  expect(paras.map((p) => p.text)).toEqual([
    '关于做好春耕生产的通知',
    '各乡镇：',
    '为切实抓好春耕生产，保障粮食安全，现就有关事项通知如下：一是抓好农资供应，确保不误农时。',
    '二是加强技术指导。各乡镇要组织农技人员深入田间地头，开展巡回指导，帮助农民解决生产中',
  ]);
  expect(paras[0].center).toBe(true);
  expect(paras[3].tailGap).toBeLessThanOrEqual(2 * FS);
});

test('a paragraph running to the page edge goes on with the next page\'s flush first line', () => {
  const page2 = [item('的实际困难。', 80, 760), item('三是做好防灾减灾。密切关注天气变化，及时发布', 80 + 2 * FS, 730), item('预警信息。', 80, 700)];
  const joined = joinAcrossPages([linesToParagraphs(groupLines(page1, 1)), linesToParagraphs(groupLines(page2, 2))]);
  expect(joined[3].text).toBe('二是加强技术指导。各乡镇要组织农技人员深入田间地头，开展巡回指导，帮助农民解决生产中的实际困难。');
  expect(joined[3].page).toBe(1);
  expect(joined[3].pageEnd).toBe(2);
  expect(joined[4].text).toBe('三是做好防灾减灾。密切关注天气变化，及时发布预警信息。');
});

test('a line that ends early because "2018年" did not fit is not a paragraph end', () => {
  // a column 21 characters wide; the second line stops 3 characters short because "2018年" moved down whole
  const paras = linesToParagraphs(groupLines([
    item('为切实抓好春耕生产，保障粮食安全，现就', 80 + 2 * FS, 700),
    item('有关事项通知如下：全县面积稳定不变。', 80, 670),
    item('2018年完成高标准农田建设任务，确保质量达', 80, 640),
    item('标合格，全面提升粮食综合生产能力和水平。', 80, 610),
    item('二是加强技术指导。', 80 + 2 * FS, 580),
  ], 1));
  expect(paras.map((p) => p.text)).toEqual([
    '为切实抓好春耕生产，保障粮食安全，现就有关事项通知如下：全县面积稳定不变。2018年完成高标准农田建设任务，确保质量达标合格，全面提升粮食综合生产能力和水平。',
    '二是加强技术指导。',
  ]);
});

test('two columns in content order read column by column', () => {
  const col = (x: number, y: number, s: string) => item(s, x, y);
  // left column margin 80, right column margin 320, each 12 characters wide
  const items = [
    col(80 + 2 * FS, 700, '一是抓好农资供应确保'), col(80, 670, '不误农时各乡镇要组织农'), col(80, 640, '技人员深入田间地头开展'),
    col(80, 610, '巡回指导。'), col(80 + 2 * FS, 580, '二是加强技术指导组织'), col(80, 550, '专家开展培训帮助农民解'),
    col(320, 700, '决生产中的实际困难。'), col(320 + 2 * FS, 670, '三是做好防灾减灾密切'), col(320, 640, '关注天气变化及时发布预'),
    col(320, 610, '警信息。'),
  ];
  const paras = linesToParagraphs(groupLines(items, 1));
  expect(paras.map((p) => p.text)).toEqual([
    '一是抓好农资供应确保不误农时各乡镇要组织农技人员深入田间地头开展巡回指导。',
    '二是加强技术指导组织专家开展培训帮助农民解决生产中的实际困难。',
    '三是做好防灾减灾密切关注天气变化及时发布预警信息。',
  ]);
});

test('page numbers and running headers go; body lines stay', () => {
  const line = (text: string, y: number, page: number): PdfLine => ({ text, x: 80, right: 80 + text.length * FS, y, size: FS, page });
  const pages = [1, 2, 3, 4].map((n) => [line('某某县人民政府文件', 800, n), line(`正文第${n}页的内容。`, 700, n), line(`— ${n} —`, 60, n)]);
  const kept = dropRunningLines(pages);
  expect(kept.map((p) => p.map((l) => l.text))).toEqual([1, 2, 3, 4].map((n) => [`正文第${n}页的内容。`]));
});

test('a title wrapped in a narrow column: a full first line, then a centred rest', () => {
  const T = 22;
  // column 80..290 (14 body characters); the title is set at 22 pt
  const paras = linesToParagraphs(groupLines([
    item('某某县乡村振兴工', 85, 711, T), // fills the column
    item('作领导小组', 130, 680, T), // centred: 50 left, 50 right
    item('为抓好春耕生产，现就有关', 80 + 2 * FS, 640),
    item('事项通知如下：各乡镇要抓', 80, 610),
    item('好落实，确保不误农时节令', 80, 580),
    item('与生产安排。', 80, 550),
  ], 1));
  expect(paras.map((p) => p.text)).toEqual(['某某县乡村振兴工作领导小组', '为抓好春耕生产，现就有关事项通知如下：各乡镇要抓好落实，确保不误农时节令与生产安排。']);
});
