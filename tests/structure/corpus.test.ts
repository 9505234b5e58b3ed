// CORPUS TEST: runs the metadata on the five real notices in corpus/*.txt (copies of the shared
// corpus, so the project tests on its own), split naively into one block per non-empty line. The
// expected values for xinbin-2018 and dongzhou-2020 are the gold `meta`; the others are checked
// against what the files plainly say.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { buildTree } from '../../src/structure/headings.js';
import { extractMetadata } from '../../src/structure/metadata.js';

function corpusBlocks(name: string): Block[] {
  const path = fileURLToPath(new URL(`../../corpus/${name}.txt`, import.meta.url));
  return readFileSync(path, 'utf8').split(/\r?\n/u).filter((l) => l.trim() !== '').map((text) => ({ text }));
}

function gold(name: string) {
  const m = extractMetadata(corpusBlocks(name));
  return {
    docNumber: m.docNumber && { issuerCode: m.docNumber.issuerCode, year: m.docNumber.year, serial: m.docNumber.serial },
    issuer: m.issuer,
    date: m.date,
    title: m.title,
    docType: m.docType,
    jurisdiction: m.jurisdiction?.name,
    level: m.jurisdiction?.level,
  };
}

describe('gold meta', () => {
  test('xinbin-2018', () => {
    expect(gold('xinbin-2018')).toEqual({
      docNumber: { issuerCode: '新脱贫发', year: 2018, serial: 2 },
      issuer: '新宾满族自治县脱贫攻坚领导小组',
      date: '2018-04-02',
      title: '新宾县2018年脱贫攻坚工作实施方案',
      docType: '实施方案',
      jurisdiction: '新宾满族自治县',
      level: 'county',
    });
  });

  test('dongzhou-2020', () => {
    expect(gold('dongzhou-2020')).toEqual({
      docNumber: { issuerCode: '东脱贫发', year: 2020, serial: 3 },
      issuer: '东洲区脱贫攻坚领导小组',
      date: '2020-04-30',
      title: '东洲区2018-2020年脱贫攻坚三年规划实施方案',
      docType: '实施方案',
      jurisdiction: '东洲区',
      level: 'county',
    });
  });
});

describe('the other corpus files', () => {
  test('benxi-2020: a 印发通知 wrapping a plan with 10 attachments', () => {
    const m = extractMetadata(corpusBlocks('benxi-2020'));
    expect(gold('benxi-2020')).toEqual({
      docNumber: { issuerCode: '本县扶贫发', year: 2020, serial: 19 },
      issuer: '本溪满族自治县扶贫开发领导小组',
      date: '2020-04-03',
      title: '本溪满族自治县2020年打赢脱贫攻坚巩固提升实施方案',
      docType: '实施方案',
      jurisdiction: '本溪满族自治县',
      level: 'county',
    });
    expect(m.attachments.map((a) => a.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(m.attachments[0].title).toBe('健康扶贫工作任务指南');
    expect(m.references.map((r) => r.issuerCode ?? r.text)).toEqual([
      '本人社发', '银保监发', '《关于深入推进科技特派员制度促进农村创新创业的实施意见》', '辽委办发',
    ]);
    expect(m.recipients).toHaveLength(5);
  });

  test('liaoning-2019-opinion: joint issuer, no 成文日期, five superseded-where-inconsistent documents', () => {
    const m = extractMetadata(corpusBlocks('liaoning-2019-opinion'));
    expect(m).toMatchObject({
      title: '中共辽宁省委辽宁省人民政府关于打赢脱贫攻坚战三年行动的实施意见',
      issuer: '中共辽宁省委 辽宁省人民政府',
      docType: '实施意见',
      isPlan: true,
      docNumber: null,
      date: '',
      published: '2019-03-03',
    });
    expect(m.jurisdiction).toMatchObject({ name: '辽宁省', level: 'province' });
    expect(m.supersedes.map((s) => `${s.issuerCode}${s.year}-${s.serial}:${s.scope}`)).toEqual([
      '辽委发2016-3:where-inconsistent', '辽政发2017-16:where-inconsistent', '辽委办发2017-96:where-inconsistent',
      '辽委办发2018-61:where-inconsistent', '辽政办发2017-71:where-inconsistent',
    ]);
    const blocks = corpusBlocks('liaoning-2019-opinion');
    // navigation above the title and the site's lines below the article are boilerplate
    expect(m.boilerplate.filter((b) => b < m.bodyStart)).toEqual([0, 1, 2, 3, 4]);
    expect(m.boilerplate.filter((b) => b > m.bodyStart).map((b) => blocks[b].text.trim())).toEqual(['(责任编辑:朱洁英)', '分享到:', '35.1K']);
  });

  test('kuaibao-2019: a bulletin of five issues, seven articles, not a plan', () => {
    const m = extractMetadata(corpusBlocks('kuaibao-2019'));
    expect(m).toMatchObject({ title: '脱贫攻坚快报', docType: '快报', isPlan: false, issuer: '辽宁省脱贫攻坚领导小组办公室', date: '2019-03-27' });
    expect(m.articles.map((a) => `${a.issue} ${a.date}`)).toEqual([
      '第24期 2019-03-27', '第25期 2019-03-27', '第25期 2019-03-27', '第26期 2019-03-29', '第27期 2019-03-29',
      '第28期 2019-03-29', '第28期 2019-03-29',
    ]);
  });

  test('heading paths on a corpus plan', () => {
    const blocks = corpusBlocks('xinbin-2018');
    const { pathOf } = buildTree(blocks);
    const at = (prefix: string) => pathOf[blocks.findIndex((b) => b.text.startsWith(prefix))];
    expect(at('1、确保脱贫目标')).toEqual(['一、主要目标', '1、确保脱贫目标']);
    expect(at('(一) 进一步完善组织领导制度')).toEqual(['三、保障措施', '(一) 进一步完善组织领导制度']);
  });
});
