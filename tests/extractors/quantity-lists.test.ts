// Quantities as notices from many fields write them: measure words (批次, 起), caps (上限为, 封顶), a
// counted 每 base ("每十名失能老年人不少于一名"), and lists that share what one item writes.
// Sentences written for these tests.
import { describe, expect, test } from 'vitest';
import { extractQuantities } from '../../extractors/quantities.js';

/** "text=value unit/per comparator" for each quantity, as a reader checks them. */
function run(text: string): string[] {
  return extractQuantities(text).map((q) => `${q.text}=${q.value}${q.unit}${q.per?.length ? `/${q.per.join(',')}` : ''}${q.comparator ?? '='}`);
}

const cases: [string, string[]][] = [
  // market regulation and safety: 批次 and 起 are measure words of their own
  ['每个农贸市场每天快检样品不少于20批次', ['不少于20批次=20批次/天>=']],
  ['全年食品安全抽检不少于4.5批次/千人', ['不少于4.5批次/千人=4.5批次/千人>=']],
  ['全市共发生生产安全事故12起，死亡9人', ['12起=12起=', '9人=9人=']],
  ['起草3个配套文件', ['3个=3个=']],
  // housing and finance: a cap or a floor written as a noun
  ['单个小区补助上限为800万元', ['上限为800万元=8000000元<=']],
  ['担保费率下限为0.5%', ['下限为0.5%=0.5%>=']],
  ['每户补助5万元封顶', ['5万元封顶=50000元/户<=']],
  // a counted 每 base is the per-unit of the number after it, not a quantity of its own
  ['养老机构按照每十名失能老年人不少于一名的比例配备护理人员', ['不少于一名=1名/十名失能老年人>=']],
  ['护林员按照每3000亩林地配备1名的标准落实', ['1名=1名/3000亩林地=']],
  ['每100名学生配备1名心理健康教师', ['1名=1名/100名学生=']],
  ['每5户设1名联络员', ['1名=1名/5户=']],
  // per-units that stand before the number
  ['乔木每株补助不超过30元', ['不超过30元=30元/株<=']],
  ['宫颈癌筛查每例补助120元', ['120元=120元/例=']],
  ['每万人拥有公共文化设施面积达到200平方米', ['达到200平方米=200平方米/万人=']],
  // lists: a 每 shared by counts of other things, a bound written once after the last item
  ['每个乡镇储备编织袋不少于5000条、救生衣不少于200件', ['不少于5000条=5000条/乡镇>=', '不少于200件=200件/乡镇>=']],
  ['每个村配备保洁员3名、购置垃圾车2辆', ['3名=3名/村=', '2辆=2辆/村=']],
  ['每人每年补助1200元、报销比例90%', ['1200元=1200元/人,年=', '90%=90%=']],
  ['高血压、糖尿病患者规范管理率分别达到65%、62%以上', ['达到65%=65%>=', '62%以上=62%>=']],
  ['早期筛查率和随访率分别为90%和85%以上', ['90%=90%>=', '85%以上=85%>=']],
  ['就业率达到90%和85%以上的学校', ['达到90%=90%=', '85%以上=85%>=']],
  ['培训1000人、2000人次以上', ['1000人=1000人=', '2000人次以上=2000人次>=']],
  // a change writes only the new figure: it keeps the old one's per-units
  ['孤儿基本生活保障标准由每人每月1800元提高到2000元', ['1800元=1800元/人,月=', '提高到2000元=2000元/人,月=']],
  ['补助标准由每人每年500元调整为600元', ['500元=500元/人,年=', '600元=600元/人,年=']],
];

describe('quantities in many fields', () => {
  test.each(cases)('%s', (text, want) => expect(run(text)).toEqual(want));
});

const more: [string, string[]][] = [
  // a magnitude written once, after the upper bound
  ['对认定的企业奖励10-20万元', ['10-20万元=100000元>=', '10-20万元=200000元<=']],
  ['单个项目补助50—100万元', ['50—100万元=500000元>=', '50—100万元=1000000元<=']],
  ['总投资1-2亿元', ['1-2亿元=100000000元>=', '1-2亿元=200000000元<=']],
  ['补贴8000-1万元', ['8000-1万元=8000元>=', '8000-1万元=10000元<=']],
  ['新增造林3-5万亩', ['3-5万亩=30000亩>=', '3-5万亩=50000亩<=']],
  // a rank is no count
  ['考核排名进入全省前三名', []],
  ['目前5名干部在岗', ['5名=5名=']],
];

describe('ranges and ranks', () => {
  test.each(more)('%s', (text, want) => expect(run(text)).toEqual(want));
});
