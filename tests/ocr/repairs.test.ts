// The OCR repairs, each a table of lines as the OCR reads them → as printed. Sentences from several
// fields and places (education, health, agriculture, housing, transport), written for these tests.
import { describe, expect, test } from 'vitest';
import {
  fixDigitLookalikes,
  fixDocNumberBrackets,
  fixDocNumberParens,
  fixPageNumberDashes,
  fixPercentSign,
  fullWidthParens,
  fullWidthPunctuation,
  joinHanSpaces,
  repairOcrText,
} from '../../src/normalize/ocr.js';
import { normalizeBlocks } from '../../src/normalize/index.js';

type Case = [input: string, output: string, why: string];

function table(name: string, f: (s: string) => string, cases: Case[]): void {
  describe(name, () => {
    test.each(cases)('%s → %s (%s)', (input, output) => {
      expect(f(input)).toBe(output);
    });
  });
}

table('joinHanSpaces', joinHanSpaces, [
  ['各 乡 镇 要 加 强 农 村 公 路 养 护 管 理 工作 ， 确保 年 底 前 完成 。', '各乡镇要加强农村公路养护管理工作，确保年底前完成。', 'a body line read word by word'],
  ['县 卫生 健康 局 负责', '县卫生健康局负责', 'a short line of one- and two-character words'],
  ['中共平江县委 平江县人民政府', '中共平江县委 平江县人民政府', 'joint issuers set apart on purpose'],
  ['1 2 3', '1 2 3', 'digits are not Chinese'],
  ['市教育局、 市财政局', '市教育局、市财政局', 'a space after a Chinese mark'],
]);

table('fullWidthPunctuation', fullWidthPunctuation, [
  ['各县区教育局:', '各县区教育局：', 'a colon after the recipients'],
  ['完善机制;加强督查', '完善机制；加强督查', 'a semicolon between clauses'],
  ['各乡镇,各部门', '各乡镇，各部门', 'a comma between bodies'],
  ['会议于10:30召开', '会议于10:30召开', 'a clock time keeps its colon'],
  ['比例为1:2', '比例为1:2', 'a ratio keeps its colon'],
  ['（县住建局）;', '（县住建局）；', 'after a closing bracket'],
]);

table('fixDocNumberBrackets', fixDocNumberBrackets, [
  ['东脱贫发【2020] 3号', '东脱贫发〔2020〕3号', 'mixed brackets and a space'],
  ['湘农发(2024)15 号', '湘农发〔2024〕15号', 'round brackets'],
  ['黔教函[2019]102号', '黔教函〔2019〕102号', 'square brackets'],
  ['农办机{2025}1号', '农办机〔2025〕1号', 'braces'],
  ['川府发2023 7号', '川府发〔2023〕7号', 'brackets lost altogether'],
  ['共有2020名学生', '共有2020名学生', 'a year-like number that is no 文号'],
]);

table('fixDocNumberParens', fixDocNumberParens, [
  ['《东脱贫发〔2020〕3号)印发给你们', '（东脱贫发〔2020〕3号）印发给你们', 'a 文号 after a title opened with 《'],
  ['(赣卫发〔2021〕8号》', '（赣卫发〔2021〕8号）', 'closed with 》'],
  ['《关于加强农村公路建设的通知》', '《关于加强农村公路建设的通知》', 'a title stays a title'],
]);

table('fullWidthParens', fullWidthParens, [
  ['各乡〈镇)党委', '各乡（镇）党委', 'angle bracket for the opening one'],
  ['(牵头单位:县扶贫办)', '（牵头单位:县扶贫办）', 'an ASCII pair around Chinese'],
  ['《县交通运输局)', '（县交通运输局）', 'a 《 closed by )'],
  ['{二)工作原则', '（二）工作原则', 'a list number'],
  ['(3)', '（3）', 'an Arabic list number'],
  ['f(x)', 'f(x)', 'no Chinese inside: left alone'],
]);

table('fixDigitLookalikes', fixDigitLookalikes, [
  ['2O2O年底前', '2020年底前', 'letter O in a year'],
  ['l0月31日', '10月31日', 'letter l for 1'],
  ['完成1丨个村', '完成11个村', '丨 inside a number'],
  ['新建校舍3O0平方米', '新建校舍300平方米', 'O between digits'],
  ['OK', 'OK', 'a word without digits'],
  ['IOS13系统', 'IOS13系统', 'letters next to Latin letters stay'],
]);

table('fixPercentSign', fixPercentSign, [
  ['家庭医生签约率达到1009。', '家庭医生签约率达到100%。', '% read as 9'],
  ['健康体检达到10096。', '健康体检达到100%。', '% read as 96'],
  ['农村自来水普及率提高到8596，', '农村自来水普及率提高到85%，', 'a rate below 100'],
  ['优良天数比例不低于82.50/0；', '优良天数比例不低于82.5%；', '% read as 0/0'],
  ['新建农村公路达到1209公里。', '新建农村公路达到1209公里。', 'a unit follows: a count, not a rate'],
  ['全县人口达到3009。', '全县人口达到3009。', 'without the digits it would be over 100'],
]);

table('fixPageNumberDashes', fixPageNumberDashes, [
  ['一4一', '—4—', 'dashes read as the character one'],
  ['- 12 -', '—12—', 'hyphens'],
  ['一、总体要求', '一、总体要求', 'a heading is no page number'],
]);

describe('the repairs together, and only on OCR blocks', () => {
  test('a 文号 line as the OCR gave it', () => {
    expect(repairOcrText('东 脱 贫 发 [2020] 3 号')).toBe('东脱贫发〔2020〕3号');
  });

  test('normalize repairs OCR blocks and leaves a text layer as it was', () => {
    const out = normalizeBlocks([
      { text: '各 县 （ 市 、 区 ） 卫 生 健 康 局 :', page: 1, source: 'ocr', confidence: 88 },
      { text: '各县(市、区)卫生健康局:', page: 1 },
      { text: '一 3 一', page: 1, source: 'ocr', confidence: 90 },
    ]);
    expect(out.map((b) => b.text)).toEqual(['各县（市、区）卫生健康局：', '各县(市、区)卫生健康局:']);
    expect(out[0]).toMatchObject({ source: 'ocr', confidence: 88 });
  });
});
