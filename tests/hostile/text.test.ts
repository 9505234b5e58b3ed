// Issue 19/20 on the text side: astral characters, stray bytes, UTF-16 without a BOM, random bytes,
// a whole file on one line, and pages nested thousands of levels deep. Each ends in a result or
// one clear line with its code, in bounded time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { decodeText, isMostlyJunk } from '../../src/read/text.js';
import { readDocumentFile } from '../../src/pipeline.js';
import { htmlDepth, limitHtmlDepth } from '../../src/read/html-depth.js';
import { splitLongText } from '../../src/normalize/long-paragraphs.js';
import { LIMITS } from '../../src/read/limits.js';
import { extractInChild, makeDocx } from './make-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tz-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, data: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
}

async function timed(file: string) {
  const start = Date.now();
  const r = await extractFile(file);
  return { r, ms: Date.now() - start };
}

/** A plan with an astral character in every place a rule looks: titles, headings, deadlines, units. */
const ASTRAL_LINES: string[][] = [
  ['一、总体要求😀', '各县区要于2020年底前完成任务。'],
  ['关于印发𠀀𠀁行动方案的通知', '（一）各乡镇在6月30日前完成🚜农机补贴发放，牵头单位：县农业农村局。'],
  ['𪚥', '2019年3月至2020年12月开展专项整治🏥，责任单位：市卫健委。'],
  ['教育局😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', '每月🗓️调度一次，季度末前报送进展。'],
];

describe('characters outside the BMP (an emoji, CJK Extension B) read in bounded time', () => {
  test.each(ASTRAL_LINES.map((l, i) => [i, l] as const))('text %i', async (i, lines) => {
    const file = put(`astral-${i}.txt`, lines.join('\n'));
    const { r, ms } = await timed(file);
    expect(ms).toBeLessThan(5000);
    expect(r.ok).toBe(true);
    // the characters themselves survive reading (a line may be joined to the next as a cut paragraph)
    const raw = await readDocumentFile(file);
    expect(raw.blocks.map((b) => b.text).join('')).toBe(lines.join(''));
  });

  test('through DOCX', async () => {
    const { r, ms } = await timed(put('astral.docx', makeDocx(ASTRAL_LINES.flat())));
    expect(ms).toBeLessThan(10_000);
    expect(r.ok).toBe(true);
  });

  test('through HTML', async () => {
    const html = `<!doctype html><html><head><title>通知😀</title></head><body><h1>关于开展𠀀专项行动的通知😀</h1>${ASTRAL_LINES.flat().map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    const { r, ms } = await timed(put('astral.html', html));
    expect(ms).toBeLessThan(10_000);
    expect(r.ok).toBe(true);
  });
});

describe('encodings', () => {
  const notice = '关于做好2021年防汛工作的通知\n各乡镇人民政府：\n一、各乡镇要在5月31日前完成隐患排查，牵头单位：县应急局。\n';

  test('one stray byte in UTF-8 is replaced and warned about, not a wrong encoding', async () => {
    const bytes = Buffer.concat([Buffer.from(notice.slice(0, 20)), Buffer.from([0xff]), Buffer.from(notice.slice(20))]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.replaced).toBe(1);
    const r = await extractFile(put('stray.txt', bytes));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.document.title).toBe('关于做好2021年防汛工作的通知');
      expect(r.result.warnings.map((w) => w.code)).toContain('W_INVALID_BYTES');
    }
  });

  test('GBK stays GBK: many invalid UTF-8 sequences are an encoding, not stray bytes', () => {
    expect(decodeText(iconv.encode(notice, 'gbk')).text).toBe(notice);
  });

  test.each(['utf-16le', 'utf-16be'])('%s without a BOM, Chinese only', async (enc) => {
    const bytes = iconv.encode('关于做好防汛工作的通知各乡镇要在汛期前完成隐患排查整治工作确保群众安全', enc);
    expect(decodeText(bytes)).toMatchObject({ encoding: enc, text: '关于做好防汛工作的通知各乡镇要在汛期前完成隐患排查整治工作确保群众安全' });
  });

  test.each(['utf-16le', 'utf-16be'])('%s without a BOM, through extractFile', async (enc) => {
    const r = await extractFile(put(`u16-${enc}.txt`, iconv.encode(notice, enc)));
    expect(r.ok && r.result.document.title).toBe('关于做好2021年防汛工作的通知');
  });

  test.each([
    ['controls', '\u0001\u0002\u0003通知\u0004\u0005\u0006', true],
    ['replacement characters', '通\ufffd\ufffd\ufffd知', true],
    ['a notice', notice, false],
    ['one stray byte in a notice', notice + '\ufffd', false],
  ])('mostly junk: %s', (_, text, junk) => {
    expect(isMostlyJunk(text)).toBe(junk);
  });

  // a seeded generator: the same "random" bytes every run
  const bytes = (seed: number, n: number) => {
    let s = seed;
    return Buffer.from(Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
  };
  test.each([1, 2, 3, 4, 5])('random bytes named .txt are refused (seed %i)', async (seed) => {
    const r = await extractFile(put(`random-${seed}.txt`, bytes(seed, 4000)));
    expect(r.ok ? 'ok' : r.code).toMatch(/^E_(NOT_TEXT|UNSUPPORTED|NO_TEXT)$/);
  });

  test('random bytes without control characters (all ≥ 0x20) are not taken for GB text', async () => {
    const b = bytes(7, 4000).map((x) => 0x20 + (x % 0xe0));
    const r = await extractFile(put('random-high.txt', Buffer.from(b)));
    expect(r.ok ? 'ok' : r.code).toMatch(/^E_(NOT_TEXT|NO_TEXT|DECODE)$/);
  });
});

describe('a whole file on one line', () => {
  const SENTENCE = '（一）加强组织领导。各县区、各部门要在2020年6月30日前完成危房改造1200户，牵头单位：县住建局；';

  test('10 MB on one line is refused at once with its own code', async () => {
    const text = SENTENCE.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(SENTENCE)));
    const r = await extractInChild(put('ten-mb.txt', '关于印发实施方案的通知\n' + text), 30_000);
    expect(r.code).toBe('E_TEXT_TOO_LARGE');
    expect(r.ms).toBeLessThan(5000);
  });

  test('300,000 characters on one line are split at sentence ends and read in bounded time', async () => {
    const r = await extractInChild(put('one-line.txt', '关于印发实施方案的通知\n' + SENTENCE.repeat(Math.ceil(300_000 / SENTENCE.length))), 60_000);
    expect(r.ok).toBe(true);
    expect(r.ms).toBeLessThan(20_000);
  });

  const LONG: [string, string, number][] = [
    ['sentence ends', '各单位要认真落实。'.repeat(3000), 9],
    ['clauses only', '各单位要认真落实，'.repeat(3000), 9],
    ['no punctuation', '各'.repeat(25_000), 1],
    ['astral characters', '😀'.repeat(10_000), 2],
  ];
  test.each(LONG)('splitLongText: %s', (_, text, unit) => {
    const pieces = splitLongText(text, 1000);
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(1000);
    for (const p of pieces) expect(p.length % unit === 0 || p === pieces[pieces.length - 1]).toBe(true);
    // no surrogate pair is cut
    for (const p of pieces) expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
  });

  test('a paragraph under the limit is left whole', () => {
    expect(splitLongText('各单位要认真落实。', LIMITS.paragraphChars)).toEqual(['各单位要认真落实。']);
  });
});

describe('pages nested deeper than any real page', () => {
  const nested = (n: number, open: string, close: string) =>
    `<!doctype html><html><body><h1>关于做好春耕生产工作的通知</h1>${open.repeat(n)}<p>各乡镇要在4月15日前完成春耕备耕，牵头单位：县农业农村局。</p>${close.repeat(n)}</body></html>`;

  test('depth is measured without a parser', () => {
    expect(htmlDepth('<html><body><div><p>a<p>b</div></body></html>')).toBe(4);
    expect(htmlDepth('<div><br><img src=x><input></div>')).toBe(1);
    expect(htmlDepth(nested(500, '<div>', '</div>'))).toBe(503);
    expect(limitHtmlDepth(nested(10, '<div>', '</div>')).flattened).toBe(false);
  });

  test.each([
    [2000, '<div><span>', '</span></div>'],
    [10_000, '<div><font>', '</font></div>'],
    [100_000, '<div>', '</div>'],
  ])('%i nested wrappers %s: flattened and read', async (n, open, close) => {
    const { r, ms } = await timed(put(`divs-${n}.html`, nested(n, open, close)));
    expect(ms).toBeLessThan(15_000);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.document.title).toBe('关于做好春耕生产工作的通知');
      expect(r.result.warnings.map((w) => w.code)).toContain('W_HTML_FLATTENED');
    }
  });

  test.each([
    ['60,000 paragraphs', `<html><body>${'<p>短句。</p>'.repeat(60_000)}</body></html>`],
    ['a 2.5 M character page', `<html><body><p>${'各单位要认真落实。'.repeat(280_000)}</p></body></html>`],
  ])('%s: E_HTML_TOO_LARGE before any parsing', async (_, html) => {
    const { r, ms } = await timed(put('large.html', html));
    expect(ms).toBeLessThan(3000);
    expect(r.ok ? 'ok' : r.code).toBe('E_HTML_TOO_LARGE');
  });

  test('10,000 nested lists cannot be flattened: refused with its own code', async () => {
    const { r, ms } = await timed(put('lists.html', nested(10_000, '<ul><li>', '</li></ul>')));
    expect(ms).toBeLessThan(5000);
    expect(r.ok ? 'ok' : r.code).toBe('E_HTML_TOO_DEEP');
  });
});

describe('paragraphs cut at page breaks are joined, within the paragraph limit', () => {
  test('5,000 lines without a sentence end do not become one paragraph (that took seconds per MB, squared)', async () => {
    const { joinCutParagraphs } = await import('../../src/normalize/paragraphs.js');
    const line = '各乡镇人民政府县直各部门要按照全县统一部署认真做好春季森林草原防灭火工作';
    const start = Date.now();
    const out = joinCutParagraphs(Array.from({ length: 5000 }, () => ({ text: line })));
    expect(Date.now() - start).toBeLessThan(3000);
    expect(out.map((b) => b.text).join('')).toBe(line.repeat(5000));
    expect(Math.max(...out.map((b) => b.text.length))).toBeLessThanOrEqual(LIMITS.paragraphChars);
    expect(out.length).toBeGreaterThan(1);
  });
});

test('a paragraph past the limit is split with a warning, its text kept whole', async () => {
  const sentence = '各乡镇要在6月30日前完成危房改造任务，确保群众安全住房。';
  const line = sentence.repeat(Math.ceil((LIMITS.paragraphChars * 2.5) / sentence.length));
  const file = put('long-paragraph.txt', `关于做好危房改造工作的通知\n${line}\n`);
  const raw = await readDocumentFile(file);
  expect(raw.messages.map((m) => m.code)).toContain('W_LONG_PARAGRAPH_SPLIT');
  expect(raw.blocks.slice(1).map((b) => b.text).join('')).toBe(line);
  expect(Math.max(...raw.blocks.map((b) => b.text.length))).toBeLessThanOrEqual(LIMITS.paragraphChars);
  // every piece ends a sentence
  for (const b of raw.blocks.slice(1)) expect(b.text).toMatch(/。$/u);
});
