// npm run bench: read + normalize throughput over the corpus PDFs, repeated to a few hundred pages
// with both cores, next to pdftotext on the same files in the same run; then the start-up time of
// one `taizhang extract`. Figures go to BENCHMARKS.md by hand, as measured.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readMany } from '../src/batch.js';
import { hasPdftotext, pdftotextRate, PDFS, REPEAT, ROOT } from './bench-files.js';

async function main(): Promise<void> {
  const files = Array.from({ length: REPEAT }, () => PDFS).flat();
  const cores = availableParallelism();
  console.log(`corpus: ${PDFS.length} PDFs × ${REPEAT} = ${files.length} files, ${cores} cores`);

  // warm-up: load pdf.js and the CMaps once in every worker
  await readMany(PDFS.slice(0, 1), { workers: cores });

  for (const workers of [1, cores]) {
    const t0 = performance.now();
    const outcomes = await readMany(files, { workers });
    const ms = performance.now() - t0;
    const pages = outcomes.reduce((s, o) => s + (o.ok ? o.pages : 0), 0);
    const failed = outcomes.filter((o) => !o.ok).length;
    console.log(`taizhang read+normalize, ${workers} worker(s): ${pages} pages in ${(ms / 1000).toFixed(2)} s = ${(pages / (ms / 1000)).toFixed(0)} pages/s${failed ? ` (${failed} failed)` : ''}`);
  }

  if (hasPdftotext()) {
    const pages = (await readMany(PDFS, { workers: cores })).reduce((s, o) => s + (o.ok ? o.pages : 0), 0) * REPEAT;
    for (const parallel of [1, cores]) {
      const ms = await pdftotextRate(files, parallel);
      console.log(`pdftotext, ${parallel} process(es) at a time: ${pages} pages in ${(ms / 1000).toFixed(2)} s = ${(pages / (ms / 1000)).toFixed(0)} pages/s`);
    }
  } else {
    console.log('pdftotext: not installed (apt-get install poppler-utils) — no comparison this run');
  }

  const cli = path.join(ROOT, 'dist', 'src', 'cli.js');
  const one = path.join(ROOT, 'corpus', 'xinbin-2018.pdf');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'extract', one], { stdio: ['ignore', 'ignore', 'inherit'] });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`start-up: taizhang extract xinbin-2018.pdf (9 pages), 5 runs: median ${(runs[2] / 1000).toFixed(2)} s, best ${(runs[0] / 1000).toFixed(2)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
