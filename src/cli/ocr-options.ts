// --ocr for every command that reads a file (text, extract, run, ingest, register), and the page
// progress bar a scan's OCR shows in a terminal. Parsing only: the reading is src/read/ocr*.ts.
import { InvalidArgumentError, type Command } from 'commander';
import type { OcrCache, OcrMode, OcrOptions } from '../read/ocr-pages.js';
import type { BatchProgress } from '../batch-progress.js';

const MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

export function ocrModeOption(value: string): OcrMode {
  if (!(MODES as readonly string[]).includes(value)) throw new InvalidArgumentError('请写 auto（默认：只识别没有文字层的扫描页）、always（每页都识别）或 never（不识别）');
  return value as OcrMode;
}

export const OCR_HELP = '扫描件和图片的文字识别（OCR）：auto 只识别没有文字层的页面（默认），always 每页都识别，never 不识别';

export function addOcrOption(command: Command): Command {
  return command.option('--ocr <模式>', OCR_HELP, ocrModeOption, 'auto' as OcrMode);
}

/**
 * The OCR options of one file read in this process: the mode, the store as a cache when there is
 * one, and a progress bar counting pages when stderr is a terminal (started by the first page read,
 * so text files never show it).
 */
export function ocrOptions(mode: OcrMode | undefined, cache?: OcrCache): OcrOptions {
  const tty = process.stderr.isTTY === true;
  let progress: Promise<BatchProgress> | null = null;
  return {
    mode: mode ?? 'auto',
    ...(cache ? { cache } : {}),
    onPage: tty
      ? (done, total) => {
          progress ??= import('../batch-progress.js').then(({ batchProgress }) => batchProgress(1));
          void progress.then((p) => {
            p.page(0, done, total);
            if (done >= total) p.stop();
          });
        }
      : undefined,
  };
}
