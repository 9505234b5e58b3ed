// One way for tests to run taizhang's commander commands in-process: console (and, when asked, raw
// stdout) captured, process.exitCode read and reset, every spy restored afterwards.
import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runCommands(register: (program: Command) => void, args: string[], options: { stdout?: boolean } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  if (options.stdout) vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const program = new Command().exitOverride();
  register(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'taizhang', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}
