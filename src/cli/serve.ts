// taizhang serve / taizhang users: parse options, open the store and the accounts, start the web
// app (src/web/server.ts), print where to open it. Nothing else lives here.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, MESSAGES, oneTerminalLine } from '../messages.js';

const DB_HELP = '台账数据库路径（默认 .taizhang/taizhang.sqlite，也可用环境变量 TAIZHANG_DB）';
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('请给出 0 到 65535 之间的端口号');
  return n;
}

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('请给出正数（单位 MB）');
  return Math.round(n * 1024 * 1024);
}

/** Addresses only this computer can reach: anything else is the office network, where accounts are needed. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/gu, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/u.test(h) || h === '::ffff:127.0.0.1';
}

/** How the address reads in a browser. */
export function serveUrl(host: string, portNumber: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${h === '0.0.0.0' || h === '[::]' ? '本机IP地址' : h}:${portNumber}/`;
}

interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  auth?: boolean;
  maxUpload?: number;
}

/** A password read from stdin: typed without echo at a terminal, else the first line piped in. */
async function readPassword(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? muted : undefined, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) process.stderr.write(prompt);
  try {
    for await (const line of rl) return line.replace(/\r$/u, '');
    return '';
  } finally {
    rl.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
  }
}

export function addServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动台账网页（文件、台账、对照、到期提醒），在浏览器中使用')
    .option('-p, --port <端口>', `端口（默认 ${DEFAULT_PORT}）`, port, DEFAULT_PORT)
    .option('--host <地址>', `监听地址（默认 ${DEFAULT_HOST}，只有本机能打开；其他地址必须加 --auth）`, DEFAULT_HOST)
    .option('--db <路径>', DB_HELP)
    .option('--auth', '需要登录：使用 taizhang users add 添加的账号')
    .option('--max-upload <MB>', '单个上传文件的大小上限（MB，默认 50）', megabytes)
    .action(async (opts: ServeOptions) => {
      if (!isLoopback(opts.host) && !opts.auth) {
        console.error(oneTerminalLine(`taizhang serve --host ${opts.host}: ${MESSAGES.E_WEB_NEEDS_AUTH} [E_WEB_NEEDS_AUTH]`));
        process.exitCode = 2;
        return;
      }
      const { openStore, resolveDbPath } = await import('../store/index.js');
      const { AccountBook } = await import('../web/auth.js');
      const { buildServer } = await import('../web/server.js');
      const dbPath = opts.db === ':memory:' ? ':memory:' : resolveDbPath(opts.db);
      let store;
      try {
        if (dbPath !== ':memory:') mkdirSync(path.dirname(dbPath), { recursive: true });
        store = openStore(dbPath);
      } catch (e) {
        console.error(failureLine(dbPath, e).line);
        process.exitCode = 1;
        return;
      }
      const accounts = opts.auth ? (dbPath === ':memory:' ? AccountBook.inMemory() : AccountBook.open(dbPath)) : null;
      if (accounts && accounts.count() === 0) {
        console.error(oneTerminalLine(`${dbPath}: ${MESSAGES.E_WEB_NO_USERS} [E_WEB_NO_USERS]`));
        accounts.close();
        await store.close();
        process.exitCode = 2;
        return;
      }
      const uploadDir = dbPath === ':memory:' ? path.join(tmpdir(), 'taizhang-uploads') : path.join(path.dirname(dbPath), 'uploads');
      const app = await buildServer({ store, accounts, uploadDir, maxUploadBytes: opts.maxUpload });
      try {
        await app.listen({ port: opts.port, host: opts.host });
      } catch (e) {
        const code = (e as { code?: string }).code;
        console.error(oneTerminalLine(code === 'EADDRINUSE' ? `${opts.host}:${opts.port}: ${MESSAGES.E_WEB_PORT_IN_USE} [E_WEB_PORT_IN_USE]` : failureLine(`${opts.host}:${opts.port}`, e).line));
        await app.close();
        await store.close();
        process.exitCode = 1;
        return;
      }
      const address = app.server.address();
      const actual = typeof address === 'object' && address ? address.port : opts.port;
      console.log(`台账网页已启动：${serveUrl(opts.host, actual)}（在浏览器中打开；${opts.auth ? '需要登录；' : ''}按 Ctrl+C 停止）`);
      const stop = async () => {
        await app.close();
        await store.close();
        accounts?.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  const users = program.command('users').description('管理网页登录账号（taizhang serve --auth 使用）');
  users
    .command('add')
    .description('添加账号（密码从终端输入，或从标准输入读一行）')
    .argument('<账号名>', '账号名，1 到 32 个字')
    .option('--admin', '管理员（可以在网页上添加账号）')
    .option('--reset', '账号已存在时重设密码（是否为管理员按本次是否加 --admin）')
    .option('--db <路径>', DB_HELP)
    .action(async (name: string, opts: { admin?: boolean; reset?: boolean; db?: string }) => {
      const { resolveDbPath, openStore } = await import('../store/index.js');
      const { AccountBook } = await import('../web/auth.js');
      const dbPath = resolveDbPath(opts.db);
      try {
        mkdirSync(path.dirname(dbPath), { recursive: true });
        // the store's own migrations run first, so the file is a taizhang store before it holds accounts
        await openStore(dbPath).close();
        const password = await readPassword('请输入密码（至少 8 位）：');
        const book = AccountBook.open(dbPath);
        try {
          book.add(name, password, { admin: opts.admin, reset: opts.reset });
        } finally {
          book.close();
        }
        console.log(oneTerminalLine(`已添加账号 ${name}${opts.admin ? '（管理员）' : ''}：${dbPath}`));
      } catch (e) {
        console.error(failureLine(name, e).line);
        process.exitCode = 1;
      }
    });
  users
    .command('list')
    .description('列出账号')
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { db?: string }) => {
      const { resolveDbPath } = await import('../store/index.js');
      const { AccountBook } = await import('../web/auth.js');
      const book = AccountBook.open(resolveDbPath(opts.db));
      for (const a of book.list()) console.log(oneTerminalLine(`${a.name}${a.admin ? '\t管理员' : ''}`));
      book.close();
    });
}
