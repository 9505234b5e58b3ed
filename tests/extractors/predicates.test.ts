import { describe, expect, test } from 'vitest';
import {
  isClauseNumber, isDatePart, isDaySpan, isInUrl, isPageNumber, isPhoneNumber, isPlaceName, isPolicyPackage, isSectionNumber,
  isShareCounter, isSloganNumeral, isTimeOfDay, isUnitDesignation, isVersionNumber,
} from '../../extractors/predicates.js';

type Predicate = (text: string, start: number, end: number) => boolean;
/** Mark the number under test with [brackets]: '电话[024]-1234' → span of 024 in '电话024-1234'. */
function at(marked: string): [string, number, number] {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return [marked.replace('[', '').replace(']', ''), start, end];
}

const table: [string, Predicate, [string, boolean][]][] = [
  ['isPhoneNumber', isPhoneNumber, [
    ['联系电话：[024]-23456789', true], ['电话：024-[23456789]', true], ['手机[13912345678]', true],
    ['举报电话 [12317]', true], ['全县脱贫[1246]人', false], ['投入[1100]万元', false],
  ]],
  ['isVersionNumber', isVersionNumber, [
    ['教育信息化[2.0]行动计划', true], ['升级到V[3.1]', true], ['[3.0]版', true], ['拓宽道路[21.5]公里', false], ['[2.0]倍', false],
  ]],
  ['isUnitDesignation', isUnitDesignation, [
    ['慰问[31694]部队', true], ['[8341]信箱', true], ['帮扶[3]个村', false], ['[12]个部门', false],
  ]],
  ['isClauseNumber', isClauseNumber, [
    ['第[3]条', true], ['第[二十四]期', true], ['（[2]）强化保障', true], ['([三])加强领导', true], ['[1].加强组织', true],
    ['  [2]、落实责任', true], ['共[1.2]万人', false], ['[1246]人', false], ['完成[3]项', false],
  ]],
  ['isPageNumber', isPageNumber, [
    ['— [3] —', true], ['-[12]-', true], ['第3页 共[31]页', true], ['减少[3]-5个', false],
  ]],
  ['isTimeOfDay', isTimeOfDay, [['[10]:19', true], ['10:[19]', true], ['8：[30]开会', true], ['[10]个', false]],
  ],
  ['isDatePart', isDatePart, [
    ['[2020]年', true], ['[2019]年度', true], ['[2018]-2020年', true], ['2018-[2020]年', true], ['[3]月', true],
    ['3月[15]日', true], ['[2019]-03-03', true], ['2019.[3].3', true], ['[6]个月', false], ['[5]个工作日', false],
    ['[3]年', false], ['[2000]元', false], ['[30]日内', false], ['6月[30]日内', true],
  ]],
  ['isShareCounter', isShareCounter, [['分享到：[35.1]K', true], ['阅读 [1024]', true], ['分享经验[3]次', false]]],
  ['isSloganNumeral', isSloganNumeral, [
    ['“两不愁[三]保障”', true], ['[两]不愁', true], ['“[五]个一批”', true], ['五个一批[三]个', false], ['[一]户一策', true],
    ['一户[一]策', true], ['[一]对一', true], ['[四]议一审两公开', true], ['四议一审[两]公开', true], ['资助[四]万元', false],
    ['[十四]种大病', false], ['[3]个', false],
  ]],
  ['isPlaceName', isPlaceName, [['[六]家子镇', true], ['[三]家子村', true], ['[二]道沟', true], ['[六]家企业', false], ['[3]家子', false]]],
  // issue #12: never-quantities
  ['isSectionNumber', isSectionNumber, [
    ['[2.1]种子播前处理', true], ['前言\n[14.1]种子初加工', true], ['[1.1].1犁', true], ['表 [3.2]人员配置', true],
    ['[2.5]公里', false], ['道路长[2.5]公里', false], ['[1.5]倍', false], ['[3.5]%', false], ['[2.5]万元', false],
  ]],
  ['isInUrl', isInUrl, [
    ['http://www.gov.cn/zhengce/[2020]-03/12/c.htm', true], ['www.jiangxi.gov.cn/art/[14075]', true], ['jyt[2021]@163.com', true],
    ['投入[2020]万元', false], ['[5]G基站', false],
  ]],
  ['isPolicyPackage', isPolicyPackage, [
    ['稳外贸[12]条措施', true], ['“[10]条”措施', true], ['金融[15]条落地', true], ['新国[十]条', true], ['减税降费政策[10]条', true],
    ['新建道路[12]条', false], ['全国[15]条高铁', false], ['金融[3]条件', false], ['[5]个乡镇', false],
  ]],
  ['isDaySpan', isDaySpan, [
    ['[30]日内', true], ['公示期为[7]日', true], ['提前[15]日', true], ['不少于[60]日', true], ['[60]日以上', true],
    ['6月[30]日内', false], ['于[15]日前', false], ['每月[5]日', false], ['[15]日召开', false],
  ]],
];

describe.each(table)('%s', (_name, predicate, rows) => {
  test.each(rows)('%s → %s', (marked, want) => expect(predicate(...at(marked))).toBe(want));
});
