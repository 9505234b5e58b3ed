import { describe, expect, test } from 'vitest';
import type { Quantity } from '../../src/model.js';
import { extractQuantities } from '../../extractors/quantities.js';

type Want = Omit<Quantity, 'where' | 'subject'>;
/** What a reader checks; subject and spans are tested on their own below. */
function run(text: string): Want[] {
  return extractQuantities(text).map(({ where: _w, subject: _s, ...q }) => q);
}
const t = (text: string, value: number, unit: string, more: Partial<Want> = {}): Want => ({
  text, kind: 'target', value, unit, comparator: '=', ...more,
});
const s = (text: string, value: number, unit: string, more: Partial<Want> = {}): Want => ({
  text, kind: 'standard', value, unit, comparator: '=', ...more,
});

const cases: [string, Want[]][] = [
  // counts to reach, with magnitudes folded in
  ['本年度全乡计划脱贫863人', [t('863人', 863, '人')]],
  ['改造农村公路75公里', [t('75公里', 75, '公里')]],
  ['新建村级光伏电站12座', [t('12座', 12, '座')]],
  ['全市共有9.35万贫困人口', [t('9.35万贫困人口', 93500, '人')]],
  ['帮助2.4万名农民工返乡创业', [t('2.4万名', 24000, '名')]],
  ['全年投入专项资金2600万元', [t('2600万元', 26000000, '元')]],
  ['争取上级资金1.5亿元', [t('1.5亿元', 150000000, '元')]],
  ['累计投入资金3千万元', [t('3千万元', 30000000, '元')]],
  ['组建十二支服务队', [t('十二支', 12, '支')]],
  // units of area, energy and days-within; 人均/户均 is a per-unit; a bracketed qualifier stays on its noun
  ['划定生态保护红线不低于380平方千米', [t('不低于380平方千米', 380, '平方千米', { comparator: '>=' })]],
  ['年用电量300万千瓦时以上的企业', [t('300万千瓦时以上', 3000000, '千瓦时', { comparator: '>=' })]],
  ['按每千瓦时0.05元给予补贴', [s('0.05元', 0.05, '元', { per: ['千瓦时'] })]],
  ['收到材料后20日内办结', [t('20日内', 20, '日', { comparator: '<=' })]],
  ['于9月20日内完成', []],
  ['起付标准为上年度居民人均可支配收入的50%', [s('50%', 50, '%')]],
  ['户均增收3000元以上', [s('3000元以上', 3000, '元', { comparator: '>=', per: ['户'] })]],
  ['每个村（社区）至少配备3名网格员', [s('3名', 3, '名', { comparator: '>=', per: ['村（社区）'] })]],
  ['覆盖二十三种慢性病', [t('二十三种', 23, '种')]],
  ['建成两所寄宿制学校', [t('两所', 2, '所')]],
  ['新增就业岗位1,200个', [t('1,200个', 1200, '个')]],
  ['发展合作社１５家', [t('１５家', 15, '家')]],
  ['培训致富带头人 36 人', [t('36 人', 36, '人')]],
  ['打井30眼，铺设管网8.5千米', [t('30眼', 30, '眼'), t('8.5千米', 8.5, '千米')]],
  ['完成造林4300亩', [t('4300亩', 4300, '亩')]],
  ['办理时限压缩为3个工作日', [t('3个工作日', 3, '个工作日')]],
  ['过渡期为6个月', [t('6个月', 6, '个月')]],
  ['服务期满3年', [t('3年', 3, '年')]],
  // comparators
  ['发展特色种植户200户以上', [t('200户以上', 200, '户', { comparator: '>=' })]],
  ['贫困村覆盖率达到98%以上', [t('达到98%以上', 98, '%', { comparator: '>=' })]],
  ['入学率达到100%', [t('达到100%', 100, '%')]],
  ['建档立卡户收入不低于6000元', [t('不低于6000元', 6000, '元', { comparator: '>=' })]],
  ['每个乡镇不少于3个示范点', [s('不少于3个', 3, '个', { comparator: '>=', per: ['乡镇'] })]],
  ['每村至少安排2名护林员', [s('2名', 2, '名', { comparator: '>=', per: ['村'] })]],
  ['单个项目投资不超过50万元', [t('不超过50万元', 500000, '元', { comparator: '<=' })]],
  ['贷款利率上浮不高于10%', [t('不高于10%', 10, '%', { comparator: '<=' })]],
  ['贫困发生率降至1%以下', [t('降至1%以下', 1, '%', { comparator: '<=' })]],
  ['综合贫困发生率低于3%', [t('低于3%', 3, '%', { comparator: '<' })]],
  ['增幅高于全省平均水平2个百分点', [t('2个百分点', 2, '个百分点', { comparator: '>' })]],
  ['年收入超过8000元的农户', [t('超过8000元', 8000, '元', { comparator: '>' })]],
  ['误差控制在5%以内', [t('控制在5%以内', 5, '%', { comparator: '<=' })]],
  ['带动农户30余户', [t('30余户', 30, '户', { comparator: '>', approximate: true })]],
  ['救助金额提高到不低于当地最低工资标准的1.5倍', [s('1.5倍', 1.5, '倍', { comparator: '>=' })]],
  ['村民人均收入比2015年翻一番', [t('翻一番', 2, '倍')]],
  ['集体经济收入翻两番以上', [t('翻两番以上', 4, '倍', { comparator: '>=' })]],
  ['百分之十五的资金用于奖补', [s('百分之十五', 15, '%')]],
  // ranges: two bounds from the same words, low ">=" and high "<=" (OUTPUT.md; issue #12 changed this from one item with max)
  ['每县建设3-5个扶贫车间', [s('3-5个', 3, '个', { comparator: '>=', per: ['县'] }), s('3-5个', 5, '个', { comparator: '<=', per: ['县'] })]],
  // a range that writes its unit twice is one range
  ['对达标的卫生院每所奖补20万元至50万元', [s('20万元至50万元', 200000, '元', { comparator: '>=', per: ['所'] }), s('20万元至50万元', 500000, '元', { comparator: '<=', per: ['所'] })]],
  ['绿化覆盖率提高20%—30%', [t('20%—30%', 20, '%', { comparator: '>=' }), t('20%—30%', 30, '%', { comparator: '<=' })]],
  ['新建道路3公里到5公里', [t('3公里到5公里', 3, '公里', { comparator: '>=' }), t('3公里到5公里', 5, '公里', { comparator: '<=' })]],
  // 每 + an institution noun: the whole noun is the per-unit
  ['每个乡镇卫生院配备全科医生3—5名', [s('3—5名', 3, '名', { comparator: '>=', per: ['乡镇卫生院'] }), s('3—5名', 5, '名', { comparator: '<=', per: ['乡镇卫生院'] })]],
  ['每个村卫生室至少配备1名乡村医生', [s('1名', 1, '名', { comparator: '>=', per: ['村卫生室'] })]],
  ['每个行政村配备保洁员不少于2名', [s('不少于2名', 2, '名', { comparator: '>=', per: ['村'] })]],
  // minutes, and a time span with 内
  ['初中书面作业平均完成时间不超过90分钟', [t('不超过90分钟', 90, '分钟', { comparator: '<=' })]],
  ['竣工验收合格后30个工作日内拨付资金', [t('30个工作日内', 30, '个工作日', { comparator: '<=' })]],
  ['在3个乡镇内开展试点', [t('3个', 3, '个')]],
  // 年级 and 年代 are not years
  ['三至六年级书面作业减量', []],
  ['上世纪90年代建成的小区', []],
  ['选派2至3名驻村干部', [t('2至3名', 2, '名', { comparator: '>=' }), t('2至3名', 3, '名', { comparator: '<=' })]],
  ['建设五至八个示范村', [t('五至八个', 5, '个', { comparator: '>=' }), t('五至八个', 8, '个', { comparator: '<=' })]],
  // standards: per-units in written order
  ['寄宿生生活补助1500元/生/年', [s('1500元/生/年', 1500, '元', { per: ['生', '年'] })]],
  ['护理补贴按200元/人/月发放', [s('200元/人/月', 200, '元', { per: ['人', '月'] })]],
  ['每人每年给予800元交通补助', [s('800元', 800, '元', { per: ['人', '年'] })]],
  ['每户补助两万五千元', [s('两万五千元', 25000, '元', { per: ['户'] })]],
  ['每村5万元启动资金', [s('5万元', 50000, '元', { per: ['村'] })]],
  ['每生每年初中1500元、高中2500元', [s('1500元', 1500, '元', { per: ['生', '年'] }), s('2500元', 2500, '元', { per: ['生', '年'] })]],
  ['每亩补贴120元', [s('120元', 120, '元', { per: ['亩'] })]],
  ['低保标准为每人每月420元', [s('420元', 420, '元', { per: ['人', '月'] })]],
  ['医疗费用报销比例为90%', [s('90%', 90, '%')]],
  ['按照本科5000元、专科3000元的标准资助', [s('5000元', 5000, '元'), s('3000元', 3000, '元')]],
  ['每个贫困村实现集体收入5万元以上', [t('5万元以上', 50000, '元', { comparator: '>=', per: ['村'] })]],
  ['每年至少走访4次', [s('4次', 4, '次', { comparator: '>=', per: ['年'] })]],
  // near-misses: nothing
  ['根据辽政办发〔2019〕15号文件精神', []],
  ['2020年底前完成', []],
  ['3月15日召开推进会', []],
  ['2018-2020年三年行动', []],
  ['（2）强化产业扶持', []],
  ['1.加强组织领导', []],
  ['第一，提高认识', []],
  ['第3条规定', []],
  ['第二十四期', []],
  ['教育信息化2.0行动计划', []],
  ['慰问31694部队官兵', []],
  ['联系电话：024-23456789', []],
  ['咨询热线 12345', []],
  ['— 3 —', []],
  ['2019年03月03日 10:19', []],
  ['分享到：12.5K', []],
  ['实现“两不愁三保障”', []],
  ['实施“五个一批”工程', []],
  ['推行一户一策、一对一帮扶', []],
  ['落实四议一审两公开制度', []],
  ['推进一批产业项目', []],
  ['三年行动计划', []],
  ['党的十九大精神', []],
  ['可二次利用的资源', []],
  ['三家子村和六家子镇', []],
  ['每两个月调度一次', []],
  // per-units beyond people and years
  ['每处补助不超过50万元', [s('不超过50万元', 500000, '元', { comparator: '<=', per: ['处'] })]],
  ['每个项目奖励资金20万元', [s('20万元', 200000, '元', { per: ['项目'] })]],
  ['每座桥梁补助15万元', [s('15万元', 150000, '元', { per: ['座'] })]],
  // a period heading parallel minimums: the second takes the period too
  ['乡镇党委书记每月至少调度2次、至少要有8个工作日用于春耕生产', [s('2次', 2, '次', { comparator: '>=', per: ['月'] }), s('8个工作日', 8, '个工作日', { comparator: '>=', per: ['月'] })]],
  ['每季度至少召开1次会议、不少于3个专题', [s('1次', 1, '次', { comparator: '>=', per: ['季度'] }), s('不少于3个', 3, '个', { comparator: '>=', per: ['季度'] })]],
  ['每月开展1次检查、2个项目完成验收', [s('1次', 1, '次', { per: ['月'] }), t('2个', 2, '个')]],
];

describe('extractQuantities', () => {
  test.each(cases)('%s', (text, want) => expect(run(text)).toEqual(want));
});

describe('spans and subjects', () => {
  test('text is the slice at where', () => {
    const text = '全县完成D级危房改造189户，每户补助四万元，覆盖率达到95%以上。';
    const got = extractQuantities(text);
    expect(got.map((q) => [q.text, q.subject])).toEqual([
      ['189户', 'D级危房改造'],
      ['四万元', '补助'],
      ['达到95%以上', '覆盖率'],
    ]);
    for (const q of got) expect(text.slice(q.where!.start, q.where!.end)).toBe(q.text);
  });
  test('an article label and the copula before the number are not the subject', () => {
    expect(extractQuantities('第四条 门诊慢特病起付标准为每年300元。')[0].subject).toBe('门诊慢特病起付标准');
    expect(extractQuantities('（二）认定结果有效期为2年。')[0].subject).toBe('认定结果有效期');
    expect(extractQuantities('3.新建公共充电桩的额定功率均为120千瓦。')[0].subject).toBe('公共充电桩的额定功率');
  });
  test('the noun right after the unit is the subject', () => {
    expect(extractQuantities('开展12种重点疾病筛查')[0].subject).toBe('重点疾病筛查');
    expect(extractQuantities('每人每年给予1200元生活补贴')[0].subject).toBe('生活补贴');
  });
});
