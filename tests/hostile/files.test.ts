// Issue 19/20: only regular files are read. Devices, pipes, folders and unreadable files each get
// their own line at once, and --max-size cannot be bypassed through a link to a device.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { fsErrorFailure, readRegularFile } from '../../src/read/file.js';
import { ROOT } from './make-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tz-files-'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  symlinkSync('/dev/urandom', path.join(dir, 'random.pdf'));
  mkdirSync(path.join(dir, 'folder.docx'));
  writeFileSync(path.join(dir, 'ok.txt'), '关于做好春季防火工作的通知\n各乡镇要在3月31日前完成隐患排查。\n');
  symlinkSync(path.join(dir, 'ok.txt'), path.join(dir, 'link-to-ok.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what is not a regular file is refused before any read', () => {
  const cases: [string, string][] = [
    ['pipe.txt', 'E_NOT_REGULAR_FILE'], // a named pipe: opening it for reading would wait for a writer
    ['zero.txt', 'E_NOT_REGULAR_FILE'], // a link to /dev/zero: endless, 15 GB before
    ['random.pdf', 'E_NOT_REGULAR_FILE'],
    ['folder.docx', 'E_IS_DIRECTORY'],
    ['missing.txt', 'E_NOT_FOUND'],
  ];
  test.each(cases)('%s → %s, at once', async (name, code) => {
    const start = Date.now();
    const r = await extractFile(path.join(dir, name));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.line).toMatch(new RegExp(`\\[${code}\\]$`));
      expect(r.line).not.toMatch(/\n/);
    }
    expect(Date.now() - start).toBeLessThan(2000);
  });

  test('/dev/zero itself, with a --max-size of one byte', async () => {
    const r = await extractFile('/dev/zero', { maxBytes: 1 });
    expect(r.ok ? 'ok' : r.code).toBe('E_NOT_REGULAR_FILE');
  });

  test('a link to a regular file is read like the file', async () => {
    const r = await extractFile(path.join(dir, 'link-to-ok.txt'));
    expect(r.ok && r.result.document.title).toBe('关于做好春季防火工作的通知');
  });

  test('--max-size holds for a regular file', async () => {
    await expect(readRegularFile(path.join(dir, 'ok.txt'), 10)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
  });
});

describe('an unreadable file', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  test.each([
    ['EACCES', 'E_UNREADABLE'],
    ['EPERM', 'E_UNREADABLE'],
    ['EISDIR', 'E_IS_DIRECTORY'],
    ['ENOENT', 'E_NOT_FOUND'],
    ['ELOOP', 'E_NOT_FOUND'],
    ['ENXIO', 'E_NOT_REGULAR_FILE'],
    ['EIO', 'E_UNREADABLE'],
  ])('fs error %s → %s', (fsCode, code) => {
    expect(fsErrorFailure(errno(fsCode)).code).toBe(code);
  });

  test('chmod 000 read by a user without the right → E_UNREADABLE', async () => {
    const file = path.join(dir, 'secret.txt');
    writeFileSync(file, '关于做好春季防火工作的通知\n');
    chmodSync(file, 0o000);
    if (process.getuid?.() !== 0) {
      const r = await extractFile(file);
      expect(r.ok ? 'ok' : r.code).toBe('E_UNREADABLE');
      return;
    }
    // root reads any file whatever its mode: run the read as the unprivileged user "nobody"
    chmodSync(dir, 0o755);
    const script = `import(${JSON.stringify(path.join(ROOT, 'dist/src/pipeline.js'))}).then(async (m) => { const r = await m.extractFile(${JSON.stringify(file)}); process.stdout.write(r.ok ? 'ok' : r.code); })`;
    const res = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 });
    if (res.error || (res.status !== 0 && /EACCES|permission/i.test(res.stderr))) {
      // "nobody" cannot even load the code from this checkout: the mapping above is what is tested
      return;
    }
    expect(res.stdout).toBe('E_UNREADABLE');
  });
});

describe('errors beyond the engine read as limits, not as our bugs', () => {
  test.each([
    [new RangeError('Maximum call stack size exceeded'), 'E_TOO_COMPLEX'],
    [new RangeError('Invalid string length'), 'E_TEXT_TOO_LARGE'],
    [new RangeError('Array buffer allocation failed'), 'E_TEXT_TOO_LARGE'],
    [Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' }), 'E_TEXT_TOO_LARGE'],
    [Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES', syscall: 'open' }), 'E_UNREADABLE'],
    [new TypeError("Cannot read properties of undefined (reading 'length')"), 'E_INTERNAL'],
  ])('%s → %s', async (err, code) => {
    const { knownFailure } = await import('../../src/pipeline.js');
    const { failureLine } = await import('../../src/messages.js');
    expect(failureLine('a.txt', knownFailure(err)).code).toBe(code);
  });
});
