// Row heights for wrapped cells. Excel and LibreOffice keep the default one-line height for rows a
// library writes, so a long 任务内容 would show (and print) only its first line. We estimate the
// lines each cell wraps to and set the height ourselves.

/** Column widths count the default font's "0"; a Chinese character is about two of those. */
export const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/u;

/** Points per text line at the 10 pt body font, and the room above and below. */
export const LINE_POINTS = 14;
export const ROW_PADDING_POINTS = 4;

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE_CHAR.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

/** Lines a cell wraps to in a column this wide; an explicit line break always starts a line. */
export function wrappedLines(text: string, columnWidth: number): number {
  const room = Math.max(columnWidth - 1, 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / room)), 0);
}

export function rowHeight(values: Array<string | number | null>, widths: number[]): number {
  const lines = Math.max(1, ...values.map((v, i) => (v === null || v === '' ? 1 : wrappedLines(String(v), widths[i] ?? 10))));
  return lines * LINE_POINTS + ROW_PADDING_POINTS;
}
