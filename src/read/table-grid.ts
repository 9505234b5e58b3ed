// An HTML table (a web page's, or mammoth's from a DOCX) → rows of cells as the eye reads them.
// A cell merged down (rowspan) stands in every row it covers, so the cells after it stay under
// their own header: without this a row under a merged 序号 or 工作事项 cell shifts left, and its
// 牵头单位 cell is read as the task text. A cell merged across (colspan) is one cell; the columns
// it covers stay empty.
import type { Block } from '../model.js';

export interface GridRow {
  cells: string[];
  /** the first cell is merged with the row above (one row of the table over several grid rows) */
  join: boolean;
}

const cellText = (el: Element) => (el.textContent ?? '').replace(/\s+/gu, ' ').trim();

/** The table's own rows, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  return (Array.from(table.querySelectorAll('tr')) as Element[]).filter((tr) => tr.closest('table') === table);
}

const span = (el: Element, attr: string) => Math.min(Math.max(1, Number.parseInt(el.getAttribute(attr) ?? '1', 10) || 1), 1000);

export function tableGrid(table: Element): GridRow[] {
  const out: GridRow[] = [];
  // per column: the text a rowspan carries down and how many rows it still covers
  const carry: { text: string; left: number }[] = [];
  for (const tr of ownRows(table)) {
    const cells: string[] = [];
    let join = false;
    const tds = (Array.from(tr.children) as Element[]).filter((c) => /^(td|th)$/iu.test(c.tagName));
    let col = 0;
    const fillCarried = () => {
      while (carry[col]?.left > 0) {
        cells[col] = carry[col].text;
        carry[col].left--;
        if (col === 0) join = true;
        col++;
      }
    };
    for (const td of tds) {
      fillCarried();
      const text = cellText(td);
      const rows = span(td, 'rowspan');
      const cols = span(td, 'colspan');
      for (let k = 0; k < cols; k++) {
        cells[col + k] = k === 0 ? text : '';
        if (rows > 1) carry[col + k] = { text: k === 0 ? text : '', left: rows - 1 };
      }
      col += cols;
    }
    fillCarried();
    for (let k = 0; k < cells.length; k++) cells[k] ??= '';
    out.push({ cells, join });
  }
  return out;
}

/** Table blocks as every reader gives them: cells apart by tabs, a merged first cell marked. */
export function tableBlocks(table: Element): Block[] {
  return tableGrid(table)
    .filter((r) => r.cells.some((c) => c))
    .map((r) => ({ text: r.cells.join('\t'), style: { table: true, ...(r.join ? { rowJoin: true } : {}) } }));
}
