// search over the SQLite store: the FTS index of jieba words for the task text, then a substring
// pass over text, units and people of current documents; each hit says where it matched.
import type Database from 'better-sqlite3';
import { ftsQuery, highlightParts, snippet, substringParts } from './search.js';
import type { SearchHit, SearchMatch } from './store.js';

interface HitRow {
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

export function searchTasks(db: Database.Database, query: string, limit: number): SearchHit[] {
  const fts = ftsQuery(query);
  const literal = substringParts(query);
  if (!fts || literal.length === 0) return [];
  const ids = (db.prepare(`SELECT t.id FROM task_fts JOIN tasks t ON t.id = task_fts.rowid
    JOIN documents d ON d.id = t.document WHERE task_fts MATCH ? AND d.is_current = 1
    ORDER BY bm25(task_fts), t.id LIMIT ?`).all(fts, limit) as { id: number }[]).map((r) => r.id);
  const byIndex = new Set(ids);
  // jieba may have glued the typed word into a longer one (危房 inside 危房改造): a substring pass
  // finds those; it also looks in the units and people, so 教育局 finds the tasks 县教育局 leads
  const anyField = literal.map(() => '(instr(t.text, ?) > 0 OR instr(t.units_text, ?) > 0 OR instr(t.people_text, ?) > 0)').join(' AND ');
  const more = db.prepare(`SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document
    WHERE d.is_current = 1 AND ${anyField} ORDER BY t.id LIMIT ?`).all(...literal.flatMap((p) => [p, p, p]), limit) as { id: number }[];
  for (const { id } of more) if (!ids.includes(id)) ids.push(id);
  const detail = db.prepare(`SELECT t.task_id, t.path_json, t.page, t.text, t.units_text, t.people_text, d.doc_id, d.sha256, d.title
    FROM tasks t JOIN documents d ON d.id = t.document WHERE t.id = ?`);
  const marks = highlightParts(query);
  return ids.slice(0, limit).map((id) => {
    const r = detail.get(id) as HitRow;
    return {
      docId: r.doc_id, sha256: r.sha256, title: r.title, taskId: r.task_id, path: JSON.parse(r.path_json) as string[],
      ...(r.page !== null ? { page: r.page } : {}), text: r.text, snippet: snippet(r.text, marks), matched: matchedFields(r, literal, byIndex.has(id)),
    };
  });
}
