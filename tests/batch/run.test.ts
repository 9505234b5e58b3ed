// `taizhang run` as a batch: outputs that never collide, written as each file finishes, a failure list
// a person can open, per-file budgets, and a run killed half-way that keeps what it finished.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { notice, plan, start, taizhang, tempDir, writeFiles } from './cli-run.js';

const jsons = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== 'failures.json').sort();

describe('outputs never collide', () => {
  test('7 inputs whose names squash alike: 7 documents written, the summary names the renamed ones', async () => {
    const dir = await tempDir('collide');
    const out = path.join(dir, 'out');
    const inputs = await writeFiles(dir, {
      '甲县/方案.txt': notice(1),
      '乙县/方案.txt': notice(2),
      '丙县/方案.txt': notice(3),
      'a b.txt': notice(4),
      'a-b.txt': notice(5),
      'a_b.txt': notice(6),
      'A B.txt': notice(7),
    });
    const r = await taizhang(['run', ...inputs, '--out', out, '--no-registers']);
    expect(r.code).toBe(0);
    const written = await jsons(out);
    expect(written).toHaveLength(7);
    const sources = await Promise.all(written.map(async (n) => JSON.parse(await readFile(path.join(out, n), 'utf8')).document.source.path));
    expect(sources.sort()).toEqual([...inputs].sort());
    expect(r.stdout).toMatch(/注意：5 个文件与其他输入同名，已另名写出/u);
    expect(r.stdout).toContain('乙县/方案.txt');
  });

  test('the same bytes under two names: one document, the summary lists both inputs', async () => {
    const dir = await tempDir('dup');
    const inputs = await writeFiles(dir, { 'x/通知.txt': notice(9), 'y/关于做好工作的通知.txt': notice(9) });
    const r = await taizhang(['run', ...inputs, '--out', path.join(dir, 'out'), '--no-registers']);
    expect(r.code).toBe(0);
    const all = r.stdout;
    for (const f of inputs) expect(all).toContain(f);
    // whether the store's ids already follow the content or still the file name, nothing is lost
    expect((await jsons(path.join(dir, 'out'))).length).toBeGreaterThanOrEqual(1);
    expect(all).toMatch(/成功 2 个/u);
  });

  test('registers follow the same names: two 方案.txt plans give two workbooks', async () => {
    const dir = await tempDir('reg');
    const inputs = await writeFiles(dir, { 'a/方案.txt': plan(11), 'b/方案.txt': plan(12) });
    const out = path.join(dir, 'out');
    const r = await taizhang(['run', ...inputs, '--out', out]);
    expect(r.code).toBe(0);
    const books = (await readdir(out)).filter((n) => n.endsWith('.台账.xlsx')).sort();
    expect(books).toHaveLength(2);
    expect(books.map((b) => b.replace('.台账.xlsx', '.json'))).toEqual(await jsons(out));
  });
});

test('failures: failures.json, 失败清单.csv (BOM, inert cells) and 失败清单.xlsx; the good files still done', async () => {
  const dir = await tempDir('fail');
  const inputs = await writeFiles(dir, {
    'good.txt': notice(1),
    '=HYPERLINK(1).pdf': 'not a pdf at all',
    'empty.docx': '',
  });
  const out = path.join(dir, 'out');
  // relative names, as typed in the folder: the file column then starts with the name itself
  const r = await taizhang(['run', ...inputs.map((f) => path.basename(f)), '--out', out], {}, 90_000, dir);
  expect(r.code).toBe(1);
  const failures = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { file: string; code: string }[];
  expect(failures.map((f) => f.code).sort()).toEqual(['E_EMPTY', 'E_NOT_PDF']);
  const csv = await readFile(path.join(out, '失败清单.csv'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`\r\n'=HYPERLINK(1).pdf,`);
  expect(csv.split('\r\n')[0]).toBe('\uFEFF文件,原因,怎么办,代码');
  expect((await readdir(out)).sort()).toEqual(expect.arrayContaining(['failures.json', '失败清单.csv', '失败清单.xlsx']));
  expect(await jsons(out)).toHaveLength(1);
  expect(r.stdout + r.stderr).toContain('失败清单.csv');
});

describe('per-file budgets (test hook TAIZHANG_TEST_WORKER_HOOK makes one file spin or fill its heap)', () => {
  const budgetRun = async (name: string, flags: string[], hook: string) => {
    const dir = await tempDir('budget');
    const inputs = await writeFiles(dir, { 'a.txt': notice(1), [name]: notice(2), 'b.txt': notice(3), 'c.txt': notice(5) });
    const out = path.join(dir, 'out');
    const r = await taizhang(['run', ...inputs, '--out', out, '--no-registers', '--workers', '1', ...flags], { TAIZHANG_TEST_WORKER_HOOK: hook });
    const failures = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { file: string; code: string; line: string }[];
    return { r, failures, written: await jsons(out) };
  };

  test('a file past --file-timeout is E_TIMEOUT and the next files are still done', async () => {
    const t0 = Date.now();
    const { r, failures, written } = await budgetRun('slow.txt', ['--file-timeout', '3'], 'spin:slow\\.txt$');
    expect(Date.now() - t0).toBeLessThan(45_000);
    expect(r.code).toBe(1);
    expect(failures.map((f) => [path.basename(f.file), f.code])).toEqual([['slow.txt', 'E_TIMEOUT']]);
    expect(failures[0].line).toMatch(/slow\.txt: 处理超时.*（3 秒） \[E_TIMEOUT\]$/u);
    // the worker was replaced: the files after the slow one were still done
    expect(written).toHaveLength(3);
  }, 60_000);

  test('a long scan whose pages keep coming is not cut off: the budget runs from its last page', async () => {
    // five pages a second apart (5 s in all) under a 2-second budget; a stuck file still times out
    const { r, failures, written } = await budgetRun('long-scan.txt', ['--file-timeout', '2'], 'pages:long-scan\\.txt$');
    expect(failures).toEqual([]);
    expect(r.code).toBe(0);
    expect(written).toHaveLength(4);
  }, 60_000);

  test('a file past --max-memory is E_OUT_OF_MEMORY and the next files are still done', async () => {
    const { r, failures, written } = await budgetRun('huge.txt', ['--max-memory', '96', '--file-timeout', '60'], 'allocate:huge\\.txt$');
    expect(r.code).toBe(1);
    expect(failures.map((f) => [path.basename(f.file), f.code])).toEqual([['huge.txt', 'E_OUT_OF_MEMORY']]);
    expect(failures[0].line).toMatch(/huge\.txt: 处理该文件占用的内存超过上限.*\[E_OUT_OF_MEMORY\]$/u);
    expect(written).toHaveLength(3);
  }, 90_000);
});

test('a worker that dies on a file: that file is one failure line, a fresh worker takes the next files', async () => {
  const dir = await tempDir('crash');
  const inputs = await writeFiles(dir, { 'a.txt': notice(1), 'crash.txt': notice(2), 'b.txt': notice(3) });
  const out = path.join(dir, 'out');
  const r = await taizhang(['run', ...inputs, '--out', out, '--no-registers', '--workers', '1'], { TAIZHANG_TEST_WORKER_HOOK: 'exit:crash\\.txt$' });
  expect(r.code).toBe(1);
  const failures = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { file: string; code: string }[];
  expect(failures.map((f) => [path.basename(f.file), f.code])).toEqual([['crash.txt', 'E_INTERNAL']]);
  expect(await jsons(out)).toHaveLength(2);
});

test('a run killed half-way keeps every finished document and the failures so far, and no truncated JSON', async () => {
  const dir = await tempDir('kill');
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.txt`] = notice(i);
  files['f05-broken.pdf'] = 'not a pdf';
  files['z-last.txt'] = notice(99); // spins: the run is still going when it is killed
  await writeFiles(dir, files);
  const out = path.join(dir, 'out');
  const child = start(['run', dir, '--out', out, '--workers', '1', '--no-registers'], { TAIZHANG_TEST_WORKER_HOOK: 'spin:z-last' });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = await jsons(out).catch(() => []);
    if (done.length >= 12) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const names = await readdir(out);
  const docs = names.filter((n) => n.endsWith('.json'));
  for (const n of docs) expect(() => JSON.parse(require_(path.join(out, n)))).not.toThrow();
  expect(docs.filter((n) => n !== 'failures.json')).toHaveLength(12);
  const failures = JSON.parse(require_(path.join(out, 'failures.json'))) as { code: string }[];
  expect(failures.map((f) => f.code)).toEqual(['E_NOT_PDF']);
  expect(require_(path.join(out, '失败清单.csv'))).toContain('E_NOT_PDF');
}, 90_000);

test('a run killed at random moments never leaves a truncated JSON', async () => {
  const dir = await tempDir('kill2');
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`g${String(i).padStart(2, '0')}.txt`] = notice(i).repeat(40);
  await writeFiles(dir, files);
  for (const afterMs of [700, 1100, 1500]) {
    const out = path.join(dir, `out-${afterMs}`);
    const child = start(['run', dir, '--out', out, '--workers', '2']);
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, afterMs));
    // a fast machine may have finished the run before the kill: its outputs must be whole too
    child.kill('SIGKILL');
    await exited;
    for (const n of (await readdir(out).catch(() => [])).filter((x) => x.endsWith('.json'))) {
      expect(() => JSON.parse(require_(path.join(out, n))), n).not.toThrow();
    }
  }
}, 60_000);

test('--db: each document is stored as it finishes, so a killed run has stored what it finished', async () => {
  const dir = await tempDir('db');
  await writeFiles(dir, { 'p1.txt': notice(21), 'p2.txt': notice(22), 'p3-bad.pdf': 'nope', 'z-last.txt': notice(23) });
  const db = path.join(dir, 'tz.sqlite');
  const out = path.join(dir, 'out');
  const child = start(['run', dir, '--out', out, '--db', db, '--workers', '1'], { TAIZHANG_TEST_WORKER_HOOK: 'spin:z-last' });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !(await readFile(path.join(out, 'failures.json'), 'utf8').catch(() => '')).includes('E_NOT_PDF')) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const docs = await taizhang(['documents', '--db', db]);
  expect(docs.code).toBe(0);
  expect(docs.stdout.trim().split('\n')).toHaveLength(2);
}, 90_000);

import { readFileSync } from 'node:fs';
function require_(file: string): string {
  return readFileSync(file, 'utf8');
}
