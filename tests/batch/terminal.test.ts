// The CLI where staff meet it: a terminal (pseudo-terminal via util-linux `script`), a pipe closed
// early, a full disk, and file names that carry terminal escape codes.
import { execFile, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { oneTerminalLine, terminalSafe } from '../../src/messages.js';
import { CLI, notice, ROOT, taizhang, tempDir, writeFiles } from './cli-run.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

function sh(command: string, timeoutMs: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

const q = (s: string) => `'${s.replace(/'/gu, `'\\''`)}'`;

describe.skipIf(!hasScript)('in a terminal (pseudo-terminal)', () => {
  test('run on 12 files shows the progress bar, prints 完成 and exits with code 0', async () => {
    const dir = await tempDir('pty');
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`n${i}.txt`] = notice(i);
    await writeFiles(dir, files);
    const out = path.join(dir, 'out');
    const r = await sh(`script -qec ${q(`${q(process.execPath)} ${q(CLI)} run ${q(dir)} --out ${q(out)}`)} /dev/null`, 60_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('完成：成功 12 个');
    expect(r.stdout).toContain('个文件'); // the bar was drawn: this was a terminal
    expect((await readdir(out)).filter((n) => n.endsWith('.json') && n !== 'failures.json')).toHaveLength(12);
  }, 70_000);

  test('extract --out on 9 files exits too', async () => {
    const dir = await tempDir('pty2');
    const names = await writeFiles(dir, Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`m${i}.txt`, notice(i + 30)])));
    const r = await sh(`script -qec ${q(`${q(process.execPath)} ${q(CLI)} extract ${names.map(q).join(' ')} --out ${q(path.join(dir, 'o'))}`)} /dev/null`, 60_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  }, 70_000);
});

describe('closed pipe and full disk', () => {
  test('extract | head -c 10: no stack trace, exit 0', async () => {
    const dir = await tempDir('pipe');
    const [f] = await writeFiles(dir, { 'big.txt': Array.from({ length: 300 }, (_, i) => notice(i)).join('\n') });
    const r = await sh(`${q(process.execPath)} ${q(CLI)} extract ${q(f)} | head -c 10; echo; echo "rc=\${PIPESTATUS[0]}"`, 60_000);
    expect(r.stdout.slice(0, 10)).toBe('{\n  "schem');
    expect(r.stdout).toMatch(/rc=0\n$/u);
    expect(r.stderr).toBe('');
  }, 60_000);

  test('run | head -1: the batch still writes every output, quietly', async () => {
    const dir = await tempDir('pipe-run');
    await writeFiles(dir, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`r${i}.txt`, notice(i + 50)])));
    const out = path.join(dir, 'out');
    const r = await sh(`${q(process.execPath)} ${q(CLI)} run ${q(dir)} --out ${q(out)} --no-registers | head -1; echo "rc=\${PIPESTATUS[0]}"`, 60_000);
    expect(r.stdout).toMatch(/^✓ .*\nrc=0\n$/u);
    expect(r.stderr).toBe('');
    expect((await readdir(out)).filter((n) => n.endsWith('.json') && n !== 'failures.json')).toHaveLength(10);
  }, 60_000);

  test.each([['extract'], ['text']])('%s > /dev/full: one Chinese line with E_DISK_FULL, no stack', async (cmd) => {
    const dir = await tempDir('full');
    const [f] = await writeFiles(dir, { 'x.txt': notice(3) });
    const r = await sh(`${q(process.execPath)} ${q(CLI)} ${cmd} ${q(f)} > /dev/full`, 60_000);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/磁盘已满.*\[E_DISK_FULL\]$/u);
  }, 60_000);

  test('an output folder that cannot be made: one line with its code, no stack', async () => {
    const dir = await tempDir('nodir');
    const [f] = await writeFiles(dir, { 'x.txt': notice(4) });
    const r = await taizhang(['run', f, '--out', path.join(f, 'sub')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/无法写入这个位置.*\[E_NOT_WRITABLE\]/u);
  });
});

describe('control characters from file names never reach the terminal', () => {
  const cases: [string, string][] = [
    ['\x1b[31m红\x1b[0m.pdf', '\\x1B[31m红\\x1B[0m.pdf'],
    ['a\x07b.txt', 'a\\x07bt.txt'.replace('bt', 'b')],
    ['c\x9bd.txt', 'c\\x9Bd.txt'],
    ['e\u202eftxt.exe', 'e\\u{202E}ftxt.exe'],
    ['tab\there.txt', 'tab\there.txt'],
    ['line\nbreak.txt', 'line\\x0Abreak.txt'],
  ];
  test.each(cases)('%j', (name, shown) => expect(oneTerminalLine(name)).toBe(shown));
  test('a printed block keeps its own newlines', () => expect(terminalSafe('一\n二\x1b')).toBe('一\n二\\x1B'));

  test('the error line of a file named with ESC codes shows them escaped', async () => {
    const dir = await tempDir('esc');
    const [f] = await writeFiles(dir, { '\x1b]0;pwned\x07\x1b[2J.pdf': 'not a pdf' });
    for (const args of [['extract', f], ['run', f, '--out', path.join(dir, 'o')], ['text', f]]) {
      const r = await taizhang(args);
      expect(r.code).toBe(1);
      expect(r.stderr + r.stdout).not.toMatch(/\x1b|\x07/u);
      expect(r.stderr).toContain('\\x1B]0;pwned\\x07\\x1B[2J.pdf');
    }
  });
});
