import { describe, expect, test } from 'vitest';
import { checkPlan, diffDocuments } from '../../src/compare/diff.js';
import { DiffResult } from '../../src/compare/schema.js';
import { COUNTY, PROVINCE, doc, quantity, recurring, task } from '../fixtures/compare/builders.js';
import { county, newNotice, oldNotice, otherCity, province } from '../fixtures/compare/planted.js';

const brief = (r: DiffResult) => r.findings.map((f) => [f.type, f.a?.taskId ?? null, f.b?.taskId ?? null, f.reason]);

describe('a county plan against its provincial opinion', () => {
  const r = diffDocuments(province, county);

  test('the province governs the county', () => {
    expect([r.relation, r.higher]).toEqual(['binding', 'a']);
    expect(r.a).toEqual({ id: 'prov-2019-5', title: '辽宁省推进脱贫攻坚重点工作的实施意见', jurisdiction: { name: '辽宁省', level: 'province' } });
  });

  test('every planted case, problems first', () => {
    expect(brief(r)).toEqual([
      ['conflict', 'prov-2019-5#1', 'benxi-2020-19#1', '本溪县要求驻村时间每月至少5个工作日，低于省级每月至少10个工作日的要求'],
      ['conflict', 'prov-2019-5#5', 'benxi-2020-19#5', '本溪县要求2020年11月30日前完成，晚于省级要求的2020年9月30日前完成'],
      ['conflict', 'prov-2019-5#6', 'benxi-2020-19#6', '本溪县要求每季度至少1次，频次低于省级每月至少1次的要求'],
      [
        'conditional',
        'prov-2019-5#7',
        'benxi-2020-19#7',
        '省级条款只适用于“深度贫困村”：若本溪县有深度贫困村，则本溪县要求第一书记在村工作时间每月至少15天，低于省级每月至少20天的要求，请核实本溪县是否有深度贫困村',
      ],
      ['deadline-before-issue', 'benxi-2020-19#10', null, '《本溪满族自治县2020年脱贫攻坚实施方案》要求2020年3月31日前完成，早于发文日期2020年4月3日，请核对时限是否有误'],
      [
        'inconsistent-within',
        'benxi-2020-19#8',
        'benxi-2020-19#9',
        '《本溪满族自治县2020年脱贫攻坚实施方案》中同一指标前后不一致：一处为建档立卡贫困人口动态核查12000人，另一处为建档立卡贫困人口动态核查12500人',
      ],
      ['equivalent', 'prov-2019-5#3', 'benxi-2020-19#3', '本溪县的带贫期限至少24个月与省级的至少2年是同一标准，只是单位写法不同'],
      ['compliant', 'prov-2019-5#2', 'benxi-2020-19#2', '本溪县要求学前教育生活补贴每生每年1200元，严于省级每生每年至少1000元的要求，符合上级规定'],
      ['consistent', 'prov-2019-5#4', 'benxi-2020-19#4', '本溪县与省级的完成时限一致：2020年6月30日前完成'],
    ]);
  });

  test('a finding carries both clauses, their paths, pages and the compared figures', () => {
    const f = r.findings[0];
    expect(f.a).toEqual({
      docId: 'prov-2019-5',
      taskId: 'prov-2019-5#1',
      text: '驻村工作队员每月驻村时间不少于10个工作日，确保吃住在村、干在村。',
      path: ['三、强化帮扶力量'],
      page: 3,
      quantity: province.tasks[0].quantities[0],
      // the compared words and where they stand in the clause (OUTPUT.md: a finding names its fact)
      fact: { text: '不少于10个工作日', start: 12, end: 21 },
    });
    expect(f.b?.text.slice(f.b.fact!.start, f.b.fact!.end)).toBe(f.b?.quantity?.text);
    expect(f.b?.page).toBe(20);
    expect(f.b?.path).toEqual(['二、工作措施', '（三）驻村帮扶']);
    expect(f.b?.text).toContain(f.b?.quantity?.text);
  });

  test('the verbatim paragraph with one substitution is aligned with its change span', () => {
    const al = r.alignments.find((x) => x.a.taskId === 'prov-2019-5#4')!;
    expect(al.b.taskId).toBe('benxi-2020-19#4');
    expect(al.changes).toEqual([{ a: '所有贫困县', b: '全县' }]);
    expect(al.similarity).toBe(0.92);
    expect(al.basis).toBe('text');
    expect(al.a.page).toBe(5);
  });

  test('aligned pairs: the seven reused clauses, nothing else', () => {
    expect(r.alignments.map((x) => [x.a.taskId.split('#')[1], x.b.taskId.split('#')[1]])).toEqual([
      ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5'], ['6', '6'], ['7', '7'],
    ]);
  });

  test('the result is the OUTPUT.md shape', () => {
    expect(DiffResult.safeParse(r).success).toBe(true);
  });

  test('swapping the sides swaps a and b but finds the same problems', () => {
    const s = diffDocuments(county, province);
    expect(s.higher).toBe('b');
    expect(s.findings.filter((f) => f.type === 'conflict').map((f) => [f.a?.taskId, f.b?.taskId])).toEqual([
      ['benxi-2020-19#1', 'prov-2019-5#1'],
      ['benxi-2020-19#5', 'prov-2019-5#5'],
      ['benxi-2020-19#6', 'prov-2019-5#6'],
    ]);
  });
});

test('the same rule in an unrelated city is informational, not a conflict', () => {
  const r = diffDocuments(otherCity, county);
  expect([r.relation, r.higher]).toEqual(['informational', null]);
  expect(r.findings.filter((f) => f.a?.docId === 'dalian-2020-3').map((f) => [f.type, f.reason])).toEqual([
    ['informational', '大连市与本溪县无上下级关系，仅供参考：大连市为驻村时间每月至少8个工作日，本溪县为驻村时间每月至少5个工作日，两者不同'],
  ]);
  expect(r.findings.some((f) => f.type === 'conflict')).toBe(false);
});

test('same subject in other words is paired by its quantity subject', () => {
  const reworded = {
    ...county,
    tasks: [{ ...county.tasks[0], id: 'x#1', text: '各驻村工作队要严格考勤，队员在岗天数按每月5个工作日以上掌握。' }],
  };
  const r = diffDocuments(province, reworded);
  expect(r.alignments.map((a) => [a.a.taskId, a.b.taskId, a.basis])).toEqual([['prov-2019-5#1', 'x#1', 'subject']]);
  expect(r.findings.map((f) => f.type)).toEqual(['conflict']);
});

test('a notice superseded by 发文字号 shows in the diff', () => {
  const r = diffDocuments(oldNotice, newNotice);
  expect(r.findings.map((f) => [f.type, f.reason])).toEqual([
    ['superseded', '《关于加强驻村帮扶工作管理的通知》已被《关于进一步规范驻村帮扶工作的通知》替代（本县扶贫发〔2020〕21号明文废止）'],
    [
      'informational',
      '同为本溪县的文件，仅供参考：《关于加强驻村帮扶工作管理的通知》为驻村时间每月至少3个工作日，《关于进一步规范驻村帮扶工作的通知》为驻村时间每月至少10个工作日，两者不同',
    ],
  ]);
});

describe('checkPlan', () => {
  const r = checkPlan(county, province);
  test('coverage of the higher measures', () => {
    expect(r.coverage).toMatchObject({ total: 8, covered: 7, percent: 87.5, uncovered: ['prov-2019-5#8'], summary: '上级部署的 8 项任务中，本方案覆盖 7 项' });
    // each measure with its best lower candidate and score (issue #17)
    expect(r.coverage?.items?.find((i) => i.taskId === 'prov-2019-5#8')).toMatchObject({ covered: false, via: null });
    expect(r.coverage?.items?.filter((i) => i.covered).every((i) => i.via === 'alignment')).toBe(true);
  });
  test('the uncovered measure is a finding with the higher clause', () => {
    const u = r.findings.filter((f) => f.type === 'uncovered');
    expect(u.map((f) => [f.a?.taskId, f.b])).toEqual([['prov-2019-5#8', undefined]]);
    expect(u[0].reason).toMatch(/^本溪县方案中没有找到与这项省级措施对应的内容（最接近的是 benxi-2020-19#\d+，相似度 0\.\d\d，低于 0\.35）$/);
  });
  test('a is the higher document, b the plan', () => {
    expect([r.a.id, r.b.id, r.higher]).toEqual(['prov-2019-5', 'benxi-2020-19', 'a']);
  });
});

test('a duty laid on each level in one breath binds the county only by its own part', () => {
  const rule = '省委、省政府每季度至少专题研究一次脱贫攻坚工作，各市委、市政府每两个月至少专题研究一次脱贫攻坚工作，各县委、县政府每月至少专题研究一次脱贫攻坚工作。';
  const once = (per: string) => quantity('一次', { value: 1, unit: '次', per: [per], comparator: '>=', subject: '脱贫攻坚工作' });
  const prov = doc({ id: 'p', title: '省意见', jurisdiction: PROVINCE, date: '2019-03-01' }, [
    task('1', rule, {
      quantities: [once('季度'), { ...once('月'), per: undefined, kind: 'target' }, once('月')],
      deadlines: [
        recurring('每季度至少专题研究一次', 'quarterly', { minCount: 1 }),
        recurring('每两个月至少专题研究一次', 'monthly', { interval: 2, minCount: 1 }),
        recurring('每月至少专题研究一次', 'monthly', { minCount: 1 }),
      ],
    }),
  ]);
  const cnty = doc({ id: 'c', title: '县方案', jurisdiction: COUNTY, date: '2020-04-03' }, [
    task('1', '县委、县政府每两个月至少专题研究一次脱贫攻坚工作。', {
      deadlines: [recurring('每两个月至少专题研究一次', 'monthly', { interval: 2, minCount: 1 })],
    }),
  ]);
  const r = diffDocuments(prov, cnty);
  expect(r.findings.map((f) => [f.type, f.a?.deadline?.text, f.reason])).toEqual([
    ['conflict', '每月至少专题研究一次', '本溪县要求每两个月至少1次，频次低于省级每月至少1次的要求'],
  ]);
});

test('a county figure equal to the county part is consistent, not stricter-than-the-province-s-own', () => {
  const rule = '省委、省政府每季度至少专题研究一次脱贫攻坚工作，各县委、县政府每月至少专题研究一次脱贫攻坚工作。';
  const once = (per: string) => quantity('一次', { value: 1, unit: '次', per: [per], comparator: '>=', subject: '脱贫攻坚工作' });
  const prov = doc({ id: 'p', title: '省意见', jurisdiction: PROVINCE, date: '2019-03-01' }, [task('1', rule, { quantities: [once('季度'), once('月')] })]);
  const cnty = doc({ id: 'c', title: '县方案', jurisdiction: COUNTY, date: '2020-04-03' }, [
    task('1', '县委、县政府每月至少专题研究1次脱贫攻坚工作，党政正职带头。', { quantities: [{ ...once('月'), text: '1次' }] }),
  ]);
  expect(diffDocuments(prov, cnty).findings.map((f) => [f.type, f.a?.quantity?.per])).toEqual([['consistent', ['月']]]);
});

test('long paragraphs sharing one sentence: only the figures of that sentence meet', () => {
  const days = (text: string, value: number) => quantity(text, { value, unit: '个工作日', per: ['月'], comparator: '>=' });
  const pct = (text: string, value: number, comparator: '>=' | '<=') => quantity(text, { value, unit: '%', comparator, kind: 'target' });
  const provText =
    '加强驻村帮扶。选派优秀干部担任第一书记，驻村工作队员每月驻村时间不少于10个工作日，确保吃住在村、干在村。到2020年贫困发生率降至1%以下，贫困群众认可度明显提升，基层组织建设全面加强，集体经济稳步发展。';
  const cntyText =
    '全面加强作风建设，开展扶贫领域腐败和作风问题专项治理，群众满意度达到95%以上。驻村工作队员每月驻村时间不少于5个工作日，确保吃住在村、干在村。各乡镇要建立考勤台账，县扶贫办每季度通报一次。';
  const prov = doc({ id: 'p', title: '省意见', jurisdiction: PROVINCE, date: '2019-03-01' }, [
    task('1', provText, { quantities: [days('不少于10个工作日', 10), pct('1%以下', 1, '<=')] }),
  ]);
  const cnty = doc({ id: 'c', title: '县方案', jurisdiction: COUNTY, date: '2020-04-03' }, [
    task('1', cntyText, { quantities: [pct('95%以上', 95, '>='), days('不少于5个工作日', 5)] }),
  ]);
  const r = diffDocuments(prov, cnty);
  expect(r.alignments.map((a) => [a.a.taskId, a.b.taskId, a.basis])).toEqual([['p#1', 'c#1', 'text']]);
  expect(r.findings.map((f) => [f.type, f.a?.quantity?.text, f.b?.quantity?.text, f.a?.text === provText, f.b?.text === cntyText])).toEqual([
    ['conflict', '不少于10个工作日', '不少于5个工作日', true, true],
  ]);
});

test('figures at the same place of a copied phrase pair even when the extractor named different subjects', () => {
  const days = (text: string, value: number, subject: string) => quantity(text, { value, unit: '个工作日', per: ['月'], comparator: '>=', subject });
  const prov = doc({ id: 'p', title: '省意见', jurisdiction: PROVINCE, date: '2019-03-01' }, [
    task('1', '各县委、县政府每月至少专题研究一次脱贫攻坚工作，省级贫困县党政正职每个月至少要有10个工作日用于脱贫攻坚工作。', {
      quantities: [days('10个工作日', 10, '省级贫困县党政正职要有')],
    }),
  ]);
  const cnty = doc({ id: 'c', title: '县方案', jurisdiction: COUNTY, date: '2020-04-03' }, [
    task('1', '县委、政府负主体责任，党政正职每月至少专题研究1次脱贫攻坚工作、至少要有5个工作日用于脱贫攻坚工作。', {
      quantities: [days('5个工作日', 5, '要有')],
    }),
  ]);
  expect(diffDocuments(prov, cnty).findings.map((f) => [f.type, f.scope])).toEqual([['conditional', '省级贫困县']]);
});
