// The progress of a batch in a terminal: files done, and — once a scan is being read — the pages
// its OCR has read out of the pages to read, summed over the files read side by side (a scan's page
// takes seconds, a text file less than one, so pages are what the wait is made of). Nothing is drawn
// when stderr is not a terminal: the batch's lines are the whole report there. One file read in this
// process (extract, ingest, text: cli/ocr-options.ts) shows the same bar with its pages.

/** What a batch tells its progress. */
export interface BatchProgress {
  /** one more file finished */
  fileDone(): void;
  /** a page of file `index` read: that file's pages done and pages to read */
  page(index: number, done: number, total: number): void;
  /** print a line above the bar (or plainly when there is none) */
  log(line: string, toErr?: boolean): void;
  stop(): void;
}

/** The counts the bar shows, kept apart from the drawing so they can be tested alone. */
export class ProgressCounts {
  filesDone = 0;
  private readonly pages = new Map<number, { done: number; total: number }>();

  constructor(readonly files: number) {}

  page(index: number, done: number, total: number): void {
    const was = this.pages.get(index);
    // pages finish out of order in a pool: a file's count only goes up
    this.pages.set(index, { done: Math.max(done, was?.done ?? 0), total });
  }

  get pagesDone(): number {
    let n = 0;
    for (const p of this.pages.values()) n += p.done;
    return n;
  }

  get pagesTotal(): number {
    let n = 0;
    for (const p of this.pages.values()) n += p.total;
    return n;
  }

  /** The bar's value and total: pages once any scan is read, else files. */
  get measure(): { value: number; total: number } {
    return this.pagesTotal > 0 ? { value: this.pagesDone, total: this.pagesTotal } : { value: this.filesDone, total: this.files };
  }

  /** The words after the bar (one file read alone: its pages only). */
  label(): string {
    const files = `${this.filesDone}/${this.files} 个文件`;
    if (this.pagesTotal === 0) return files;
    const pages = `${this.pagesDone}/${this.pagesTotal} 页（文字识别）`;
    return this.files === 1 ? pages : `${pages} · ${files}`;
  }
}

/**
 * A bar on stderr when it is a terminal: drawn from the start for a long batch (8 files or more,
 * as before), else from the first page a scan's OCR reads, so a batch of text files stays one line
 * per file. `quiet` (the library use) prints nothing at all.
 */
export async function batchProgress(files: number, options: { quiet?: boolean; tty?: boolean } = {}): Promise<BatchProgress> {
  const quiet = options.quiet === true;
  const tty = !quiet && (options.tty ?? process.stderr.isTTY === true);
  const counts = new ProgressCounts(files);
  const { default: cliProgress } = tty ? await import('cli-progress') : { default: null };
  let bar: InstanceType<NonNullable<typeof cliProgress>['SingleBar']> | null = null;
  let stopped = false;

  const draw = () => {
    if (!cliProgress || stopped) return;
    const { value, total } = counts.measure;
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          hideCursor: true,
          format: (options, params) => `${cliProgress.Format.BarFormat(params.progress, options)} ${counts.label()}`,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, value);
      return;
    }
    bar.setTotal(total);
    bar.update(value);
  };
  if (tty && files >= 8) draw();

  return {
    fileDone: () => {
      counts.filesDone++;
      if (bar) draw();
    },
    page: (index, done, total) => {
      counts.page(index, done, total);
      if (tty) draw();
    },
    log: (line, toErr = false) => {
      if (quiet) return;
      if (!bar || stopped) return void (toErr ? process.stderr : process.stdout).write(line + '\n');
      // above the bar, on stderr with it, as the batch always did in a terminal
      process.stderr.write('\r\x1b[K' + line + '\n');
      (bar as { render(): void }).render();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}
