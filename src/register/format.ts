// How one fact reads in a register cell. Staff check the register against the document, so every
// normalized value keeps the document's own words beside it: "2020-06-30（6月底前）".
import type { Deadline, Person, Quantity, Recurrence, Unit } from '../model.js';

/** 每季度, not "quarterly": the register is read by staff, not scripts. */
export const RECURRENCE_WORDS: Readonly<Record<Recurrence, { every: string; counted: string }>> = {
  weekly: { every: '每周', counted: '周' },
  monthly: { every: '每月', counted: '个月' },
  quarterly: { every: '每季度', counted: '个季度' },
  semiannual: { every: '每半年', counted: '个半年' },
  annual: { every: '每年', counted: '年' },
};

/** "=" reads as nothing: "1200元/生/年" says it already. */
export const COMPARATOR_SIGNS: Readonly<Record<string, string>> = { '=': '', '>=': '≥', '<=': '≤', '<': '<', '>': '>' };

/** Units a count never folds into 万/亿: a percentage or a year number stays as written. */
const UNFOLDED_UNITS = new Set(['%', '‰', '年', '个月', '月', '天', '日', '个工作日', '周', '小时']);

/** Which lines of a multi-fact cell are separated by; XLSX wraps on it, Markdown turns it into <br>. */
export const CELL_LINE_BREAK = '\n';

function withWords(normalized: string, words: string): string {
  return words && words !== normalized ? `${normalized}（${words}）` : normalized;
}

export function formatRecurrence(d: Pick<Deadline, 'recurrence' | 'interval' | 'minCount'>): string {
  if (!d.recurrence) return '';
  const w = RECURRENCE_WORDS[d.recurrence];
  // 每半年 already names its period; "每2个半年" would read oddly, so the interval only counts full periods
  const every = d.interval && d.interval > 1 && d.recurrence !== 'semiannual' ? `每${d.interval}${w.counted}` : w.every;
  return d.minCount ? `${every}至少${d.minCount}次` : every;
}

/** One deadline: "2020-06-30（6月底前）", "2020-01-01起（从2020年1月1日起）", "每季度（季督查）". */
export function formatDeadline(d: Deadline): string {
  if (d.kind === 'recurring') return withWords(formatRecurrence(d) || d.text, d.text);
  if (!d.date) return d.text;
  return withWords(d.kind === 'start' ? `${d.date}起` : d.date, d.text);
}

/**
 * A start and a due date read from the same words ("9月1日至10月31日") are one range in the
 * register, not two lines repeating the same quote.
 */
export function formatDeadlines(deadlines: Deadline[]): string {
  const lines: string[] = [];
  const used = new Set<number>();
  deadlines.forEach((d, i) => {
    if (used.has(i)) return;
    const pair = d.kind === 'start' && d.date
      ? deadlines.findIndex((e, j) => j > i && !used.has(j) && e.kind === 'due' && e.date && e.text === d.text)
      : -1;
    if (pair >= 0) {
      used.add(pair);
      lines.push(withWords(`${d.date}至${deadlines[pair].date}`, d.text));
    } else {
      lines.push(formatDeadline(d));
    }
  });
  return lines.join(CELL_LINE_BREAK);
}

/** 285600 → "28.56万", 1200 → "1200": large counts read in 万 as the documents write them. */
export function formatNumber(value: number, unit: string): string {
  const plain = (n: number) => String(Number(n.toFixed(4)));
  if (UNFOLDED_UNITS.has(unit)) return plain(value);
  const abs = Math.abs(value);
  if (abs >= 1e8 && Number.isInteger(value / 1e4)) return `${plain(value / 1e8)}亿`;
  if (abs >= 1e4 && Number.isInteger(value)) return `${plain(value / 1e4)}万`;
  return plain(value);
}

/** One quantity: "≥95%", "1200元/生/年", "D级危房改造 189户", "1.5万–2万元/户". */
export function formatQuantity(q: Quantity): string {
  const per = q.per && q.per.length > 0 ? `/${q.per.join('/')}` : '';
  const amount = q.max !== undefined
    ? `${formatNumber(q.value, q.unit)}–${formatNumber(q.max, q.unit)}${q.unit}`
    : `${COMPARATOR_SIGNS[q.comparator ?? '='] ?? ''}${formatNumber(q.value, q.unit)}${q.unit}`;
  return q.subject ? `${q.subject} ${amount}${per}` : `${amount}${per}`;
}

export function formatQuantities(quantities: Quantity[]): string {
  return quantities.map(formatQuantity).join(CELL_LINE_BREAK);
}

/** "≥95%", "1200元/生/年": the number and unit alone, when the commitment's words cannot be quoted. */
export function formatAmount(q: Quantity): string {
  return formatQuantity({ ...q, subject: undefined });
}

/** What ends a commitment's words: the punctuation between clauses. */
const CLAUSE_END = /[，。；：！？,;:!?\n]/u;
const OPEN = /[（(]/u;
const CLOSE = /[）)]/u;
/** A list marker in front of a clause ("1.", "2、", "（3）", "④") is not the commitment's words. */
const LIST_MARKER = /^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/u;
/** A quote longer than this is no longer a cell's worth: the number and unit stand alone instead. */
export const QUOTE_MAX = 40;

/**
 * The clause around a span: back to the punctuation before it (or the bracket it sits in), on to the
 * punctuation after it (or the bracket that opens or closes there). A bracket opened before a comma
 * and closed inside the clause ("（普高，职高）学生给予2000元") takes the clause back to before it.
 */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let depth = 0;
  while (s > 0) {
    const c = text[s - 1];
    if (CLOSE.test(c)) depth++;
    else if (OPEN.test(c)) {
      if (depth === 0) break;
      depth--;
    } else if (CLAUSE_END.test(c) && depth === 0) break;
    s--;
  }
  let e = end;
  while (e < text.length && !CLAUSE_END.test(text[e]) && !OPEN.test(text[e]) && !CLOSE.test(text[e])) e++;
  const marker = LIST_MARKER.exec(text.slice(s, start));
  if (marker) s += marker[0].length;
  while (s < start && /\s/u.test(text[s])) s++;
  return { start: s, end: e };
}

/**
 * Where a quantity's words are in the task text: its own `where` when that points at its words, else
 * the one place the words occur (results written before quantities had a place). Nowhere: undefined.
 */
function placeIn(text: string, q: Quantity): { start: number; end: number } | undefined {
  const w = q.where;
  if (w && w.in === undefined && w.start !== undefined && w.end !== undefined && text.slice(w.start, w.end) === q.text) return { start: w.start, end: w.end };
  const at = q.text ? text.indexOf(q.text) : -1;
  if (at < 0 || text.indexOf(q.text, at + 1) >= 0) return undefined;
  return { start: at, end: at + q.text.length };
}

/**
 * The 量化指标 cell, one line per commitment in the task's own words: the whole clause that holds the
 * number ("确保产业项目收益不低于10%", "将7329名贫困人口全部纳入城乡居民基本医疗保险"). Labels guessed
 * from the text are often cut mid-phrase ("中上述情况 7329人"); a whole clause cannot be. Numbers in
 * one clause share its line. A number whose place in the text is not known, or whose clause is too
 * long for a cell, shows as number and unit alone ("≥100个").
 */
export function quantityLines(text: string, quantities: Quantity[]): string[] {
  const entries: Array<{ at: number; line: string }> = [];
  const clauses = new Map<string, { start: number; end: number; quantities: Quantity[] }>();
  for (const q of quantities) {
    const w = placeIn(text, q);
    if (!w) {
      entries.push({ at: q.where?.start ?? text.indexOf(q.text), line: formatAmount(q) });
      continue;
    }
    const c = clauseAround(text, w.start, w.end);
    const id = `${c.start}:${c.end}`;
    const clause = clauses.get(id) ?? { ...c, quantities: [] };
    clause.quantities.push(q);
    clauses.set(id, clause);
  }
  for (const c of clauses.values()) {
    if (c.end - c.start <= QUOTE_MAX) entries.push({ at: c.start, line: text.slice(c.start, c.end) });
    else for (const q of c.quantities) entries.push({ at: placeIn(text, q)!.start, line: formatAmount(q) });
  }
  const lines = entries.sort((a, b) => a.at - b.at).map((e) => e.line);
  return lines.filter((l, i) => lines.indexOf(l) === i);
}

/** "李明华（副县长）": the title says which 李明华. */
export function formatPeople(people: Person[]): string {
  return people.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、');
}

export function unitNames(units: Unit[], role: Unit['role']): string[] {
  return units.filter((u) => u.role === role).map((u) => u.name);
}

/** "qinghe-2020.pdf 第3页" then the heading path on its own line. */
export function formatSource(sourcePath: string, path: string[], page: number | undefined): string {
  const file = sourcePath.split(/[\\/]/).pop() ?? sourcePath;
  const head = page !== undefined ? `${file} 第${page}页` : file;
  return path.length > 0 ? `${head}${CELL_LINE_BREAK}${path.join(' > ')}` : head;
}
