import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addStoreCommands } from '../../src/cli/store.js';
import { openStore } from '../../src/store/index.js';
import { BACKENDS, freshPgUrl } from './backends.js';
import { runCommands } from '../run-commands.js';

// a small plan written for this test: two clauses with units, deadlines and amounts
const PLAN = `清河县人民政府办公室关于印发清河县2021年农村公路养护工作方案的通知

清政办发〔2021〕12号

各乡镇人民政府，县政府各部门：
现将《清河县2021年农村公路养护工作方案》印发给你们，请认真贯彻执行。

清河县人民政府办公室
2021年3月8日

清河县2021年农村公路养护工作方案

一、主要任务
（一）开展日常养护。各乡镇每月组织一次路面巡查，及时清理路面杂物。（牵头单位：县交通运输局；配合单位：各乡镇）
（二）实施危桥改造。6月底前完成危桥改造5座，每座补助资金不超过30万元。（牵头单位：县交通运输局；配合单位：县财政局）
`;

let dir: string;
let db: string;
let out: string[];
let err: string[];

const drops: Array<() => Promise<void>> = [];
/** A new store for `--db`: a SQLite file under the test's folder, or a new PostgreSQL schema. */
async function newDb(backend: string, name: string): Promise<string> {
  if (backend === 'sqlite') return join(dir, name);
  const { url, drop } = await freshPgUrl();
  drops.push(drop);
  return url;
}
afterAll(async () => {
  for (const d of drops.splice(0)) await d();
});

async function run(...args: string[]): Promise<number> {
  const r = await runCommands(addStoreCommands, args, { stdout: true });
  out = r.out;
  err = r.err;
  return r.code;
}
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'taizhang-cli-store-'));
  await writeFile(join(dir, 'plan.txt'), PLAN);
  await writeFile(join(dir, 'empty.txt'), '');
});

test('search and documents on a store that does not exist say so instead of creating one', async () => {
  const missing = join(dir, 'nowhere', 'x.sqlite');
  expect(await run('search', '危桥', '--db', missing)).toBe(1);
  expect(err).toEqual([`taizhang: 找不到台账数据库：请先用 taizhang ingest 存入文件，或用 --db 指定数据库路径（${missing}） [E_STORE_MISSING]`]);
  expect(await run('documents', '--db', missing)).toBe(1);
});

describe.each(BACKENDS)('$name', ({ name }) => {
  beforeAll(async () => {
    db = await newDb(name, join('db', 'taizhang.sqlite'));
  });

  test('ingest: one line per file, a failure on stderr, the batch goes on, exit code 1', async () => {
    const plan = join(dir, 'plan.txt');
    const empty = join(dir, 'empty.txt');
    expect(await run('ingest', empty, plan, '--db', db)).toBe(1);
    expect(err).toEqual([`${empty}: 文件是空的（0 字节）：请重新导出或重新下载原文件 [E_EMPTY]`]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^已存入 ${plan} → \\S+（\\d+ 项任务）$`, 'u'));
    expect(out[1]).toBe('完成：新增 1 个，新版本 0 个，未变 0 个，失败 1 个');

    expect(await run('ingest', plan, '--db', db)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^未变　${plan}（已在库中：\\S+）$`, 'u'));
    expect(out[1]).toBe('完成：新增 0 个，新版本 0 个，未变 1 个，失败 0 个');
    expect(err).toEqual([]);

    const store = openStore(db);
    expect((await store.counts()).documents).toBe(1);
    await store.close();
  });

  test('search prints document, path and snippet; --json gives the hits', async () => {
    expect(await run('search', '危桥', '--db', db)).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines.length % 4).toBe(0);
    expect(lines[0]).toMatch(/^1\. \S+ {2}清河县2021年农村公路养护工作方案$/u);
    expect(lines[2]).toContain('【危桥】');
    expect(lines[3]).toBe('   匹配：任务内容');
    expect(await run('search', '危桥', '--db', db, '--json')).toBe(0);
    const hits = JSON.parse(out.join('')) as { title: string; text: string }[];
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.every((h) => h.text.includes('危桥') && h.title === '清河县2021年农村公路养护工作方案')).toBe(true);
    expect(await run('search', '农田', '--db', db)).toBe(0);
    expect(out).toEqual(['没有找到包含“农田”的任务']);
  });

  test('documents lists what is stored', async () => {
    expect(await run('documents', '--db', db)).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/清河县2021年农村公路养护工作方案 {2}\d+ 项任务 {2}第1版 {2}2021-03-08 {2}[0-9a-f]{12} {2}/u);
  });

  test('ingest says new version and revert in Chinese, and documents shows which version is current', async () => {
    const store = await newDb(name, 'versions.sqlite');
    const file = join(dir, '公路方案.txt');
    const v2 = PLAN.replace('（二）实施危桥改造', '（三）开展路域环境整治。10月底前完成。（牵头单位：县交通运输局）\n（二）实施危桥改造');
    await writeFile(file, PLAN);
    expect(await run('ingest', file, '--db', store)).toBe(0);
    const id = /→ (\S+)（/u.exec(out[0])![1];
    expect(id).toMatch(/^清政办发-2021-12-[0-9a-f]{8}$/u);
    await writeFile(file, v2);
    expect(await run('ingest', file, '--db', store)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^新版本 ${file} → 清政办发-2021-12-[0-9a-f]{8} 第2版（3 项任务）$`, 'u'));
    await writeFile(file, PLAN);
    expect(await run('ingest', file, '--db', store)).toBe(0);
    expect(out).toEqual([
      `恢复　${file} → ${id}（与第1版内容相同，第1版重新成为当前版本；2 项任务）`,
      '完成：新增 0 个，新版本 0 个，未变 0 个，恢复旧版 1 个，失败 0 个',
    ]);
    const copy = join(dir, '公路方案（修订稿）.txt');
    await writeFile(copy, v2);
    expect(await run('ingest', copy, '--db', store)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^旧版　${copy}（与库中 清政办发-2021-12-[0-9a-f]{8} 第2版内容相同；当前版本仍是第1版，未改变）$`, 'u'));
    expect(out[1]).toBe('完成：新增 0 个，新版本 0 个，未变 0 个，旧版副本 1 个，失败 0 个');
    expect(await run('documents', '--db', store)).toBe(0);
    expect(out.map((l) => /第(\d)版(（旧版）)?/u.exec(l)![0])).toEqual(['第1版', '第2版（旧版）']);
  });

  test('a file name with terminal escape codes is shown with the codes written out, never sent to the terminal', async () => {
    const store = await newDb(name, 'escapes.sqlite');
    const file = join(dir, 'plan\u001b[2J\u001b[31m红.txt');
    const empty = join(dir, 'empty\u001b]0;title\u0007.txt');
    await writeFile(file, PLAN.replace('12号', '13号'));
    await writeFile(empty, '');
    expect(await run('ingest', file, empty, '--db', store)).toBe(1);
    expect(out[0]).toContain('plan\\x1B[2J\\x1B[31m红.txt');
    expect(err[0]).toContain('empty\\x1B]0;title\\x07.txt');
    const ingested = [...out, ...err];
    expect(await run('documents', '--db', store)).toBe(0);
    expect(out[0]).toContain('plan\\x1B[2J');
    for (const line of [...ingested, ...out, ...err]) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
  });
});
