// The file set and the pdftotext baseline shared by the benchmarks (bench.ts, bench-pipeline.ts):
// the five corpus PDFs, repeated BENCH_REPEAT times, and pdftotext run on the same files.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PDFS = ['benxi-2020', 'xinbin-2018', 'dongzhou-2020', 'kuaibao-2019', 'liaoning-2019-opinion'].map((d) => path.join(ROOT, 'corpus', `${d}.pdf`));
export const REPEAT = Number(process.env.BENCH_REPEAT ?? 8);
const run = promisify(execFile);

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v']).status === 0;
}

/** Milliseconds for pdftotext over the files, `parallel` processes at a time. */
export async function pdftotextRate(files: string[], parallel: number): Promise<number> {
  const t0 = performance.now();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        await run('pdftotext', ['-q', f, '-'], { maxBuffer: 64 * 1024 * 1024 });
      }
    }),
  );
  return performance.now() - t0;
}
