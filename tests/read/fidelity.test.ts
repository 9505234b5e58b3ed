// Issue 2's fidelity bar: every format of a document reads to the same text as its TXT, within
// 0.1% character error, with no page furniture, site navigation or markdown residue left.
import { beforeAll, describe, expect, test } from 'vitest';
import { DOCS, cer, paragraphs } from './corpus-helpers.js';

const texts = new Map<string, string[]>();
beforeAll(async () => {
  for (const d of DOCS) for (const ext of ['txt', 'pdf', 'docx']) texts.set(`${d}.${ext}`, await paragraphs(`${d}.${ext}`));
  texts.set('liaoning-2019-opinion.html', await paragraphs('liaoning-2019-opinion.html'));
  texts.set('xinbin-2018.2col.pdf', await paragraphs('variants/xinbin-2018.2col.pdf'));
  texts.set('xinbin-2018.gbk.txt', await paragraphs('variants/xinbin-2018.gbk.txt'));
  texts.set('dongzhou-2020.utf16.txt', await paragraphs('variants/dongzhou-2020.utf16.txt'));
  texts.set('dongzhou-2020.doc', await paragraphs('variants/dongzhou-2020.doc'));
});

const joined = (k: string) => texts.get(k)!.join('\n');

describe.each(DOCS)('%s', (doc) => {
  test.each(['pdf', 'docx'])('%s agrees with the TXT within 0.1%', (ext) => {
    expect(cer(joined(`${doc}.txt`), joined(`${doc}.${ext}`))).toBeLessThanOrEqual(0.001);
  });

  test.each(['txt', 'pdf', 'docx'])('%s has no page numbers, markdown residue or site lines', (ext) => {
    for (const p of texts.get(`${doc}.${ext}`)!) {
      expect(p).not.toMatch(/^[—–-]\s*\d+\s*[—–-]$/u);
      expect(p).not.toMatch(/^第\s*\d+\s*页/u);
      expect(p).not.toContain('**');
      expect(p).not.toMatch(/首页\s*>|责任编辑|分享到|^\d+(\.\d+)?K$/u);
    }
  });
});

test('the two-column PDF reads as the one-column one, paragraph for paragraph', () => {
  expect(texts.get('xinbin-2018.2col.pdf')).toEqual(texts.get('xinbin-2018.pdf'));
});

test('the HTML page gives the article only, as the TXT does', () => {
  const html = texts.get('liaoning-2019-opinion.html')!;
  expect(cer(joined('liaoning-2019-opinion.txt'), html.join('\n'))).toBeLessThanOrEqual(0.001);
  expect(html[0]).toBe('中共辽宁省委 辽宁省人民政府 关于打赢脱贫攻坚战三年行动的实施意见');
  expect(html.join('')).not.toMatch(/ICP|相关阅读|字号|登录|联系电话/u);
});

test('GBK and UTF-16 text read as the UTF-8 file', () => {
  expect(joined('xinbin-2018.gbk.txt')).toBe(joined('xinbin-2018.txt'));
  expect(joined('dongzhou-2020.utf16.txt')).toBe(joined('dongzhou-2020.txt'));
});

test('the legacy .doc reads as the DOCX', () => {
  expect(cer(joined('dongzhou-2020.docx'), joined('dongzhou-2020.doc'))).toBe(0);
});

// Sentences the source split at a page break ("…三是继" / "续推进…") are one paragraph again, in every format.
test.each([
  ['benxi-2020', '确保按期完成危房改造任务。三是继续推进贫困户危房改造特惠制政策'],
  ['benxi-2020', '补充到贫困地区村卫生室和乡镇卫生院。'],
  ['kuaibao-2019', '聚焦制约脱贫攻坚的关键问题，有针对性地做实做细各项基础性工作'],
])('%s: page-break split is whole again: %s', (doc, sentence) => {
  for (const ext of ['txt', 'pdf', 'docx']) {
    expect(texts.get(`${doc}.${ext}`)!.some((p) => p.includes(sentence)), `${doc}.${ext}`).toBe(true);
  }
});
