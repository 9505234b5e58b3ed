// Second robustness sweep: eight more web pages of other shapes (tests/fixtures/html/sweep2/): a
// 人民政府 印发 notice whose plan is the 附件, a 转发 notice, bold run-in headings, a title only in
// <title> and div.tit, a 附件下载 list and 扫一扫 widget, a 简报, a 批复 and a 2015 joint 意见.
// Same conventions as sweep.test.ts; titles and issuers are compared without spaces, as score.py does.
// Project conventions followed here: 行政村 counts as 村; "每半年…一次" also gives the quantity
// "1 次/半年"; a task's deadlines list each distinct time limit once (two annual duties: one rec:annual).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSweep, type Meta, type Want } from './sweep-harness.js';

const DOCS: [string, Meta, Want[]][] = [
  ['county-gov-attachment.html', {
    title: '安福县农村供水保障提升实施方案', docType: '实施方案', isPlan: true, docNumber: ['安府发', 2024, 6],
    issuer: '安福县人民政府', date: '2024-03-15', jurisdiction: ['安福县', 'county'],
  }, [
    { key: '农村自来水普及率达到98%以上', units: '', deadlines: ['due:2024-12-31'], quantities: ['98 % >=', '85 % ='] },
    { key: '实施城乡供水一体化工程', units: '县水利局*,县发改局,县财政局', deadlines: ['due:2024-12-31'], quantities: ['120 公里 =', '500000000 元 ='] },
    { key: '开展水质检测监测', units: '县卫健委*,县水利局', deadlines: ['rec:semiannual'] },
    { key: '深化水价改革', units: '县发改局*,县直有关部门', deadlines: ['due:2025-06-30'], quantities: ['95 % >='] },
    { key: '落实属地管护责任', units: '各乡镇人民政府*', deadlines: [], quantities: ['1 名/村 >='] },
    { key: '一月一调度', units: '县水利局*', deadlines: ['rec:monthly'], quantities: [] },
    { key: '每年12月31日前', deadlines: ['rec:annual'], quantities: [] },
  ]],
  ['province-forward.html', {
    title: '山西省人民政府办公厅关于转发国务院办公厅关于进一步做好高校毕业生等青年就业创业工作的通知的通知', docType: '通知', isPlan: true,
    docNumber: ['晋政办发', 2022, 41], issuer: '山西省人民政府办公厅', date: '2022-06-08', jurisdiction: ['山西省', 'province'],
  }, [
    { key: '拓宽就业渠道', units: '省人力资源社会保障厅*,省国资委,省教育厅', quantities: ['90 % >='] },
    { key: '强化技能培训', units: '省人力资源社会保障厅*,省财政厅', deadlines: [], quantities: ['35000 人次 >=', '85 % >='] },
    { key: '落实扩岗补助', units: '省人力资源社会保障厅*,省财政厅', deadlines: ['start:2022-06-08', 'due:2022-12-31'], quantities: ['1 年 >=', '1500 元/人 ='] },
    { key: '做好困难帮扶', units: '省人力资源社会保障厅*,省民政厅,各市人民政府', quantities: ['95 % >='] },
    { key: '每季度向省人力资源社会保障厅报送', deadlines: ['rec:quarterly', 'rec:semiannual'], quantities: ['1 次/半年 ='] },
    // the forwarded document printed below the notice: its measures stay, its header lines do not
    { key: '扩大企业吸纳规模', units: '人力资源社会保障部*,财政部', quantities: ['1500 元/人 ='] },
  ]],
  ['city-bold-runin.html', {
    title: '遵义市人民政府办公室关于做好2025年城乡居民基本医疗保障工作的通知', docType: '通知', isPlan: true, docNumber: ['遵府办发', 2025, 4],
    issuer: '遵义市人民政府办公室', date: '2025-02-18', jurisdiction: ['遵义市', 'city'],
  }, [
    { key: '加强组织领导', units: '市医保局*,各县（市、区）人民政府', deadlines: [], quantities: ['95 % >='] },
    { key: '提高筹资标准', units: '市财政局*,市医保局', deadlines: ['due:2025-06-30'], quantities: ['700 元/人/年 ='] },
    { key: '稳定待遇水平', units: '市医保局*,市卫生健康局', deadlines: [], quantities: ['50 % >=', '70 % <=', '50 % <='] }, // a range is two bounds (issue #12)
    { key: '做实医疗救助', units: '各县（市、区）政府*', quantities: ['100 % ='] },
    { key: '强化基金监管', units: '市医保局*,市公安局,市卫生健康局', deadlines: ['rec:semiannual'], quantities: ['1 次/半年 =', '3 % <='] },
    { key: '抓好宣传引导', units: '市医保局*,市委宣传部,各县（市、区）人民政府', deadlines: ['due:2025-12-31'], quantities: [] },
  ]],
  ['county-bureau-divtit.html', {
    title: '桐庐县农业农村局关于做好2022年春季重大动物疫病集中免疫工作的通知', docType: '通知', isPlan: true, docNumber: ['桐农', 2022, 9],
    issuer: '桐庐县农业农村局', date: '2022-02-25', jurisdiction: ['桐庐县', 'county'],
  }, [
    { key: '从2022年3月1日开始', deadlines: ['start:2022-03-01', 'due:2022-04-30'], quantities: [] },
    { key: '免疫密度达到100%', units: '各乡镇（街道）农业农村办公室*', quantities: ['100 % =', '70 % >='] },
    { key: '程序化免疫', units: '县动物疫病预防控制中心*,各乡镇（街道）农业农村办公室', quantities: ['2 名/乡镇（街道） >='] },
    { key: '抽样监测', units: '县动物疫病预防控制中心*', deadlines: ['due:2022-05-20'], quantities: ['60 份/乡镇（街道） >='] },
    { key: '每月25日前报送免疫进度', deadlines: ['rec:monthly', 'due:2022-05-10'], quantities: [] },
  ]],
  ['district-measures-download.html', {
    title: '临渭区2023年促进工业经济稳增长若干措施', docType: '其他', isPlan: true, docNumber: ['临政办发', 2023, 11],
    issuer: '渭南市临渭区人民政府办公室', date: '2023-04-03', jurisdiction: ['临渭区', 'county'],
  }, [
    { key: '全市平均水平的1.2倍', units: '', quantities: ['1.2 倍 ='] },
    { key: '设立工业发展专项资金', units: '区工信局*,区财政局', leaders: ['王建平', '赵丽娟'], deadlines: ['rec:annual'], quantities: ['200000000 元/年 >='] },
    { key: '加快项目建设', units: '区发改局*,区工信局,区自然资源局', leaders: ['王建平'], deadlines: ['rec:monthly', 'due:2023-12-31'], quantities: ['15 个 >=', '8 个 >='] },
    {
      key: '降低企业用能成本', units: '区工信局*,区财政局,国网临渭供电公司', leaders: ['赵丽娟', '孙浩'],
      quantities: ['5000000 千瓦时 >=', '0.03 元/千瓦时 =', '500000 元 <='],
    },
    { key: '自发布之日起施行', deadlines: ['start:2023-04-03', 'due:2023-12-31'], quantities: [] },
  ]],
  ['county-bulletin.html', {
    title: '农村人居环境整治工作简报', docType: '快报', isPlan: false, docNumber: null,
    issuer: '修水县农业农村局', date: '2021-07-12', jurisdiction: ['修水县', 'county'], noTasks: true,
  }, []],
  ['city-reply.html', {
    // 批复 is a 文种 of its own (党政机关公文处理工作条例 第八条), not a 函; the enum has no 批复, so 其他
    title: '吉安市人民政府关于永丰县国土空间总体规划（2021—2035年）的批复', docType: '其他', isPlan: true, docNumber: ['吉府字', 2023, 87],
    issuer: '吉安市人民政府', date: '2023-10-30', jurisdiction: ['吉安市', 'city'],
  }, [
    {
      key: '筑牢安全发展的空间基础', units: '', deadlines: ['due:2035-12-31'],
      quantities: ['625000 亩 >=', '538000 亩 >=', '452 平方千米 >=', '1.2 倍 <='],
    },
    { key: '严格规划实施管理', deadlines: ['due:2024-06-30', 'rec:annual'], quantities: [] },
  ]],
  ['province-joint-2015.html', {
    title: '河北省教育厅 河北省财政厅关于加强农村义务教育学校寄宿条件建设的意见', docType: '意见', isPlan: true, docNumber: ['冀教财', 2015, 27],
    issuer: '河北省教育厅 河北省财政厅', date: '2015-09-10', jurisdiction: ['河北省', 'province'],
  }, [
    { key: '明确建设目标', units: '', deadlines: ['due:2017-12-31'], quantities: ['3 平方米/人 >=', '100 % ='] },
    { key: '加大资金投入', deadlines: ['start:2015-01-01', 'due:2017-12-31', 'rec:annual'], quantities: ['500000000 元/年 =', '1200 元/平方米 ='] },
    { key: '落实生活补助', deadlines: [], quantities: ['1000 元/生/年 =', '1250 元/生/年 ='] },
    { key: '加强项目管理', deadlines: ['rec:annual'], quantities: ['30 日 <=', '1 次/年 ='] },
  ]],
];

runSweep(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html', 'sweep2'), DOCS);
