// Legacy Word 97–2003 (.doc, OLE2 compound file) with word-extractor, which reads the
// WordDocument stream's piece table. One block per paragraph.
// word-extractor follows the file's own sector chains and piece counts: a damaged or crafted file
// loops for ever or allocates without end (random bytes behind an OLE2 signature hung past 120 s).
// So the header is checked first, and the extraction runs in a worker thread with a deadline and a
// heap ceiling (LIMITS.docMs, LIMITS.docHeapMb); a worker that passes either is ended.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Block } from '../model.js';
import { ReadFailure } from '../messages.js';
import { LIMITS } from './limits.js';
import { textToBlocks } from './text.js';

const require = createRequire(import.meta.url);

/**
 * The compound-file header ([MS-CFB] 2.2) as every writer of .doc fills it: little-endian byte
 * order mark, 512- or 4096-byte sectors (version 3 or 4), 64-byte mini sectors, and a FAT whose
 * sectors fit in the file. A file failing any of these is no .doc word-extractor can read.
 */
export function cfbHeaderProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 512) return '文件头不完整';
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(26, true);
  const byteOrder = dv.getUint16(28, true);
  const sectorShift = dv.getUint16(30, true);
  const miniShift = dv.getUint16(32, true);
  const fatSectors = dv.getUint32(44, true);
  if (byteOrder !== 0xfffe) return '字节序标记错误';
  if (!((version === 3 && sectorShift === 9) || (version === 4 && sectorShift === 12))) return '扇区大小错误';
  if (miniShift !== 6) return '小扇区大小错误';
  const sectors = Math.ceil((bytes.length - 512) / (1 << sectorShift));
  if (fatSectors === 0 || fatSectors > sectors) return '分配表大小错误';
  return null;
}

/** The worker's whole program: CommonJS, so it runs the same from src (tests) and dist. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WordExtractor = require(workerData.module);
new WordExtractor().extract(Buffer.from(workerData.bytes))
  .then((d) => parentPort.postMessage({ text: d.getBody({ filterUnicode: false }) }))
  .catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

function extractInWorker(bytes: Uint8Array, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: require.resolve('word-extractor'), bytes },
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.docHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => settle(() => reject(new ReadFailure('E_CORRUPT_DOC', `超过 ${ms / 1000} 秒`))), ms);
    worker.on('message', (m: { text?: string; error?: string }) =>
      settle(() => (typeof m.text === 'string' ? resolve(m.text) : reject(new ReadFailure('E_CORRUPT_DOC')))),
    );
    worker.on('error', () => settle(() => reject(new ReadFailure('E_CORRUPT_DOC'))));
    worker.on('exit', () => settle(() => reject(new ReadFailure('E_CORRUPT_DOC'))));
  });
}

export async function readDoc(bytes: Uint8Array, ms: number = LIMITS.docMs): Promise<Block[]> {
  const problem = cfbHeaderProblem(bytes);
  if (problem) throw new ReadFailure('E_CORRUPT_DOC', problem);
  return textToBlocks(await extractInWorker(bytes, ms));
}
