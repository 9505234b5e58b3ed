// A register for quick reading in a terminal or a wiki: one section per document, one table of its
// tasks. A non-plan (快报) is listed with a note so the reader knows it was looked at.
import type { ExtractResult } from '../model.js';
import { CELL_LINE_BREAK } from './format.js';
import { isTaskSource, REGISTER_COLUMNS, type RegisterRow } from './rows.js';
import { stripXmlForbidden } from './xml-chars.js';

/**
 * What a notice's text must not become in Markdown: raw HTML (<script>, <img onerror=…>) and
 * entities (& → &amp;), code spans (`), links ([…](javascript:…)), or a split cell (|). A lone > can
 * open no tag and starts no quote inside a cell, so "二、重点任务 > （二）…" stays readable.
 */
const MARKDOWN_ESCAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\\/gu, '\\\\'],
  [/&/gu, '&amp;'],
  [/</gu, '&lt;'],
  [/\|/gu, '\\|'],
  [/`/gu, '\\`'],
  [/\[/gu, '\\['],
  [/\]/gu, '\\]'],
];

/** A cell must stay on one table line and render as the text it is: a line break becomes <br>. */
export function markdownCell(value: string | number): string {
  const escaped = MARKDOWN_ESCAPES.reduce((s, [re, to]) => s.replace(re, to), stripXmlForbidden(String(value)));
  return escaped.split(CELL_LINE_BREAK).join('<br>').replace(/\r/gu, '');
}

function tableLine(cells: Array<string | number>): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

function documentLine(result: ExtractResult): string {
  const d = result.document;
  const parts = [d.docNumber?.text, d.issuer, d.date].filter((p): p is string => Boolean(p));
  return parts.join(' · ');
}

/**
 * The columns a reader sees: the key is for machines, and the columns a unit fills in show only
 * once something is filled in (a register straight from a notice would carry seven empty columns).
 */
function markdownColumns(rows: RegisterRow[]): typeof REGISTER_COLUMNS {
  return REGISTER_COLUMNS.filter((c) => !c.hidden && (!c.tracking || rows.some((r) => r[c.key] !== '')));
}

export function toMarkdown(results: ExtractResult[], rows: RegisterRow[]): string {
  const columns = markdownColumns(rows);
  const header = columns.map((c) => c.key);
  const out: string[] = ['# 任务台账', ''];
  for (const result of results) {
    const d = result.document;
    out.push(`## ${markdownCell(d.title || d.id)}`, '', markdownCell(documentLine(result)), '');
    if (!isTaskSource(result)) {
      out.push(`（${d.docType}，不是任务来源，未列任务）`, '');
      continue;
    }
    const own = rows.filter((r) => r.docId === d.id);
    if (own.length === 0) {
      out.push('（没有符合条件的任务）', '');
      continue;
    }
    out.push(tableLine(header), `|${header.map(() => ' --- ').join('|')}|`);
    for (const row of own) out.push(tableLine(columns.map((c) => row[c.key])));
    out.push('');
  }
  return out.join('\n');
}
