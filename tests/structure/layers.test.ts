// One layered document: every block gets one layer and a ref; an attachment that is a catalogue or a
// list is an appendix (no tasks), one that is measures gives tasks. Documents written for this test.
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import type { Block, RawDocument } from '../../src/model.js';
import { locateAttachments } from '../../src/structure/attachments.js';
import { isAppendix, structureDocument } from '../../src/structure/layers.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));
const raw = (lines: string[]): RawDocument => ({ source: { path: 'doc.txt', format: 'txt', sha256: '0' }, blocks: blocks(lines), messages: [] });
const layersOf = (lines: string[]) => structureDocument(blocks(lines)).blocks.map((b) => `${b.ref} ${b.layer}`);

/** A provincial notice around a plan, with a catalogue attachment (the shape of many 补贴 notices). */
const SUBSIDY = [
  '某省农业农村厅 某省财政厅', // b0
  '关于印发2024-2026年某省农机', // b1
  '购置与应用补贴实施方案的通知', // b2
  '各市、县农业农村局、财政局：', // b3
  '现将《2024—2026年某省农机购置与应用补贴实施方案》印发给你们，请遵照执行。', // b4
  '某省农业农村厅 某省财政厅', // b5
  '2024年7月1日', // b6
  '（此件主动公开）', // b7
  '2024—2026年某省', // b8
  '农机购置与应用补贴实施方案', // b9
  '一、补贴范围', // b10
  '省农业农村厅负责确定补贴机具品目，按年度进行调整。', // b11
  '二、实施要求', // b12
  '各市县财政部门要于每年12月20日前报送实施总结。', // b13
  '附件：2024—2026年某省农机购置与应用补贴机具种类范', // b14
  '围', // b15
  '附件', // b16
  '2024—2026年某省', // b17
  '农机购置与应用补贴机具种类范围', // b18
  '1.耕整地机械', // b19
  '1.1耕地机械', // b20
  '1.1.1犁', // b21
  '1.1.2旋耕机', // b22
  '1.1.3深松机', // b23
  '2.收获机械', // b24
  '2.1谷物收获机械', // b25
  '2.1.1自走轮式谷物联合收割机', // b26
  '2.1.2半喂入式水稻联合收割机', // b27
];

describe('layers of a notice carrying a plan and a catalogue', () => {
  const layers = layersOf(SUBSIDY);

  test('every block has one layer and its ref', () => {
    expect(layers.slice(0, 16)).toEqual([
      'b0 masthead', 'b1 title', 'b2 title', 'b3 recipients', 'b4 notice', 'b5 signature', 'b6 signature', 'b7 colophon',
      'b8 title', 'b9 title', 'b10 body', 'b11 body', 'b12 body', 'b13 body', 'b14 attachment-list', 'b15 attachment-list',
    ]);
    expect(new Set(layers.slice(16).map((l) => l.split(' ')[1]))).toEqual(new Set(['attachment-appendix']));
  });

  test('the plan title is read although the notice writes its year range with a hyphen', () => {
    expect(structureDocument(blocks(SUBSIDY)).meta.title).toBe('2024—2026年某省农机购置与应用补贴实施方案');
  });

  test('a title broken across lines in the attachment list is one title, and "围" is no task', () => {
    expect(locateAttachments(blocks(SUBSIDY)).attachments[0].title).toBe('2024—2026年某省农机购置与应用补贴机具种类范围');
    const result = buildResult(raw(SUBSIDY));
    expect(result.tasks.map((t) => t.text)).toEqual([
      '省农业农村厅负责确定补贴机具品目，按年度进行调整。',
      '各市县财政部门要于每年12月20日前报送实施总结。',
    ]);
  });

  test('the document lists the catalogue as an appendix', () => {
    expect(buildResult(raw(SUBSIDY)).document.attachments).toEqual([
      { index: 1, title: '2024—2026年某省农机购置与应用补贴机具种类范围', where: { block: 16 }, appendix: true },
    ]);
  });

  test('the catalogue gives no document quantities either', () => {
    expect(buildResult(raw(SUBSIDY)).document.quantities).toEqual([]);
  });
});

describe('an attachment is an appendix by what its lines say, not by its name', () => {
  test.each([
    ['machine catalogue', ['1.耕整地机械', '1.1耕地机械', '1.1.1犁', '1.1.2旋耕机', '1.1.3微型耕耘机', '2.种植施肥机械', '2.1播种机械', '2.1.1条播机']],
    ['材料清单 of an approval', ['1.项目申请报告', '2.建设项目用地预审与选址意见书', '3.项目社会稳定风险评估报告', '4.节能审查意见', '5.营业执照复印件（加盖公章）']],
    ['名单 of a leading group', ['组  长：张  三  县长', '副组长：李  四  副县长', '成  员：王  五  县财政局局长', '赵  六  县教育局局长', '领导小组办公室设在县教育局。']],
    ['品目 list with a heading line', ['（一）粮食作物', '水稻、玉米、小麦', '（二）经济作物', '甘蔗、橡胶、茶叶', '（三）畜禽', '生猪、家禽']],
    ['目录 of public services', ['一、社会保障', '1.城乡居民基本养老保险', '2.城乡居民基本医疗保险', '二、公共教育', '3.学前教育资助', '4.义务教育免费提供教科书']],
  ])('%s → appendix', (_, lines) => expect(isAppendix(lines)).toBe(true));

  test.each([
    ['task guide (任务分工)', ['1.推进高标准农田建设。县农业农村局牵头，县财政局配合，2024年底前完成。', '2.加强农机购置补贴监管。县农业农村局负责。', '3.开展耕地质量监测。']],
    ['department duties', ['省卫生健康委：负责婴幼儿照护服务的统筹协调。', '省教育厅：负责指导幼儿园开设托班。', '省民政厅：将婴幼儿照护纳入社区服务。']],
    ['short measures with verbs', ['1.完善农村供水设施', '2.推进农村厕所革命', '3.加强村庄清洁行动', '4.建立长效管护机制']],
    ['dated work plan', ['3月底前：摸底调查', '6月底前：集中整治', '9月底前：验收评估', '12月底前：总结推广']],
    ['too short to tell', ['某县农村人居环境整治方案', '见附表']],
    ['terse task table (no verbs, no dates)', ['序号\t重点任务\t牵头单位\t配合单位', '1\t高标准农田建设\t县农业农村局\t县财政局', '2\t农村公路提档\t县交通运输局\t各乡镇', '3\t村庄清洁\t县住建局\t各乡镇', '4\t农村供水保障\t县水利局\t县卫健局']],
  ])('%s → measures', (_, lines) => expect(isAppendix(lines)).toBe(false));
});

describe('tasks come from attachments that are measures', () => {
  test('a task-guide attachment still gives its tasks, a 名单 attachment none', () => {
    const result = buildResult(raw([
      '某县人民政府办公室关于印发某县农村人居环境整治实施方案的通知',
      '各乡镇人民政府，县直有关部门：',
      '现将《某县农村人居环境整治实施方案》印发给你们，请认真贯彻执行。',
      '某县人民政府办公室',
      '2023年3月1日',
      '某县农村人居环境整治实施方案',
      '一、重点任务',
      '（一）各乡镇要开展村庄清洁行动。',
      '附件：1.重点任务分工',
      '2.领导小组成员名单',
      '附件1',
      '重点任务分工',
      '1.推进农村改厕。县农业农村局牵头，2023年底前完成。',
      '2.治理生活污水。县生态环境局负责。',
      '附件2',
      '领导小组成员名单',
      '组  长：张  三  县长',
      '副组长：李  四  副县长',
      '成  员：王  五  县财政局局长',
      '赵  六  县农业农村局局长',
    ]));
    const texts = result.tasks.map((t) => t.text);
    expect(texts).toHaveLength(3);
    expect(texts.some((t) => t.includes('农村改厕'))).toBe(true);
    expect(texts.some((t) => t.includes('生活污水'))).toBe(true);
    expect(texts.some((t) => /组\s*长|副组长|成\s*员/u.test(t))).toBe(false);
  });

  test('a file that is an attachment split out of its notice takes the title under "附件1"', () => {
    const doc = structureDocument(blocks(['附件1', '某省投资项目容缺审批事项清单', '序号 事项名称', '1.项目申请报告', '2.选址意见书', '3.节能审查意见', '4.环境影响评价文件']));
    expect(doc.meta.title).toBe('某省投资项目容缺审批事项清单');
    expect(doc.blocks.map((b) => b.layer).slice(0, 3)).toEqual(['masthead', 'title', 'attachment-appendix']);
  });
});

describe('furniture and closing lines', () => {
  test('a scraped page: byline and share lines are site furniture, 抄送 is colophon', () => {
    const layers = layersOf([
      '首页 > 政策文件 > 正文',
      '某市人民政府办公室关于做好防汛工作的通知',
      '各区人民政府，市政府各部门：',
      '一、压实责任',
      '各区要于6月1日前完成隐患排查。',
      '某市人民政府办公室',
      '2022年5月10日',
      '抄送：市委办公室。',
      '责任编辑：王五',
    ]);
    expect(layers).toEqual([
      'b0 site-furniture', 'b1 title', 'b2 recipients', 'b3 body', 'b4 body', 'b5 signature', 'b6 signature', 'b7 colophon', 'b8 site-furniture',
    ]);
  });
});

describe('short closing lines are not measures', () => {
  test('结束语 and a bare 附件： head', () => {
    const layers = layersOf([
      '某县人民政府关于禁止野外用火的通告',
      '一、禁火期',
      '每年10月1日至次年4月30日为森林防火期，严禁野外用火。',
      '特此通告。',
      '附件：',
      '某县人民政府',
      '2023年9月1日',
    ]);
    expect(layers.slice(3, 5)).toEqual(['b3 signature', 'b4 attachment-list']);
    const tasks = buildResult(raw(['某县人民政府关于禁止野外用火的通告', '一、禁火期', '每年10月1日至次年4月30日为森林防火期，严禁野外用火。', '特此通告。', '附件：'])).tasks;
    expect(tasks.map((t) => t.text)).toEqual(['每年10月1日至次年4月30日为森林防火期，严禁野外用火。']);
  });
});

test('numbers in the attachment list and an attachment title are not document quantities', () => {
  const result = buildResult(raw([
    '某市人民政府办公室关于促进3岁以下婴幼儿照护服务发展的实施意见',
    '各县（区）人民政府，市政府各部门：',
    '一、主要任务',
    '各县（区）要于2021年底前建成1个示范性照护机构。',
    '附件：促进3岁以下婴幼儿照护服务发展工作部门职责分工',
    '某市人民政府办公室',
    '2020年3月1日',
    '附件',
    '促进3岁以下婴幼儿照护服务发展工作部门职责分工',
    '市卫生健康委负责统筹协调全市婴幼儿照护服务工作。',
  ]));
  expect(result.document.quantities.map((q) => q.text)).toEqual([]);
  expect(result.tasks.flatMap((t) => t.quantities.map((q) => q.text))).toEqual(['1个']);
});
