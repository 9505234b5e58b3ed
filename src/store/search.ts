// Words in, FTS5 query out. Task text and query are cut by the same jieba (src/segment.ts), so a
// word the user types is a token the index holds. jieba sometimes glues a longer word (危房改造)
// where the user typed part of it (危房): the prefix form ("危房"*) catches the front, and the store
// adds a plain substring pass for what remains (sqlite.ts).
import { segment } from '../segment.js';
import type { SearchHit, SearchMatch } from './store.js';

/**
 * How much of a query is used: SQLite refuses an expression of a few thousand terms ("Expression
 * tree is too large"), and nobody means 2,000 words. The rest is dropped and the CLI says so.
 */
export const SEARCH_LIMITS = { parts: 16, partChars: 64 } as const;

/** The query as searched: at most SEARCH_LIMITS.parts parts of at most partChars characters each. */
export function boundQuery(query: string): { query: string; cut: boolean } {
  const parts = query.split(/[\s\u3000]+/u).filter((p) => p.length > 0);
  const kept = parts.slice(0, SEARCH_LIMITS.parts).map((p) => Array.from(p).slice(0, SEARCH_LIMITS.partChars).join(''));
  const cut = parts.length > kept.length || kept.some((p, i) => p !== parts[i]);
  return { query: kept.join(' '), cut };
}

/** A token that is only punctuation or symbols names nothing to search for. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The words to index for one task text: jieba tokens, separated by spaces. */
export function indexWords(text: string): string {
  return segment(text).filter((t) => WORD_CHAR.test(t)).join(' ');
}

/** The parts a user typed (split on spaces), each cut into jieba tokens. */
export function queryParts(query: string): string[][] {
  return query
    .split(/[\s\u3000]+/u)
    .filter((p) => WORD_CHAR.test(p))
    .map((p) => segment(p).filter((t) => WORD_CHAR.test(t)))
    .filter((tokens) => tokens.length > 0);
}

function quote(token: string): string {
  return `"${token.replace(/"/gu, '""')}"`;
}

/**
 * Every part must match; a part of several tokens must match them in a row (a phrase), and its
 * last token may be the front of a longer indexed word (FTS5 applies * to a phrase's last token).
 * Null when nothing searchable was typed.
 */
export function ftsQuery(query: string): string | null {
  const parts = queryParts(query);
  if (parts.length === 0) return null;
  return parts.map((tokens) => `${quote(tokens.join(' '))}*`).join(' AND ');
}

/** The literal parts for the substring pass: what the user typed, split on spaces. */
export function substringParts(query: string): string[] {
  return query.split(/[\s\u3000]+/u).filter((p) => WORD_CHAR.test(p));
}

/** What a snippet may mark: the typed parts first, then their tokens (matched across punctuation). */
export function highlightParts(query: string): string[] {
  return [...substringParts(query), ...queryParts(query).flat()];
}

/** The words around the first place any part occurs, the part in 【】, cut to `radius` each side. */
export function snippet(text: string, parts: string[], radius = 24): string {
  const hits = parts
    .map((p) => ({ p, at: text.indexOf(p) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at || b.p.length - a.p.length);
  if (hits.length === 0) return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
  const { p, at } = hits[0];
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + p.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}【${p}】${text.slice(at + p.length, end)}${end < text.length ? '…' : ''}`;
}

/** A task as both backends' search queries select it. */
export interface HitRow {
  task_id: string;
  path_json: string;
  page: number | null;
  text: string;
  units_text: string;
  people_text: string;
  doc_id: string;
  sha256: string;
  title: string;
}

/** Where the typed parts were found; a task found by its index words alone matched its text. */
function matchedFields(r: HitRow, parts: string[], byIndex: boolean): SearchMatch[] {
  const names = (joined: string) => joined.split('\n').filter((n) => n && parts.some((p) => n.includes(p)));
  const out: SearchMatch[] = [];
  if (byIndex || parts.some((p) => r.text.includes(p))) out.push({ field: 'text', names: [] });
  const units = names(r.units_text);
  if (units.length > 0) out.push({ field: 'units', names: units });
  const people = names(r.people_text);
  if (people.length > 0) out.push({ field: 'people', names: people });
  return out;
}

/** One search hit from its row: the words around the first match marked, and where the typed parts matched. */
export function searchHit(r: HitRow, marks: string[], literal: string[], byIndex: boolean): SearchHit {
  return {
    docId: r.doc_id, sha256: r.sha256, title: r.title, taskId: r.task_id, path: JSON.parse(r.path_json) as string[],
    ...(r.page !== null ? { page: r.page } : {}), text: r.text, snippet: snippet(r.text, marks), matched: matchedFields(r, literal, byIndex),
  };
}
