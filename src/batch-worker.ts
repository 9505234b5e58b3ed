// One worker thread of the batch pool: extract the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { extractFile, type ExtractOptions } from './pipeline.js';

parentPort?.on('message', async (job: { id: number; file: string; options: ExtractOptions }) => {
  const outcome = await extractFile(job.file, job.options);
  parentPort?.postMessage({ id: job.id, outcome });
});
