// Shared by the batch tests: the built CLI (npm test builds it first) and small generated notices.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function taizhang(args: string[], env: Record<string, string> = {}, timeoutMs = 90_000, cwd = ROOT): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

export function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `tz-${prefix}-`));
}

const TOPICS = ['防汛抗旱', '危房改造', '义务教育', '就业帮扶', '秸秆禁烧', '食品安全', '医疗保障', '乡村振兴', '安全生产', '文物保护'];
const UNITS = ['县水利局', '县住建局', '县教育局', '县人社局', '县生态环境局', '县市场监管局', '县医保局', '县农业农村局', '县应急管理局', '县文旅局'];

/** A short notice with one task, different for every n (so no two share their bytes). */
export function notice(n: number): string {
  const t = TOPICS[n % TOPICS.length];
  return `关于做好${t}工作的通知（第${n}号）\n各乡镇人民政府，县直各部门：\n一、${UNITS[n % UNITS.length]}要在${(n % 12) + 1}月底前完成${t}检查${n + 3}处。\n县人民政府办公室\n2021年3月${(n % 28) + 1}日\n`;
}

export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    await mkdir(path.dirname(p), { recursive: true });
    await writeFile(p, content);
    out.push(p);
  }
  return out;
}

/** A short 实施方案 (a plan: it gets a register), different for every n. */
export function plan(n: number): string {
  const t = TOPICS[n % TOPICS.length];
  return `清河县${t}工作实施方案\n为做好${t}工作，制定本方案。\n一、工作任务\n（一）${UNITS[n % UNITS.length]}要在5月底前完成${t}检查${n + 10}处。\n（二）${UNITS[(n + 1) % UNITS.length]}要在6月底前完成整改。\n清河县人民政府办公室\n2021年3月1日\n`;
}
