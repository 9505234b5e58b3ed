// The per-file budgets of a batch, named once: the pool enforces them, the CLI shows them in its help.
/** The budgets of one file, named once here: past either, the worker is replaced and the file fails. */
export const FILE_BUDGET = {
  /** seconds one file may take, read to result */
  timeoutSeconds: 120,
  /**
   * V8 old-space heap of one worker. pdf.js and the extractors keep their data there; with the
   * young space and the buffers outside the heap a worker stays under 1.5 GB (BENCHMARKS.md).
   */
  maxOldGenerationSizeMb: 1024,
  maxYoungGenerationSizeMb: 64,
} as const;

