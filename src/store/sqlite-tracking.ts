// The living 台账 in SQLite: one state row per tracked key, an append-only event per changed field,
// conflicts between returned workbooks, proposed text corrections, carried keys and report times
// (migration 4). Each change is one IMMEDIATE transaction: the state and its events land together.
import type Database from 'better-sqlite3';
import {
  TrackingUpdateSchema,
  type ChangeMeta,
  type TaskStatus,
  type TextProposal,
  type TrackingConflict,
  type TrackingEvent,
  type TrackingState,
  type TrackingUpdate,
} from './tracking.js';
import { applyUpdate, blankState, updateOf } from './tracking-state.js';

export { applyUpdate, blankState, fieldValue, updateOf } from './tracking-state.js';

export const TRACKING_SQL = `
  -- one row per tracked key (a task id, or <task id>@<date>); doc_key keeps the document it belongs to across versions
  CREATE TABLE tracking_state (
    key TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '未开始',
    progress_json TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    evidence_json TEXT NOT NULL DEFAULT '[]',
    supervised INTEGER NOT NULL DEFAULT 0,
    responsible TEXT,
    updated_at TEXT,
    updated_by TEXT
  );
  CREATE INDEX tracking_state_doc ON tracking_state(doc_key);
  -- append-only: never updated, never deleted
  CREATE TABLE tracking_events (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    before TEXT,
    after TEXT,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    source_ref TEXT
  );
  CREATE INDEX tracking_events_key ON tracking_events(key, id);
  CREATE INDEX tracking_events_at ON tracking_events(at);
  CREATE TABLE tracking_conflicts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    kept TEXT,
    kept_by TEXT,
    kept_ref TEXT,
    offered TEXT,
    offered_by TEXT NOT NULL,
    offered_ref TEXT,
    at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT
  );
  CREATE UNIQUE INDEX tracking_conflicts_offer ON tracking_conflicts(key, field, ifnull(offered, ''), offered_by);
  CREATE TABLE tracking_proposals (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    task_id TEXT NOT NULL,
    original TEXT NOT NULL,
    proposed TEXT NOT NULL,
    by TEXT NOT NULL,
    source_ref TEXT,
    at TEXT NOT NULL,
    UNIQUE (key, proposed, by)
  );
  CREATE TABLE tracking_moves (from_key TEXT NOT NULL, to_key TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (from_key, to_key));
  CREATE TABLE tracking_reports (id INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL);
`;

interface StateRow {
  key: string;
  status: string;
  progress_json: string;
  problems: string;
  next_steps: string;
  completed_on: string | null;
  evidence_json: string;
  supervised: number;
  responsible: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

interface EventRow {
  key: string;
  field: string;
  before: string | null;
  after: string | null;
  by: string;
  at: string;
  source: string;
  source_ref: string | null;
}

interface ConflictRow {
  id: number;
  key: string;
  field: string;
  kept: string | null;
  kept_by: string | null;
  kept_ref: string | null;
  offered: string | null;
  offered_by: string;
  offered_ref: string | null;
  at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

function toState(r: StateRow): TrackingState {
  return {
    key: r.key, status: r.status as TaskStatus, progress: JSON.parse(r.progress_json), problems: r.problems, nextSteps: r.next_steps,
    ...(r.completed_on ? { completedOn: r.completed_on } : {}), evidence: JSON.parse(r.evidence_json), supervised: r.supervised === 1,
    ...(r.responsible ? { responsible: r.responsible } : {}), ...(r.updated_at ? { updatedAt: r.updated_at } : {}), ...(r.updated_by ? { updatedBy: r.updated_by } : {}),
  };
}

function toEvent(r: EventRow): TrackingEvent {
  return {
    key: r.key, field: r.field as keyof TrackingUpdate, before: r.before, after: r.after, by: r.by, at: r.at,
    source: r.source as TrackingEvent['source'], ...(r.source_ref ? { sourceRef: r.source_ref } : {}),
  };
}

function toConflict(r: ConflictRow): TrackingConflict {
  return {
    id: r.id, key: r.key, field: r.field as keyof TrackingUpdate, kept: r.kept, ...(r.kept_by ? { keptBy: r.kept_by } : {}),
    ...(r.kept_ref ? { keptRef: r.kept_ref } : {}), offered: r.offered, offeredBy: r.offered_by, ...(r.offered_ref ? { offeredRef: r.offered_ref } : {}),
    at: r.at, ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}), ...(r.resolved_by ? { resolvedBy: r.resolved_by } : {}),
  };
}

export class SqliteTracking {
  constructor(private readonly db: () => Database.Database) {}

  private stateRow(key: string): StateRow | undefined {
    return this.db().prepare('SELECT * FROM tracking_state WHERE key = ?').get(key) as StateRow | undefined;
  }

  tracking(keys: string[]): Map<string, TrackingState> {
    const get = this.db().prepare('SELECT * FROM tracking_state WHERE key = ?');
    const out = new Map<string, TrackingState>();
    for (const key of new Set(keys)) {
      const r = get.get(key) as StateRow | undefined;
      if (r) out.set(key, toState(r));
    }
    return out;
  }

  /** Every key with a recorded state (the report counts them). */
  allStates(): TrackingState[] {
    return (this.db().prepare('SELECT * FROM tracking_state ORDER BY key').all() as StateRow[]).map(toState);
  }

  updateTracking(key: string, raw: TrackingUpdate, meta: ChangeMeta): TrackingEvent[] {
    const update = TrackingUpdateSchema.parse(raw);
    const at = meta.at ?? new Date().toISOString();
    const db = this.db();
    return db.transaction((): TrackingEvent[] => {
      const row = this.stateRow(key);
      const state = row ? toState(row) : blankState(key);
      const events = applyUpdate(state, update, { ...meta, at });
      if (!events.length) return [];
      const docKey = row ? undefined : this.docKeyOf(key);
      db.prepare(`INSERT INTO tracking_state (key, doc_key, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by)
        VALUES (@key, @docKey, @status, @progress, @problems, @nextSteps, @completedOn, @evidence, @supervised, @responsible, @at, @by)
        ON CONFLICT (key) DO UPDATE SET status = @status, progress_json = @progress, problems = @problems, next_steps = @nextSteps,
          completed_on = @completedOn, evidence_json = @evidence, supervised = @supervised, responsible = @responsible, updated_at = @at, updated_by = @by`).run({
        key, docKey: docKey ?? '', status: state.status, progress: JSON.stringify(state.progress), problems: state.problems, nextSteps: state.nextSteps,
        completedOn: state.completedOn ?? null, evidence: JSON.stringify(state.evidence), supervised: state.supervised ? 1 : 0,
        responsible: state.responsible ?? null, at, by: meta.by,
      });
      this.insertEvents(events);
      return events;
    }).immediate();
  }

  private insertEvents(events: TrackingEvent[]): void {
    const insert = this.db().prepare(`INSERT INTO tracking_events (key, field, before, after, by, at, source, source_ref)
      VALUES (@key, @field, @before, @after, @by, @at, @source, @sourceRef)`);
    for (const e of events) insert.run({ ...e, sourceRef: e.sourceRef ?? null });
  }

  /** The document a key's task belongs to (its doc_key, the same across versions); '' when unknown. */
  private docKeyOf(key: string): string {
    const taskId = key.replace(/@\d{4}-\d{2}-\d{2}$/u, '');
    const r = this.db().prepare(`SELECT d.doc_key FROM tasks t JOIN documents d ON d.id = t.document WHERE t.task_id = ?
      ORDER BY d.is_current DESC, d.id DESC LIMIT 1`).get(taskId) as { doc_key: string } | undefined;
    return r?.doc_key ?? '';
  }

  history(key: string): TrackingEvent[] {
    return (this.db().prepare('SELECT * FROM tracking_events WHERE key = ? ORDER BY id').all(key) as EventRow[]).map(toEvent);
  }

  changesSince(at: string): TrackingEvent[] {
    return (this.db().prepare('SELECT * FROM tracking_events WHERE at >= ? ORDER BY id').all(at) as EventRow[]).map(toEvent);
  }

  recordConflict(c: Omit<TrackingConflict, 'id' | 'resolvedAt' | 'resolvedBy'>): boolean {
    const info = this.db().prepare(`INSERT OR IGNORE INTO tracking_conflicts (key, field, kept, kept_by, kept_ref, offered, offered_by, offered_ref, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.key, c.field, c.kept, c.keptBy ?? null, c.keptRef ?? null, c.offered, c.offeredBy, c.offeredRef ?? null, c.at);
    return info.changes > 0;
  }

  conflicts(all = false): TrackingConflict[] {
    const where = all ? '' : 'WHERE resolved_at IS NULL';
    return (this.db().prepare(`SELECT * FROM tracking_conflicts ${where} ORDER BY id`).all() as ConflictRow[]).map(toConflict);
  }

  resolveConflict(id: number, take: 'kept' | 'offered', meta: ChangeMeta): TrackingEvent[] | null {
    const r = this.db().prepare('SELECT * FROM tracking_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as ConflictRow | undefined;
    if (!r) return null;
    const at = meta.at ?? new Date().toISOString();
    const events = take === 'offered' ? this.updateTracking(r.key, updateOf(r.field as keyof TrackingUpdate, r.offered), { ...meta, at }) : [];
    this.db().prepare('UPDATE tracking_conflicts SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(at, meta.by, id);
    return events;
  }

  proposeText(p: TextProposal): boolean {
    return this.db().prepare(`INSERT OR IGNORE INTO tracking_proposals (key, task_id, original, proposed, by, source_ref, at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(p.key, p.taskId, p.original, p.proposed, p.by, p.sourceRef ?? null, p.at).changes > 0;
  }

  proposals(): TextProposal[] {
    const rows = this.db().prepare('SELECT * FROM tracking_proposals ORDER BY id').all() as Array<{ key: string; task_id: string; original: string; proposed: string; by: string; source_ref: string | null; at: string }>;
    return rows.map((r) => ({ key: r.key, taskId: r.task_id, original: r.original, proposed: r.proposed, by: r.by, ...(r.source_ref ? { sourceRef: r.source_ref } : {}), at: r.at }));
  }

  carryTracking(moves: Array<{ from: string; to: string }>): number {
    const db = this.db();
    const at = new Date().toISOString();
    return db.transaction((): number => {
      let n = 0;
      for (const { from, to } of moves) {
        if (from === to || !this.stateRow(from) || this.stateRow(to)) continue;
        const docKey = this.docKeyOf(to);
        db.prepare(`INSERT INTO tracking_state (key, doc_key, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by)
          SELECT ?, CASE WHEN ? = '' THEN doc_key ELSE ? END, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by
          FROM tracking_state WHERE key = ?`).run(to, docKey, docKey, from);
        // the history travels with the state, oldest first, as it was recorded
        db.prepare(`INSERT INTO tracking_events (key, field, before, after, by, at, source, source_ref)
          SELECT ?, field, before, after, by, at, source, source_ref FROM tracking_events WHERE key = ? ORDER BY id`).run(to, from);
        db.prepare('INSERT OR IGNORE INTO tracking_moves (from_key, to_key, at) VALUES (?, ?, ?)').run(from, to, at);
        n++;
      }
      return n;
    }).immediate();
  }

  lastReport(): string | null {
    return (this.db().prepare('SELECT at FROM tracking_reports ORDER BY id DESC LIMIT 1').get() as { at: string } | undefined)?.at ?? null;
  }

  recordReport(at: string, by: string): void {
    this.db().prepare('INSERT INTO tracking_reports (at, by) VALUES (?, ?)').run(at, by);
  }
}
