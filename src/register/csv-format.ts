// CSV as Excel users open it: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM, without which Excel
// on Chinese Windows reads the file as GBK and every column becomes mojibake. Every text cell is made
// inert first (formula injection). The register and a batch's 失败清单.csv both write through here.
import { stripXmlForbidden } from './xml-chars.js';

export const UTF8_BOM = '\uFEFF';

/**
 * First characters that make Excel (and LibreOffice) read a cell as a formula or a DDE call
 * (=HYPERLINK(…), +cmd|…, @SUM…), the full-width forms included, which some input methods turn into
 * formulas too. OWASP's advice: put a single quote in front, so the cell is text.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/u;

/** A text cell as Excel must never evaluate it: "'=1+1" shows as =1+1. */
export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. Text is made inert first. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : inertCell(stripXmlForbidden(value));
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** Rows of cells → the whole file, BOM first. */
export function csvText(rows: (string | number)[][]): string {
  return `${UTF8_BOM}${rows.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
