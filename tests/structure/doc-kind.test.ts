// Pages that are not plans (解读, 任免, news, disclosures) assign no task: decided from the title's
// words and the 文种. Titles written for the test, of other places, levels and years.
import { describe, expect, test } from 'vitest';
import { documentKind, type DocKind } from '../../src/structure/doc-kind.js';
import { buildResult } from '../../src/extract/index.js';
import type { DocType } from '../../src/model.js';

const cases: [string, DocType, DocKind][] = [
  ['解读《湖北省促进民营经济发展若干措施》', '其他', 'explanation'],
  ['《成都市养老服务条例》政策解读', '其他', 'explanation'],
  ['《关于加快建设农业强省的实施意见》解读', '实施意见', 'explanation'],
  ['市发展改革委负责同志就《某市稳增长若干措施》答记者问', '其他', 'explanation'],
  ['图解：2023年政府工作报告', '报告', 'explanation'],
  ['中共某县委组织部关于王某某同志职务任免的通知', '通知', 'personnel'],
  ['某市人民政府关于张某等同志任职的通知', '通知', 'personnel'],
  ['关于免去李某某某市卫生健康委员会主任职务的通知', '通知', 'personnel'],
  ['某省市场监督管理局2021年部门预算', '其他', 'disclosure'],
  ['某区教育局2022年度决算公开', '其他', 'disclosure'],
  ['2023年特种设备检验机构核准结果公示（第二批）', '其他', 'disclosure'],
  ['省消保委发布春节消费提示', '其他', 'news'],
  ['某省人民政府关于修改《某省流动人口服务和管理办法》的决定', '决定', 'amendment'],
  ['某市人民政府关于废止《某市著名商标认定和保护办法》等3件规章的决定', '决定', 'amendment'],
  ['某县人民政府关于表彰2023年度安全生产先进单位的决定', '决定', 'plan'],
  ['全市安全生产工作会议召开', '其他', 'news'],
  // plans, whatever they are called
  ['某省人民政府办公厅关于促进养老服务发展的实施意见', '实施意见', 'plan'],
  ['2024年全市粮食安全工作要点', '其他', 'plan'],
  ['某市人民政府关于印发某市新闻出版产业发展规划的通知', '通知', 'plan'],
  ['关于做好2024年干部教育培训工作的通知', '通知', 'plan'],
  ['某县关于发布2024年度重点项目清单的通知', '通知', 'plan'],
  ['某省人民政府关于某港总体规划的批复', '其他', 'plan'],
];

describe('what kind of page', () => {
  test.each(cases)('%s', (title, docType, want) => expect(documentKind(title, docType)).toBe(want));
});

test('a 解读 page gives no task even where its sentences read like measures', () => {
  const r = buildResult({
    source: { path: 'jiedu.html', format: 'html', sha256: 'x' },
    messages: [],
    blocks: [
      { text: '解读《某市关于加快发展数字经济的实施意见》', style: { heading: 1, center: true } },
      { text: '一、出台背景' },
      { text: '为加快发展数字经济，市发展改革委牵头起草了《实施意见》。' },
      { text: '二、主要内容' },
      { text: '《实施意见》提出，到2025年全市数字经济核心产业增加值达到500亿元，市工业和信息化局负责推进。' },
    ],
  });
  expect(r.document.isPlan).toBe(false);
  expect(r.tasks).toEqual([]);
});
