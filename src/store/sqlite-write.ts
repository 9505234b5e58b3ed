// The rows one document becomes. Called inside the store's transaction: either all of a document
// is written or none of it (a killed process leaves the store as before that document).
import type Database from 'better-sqlite3';
import type { ExtractResult, Quantity } from '../model.js';
import { peopleText, unitsText } from './identity.js';

export interface DocumentRowInfo {
  sha256: string;
  /** the document this file is a version of (identity.ts) */
  docKey: string;
  version: number;
  ingestedAt: string;
}

export interface Statements {
  document: Database.Statement;
  task: Database.Statement;
  unit: Database.Statement;
  quantity: Database.Statement;
  deadline: Database.Statement;
  warning: Database.Statement;
  fts: Database.Statement;
}

export function prepareStatements(db: Database.Database): Statements {
  return {
    document: db.prepare(`INSERT INTO documents (sha256, doc_id, source_path, format, title, doc_type, is_plan, doc_number,
      issuer, date, jurisdiction, jurisdiction_level, version, is_current, task_count, ingested_at, result_json, doc_key)
      VALUES (@sha256, @docId, @path, @format, @title, @docType, @isPlan, @docNumber, @issuer, @date, @jurisdiction,
      @level, @version, 1, @taskCount, @ingestedAt, @json, @docKey)`),
    task: db.prepare(`INSERT INTO tasks (document, seq, task_id, category, path_json, text, kind, page, leaders_json, owners_json,
      superseded, units_text, people_text) VALUES (@document, @seq, @taskId, @category, @path, @text, @kind, @page, @leaders, @owners,
      @superseded, @unitsText, @peopleText)`),
    unit: db.prepare('INSERT INTO units (task, name, role) VALUES (?, ?, ?)'),
    quantity: db.prepare(`INSERT INTO quantities (document, task, text, kind, value, max, unit, per_json, comparator, subject)
      VALUES (@document, @task, @text, @kind, @value, @max, @unit, @per, @comparator, @subject)`),
    deadline: db.prepare(`INSERT INTO deadlines (task, text, kind, date, recurrence, interval, min_count)
      VALUES (@task, @text, @kind, @date, @recurrence, @interval, @minCount)`),
    warning: db.prepare('INSERT INTO warnings (document, code, severity, message, task_id) VALUES (?, ?, ?, ?, ?)'),
    fts: db.prepare('INSERT INTO task_fts (rowid, words) VALUES (?, ?)'),
  };
}

function insertQuantity(st: Statements, document: number | bigint, task: number | bigint | null, q: Quantity): void {
  st.quantity.run({
    document, task, text: q.text, kind: q.kind, value: q.value, max: q.max ?? null, unit: q.unit,
    per: q.per && q.per.length > 0 ? JSON.stringify(q.per) : null, comparator: q.comparator ?? '=', subject: q.subject ?? null,
  });
}

/**
 * Writes every row of one document; the caller holds the transaction and has cut each task's words
 * for the index beforehand (jieba's first load takes a second, not to be spent holding the lock).
 */
export function writeDocument(st: Statements, result: ExtractResult, info: DocumentRowInfo, words: string[]): number | bigint {
  const d = result.document;
  const doc = st.document.run({
    sha256: info.sha256, docId: d.id, path: d.source.path, format: d.source.format, title: d.title, docType: d.docType,
    isPlan: d.isPlan ? 1 : 0, docNumber: d.docNumber?.text ?? null, issuer: d.issuer, date: d.date,
    jurisdiction: d.jurisdiction?.name ?? null, level: d.jurisdiction?.level ?? null, version: info.version,
    taskCount: result.tasks.length, ingestedAt: info.ingestedAt, json: JSON.stringify(result), docKey: info.docKey,
  }).lastInsertRowid;
  for (const q of d.quantities) insertQuantity(st, doc, null, q);
  result.tasks.forEach((t, seq) => {
    const task = st.task.run({
      document: doc, seq, taskId: t.id, category: t.path[0] ?? '', path: JSON.stringify(t.path), text: t.text,
      kind: t.kind ?? null, page: t.where?.page ?? null, leaders: JSON.stringify(t.leaders), owners: JSON.stringify(t.owners),
      superseded: t.superseded ? 1 : 0, unitsText: unitsText(t), peopleText: peopleText(t),
    }).lastInsertRowid;
    for (const u of t.units) st.unit.run(task, u.name, u.role);
    for (const q of t.quantities) insertQuantity(st, doc, task, q);
    for (const dl of t.deadlines) {
      st.deadline.run({
        task, text: dl.text, kind: dl.kind, date: dl.date ?? null, recurrence: dl.recurrence ?? null,
        interval: dl.interval ?? null, minCount: dl.minCount ?? null,
      });
    }
    st.fts.run(task, words[seq] ?? '');
  });
  for (const w of result.warnings) st.warning.run(doc, w.code, w.severity, w.message, w.taskId ?? null);
  return doc;
}
