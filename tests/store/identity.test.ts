// The store knows a file by its bytes and a document by its own 文号 (or issuer and title), never by
// the path typed: two counties' 方案.txt are two documents, one file under two spellings is one, and
// a file put back to earlier bytes makes that earlier version current again.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { documentKey } from '../../src/store/identity.js';
import { extractFile } from '../../src/pipeline.js';
import type { TaskStore } from '../../src/store/store.js';
import { BACKENDS, closeAll, type Backend } from './backends.js';
import type { ExtractResult } from '../../src/model.js';

interface Notice { office: string; code?: string; serial?: number; title: string; tasks: string[] }

function noticeText(n: Notice): string {
  return [n.office, ...(n.code ? [`${n.code}〔2023〕${n.serial}号`] : []), n.title, '为做好相关工作，制定本方案。', '一、重点任务',
    ...n.tasks.map((t, i) => `（${'一二三四五'[i]}）${t}`), n.office, '2023年4月10日'].join('\n');
}

const SHUANGHE: Notice = { office: '双河县水利局', code: '双水发', serial: 8, title: '双河县2023年农村饮水安全巩固提升方案',
  tasks: ['6月底前完成12处集中供水工程改造。（牵头单位：县水利局；配合单位：县财政局）', '每季度开展一次水质抽检。（牵头单位：县卫生健康局）'] };
const LIANSHAN: Notice = { office: '连山县农业农村局', code: '连农发', serial: 8, title: '连山县2023年高标准农田建设方案',
  tasks: ['9月底前新建高标准农田2万亩。（牵头单位：县农业农村局）', '建立农田管护台账。（牵头单位：各乡镇人民政府）'] };

let dir: string;
let backend: Backend;
afterEach(() => closeAll());

async function fresh(): Promise<TaskStore> {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-identity-'));
  return backend.open();
}

/**
 * What `taizhang ingest` does with one file: extract it, then store it under its bytes' sha256.
 * `typed` is the path as a user in the file's own folder types it (the result carries it).
 */
async function ingestFile(store: TaskStore, file: string, text: string, typed?: string) {
  const outcome = await extractFile(file);
  if (!outcome.ok) throw new Error(outcome.line);
  const r = outcome.result;
  const result = typed ? { ...r, document: { ...r.document, source: { ...r.document.source, path: typed } } } : r;
  return store.ingest(result, createHash('sha256').update(text).digest('hex'));
}

async function put(path: string, text: string): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe.each(BACKENDS)('$name store', (b) => {
  beforeEach(() => void (backend = b));

  test("two counties' 方案.txt from their own folders are two current, searchable documents", async () => {
    const store = await fresh();
    const a = noticeText(SHUANGHE);
    const b = noticeText(LIANSHAN);
    // each county's staff run `taizhang ingest 方案.txt` in their own folder: the same path as typed
    expect((await ingestFile(store, await put(join(dir, '双河县', '方案.txt'), a), a, '方案.txt')).status).toBe('added');
    expect((await ingestFile(store, await put(join(dir, '连山县', '方案.txt'), b), b, '方案.txt')).status).toBe('added');
    const docs = await store.documents();
    expect(docs.map((d) => [d.title, d.version, d.current])).toEqual([
      ['双河县2023年农村饮水安全巩固提升方案', 1, true], ['连山县2023年高标准农田建设方案', 1, true],
    ]);
    expect((await store.search('供水工程')).map((h) => h.title)).toEqual(['双河县2023年农村饮水安全巩固提升方案']);
    expect((await store.search('农田')).map((h) => h.title)).toEqual(['连山县2023年高标准农田建设方案', '连山县2023年高标准农田建设方案']);
    expect(new Set((await store.tasks()).map((t) => t.title)).size).toBe(2);
  });

  test('the same bytes under two spellings of one path, or copied elsewhere, are one document', async () => {
    const store = await fresh();
    const text = noticeText(SHUANGHE);
    await put(join(dir, 'x', 'a.txt'), text);
    await put(join(dir, '归档', `${SHUANGHE.title}.txt`), text);
    const first = await ingestFile(store, join(dir, '.', 'x', 'a.txt'), text);
    const again = await ingestFile(store, join(dir, 'x', '..', 'x', 'a.txt'), text);
    const copy = await ingestFile(store, join(dir, '归档', `${SHUANGHE.title}.txt`), text);
    expect([first.status, again.status, copy.status]).toEqual(['added', 'unchanged', 'unchanged']);
    expect(new Set([first.docId, again.docId, copy.docId]).size).toBe(1);
    expect((await store.documents()).filter((d) => d.current)).toHaveLength(1);
    expect(await store.search('水质抽检')).toHaveLength(1);
  });

  test('a changed text of the same document is a new version wherever it lies', async () => {
    const store = await fresh();
    const v1 = noticeText(SHUANGHE);
    const v2 = noticeText({ ...SHUANGHE, tasks: [...SHUANGHE.tasks, '建立农村供水工程运行管护制度。（牵头单位：县水利局）'] });
    expect(await ingestFile(store, await put(join(dir, '水利', '方案.txt'), v1), v1)).toMatchObject({ status: 'added', version: 1, tasks: 2 });
    const revised = await put(join(dir, '收文', '双河县饮水方案（修订）.txt'), v2);
    expect(await ingestFile(store, revised, v2)).toMatchObject({ status: 'new-version', version: 2, tasks: 3 });
    expect((await store.documents()).map((d) => [d.version, d.current])).toEqual([[1, false], [2, true]]);
    expect(await store.search('运行管护')).toHaveLength(1);
    // the old file still lying in its folder, ingested again with the folder: an old copy, the current version stays
    expect(await ingestFile(store, join(dir, '水利', '方案.txt'), v1)).toMatchObject({ status: 'old-version', version: 1, currentVersion: 2 });
    expect((await store.documents()).map((d) => [d.version, d.current])).toEqual([[1, false], [2, true]]);
    expect((await ingestFile(store, revised, v2)).status).toBe('unchanged');
  });

  test('a file put back to its earlier bytes makes that earlier version current again, and forward again', async () => {
    const store = await fresh();
    const v1 = noticeText(SHUANGHE);
    const v2 = noticeText({ ...SHUANGHE, tasks: [...SHUANGHE.tasks, '建立农村供水工程运行管护制度。（牵头单位：县水利局）'] });
    const file = await put(join(dir, '水利', '方案.txt'), v1);
    await ingestFile(store, file, v1);
    await put(file, v2);
    expect(await ingestFile(store, join(dir, '水利', '..', '水利', '方案.txt'), v2)).toMatchObject({ status: 'new-version', version: 2 });
    await put(file, v1);
    expect(await ingestFile(store, file, v1)).toMatchObject({ status: 'reverted', version: 1, tasks: 2 });
    expect((await store.documents()).map((d) => [d.version, d.current])).toEqual([[1, true], [2, false]]);
    expect(await store.search('运行管护')).toEqual([]);
    expect(await store.tasks()).toHaveLength(2);
    expect((await ingestFile(store, file, v1)).status).toBe('unchanged');
    await put(file, v2);
    expect(await ingestFile(store, file, v2)).toMatchObject({ status: 'reverted', version: 2, tasks: 3 });
    expect(await store.search('运行管护')).toHaveLength(1);
  });

});

const result = (d: Partial<ExtractResult['document']>) => ({ document: { issuer: '', title: '', docNumber: null, jurisdiction: null, ...d } }) as unknown as ExtractResult;

const keys: [what: string, a: Partial<ExtractResult['document']>, b: Partial<ExtractResult['document']>, same: boolean][] = [
  ['same 文号 and issuer', { docNumber: { text: '', issuerCode: '河政办发', year: 2021, serial: 3 }, issuer: '河西县人民政府办公室', title: '甲' },
    { docNumber: { text: '', issuerCode: '河政办发', year: 2021, serial: 3 }, issuer: '河西县人民政府办公室', title: '甲（修订）' }, true],
  ['same 文号 from two issuers', { docNumber: { text: '', issuerCode: '政办发', year: 2021, serial: 3 }, issuer: '河西县人民政府办公室' },
    { docNumber: { text: '', issuerCode: '政办发', year: 2021, serial: 3 }, issuer: '河东县人民政府办公室' }, false],
  ['same issuer and title, no 文号', { issuer: '青石镇人民政府', title: '青石镇2022年防汛工作方案' }, { issuer: '青石镇人民政府', title: '青石镇2022年防汛工作方案' }, true],
  ['same title, two issuers', { issuer: '青石镇人民政府', title: '2022年防汛工作方案' }, { issuer: '白石镇人民政府', title: '2022年防汛工作方案' }, false],
  ['same title, no issuer at all: not enough to call them one', { title: '2022年防汛工作方案' }, { title: '2022年防汛工作方案' }, false],
];

test.each(keys)('documentKey: %s', (_what, a, b, same) => {
  expect(documentKey(result(a), 'a'.repeat(64)) === documentKey(result(b), 'b'.repeat(64))).toBe(same);
});
