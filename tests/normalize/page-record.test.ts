// A web page saved or printed from the browser as PDF, DOCX or text keeps the portal's 信息公开 record
// as lines above the title. They are the page's facts (as the HTML reader takes them from the record
// table), not the title and not the text. Records written for this test, from several portals' styles.
import { describe, expect, test } from 'vitest';
import type { Block, RawDocument } from '../../src/model.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { buildResult } from '../../src/extract/index.js';
import { isRecordLine } from '../../src/lexicon/page-record.js';

const doc = (lines: string[], format: RawDocument['source']['format'] = 'pdf'): RawDocument => ({
  source: { path: `x.${format}`, format, sha256: '0'.repeat(64), pages: 1 },
  blocks: lines.map((text): Block => ({ text })),
  messages: [],
});

const printed = [
  '当前位置：',
  '首页> 政府信息公开目录> 市卫生健康委> 政策文件',
  '索 引 号: 11370100004185/2025-00321',
  '发文机关: 某某市卫生健康委员会',
  '文 号: 某卫发〔2025〕12号',
  '主题分类: 卫生、体育 ',
  '组配分类: 政策文件 成文日期: 2025-03-18',
  '某某市卫生健康委员会关于开展2025年爱国卫生月活动的通知',
  '各区县卫生健康局：',
  '一、各区县卫生健康局要在4月30日前完成病媒生物防制工作。',
];

describe('the 信息公开 record of a printed portal page', () => {
  test('its lines leave the text and become the page facts', () => {
    const n = normalizeDocument(doc(printed));
    expect(n.pageFacts).toEqual({ docNumber: '某卫发〔2025〕12号', date: '2025-03-18', issuer: '某某市卫生健康委员会' });
    expect(n.blocks.some((b) => /索\s*引\s*号|成文日期|主题分类/u.test(b.text))).toBe(false);
  });

  test('the title is the notice\'s, and the facts fill the document', () => {
    const r = buildResult(normalizeDocument(doc(printed)));
    expect(r.document.title).toBe('某某市卫生健康委员会关于开展2025年爱国卫生月活动的通知');
    expect(r.document.docNumber?.text).toBe('某卫发〔2025〕12号');
    expect(r.document.date).toBe('2025-03-18');
  });

  test('a DOCX or text saved from the page the same; a web page keeps the facts its reader found', () => {
    expect(normalizeDocument(doc(printed, 'docx')).pageFacts?.docNumber).toBe('某卫发〔2025〕12号');
    const web = { ...doc(printed, 'html'), pageFacts: { issuer: '某某市卫生健康委员会' } };
    expect(normalizeDocument(web).pageFacts).toEqual({ issuer: '某某市卫生健康委员会' });
  });

  test('one labelled line is no record: a notice\'s own 联系人 or 主题词 line stays', () => {
    const lines = ['某某县应急管理局关于做好汛期安全生产工作的通知', '各乡镇人民政府：', '一、各乡镇要在6月1日前完成隐患排查。', '主题词：安全生产 汛期 通知', '联系人：王某某'];
    const n = normalizeDocument(doc(lines));
    expect(n.pageFacts).toBeUndefined();
    expect(n.blocks.map((b) => b.text)).toContain('主题词：安全生产 汛期 通知');
  });

  test.each([
    ['索 引 号: 0145/2020-01', true],
    ['发布机构：某某省教育厅', true],
    ['成文日期：2024年06月03日', true],
    ['信息来源: 市农业农村局', true],
    ['一、工作目标：到2025年底', false],
    ['责任单位：县教育局', false],
    ['时间：2025年5月', false],
  ])('%s → %s', (line, want) => {
    expect(isRecordLine(line)).toBe(want);
  });
});
