// Small whole documents written for this test, each lacking or carrying particular elements.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { extractMetadata } from '../../src/structure/metadata.js';

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));

describe('a 印发通知 wrapping a plan', () => {
  const doc = blocks([
    '宽甸满族自治县脱贫攻坚领导小组文件', // 0
    '宽脱贫发〔2019〕5号', // 1
    '关于印发《宽甸满族自治县2019年易地搬迁', // 2
    '实施方案》的通知', // 3
    '各乡镇人民政府，县直有关部门：', // 4
    '现将《宽甸满族自治县2019年易地搬迁实施方案》印发给你们，请认真贯彻执行。', // 5
    '宽甸满族自治县脱贫攻坚领导小组', // 6
    '二〇一九年三月十五日', // 7
    '宽甸满族自治县 2019 年易地搬迁实施方案', // 8
    '为改善群众居住条件，根据《丹东市易地扶贫搬迁管理办法》（丹政办发〔2018〕44号），制定本方案。', // 9
    '一、搬迁任务', // 10
    '全年搬迁120户。', // 11
    '二、其他', // 12
    '本方案自印发之日起施行，原《宽甸满族自治县易地搬迁暂行办法》（宽政发〔2016〕9号）同时废止。', // 13
    '附件：1.搬迁户名单', // 14
    '2.资金测算表', // 15
    '宽甸满族自治县脱贫攻坚领导小组办公室 2019年3月16日印发', // 16
    '附件1', // 17
    '搬迁户名单', // 18
    '附件2', // 19
    '资金测算表', // 20
  ]);
  const m = extractMetadata(doc);

  test('the notice gives number, issuer, date and recipients; the plan gives title and type', () => {
    expect(m.title).toBe('宽甸满族自治县2019年易地搬迁实施方案');
    expect(m.noticeTitle).toBe('关于印发《宽甸满族自治县2019年易地搬迁实施方案》的通知');
    expect(m.docType).toBe('实施方案');
    expect(m.isPlan).toBe(true);
    expect(m.docNumber).toEqual({ text: '宽脱贫发〔2019〕5号', issuerCode: '宽脱贫发', year: 2019, serial: 5 });
    expect(m.issuer).toBe('宽甸满族自治县脱贫攻坚领导小组');
    expect(m.date).toBe('2019-03-15');
    expect(m.recipients).toEqual(['各乡镇人民政府', '县直有关部门']);
    expect(m.bodyStart).toBe(9);
  });

  test('attachments take their titles from the bodies, pointing at the 附件N blocks', () => {
    expect(m.attachments).toEqual([
      { index: 1, title: '搬迁户名单', where: { block: 17 } },
      { index: 2, title: '资金测算表', where: { block: 19 } },
    ]);
  });

  test('references and the whole-document supersession', () => {
    expect(m.references).toEqual([
      { text: '丹政办发〔2018〕44号', issuerCode: '丹政办发', year: 2018, serial: 44, title: '丹东市易地扶贫搬迁管理办法' },
      { text: '宽政发〔2016〕9号', issuerCode: '宽政发', year: 2016, serial: 9, title: '宽甸满族自治县易地搬迁暂行办法' },
    ]);
    expect(m.supersedes).toEqual([
      {
        scope: 'whole', issuerCode: '宽政发', year: 2016, serial: 9, title: '宽甸满族自治县易地搬迁暂行办法',
        evidence: '本方案自印发之日起施行，原《宽甸满族自治县易地搬迁暂行办法》（宽政发〔2016〕9号）同时废止。',
      },
    ]);
  });

  test('boilerplate: header, signature and date, plan title, 印发 line', () => {
    expect(m.boilerplate).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 16]);
  });

  test('jurisdiction from the issuer', () => {
    expect(m.jurisdiction?.name).toBe('宽甸满族自治县');
    expect(m.jurisdiction?.parents?.map((p) => p.name)).toEqual(['丹东市', '辽宁省']);
  });
});

describe('documents lacking elements get empty fields', () => {
  test('a plan with no number and no date', () => {
    const m = extractMetadata(blocks([
      '建昌县农村饮水安全巩固提升工作方案',
      '为保障农村饮水安全，制定本方案。',
      '一、目标任务',
      '年内解决3000人饮水问题。',
    ]));
    expect(m.title).toBe('建昌县农村饮水安全巩固提升工作方案');
    expect(m.docType).toBe('实施方案');
    expect(m.docNumber).toBeNull();
    expect(m.date).toBe('');
    expect(m.issuer).toBe('');
    expect(m.recipients).toEqual([]);
    expect(m.attachments).toEqual([]);
    expect(m.references).toEqual([]);
    expect(m.supersedes).toEqual([]);
    expect(m.bodyStart).toBe(1);
    expect(m.jurisdiction?.name).toBe('建昌县');
  });

  test('a signed plan with a number but no date has an empty date, the signer as issuer', () => {
    const m = extractMetadata(blocks([
      '义县扶贫办〔2020〕2号',
      '义县2020年扶贫项目管理办法',
      '第一条 为规范项目管理，制定本办法。',
      '义县扶贫开发领导小组办公室',
    ]));
    expect(m.docNumber).toEqual({ text: '义县扶贫办〔2020〕2号', issuerCode: '义县扶贫办', year: 2020, serial: 2 });
    expect(m.date).toBe('');
    expect(m.docType).toBe('其他');
    expect(m.title).toBe('义县2020年扶贫项目管理办法');
  });

  test('body text only: no title, no issuer, nothing guessed', () => {
    const m = extractMetadata(blocks(['今年以来，全市共完成危房改造2000户。', '下一步将继续做好相关工作。']));
    expect(m).toMatchObject({
      title: '', docType: '其他', docNumber: null, issuer: '', date: '', recipients: [], attachments: [], bodyStart: 0,
      jurisdiction: null,
    });
  });
});

describe('a joint 实施意见 scraped from a news site', () => {
  const m = extractMetadata(blocks([
    '网站首页',
    '首页 > 政策文件 > 正文',
    '中共铁岭市委 铁岭市人民政府 关于加快发展乡村产业的实施意见',
    '2020年05月12日 09:30 来源:铁岭日报',
    '为加快发展乡村产业，提出如下意见。',
    '一、总体要求',
    '以前有关规定与本意见不一致的，以本意见为准。',
    '(责任编辑:李某)',
    '分享到:',
  ]));
  test('title, joint issuer, and the publication date kept apart from 成文日期', () => {
    expect(m.title).toBe('中共铁岭市委铁岭市人民政府关于加快发展乡村产业的实施意见');
    expect(m.issuer).toBe('中共铁岭市委 铁岭市人民政府');
    expect(m.docType).toBe('实施意见');
    expect(m.isPlan).toBe(true);
    expect(m.date).toBe('');
    expect(m.published).toBe('2020-05-12');
    expect(m.bodyStart).toBe(4);
    expect(m.boilerplate).toEqual([0, 1, 2, 3, 7, 8]);
    expect(m.jurisdiction?.name).toBe('铁岭市');
  });
  test('a where-inconsistent clause citing nothing is kept with its evidence', () => {
    expect(m.supersedes).toEqual([{ scope: 'where-inconsistent', evidence: '以前有关规定与本意见不一致的，以本意见为准。' }]);
  });
});

test('a news article is not a plan', () => {
  const m = extractMetadata(blocks([
    '朝阳县举办农民技能培训班',
    '2019-11-02 来源：朝阳县融媒体中心',
    '11月1日，县人社局举办技能培训班，200余人参加。',
  ]));
  expect(m).toMatchObject({ title: '朝阳县举办农民技能培训班', docType: '其他', isPlan: false, published: '2019-11-02', date: '' });
});

test('a scraped 印发通知 wrapping an 办法 is a document, not news, though its 文种 maps to 其他', () => {
  const m = extractMetadata(blocks([
    '某某市财政局关于印发《某某市农村公路养护资金管理办法》的通知',
    '时间：2022-07-20 来源：某某市财政局',
    '某财发〔2022〕9号',
    '各县（区）财政局：',
    '现将《某某市农村公路养护资金管理办法》印发给你们，请遵照执行。',
    '某某市财政局',
    '2022年7月15日',
    '某某市农村公路养护资金管理办法',
    '第一条 为规范农村公路养护资金管理，制定本办法。',
  ]));
  expect(m).toMatchObject({ title: '某某市农村公路养护资金管理办法', docType: '其他', isPlan: true, published: '2022-07-20', date: '2022-07-15' });
});

test('a scraped page with a 发文字号 is a document even when its title names no 文种', () => {
  const m = extractMetadata(blocks([
    '某某县2023年春季农业生产工作要点',
    '2023-03-01 来源：县农业农村局',
    '某农发〔2023〕2号',
    '一、抓好春耕备耕。3月底前完成农资储备。',
  ]));
  expect(m).toMatchObject({ docType: '其他', isPlan: true });
});

test('a bulletin: 快报, not a plan, with its articles', () => {
  const m = extractMetadata(blocks([
    '扶贫工作简报',
    '第 3 期',
    '桓仁满族自治县扶贫开发领导小组办公室',
    '2019年5月6日',
    '桓仁县启动春季植树活动',
    '5月5日，全县启动春季植树活动，种植红松2万株。',
    '抄送：县委办公室，县政府办公室',
  ]));
  expect(m).toMatchObject({
    title: '扶贫工作简报', docType: '快报', isPlan: false, issuer: '桓仁满族自治县扶贫开发领导小组办公室', date: '2019-05-06',
    docNumber: null, bodyStart: 4,
  });
  expect(m.articles).toEqual([{ title: '桓仁县启动春季植树活动', issue: '第3期', date: '2019-05-06', where: { block: 4 } }]);
  expect(m.boilerplate).toEqual([0, 1, 2, 3, 6]);
  expect(m.jurisdiction?.name).toBe('桓仁满族自治县');
});

test('title, recipients and plan title broken over lines (PDF line ends) are joined', () => {
  const m = extractMetadata(blocks([
    '彰武县扶贫开发领导小组文件',
    '彰扶贫发〔2019〕11号',
    '关于印发《彰武县2019年光伏扶贫电站运维管理',
    '实施方案》的通知',
    '各乡镇党委、政府，县直各部门，',
    '各有关单位：',
    '现将方案印发给你们，请遵照执行。',
    '彰武县扶贫开发领导小组',
    '2019年8月1日',
    '彰武县2019年光伏扶贫电站运维',
    '管理实施方案',
    '一、运维目标',
  ]));
  expect(m).toMatchObject({
    title: '彰武县2019年光伏扶贫电站运维管理实施方案',
    noticeTitle: '关于印发《彰武县2019年光伏扶贫电站运维管理实施方案》的通知',
    recipients: ['各乡镇党委、政府', '县直各部门', '各有关单位'],
    date: '2019-08-01',
    bodyStart: 11,
  });
});

test('a 签发人 line and a dated note under the title stay in the header; the note dates an unsigned text', () => {
  const m = extractMetadata(blocks([
    '中共义县县委文件',
    '义委发〔2018〕6号',
    '签发人：王某',
    '中共义县县委关于加强村级组织建设的决定',
    '（2018年5月20日县委常委会会议审议通过）',
    '为加强村级组织建设，作出如下决定。',
  ]));
  expect(m).toMatchObject({ issuer: '中共义县县委', docType: '决定', date: '2018-05-20', bodyStart: 5 });
  expect(m.boilerplate).toEqual([0, 1, 2, 3, 4]);
});

test('an unsigned date right above the wrapped plan is the notice date; a date inside the body is not', () => {
  const m = extractMetadata(blocks([
    '关于印发义县2020年技能培训实施方案的通知',
    '各乡镇：',
    '现将方案印发给你们。',
    '2020年3月2日',
    '义县2020年技能培训实施方案',
    '一、培训安排',
    '2020年5月1日',
    '开班。',
  ]));
  expect(m).toMatchObject({ title: '义县2020年技能培训实施方案', date: '2020-03-02', bodyStart: 5 });
  const body = extractMetadata(blocks(['义县2020年技能培训实施方案', '一、培训安排', '2020年5月1日', '开班。']));
  expect(body.date).toBe('');
});

test('a title without a 文种 word is not joined with the first heading', () => {
  const m = extractMetadata(blocks(['凌源市脱贫攻坚三年行动', '一、总体要求', '坚持精准方略。']));
  expect(m).toMatchObject({ title: '凌源市脱贫攻坚三年行动', docType: '其他', bodyStart: 1 });
});

test('a wrapper title broken after 》 is joined; the plan cited in the notice body is not its title', () => {
  const m = extractMetadata(blocks([
    '关于印发《桓仁满族自治县2020年庭院经济实施方案》',
    '的通知',
    '各乡镇：',
    '《桓仁满族自治县2020年庭院经济实施方案》',
    '已经县政府同意，现印发给你们。',
    '桓仁满族自治县人民政府',
    '2020年2月3日',
    '桓仁满族自治县2020年庭院经济实施方案',
    '一、目标',
  ]));
  expect(m).toMatchObject({
    noticeTitle: '关于印发《桓仁满族自治县2020年庭院经济实施方案》的通知',
    title: '桓仁满族自治县2020年庭院经济实施方案',
    recipients: ['各乡镇'],
    issuer: '桓仁满族自治县人民政府',
    date: '2020-02-03',
    bodyStart: 8,
  });
});

test('an ambiguous place name is resolved by the first lines of the body, or reported', () => {
  const decided = extractMetadata(blocks(['朝阳区2020年就业扶贫工作方案', '为落实长春市部署，制定本方案。']));
  expect([decided.jurisdiction?.code, decided.messages]).toEqual(['220104', []]);
  const open = extractMetadata(blocks(['朝阳区2020年就业扶贫工作方案', '为做好就业扶贫工作，制定本方案。']));
  expect([open.jurisdiction?.code, open.messages.map((m) => m.code)]).toEqual(['110105', ['jurisdiction-ambiguous']]);
});
