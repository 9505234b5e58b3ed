// Store tests run children on our TypeScript sources directly (no build in between): these module
// hooks map the .js import suffix to the .ts file and strip types with the project's own typescript.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export const TS_CHILD_HOOKS = `
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const ts = createRequire(${JSON.stringify(join(REPO, 'package.json'))})('typescript');
export async function resolve(spec, ctx, next) {
  if (spec.endsWith('.js') && /^(\\.|\\/|file:)/.test(spec) && ctx.parentURL) {
    const url = new URL(spec.replace(/\\.js$/, '.ts'), ctx.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true, format: 'module' };
  }
  return next(spec, ctx);
}
export async function load(url, ctx, next) {
  if (!url.endsWith('.ts')) return next(url, ctx);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
`;
