// The CLI as a user meets it: built dist/src/cli.js (npm test builds it first), real files.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const run = promisify(execFile);

async function taizhang(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '' && !/^npm (warn|notice)/i.test(l));

test('the built CLI is executable, so npx taizhang runs it on a fresh install', async () => {
  // npm links bin files before `prepare` builds them; the build sets the mode itself
  expect((await stat(CLI)).mode & 0o111).not.toBe(0);
});

test('--help and --version', async () => {
  const help = await taizhang('--help');
  expect(help.code).toBe(0);
  for (const cmd of ['text', 'extract', 'run']) expect(help.stdout).toContain(cmd);
  const v = await taizhang('--version');
  expect(v.stdout.trim()).toBe(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version);
});

test('text prints one paragraph per line', async () => {
  const r = await taizhang('text', 'corpus/xinbin-2018.pdf');
  expect(r.code).toBe(0);
  const ls = lines(r.stdout);
  expect(ls[0]).toBe('新宾满族自治县脱贫攻坚领导小组');
  expect(ls).toContain('一、主要目标');
});

describe('bad input: one line on stderr, non-zero exit, nothing on stdout', () => {
  test.each([
    ['corpus/broken/fake.pdf', 'E_NOT_PDF'],
    ['corpus/broken/empty.pdf', 'E_EMPTY'],
    ['corpus/variants/xinbin-2018.encrypted.pdf', 'E_ENCRYPTED'],
    ['corpus/broken/bomb.docx', 'E_DOCX_BOMB'],
  ])('%s', async (file, code) => {
    const r = await taizhang('extract', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(file);
    expect(err[0]).toContain(`[${code}]`);
    expect(err[0]).not.toMatch(/\bat \w+ \(|Error:/u);
  });
});

test('a scan with --ocr never is one line saying so (without it, OCR reads it: tests/ocr/)', async () => {
  const file = 'corpus/broken/dongzhou-2020.scanned.pdf';
  const r = await taizhang('extract', file, '--ocr', 'never');
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const err = lines(r.stderr);
  expect(err).toHaveLength(1);
  expect(err[0]).toContain('[E_SCANNED]');
  expect(err[0]).toContain('--ocr never');
});

test('--ocr takes auto, always or never only', async () => {
  const r = await taizhang('extract', 'corpus/dongzhou-2020.txt', '--ocr', 'sometimes');
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('auto');
});

test('extract with --password reads the encrypted PDF', async () => {
  const r = await taizhang('extract', 'corpus/variants/xinbin-2018.encrypted.pdf', '--password', 'secret');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).document.docNumber).toMatchObject({ issuerCode: '新脱贫发', year: 2018, serial: 2 });
});

test('a batch goes on past bad files and lists each failure', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'taizhang-'));
  const r = await taizhang('extract', 'corpus/dongzhou-2020.txt', 'corpus/broken/fake.docx', 'corpus/xinbin-2018.docx', 'corpus/broken/empty.pdf', '--out', out);
  expect(r.code).toBe(1);
  const files = (await readdir(out)).sort();
  expect(files.filter((f) => f.endsWith('.json') && f !== 'failures.json')).toHaveLength(2);
  const failures = JSON.parse(await readFile(path.join(out, 'failures.json'), 'utf8')) as { file: string; code: string }[];
  expect(failures.map((f) => [f.file, f.code])).toEqual([
    ['corpus/broken/fake.docx', 'E_NOT_DOCX'],
    ['corpus/broken/empty.pdf', 'E_EMPTY'],
  ]);
});

test('same bytes in, same JSON out', async () => {
  const a = await taizhang('extract', 'corpus/dongzhou-2020.pdf');
  const b = await taizhang('extract', 'corpus/dongzhou-2020.pdf');
  expect(a.code).toBe(0);
  expect(a.stdout).toBe(b.stdout);
});
