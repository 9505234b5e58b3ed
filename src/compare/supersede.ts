// Which documents no longer hold. Explicitly: a document names the ones it replaces ("…同时废止",
// "以本实施意见为准"), resolved here by 发文字号 or title. Implicitly: a newer document of the same
// issuer, type and title stem (next year's 实施方案) replaces the older. The store marks the tasks;
// this file only says which.
import type { DocType, ExtractResult, Supersedes } from '../model.js';
import { REASONS } from './reasons.js';
import type { Finding } from './schema.js';

export interface Supersession {
  older: string;
  newer: string;
  scope: Supersedes['scope'];
  basis: 'explicit' | 'implicit';
  /** the words the decision rests on: the clause, or the shared issuer and title stem */
  evidence: string;
  /** tasks of the older document that no longer hold */
  taskIds: string[];
}

/** Series and reports are not rules: issue 25 of a bulletin does not replace issue 24. */
const NOT_REPLACED_BY_SUCCESSOR: ReadonlySet<DocType> = new Set(['快报', '通报', '报告', '纪要', '函']);

const COMPACT = /[\s《》〈〉“”"'‘’]/gu;

// Years, year ranges and the drafting status change from one edition to the next; the stem is what stays.
const EDITION_MARKS = [
  /(?:19|20)\d{2}\s*(?:年\s*)?[-—–~～至到]\s*(?:19|20)?\d{2,4}\s*年度?/gu,
  /(?:19|20)\d{2}\s*年度?/gu,
  /[（(](?:试行|暂行|修订|修订稿|征求意见稿|送审稿)[)）]/gu,
];
// A 印发 wrapper names the document it carries: the stem is that document's title.
const PRINTING_WRAPPER = /^关于印发(.+)的通知$/u;

export function titleStem(title: string): string {
  let t = title.replace(COMPACT, '').replace(PRINTING_WRAPPER, '$1');
  for (const re of EDITION_MARKS) t = t.replace(re, '');
  return t;
}

function compactCode(code: string): string {
  return code.replace(/\s+/gu, '');
}

function matchesClause(target: ExtractResult, s: Supersedes): boolean {
  const n = target.document.docNumber;
  if (s.issuerCode !== undefined && s.year !== undefined && s.serial !== undefined) {
    return !!n && compactCode(n.issuerCode) === compactCode(s.issuerCode) && n.year === s.year && n.serial === s.serial;
  }
  if (s.title) {
    const want = s.title.replace(COMPACT, '');
    const have = target.document.title.replace(COMPACT, '');
    return want.length > 0 && (have === want || have.endsWith(want) || want.endsWith(have));
  }
  return false;
}

/** Which of two same-series documents is newer: the later date, then the higher serial number of the same year. */
function newerOf(x: ExtractResult, y: ExtractResult): ExtractResult | null {
  if (x.document.date !== y.document.date) return x.document.date > y.document.date ? x : y;
  const nx = x.document.docNumber;
  const ny = y.document.docNumber;
  if (nx && ny && nx.year === ny.year && nx.serial !== ny.serial) return nx.serial > ny.serial ? x : y;
  return null;
}

export interface SupersedeOptions {
  /** for "以本…为准" clauses: the older tasks that disagree with the newer document */
  inconsistentTasks?: (older: ExtractResult, newer: ExtractResult) => string[];
}

export function findSupersessions(docs: ExtractResult[], options: SupersedeOptions = {}): Supersession[] {
  const out = new Map<string, Supersession>();
  const add = (older: ExtractResult, newer: ExtractResult, scope: Supersedes['scope'], basis: Supersession['basis'], evidence: string) => {
    const key = `${older.document.id}\u0000${newer.document.id}`;
    if (older.document.id === newer.document.id || out.has(key)) return;
    const taskIds =
      scope === 'whole' ? older.tasks.map((t) => t.id) : (options.inconsistentTasks?.(older, newer) ?? []);
    out.set(key, { older: older.document.id, newer: newer.document.id, scope, basis, evidence, taskIds });
  };

  // Explicit clauses first: they carry the scope the issuer chose.
  for (const newer of docs) {
    for (const s of newer.document.supersedes) {
      for (const older of docs) if (older !== newer && matchesClause(older, s)) add(older, newer, s.scope, 'explicit', s.evidence);
    }
  }

  const series = new Map<string, ExtractResult[]>();
  for (const d of docs) {
    if (NOT_REPLACED_BY_SUCCESSOR.has(d.document.docType)) continue;
    const stem = titleStem(d.document.title);
    if (!stem || !d.document.issuer) continue;
    const key = [d.document.issuer.replace(COMPACT, ''), d.document.docType, stem].join('\u0000');
    const list = series.get(key);
    if (list) list.push(d);
    else series.set(key, [d]);
  }
  for (const list of series.values()) {
    if (list.length < 2) continue;
    // The newest edition replaces every older one.
    let newest = list[0];
    for (const d of list.slice(1)) newest = newerOf(newest, d) === d ? d : newest;
    for (const d of list) {
      if (d === newest || newerOf(d, newest) !== newest) continue;
      const evidence = `同一发文机关（${newest.document.issuer}）、同类文件（${newest.document.docType}）、标题主干相同（${titleStem(newest.document.title)}），发文日期更晚`;
      add(d, newest, 'whole', 'implicit', evidence);
    }
  }
  return [...out.values()];
}

/** The finding a supersession shows as: a is the older document, b the newer with the clause or reason. */
export function supersessionFinding(s: Supersession, older: ExtractResult, newer: ExtractResult): Finding {
  const n = newer.document.docNumber;
  const basis =
    s.basis === 'explicit'
      ? s.scope === 'whole'
        ? `${n ? `${n.text}` : '新文件'}明文废止`
        : `${n ? `${n.text}` : '新文件'}规定不一致之处以新文件为准，涉及${s.taskIds.length}项任务`
      : '同一发文机关同类文件的新版本';
  return {
    type: 'superseded',
    a: { docId: older.document.id, taskId: older.document.id, text: older.document.title, path: [] },
    b: { docId: newer.document.id, taskId: newer.document.id, text: s.evidence, path: [] },
    reason: REASONS.superseded(older.document.title, newer.document.title, basis),
  };
}
