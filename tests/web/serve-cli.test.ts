// `taizhang serve` and `taizhang users` as a user meets them (built dist/src/cli.js), without a
// browser: refusals to start, each one Chinese line with its code, and the accounts table.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AccountBook } from '../../src/web/auth.js';
import { cli, serve } from './browser.js';

test('a host other than this computer needs --auth, and --auth needs an account', () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-serve-')), 'taizhang.sqlite');
  const open = cli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', db]);
  expect(open.status).toBe(2);
  expect(open.stderr.trim()).toMatch(/^taizhang serve --host 0\.0\.0\.0: 监听本机以外的地址时必须开启登录.*\[E_WEB_NEEDS_AUTH\]$/u);
  const empty = cli(['serve', '--host', '0.0.0.0', '--port', '0', '--auth', '--db', db]);
  expect(empty.status).toBe(2);
  expect(empty.stderr).toContain('[E_WEB_NO_USERS]');
});

test('users add keeps a scrypt hash, refuses a short password and a second account of the same name', () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-users-')), 'taizhang.sqlite');
  const short = cli(['users', 'add', '李干事', '--db', db], '1234\n');
  expect(short.status).toBe(1);
  expect(short.stderr.trim()).toMatch(/^李干事: 账号名或密码不符合要求.*\[E_WEB_BAD_USER\]$/u);
  expect(cli(['users', 'add', '王科长', '--admin', '--db', db], 'office-pass-2021\n').stdout).toContain('已添加账号 王科长（管理员）');
  const again = cli(['users', 'add', '王科长', '--db', db], 'another-pass-1\n');
  expect(again.stderr).toContain('[E_WEB_USER_EXISTS]');
  expect(cli(['users', 'add', '王科长', '--reset', '--db', db], 'another-pass-1\n').status).toBe(0);
  // a reset sets the admin flag as the command says it: without --admin the account is no longer one
  expect(cli(['users', 'list', '--db', db]).stdout.trim()).toBe('王科长');
  const book = AccountBook.open(db);
  try {
    expect(book.verify('王科长', 'another-pass-1')).toEqual({ name: '王科长', admin: false });
    expect(book.verify('王科长', 'office-pass-2021')).toBeNull();
  } finally {
    book.close();
  }
});

test('a port already taken is said in one line', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-port-')), 'taizhang.sqlite');
    const r = cli(['serve', '--port', String(port), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port}: 端口已被占用.*\\[E_WEB_PORT_IN_USE\\]$`, 'u'));
  } finally {
    blocker.close();
  }
});

test('the built server answers its pages and scripts from its own files, with a CSP', async () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'tz-static-')), 'taizhang.sqlite');
  const s = await serve(['--db', db]);
  try {
    const index = await fetch(`${s.url}/`);
    const html = await index.text();
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    // nothing is fetched from elsewhere: every src and href is a path on this server
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/gu)].map((m) => m[1]);
    expect(refs.filter((r) => !r.startsWith('/') && !r.startsWith('#'))).toEqual([]);
    for (const p of ['/app.css', '/js/main.js', '/js/register.js', '/js/compare.js', '/js/files.js', '/js/due.js', '/js/api.js', '/js/dom.js']) {
      const res = await fetch(`${s.url}${p}`);
      expect(res.status, p).toBe(200);
      const body = await res.text();
      // browser modules import only each other: no bare specifiers, no remote URLs
      for (const m of body.matchAll(/^import .* from '([^']+)';$/gmu)) expect(m[1]).toMatch(/^\.\/[a-z-]+\.js$/u);
      expect(body).not.toMatch(/https?:\/\//u);
    }
  } finally {
    await s.stop();
  }
}, 60_000);
