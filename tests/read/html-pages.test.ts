// Web pages as portals and crawlers keep them: fragments without <html>/<body>, pages where
// Readability finds no article, titles with the site's and column's names, portal lines, task
// tables with merged cells, and a site's private-use decimal point. Pages are written here.
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import { readDocumentBytes } from '../../src/pipeline.js';
import { cleanPageTitle } from '../../src/read/html.js';
import { isSiteControl } from '../../src/normalize/site-furniture.js';

const page = (html: string, name = 'page.html') => readDocumentBytes(new Uint8Array(Buffer.from(html, 'utf8')), name);
const extract = async (html: string, name?: string) => buildResult(await page(html, name));
const unitsOf = (t: { units: { name: string; role: string }[] }) => t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`).join(',');

describe('a page title without the site and column names', () => {
  const cases: [string, string[], string][] = [
    ['江西省人民政府 政策文件 江西省人民政府办公厅关于促进养老服务发展的实施意见', ['江西省人民政府', '政策文件'], '江西省人民政府办公厅关于促进养老服务发展的实施意见'],
    ['某省人民政府 政策文件 某省人民政府关于加快发展现代农业的意见', [], '某省人民政府关于加快发展现代农业的意见'],
    ['湖南省人民政府门户网站 解读材料 解读《湖南省乡村振兴促进条例》', [], '解读《湖南省乡村振兴促进条例》'],
    ['某市人民政府 消费市场监管 某市消保委发布节日消费提示', ['某市人民政府', '消费市场监管'], '某市消保委发布节日消费提示'],
    ['首页 > 政务公开 > 某县人民政府关于做好防汛工作的通知', [], '某县人民政府关于做好防汛工作的通知'],
    ['某县人民政府关于做好防汛工作的通知_通知公告_某县人民政府', [], '某县人民政府关于做好防汛工作的通知'],
    // joint issuers keep their space: neither is a site or column name
    ['中共某市委办公室 某市人民政府办公室关于印发《某市乡村振兴实施方案（2021—2025年）》的通知', [], '中共某市委办公室 某市人民政府办公室关于印发《某市乡村振兴实施方案（2021—2025年）》的通知'],
  ];
  test.each(cases)('%s', (title, site, want) => expect(cleanPageTitle(title, site)).toBe(want));

  test('a hanweb page: the title from its ArticleTitle, not the <title> with the column name', async () => {
    const r = await extract(`<html><head><title>某省人民政府 政策文件 某省人民政府办公厅关于加强村级卫生室建设的通知</title>
<meta name="SiteName" content="某省人民政府"><meta name="ColumnName" content="政策文件">
<meta name="ArticleTitle" content="某省人民政府办公厅关于加强村级卫生室建设的通知"></head><body>
<div class="crumb">首页 &gt; 政策文件</div><p class="sp_title">某省人民政府办公厅关于加强村级卫生室建设的通知</p>
<div id="zoom"><p>各市、县（区）人民政府，省政府各部门：</p>
<p>为加强村级卫生室建设，现就有关事项通知如下。</p>
<p>一、省卫生健康委负责制定村卫生室建设标准，2024年6月底前印发实施。</p>
<p>二、各市、县（区）人民政府要将村卫生室建设纳入年度重点工作，确保每个行政村有1所村卫生室。</p>
<p>某省人民政府办公厅</p><p>2024年3月1日</p>
<p>相关解读：解读《关于加强村级卫生室建设的通知》</p><p>打印本页 关闭窗口</p></div></body></html>`);
    expect(r.document.title).toBe('某省人民政府办公厅关于加强村级卫生室建设的通知');
    expect(r.document.issuer).toBe('某省人民政府办公厅');
    expect(r.tasks.map((t) => t.text).join('\n')).not.toMatch(/相关解读|打印本页|关闭窗口/u);
    expect(r.tasks.length).toBe(2);
  });
});

test('an h1 that is the site\'s logo is not the title', async () => {
  const r = await extract(`<html><head><title>某市人民政府关于做好2024年森林防火工作的通知_通知公告_某市人民政府</title></head><body>
<h1 class="logo">某市人民政府</h1><div class="nav">首页 &gt; 通知公告</div>
<div class="article"><div class="article-title">某市人民政府关于做好2024年森林防火工作的通知</div>
<p>各县（区）人民政府，市直各单位：</p><p>一、市林业局要在3月底前完成森林防火隐患排查。</p><p>二、各县（区）人民政府要落实森林防火属地责任。</p>
<p>某市人民政府</p><p>2024年2月20日</p></div></body></html>`);
  expect(r.document.title).toBe('某市人民政府关于做好2024年森林防火工作的通知');
});

describe('portal lines are site furniture', () => {
  const furniture = [
    '相关解读：解读《关于促进3岁以下婴幼儿照护服务发展的实施意见》',
    '公开方式：主动公开',
    '索引号：014500815/2020-02346',
    '打印本页 关闭窗口',
    '【打印】【关闭】',
    '扫一扫在手机打开当前页',
    '附件下载：1.任务分工表.docx',
    '字号：大 中 小',
    '【字体：大 中 小】',
    '浏览次数：1024',
    '2.附件2农贸市场经营管理规范（大纲）.pdf',
    '相关文章：《某局关于做好春耕生产工作的通知》解读',
  ];
  test.each(furniture)('%s', (line) => expect(isSiteControl(line)).toBe(true));
  const text = [
    '（此件主动公开）',
    '各地要主动公开办理结果，接受社会监督。',
    '附件：促进3岁以下婴幼儿照护服务发展工作部门职责分工',
    '打印机等办公设备采购按政府采购有关规定执行。',
    '相关部门要加强协作。',
  ];
  test.each(text)('not furniture: %s', (line) => expect(isSiteControl(line)).toBe(false));
});

describe('a page stored as a fragment is read', () => {
  test('an article fragment from a CMS export (no <html>, no <body>)', async () => {
    const r = await extract(`<div class="article"><h2>某县农业农村局关于做好2024年春耕生产工作的通知</h2>
<p>各乡镇人民政府：</p><p>为做好春耕生产，现将有关事项通知如下：</p>
<p>一、抓好农资供应。开展农资打假专项行动，4月底前完成。（牵头单位：县农业农村局；配合单位：县市场监管局）</p>
<p>二、加强技术指导。各乡镇要组织农技人员深入田间地头开展巡回指导。</p>
<p>某县农业农村局</p><p>2024年3月5日</p></div>`);
    expect(r.document.title).toBe('某县农业农村局关于做好2024年春耕生产工作的通知');
    expect(r.document.date).toBe('2024-03-05');
    const supply = r.tasks.find((t) => t.text.includes('农资打假'));
    expect(supply && unitsOf(supply)).toBe('县农业农村局*,县市场监管局');
  });

  test('a crawl dump of bare text in divs and <br> lines, where Readability finds no article', async () => {
    const r = await extract(`<div>某区人民政府办公室关于开展夏季安全生产大检查的通知</div>
<div>各街道办事处、区直各部门：<br>经区政府同意，决定开展夏季安全生产大检查。<br>
一、区应急管理局牵头组织检查，7月31日前完成全部排查。<br>二、各街道办事处要对辖区企业开展全覆盖检查。<br>
某区人民政府办公室<br>2023年6月20日</div><span>扫一扫在手机打开当前页</span>`);
    expect(r.document.title).toBe('某区人民政府办公室关于开展夏季安全生产大检查的通知');
    expect(r.tasks.some((t) => t.text.includes('区应急管理局牵头组织检查'))).toBe(true);
    expect(r.tasks.map((t) => t.text).join('')).not.toContain('扫一扫');
  });

  test('a <body> without <html>, and plain text saved as .html, are read', async () => {
    const body = await page('<body><div>某县人民政府关于做好防汛工作的通知</div><div>各乡镇：<br/>县水利局要在5月底前完成水库安全检查工作。</div></body>');
    expect(body.blocks.map((b) => b.text)).toEqual(['某县人民政府关于做好防汛工作的通知', '各乡镇：', '县水利局要在5月底前完成水库安全检查工作。']);
    const text = await page('某县人民政府关于做好防汛工作的通知\n各乡镇：\n一、县水利局要在5月底前完成水库安全检查工作。\n');
    expect(text.blocks.map((b) => b.text)).toEqual(['某县人民政府关于做好防汛工作的通知', '各乡镇：', '一、县水利局要在5月底前完成水库安全检查工作。']);
  });

  test('a fragment with no text at all is refused with one line, not a crash', async () => {
    await expect(page('<div><img src="a.png"></div>')).rejects.toMatchObject({ code: 'E_NO_TEXT' });
  });
});

describe('task tables on web pages are read by their header words', () => {
  const notice = (table: string) => `<html><head><title>某市人民政府办公室关于印发某市优化营商环境重点任务分工方案的通知_某市人民政府</title></head><body>
<h1>某市人民政府办公室关于印发某市优化营商环境重点任务分工方案的通知</h1>
<div class="content"><p>各县（区）人民政府，市直各单位：</p>
<p>现将《某市优化营商环境重点任务分工方案》印发给你们，请认真贯彻落实。</p>
<p>某市人民政府办公室</p><p>2023年4月10日</p>
<p>某市优化营商环境重点任务分工方案</p>${table}</div></body></html>`;

  test('序号|工作事项|主要内容|牵头单位|配合单位 with 工作事项 merged over two rows', async () => {
    const r = await extract(notice(`<table border="1">
<tr><th>序号</th><th>工作事项</th><th>主要内容</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">压缩企业开办时间</td><td>将企业开办时间压缩至1个工作日以内</td><td>市市场监管局</td><td>市税务局、市公安局</td></tr>
<tr><td>推行电子营业执照全程应用</td><td>市政务服务中心</td><td>市市场监管局</td></tr>
<tr><td>2</td><td>优化工程建设项目审批</td><td>社会投资简易低风险项目审批时间压缩至15个工作日以内</td><td>市住房城乡建设局</td><td>市自然资源局、市发展改革委</td></tr>
</table>`));
    expect(r.tasks.map((t) => [t.text, unitsOf(t)])).toEqual([
      ['压缩企业开办时间。将企业开办时间压缩至1个工作日以内', '市市场监管局*,市税务局,市公安局'],
      ['压缩企业开办时间。推行电子营业执照全程应用', '市政务服务中心*,市市场监管局'],
      ['优化工程建设项目审批。社会投资简易低风险项目审批时间压缩至15个工作日以内', '市住房城乡建设局*,市自然资源局,市发展改革委'],
    ]);
    expect(r.tables).toEqual([]);
  });

  test('a header over two rows: 责任单位 (colspan) over 牵头单位 and 协办单位', async () => {
    const r = await extract(notice(`<table border="1">
<tr><td colspan="5">附表：优化营商环境重点任务清单</td></tr>
<tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时间</th></tr>
<tr><th>牵头单位</th><th>协办单位</th></tr>
<tr><td>1</td><td>建成“15分钟政务服务圈”</td><td>市政务服务中心</td><td>各县（区）人民政府</td><td>2023年10月底前</td></tr>
<tr><td>2</td><td>推行惠企政策“免申即享”</td><td>市发展改革委</td><td>市财政局</td><td>2023年8月底前</td></tr>
</table>`));
    expect(r.tasks.map((t) => [t.text, unitsOf(t), t.deadlines.map((d) => d.date)])).toEqual([
      ['建成“15分钟政务服务圈”', '市政务服务中心*,各县（区）人民政府', ['2023-10-31']],
      ['推行惠企政策“免申即享”', '市发展改革委*,市财政局', ['2023-08-31']],
    ]);
  });

  test('columns in another order and other names: 责任单位 first, 具体措施, 时间节点, 责任人', async () => {
    const r = await extract(notice(`<table border="1">
<tr><td>责任单位</td><td>具体措施</td><td>时间节点</td><td>责任人</td></tr>
<tr><td>市数据局</td><td>建成企业服务“一张网”</td><td>2023年9月底前</td><td>王明</td></tr>
<tr><td>市财政局</td><td>兑现惠企政策资金</td><td>2023年12月底前</td><td>李华</td></tr>
</table>`));
    expect(r.tasks.map((t) => [t.text, unitsOf(t), t.deadlines.map((d) => d.date), t.owners.map((p) => p.name)])).toEqual([
      ['建成企业服务“一张网”', '市数据局*', ['2023-09-30'], ['王明']],
      ['兑现惠企政策资金', '市财政局*', ['2023-12-31'], ['李华']],
    ]);
  });

  test('负责单位, 完成期限: another way to name the columns', async () => {
    const r = await extract(notice(`<table border="1">
<tr><td>序号</td><td>主要工作</td><td>负责单位</td><td>完成期限</td></tr>
<tr><td>1</td><td>完成老旧小区改造30个</td><td>市住房城乡建设局</td><td>2023年11月底前</td></tr>
<tr><td>2</td><td>新增城市停车位2000个</td><td>市城管局</td><td>2023年12月底前</td></tr>
</table>`));
    expect(r.tasks.map((t) => [t.text, unitsOf(t), t.deadlines.map((d) => d.date)])).toEqual([
      ['完成老旧小区改造30个', '市住房城乡建设局*', ['2023-11-30']],
      ['新增城市停车位2000个', '市城管局*', ['2023-12-31']],
    ]);
  });

  test('a table that names nobody accountable is kept as a table, not read as tasks', async () => {
    const r = await extract(notice(`<table border="1">
<tr><td colspan="4">附表 2023年度农业产业化龙头企业名单</td></tr>
<tr><td>序号</td><td>企业名称</td><td>所在县区</td><td>认定类别</td></tr>
<tr><td>1</td><td>某某农业科技有限公司</td><td>某县</td><td>龙头企业</td></tr>
<tr><td>2</td><td>某某食品有限公司</td><td>某区</td><td>示范企业</td></tr>
</table>`));
    expect(r.tasks.map((t) => t.text).join('')).not.toContain('有限公司');
    expect(r.tables).toEqual([{ caption: '附表2023年度农业产业化龙头企业名单', header: ['序号', '企业名称', '所在县区', '认定类别'], rows: [['1', '某某农业科技有限公司', '某县', '龙头企业'], ['2', '某某食品有限公司', '某区', '示范企业']], where: expect.any(Object) }]);
  });
});

test('a private-use character (a site\'s decimal point) is kept and warned with its place', async () => {
  const raw = await page(`<div><p>某县统计局关于2023年经济运行情况的通报</p><p>各乡镇：全县地区生产总值增长5\uE0002%，请各地做好统计工作。</p></div>`);
  expect(raw.blocks.map((b) => b.text).join('')).toContain('5\uE0002%');
  const w = raw.messages.filter((m) => m.code === 'W_PRIVATE_USE_CHAR');
  expect(w).toHaveLength(1);
  expect(w[0].where).toMatchObject({ block: 1 });
  expect(w[0].message).toContain('U+E000');
  expect(w[0].message).toContain('增长5');
});
