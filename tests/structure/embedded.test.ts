import { expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { embeddedHeaderBlocks } from '../../src/structure/embedded.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));

test('the header of a forwarded document is found; a cited number alone is not a header', () => {
  const b = blocks([
    '一、抓好贯彻落实。各市要结合实际制定细则。', // 0
    '省人民政府办公厅', // 1
    '2021年3月2日', // 2
    '国务院办公厅关于加强农村公路养护工作的通知', // 3
    '国办发〔2021〕9号', // 4
    '各省、自治区、直辖市人民政府，国务院各部委：', // 5
    '一、落实养护责任。地方各级人民政府要……', // 6
    '按照《关于加强督查的意见》', // 7
    '晋政发〔2020〕3号', // 8
    '严格考核。', // 9
  ]);
  expect(embeddedHeaderBlocks(b, 0)).toEqual([3, 4, 5]);
});

test('a title broken over two lines', () => {
  const b = blocks(['2021年3月2日', '国务院办公厅关于加强农村公路', '养护工作的通知', '国办发〔2021〕9号', '各省人民政府：']);
  expect(embeddedHeaderBlocks(b, 0)).toEqual([1, 2, 3, 4]);
});
