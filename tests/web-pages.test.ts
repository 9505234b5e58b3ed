// Notices as published web pages, of other levels and layouts than the corpus (pages written for
// the test): the article, its skeleton and its tasks come through whatever the site wraps around them.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readPageFacts } from '../src/read/html.js';
import { extractFile } from '../src/pipeline.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');

async function extract(name: string) {
  const o = await extractFile(path.join(FIXTURES, name));
  if (!o.ok) throw new Error(o.line);
  return o.result;
}

test('a State Council opinion on a portal page with a metadata table', async () => {
  const r = await extract('national-notice.html');
  expect(r.document).toMatchObject({
    title: '国务院办公厅关于加快推进农村寄递物流体系建设的意见',
    docType: '意见',
    issuer: '国务院办公厅',
    date: '2021-07-29',
    docNumber: { issuerCode: '国办发', year: 2021, serial: 29 },
    jurisdiction: { level: 'national' },
    recipients: ['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构'],
  });
  expect(r.tasks.map((t) => [t.path.at(-1), t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`)])).toEqual([
    ['（二）工作目标', []],
    ['（三）强化农村邮政体系作用', ['国家邮政局*', '交通运输部']],
    ['（四）健全末端共同配送体系', ['商务部*', '国家邮政局', '供销合作总社']],
    ['（五）加大政策支持', ['财政部*', '各省级人民政府']],
  ]);
  expect(r.tasks.flatMap((t) => t.text)).not.toContain('（此件公开发布）');
});

test('a city notice wrapping a plan, on a page without an h1', async () => {
  const r = await extract('city-notice.html');
  expect(r.document).toMatchObject({
    title: '某某市2021年农村供水保障实施方案',
    docType: '实施方案',
    issuer: '某某市人民政府办公室',
    date: '2021-03-05',
    docNumber: { issuerCode: '某政办发', year: 2021, serial: 12 },
  });
  const supply = r.tasks.find((t) => t.text.includes('供水工程改造'))!;
  expect(supply.units).toMatchObject([
    { name: '市水务局', role: 'lead' },
    { name: '市财政局', role: 'participant' },
    { name: '各县区政府', role: 'participant' },
  ]);
  expect(supply.deadlines).toMatchObject([{ kind: 'due', date: '2021-06-30' }]);
  expect(supply.quantities).toMatchObject([
    { value: 32, unit: '处' },
    { value: 500000, unit: '元', per: ['处'], comparator: '<=' },
  ]);
});

test('where the article omits number and date, the portal\'s 信息公开 table gives them', async () => {
  // the same page with the number and the signed date taken out of the article
  const page = (await readFile(path.join(FIXTURES, 'national-notice.html'), 'utf8'))
    .replace('<p style="text-align: center;">国办发〔2021〕29号</p>', '')
    .replace(/<p style="text-align: right;">[^<]*<\/p>/gu, '');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'taizhang-'));
  await writeFile(path.join(dir, 'page.html'), page);
  const o = await extractFile(path.join(dir, 'page.html'));
  if (!o.ok) throw new Error(o.line);
  const r = o.result;
  expect(r.tasks.some((t) => t.text.includes('2021年7月29日'))).toBe(false);
  expect(r.document).toMatchObject({ docNumber: { issuerCode: '国办发', year: 2021, serial: 29 }, date: '2021-07-29', issuer: '国务院办公厅' });
});

describe('page facts', () => {
  test.each([
    ['标题：关于做好X的通知  发文机关：某某市人民政府办公室  发文字号：某政办发〔2022〕3号  成文日期：2022年01月05日', { issuer: '某某市人民政府办公室', docNumber: '某政办发〔2022〕3号', date: '2022年01月05日' }],
    ['索引号：123/2022-0001  发布机构：某某县农业农村局  文  号：某农发[2022]15号  成文日期：2022-03-08  发布日期：2022-03-10', { issuer: '某某县农业农村局', docNumber: '某农发[2022]15号', date: '2022-03-08' }],
    ['发布日期：2022-03-10  来源：本网', {}],
  ])('%s', (text, want) => expect(readPageFacts(text)).toEqual(want));
});
