// `taizhang text --raw FILE`: what the reader saw, before normalize; beside `text` and `text --layers`.
// Built dist/src/cli.js (npm test builds it first); the file is written here.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const run = (args: string[]) => promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT });

async function notice(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'text-raw-'));
  const file = path.join(dir, '通知.txt');
  await writeFile(file, ['关于做好２０２５年防汛备汛工作的通知', '— 3 —', '一、各街道于５月底前完成ＡＡ级隐患点巡查。'].join('\n'));
  return file;
}

test('text --raw prints the reader’s blocks: the page number and full-width characters are still there', async () => {
  const { stdout } = await run(['text', '--raw', await notice()]);
  expect(stdout.trim().split('\n')).toEqual(['关于做好２０２５年防汛备汛工作的通知', '— 3 —', '一、各街道于５月底前完成ＡＡ级隐患点巡查。']);
});

test('text prints the same file normalized', async () => {
  const { stdout } = await run(['text', await notice()]);
  expect(stdout.trim().split('\n')).toEqual(['关于做好2025年防汛备汛工作的通知', '一、各街道于5月底前完成AA级隐患点巡查。']);
});

test('--raw with --layers is refused in one Chinese line with its code', async () => {
  const err = await run(['text', '--raw', '--layers', await notice()]).then(() => null, (e: { code: number; stderr: string }) => e);
  expect(err?.code).not.toBe(0);
  expect(err?.stderr).toMatch(/不能同时使用.*\[E_CONFLICTING_OPTIONS\]/u);
});
