import { expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { locateAttachments } from '../../src/structure/attachments.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));

test('a one-per-line 附件N：标题 list is a list, not attachment bodies', () => {
  const layout = locateAttachments(blocks([
    '请认真落实。', // 0
    '附件1：重点项目表', // 1
    '附件2：责任分工表', // 2
    '岫岩满族自治县人民政府', // 3
    '附件1', // 4
    '重点项目表', // 5
    '一、种植业项目', // 6
  ]));
  expect(layout.attachments).toEqual([
    { index: 1, title: '重点项目表', where: { block: 4 } },
    { index: 2, title: '责任分工表', where: { block: 2 } },
  ]);
  expect([...layout.listBlocks]).toEqual([1, 2]);
  expect([...layout.startBlocks]).toEqual([[4, 1]]);
  expect([...layout.titleBlocks]).toEqual([5]);
});

test('a single attachment: "附件：标题" in the list and a bare "附件" over its body', () => {
  const layout = locateAttachments(blocks(['附件：清原县产业项目清单', '清原满族自治县人民政府', '附件', '清原县产业项目清单', '1.中药材基地']));
  expect(layout.attachments).toEqual([{ index: 1, title: '清原县产业项目清单', where: { block: 2 } }]);
});

test('a list whose entries have no bodies in the file keeps the list lines as where', () => {
  const layout = locateAttachments(blocks(['附件：1.资金明细', '2.项目名单']));
  expect(layout.attachments).toEqual([
    { index: 1, title: '资金明细', where: { block: 0 } },
    { index: 2, title: '项目名单', where: { block: 1 } },
  ]);
});

test('no attachments', () => {
  expect(locateAttachments(blocks(['一、目标', '附件材料由各单位自行留存。'])).attachments).toEqual([]);
});
