import { describe, expect, test } from 'vitest';
import { findAllResponsibilities, findResponsibility, findRoleRule, type RoleRule } from '../../extractors/units.js';
import { unitRule } from '../../extractors/index.js';
import { runCases } from '../rule-tester.js';

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
  ['牵头处室：规划信息处；配合处室：财务处、人事处', ['规划信息处*', '财务处', '人事处']],
  ['（责任科室：审批服务科）', ['审批服务科*']],
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
  // a closed bracket inside a name does not open a clause; a topic may come before 由
  ['各县（市、区）政府负责落实属地责任。', ['各县（市、区）政府*']],
  ['参保资助政策由各县（市、区）政府负责落实。', ['各县（市、区）政府*']],
  ['此项工作由县发改局牵头，县直有关部门配合。', ['县发改局*', '县直有关部门']],
  ['由于县财政困难，暂缓实施。', null],
  // a body opening the sentence and held to a date answers for it; after a comma it may be an object
  ['县疾控中心于6月30日前完成抽样检测。', ['县疾控中心*']],
  ['各乡镇（街道）于每月10日前报送进度。', ['各乡镇（街道）*']],
  // issue 12: a clause start after a comma is a subject's place too (was null before the issue)
  ['完成改造任务，各乡镇于6月底前上报。', ['各乡镇*']],
  ['各地要于每年3月底前报送计划。', null],
  ['第三条 市住房城乡建设局负责项目审核和监督检查。', ['市住房城乡建设局*']],
  ['第十二条 县财政局负责资金拨付。', ['县财政局*']],
  // look like unit lists, are not (more in the runCases table below)
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

// Provincial and national 实施意见/通知, and city/county variants, written for these tests. Reading:
// 牵头/会同 and 牵头单位 labels rank bodies; 负责/落实/按职责分工负责 only name them, so the first listed
// leads and the rest take part (OUTPUT.md: "the first unit is the lead unless the document says otherwise").
const wideCases: [string, Want][] = [
  // provincial: 按职责分工负责, 等, 会同, 由…牵头, 各市人民政府
  ['推进农田水利设施建设。（省水利厅、省农业农村厅按职责分工负责）', ['省水利厅*', '省农业农村厅']],
  ['（省农业农村厅、省财政厅按职责分工负责）', ['省农业农村厅*', '省财政厅']],
  ['健全农村养老服务体系（省民政厅牵头，省卫生健康委、省医保局等按职责分工负责）。', ['省民政厅*', '省卫生健康委', '省医保局']],
  ['（省财政厅牵头，省发展改革委等按职责分工负责）', ['省财政厅*', '省发展改革委']],
  ['（省委组织部、省人力资源社会保障厅负责）', ['省委组织部*', '省人力资源社会保障厅']],
  ['（省委宣传部、省文化和旅游厅负责）', ['省委宣传部*', '省文化和旅游厅']],
  ['（省教育厅会同省人力资源社会保障厅负责）', ['省教育厅*', '省人力资源社会保障厅']],
  ['（由省市场监管局牵头，省公安厅、省农业农村厅配合）', ['省市场监管局*', '省公安厅', '省农业农村厅']],
  ['（省交通运输厅牵头，各市人民政府负责）', ['省交通运输厅*', '各市人民政府']],
  ['（省应急管理厅牵头负责，省消防救援总队配合）', ['省应急管理厅*', '省消防救援总队']],
  ['（各地区各部门按职责分工负责）', ['各地区各部门*']],
  ['（各市、县（市、区）人民政府负责）', ['各市、县（市、区）人民政府*']],
  ['（各设区市人民政府负责）', ['各设区市人民政府*']],
  ['（省住房城乡建设厅、省水利厅、省生态环境厅按职责分工负责，各市政府落实）',
    ['省住房城乡建设厅*', '省水利厅', '省生态环境厅', '各市政府']],
  ['（省林草局、省自然资源厅按职责分工负责，各县（市、区）人民政府抓好落实）',
    ['省林草局*', '省自然资源厅', '各县（市、区）人民政府']],
  ['（由各县委、县政府负责）', ['各县委、县政府*']],
  // national: ministries without a place word
  ['（国家发展改革委、财政部、人力资源社会保障部等按职责分工负责）', ['国家发展改革委*', '财政部', '人力资源社会保障部']],
  ['完善农村金融服务（人民银行、银保监会按职责分工负责），降低融资成本。', ['人民银行*', '银保监会']],
  ['（国务院扶贫办、中央组织部负责）', ['国务院扶贫办*', '中央组织部']],
  ['（商务部牵头，有关部门按职责分工负责）', ['商务部*', '有关部门']],
  ['（自然资源部牵头，国家林草局参与）', ['自然资源部*', '国家林草局']],
  ['（教育部、财政部牵头，各省级人民政府负责落实）', ['教育部*', '财政部*', '各省级人民政府']],
  ['（民政部会同财政部、国务院扶贫办负责）', ['民政部*', '财政部', '国务院扶贫办']],
  ['（各省、自治区、直辖市人民政府负责）', ['各省、自治区、直辖市人民政府*']],
  ['（工业和信息化部、国家发展改革委牵头，科技部等按职责分工负责）', ['工业和信息化部*', '国家发展改革委*', '科技部']],
  // city and county: labels, other labels, bracketed labels, remarks after the bodies
  ['（牵头单位：市水务局；配合单位：市财政局、各县区政府）', ['市水务局*', '市财政局', '各县区政府']],
  ['责任单位：市民政局；完成时限：2021年6月底前', ['市民政局*']],
  ['（市委网信办、市工信局，各县区）', ['市委网信办*', '市工信局', '各县区']],
  ['（责任领导：张三；责任单位：市交通运输局）', ['市交通运输局*']],
  ['（责任单位：区城管局；责任领导：李四）', ['区城管局*']],
  ['（县扶贫办负责，各乡镇配合）', ['县扶贫办*', '各乡镇']],
  ['建立工作台账（镇政府负责，各村配合）。', ['镇政府*', '各村']],
  ['(责任部门:县发改局)', ['县发改局*']],
  ['【责任单位：县农业农村局】', ['县农业农村局*']],
  ['【牵头单位】市城管局【配合单位】市公安局、各区政府', ['市城管局*', '市公安局', '各区政府']],
  ['整治农村人居环境。【牵头单位】区住建局【完成时限】2022年底前', ['区住建局*']],
  ['（主要责任单位：县住建局、县自然资源局）', ['县住建局*', '县自然资源局']],
  ['（市直责任部门：市教育局、市体育局）', ['市教育局*', '市体育局']],
  ['加强资金监管（县财政局负责，2021年底前完成）。', ['县财政局*']],
  ['（区民政局牵头，区残联配合，长期坚持）', ['区民政局*', '区残联']],
  ['（县林业局、县水利局按职责分工负责，各镇抓好落实）', ['县林业局*', '县水利局', '各镇']],
  // inline, inside a running sentence
  ['一是由县财政局牵头，各乡镇配合落实资金监管。', ['县财政局*', '各乡镇']],
  ['由市住建局牵头，各区政府负责组织实施。', ['市住建局*', '各区政府']],
  ['市公安局、市司法局负责开展普法宣传。', ['市公安局*', '市司法局']],
  // brackets that are not bodies
  ['（2021年6月底前完成）', null],
  ['（含技工学校）', null],
  ['（以下简称“两不愁三保障”）', null],
  ['（试行）', null],
  ['（2018—2020年）', null],
  ['（不含中央资金）', null],
  ['（摘帽不摘责任、不摘政策）', null],
  ['（每年不少于4次）', null],
  ['（见附件1）', null],
  ['（附件2）', null],
  ['（具体名单另行通知）', null],
  ['（按照有关规定执行）', null],
  ['成立工作专班（市、县两级）。', null],
  ['召开现场推进会（县委常委会，每季度1次）。', null],
  ['建立督查制度（县政府督查室，每月通报）', null],
  ['落实责任（负责同志要亲自抓）。', null],
  ['组织开展培训（负责人培训每年1次）。', null],
  ['【典型案例】某县建成扶贫车间20个', null],
  // sentences that mention an organ without making it answer for a measure
  ['县委书记要遍访贫困村。', null],
  // issue 12: a body opening a clause before 要/应 is the subject of the measure, so it answers for it
  // (these two were null before the issue); 各级 covers both organs, one unit as written
  ['各级党委和政府要切实履行主体责任。', ['各级党委和政府*']],
  ['各级党委和政府要对本地区脱贫攻坚工作负总责。', ['各级党委和政府*']],
  ['乡镇党委书记负责本乡镇的组织实施。', null],
];

describe('findResponsibility: provincial, national, city and county forms', () => {
  test.each(wideCases)('%s', (p, want) => expect(compact(p)).toEqual(want));
});

describe('spans of the wider forms', () => {
  test('a bracket with a role verb inside a sentence is a statement; the words after it stay', () => {
    const p = '完善农村金融服务（人民银行、银保监会按职责分工负责），降低融资成本。';
    expect(findResponsibility(p)).toMatchObject({ start: 8, end: 26, text: '（人民银行、银保监会按职责分工负责）', standalone: false });
    expect(findResponsibility(p)?.inline).toBeUndefined();
  });

  test('one verb bracket per measure, in order', () => {
    const p = '推广节水技术（水利部负责）。加强农田保护（自然资源部、农业农村部负责）。';
    expect(findAllResponsibilities(p).map((r) => r.text)).toEqual(['（水利部负责）', '（自然资源部、农业农村部负责）']);
  });

  test('a remark after the bodies keeps the statement in the task text (its deadline is read there)', () => {
    const r = findResponsibility('加强资金监管（县财政局负责，2021年底前完成）。');
    expect(r).toMatchObject({ text: '（县财政局负责，2021年底前完成）', inline: true, standalone: false });
  });

  test('a labelled bracket with a time limit keeps its words; one with only a leader does not', () => {
    expect(findResponsibility('推进改造。（责任单位：区人社局；完成时限：2022年3月底前）')?.inline).toBe(true);
    expect(findResponsibility('推进改造。（责任领导：张三；责任单位：市交通运输局）')?.inline).toBeUndefined();
  });

  test('bracketed labels: the span starts at 【 and stops before the next label', () => {
    const p = '整治农村人居环境。【牵头单位】区住建局【完成时限】2022年底前';
    expect(findResponsibility(p)).toMatchObject({ start: 9, end: 19, text: '【牵头单位】区住建局' });
    const q = '【牵头单位】市城管局【配合单位】市公安局、各区政府';
    expect(findResponsibility(q)).toMatchObject({ start: 0, end: q.length, standalone: true });
  });

  test('an unlabelled list is still not read in the middle of a sentence without a verb', () => {
    expect(findResponsibility('有关部门（县财政局、县审计局）要按照分工加强资金监管。')).toBeNull();
  });
});

// Issue 12: collective names stay whole in any bracket form, a list splits only between complete names,
// and a long name keeps the lead. Sentences written for these tests.
const collectiveCases: [string, Want, string][] = [
  ['（责任单位：某某银保监分局和各市、县（区）人民政府）', ['某某银保监分局*', '各市、县（区）人民政府'], '和 between two complete names'],
  ['（责任单位：各县〔市、区〕人民政府）', ['各县〔市、区〕人民政府*'], '〔〕 widens the level like （）'],
  ['（责任单位：各市、县(市、区)人民政府，省直有关部门）', ['各市、县(市、区)人民政府*', '省直有关部门'], 'half-width brackets'],
  ['（责任单位：有关设区市、县（区）人民政府）', ['有关设区市、县（区）人民政府*'], '有关 + levels sharing one organ'],
  ['责任单位：省重大项目建设推进工作领导小组办公室、省发展改革委', ['省重大项目建设推进工作领导小组办公室*', '省发展改革委'], 'a coordinating body named after its work keeps the lead'],
  ['加快项目建设（省重大项目建设推进工作领导小组办公室牵头，省发展改革委、省财政厅配合）。', ['省重大项目建设推进工作领导小组办公室*', '省发展改革委', '省财政厅'], '牵头 after a long name'],
  ['（责任单位：县纪委和监委）', ['县纪委和监委*'], '监委 cannot stand alone: one merged name'],
  ['（责任单位：各级卫生健康、医疗保障部门，各乡镇）', ['各级卫生健康、医疗保障部门*', '各乡镇'], 'fields sharing 部门 are one unit'],
  ['（责任单位：各市县农业农村、财政部门）', ['各市县农业农村、财政部门*'], 'the issue\'s collective unit in a label'],
];

describe('findResponsibility: collective and long names (issue 12)', () => {
  test.each(collectiveCases)('%s (%s)', (p, want) => expect(compact(p)).toEqual(want));
});

// brackets that look like unit lists, through the registry's entry, each with what gives it away
runCases(unitRule, {
  valid: [
    {
      text: '加快农村公路建设。（牵头单位：县交通运输局；责任单位：县财政局，各乡镇）',
      why: 'a labelled bracket after the measure: the 牵头 body leads, the others take part',
      expect: (found) => expect(found[0].units.map((u) => [u.name, u.role])).toEqual([['县交通运输局', 'lead'], ['县财政局', 'participant'], ['各乡镇', 'participant']]),
    },
    { text: '此项工作由县发改局牵头，县直有关部门配合。', why: '由A牵头，B配合 written in the running sentence', expect: [{ units: [{ name: '县发改局', role: 'lead' }, { name: '县直有关部门' }] }] },
  ],
  invalid: [
    { text: '坚持“四个不摘”（摘帽不摘责任、不摘政策、不摘帮扶、不摘监管）。', why: 'a bracket spelling out a slogan: its items are policies' },
    { text: '严防错评漏评（该评未评，漏评；不该评的评上，错评）。', why: 'a bracket defining terms, cut by ； like a list' },
    { text: '补贴标准提高到每人每年500元（含公益岗位补贴）。', why: 'a bracket qualifying an amount' },
    { text: '组建帮扶专班（镇、村）。', why: 'levels of government listed, not bodies named' },
  ],
});
