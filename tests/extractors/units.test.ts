import { describe, expect, test } from 'vitest';
import { findAllResponsibilities, findResponsibility, findRoleRule, type RoleRule } from '../../extractors/units.js';

/** Expected units written compactly: "县财政局*" leads, a bare name participates. */
type Want = string[] | null;

function compact(p: string, rule?: RoleRule): Want {
  const r = findResponsibility(p, rule);
  return r ? r.units.map((u) => (u.role === 'lead' ? `${u.name}*` : u.name)) : null;
}

// Sentences written for these tests (not copied from the corpus), one per form or trap.
const cases: [string, Want][] = [
  // labelled brackets, full and half width
  ['全面完成农村饮水安全巩固提升工程。（责任单位：市水利局、市财政局，各县区）', ['市水利局*', '市财政局', '各县区']],
  ['(责任单位:区教育局、区财政局)', ['区教育局*', '区财政局']],
  ['(牵头单位: 市发展改革委; 配合单位: 市财政局, 市统计局)', ['市发展改革委*', '市财政局', '市统计局']],
  ['加快农村公路建设。（牵头单位：县交通运输局；责任单位：县财政局，各乡镇）', ['县交通运输局*', '县财政局', '各乡镇']],
  ['开展消费扶贫。【责任单位：县商务局、县供销社】', ['县商务局*', '县供销社']],
  // labelled lines
  ['责任单位：县民政局，县残联，各乡镇', ['县民政局*', '县残联', '各乡镇']],
  ['牵头单位：县交通运输局；配合单位：县财政局、县自然资源局', ['县交通运输局*', '县财政局', '县自然资源局']],
  ['责任单位：县应急管理局、县消防救援大队；完成时限：2021年6月底前', ['县应急管理局*', '县消防救援大队']],
  ['配合单位：市卫生健康委、市医保局', ['市卫生健康委', '市医保局']],
  ['牵头部门：县人社局、县就业服务局', ['县人社局*', '县就业服务局*']],
  ['健全防贫监测机制。责任单位：县乡村振兴局，各乡镇。', ['县乡村振兴局*', '各乡镇']],
  // nested brackets: an alias body shares its host's role, a bracketed qualifier stays in the name
  ['（责任单位：县乡村振兴局（县农业农村局），各镇街道）', ['县乡村振兴局*', '县农业农村局*', '各镇街道']],
  ['（责任单位：各乡镇（街道），县直有关部门）', ['各乡镇（街道）*', '县直有关部门']],
  ['（责任单位：各县（市、区）党委和政府）', ['各县（市、区）党委和政府*']],
  ['（责任单位：县财政局（牵头）、县审计局、各乡镇）', ['县财政局*', '县审计局', '各乡镇']],
  ['（责任单位：市委组织部（市委老干部局），市人社局）', ['市委组织部*', '市委老干部局*', '市人社局']],
  // names split by a line break, by spaces, joined by 和, with 、 inside one merged body
  ['（责任单位：县人力 资源和社会保障局，各乡镇）', ['县人力资源和社会保障局*', '各乡镇']],
  ['责任单位：县民政局 县财政局 各乡镇', ['县民政局*', '县财政局', '各乡镇']],
  ['（责任单位：县委组织部，县纪委、监委，县审计局）', ['县委组织部*', '县纪委、监委', '县审计局']],
  ['（责任单位：县扶贫办和县财政局）', ['县扶贫办*', '县财政局']],
  ['（责任单位：县工业和信息化局，县文化广播和旅游局）', ['县工业和信息化局*', '县文化广播和旅游局']],
  ['（责任单位：县委办公室、县政府办公室）', ['县委办公室*', '县政府办公室']],
  // quotes, collective units, teams, enterprises
  ['（责任单位：县扶贫办，“三保障”相关部门，各乡镇）', ['县扶贫办*', '“三保障”相关部门', '各乡镇']],
  ['（责任单位：“县扶贫办”、各乡镇）', ['县扶贫办*', '各乡镇']],
  ['（责任单位：市委组织部，各驻村第一书记和工作队）', ['市委组织部*', '各驻村第一书记和工作队']],
  ['（责任单位：国网桓仁县供电公司，中国邮政储蓄银行桓仁县支行）', ['国网桓仁县供电公司*', '中国邮政储蓄银行桓仁县支行']],
  ['（责任单位：省扶贫办、省直有关部门，各市政府）', ['省扶贫办*', '省直有关部门', '各市政府']],
  ['（责任单位：县市场监管局，各乡镇。此项工作长期坚持）', ['县市场监管局*', '各乡镇']],
  ['（责任单位：县民政局、县财政局', ['县民政局*', '县财政局']],
  // unlabelled brackets closing a measure
  ['建成村级电商服务站点20个。（县商务局，各乡镇）', ['县商务局*', '各乡镇']],
  ['建立资金监管台账。（县财政局牵头，县扶贫办配合）', ['县财政局*', '县扶贫办']],
  ['做好易地搬迁后续扶持（县发改局、县住建局）', ['县发改局*', '县住建局']],
  // inline forms
  ['由县卫生健康局牵头，县医疗保障局、各乡镇卫生院配合，完成家庭医生签约。', ['县卫生健康局*', '县医疗保障局', '各乡镇卫生院']],
  ['县财政局牵头，县审计局、县纪委监委配合开展专项检查。', ['县财政局*', '县审计局', '县纪委监委']],
  ['各乡镇负责本辖区内危房排查。', ['各乡镇*']],
  ['由县扶贫办负责', ['县扶贫办*']],
  // look like unit lists, are not
  ['坚持“四个不摘”（摘帽不摘责任、不摘政策、不摘帮扶、不摘监管）。', null],
  ['严防错评漏评（该评未评，漏评；不该评的评上，错评）。', null],
  ['补贴标准提高到每人每年500元（含公益岗位补贴）。', null],
  ['组建帮扶专班（镇、村）。', null],
  ['有关部门（县财政局、县审计局）要加强资金监管。', null],
  ['选派优秀干部到村任职（第一书记）。', null],
  ['按照《实施意见》（辽委发〔2018〕12号）执行。', null],
  ['覆盖全部贫困村（11个贫困村）。', null],
  // no units at all
  ['全年完成危房改造120户，确保住房安全有保障。', null],
  ['县委书记负责统筹协调，亲自部署。', null],
  ['落实党政一把手负责制。', null],
  ['（三）强化资金保障', null],
  ['各项任务所列责任单位中，排名第一的为牵头单位。', null],
  ['强化定点扶贫牵头单位责任。', null],
];

describe('findResponsibility: units and roles', () => {
  test.each(cases)('%s', (p, want) => expect(compact(p)).toEqual(want));
});

describe('role rules', () => {
  test.each<[string, RoleRule | null]>([
    ['（责任单位：市农业农村局、各县区。排在第一位的为牵头单位，下同）', 'first-leads'],
    ['第一个单位为牵头单位，其它为参与单位，下同', 'first-leads'],
    ['各项任务所列责任单位中，排名第一的为牵头单位。', 'first-leads'],
    ['以上所列单位均为牵头单位', 'all-lead'],
    ['强化定点扶贫牵头单位责任', null],
    ['第一书记要履行帮扶责任', null],
  ])('findRoleRule %s', (text, want) => expect(findRoleRule(text)).toBe(want));

  test('a rule inside the statement is returned and never becomes a unit', () => {
    const r = findResponsibility('（责任单位：市农业农村局、市林草局、各县区。排在第一位的为牵头单位，下同）');
    expect(r?.units).toEqual([
      { name: '市农业农村局', role: 'lead' }, { name: '市林草局', role: 'participant' }, { name: '各县区', role: 'participant' },
    ]);
    expect(r?.roleRule).toBe('first-leads');
  });

  test('all-lead written beside the list makes every body lead', () => {
    const r = findResponsibility('（责任单位：县公安局、县司法局，以上单位均为牵头单位）');
    expect(r?.units).toEqual([{ name: '县公安局', role: 'lead' }, { name: '县司法局', role: 'lead' }]);
    expect(r?.roleRule).toBe('all-lead');
  });

  test('a rule carried from earlier in the document applies; explicit labels still win', () => {
    expect(compact('（责任单位：县商务局、县供销社）', 'all-lead')).toEqual(['县商务局*', '县供销社*']);
    expect(compact('（牵头单位：县商务局；配合单位：县供销社）', 'all-lead')).toEqual(['县商务局*', '县供销社']);
  });
});

describe('spans', () => {
  test('a statement closing a measure: span of the brackets, not standalone', () => {
    const p = '建成村级电商服务站点20个。（责任单位：县商务局，各乡镇）';
    const r = findResponsibility(p);
    expect(r).toMatchObject({ start: 14, end: p.length, standalone: false, text: '（责任单位：县商务局，各乡镇）' });
    expect(r?.inline).toBeUndefined();
  });

  test('a line of its own is standalone', () => {
    const r = findResponsibility('（责任单位：县扶贫办、各乡镇）');
    expect(r).toMatchObject({ start: 0, end: 15, standalone: true });
  });

  test('another label ends a labelled line', () => {
    const p = '责任单位：县应急管理局；完成时限：2021年6月底前';
    expect(findResponsibility(p)).toMatchObject({ start: 0, end: 12, text: '责任单位：县应急管理局；', standalone: false });
  });

  test('inline statements stay in the sentence', () => {
    const p = '一是由县卫生健康局牵头，各乡镇卫生院配合，完成家庭医生签约。';
    expect(findResponsibility(p)).toMatchObject({ start: 2, text: '由县卫生健康局牵头，各乡镇卫生院配合', inline: true, standalone: false });
  });

  test('several statements in one paragraph, in order', () => {
    const p = '一是加强护林员管理。（责任单位：县林草局）二是保障饮水安全。（责任单位：县水务局，各乡镇）';
    const all = findAllResponsibilities(p);
    expect(all.map((r) => r.text)).toEqual(['（责任单位：县林草局）', '（责任单位：县水务局，各乡镇）']);
    expect(all.map((r) => p.slice(r.start, r.end))).toEqual(all.map((r) => r.text));
  });

  test('an explicit statement wins over an inline one in the same paragraph', () => {
    const p = '各乡镇负责摸底排查。（责任单位：县民政局，各乡镇）';
    expect(findAllResponsibilities(p).map((r) => r.text)).toEqual(['（责任单位：县民政局，各乡镇）']);
  });
});
