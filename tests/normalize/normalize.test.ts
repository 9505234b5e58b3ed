import { describe, expect, test } from 'vitest';
import { foldWidth, stripMarkdownResidue, tightenSpaces, unifyDocNumberBrackets } from '../../src/normalize/characters.js';
import { isPageNumberLine } from '../../src/normalize/page-furniture.js';
import { isCutParagraph, joinCutParagraphs } from '../../src/normalize/paragraphs.js';
import { dropSiteFurniture, isBreadcrumb, isSiteControl, isEditorLine } from '../../src/normalize/site-furniture.js';

describe('character forms', () => {
  test.each([
    ['全县脱贫１２４６人', '全县脱贫1246人'],
    ['ＣＴ和ＭＲＩ检查', 'CT和MRI检查'],
    ['第一\u3000部分', '第一 部分'],
  ])('foldWidth %s', (a, b) => expect(foldWidth(a)).toBe(b));

  test.each([
    ['全县脱贫 1246 人，退出贫困村 10 个。', '全县脱贫1246人，退出贫困村10个。'],
    ['新宾县 2018 年脱贫攻坚工作实施方案', '新宾县2018年脱贫攻坚工作实施方案'],
    ['中共辽宁省委 辽宁省人民政府 关于…', '中共辽宁省委 辽宁省人民政府 关于…'],
    ['减收 20% 。', '减收20%。'],
    ['CT 和 MRI 检查', 'CT和MRI检查'],
    ['2019年03月03日 10:19   来源:辽宁日报', '2019年03月03日 10:19 来源:辽宁日报'],
  ])('tightenSpaces %s', (a, b) => expect(tightenSpaces(a)).toBe(b));

  test('markdown bold residue goes', () => {
    expect(stripMarkdownResidue('7、**健康扶贫工程**。全区')).toBe('7、健康扶贫工程。全区');
  });

  test.each([
    ['新脱贫发[2018]2号', '新脱贫发〔2018〕2号'],
    ['本人社发【2019】25 号', '本人社发〔2019〕25号'],
    ['（辽政发(2017)16号）', '（辽政发〔2017〕16号）'],
    ['中发〔2018〕16号', '中发〔2018〕16号'],
    ['在[2018]年度', '在[2018]年度'],
    ['湘卫基层发﹝2024﹞3号', '湘卫基层发〔2024〕3号'],
    ['某政发〖2016〗7号', '某政发〔2016〕7号'],
    ['﹝注﹞', '﹝注﹞'],
  ])('unifyDocNumberBrackets %s', (a, b) => expect(unifyDocNumberBrackets(a)).toBe(b));
});

describe('page furniture', () => {
  test.each(['— 3 —', '- 12 -', '第3页', '第 3 页 共 9 页', '3/9', '17'])('%s is a page number', (l) => expect(isPageNumberLine(l)).toBe(true));
  test.each(['一、主要目标', '2020年', '完成3户', '— 附件 —'])('%s is not', (l) => expect(isPageNumberLine(l)).toBe(false));
});

describe('paragraphs cut by a page break', () => {
  const b = (text: string) => ({ text });
  test.each([
    ['一是集中力量对新增加的贫困户进行改造，确保按期完成危房改造任务。三是继', '续推进贫困户危房改造特惠制政策。', true],
    ['完成全区全部2个贫困村的6个自然屯集中供水的12个水质检测样本进行检测，', '四、组织保障措施', false],
    ['一、主要目标', '1、确保脱贫目标。', false],
    ['新宾县2018年脱贫攻坚工作实施方案', '为深入贯彻精准扶贫精准脱贫战略，全面落实中央、省、市脱贫攻坚的安排部署。', false],
    ['加强对贫困地区慢性病、常见病的防治，开展专项行动。', '开展地方病和重大传染病攻坚行动。', false],
    ['各单位要认真对照检查，逐项抓好落实，', '确保各项任务按期完成。', true],
    ['报送：国务院扶贫开发领导小组办公室', '分送：省脱贫攻坚领导小组成员单位', false],
    ['对符合条件的贫困户给予扶持，引导其发展特色种养业和', '（责任单位：县农业农村局）', false],
    ['某某市人民政府办公室关于印发某某市加快推进农村生活污水治理三年行动方案的通知', '各县（市、区）人民政府，市政府各部门：', false],
    ['某某省教育厅关于进一步加强中小学生体质健康管理工作的实施意见', '各市教育局：', false],
    // a 发文字号 on its own line, under a long title or over the addressees, is a line of its own
    ['某某省人民政府办公厅关于印发某某省推进农村供水工程建设和运行管理高质量发展三年行动方案的通知', '某政办发〔2024〕12号', false],
    ['市卫健发〔2024〕3号', '各区卫生健康局，委机关各处室，委直属各单位：', false],
    // a sentence citing one is cut as any sentence is
    ['根据《某某省人民政府关于加强安全生产工作的意见》（某政发〔2021〕5号）要求，各乡镇要在本月底前完成辖区内', '危险化学品企业的排查整治，并将结果报县应急管理局。', true],
  ])('%s + %s → %s', (a, n, want) => expect(isCutParagraph(b(a), b(n))).toBe(want));

  test('joins keep the first block\'s page and record where it ends', () => {
    const out = joinCutParagraphs([
      { text: '县委、县政府对全县脱贫攻坚工作负总责，每一个月至少研究一次脱贫攻坚工作和', page: 3 },
      { text: '重大事项。', page: 4 },
    ]);
    expect(out).toEqual([{ text: '县委、县政府对全县脱贫攻坚工作负总责，每一个月至少研究一次脱贫攻坚工作和重大事项。', page: 3, pageEnd: 4 }]);
  });
});

describe('site furniture', () => {
  test('breadcrumbs and editor lines', () => {
    expect(isBreadcrumb('首页 > 滚动资讯 > 正文')).toBe(true);
    expect(isBreadcrumb('当前位置：首页 » 政务公开 » 通知公告')).toBe(true);
    expect(isBreadcrumb('一、主要目标')).toBe(false);
    expect(isEditorLine('(责任编辑:朱洁英)')).toBe(true);
    expect(isEditorLine('责任编辑：王明')).toBe(true);
    expect(isEditorLine('责任单位：县扶贫办')).toBe(false);
  });

  test('everything above the breadcrumb and from the editor line on goes', () => {
    const blocks = ['网站首页 | 登录', '聚焦乡村振兴', '首页 > 政策 > 正文', '关于做好春耕生产的通知', '各乡镇：', '请抓好落实。', '一、备耕。', '二、春播。', '（责任编辑：李华）', '分享到：', '12.3K'].map((text) => ({ text }));
    expect(dropSiteFurniture(blocks).map((x) => x.text)).toEqual(['关于做好春耕生产的通知', '各乡镇：', '请抓好落实。', '一、备耕。', '二、春播。']);
  });

  test('QR widget and download list go; the document\'s own 附件 line stays', () => {
    expect(isSiteControl('扫一扫在手机打开当前页')).toBe(true);
    expect(isSiteControl('附件下载：1.项目清单.docx 2.任务分解表.xlsx')).toBe(true);
    expect(isSiteControl('附件：1.任务分解表.xls')).toBe(true);
    expect(isSiteControl('附件：全县春耕生产实施方案')).toBe(false);
    expect(isSiteControl('扫一扫黑恶势力线索')).toBe(false);
  });
});
