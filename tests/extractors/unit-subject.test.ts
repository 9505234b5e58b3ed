import { describe, expect, test } from 'vitest';
import { findAllResponsibilities } from '../../extractors/units.js';
import { subjectStatements } from '../../extractors/unit-subject.js';

/** Units of every statement in the paragraph, "*" marking the lead of each statement. */
function units(p: string): string[] {
  return findAllResponsibilities(p).flatMap((r) => r.units.map((u) => (u.role === 'lead' ? `${u.name}*` : u.name)));
}

// Sentences written for these tests, ESLint RuleTester style: each valid case names the bodies that
// answer and why; each invalid case says why nothing there is a responsible body.
const valid: [sentence: string, want: string[], reason: string][] = [
  // education
  ['区教育局要于2025年8月底前完成学位扩容。', ['区教育局*'], '区 body + 要'],
  ['市教育局会同市财政局做好学生资助资金发放工作。', ['市教育局*', '市财政局'], '会同: lead + participant'],
  ['各中小学校应当建立课后服务经费保障机制。', ['各中小学校*'], '各 + school, 应当'],
  ['县教育局、县人力资源社会保障局按照职责做好教师招聘工作。', ['县教育局*', '县人力资源社会保障局'], '、 list + 按照'],
  ['省教育厅负责制定课后服务指南，省财政厅负责落实经费。', ['省教育厅*', '省财政厅*'], 'two 负责 clauses, each body leads its own'],
  ['鼓励各高等学校开设托育相关专业。', ['各高等学校*'], 'after 鼓励'],
  // health
  ['区卫生健康委牵头，区医保局配合，完善家庭医生签约服务。', ['区卫生健康委*', '区医保局'], '牵头…配合'],
  ['市卫生健康委牵头，市医保局配合', ['市卫生健康委*', '市医保局'], 'the issue\'s own form'],
  ['各级疾病预防控制机构要加强传染病监测预警。', ['各级疾病预防控制机构*'], '各级 + 机构 is a group of bodies'],
  ['各级妇幼保健、疾病预防控制、卫生监督机构要加强业务指导。', ['各级妇幼保健、疾病预防控制、卫生监督机构*'], 'fields sharing 机构: one unit'],
  ['县医疗保障局于每月10日前完成医保基金结算。', ['县医疗保障局*'], '于 before a time'],
  ['区民政部门应对特困人员开展探访关爱。', ['区民政部门*'], '区 + field + 部门, 应'],
  ['县中医院在县域医共体建设中发挥龙头作用。', ['县中医院*'], '在 opens the predicate'],
  // transport
  ['市交通运输局会同市公安局交通管理支队开展道路安全隐患排查。', ['市交通运输局*', '市公安局交通管理支队'], '会同 a long name'],
  ['各县（市、区）人民政府要落实农村公路养护主体责任。', ['各县（市、区）人民政府*'], 'bracketed levels stay in the name'],
  ['各市、县（市、区）人民政府负责本辖区农村公路建设。', ['各市、县（市、区）人民政府*'], 'levels sharing one organ'],
  ['由市交通运输局牵头，市发展改革委、市财政局等部门参加。', ['市交通运输局*', '市发展改革委', '市财政局'], '由…牵头，…等部门参加'],
  ['省交通运输厅、省公安厅依据职责开展联合执法。', ['省交通运输厅*', '省公安厅'], '依据'],
  ['各地交通运输主管部门要加快推进客运站改造。', ['各地交通运输主管部门*'], '各 + 部门'],
  // environment
  ['市生态环境局要定期通报空气质量排名。', ['市生态环境局*'], '要 + 定期'],
  ['区生态环境分局对排污单位实施双随机检查。', ['区生态环境分局*'], '分局 + 对'],
  ['各级生态环境、住房城乡建设部门要加强扬尘污染防治。', ['各级生态环境、住房城乡建设部门*'], 'two fields share 部门'],
  ['项目环评审批由市生态环境局负责。', ['市生态环境局*'], 'topic + 由 … 负责'],
  ['市水务局与市生态环境局联合开展河湖清四乱行动。', ['市水务局*', '市生态环境局'], '与 links two bodies'],
  ['县林业和草原局全面落实森林防火责任制。', ['县林业和草原局*'], '和 inside one name'],
  // finance
  ['人民银行某某市中心支行要引导金融机构加大信贷投放。', ['人民银行某某市中心支行*'], 'central-bank branch'],
  ['某某银保监分局和各市、县（区）人民政府要做好风险处置。', ['某某银保监分局*', '各市、县（区）人民政府'], 'a list splits between complete names'],
  ['有关设区市、县（区）人民政府要统筹使用衔接资金。', ['有关设区市、县（区）人民政府*'], 'collective name stays whole'],
  ['省地方金融监管局会同省财政厅建立风险补偿机制。', ['省地方金融监管局*', '省财政厅'], '会同'],
  ['市财政局应当在收到申请后15个工作日内拨付资金。', ['市财政局*'], '应当'],
  ['各县区财政部门要足额安排配套资金。', ['各县区财政部门*'], '各 + places + field + 部门'],
  // agriculture
  ['省财政厅会同省农业农村厅做好资金测算工作。', ['省财政厅*', '省农业农村厅'], 'the issue\'s form'],
  ['各市县农业农村、财政部门要于每年12月20日前报送总结。', ['各市县农业农村、财政部门*'], 'one collective unit'],
  ['县农业农村局负责组织实施高标准农田建设。', ['县农业农村局*'], '负责'],
  ['实施方案由省农业农村厅、省财政厅与省林业局协商后确定。', ['省农业农村厅*', '省财政厅', '省林业局'], 'topic + 由, 与'],
  ['补贴标准由当地农业农村部门、财政部门自定。', ['当地农业农村部门*', '财政部门'], 'after 由 any verb'],
  ['各乡镇要在6月底前完成摸底。', ['各乡镇*'], '各乡镇 + 要'],
  ['省农业农村厅会同有关部门加强种业监管。', ['省农业农村厅*'], '会同有关部门 names nobody more'],
  // emergency management
  ['市应急管理局要组织开展防汛应急演练。', ['市应急管理局*'], '要 + 组织'],
  ['各区要于汛前完成避险场所排查。', ['各区*'], 'the issue\'s 各区要'],
  ['县消防救援大队对人员密集场所开展消防检查。', ['县消防救援大队*'], '大队 + 对'],
  ['市防汛抗旱指挥部办公室及时发布预警信息。', ['市防汛抗旱指挥部办公室*'], '及时'],
  ['省重大项目建设推进工作领导小组办公室负责统筹调度。', ['省重大项目建设推进工作领导小组办公室*'], 'a long name survives'],
  // market regulation
  ['区市场监管局应当加强食品安全抽检。', ['区市场监管局*'], '应当'],
  ['市市场监督管理局、市商务局依法查处价格违法行为。', ['市市场监督管理局*', '市商务局'], '依法'],
  ['请各县（市、区）市场监管局于11月底前报送工作总结。', ['各县（市、区）市场监管局*'], 'after 请'],
  ['要求各乡镇（街道）加强网格化管理。', ['各乡镇（街道）*'], 'after 要求'],
  // people's organizations, courts, congresses
  ['县总工会负责开展职工技能培训。', ['县总工会*'], '群团'],
  ['团市委、市妇联积极参与青少年关爱行动。', ['团市委*', '市妇联'], '群团 list + 积极'],
  ['市残联要落实残疾人两项补贴。', ['市残联*'], '残联 + 要'],
  ['县人民法院依法审理涉农案件。', ['县人民法院*'], '法院 + 依法'],
  ['市科协组织开展科普进社区活动。', ['市科协*'], '科协 + 组织'],
  // a subject after a comma, several sentences
  ['发现问题的，县卫生健康局要及时处置。', ['县卫生健康局*'], 'clause start after a comma'],
  ['对逾期未整改的，市住房城乡建设局应当依法处理。', ['市住房城乡建设局*'], 'clause start after 对…的，'],
  ['区发展改革委牵头制定方案。区财政局负责保障经费。', ['区发展改革委*', '区财政局*'], 'one statement per sentence'],
  ['延期兑付的，应会同农业农村部门做好解释。', ['农业农村部门'], '会同 without its own subject: a participant'],
  ['教育部门要会同卫生健康部门做好学生体检。', ['教育部门*', '卫生健康部门'], '要会同: the joined body takes part'],
  ['省应急管理厅要会同省气象局建立预警联动机制。', ['省应急管理厅*', '省气象局'], '要会同 across fields'],
  ['县民政局要联合有关部门开展排查。', ['县民政局*'], '联合有关部门 names nobody more'],
  ['国家发展改革委、财政部要加强指导。', ['国家发展改革委*', '财政部'], 'central bodies by their short forms'],
  ['中国人民银行海口中心支行要发挥再贷款作用。', ['中国人民银行海口中心支行*'], 'a branch of a national body'],
  ['本溪县财政局于每季度末报送资金使用情况。', ['本溪县财政局*'], 'a named county before its body'],
  ['公安机关要依法打击违法犯罪。', ['公安机关*'], 'a field and 机关'],
  ['对违反规定的，由县级以上人民政府责令改正。', ['县级以上人民政府*'], '由 after a condition'],
  ['省委、省政府对全省工作负总责。', ['省委*', '省政府'], 'two organs of one level'],
  ['国务院有关部门要按照职责分工抓好落实。', ['国务院有关部门*'], '国务院 opens a national name'],
  ['各市州、县市区人民政府要加强组织领导。', ['各市州、县市区人民政府*'], 'runs of level words share one organ'],
  ['2023年底前，各县（市、区）要完成排查。', ['各县（市、区）*'], 'a subject after a time phrase'],
  ['从2024年起，省财政厅每年安排专项资金。', ['省财政厅*'], '每年 opens the predicate'],
  ['各乡镇人民政府、街道办事处要落实属地责任。', ['各乡镇人民政府*', '街道办事处'], 'a bare sibling after 、'],
  ['县级以上地方人民政府应当加强领导。', ['县级以上地方人民政府*'], 'a level range before the organ'],
  ['各级人民法院要依法审理。', ['各级人民法院*'], 'courts'],
];

const invalid: [sentence: string, reason: string][] = [
  ['强化农业农村和财政部门牵头，其他部门支持的联合查处机制。', 'a noun phrase that only looks like a subject'],
  ['各类婴幼儿照护服务机构必须符合国家标准。', '各类 sorts regulated services, it gathers no bodies'],
  ['除上述机具外，我省特色农业发展所需的机具可列入补贴范围。', '所需 is a word, not a body ending in 所'],
  ['各地要加大宣传力度。', '各地 names no body'],
  ['县财政局的资金要专款专用。', '的 makes the body a modifier'],
  ['各市县当年资金兑付情况与下年安排挂钩。', '当年 does not open a predicate'],
  ['并报省农业农村厅、省财政厅备案。', 'bodies after 报 receive a report, they do not do the work'],
  ['由于县财政困难，暂缓实施。', '由于 is a cause, not 由 + a body'],
  ['社区要开展邻里互助服务。', '社区 alone is a place, not a body'],
  ['不突破市县需求上限分配资金。', '不 opens a verb phrase'],
  ['动态分析各市县农业农村和财政部门办理时限。', 'a long verb phrase ending in 部门'],
  ['县委书记要遍访贫困村。', 'a post, not a body'],
  ['乡村要建立健全矛盾纠纷化解机制。', '乡村 is a field, not a body'],
  ['贫困村要建立村级光伏电站。', 'a kind of village, not a body'],
  ['农户可以自愿申请补贴。', 'applicants are not responsible bodies'],
  ['学校周边200米范围内不得设置网吧。', 'a place in a rule'],
  ['企业要落实安全生产主体责任。', 'a bare 企业 names no body'],
  ['加强与银行业金融机构的沟通对接。', 'the body is an object after 与'],
  ['资金用于支持产业发展。', '用于 is no 于 before a time'],
  ['理由充分的，可以延期。', '理由 is no 由 + a body'],
  ['按照《中华人民共和国安全生产法》规定执行。', 'a law in book-title marks'],
  ['在市委市政府的坚强领导下，全市上下形成合力。', 'a body after 在 inside a phrase'],
  ['全县各级医疗机构的诊疗人次大幅增长。', 'the body is a modifier before 的'],
  ['以县为单位编制实施方案。', '以县为单位 is a scope'],
  ['市场主体要依法诚信经营。', 'market players are regulated, not responsible bodies'],
  ['学校要落实安全管理责任。', 'a bare 学校 names no body'],
  ['县级人民政府是本行政区域的责任主体。', '是 states what a body is, not a duty'],
  ['鼓励各地区通过政府购买服务开展康复训练。', '各地区 names no body, 通过 is no part of a name'],
  ['组织军队系统医院对口帮扶贫困县医院。', 'a verb phrase with no head that says what body it is'],
  ['帮助革命老区培育红色旅游产业。', 'a region being helped'],
  ['引导国有企业承担社会责任。', 'a kind of enterprise, not a body named'],
];

describe('subject statements: valid', () => {
  test.each(valid)('%s (%s)', (p, want) => expect(units(p)).toEqual(want));
});

describe('subject statements: invalid', () => {
  test.each(invalid)('%s (%s)', (p) => expect(units(p)).toEqual([]));
});

describe('spans', () => {
  test('a subject span covers only the names, so the task keeps its words', () => {
    const p = '省财政厅会同省农业农村厅做好资金测算工作。';
    const [s] = subjectStatements(p);
    expect(p.slice(s.start, s.end)).toBe('省财政厅会同省农业农村厅');
  });
  test('each sentence is read on its own', () => {
    const p = '市民政局要做好兜底保障；市医保局要落实医疗救助。';
    expect(subjectStatements(p).map((s) => p.slice(s.start, s.end))).toEqual(['市民政局', '市医保局']);
  });
});
