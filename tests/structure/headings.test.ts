import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { buildTree, headingLevel, isColonHeading } from '../../src/structure/headings.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));

describe('headingLevel', () => {
  test('a heading written with its body gives the body separately', () => {
    expect(headingLevel('3、壮大村集体经济。每村年收入达到5万元以上。')).toEqual({
      level: 3, label: '3、壮大村集体经济', marker: '3、', body: '每村年收入达到5万元以上。',
    });
  });
  test('a heading line on its own has no body', () => {
    expect(headingLevel('（三）强化资金监管')).toEqual({ level: 2, label: '（三）强化资金监管', marker: '（三）', body: '' });
  });
  test('a bare marker is not a heading', () => {
    expect(headingLevel('（二）')).toBeNull();
    expect(headingLevel('1，')).toBeNull();
  });
});

test('isColonHeading', () => {
  expect(isColonHeading('工作要求：')).toBe(true);
  expect(isColonHeading('现将有关事项通知如下：')).toBe(false);
  expect(isColonHeading('各乡镇人民政府：')).toBe(false);
  expect(isColonHeading('牵头单位：县财政局')).toBe(false);
});

describe('buildTree', () => {
  const doc = blocks([
    '清原满族自治县2019年庭院经济实施方案', // 0
    '为增加农户收入，制定本方案。', // 1
    '一、工作目标', // 2
    '全年发展庭院经济500户。', // 3
    '二、重点任务', // 4
    '（一）发展特色种植', // 5
    '1.推广中药材种植', // 6
    '（1）建立示范基地', // 7
    '每乡镇建设1个示范基地。', // 8
    '2、开展技术培训。培训农户1000人次。', // 9
    '（二）拓宽销售渠道', // 10
    '三、保障措施', // 11
    '1.落实资金。县财政安排专项资金。', // 12  (skips the （一） level)
    '附件：1.任务分解表', // 13
    '2.资金安排表', // 14
    '附件1', // 15
    '任务分解表', // 16
    '工作要求：', // 17
    '1.按月报送进度。', // 18
    '2.年底前完成验收。', // 19
    '附件2', // 20
    '资金安排表', // 21
  ]);
  const tree = buildTree(doc);

  test('every block gets its heading path', () => {
    expect(tree.pathOf).toEqual([
      [],
      [],
      ['一、工作目标'],
      ['一、工作目标'],
      ['二、重点任务'],
      ['二、重点任务', '（一）发展特色种植'],
      ['二、重点任务', '（一）发展特色种植', '1.推广中药材种植'],
      ['二、重点任务', '（一）发展特色种植', '1.推广中药材种植', '（1）建立示范基地'],
      ['二、重点任务', '（一）发展特色种植', '1.推广中药材种植', '（1）建立示范基地'],
      ['二、重点任务', '（一）发展特色种植', '2、开展技术培训'],
      ['二、重点任务', '（二）拓宽销售渠道'],
      ['三、保障措施'],
      ['三、保障措施', '1.落实资金'],
      [],
      [],
      ['附件1 任务分解表'],
      ['附件1 任务分解表'],
      ['附件1 任务分解表', '工作要求'],
      ['附件1 任务分解表', '工作要求', '1.按月报送进度'],
      ['附件1 任务分解表', '工作要求', '2.年底前完成验收'],
      ['附件2 资金安排表'],
      ['附件2 资金安排表'],
    ]);
  });

  test('the nodes form a tree with block indexes', () => {
    expect(tree.headings.map((h) => [h.block, h.level, h.label])).toEqual([
      [2, 1, '一、工作目标'],
      [4, 1, '二、重点任务'],
      [11, 1, '三、保障措施'],
      [15, 0, '附件1 任务分解表'],
      [20, 0, '附件2 资金安排表'],
    ]);
    const tasks = tree.headings[1];
    expect(tasks.children.map((c) => c.label)).toEqual(['（一）发展特色种植', '（二）拓宽销售渠道']);
    expect(tasks.children[0].children.map((c) => c.marker)).toEqual(['1.', '2、']);
    expect(tree.headings[2].children.map((c) => [c.block, c.level])).toEqual([[12, 3]]);
  });

  test('a style heading without a marker (numbering dropped by the reader) is used as a hint', () => {
    const t = buildTree([
      { text: '总体要求', style: { heading: 1 } },
      { text: '坚持精准扶贫。' },
      { text: '重点任务', style: { heading: 1 } },
      { text: '本溪县实施方案', style: { heading: 1, center: true } },
    ]);
    expect(t.pathOf).toEqual([['总体要求'], ['总体要求'], ['重点任务'], ['重点任务']]);
  });
});

describe('办法 and 条例 numbering', () => {
  test.each([
    ['第一章 总则', 1, '第一章 总则', ''],
    ['第二部分 主要任务', 1, '第二部分 主要任务', ''],
    ['第三节 资金管理', 2, '第三节 资金管理', ''],
    ['第十二条 县级财政部门负责资金监管。', 3, '第十二条', '县级财政部门负责资金监管。'],
    ['第12条 本办法由市财政局负责解释。', 3, '第12条', '本办法由市财政局负责解释。'],
  ])('%s', (line, level, label, body) => expect(headingLevel(line)).toMatchObject({ level, label, body }));

  test.each(['第一书记要驻村开展工作。', '第24期', '第三方评估结果纳入考核。'])('%s is not a heading', (line) => {
    expect(headingLevel(line)).toBeNull();
  });
});
