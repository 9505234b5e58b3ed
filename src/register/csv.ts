// CSV for Excel users: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM, without which Excel on
// Chinese Windows reads the file as GBK and every column becomes mojibake.
import { registerHeader, rowCells, type RegisterRow } from './rows.js';

export const UTF8_BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv(rows: RegisterRow[]): string {
  const lines = [registerHeader(), ...rows.map(rowCells)].map((cells) => cells.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
