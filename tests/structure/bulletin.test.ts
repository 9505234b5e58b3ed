import { expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { findIssueHeaders, splitBulletin, withoutIssueNumber } from '../../src/structure/bulletin.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));

const sheet = blocks([
  '乡村振兴工作动态', // 0
  '第 7 期（总第 95 期）', // 1
  '铁岭市乡村振兴局', // 2
  '2021 年 6 月 2 日', // 3
  '编者按：各地加快推进产业项目建设，现将有关情况刊发。', // 4
  '西丰县鹿产业带动农户增收', // 5
  '今年以来，西丰县新建梅花鹿养殖小区3个，带动农户200户。', // 6
  '昌图县 建成冷链物流中心', // 7
  '5月28日，昌图县冷链物流中心投入使用，年周转能力5万吨。', // 8
  '中心由县供销社运营，', // 9  a paragraph that runs on, not a title
  '报送：市委办公室，市政府办公室', // 10
  '市委副书记，副市长', // 11
  '铁岭市乡村振兴局', // 12
  '乡村振兴工作动态', // 13
  '第八期', // 14
  '铁岭市乡村振兴局 2021年6月9日', // 15
  '开原市召开产业项目推进会', // 16
  '6月8日，开原市召开推进会，部署下半年工作。', // 17
  '一、抓好项目谋划', // 18
  '各乡镇要储备一批项目。', // 19
]);

test('issue headers: masthead, 期号, office and date', () => {
  expect(findIssueHeaders(sheet)).toEqual([
    { issue: '第7期', issuer: '铁岭市乡村振兴局', date: '2021-06-02', blocks: [0, 1, 2, 3], end: 4 },
    { issue: '第八期', issuer: '铁岭市乡村振兴局', date: '2021-06-09', blocks: [13, 14, 15], end: 16 },
  ]);
});

test('each issue splits into its articles, each with the issue date', () => {
  expect(splitBulletin(sheet)).toEqual([
    { title: '西丰县鹿产业带动农户增收', issue: '第7期', date: '2021-06-02', where: { block: 5 } },
    { title: '昌图县建成冷链物流中心', issue: '第7期', date: '2021-06-02', where: { block: 7 } },
    { title: '开原市召开产业项目推进会', issue: '第八期', date: '2021-06-09', where: { block: 16 } },
  ]);
});

test('a document without 期号 lines has no issues', () => {
  expect(splitBulletin(blocks(['关于做好防汛工作的通知', '各乡镇：', '请做好准备。']))).toEqual([]);
});

test('a short line inside an unjoined paragraph is not an article title', () => {
  const sheet2 = blocks([
    '扶贫简报', '第 2 期', '凌源市扶贫开发领导小组办公室', '2020年1月6日',
    '凌源市推进光伏扶贫',
    '今年以来，凌源市新建村级光伏电站',
    '12座装机容量',
    '达到3兆瓦。',
  ]);
  expect(splitBulletin(sheet2).map((a) => a.title)).toEqual(['凌源市推进光伏扶贫']);
});

test('a sentence starting with 第N期 is not an issue line', () => {
  expect(findIssueHeaders(blocks(['二、培训安排', '第3期培训班开班', '2020年4月1日']))).toEqual([]);
});

test.each([
  ['农村人居环境整治工作简报（第8期）', '农村人居环境整治工作简报'],
  ['扶贫工作快报 2019年第3期', '扶贫工作快报'],
  ['乡村振兴工作动态第七期（总第95期）', '乡村振兴工作动态'],
  ['扶贫工作简报', '扶贫工作简报'],
  ['第8期', '第8期'],
])('a bulletin title without its 期号: %s', (title, want) => {
  expect(withoutIssueNumber(title)).toBe(want);
});
