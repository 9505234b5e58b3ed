// Invariants over the whole pipeline, for every document the tests read (corpus/, tests/fixtures/) and
// for documents written here: task ids are unique within a document, every block has one layer and
// its ref, every warning a stage makes (read, normalize, structure, extract) reaches the JSON, and every fact's `where`
// slices to its own words (issue 18).
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildResult, taskNumbers } from '../src/extract/index.js';
import { ExtractResult, Layer, type Block, type RawDocument, type Task, type Where } from '../src/model.js';
import { normalizeDocument } from '../src/normalize/index.js';
import { extractFile, readDocumentFile } from '../src/pipeline.js';
import { readRawBytes } from '../src/read/index.js';
import { structureDocument } from '../src/structure/layers.js';

const ROOTS = ['corpus', 'tests/fixtures'];
const INPUT = /\.(pdf|docx|doc|txt|html|htm|md)$/iu;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : INPUT.test(n) ? [p] : [];
  });
}

const files = ROOTS.flatMap(filesUnder).sort();

function checkInvariants(raw: RawDocument): void {
  const result = ExtractResult.parse(buildResult(raw));
  const ids = result.tasks.map((t) => t.id);
  expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  const doc = structureDocument(raw.blocks);
  expect(doc.blocks.map((b) => b.ref)).toEqual(raw.blocks.map((_, i) => `b${i}`));
  for (const b of doc.blocks) expect(Layer.options).toContain(b.layer);
  // what the reader and the structure stage said is in the JSON, word for word
  const said = [...raw.messages, ...doc.meta.messages].map((m) => `${m.code}|${m.message}`);
  const shown = new Set(result.warnings.map((m) => `${m.code}|${m.message}`));
  expect(said.filter((m) => !shown.has(m))).toEqual([]);
  expect(misplaced(result, doc.blocks)).toEqual([]);
}

/**
 * Every fact whose `where` has a span slices to its own words, in the string the span names (the
 * task's text, or its block's text); every unit and person has a span; every task and fact has the
 * page of its block where the block has one.
 */
function misplaced(result: ExtractResult, blocks: Block[]): string[] {
  const bad: string[] = [];
  const check = (task: Task, kind: string, fact: { text?: string; where?: Where }, needsSpan: boolean) => {
    const w = fact.where;
    const label = `${task.id} ${kind} ${JSON.stringify(fact)}`;
    if (!w || w.start === undefined || w.end === undefined) {
      if (needsSpan) bad.push(`no span: ${label}`);
      return;
    }
    const source = w.in === 'block' ? blocks[w.block ?? -1]?.text : task.text;
    if (source === undefined || source.slice(w.start, w.end) !== fact.text) bad.push(`wrong span: ${label} → ${source?.slice(w.start, w.end)}`);
    if (w.in === 'block' && blocks[w.block!].page !== undefined && w.page !== blocks[w.block!].page) bad.push(`no page: ${label}`);
  };
  for (const t of result.tasks) {
    const page = blocks[t.where?.block ?? -1]?.page;
    if (page !== undefined && t.where?.page !== page) bad.push(`task without its page: ${t.id}`);
    for (const d of t.deadlines) check(t, 'deadline', d, false);
    for (const q of t.quantities) check(t, 'quantity', q, false);
    for (const u of t.units) check(t, 'unit', u, true);
    for (const p of [...t.leaders, ...t.owners]) check(t, 'person', p, true);
  }
  const doc = { id: 'document', text: '' } as Task;
  for (const q of result.document.quantities ?? []) check(doc, 'quantity', q, false);
  return bad;
}

describe('every document the tests read', () => {
  it('finds the documents', () => expect(files.length).toBeGreaterThan(20));
  for (const file of files) {
    it(file, async () => {
      let raw: RawDocument;
      try {
        raw = await readDocumentFile(file);
      } catch {
        return; // a broken file is refused with a code; the reader tests hold that
      }
      checkInvariants(raw);
    }, 60_000);
  }
});

const blocks = (lines: string[]): Block[] => lines.map((text) => ({ text }));
const raw = (lines: string[]): RawDocument => ({ source: { path: 'x.txt', format: 'txt', sha256: '0' }, blocks: blocks(lines), messages: [] });

describe('documents written here', () => {
  it('every warning made by any stage reaches the JSON, word for word and in stage order', async () => {
    // each stage has something to say: a stray byte (read), a private-use character and a paragraph
    // past the length limit (normalize), a place name several districts share (structure), and a
    // deadline before the document's own date (extract)
    const long = `（三）各街道要加强就业服务，${'组织开展技能培训和岗位推介活动。'.repeat(600)}`;
    const head = ['朝阳区2020年就业扶贫工作方案', '一、工作任务', '（一）区人力社保局负责开展技能培训，各街道于2020年3月31日前完成摸底\uE000。', '（二）区财政局负责保障培训经费'];
    const tail = ['。', long, '朝阳区人力资源和社会保障局', '2020年5月10日', ''];
    const bytes = new Uint8Array([...Buffer.from(head.join('\n'), 'utf8'), 0xff, ...Buffer.from(tail.join('\n'), 'utf8')]);

    const read = await readRawBytes(bytes, '方案.txt');
    const normalized = normalizeDocument(read);
    const structured = structureDocument(normalized.blocks, normalized.pageFacts);
    const result = ExtractResult.parse(buildResult(normalized));
    const byStage = {
      read: read.messages,
      normalize: normalized.messages.slice(read.messages.length),
      structure: structured.meta.messages,
      extract: result.warnings.slice(normalized.messages.length + structured.meta.messages.length),
    };
    expect(Object.fromEntries(Object.entries(byStage).map(([k, ms]) => [k, ms.map((m) => m.code)]))).toEqual({
      read: ['W_INVALID_BYTES'],
      normalize: ['W_LONG_PARAGRAPH_SPLIT', 'W_PRIVATE_USE_CHAR'],
      structure: ['jurisdiction-ambiguous'],
      extract: ['deadline-before-issue'],
    });
    expect(result.warnings).toEqual([...byStage.read, ...byStage.normalize, ...byStage.structure, ...byStage.extract]);

    // and through the pipeline's own entry point, from a file
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-warn-'));
    try {
      writeFileSync(path.join(dir, '方案.txt'), bytes);
      const out = await extractFile(path.join(dir, '方案.txt'));
      expect(out.ok && out.result.warnings.map((w) => `${w.code}|${w.message}`)).toEqual(result.warnings.map((w) => `${w.code}|${w.message}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an ambiguous place name warns in the JSON, not only inside structure', () => {
    const doc = raw(['朝阳区2020年就业扶贫工作方案', '一、工作任务', '（一）区人力社保局负责开展技能培训。']);
    const result = buildResult(doc);
    expect(result.warnings.map((w) => w.code)).toContain('jurisdiction-ambiguous');
    expect(result.warnings.find((w) => w.code === 'jurisdiction-ambiguous')!.message).toMatch(/^地名对应多个行政区.*朝阳/u);
    checkInvariants(doc);
  });

  it('two tasks under one heading and a heading numbered like the repeat keep distinct ids', () => {
    // "第一条" holds two statements (→ a ".2" id) and a later part of the law is numbered the same way
    const doc = raw([
      '某市物业管理条例',
      '第一章 总则',
      '第一条 市住房城乡建设局负责全市物业管理活动的监督管理。区人民政府应当建立物业管理协调机制。',
      '第二条 街道办事处负责指导业主大会的成立。',
      '第二章 业主',
      '第三条 业主应当遵守管理规约。',
    ]);
    checkInvariants(doc);
  });
});

describe('taskNumbers', () => {
  it('moves a repeat past a number another heading path already has', () => {
    // two tasks under （一）, then items 1. and 2. under it: the repeat of 1.1 may not take 1.1.2
    const paths = [['一、目标'], ['一、目标', '（一）培训'], ['一、目标', '（一）培训'], ['一、目标', '（一）培训', '1.春季'], ['一、目标', '（一）培训', '2.秋季']];
    const ids = taskNumbers(paths.map((path) => ({ path })));
    expect(ids).toEqual(['1', '1.1', '1.1.3', '1.1.1', '1.1.2']);
  });

  it('keeps the plain ".2" where nothing else is numbered so', () => {
    expect(taskNumbers([{ path: ['一、任务'] }, { path: ['一、任务'] }, { path: ['二、保障'] }])).toEqual(['1', '1.2', '2']);
  });
});
