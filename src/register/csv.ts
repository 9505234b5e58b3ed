// The register as CSV (src/register/csv-format.ts: quoting, BOM, inert cells).
import { registerHeader, rowCells, type RegisterRow } from './rows.js';
import { csvText } from './csv-format.js';

export { csvField, inertCell } from './csv-format.js';

export function toCsv(rows: RegisterRow[]): string {
  return csvText([registerHeader(), ...rows.map(rowCells)]);
}
