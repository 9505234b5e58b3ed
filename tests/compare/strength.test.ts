// Qualitative strength (issue #17): time words, modality, scope and "下列…" lists. Each case is a
// higher clause and the lower clause that restates it, written for these tests from many fields.
import { describe, expect, test } from 'vitest';
import { diffDocuments } from '../../src/compare/diff.js';
import { dutyWords, listItems } from '../../src/compare/strength.js';
import type { Jurisdiction } from '../../src/model.js';
import { COUNTY, OTHER_CITY, PROVINCE, doc, task } from '../fixtures/compare/builders.js';

const pair = (high: string, low: string, lowPlace: Jurisdiction = COUNTY) =>
  diffDocuments(
    doc({ id: 'h', title: '辽宁省若干措施', jurisdiction: PROVINCE, date: '2021-01-01' }, [task('1', high)]),
    doc({ id: 'l', title: '本溪满族自治县实施方案', jurisdiction: lowPlace, date: '2021-05-01' }, [task('1', low)]),
  );
const judged = (high: string, low: string, lowPlace?: Jurisdiction) =>
  pair(high, low, lowPlace).findings.filter((f) => f.type === 'weakened' || f.type === 'compliant').map((f) => [f.type, f.reason]);

describe('duty words of one sentence', () => {
  const cases: [string, string[]][] = [
    ['发现火灾隐患的，应当立即组织整改', ['应当', '立即']],
    ['相关部门要及时更新应急预案', ['要', '及时']],
    // 要求/重要/主要 and 应急/相应 are other words
    ['主要负责人按照要求落实相应的应急措施', []],
    ['鼓励有条件的地区逐步推行垃圾分类', ['鼓励', '有条件的', '逐步']],
    ['所有学校必须配备专职安全员', ['所有', '必须']],
    ['许可证到期可能影响经营', []],
  ];
  test.each(cases)('%s', (text, words) => expect(dutyWords(text).map((w) => w.word)).toEqual(words));
});

describe('a binding lower clause that lays the duty more weakly is 减弱; more strongly, compliant', () => {
  const cases: [string, string, string, [string, string][]][] = [
    [
      'time: 立即 → 及时',
      '发生较大以上生产安全事故的，事故单位应当立即向县级应急管理部门报告事故情况。',
      '发生较大以上生产安全事故的，事故单位应当及时向县级应急管理部门报告事故情况。',
      [['weakened', '本溪县将省级要求中的“立即”改为“及时”，时限要求减弱']],
    ],
    [
      'time: 立即 dropped',
      '学校发现学生疑似传染病症状的，应当立即通知家长并向疾控机构报告。',
      '学校发现学生疑似传染病症状的，应当通知家长并向疾控机构报告。',
      [['weakened', '本溪县删去了省级要求中的“立即”，时限要求减弱']],
    ],
    [
      'modality: 应当 → 可以',
      '餐饮服务提供者应当公开食品原料来源和加工制作过程信息。',
      '餐饮服务提供者可以公开食品原料来源和加工制作过程信息。',
      [['weakened', '本溪县将省级要求中的“应当”改为“可以”，约束力减弱']],
    ],
    [
      'modality: 必须 → 要',
      '建设单位必须在开工前办理排污许可并落实环境影响评价要求。',
      '建设单位要在开工前办理排污许可并落实环境影响评价要求。',
      [['weakened', '本溪县将省级要求中的“必须”改为“要”，约束力减弱']],
    ],
    [
      'scope: 全面 → 逐步',
      '在城乡社区全面推行生活垃圾分类投放、分类收集和分类运输。',
      '在城乡社区逐步推行生活垃圾分类投放、分类收集和分类运输。',
      [['weakened', '本溪县将省级要求中的“全面”改为“逐步”，适用范围减弱']],
    ],
    [
      'stricter: 及时 → 立即 is compliant',
      '医疗机构发现突发公共卫生事件，应当及时向卫生健康主管部门报告。',
      '医疗机构发现突发公共卫生事件，应当立即向卫生健康主管部门报告。',
      [['compliant', '本溪县将省级要求中的“及时”改为“立即”，严于上级要求，符合上级规定']],
    ],
    [
      'stricter: 鼓励 → 要 is compliant',
      '鼓励企业为农民工缴纳工伤保险，落实同工同酬的工资支付制度。',
      '要求企业为农民工缴纳工伤保险，要落实同工同酬的工资支付制度。',
      [['compliant', '本溪县将省级要求中的“鼓励”改为“要”，严于上级要求，符合上级规定']],
    ],
    [
      'the same words: nothing to report',
      '各级河长应当每月至少巡河一次，及时协调解决河湖管理保护中的问题。',
      '各级河长应当每月至少巡河一次，及时协调解决河湖管理保护中的问题。',
      [],
    ],
    [
      'dropping 所有 alone is a change of words, not of duty',
      '所有村卫生室要在2021年底前接入县域医共体信息平台，实现远程会诊。',
      '全县村卫生室要在2021年底前接入县域医共体信息平台，实现远程会诊。',
      [],
    ],
  ];
  test.each(cases)('%s', (_name, high, low, want) => expect(judged(high, low)).toEqual(want));

  test('the finding names the changed words and where they stand in each clause', () => {
    const high = '发生较大以上生产安全事故的，事故单位应当立即向县级应急管理部门报告事故情况。';
    const low = '发生较大以上生产安全事故的，事故单位应当及时向县级应急管理部门报告事故情况。';
    const f = pair(high, low).findings.find((x) => x.type === 'weakened')!;
    expect(f.a?.fact).toEqual({ text: '立即', start: high.indexOf('立即'), end: high.indexOf('立即') + 2 });
    expect(f.b?.fact).toEqual({ text: '及时', start: low.indexOf('及时'), end: low.indexOf('及时') + 2 });
  });

  test('an unrelated place is never told its duty is weaker', () => {
    const jilin: Jurisdiction = { name: '吉林市', level: 'city', code: '220200', parents: [{ name: '吉林省', level: 'province', code: '220000' }] };
    expect(judged('事故单位应当立即向县级应急管理部门报告事故情况和救援进展。', '事故单位应当及时向县级应急管理部门报告事故情况和救援进展。', jilin)).toEqual([]);
    // a city of the province is bound
    expect(judged('事故单位应当立即向县级应急管理部门报告事故情况和救援进展。', '事故单位应当及时向县级应急管理部门报告事故情况和救援进展。', OTHER_CITY).map((x) => x[0])).toEqual(['weakened']);
  });

  test('a weakened duty inside a long article finds its partner sentence', () => {
    const high =
      '县级以上人民政府应当加强消防组织建设，根据经济社会发展的需要，建立多种形式的消防组织。' +
      '消防救援机构接到火警后，必须立即赶赴火灾现场，救助遇险人员，排除险情，扑灭火灾。' +
      '任何单位和个人都应当无偿为报警提供便利，不得阻拦报警。';
    const low =
      '本县消防救援机构接到火警后，要及时赶赴火灾现场，救助遇险人员，排除险情，扑灭火灾。' +
      '乡镇人民政府应当建立专职消防队或者志愿消防队，配备必要的消防车辆和器材。';
    const r = pair(high, low);
    const al = r.alignments[0];
    expect(al.sentences?.map((s) => [s.a.text.slice(0, 8), s.b.text.slice(0, 8)])).toEqual([['消防救援机构接到', '本县消防救援机构']]);
    expect(judged(high, low)).toEqual([
      ['weakened', '本溪县将省级要求中的“立即”改为“及时”，时限要求减弱'],
      ['weakened', '本溪县将省级要求中的“必须”改为“要”，约束力减弱'],
    ]);
  });

  test('a lower plan that keeps the word in one sentence and softens it in another is not weakened', () => {
    const high = '发现地质灾害险情的，乡镇人民政府应当立即组织受威胁群众转移避让。';
    const low = '发现地质灾害险情的，乡镇人民政府应当立即组织受威胁群众转移避让。发现地质灾害险情的，村民委员会应当及时组织受威胁群众转移避让。';
    expect(judged(high, low)).toEqual([]);
  });
});

describe('"下列…" lists', () => {
  const high =
    '下列单位应当建立专职消防队，承担本单位的火灾扑救工作：（一）大型核设施单位、大型发电厂、民用机场、主要港口；（二）生产、储存易燃易爆危险品的大型企业；（三）储备可燃的重要物资的大型仓库、基地；（四）距离消防队较远的大型企业。';

  test('the items of a list', () => {
    const l = listItems(high)!;
    expect(l.head.text).toBe('下列单位应当建立专职消防队，承担本单位的火灾扑救工作：');
    expect(l.items.map((x) => x.text.slice(0, 6))).toEqual(['（一）大型核', '（二）生产、', '（三）储备可', '（四）距离消']);
    expect(listItems('加强消防队伍建设，提高灭火救援能力。')).toBeNull();
  });

  test('a lower list that leaves an item out narrows whom the duty binds', () => {
    const low =
      '下列单位应当建立专职消防队，承担本单位的火灾扑救工作：（一）大型发电厂、民用机场、主要港口；（二）生产、储存易燃易爆危险品的大型企业；（三）距离消防队较远的大型企业。';
    const w = pair(high, low).findings.filter((f) => f.type === 'weakened');
    expect(w.map((f) => f.reason)).toEqual(['省级列出4项，本溪县只列3项，未列入“（三）储备可燃的重要物资的大型仓库、基地”，适用范围缩小']);
    expect(w[0].a?.fact?.text).toBe('（三）储备可燃的重要物资的大型仓库、基地');
  });

  test('the same list in other numbering is no finding', () => {
    const low = high.replace(/（([一二三四])）/gu, (_m, d: string) => `${'一二三四'.indexOf(d) + 1}.`).replace('工作：1.', '工作：（1）').replace(/(\d)\./gu, '（$1）');
    expect(pair(high, low).findings.filter((f) => f.type === 'weakened')).toEqual([]);
  });
});
