import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { addCompareCommands } from '../../src/cli/compare.js';
import { openStore } from '../../src/store/index.js';
import { DiffResult } from '../../src/compare/schema.js';
import { county, newNotice, oldNotice, otherCity, province } from '../fixtures/compare/planted.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'taizhang-compare-'));
  for (const d of [province, county, otherCity, oldNotice, newNotice]) writeFileSync(path.join(dir, `${d.document.id}.json`), JSON.stringify(d));
  writeFileSync(path.join(dir, 'summary.json'), '{"not":"an extract"}');
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void (err += `${String(s)}\n`));
  const program = new Command().exitOverride();
  addCompareCommands(program);
  await program.parseAsync(['node', 'taizhang', ...args]);
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  vi.restoreAllMocks();
  return { out, err, code };
}

test('diff --json prints the OUTPUT.md shape', async () => {
  const { out, code } = await run('diff', path.join(dir, 'prov-2019-5.json'), path.join(dir, 'benxi-2020-19.json'), '--json');
  expect(code).toBeUndefined();
  const r = DiffResult.parse(JSON.parse(out));
  expect(r.findings.filter((f) => f.type === 'conflict').length).toBe(3);
});

test('diff by stored id with --from, summary lines, and the HTML report at --out', async () => {
  const html = path.join(dir, 'report.html');
  const { out } = await run('diff', 'prov-2019-5', 'benxi-2020-19', '--from', dir, '--out', html);
  const lines = out.trim().split('\n');
  expect(lines.slice(0, 4)).toEqual([
    '甲：辽宁省推进脱贫攻坚重点工作的实施意见（辽宁省）',
    '乙：本溪满族自治县2020年脱贫攻坚实施方案（本溪满族自治县）',
    '关系：上下级，甲管辖乙',
    '对齐条款 7 对，发现 9 条',
  ]);
  // diff reports the coverage of the higher side's measures too (issue #17)
  expect(lines.slice(4, 6)).toEqual(['上级措施覆盖率 87.5%（7/8）', '上级部署的 8 项任务中，本方案覆盖 7 项']);
  expect(lines[6]).toBe('[冲突] 本溪县要求驻村时间每月至少5个工作日，低于省级每月至少10个工作日的要求（prov-2019-5#1 第3页 ↔ benxi-2020-19#1 第20页）');
  expect(lines.at(-1)).toBe(`对照报告已写入 ${html}`);
  expect(readFileSync(html, 'utf8')).toContain('<span class="ins">全县</span>');
});

test('check prints coverage', async () => {
  const { out } = await run('check', 'benxi-2020-19', '--against', 'prov-2019-5', '--from', dir);
  expect(out).toContain('上级措施覆盖率 87.5%（7/8）');
  expect(out).toContain('上级部署的 8 项任务中，本方案覆盖 7 项');
  expect(out).toMatch(/\[未覆盖\] 本溪县方案中没有找到与这项省级措施对应的内容（最接近的是 benxi-2020-19#\d+，相似度 0\.\d\d，低于 0\.35）（prov-2019-5#8 第1页）/);
});

test('conflicts over a folder of extracts', async () => {
  const { out } = await run('conflicts', '--from', dir);
  const lines = out.trim().split('\n');
  expect(lines[0]).toBe('文档 5 份，比对了 3 对有上下级关系的文档，发现 8 条');
  expect(lines.filter((l) => l.startsWith('[已被替代]'))).toEqual([
    '[已被替代] 《关于加强驻村帮扶工作管理的通知》已被《关于进一步规范驻村帮扶工作的通知》替代（本县扶贫发〔2020〕21号明文废止）（benxi-2018-7 ↔ benxi-2020-21）',
  ]);
});

test('a missing document: one Chinese line with a code, exit 2', async () => {
  const { out, err, code } = await run('diff', 'no-such-doc', path.join(dir, 'benxi-2020-19.json'), '--db', path.join(dir, 'none.sqlite'));
  expect(out).toBe('');
  expect(err.trim()).toBe('no-such-doc: 找不到文件或文档编号：请检查路径，或用 --from 指定抽取结果（JSON）目录、用 --db 指定数据库 [E_DOC_NOT_FOUND]');
  expect(code).toBe(2);
});

test('conflicts over the store, marking superseded tasks; diff by stored id', async () => {
  const db = path.join(dir, 'store.sqlite');
  const store = openStore(db);
  for (const d of [province, county, otherCity, oldNotice, newNotice]) await store.ingest(d);
  await store.close();

  const { out } = await run('conflicts', '--db', db, '--mark-superseded');
  expect(out.split('\n').slice(0, 2)).toEqual(['文档 5 份，比对了 3 对有上下级关系的文档，发现 8 条', '已在数据库中把 2 项任务标记为已被替代']);
  const reopened = openStore(db);
  expect((await reopened.result('benxi-2018-7'))!.tasks.map((t) => t.superseded)).toEqual([true, true]);
  await reopened.close();

  const diff = await run('diff', 'prov-2019-5', 'benxi-2020-19', '--db', db, '--json');
  expect(DiffResult.parse(JSON.parse(diff.out)).findings.filter((f) => f.type === 'conflict').length).toBe(3);
});

test('conflicts without a store: the message and code of the store', async () => {
  const { err, code } = await run('conflicts', '--db', path.join(dir, 'missing.sqlite'));
  expect(err.trim()).toMatch(/^taizhang: 找不到台账数据库：.*\[E_STORE_MISSING\]$/u);
  expect(code).toBe(1);
});

test('a JSON that is not an extract is refused', async () => {
  const { err, code } = await run('diff', path.join(dir, 'summary.json'), path.join(dir, 'benxi-2020-19.json'));
  expect(err.trim()).toBe(`${path.join(dir, 'summary.json')}: 不是 taizhang extract 输出的抽取结果 JSON：请用 taizhang extract 重新生成 [E_BAD_RESULT_JSON]`);
  expect(code).toBe(1);
});
