import { describe, expect, test } from 'vitest';
import type { Block, Supersedes } from '../../src/model.js';
import { findReferences, findSupersedes } from '../../src/structure/citations.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));
const noSelf = { docNumber: null, titles: [] };

describe('findReferences', () => {
  test('numbers with their 《titles》, bare document titles, once each', () => {
    const doc = blocks([
      '根据《辽宁省农村危房改造实施办法》（辽住建发〔2019〕8号）和《朝阳市扶贫资金管理办法》(朝政办发[2018]15号)，',
      '按照朝政办发[2018]15号要求，参照《中华人民共和国社会救助法》和《办法》规定执行。',
      '落实《关于印发〈彰武县产业扶贫三年规划〉的通知》（彰政发【2017】3 号）。',
    ]);
    expect(findReferences(doc, noSelf)).toEqual([
      { text: '辽住建发〔2019〕8号', issuerCode: '辽住建发', year: 2019, serial: 8, title: '辽宁省农村危房改造实施办法' },
      { text: '朝政办发[2018]15号', issuerCode: '朝政办发', year: 2018, serial: 15, title: '朝阳市扶贫资金管理办法' },
      { text: '《中华人民共和国社会救助法》', title: '中华人民共和国社会救助法' },
      { text: '彰政发【2017】3 号', issuerCode: '彰政发', year: 2017, serial: 3, title: '关于印发〈彰武县产业扶贫三年规划〉的通知' },
    ]);
  });

  test("the document's own number and title are not references", () => {
    const doc = blocks(['现将《义县2020年就业扶贫实施方案》（义政发〔2020〕4号）印发给你们。']);
    const self = { docNumber: { text: '义政发〔2020〕4号', issuerCode: '义政发', year: 2020, serial: 4 }, titles: ['义县2020年就业扶贫实施方案'] };
    expect(findReferences(doc, self)).toEqual([]);
  });
});

describe('findSupersedes', () => {
  const cases: [string, Supersedes[]][] = [
    [
      '《朝阳县扶贫项目管理办法》（朝县政发〔2017〕6号）与本意见不一致的，以本意见为准。',
      [{ scope: 'where-inconsistent', issuerCode: '朝县政发', year: 2017, serial: 6, title: '朝阳县扶贫项目管理办法', evidence: '《朝阳县扶贫项目管理办法》（朝县政发〔2017〕6号）与本意见不一致的，以本意见为准。' }],
    ],
    [
      '此前印发的文件凡与本方案不符的，按本方案执行。',
      [{ scope: 'where-inconsistent', evidence: '此前印发的文件凡与本方案不符的，按本方案执行。' }],
    ],
    [
      '本办法自2020年1月1日起施行，《建昌县低保管理暂行办法》（建政发〔2015〕21号）同时废止。',
      [{ scope: 'whole', issuerCode: '建政发', year: 2015, serial: 21, title: '建昌县低保管理暂行办法', evidence: '本办法自2020年1月1日起施行，《建昌县低保管理暂行办法》（建政发〔2015〕21号）同时废止。' }],
    ],
    [
      '本通知自印发之日起执行，原县扶贫办印发的考核办法不再执行。',
      [{ scope: 'whole', evidence: '本通知自印发之日起执行，原县扶贫办印发的考核办法不再执行。' }],
    ],
    ['要防止帮扶政策失效，不得擅自废止已签订的协议。', []],
    ['按照《义县扶贫项目管理办法》执行。', []],
  ];
  test.each(cases)('%s', (text, want) => expect(findSupersedes(blocks([text]), noSelf)).toEqual(want));
});
