// End to end on the embedded corpus: every format of a document gives the same skeleton, and no
// task row is made from the header, the 印发通知, the preamble or the signatures.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../src/pipeline.js';
import type { ExtractResult } from '../src/model.js';
import { CORPUS, DOCS } from './read/corpus-helpers.js';

const results = new Map<string, ExtractResult>();
beforeAll(async () => {
  for (const d of DOCS) {
    for (const ext of ['txt', 'pdf', 'docx']) {
      const o = await extractFile(path.join(CORPUS, `${d}.${ext}`));
      if (!o.ok) throw new Error(o.line);
      results.set(`${d}.${ext}`, o.result);
    }
  }
});

const squash = (s: string) => s.replace(/\s+/gu, '');

describe.each(DOCS)('%s', (doc) => {
  test('txt, pdf and docx agree on metadata and task paths', () => {
    const [txt, pdf, docx] = ['txt', 'pdf', 'docx'].map((e) => results.get(`${doc}.${e}`)!);
    for (const other of [pdf, docx]) {
      for (const k of ['title', 'docType', 'isPlan', 'docNumber', 'issuer', 'date', 'jurisdiction'] as const) {
        expect(other.document[k], k).toEqual(txt.document[k]);
      }
      expect(other.tasks.map((t) => t.path.join('/'))).toEqual(txt.tasks.map((t) => t.path.join('/')));
      // the same units, quoted with the same words; where they stand (block, page) is each format's own
      const said = (r: typeof txt) => r.tasks.map((t) => t.units.map(({ name, role, text }) => ({ name, role, text })));
      expect(said(other)).toEqual(said(txt));
    }
  });

  test('no task row from header, notice, preamble or signature', () => {
    const r = results.get(`${doc}.pdf`)!;
    const d = r.document;
    // a plan that yields no task would pass the loop below vacuously
    if (d.isPlan) expect(r.tasks.length).toBeGreaterThan(0);
    for (const t of r.tasks) {
      const text = squash(t.text);
      if (d.issuer) expect(text === squash(d.issuer)).toBe(false);
      expect(text).not.toMatch(/^(为深入贯彻|为认真贯彻|现将|现印发|请各单位|特制定)/u);
      expect(text).not.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/u);
      expect(text).not.toMatch(/^(报送|分送|抄送|印发)[：:]/u);
      if (d.docNumber) expect(text).not.toContain(d.docNumber.text);
      expect(t.path.length).toBeGreaterThan(0);
    }
  });
});

test('the county plans: number, issuer, date, jurisdiction chain', () => {
  const benxi = results.get('benxi-2020.pdf')!.document;
  expect(benxi.docNumber).toEqual({ text: '本县扶贫发〔2020〕19号', issuerCode: '本县扶贫发', year: 2020, serial: 19 });
  expect(benxi.date).toBe('2020-04-03');
  expect(benxi.attachments).toHaveLength(10);
  expect(benxi.jurisdiction?.parents?.map((p) => p.name)).toEqual(['本溪市', '辽宁省']);
  const dongzhou = results.get('dongzhou-2020.docx')!.document;
  expect(dongzhou.title).toBe('东洲区2018-2020年脱贫攻坚三年规划实施方案');
  expect(dongzhou.jurisdiction).toMatchObject({ name: '东洲区', level: 'county' });
});

test('the bulletin: articles with dates, no tasks', () => {
  const k = results.get('kuaibao-2019.pdf')!;
  expect(k.document.isPlan).toBe(false);
  expect(k.tasks).toEqual([]);
  expect(k.document.articles.map((a) => a.issue)).toEqual(['第24期', '第25期', '第25期', '第26期', '第27期', '第28期', '第28期']);
});

test('the provincial opinion supersedes the five documents it names, where inconsistent', () => {
  const d = results.get('liaoning-2019-opinion.txt')!.document;
  expect(d.jurisdiction).toMatchObject({ name: '辽宁省', level: 'province' });
  expect(d.supersedes.map((s) => `${s.issuerCode}〔${s.year}〕${s.serial}`)).toEqual([
    '辽委发〔2016〕3', '辽政发〔2017〕16', '辽委办发〔2017〕96', '辽委办发〔2018〕61', '辽政办发〔2017〕71',
  ]);
  expect(new Set(d.supersedes.map((s) => s.scope))).toEqual(new Set(['where-inconsistent']));
});

test('attachment task guides carry their leaders and owners', () => {
  const r = results.get('benxi-2020.docx')!;
  const health = r.tasks.filter((t) => t.path[0]?.startsWith('附件1 '));
  expect(health.length).toBeGreaterThan(0);
  for (const t of health) {
    expect(t.leaders.map((p) => p.name)).toEqual(['董国飞']);
    expect(t.owners.map((p) => p.name)).toEqual(['于守信', '白文英']);
  }
});
