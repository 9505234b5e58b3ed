// OFD (GB/T 33190, 电子公文) is read like PDF: positioned text → lines → paragraphs, pages kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { readDocumentFile } from '../../src/pipeline.js';
import { ofdPageItems, parseDeltas } from '../../src/read/ofd.js';
import { makeDocx, makeOfd, makeZip } from './make-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tz-ofd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(name: string, data: Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
}

const PAGE_1 = [
  '关于做好2023年秋冬季森林防火工作的通知',
  '各乡镇人民政府，县直有关部门：',
  '一、各乡镇要在10月31日前完成林区隐患排查，牵头单位：县林业局。',
  '二、县应急管理局要在11月15日前组织一次综合演练。',
];
const PAGE_2 = ['三、各村要落实护林员巡护制度，每周巡查不少于三次。', '某某县人民政府办公室', '2023年9月20日'];

describe('reading OFD', () => {
  test('text objects become paragraphs, in page order, each with its page', async () => {
    const raw = await readDocumentFile(put('notice.ofd', makeOfd([PAGE_1, PAGE_2])));
    expect(raw.source.format).toBe('ofd');
    expect(raw.source.pages).toBe(2);
    const texts = raw.blocks.map((b) => b.text);
    expect(texts.join('')).toBe([...PAGE_1, ...PAGE_2].join(''));
    expect(raw.blocks.find((b) => b.text.startsWith('三、'))?.page).toBe(2);
    expect(raw.blocks.find((b) => b.text.startsWith('一、'))?.page).toBe(1);
  });

  test('through the whole pipeline: title, tasks and deadlines', async () => {
    const r = await extractFile(put('plan.ofd', makeOfd([PAGE_1, PAGE_2])));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.document.title).toBe('关于做好2023年秋冬季森林防火工作的通知');
      expect(r.result.document.source.format).toBe('ofd');
    }
  });

  test('an OFD under another extension is still read as OFD (the entries say what it is)', async () => {
    const raw = await readDocumentFile(put('notice.zip', makeOfd([PAGE_1])));
    expect(raw.source.format).toBe('ofd');
  });

  test('an OFD without any text: its own code', async () => {
    const r = await extractFile(put('empty.ofd', makeOfd([[], []])));
    expect(r.ok ? 'ok' : r.code).toBe('E_OFD_NO_TEXT');
  });

  test.each([
    ['not a zip', () => Buffer.from('这不是一个 OFD 文件'), 'E_CORRUPT_OFD'],
    ['a zip without OFD.xml', () => makeOfd([PAGE_1], { withOfdXml: false }), 'E_CORRUPT_OFD'],
    ['a DOCX named .ofd', () => makeDocx(PAGE_1), 'E_CORRUPT_OFD'],
    ['OFD.xml and nothing else', () => makeZip([{ name: 'OFD.xml', data: Buffer.from('<ofd:OFD/>') }]), 'E_CORRUPT_OFD'],
  ])('%s → its code', async (_, make, code) => {
    const r = await extractFile(put('bad.ofd', make()));
    expect(r.ok ? 'ok' : r.code).toBe(code);
    if (!r.ok) expect(r.line).toContain('OFD');
  });

  test('DeltaX with the g (repeat) form', () => {
    expect(parseDeltas('g 3 4.2 5')).toEqual([4.2, 4.2, 4.2, 5]);
    expect(parseDeltas('1 2 3')).toEqual([1, 2, 3]);
    expect(parseDeltas(undefined)).toEqual([]);
  });

  test('positions: millimetres from the top become points from the bottom', () => {
    const xml = '<ofd:TextObject ID="1" Boundary="10 20 50 8" Size="5"><ofd:TextCode X="1" Y="4" DeltaX="g 2 5">通知书</ofd:TextCode></ofd:TextObject><TextObject Boundary="10 40 5 5" Size="5"><TextCode X="0" Y="4">&lt;甲&gt;</TextCode></TextObject>';
    const items = ofdPageItems(xml, 297);
    expect(items.map((i) => i.str)).toEqual(['通知书', '<甲>']);
    expect(items[0].x).toBeCloseTo((11 * 72) / 25.4);
    expect(items[0].y).toBeCloseTo(((297 - 24) * 72) / 25.4);
    expect(items[0].width).toBeCloseTo((15 * 72) / 25.4);
    expect(items[1].y).toBeLessThan(items[0].y);
  });

  test('a page that never closes its text objects is read in bounded time', () => {
    const xml = '<ofd:TextObject Boundary="0 0 1 1" Size="5">'.repeat(50_000) + '<ofd:TextCode X="0" Y="0">字</ofd:TextCode>';
    const start = Date.now();
    expect(ofdPageItems(xml).length).toBe(1);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
