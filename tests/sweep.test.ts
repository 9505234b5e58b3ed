// Robustness sweep: eight notices of other levels, places, years and topics, as web pages written
// for this test (tests/fixtures/html/sweep/). The tables say what a careful policy clerk would put
// in the register, not what the code happens to do; each task is found by a distinctive substring.
//   units: "A*,B" — names in order, * marks the lead
//   deadlines: "due:2024-06-30" | "start:2024-04-10" | "rec:quarterly" (compared as a set)
//   quantities: "value[-max] unit[/per/per] comparator" (compared as a set)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSweep, type Meta, type Want } from './sweep-harness.js';

const DOCS: [string, Meta, Want[]][] = [
  ['national-action-plan.html', {
    title: '农村供水工程提质增效行动计划（2023—2025年）', docType: '其他', isPlan: true, docNumber: ['国办发', 2023, 21],
    issuer: '国务院办公厅', date: '2023-06-12', jurisdiction: ['中华人民共和国', 'national'],
  }, [
    { key: '主要目标：到2025年', units: '', deadlines: ['due:2025-12-31'], quantities: ['88 % =', '60 % >='] },
    { key: '新建改建规模化供水工程5000处以上', units: '水利部*,国家发展改革委,财政部', deadlines: ['due:2025-12-31'], quantities: ['5000 处 >='] },
    { key: '单村供水工程每处改造投资', units: '水利部*,国家乡村振兴局', deadlines: [], quantities: ['800000 元/处 <='] },
    { key: '至少开展2次全覆盖检测', units: '国家卫生健康委*,水利部', deadlines: ['rec:annual'], quantities: ['2 次/年 >='] },
    { key: '运行管护经费保障机制', units: '水利部*,财政部', deadlines: ['due:2024-09-30'], quantities: [] },
    { key: '不少于30亿元', units: '财政部*,国家发展改革委', deadlines: ['rec:annual'], quantities: ['3000000000 元/年 >='] },
    { key: '每半年调度一次', units: '水利部*,国家乡村振兴局', deadlines: ['rec:semiannual'] },
  ]],
  ['ministry-notice.html', {
    title: '教育部办公厅关于加强中小学生近视防控工作的通知', docType: '通知', isPlan: true, docNumber: ['教体艺厅函', 2019, 8],
    issuer: '教育部办公厅', date: '2019-03-11', jurisdiction: ['中华人民共和国', 'national'],
  }, [
    { key: '减轻学生课业负担', deadlines: [], quantities: ['60 分钟 <=', '90 分钟 <='] },
    { key: '保障体育锻炼时间', quantities: ['1 小时/天 >=', '1 次/学期 >='] },
    { key: '照明改造达标率', quantities: ['100 % ='] },
    { key: '每年开展一次专项督导', deadlines: ['rec:annual'] },
    { key: '于2019年6月30日前将工作进展', deadlines: ['due:2019-06-30'] },
  ]],
  ['province-opinion.html', {
    title: '江西省人民政府办公厅关于推进基本养老服务体系建设的实施意见', docType: '实施意见', isPlan: true, docNumber: ['赣府厅发', 2023, 15],
    issuer: '江西省人民政府办公厅', date: '2023-05-08', jurisdiction: ['江西省', 'province'],
  }, [
    { key: '护理型床位占比不低于60%', units: '', deadlines: ['due:2025-12-31'], quantities: ['60 % >=', '100 % ='] },
    { key: '基本养老服务清单', units: '省民政厅*,省发展改革委,省财政厅', deadlines: ['due:2023-12-31'], quantities: [] },
    { key: '老年人能力综合评估', units: '省民政厅*,省卫生健康委', deadlines: [], quantities: [] },
    { key: '每人每月300元', units: '省民政厅*,省财政厅', deadlines: [], quantities: ['300 元/人/月 ='] },
    { key: '家庭养老床位5000张以上', units: '省民政厅*,省住房城乡建设厅', deadlines: ['rec:annual'], quantities: ['1 个/街道 >=', '5000 张/年 >='] },
    { key: '养老护理员不少于1万人次', units: '省人力资源社会保障厅*,省民政厅', deadlines: ['rec:annual'], quantities: ['10000 人次/年 >='] },
    { key: '每半年通报一次', units: '各设区市人民政府*', deadlines: ['rec:semiannual'] },
  ]],
  ['city-joint.html', {
    title: '赣州市农村人居环境整治提升五年行动实施方案（2021—2025年）', docType: '实施方案', isPlan: true, docNumber: ['赣市办字', 2021, 45],
    issuer: '中共赣州市委办公室 赣州市人民政府办公室', date: '2021-09-28', jurisdiction: ['赣州市', 'city'],
  }, [
    { key: '卫生厕所普及率稳定在95%以上', units: '', deadlines: ['start:2021-01-01', 'due:2025-12-31'], quantities: ['95 % >=', '40 % ='] },
    { key: '农村户用卫生厕所2万户', units: '市农业农村局*,市卫生健康委,市财政局,各县（市、区）人民政府', deadlines: ['rec:annual'], quantities: ['20000 户/年 =', '1500 元/户 <='] },
    { key: '黑臭水体排查整治', units: '市生态环境局*,市住建局,市水利局,各县（市、区）人民政府', deadlines: ['due:2023-12-31'], quantities: [] },
    { key: '保洁员不少于2名', units: '市城管局*,市农业农村局,各县（市、区）人民政府', deadlines: [], quantities: ['2 名/村 >='] },
    { key: '每半年组织一次专项督查', units: '市农业农村局*', deadlines: ['rec:semiannual'] },
    { key: '专项资金1.2亿元', units: '市财政局*,市农业农村局', deadlines: ['rec:annual'], quantities: ['120000000 元/年 ='] },
  ]],
  ['county-group-table.html', {
    title: '宁都县2023年防止返贫动态监测和帮扶工作方案', docType: '实施方案', isPlan: true, docNumber: ['宁乡振组字', 2023, 3],
    issuer: '宁都县乡村振兴领导小组', date: '2023-03-20', jurisdiction: ['宁都县', 'county'],
  }, [
    { key: '风险消除率达到70%以上', units: '', quantities: ['100 % =', '70 % >='] },
    { key: '开展集中排查', units: '县乡村振兴局*', leaders: ['刘建华'], owners: ['陈志强'], deadlines: ['rec:annual', 'due:2023-06-30'], quantities: ['1 次/年 ='] },
    { key: '落实精准帮扶', units: '县农业农村局*,县人社局', leaders: ['刘建华'], owners: ['黄海涛'], deadlines: ['due:2023-12-31'], quantities: ['1 项/户 >='] },
    {
      key: '数据比对预警机制', units: '县乡村振兴局*,县教育科技局,县医保局,县民政局', deadlines: ['rec:quarterly']
    },
    { key: '小额信贷政策', units: '县金融服务中心*,人行宁都县支行,县财政局', deadlines: ['due:2023-09-30'], quantities: ['50000000 元 >='] },
    { key: '乡村公益性岗位', units: '县人社局*,各乡镇', deadlines: ['due:2023-09-30'], quantities: ['800 人 >='] },
    { key: '健全防止返贫监测帮扶工作机制', units: '县乡村振兴局*,县领导小组各成员单位', deadlines: [], quantities: [] },
    { key: '每月25日前', deadlines: ['rec:monthly'] },
  ]],
  ['township.html', {
    title: '太湖源镇2024年安全生产大排查大整治行动方案', docType: '实施方案', isPlan: true, docNumber: ['太政发', 2024, 12],
    issuer: '太湖源镇人民政府', date: '2024-04-02', jurisdiction: ['太湖源镇', 'township'],
  }, [
    { key: '较上年下降10%以上', units: '', quantities: ['100 % =', '100 % =', '10 % >='] },
    { key: '从2024年4月10日起', deadlines: ['start:2024-04-10', 'due:2024-12-31'] },
    { key: '工贸企业自查自改', units: '镇应急管理办*,镇企业服务中心,各村（社区）', deadlines: ['due:2024-04-30', 'due:2024-06-30'], quantities: [] },
    { key: '农家乐经营户', units: '镇综合行政执法队*,镇消防工作站', deadlines: ['due:2024-09-30'], quantities: [] },
    { key: '防汛应急演练', units: '镇农业农村办*,各村（社区）', deadlines: [], quantities: ['2 次/村 >=', '3 个 ='] },
    { key: '工贸企业自查自改', leaders: ['王强'] },
    { key: '农家乐经营户', leaders: ['王强'] },
    { key: '防汛应急演练', leaders: ['王强'] },
    { key: '安全生产例会', units: '镇安委办*', leaders: ['王强'], deadlines: ['rec:monthly', 'rec:quarterly', 'due:2024-12-31'] },
    { key: '每周五下午4点前', deadlines: ['rec:weekly'], quantities: [] },
  ]],
  ['city-measures.html', {
    title: '洛阳市城镇老旧小区改造专项补助资金管理办法', docType: '其他', isPlan: true, docNumber: ['洛建', 2022, 88],
    issuer: '洛阳市住房和城乡建设局', date: '2022-07-15', jurisdiction: ['洛阳市', 'city'],
  }, [
    {
      // issue 12: "A负责…；B负责…" is one task per body with its own duty (it was one shared task)
      key: '市财政局负责资金预算安排和拨付', units: '市财政局*', deadlines: [], quantities: []
    },
    { key: '基础类改造每户补助不超过3000元', deadlines: [], quantities: ['3000 元/户 <=', '100 元/平方米 <='] },
    { key: '每年3月31日前报送', deadlines: ['rec:annual'], quantities: [] },
    { key: '30个工作日内', quantities: ['30 个工作日 <='] },
    { key: '自2022年8月1日起施行', deadlines: ['start:2022-08-01'], quantities: ['5 年 ='] },
  ]],
  ['province-health.html', {
    title: '湖南省2024年基层医疗卫生服务能力提升行动工作方案', docType: '实施方案', isPlan: true, docNumber: ['湘卫基层发', 2024, 3],
    issuer: '湖南省卫生健康委员会', date: '2024-02-26', jurisdiction: ['湖南省', 'province'],
  }, [
    { key: '较上年提高3个百分点', units: '', deadlines: ['due:2024-12-31'], quantities: ['80 % >=', '3 个百分点 ='] },
    { key: '全科医生3—5名', units: '基层卫生健康处*,科技教育处,人事处', deadlines: [], quantities: ['3 名/乡镇卫生院 >=', '5 名/乡镇卫生院 <=', '1 名/村卫生室 >='] }, // a range is two bounds (issue #12)
    { key: '紧密型县域医共体。', units: '体制改革处*,医政医管处,财务处', deadlines: ['due:2024-09-30'], quantities: ['70 % ='] },
    { key: '信息系统升级', units: '规划发展与信息化处*', deadlines: ['due:2024-09-30', 'rec:quarterly'] },
    { key: '每所奖补20万元至50万元', units: '财务处*,基层卫生健康处', deadlines: [], quantities: ['250000000 元 =', '200000 元/所 >=', '500000 元/所 <='] }, // a range is two bounds (issue #12)
    { key: '每年12月20日前', deadlines: ['rec:annual'] },
  ]],
];

runSweep(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html', 'sweep'), DOCS);
