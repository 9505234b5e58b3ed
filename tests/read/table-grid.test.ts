// Merged cells in HTML tables (web pages, and mammoth's HTML of a DOCX): a rowspan cell stands in
// each row it covers, a colspan cell leaves the columns it covers empty, so no row shifts left.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { tableGrid } from '../../src/read/table-grid.js';
import { htmlFragmentToBlocks } from '../../src/read/docx.js';

const grid = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return tableGrid(document.querySelector('table') as unknown as Element);
};

describe('rows of a table with merged cells', () => {
  const cases: [string, string, { cells: string[]; join: boolean }[]][] = [
    ['rowspan in the first two columns', '<table><tr><td rowspan="2">1</td><td rowspan="2">改厕</td><td>新建</td><td>县农业农村局</td></tr><tr><td>维修</td><td>各乡镇</td></tr></table>', [
      { cells: ['1', '改厕', '新建', '县农业农村局'], join: false },
      { cells: ['1', '改厕', '维修', '各乡镇'], join: true },
    ]],
    ['rowspan in a middle column', '<table><tr><td>1</td><td>修路</td><td rowspan="2">县交通运输局</td></tr><tr><td>2</td><td>建桥</td></tr></table>', [
      { cells: ['1', '修路', '县交通运输局'], join: false },
      { cells: ['2', '建桥', '县交通运输局'], join: false },
    ]],
    ['colspan keeps the columns', '<table><tr><td colspan="3">附表 任务清单</td></tr><tr><td>1</td><td>修路</td><td>县交通运输局</td></tr></table>', [
      { cells: ['附表 任务清单', '', ''], join: false },
      { cells: ['1', '修路', '县交通运输局'], join: false },
    ]],
    ['a table nested in a cell keeps its own rows', '<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table>', [
      { cells: ['外', '内1内2'], join: false },
    ]],
  ];
  test.each(cases)('%s', (_, html, want) => expect(grid(html)).toEqual(want));
});

test('a DOCX table (mammoth HTML) with a merged 工作事项 cell gives rows under their headers', () => {
  const blocks = htmlFragmentToBlocks('<table><tr><td><p>工作事项</p></td><td><p>主要内容</p></td><td><p>牵头单位</p></td></tr>'
    + '<tr><td rowspan="2"><p>优化审批</p></td><td><p>压缩时限</p></td><td><p>市政务服务中心</p></td></tr>'
    + '<tr><td><p>推行承诺制</p></td><td><p>市住房城乡建设局</p></td></tr></table>');
  expect(blocks.map((b) => b.text.split('\t'))).toEqual([
    ['工作事项', '主要内容', '牵头单位'],
    ['优化审批', '压缩时限', '市政务服务中心'],
    ['优化审批', '推行承诺制', '市住房城乡建设局'],
  ]);
});
