// search over the SQLite store: the FTS index of jieba words for the task text, then a substring
// pass over text, units and people of current documents; each hit says where it matched.
import type Database from 'better-sqlite3';
import { ftsQuery, highlightParts, searchHit, substringParts, type HitRow } from './search.js';
import type { SearchHit } from './store.js';



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
    return searchHit(detail.get(id) as HitRow, marks, literal, byIndex.has(id));
  });
}
