// The width of a scan's punctuation (src/normalize/ocr-width.ts): a notice whose OCR reads its
// commas half-width keeps half-width marks, as its text layer would; a 公文 printing full-width
// marks keeps the OCR repairs' full-width ones. Sentences written for the test, from several fields.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { normalizeBlocks } from '../../src/normalize/index.js';
import { halfWidthMarks, printsHalfWidthMarks } from '../../src/normalize/ocr-width.js';

const ocr = (text: string, page = 1): Block => ({ text, page, source: 'ocr', confidence: 90 }) as Block;
const normalized = (texts: string[]) => normalizeBlocks(texts.map((t) => ocr(t)), []).map((b) => b.text);

describe('which width a document prints, from the commas its OCR read', () => {
  test.each([
    ['half-width commas throughout', ['到2025年,全县完成高标准农田建设5万亩,新增灌溉面积1200亩,', '各乡镇要落实属地责任,县农业农村局加强指导'], true],
    ['full-width commas throughout', ['到2025年，全县完成高标准农田建设5万亩，新增灌溉面积1200亩，', '各乡镇要落实属地责任，县农业农村局加强指导'], false],
    ['a few commas misread in a full-width notice', ['学校食堂要落实食品安全主体责任,校长为第一责任人，', '每学期开展一次检查，发现问题及时整改，', '县市场监管局负责指导，县教育局负责督促，'], false],
    ['only two half-width commas: too few to tell', ['城区供水管网改造,二次供水设施清洗,'], false],
    ['commas between digits are numbers, not marks', ['完成投资1,200万元、3,500万元和12,000万元'], false],
  ])('%s', (_why, texts, half) => {
    expect(printsHalfWidthMarks(texts)).toBe(half);
  });
});

describe('the marks the OCR blocks end with', () => {
  test('a notice typeset in half-width marks keeps them (the repairs would write them full-width)', () => {
    expect(
      normalized([
        '一、总体要求:到2023年底,全市养老机构护理型床位占比达到55%;',
        '(一)加强组织领导。各区县要建立工作专班,明确责任分工:民政部门牵头,卫生健康部门配合。',
      ]),
    ).toEqual(['一、总体要求:到2023年底,全市养老机构护理型床位占比达到55%;', '(一)加强组织领导。各区县要建立工作专班,明确责任分工:民政部门牵头,卫生健康部门配合。']);
  });

  test('a 公文 with full-width commas gets full-width colons, semicolons and brackets from the repairs', () => {
    expect(normalized(['各乡（镇）人民政府，县直各部门:', '（一）河道清淤，汛期前完成;堤防加固，6月底前完成，'])).toEqual([
      '各乡（镇）人民政府，县直各部门：',
      '（一）河道清淤，汛期前完成；堤防加固，6月底前完成，',
    ]);
  });

  test('text read from a text layer is never touched, whatever its width', () => {
    const blocks = [ocr('到2025年,全县完成造林1.2万亩,新建苗圃3处,森林覆盖率达到40%。'), { text: '县林业局负责，各乡镇配合（见附件）。', page: 2 } as Block];
    expect(normalizeBlocks(blocks, []).map((b) => b.text)).toEqual(['到2025年,全县完成造林1.2万亩,新建苗圃3处,森林覆盖率达到40%。', '县林业局负责，各乡镇配合（见附件）。']);
  });

  test.each([
    ['请于3月底前报送（电子版）。', '请于3月底前报送(电子版)。'],
    ['是否达标？请核实！', '是否达标?请核实!'],
    ['《方案》和〔2021〕号不变：', '《方案》和〔2021〕号不变:'],
  ])('%s → %s', (text, want) => {
    expect(halfWidthMarks(text)).toBe(want);
  });
});
