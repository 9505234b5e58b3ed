// One call for every register format: the CLI and the main job choose a format and a path.
import { mkdir } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ExtractResult } from '../model.js';
import { toCsv } from './csv.js';
import type { RegisterFilter } from './filter.js';
import { toMarkdown } from './markdown.js';
import { registerRows, type RegisterRow, type RowOptions } from './rows.js';
import { cleanForWriters } from './xml-chars.js';

import { RegisterFormat } from './filter.js';

export { RegisterFormat };

export interface RegisterOptions extends RowOptions {
  format: RegisterFormat;
  out: string;
  filter?: RegisterFilter;
}

/** The JSON register: rows keyed by the Chinese column names, plus the ids that tie them back. */
export function toRegisterJson(rows: RegisterRow[]): string {
  return `${JSON.stringify(rows.map(({ leadUnits: _lead, participantUnits: _part, quote: _quote, ...row }) => row), null, 2)}\n`;
}

// exceljs loads only when an XLSX is written
const loadXlsx = () => import('./xlsx.js');

/** Writes the register and returns its rows (so a caller can say how many tasks it holds). */
export async function writeRegister(results: ExtractResult[], options: RegisterOptions): Promise<RegisterRow[]> {
  const filter = options.filter ?? {};
  const rowOptions: RowOptions = { today: options.today, tracking: options.tracking };
  if (options.format === 'xlsx') return (await loadXlsx()).writeXlsx(results, options.out, filter, rowOptions);
  // characters XML forbids are dropped in every format, so the CSV and the workbook say the same
  const clean = cleanForWriters(results);
  const rows = registerRows(clean, filter, rowOptions);
  const text = options.format === 'csv' ? toCsv(rows) : options.format === 'md' ? toMarkdown(clean, rows) : toRegisterJson(rows);
  await mkdir(dirname(options.out), { recursive: true });
  // written beside and renamed: a crash or a full disk never leaves half a register under its name
  await writeFileAtomic(options.out, text);
  return rows;
}

/** `--per-unit DIR`: one XLSX per unit; returns the files written. */
export async function writeUnitRegisters(results: ExtractResult[], dir: string, filter: RegisterFilter = {}, options: RowOptions = {}): Promise<string[]> {
  return (await loadXlsx()).writeUnitWorkbooks(results, dir, filter, options);
}

export { registerRows, registerKeys, type RegisterRow, type RowOptions } from './rows.js';
export { RegisterFilter, taskMatches, unitMatches } from './filter.js';
export { toCsv } from './csv.js';
export { toMarkdown } from './markdown.js';
