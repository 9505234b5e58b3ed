// Word tables for quantities.ts: measure words, comparators, approximation words and the nouns a
// bare number counts. Typed tables, longest first where one word is the start of another.
import type { Comparator } from '../src/model.js';

/** Measure words kept as written; longest first so 个工作日 wins over 个 and 美元 is not read as 元. */
export const MEASURE_WORDS = [
  '个工作日', '个百分点', '个自然日', '个季度', '工作日', '百分点', '个月', '平方公里', '平方千米', '千瓦时', '千瓦', '兆瓦', '平方米', '立方米',
  '公里', '千米', '公斤', '千克', '公顷', '小时', '分钟', '学时', '课时', '学分', '人次', '户次', '家次', '车次', '架次', '周岁',
  'kWh', 'kW', 'MW', 'km', 'kg', 'mm', 'cm', 'm³', 'm²',
  '微克', '毫克', '分贝', '美元', '港元', '澳门元', '欧元', '日元', '英镑', '马力', '大类', '小类', '台套',
  '元', '人', '名', '户', '家', '个', '所', '座', '条', '项', '种', '次', '倍', '亩', '吨', '头', '只', '处', '间', '套', '台', '辆',
  '批次', '批', '起', '天', '岁', '年', '周', '份', '件', '场', '张', '篇', '支', '眼', '床', '位', '口', '棵', '株', '米', '日', '门', '期', '轮',
  '栋', '层', '分', '%', '‰',
] as const;

/** Characters that make the unit part of another word: 三至六年级 (a grade), 90年代 (a decade), 3周年. */
export const UNIT_WORD_CONTINUES: Readonly<Record<string, RegExp>> = {
  年: /^[级代]/u, 周: /^年/u, 门: /^[户槛诊]/u,
  // 12起事故 counts events; 起草, 起点, 起步, 起始, 起来 are words of their own
  起: /^[草点步始来]/u,
  // 三期工程 is phase III, 一期项目 phase I
  期: /^(?:[间限末]|工程|项目|建设|改造)/u,
};

/**
 * A measure word that begins a longer word ("1项目申请报告", "2.1种子处理"): at the start of a line or a
 * table cell the number is then a serial or section label, not a count (mid-sentence "5项目标" is a count).
 */
export const LABEL_WORD_AFTER_UNIT: Readonly<Record<string, RegExp>> = {
  项: /^目/u, 种: /^[子类植养]/u, 天: /^[然气]/u, 名: /^[称单录]/u, 家: /^[庭族]/u, 所: /^[有属在得]/u, 条: /^[件例款]/u,
  次: /^[数序]/u, 人: /^[员民才力工]/u, 处: /^[理置]/u, 台: /^账/u, 场: /^[所地]/u, 户: /^[籍口]/u, 批: /^[准复]/u,
  件: /^[数]/u, 期: /^[间限]/u, 门: /^[户槛诊]/u, 年: /^[度初终]/u, 周: /^[边期末]/u, 元: /^[旦素]/u, 个: /^[人体性]/u,
};

/**
 * A count says "3个项目" and "5项目标任务"; "1项目申请报告" anywhere is a serial glued to a 项目 by a
 * flattened table, whatever stands before it.
 */
export const LABEL_WORD_ANYWHERE: Readonly<Record<string, RegExp>> = { 项: /^目(?!标)/u };

/** Where no measure word follows, the unit is what is counted ("28.56万贫困人口" → 人). */
export const COUNTED_NOUNS: Readonly<Record<string, string>> = {
  贫困人口: '人', 建档立卡贫困人口: '人', 人口: '人', 贫困群众: '人', 群众: '人', 劳动力: '人', 贫困户: '户', 农户: '户',
};

export const COMPARATOR_BEFORE: Readonly<Record<string, Comparator>> = {
  不少于: '>=', 不低于: '>=', 不小于: '>=', 至少: '>=', 最少: '>=', 最低: '>=',
  不得少于: '>=', 不得低于: '>=', 不应少于: '>=', 不应低于: '>=', 不能少于: '>=', 不能低于: '>=', 不宜少于: '>=', 不宜低于: '>=',
  不超过: '<=', 未超过: '<=', 没有超过: '<=', 不高于: '<=', 不多于: '<=', 不大于: '<=', 最多: '<=', 最高: '<=', 控制在: '<=',
  最长: '<=', 不得超过: '<=', 不得高于: '<=', 不得多于: '<=', 不应超过: '<=', 不应高于: '<=', 不能超过: '<=', 不宜超过: '<=',
  不足: '<', 不满: '<', 未满: '<', 低于: '<', 未达到: '<', 少于: '<', 小于: '<', 高于: '>', 超过: '>', 多于: '>', 大于: '>',
  // symbols, as tables and technical lists write them ("≥100马力", "＜5%")
  '≥': '>=', '≧': '>=', '≤': '<=', '≦': '<=', '＞': '>', '＜': '<', '>': '>', '<': '<',
  // "补助上限为800万元": a cap; "下限为" a floor
  上限为: '<=', 上限是: '<=', 最高限额为: '<=', 下限为: '>=', 下限是: '>=',
  达到: '=', 提高到: '=', 提高至: '=', 增加到: '=', 降低到: '=', 降至: '=',
};
export const COMPARATOR_AFTER: Readonly<Record<string, Comparator>> = {
  及以上: '>=', 以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 之内: '<=', 封顶: '<=',
};

/** Words right before a number that make it an estimate ("约3000人", "大约两成"). */
export const APPROXIMATE_BEFORE = ['大约', '约为', '约', '接近', '将近', '近'] as const;
/** 近 before a span of time is "the last": 近3年 is the past three years, no estimate. */
export const NOT_APPROXIMATE_AFTER_JIN = new Set(['年', '个月', '周', '天', '日', '个季度', '小时']);
/** Words right after a quantity that make it an estimate ("3000人左右"). */
export const APPROXIMATE_AFTER = ['左右'] as const;

/** Words that make a number a standard (a rate, subsidy or norm) rather than a count to reach. */
export const STANDARD_WORDS = /标准|补助|补贴|资助|奖补|奖励|救助|给予|发放|报销|筹资|供养|减收|减免|费用|比例/u;
/** Verbs that make a per-unit figure something to reach ("每村实现…收入3万元以上"). */
export const TARGET_VERBS = /实现|达到|完成|确保/u;

/** "30个工作日内", "3个月内": within a time span; after a count ("3个乡镇内") 内 is a place, not a bound. */
export const WITHIN = '内';
export const TIME_UNITS = new Set(['个工作日', '工作日', '个自然日', '个月', '个季度', '小时', '分钟', '天', '日', '年', '周']);
