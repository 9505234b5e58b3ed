// read → normalize → structure → extract as separate stages: a reader returns what it read, the
// pipeline normalizes, structure merges a web page's facts, and no stage imports a later one.
// The Chinese primitives every stage shares (numerals, dates, 文号, brackets) sit in src/lexicon/, below
// read; read, normalize, structure and the lexicon never reach into extractors/ or the extract stage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Block, PageFacts, RawDocument } from '../src/model.js';
import { message } from '../src/messages.js';
import { normalizeDocument } from '../src/normalize/index.js';
import { readDocumentBytes, STAGES } from '../src/pipeline.js';
import { readRawBytes } from '../src/read/index.js';
import { structureDocument } from '../src/structure/layers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const raw = (blocks: Block[], pageFacts?: PageFacts): RawDocument => ({
  source: { path: 'x.txt', format: 'txt', sha256: '0' },
  blocks,
  messages: [],
  ...(pageFacts ? { pageFacts } : {}),
});

// a notice as a text export leaves it: full-width letters and digits, a page number between pages
const NOTICE = [
  '关于开展２０２４年农村饮水安全排查的通知',
  '各镇（街道）：',
  '一、各镇于６月底前完成ＡＢ类水厂排查。',
  '— 2 —',
  '二、县水利局负责汇总排查结果。',
].join('\n');

describe('read returns what the reader saw', () => {
  test('the raw blocks keep page numbers and full-width characters; normalize folds and drops them', async () => {
    const rawDoc = await readRawBytes(enc(NOTICE), '通知.txt');
    expect(rawDoc.blocks.map((b) => b.text)).toContain('— 2 —');
    expect(rawDoc.blocks.some((b) => b.text.includes('２０２４'))).toBe(true);
    const doc = await readDocumentBytes(enc(NOTICE), '通知.txt');
    expect(doc.blocks.map((b) => b.text)).not.toContain('— 2 —');
    expect(doc.blocks[0].text).toBe('关于开展2024年农村饮水安全排查的通知');
    expect(doc.blocks.some((b) => b.text.includes('AB类水厂'))).toBe(true);
    // the source is the same file either way
    expect(doc.source).toEqual(rawDoc.source);
  });

  test('a file whose only Chinese is page furniture reads, and normalize says E_NO_TEXT', async () => {
    const furniture = ['第1页 共2页', '— 1 —', 'Page 2 of 2'].join('\n');
    const rawDoc = await readRawBytes(enc(furniture), 'scan.txt');
    expect(rawDoc.blocks.length).toBe(3);
    expect(() => normalizeDocument(rawDoc)).toThrow(expect.objectContaining({ code: 'E_NO_TEXT' }));
    await expect(readDocumentBytes(enc(furniture), 'scan.txt')).rejects.toMatchObject({ code: 'E_NO_TEXT' });
  });

  test('normalize keeps the reader messages first and adds its own after them', () => {
    const doc = normalizeDocument({
      ...raw([{ text: '各县区要在年底前完成\uE000改造任务。' }]),
      messages: [message('W_ENCODING_GUESSED', 'info')],
    });
    expect(doc.messages.map((m) => m.code)).toEqual(['W_ENCODING_GUESSED', 'W_PRIVATE_USE_CHAR']);
  });

  test('a web page 文号 gets the text’s brackets in normalize; the raw one is left as the page wrote it', () => {
    const facts = { docNumber: '某环发[2022]7号', date: '2022-03-01', issuer: '某市生态环境局' };
    const doc = normalizeDocument(raw([{ text: '关于加强扬尘污染防治的通知' }], facts));
    expect(doc.pageFacts).toEqual({ ...facts, docNumber: '某环发〔2022〕7号' });
    expect(facts.docNumber).toBe('某环发[2022]7号');
  });

  test('the pipeline lists its stages in order', () => {
    expect(STAGES).toEqual(['read', 'normalize', 'structure', 'extract']);
  });
});

describe('structure merges a web page’s facts', () => {
  const body = ['关于做好2023年春季造林绿化工作的通知', '各乡镇人民政府：', '一、各乡镇要于4月底前完成造林任务。'].map((text) => ({ text }));

  test('what the text does not say comes from the page', () => {
    const { meta } = structureDocument(body, { docNumber: '某林发〔2023〕5号', date: '2023年3月2日', issuer: '某县林业局' });
    expect(meta.docNumber).toMatchObject({ text: '某林发〔2023〕5号', year: 2023, serial: 5 });
    expect(meta.date).toBe('2023-03-02');
    expect(meta.issuer).toBe('某县林业局');
  });

  test('what the text says wins over the page', () => {
    const signed = [...body, { text: '某县自然资源局' }, { text: '2023年3月10日' }];
    const { meta } = structureDocument(signed, { date: '2023年3月2日', issuer: '某县林业局' });
    expect(meta.date).toBe('2023-03-10');
    expect(meta.issuer).toBe('某县自然资源局');
  });

  test('without page facts the meta is the text’s alone', () => {
    expect(structureDocument(body).meta).toEqual(structureDocument(body, {}).meta);
    expect(structureDocument(body).meta.docNumber).toBeNull();
  });
});

// ---- import direction ------------------------------------------------------------------------------
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gu;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import of the files under `dir`, as repo paths ("src/normalize/index.ts"). */
function importsOf(dir: string): { file: string; target: string }[] {
  return sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2])
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ file: path.relative(ROOT, file), target: path.relative(ROOT, path.resolve(path.dirname(file), spec)) })),
  );
}

/** What works on the ExtractResult, and the front ends: no stage imports any of them. */
const AFTER = ['src/register', 'src/store', 'src/compare', 'src/cli', 'src/web', 'src/batch', 'src/main-job'];
const LATER: Record<string, string[]> = {
  'src/lexicon': ['src/read', 'src/normalize', 'src/structure', 'src/extract', 'src/pipeline', 'extractors', ...AFTER],
  'src/read': ['src/normalize', 'src/structure', 'src/extract', 'src/pipeline', 'extractors', ...AFTER],
  'src/normalize': ['src/structure', 'src/extract', 'src/pipeline', 'extractors', ...AFTER],
  'src/structure': ['src/extract', 'src/pipeline', 'extractors', ...AFTER],
  // the extract stage's rules read one paragraph: they may use the lexicon, never a stage
  extractors: ['src/read', 'src/normalize', 'src/structure', 'src/extract', 'src/pipeline', ...AFTER],
  'src/extract': ['src/pipeline', ...AFTER],
};

describe('no stage imports a later one', () => {
  for (const [stage, later] of Object.entries(LATER)) {
    test(stage, () => {
      const upward = importsOf(stage).filter(({ target }) => later.some((l) => target === `${l}.js` || target.startsWith(`${l}/`)));
      expect(upward).toEqual([]);
    });
  }

  test('the check sees imports (it would catch a reader importing normalize)', () => {
    expect(importsOf('src/read').some(({ target }) => target === 'src/lexicon/lines.js')).toBe(true);
    expect(importsOf('src/structure').some(({ target }) => target.startsWith('src/normalize/'))).toBe(true);
    // structure reads dates and 文号 with the lexicon's readers, as the extractors do
    expect(importsOf('src/structure').some(({ target }) => target === 'src/lexicon/dates.js')).toBe(true);
    expect(importsOf('extractors').some(({ target }) => target === 'src/lexicon/numerals.js')).toBe(true);
    // the span helpers the extractors and the extract stage share sit in the lexicon, below both
    expect(importsOf('extractors').some(({ target }) => target === 'src/lexicon/evidence.js')).toBe(true);
  });
});
