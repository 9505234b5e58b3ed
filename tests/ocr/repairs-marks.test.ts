// OCR repairs of marks and spaces inside Chinese text (issue 13): a 、 read as a full stop, spaces
// the OCR leaves between characters of a sentence, a % read as a 9. Each a table of lines as the OCR
// reads them → as printed; sentences written for these tests, from many fields.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { normalizeBlocks } from '../../src/normalize/index.js';
import { fixPercentSign, fixQuoteMarks, fullWidthPunctuation, joinHanSpaces, periodToEnumComma, repairOcrText } from '../../src/normalize/ocr.js';

type Case = [input: string, output: string, why: string];

describe('periodToEnumComma', () => {
  test.each<Case>([
    ['各省.自治区.直辖市教育厅', '各省、自治区、直辖市教育厅', 'recipients'],
    ['教育.卫生健康.民政等部门要密切配合', '教育、卫生健康、民政等部门要密切配合', 'departments in a list'],
    ['对企业.个人和社会组织的违法行为', '对企业、个人和社会组织的违法行为', 'kinds of party'],
    ['综合考虑地形地貌.气候条件.种植模式', '综合考虑地形地貌、气候条件、种植模式', 'factors'],
    ['中共中央．国务院', '中共中央、国务院', 'a full-width dot'],
    ['加强道路 . 桥梁养护', '加强道路、桥梁养护', 'spaces around the dot'],
    ['一.总体要求', '一、总体要求', 'a heading number read with a dot'],
    ['1.完善工作机制', '1.完善工作机制', 'a list number keeps its dot'],
    ['新增投资3.5亿元', '新增投资3.5亿元', 'a decimal'],
    ['截至2024.12.31', '截至2024.12.31', 'a date written with dots'],
    ['详见www.gov.cn网站', '详见www.gov.cn网站', 'a web address'],
    ['访问某某市人民政府.政务，查询办事指南', '访问某某市人民政府.政务，查询办事指南', 'a Chinese domain'],
    ['某县人民政府.政务服务中心', '某县人民政府、政务服务中心', '政务 starting a name is no domain'],
    ['包括学校、医院等...其他场所', '包括学校、医院等...其他场所', 'an ellipsis'],
    ['阿卜杜·热合曼', '阿卜杜·热合曼', 'a middle dot in a name'],
    ['工作结束.', '工作结束.', 'a dot at the end is no 顿号'],
  ])('%s → %s (%s)', (input, output) => {
    expect(periodToEnumComma(input)).toBe(output);
  });
});

describe('joinHanSpaces: a sentence has no spaces, a layout line keeps its gaps', () => {
  test.each<Case>([
    ['确保中央与地方、区域间相关政 策取向 一致;农机产品 研', '确保中央与地方、区域间相关政策取向一致;农机产品研', 'a short piece of a sentence with 、 in it'],
    ['切实提升政策知晓 度和实施透明度。', '切实提升政策知晓度和实施透明度。', 'a short sentence ending in 。'],
    ['各学校要落实安全 责任，加强值班 值守', '各学校要落实安全责任，加强值班值守', 'a comma makes it running text'],
    ['中共某某县委 某某县人民政府', '中共某某县委 某某县人民政府', 'joint issuers'],
    ['责任单位 完成时限 联系电话', '责任单位 完成时限 联系电话', 'the columns of a table-like line'],
    ['县 水利 局 负责', '县水利局负责', 'one-character runs join'],
  ])('%s → %s (%s)', (input, output) => {
    expect(joinHanSpaces(input)).toBe(output);
  });
});

describe('fixPercentSign: a lone 9 only where a rate is meant', () => {
  test.each<[string, string[], string, string]>([
    ['家庭医生签约率达到1009。', [], '家庭医生签约率达到100%。', 'a 率 names the rate'],
    ['高标准农田占比达到609，', [], '高标准农田占比达到60%，', '占比'],
    ['财政资金比例不低于309；', [], '财政资金比例不低于30%；', '比例'],
    ['群众满意度保持在959。', [], '群众满意度保持在95%。', '满意度'],
    ['参会单位达到19。', [], '参会单位达到19。', 'a bare number: 19, not 1%'],
    ['每组人数不超过29，', [], '每组人数不超过29，', 'a count without its unit'],
    ['综合评分达到809。', ['8O9'], '综合评分达到80%。', 'the OCR was unsure of the number'],
    ['综合评分达到809。', ['综合评分'], '综合评分达到809。', 'unsure of other words only'],
    ['入户调查达到10096。', [], '入户调查达到100%。', '96 is the sign\'s own shape'],
    ['空气优良天数比例达到2009。', [], '空气优良天数比例达到2009。', 'over 100 without the 9'],
  ])('%s (unsure %j) → %s (%s)', (input, low, output) => {
    expect(fixPercentSign(input, low)).toBe(output);
  });
});

describe('the repairs on OCR blocks only', () => {
  test('a block read by OCR gets 、 and loses its spaces; the same text from a text layer stays', () => {
    const text = '各市.县 教育局要 加强 校园安全管理，签约率达到1009。';
    const [ocr, plain] = normalizeBlocks([
      { text, source: 'ocr', lowConfidence: [] },
      { text },
    ] satisfies Block[], []);
    expect(ocr.text).toBe('各市、县教育局要加强校园安全管理，签约率达到100%。');
    expect(plain.text).toContain('各市.县');
  });
  test('repairOcrText passes the unsure words on', () => {
    expect(repairOcrText('考核得分达到909。', ['909'])).toBe('考核得分达到90%。');
    expect(repairOcrText('考核得分达到909。')).toBe('考核得分达到909。');
  });
});

describe('fullWidthPunctuation after a bracket, a mark read twice', () => {
  test.each<Case>([
    ['各县（市、区),各乡镇', '各县（市、区)，各乡镇', 'a comma after a bracket closing Chinese words'],
    ['要强化宣传引导，,形成合力', '要强化宣传引导，形成合力', 'a comma read twice'],
    ['完成目标；;确保质量', '完成目标；确保质量', 'a semicolon read twice'],
    ['f(x),y', 'f(x),y', 'a formula keeps its comma'],
    ['比例提高至35%,其中省级财政承担', '比例提高至35%，其中省级财政承担', 'a comma after a percent sign, Chinese after it'],
    ['开辟“绿色通道",对于急需项目', '开辟“绿色通道"，对于急需项目', 'after a straight quote'],
    ['共1,200人', '共1,200人', 'a thousands separator'],
    ['支持Python,Java等语言', '支持Python,Java等语言', 'between Latin words'],
    ['时间：10:30', '时间：10:30', 'a clock time after a colon'],
  ])('%s → %s (%s)', (input, output) => {
    expect(fullWidthPunctuation(input)).toBe(output);
  });
});

describe('fixQuoteMarks', () => {
  test.each<Case>([
    ['推进“放管服"改革', '推进“放管服”改革', 'a straight quote closing a curly one'],
    ['纳入"菜篮子”工程', '纳入“菜篮子”工程', 'a straight quote opening'],
    ['完善“河长？巡查制度。对“清四乱”问题', '完善“河长”巡查制度。对“清四乱”问题', 'a ？ where the closing quote stands'],
    ['建立“网格员？承诺和考核制度', '建立“网格员”承诺和考核制度', 'the quote never closed'],
    ['回答群众“怎么办？”的问题', '回答群众“怎么办？”的问题', 'a quoted question keeps its mark'],
    ['他问“为什么？因为缺少资金。”', '他问“为什么？因为缺少资金。”', 'a quoted question closed later'],
    ['推广*一网通办”服务', '推广“一网通办”服务', 'a * for the opening quote'],
    ['推广“优质粮”\\应用“新品种”', '推广“优质粮”、应用“新品种”', 'a backslash for 、'],
    ['路径为C:\\data\\file', '路径为C:\\data\\file', 'a path keeps its backslashes'],
    ['数量*单价', '数量*单价', 'a * with no closing quote after'],
    ['列入"黑名单"管理', '列入“黑名单”管理', 'a pair of straight quotes'],
    ['签订"安全员？责任书', '签订“安全员”责任书', 'a straight opening quote, a ？ for the closing one'],
    ['他说"好"，"行"。', '他说“好”，“行”。', 'two quoted words side by side'],
  ])('%s → %s (%s)', (input, output) => {
    expect(fixQuoteMarks(input)).toBe(output);
  });
});
