import { expect, test } from 'vitest';
import { readHeader } from '../../src/structure/header.js';

// Headers written for these tests, one per kind of header line the readers in HEADER_LINES know:
// what readHeader makes of them and where the body starts.
test.each([
  {
    name: '份号, 密级, 紧急程度, masthead, red line, number, title over two lines, 主送',
    lines: ['000123', '机密★1年', '特急', '甘肃省林业和草原局文件', '━━━━━━━━━━━━', '甘林发〔2023〕7号', '甘肃省林业和草原局关于开展森林防火', '专项检查的通知', '各市（州）林业和草原局：', '为做好今冬明春森林防火工作，现就有关事项通知如下。'],
    want: { issuer: '甘肃省林业和草原局', doc: '甘林发〔2023〕7号', title: '甘肃省林业和草原局关于开展森林防火 专项检查的通知', recipients: ['各市（州）林业和草原局'], date: '', published: '', end: 9, blocks: [3, 4, 5, 6, 7, 8] },
  },
  {
    name: '签发人 with the number on the same line',
    lines: ['签发人：李四    湘交报〔2022〕15号', '湖南省交通运输厅关于公路养护情况的报告', '交通运输部：', '现将有关情况报告如下。'],
    want: { issuer: '', doc: '湘交报〔2022〕15号', title: '湖南省交通运输厅关于公路养护情况的报告', recipients: ['交通运输部'], date: '', published: '', end: 3, blocks: [0, 1, 2] },
  },
  {
    name: 'breadcrumb, title, byline, 主送',
    lines: ['首页 > 政务公开 > 通知公告', '关于做好汛期安全生产工作的通知', '发布时间：2021-06-03 来源：应急管理局', '各乡镇人民政府：', '入汛以来，降雨偏多。'],
    want: { issuer: '', doc: null, title: '关于做好汛期安全生产工作的通知', recipients: ['各乡镇人民政府'], date: '', published: '2021-06-03', end: 4, blocks: [1, 2, 3] },
  },
  {
    name: 'joint masthead with 文件 apart, dated note under the title',
    lines: ['宁波市人民政府办公厅', '宁波市教育局', '文件', '甬政办发〔2020〕33号', '关于进一步加强中小学课后服务的实施意见', '（2020年5月8日）', '一、总体要求'],
    want: { issuer: '宁波市人民政府办公厅 宁波市教育局', doc: '甬政办发〔2020〕33号', title: '关于进一步加强中小学课后服务的实施意见', recipients: [], date: '2020-05-08', published: '', end: 6, blocks: [0, 1, 2, 3, 4, 5] },
  },
  {
    name: 'a regulation: the note names the body that adopted it',
    lines: ['苏州市水务管理条例', '（2005年8月26日苏州市第十三届人民代表大会常务委员会第二十次会议通过）', '第一章 总则'],
    want: { issuer: '苏州市第十三届人民代表大会常务委员会', doc: null, title: '苏州市水务管理条例', recipients: [], date: '2005-08-26', published: '', end: 2, blocks: [0, 1] },
  },
  {
    name: 'no title and no number: no header',
    lines: ['为做好今冬明春森林防火工作，现就有关事项通知如下。', '一、总体要求'],
    want: { issuer: '', doc: null, title: '', recipients: [], date: '', published: '', end: 0, blocks: [] },
  },
])('$name', ({ lines, want }) => {
  const h = readHeader(lines.map((text) => ({ text })));
  expect({
    issuer: h.issuer, doc: h.docNumber?.text ?? null, title: h.rawTitle, recipients: h.recipients, date: h.date, published: h.published, end: h.end, blocks: h.blocks,
  }).toEqual(want);
});
