// Markdown input (how public law collections publish laws) and laws read through the whole pipeline:
// 第X章/节/条 with （一） items inside their article, 总则 articles kept where they give duties,
// national and local issuers. Laws written for this test, in the collections' usual layout.
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import { readDocumentBytes } from '../../src/pipeline.js';
import { inlineText, readMarkdown } from '../../src/read/markdown.js';

const enc = (s: string) => new TextEncoder().encode(s);
const extractMd = async (md: string, name = 'law.md') => buildResult(await readDocumentBytes(enc(md), name));

const NATIONAL_LAW = `---
title: 中华人民共和国乡村振兴促进法
status: 有效
---
# 中华人民共和国乡村振兴促进法

<!-- INFO END -->

（2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过）

## 第一章 总则

**第一条** 为了全面实施乡村振兴战略，促进农业全面升级，制定本法。

**第二条** 本法所称乡村，是指城市建成区以外具有自然、社会、经济特征的地域综合体。

**第三条** 各级人民政府应当将乡村振兴促进工作纳入国民经济和社会发展规划，并建立乡村振兴考核评价制度。

## 第二章 产业发展

### 第一节 粮食安全

第四条 国家实行永久基本农田保护制度。县级以上地方人民政府应当采取下列措施：

（一）加强农田水利等基础设施建设；

（二）改良土壤，提高地力；

（三）防止基本农田污染。

第五条 县级以上人民政府农业农村主管部门负责本行政区域内的种子工作，
加强种质资源保护。

## 第三章 附则

第六条 本法自2021年6月1日起施行。
`;

describe('readMarkdown', () => {
  test('front matter and comments go, headings are blocks, a paragraph is one block', () => {
    const blocks = readMarkdown(NATIONAL_LAW);
    const texts = blocks.map((b) => b.text);
    expect(texts[0]).toBe('中华人民共和国乡村振兴促进法');
    expect(blocks[0].style?.center).toBe(true);
    expect(texts.join('\n')).not.toMatch(/---|<!--|INFO END|status|#|\*\*/u);
    expect(texts).toContain('第一条 为了全面实施乡村振兴战略，促进农业全面升级，制定本法。');
    expect(texts).toContain('第五条 县级以上人民政府农业农村主管部门负责本行政区域内的种子工作，加强种质资源保护。');
    expect(texts).toContain('第一节 粮食安全');
  });

  test('a multi-line comment, setext headings, tables, links and bullets', () => {
    const md = ['<!--', '来源：某法规库', '-->', '某市养犬管理条例', '========', '', '| 条款 | 内容 |', '|---|---|', '| 第一条 | 见[原文](http://x) |', '', '- 第二条 养犬人应当**依法**登记。', '> 第三条 禁止携犬进入学校。'].join('\n');
    expect(readMarkdown(md)).toEqual([
      { text: '某市养犬管理条例', style: { center: true, bold: true } },
      { text: '条款\t内容', style: { table: true } },
      { text: '第一条\t见原文', style: { table: true } },
      { text: '第二条 养犬人应当依法登记。' },
      { text: '第三条 禁止携犬进入学校。' },
    ]);
  });

  test.each([
    ['**加粗**与*斜体*', '加粗与斜体'],
    ['![图](a.png)见`附表`', '见附表'],
    ['第十条<br>', '第十条'],
    ['1\\. 不是列表', '1. 不是列表'],
  ])('inline marks: %s', (md, text) => expect(inlineText(md)).toBe(text));
});

describe('a national law in Markdown', async () => {
  const result = await extractMd(NATIONAL_LAW, '中华人民共和国乡村振兴促进法.md');

  test('title, issuer from the note, date, national jurisdiction, format md', () => {
    const d = result.document;
    expect(d.source.format).toBe('md');
    expect(d.title).toBe('中华人民共和国乡村振兴促进法');
    expect(d.issuer).toBe('第十三届全国人民代表大会常务委员会');
    expect(d.date).toBe('2021-04-29');
    expect(d.jurisdiction).toMatchObject({ name: '中华人民共和国', level: 'national' });
  });

  test('总则 articles that give duties are tasks; purpose, definitions and 附则 are not', () => {
    const firsts = result.tasks.map((t) => t.text.split(' ')[0]);
    expect(firsts).toEqual(['第三条', '第四条', '第五条']);
    expect(result.tasks[0].path).toEqual(['第一章 总则', '第三条']);
  });

  test('（一）… items stay inside their article', () => {
    const art4 = result.tasks.find((t) => t.text.startsWith('第四条'))!;
    expect(art4.path).toEqual(['第二章 产业发展', '第一节 粮食安全', '第四条']);
    expect(art4.text.split('\n')).toEqual([
      '第四条 国家实行永久基本农田保护制度。县级以上地方人民政府应当采取下列措施：',
      '（一）加强农田水利等基础设施建设；',
      '（二）改良土壤，提高地力；',
      '（三）防止基本农田污染。',
    ]);
    expect(new Set(result.tasks.map((t) => t.id)).size).toBe(result.tasks.length);
  });
});

describe('local regulations and rules', () => {
  test('a provincial regulation adopted by the provincial people\'s congress', async () => {
    const r = await extractMd([
      '# 某某省农村公路条例',
      '',
      '（2019年9月27日云南省第十三届人民代表大会常务委员会第十三次会议通过）',
      '',
      '## 第一章 总则',
      '',
      '第一条 为了加强农村公路管理，制定本条例。',
      '',
      '第二条 县级人民政府是本行政区域农村公路的责任主体，负责农村公路的建设和养护。',
      '',
      '## 第二章 养护',
      '',
      '第三条 乡（镇）人民政府应当组织村民委员会开展日常养护。',
    ].join('\n'));
    expect(r.document.issuer).toBe('云南省第十三届人民代表大会常务委员会');
    expect(r.document.jurisdiction).toMatchObject({ name: '云南省', level: 'province' });
    expect(r.tasks.map((t) => t.text.split(' ')[0])).toEqual(['第二条', '第三条']);
  });

  test('an 办法 with no place in its title takes the jurisdiction from its 文号', async () => {
    const r = await extractMd([
      '# 农村集体资产管理办法',
      '',
      '赣府厅发〔2020〕12号',
      '',
      '第一条 为了规范农村集体资产管理，制定本办法。',
      '',
      '第二条 县级农业农村部门负责农村集体资产的监督管理。',
    ].join('\n'));
    expect(r.document.docNumber?.text).toBe('赣府厅发〔2020〕12号');
    expect(r.document.jurisdiction).toMatchObject({ name: '江西省', level: 'province' });
  });

  test('a State Council regulation: 国务院令 style number, national', async () => {
    const r = await extractMd(['# 农田水利条例', '', '国发〔2016〕21号', '', '第一条 县级以上人民政府水行政主管部门负责农田水利的管理。'].join('\n'));
    expect(r.document.jurisdiction).toMatchObject({ level: 'national' });
  });
});
