// Quantities as notices of many fields write them (issue #12, Numbers). ESLint/textlint style: every
// valid sentence lists exactly what must come out, every invalid one says why nothing (or less) does.
// All sentences were written for this table; none is copied from a notice.
import { describe, expect, test } from 'vitest';
import type { Comparator } from '../../src/model.js';
import { extractQuantities } from '../../extractors/quantities.js';

/** [text, value, unit, comparator, per?, approximate?]: what a register row needs from a quantity. */
type Q = [string, number, string, Comparator, string[]?, true?];
function run(text: string, title?: string): Q[] {
  return extractQuantities(text, { title }).map((q) => {
    const row: Q = [q.text, q.value, q.unit, q.comparator ?? '='];
    if (q.per?.length || q.approximate) row.push(q.per ?? []);
    if (q.approximate) row.push(true);
    return row;
  });
}

const valid: [string, Q[], string][] = [
  // ranges: two bounds from the same words
  ['各县区建成3-5个社区养老服务综合体', [['3-5个', 3, '个', '>='], ['3-5个', 5, '个', '<=']], 'ASCII dash range'],
  ['每所学校培育2－4项特色课程', [['2－4项', 2, '项', '>=', ['学校']], ['2－4项', 4, '项', '<=', ['学校']]], 'full-width dash range with a per before it'],
  ['对认定的创新平台给予10万元至30万元奖励', [['10万元至30万元', 100000, '元', '>='], ['10万元至30万元', 300000, '元', '<=']], 'a range writing 万元 twice'],
  ['开展6-12岁儿童视力筛查', [['6-12岁', 6, '岁', '>='], ['6-12岁', 12, '岁', '<=']], 'an age range'],
  ['每个社区配备1～2名社工', [['1～2名', 1, '名', '>=', ['社区']], ['1～2名', 2, '名', '<=', ['社区']]], 'wave dash range'],
  ['每条线路配备公交车15至20辆', [['15至20辆', 15, '辆', '>=', ['线路']], ['15至20辆', 20, '辆', '<=', ['线路']]], '至 joins the bounds; 每条线路 is per 线路'],
  ['贷款期限一般为1-3年', [['1-3年', 1, '年', '>='], ['1-3年', 3, '年', '<=']], 'a range of years is no date'],
  ['执行利率下浮10%—20%', [['10%—20%', 10, '%', '>='], ['10%—20%', 20, '%', '<=']], 'percent range with em dash'],
  // 不得/不应 comparators
  ['单笔贷款金额不得超过300万元', [['不得超过300万元', 3000000, '元', '<=']], '不得超过 is at most, not more than'],
  ['考核成绩不得低于60分', [['不得低于60分', 60, '分', '>=']], '不得低于 is at least; 分 is a score'],
  ['每年参加继续教育不得少于90学时', [['不得少于90学时', 90, '学时', '>=', ['年']]], '不得少于 with a yearly per'],
  ['夜间噪声不应高于45分贝', [['不应高于45分贝', 45, '分贝', '<=']], '分贝 is a unit, not 分 + 贝'],
  ['单次门诊自付费用不高于30元', [['不高于30元', 30, '元', '<=']], '不高于'],
  ['建筑垃圾资源化利用率不应低于50%', [['不应低于50%', 50, '%', '>=']], '不应低于'],
  // per before the number
  ['每万人口拥有全科医生不少于4名', [['不少于4名', 4, '名', '>=', ['万人口']]], '每万人口'],
  ['按每千人口不少于4.5个托位配置', [['不少于4.5个', 4.5, '个', '>=', ['千人口']]], '每千人口 with a decimal'],
  ['每万人口不少于5张床位', [['不少于5张', 5, '张', '>=', ['万人口']]], '床位 counted in 张'],
  ['生均公用经费不低于800元/年', [['不低于800元/年', 800, '元', '>=', ['生', '年']]], '生均 before, /年 after: both per-units in order'],
  ['亩均税收达到15万元以上', [['达到15万元以上', 150000, '元', '>=', ['亩']]], '亩均 is per 亩'],
  ['人均公园绿地面积不低于12平方米', [['不低于12平方米', 12, '平方米', '>=', ['人']]], '人均 is per 人'],
  ['户均增收不少于2000元', [['不少于2000元', 2000, '元', '>=', ['户']]], '户均 is per 户'],
  ['每个设区市至少建设1个示范县', [['1个', 1, '个', '>=', ['设区市']]], '每个设区市, 至少 before the verb'],
  ['每个试点县支持资金500万元', [['500万元', 5000000, '元', '=', ['试点县']]], 'a noun outside the list, kept whole'],
  ['每个示范村奖励10万元', [['10万元', 100000, '元', '=', ['示范村']]], 'another place noun kept whole'],
    ['每名教师每学年培训不少于72学时', [['不少于72学时', 72, '学时', '>=', ['教师', '学年']]], 'two 每 links'],
  ['每班学生不超过45人', [['不超过45人', 45, '人', '<=', ['班']]], '每班'],
  ['每头能繁母猪补助100元', [['100元', 100, '元', '=', ['头']]], '每头 with a noun between'],
  ['每立方米污水处理费0.95元', [['0.95元', 0.95, '元', '=', ['立方米']]], '每立方米'],
  // 大写 numerals and currencies
  ['资助标准为贰拾万元', [['贰拾万元', 200000, '元', '=']], '大写 with 万'],
  ['奖励人民币壹佰元整', [['壹佰元整', 100, '元', '=']], '元整 keeps 元'],
  ['合同金额叁仟伍佰元', [['叁仟伍佰元', 3500, '元', '=']], '大写 thousands and hundreds'],
  ['实际利用外资2000万美元', [['2000万美元', 20000000, '美元', '=']], '美元 kept as unit'],
  ['引进港资不少于500万港元', [['不少于500万港元', 5000000, '港元', '>=']], '港元 kept as unit'],
  ['对欧出口1.2亿欧元', [['1.2亿欧元', 120000000, '欧元', '=']], '欧元 kept as unit'],
  ['项目总投资3万5千元', [['3万5千元', 35000, '元', '=']], 'two magnitudes: 万 then 千'],
  ['争取中央资金1亿2000万元', [['1亿2000万元', 120000000, '元', '=']], 'two magnitudes: 亿 then 万'],
  ['吸引百余家企业入驻', [['百余家', 100, '家', '>', [], true]], '百余: a bare magnitude before 余'],
  ['抽调十余名骨干教师', [['十余名', 10, '名', '>', [], true]], '十余'],
  // durations
  ['服务期限为一年半', [['一年半', 1.5, '年', '=']], '一年半 is 1.5 years'],
  ['公示期为60日', [['60日', 60, '日', '=']], '60日 after 为 is a span, not a day of a month'],
  ['提前15日书面告知', [['15日', 15, '日', '=']], '提前 makes 15日 a span'],
  ['收到申请后30日内答复', [['30日内', 30, '日', '<=']], '日内 is within'],
  ['顶岗实习不少于3周', [['不少于3周', 3, '周', '>=']], '周 as a duration'],
  ['用两个季度完成整改', [['两个季度', 2, '个季度', '=']], '个季度 as a duration'],
  ['连续缴费二十年以上', [['二十年以上', 20, '年', '>=']], 'a Chinese count of years with a bound is a duration'],
  ['整改期限最长不超过6个月', [['不超过6个月', 6, '个月', '<=']], '个月 with a bound'],
  ['急诊患者候诊时间不超过30分钟', [['不超过30分钟', 30, '分钟', '<=']], '分钟 is not 分'],
  ['接到投诉后一个月内完成整改', [['一个月内', 1, '个月', '<=']], 'a lone 一 with 内 is a span, not an article'],
  ['一周以内反馈意见', [['一周以内', 1, '周', '<=']], 'a lone 一 with 以内'],
  ['三年内完成老旧管网改造', [['三年内', 3, '年', '<=']], 'a Chinese count of years with 内 is a span'],
  ['取得产权证书5年内不得转让', [['5年内', 5, '年', '<=']], 'years within'],
  ['单户贷款额度10万元（含）以下', [['10万元（含）以下', 100000, '元', '<=']], '（含） between the unit and 以下'],
  ['总投资5000万元（含）以上的项目', [['5000万元（含）以上', 50000000, '元', '>=']], '（含） between the unit and 以上'],
  ['参保缴费不足3个月的', [['不足3个月', 3, '个月', '<']], '不足 is less than'],
  ['未满16周岁的未成年人', [['未满16周岁', 16, '周岁', '<']], '未满 is less than'],
  ['护理补贴300元/人·月', [['300元/人·月', 300, '元', '=', ['人', '月']]], 'a middle dot joins per-units'],
  ['生活补助1500元/（人·年）', [['1500元/（人·年）', 1500, '元', '=', ['人', '年']]], 'per-units in brackets'],
  // percentages in words, negatives, points
  ['城镇污水集中收集率达到百分之七十', [['达到百分之七十', 70, '%', '=']], '百分之 in words'],
  ['保持在百分之八十以上', [['百分之八十以上', 80, '%', '>=']], '百分之 with 以上'],
  ['能耗强度下降三点五个百分点', [['三点五个百分点', 3.5, '个百分点', '=']], 'a Chinese decimal'],
    ['工业增加值增速为负2.5%', [['负2.5%', -2.5, '%', '=']], '负 makes the value negative'],
  ['单位GDP能耗下降1.2个百分点', [['1.2个百分点', 1.2, '个百分点', '=']], '个百分点 kept as unit; PM-like 2.5 is not here'],
  ['近视率每年降低0.5个百分点以上', [['0.5个百分点以上', 0.5, '个百分点', '>=', ['年']]], 'a yearly fall in points'],
  ['婴儿死亡率控制在千分之五以下', [['控制在千分之五以下', 5, '‰', '<=']], '千分之 in words is per mille'],
  ['药占比控制在30%至50%', [['控制在30%至50%', 30, '%', '>='], ['控制在30%至50%', 50, '%', '<=']], 'a range after 控制在 is still two bounds'],
  ['门诊报销比例30-50%', [['30-50%', 30, '%', '>='], ['30-50%', 50, '%', '<=']], 'the unit written once after the range'],
  ['功率≥100马力的拖拉机', [['≥100马力', 100, '马力', '>=']], 'a symbol comparator in a technical list'],
  ['烘干后含水率＜5%', [['＜5%', 5, '%', '<']], 'a full-width less-than sign'],
  ['额定功率≤25kW', [['≤25kW', 25, 'kW', '<=']], 'a Latin unit kept as written'],
  ['处理能力5吨/小时', [['5吨/小时', 5, '吨', '=', ['小时']]], 'per hour after a slash'],
  // approximate
  ['约3000名学生受益', [['约3000名', 3000, '名', '=', [], true]], '约 before the number'],
  ['年培训农民5000人左右', [['5000人左右', 5000, '人', '=', [], true]], '左右 after'],
  ['带动50多户农户增收', [['50多户', 50, '户', '>', [], true]], '多 is more than, and approximate'],
  ['培育龙头企业20余家', [['20余家', 20, '家', '>', [], true]], '余 is more than, and approximate'],
  ['全年接待游客约500万人次', [['约500万人次', 5000000, '人次', '=', [], true]], '约 with a magnitude'],
  ['惠及近3000户群众', [['近3000户', 3000, '户', '=', [], true]], '近 before a count is an estimate'],
  ['覆盖率接近90%', [['接近90%', 90, '%', '=', [], true]], '接近'],
  ['近3年累计投入资金2亿元', [['3年', 3, '年', '='], ['2亿元', 200000000, '元', '=']], '近3年 is the past three years, no estimate'],
    ['建设10个左右示范基地', [['10个左右', 10, '个', '=', [], true]], '左右 after a measure word'],
  // plain counts and bounds from other fields
  ['全省新建公办幼儿园200所以上', [['200所以上', 200, '所', '>=']], 'education: 所以上 is 所 + 以上'],
  ['新改建农村公路1200公里', [['1200公里', 1200, '公里', '=']], 'transport'],
  ['城镇新增就业5万人以上', [['5万人以上', 50000, '人', '>=']], 'employment'],
  ['城镇调查失业率控制在5.5%以内', [['控制在5.5%以内', 5.5, '%', '<=']], 'employment: 控制在…以内'],
  ['建设保障性租赁住房1.5万套', [['1.5万套', 15000, '套', '=']], 'housing'],
  ['首套住房首付比例不低于20%', [['不低于20%', 20, '%', '>=']], 'finance'],
  ['粮食播种面积稳定在1000万亩以上', [['1000万亩以上', 10000000, '亩', '>=']], 'agriculture'],
  ['生猪出栏300万头左右', [['300万头左右', 3000000, '头', '=', [], true]], 'agriculture, approximate'],
  ['PM2.5平均浓度控制在35微克/立方米以下', [['控制在35微克/立方米以下', 35, '微克', '<=', ['立方米']]], 'environment: PM2.5 is a name, 微克/立方米 a unit'],
  ['65岁以上老年人健康管理率达到70%', [['65岁以上', 65, '岁', '>='], ['达到70%', 70, '%', '=']], 'health: an age bound outside any title scope counts'],
  ['对认定的省级示范园区一次性奖励50万元', [['50万元', 500000, '元', '=']], 'a one-off award'],
  ['2.5公里', [['2.5公里', 2.5, '公里', '=']], 'a table cell holding only a decimal measure is no section number'],
  ['举办三期培训班', [['三期', 3, '期', '=']], '期 counts sessions when no 工程 follows'],
    ['签约3个重大项目', [['3个', 3, '个', '=']], '签约 ends in 约 but is not an estimate'],
  ['完成5项目标任务', [['5项', 5, '项', '=']], '5项 then 目标: a count, not a serial'],
];

const invalid: [string, string][] = [
  ['2.1种子播前处理和育苗机械设备', 'a section number opening a line'],
  ['14.1种子初加工机械', 'a two-digit section number'],
  ['18.1.1轮式拖拉机', 'a three-level section number'],
  ['1项目申请报告', 'a table serial glued to 项目'],
  ['煤矿建设项目需办理1项目初步设计审批申请报告', 'a serial glued to 项目 inside a flattened row'],
  ['3种子处理设备', 'a serial before 种子 at a line start'],
  ['2 人员培训 县人社局', 'a serial cell before 人员 in a flattened row'],
  ['1 年度目标任务分解', 'a serial cell before 年度'],
  ['落实稳外贸12条措施', 'a policy package: N条措施'],
  ['出台“10条”措施', 'a policy package in quotes'],
  ['金融15条落地见效', 'a policy package named by its field'],
  ['贯彻落实新国十条', 'a policy package in Chinese numerals'],
  ['减税降费政策10条', 'a package after 政策'],
  ['访问http://www.gov.cn/zhengce/2020-03/12/content_5490000.htm查看', 'numbers in a web address'],
  ['发送至jyt2021@163.com邮箱', 'numbers in an e-mail address'],
  ['联系电话0791-86251234', 'a phone number'],
  ['依据《2021—2025年全省养老服务体系建设规划》', 'years inside a cited title'],
  ['按照《3岁以下婴幼儿照护服务机构设置标准》执行', 'an age inside a cited title'],
  ['根据国办发〔2021〕7号文件', 'a 文号'],
  ['《安全生产法》第三十八条', 'a clause number'],
  ['第 二 十 七 条', 'a letter-spaced clause number'],
  ['违反二十六、二十七条规定的', 'a list of article numbers'],
  ['二 十 六 、 二 十 七 条 禁 止', 'a letter-spaced list: the tail of a split numeral is not read alone'],
  ['依照第5、6条执行', 'a list of article numbers after 第'],
  ['二级以上医院全部设置老年医学科', '二级 is a grade'],
  ['按照1:1比例配套', 'a ratio is not a count'],
  ['零就业家庭动态清零', '零 is no count'],
  ['考生十分重视', '十分 is "very"'],
  ['2021年3月15日召开调度会', 'a date'],
  ['6月30日前完成', 'a day of a month before 前'],
  ['十四五期间', 'a plan period name'],
  ['三年行动计划', 'a programme name'],
  ['上世纪80年代建成的老旧小区', 'a decade'],
  ['举行建校60周年庆典', 'an anniversary'],
  ['见附件1', 'an attachment number'],
  ['服务千家万户', '千家万户 is a set phrase'],
  ['推进三期工程建设', '三期工程 is phase III'],
  ['坚持四个不摘', 'a slogan: 四个不摘'],
  ['会上提出三点意见', '三点 without digits after it is "three points"'],
  ['牢固树立四个意识', 'a political set phrase without quotes'],
  ['坚决做到两个维护', 'a political set phrase without quotes'],
  ['建立一批示范基地', 'a lone 一 is an article'],
  ['陆家嘴金融城企业', 'a lone 大写 digit in a place name'],
  ['3.1人员配置', 'a section number before 人员'],
  ['4.2资金保障', 'a section number before a title'],
];

describe('quantities in many fields: valid', () => {
  test.each(valid)('%s', (text, want, _why) => expect(run(text)).toEqual(want));
});

describe('never a quantity: invalid', () => {
  test.each(invalid)('%s (%s)', (text, _why) => expect(run(text)).toEqual([]));
});

describe('a scope the title names is the plan subject, not a target', () => {
  const title = '关于促进3岁以下婴幼儿照护服务发展的实施意见';
  test.each([
    ['为3岁以下婴幼儿提供普惠照护服务', [], 'repeats the title scope'],
    ['建立促进3岁以下婴幼儿照护服务发展联席会议制度', [], 'a body named after the scope'],
    ['招收2-3岁的幼儿', [['2-3岁', 2, '岁', '>='], ['2-3岁', 3, '岁', '<=']], 'another age range is a real bound'],
    ['65岁以上老年人', [['65岁以上', 65, '岁', '>=']], 'a bound the title does not name'],
  ] as [string, Q[], string][])('%s (%s)', (text, want) => expect(run(text, title)).toEqual(want));
  test('an age range the title names is a scope too', () => {
    expect(run('为0-3岁婴幼儿家庭提供养育指导', '关于加强0-3岁婴幼儿早期发展工作的通知')).toEqual([]);
  });
  test('a target repeated from a title stays a target', () => {
    expect(run('新建100所幼儿园', '2021年新建100所幼儿园实施方案')).toEqual([['100所', 100, '所', '=']]);
  });
  test('without a title the bound is kept', () => {
    expect(run('为3岁以下婴幼儿提供普惠照护服务')).toEqual([['3岁以下', 3, '岁', '<=']]);
  });
});

describe('spans', () => {
  test('both bounds of a range quote the same words', () => {
    const text = '每个乡镇建设3－5个示范点。';
    const got = extractQuantities(text);
    expect(got).toHaveLength(2);
    for (const q of got) expect(text.slice(q.where!.start, q.where!.end)).toBe('3－5个');
  });
  test('约 and 负 are part of the quoted words', () => {
    const text = '增速为负2.5%，约3000名学生受益';
    for (const q of extractQuantities(text)) expect(text.slice(q.where!.start, q.where!.end)).toBe(q.text);
    expect(extractQuantities(text).map((q) => q.text)).toEqual(['负2.5%', '约3000名']);
  });
});
