// The living 台账 in PostgreSQL: the same tables and rules as SQLite (sqlite-tracking.ts, whose
// applyUpdate/fieldValue/updateOf both backends share), so a history reads the same on either. Each
// change is one transaction that first locks its key's state row (or the key itself, for a key never
// changed), so two staff saving the same task at once both land, one after the other.
import type pg from 'pg';
import { applyUpdate, blankState, updateOf } from './sqlite-tracking.js';
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

export const PG_TRACKING_SQL = `
  CREATE TABLE tracking_state (
    key TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '未开始',
    progress_json TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    evidence_json TEXT NOT NULL DEFAULT '[]',
    supervised BOOLEAN NOT NULL DEFAULT false,
    responsible TEXT,
    updated_at TEXT,
    updated_by TEXT
  );
  CREATE INDEX tracking_state_doc ON tracking_state(doc_key);
  -- append-only: never updated, never deleted
  CREATE TABLE tracking_events (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
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
  CREATE UNIQUE INDEX tracking_conflicts_offer ON tracking_conflicts(key, field, coalesce(offered, ''), offered_by);
  CREATE TABLE tracking_proposals (
    id BIGSERIAL PRIMARY KEY,
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
  CREATE TABLE tracking_reports (id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL);
`;

interface StateRow {
  key: string;
  status: string;
  progress_json: string;
  problems: string;
  next_steps: string;
  completed_on: string | null;
  evidence_json: string;
  supervised: boolean;
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
  id: string;
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
    ...(r.completed_on ? { completedOn: r.completed_on } : {}), evidence: JSON.parse(r.evidence_json), supervised: r.supervised,
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
    id: Number(r.id), key: r.key, field: r.field as keyof TrackingUpdate, kept: r.kept, ...(r.kept_by ? { keptBy: r.kept_by } : {}),
    ...(r.kept_ref ? { keptRef: r.kept_ref } : {}), offered: r.offered, offeredBy: r.offered_by, ...(r.offered_ref ? { offeredRef: r.offered_ref } : {}),
    at: r.at, ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}), ...(r.resolved_by ? { resolvedBy: r.resolved_by } : {}),
  };
}

type Db = pg.Pool | pg.PoolClient;
type Tx = <T>(run: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresTracking {
  constructor(
    private readonly db: () => pg.Pool,
    private readonly transaction: Tx,
  ) {}

  async tracking(keys: string[]): Promise<Map<string, TrackingState>> {
    const rows = (await this.db().query('SELECT * FROM tracking_state WHERE key = ANY($1::text[])', [[...new Set(keys)]])).rows as StateRow[];
    const byKey = new Map(rows.map((r) => [r.key, toState(r)]));
    // in the order asked for, as SQLite gives them
    const out = new Map<string, TrackingState>();
    for (const key of new Set(keys)) if (byKey.has(key)) out.set(key, byKey.get(key)!);
    return out;
  }

  async allStates(): Promise<TrackingState[]> {
    return ((await this.db().query('SELECT * FROM tracking_state ORDER BY key')).rows as StateRow[]).map(toState);
  }

  async updateTracking(key: string, raw: TrackingUpdate, meta: ChangeMeta): Promise<TrackingEvent[]> {
    const update = TrackingUpdateSchema.parse(raw);
    return this.transaction((c) => this.updateIn(c, key, update, meta));
  }

  private async updateIn(c: pg.PoolClient, key: string, update: TrackingUpdate, meta: ChangeMeta): Promise<TrackingEvent[]> {
    const at = meta.at ?? new Date().toISOString();
    // a key with no row yet cannot be locked by row: the key itself is locked for the transaction
    await c.query("SELECT pg_advisory_xact_lock(hashtext('taizhang-track:' || $1))", [key]);
    const row = (await c.query('SELECT * FROM tracking_state WHERE key = $1 FOR UPDATE', [key])).rows[0] as StateRow | undefined;
    const state = row ? toState(row) : blankState(key);
    const events = applyUpdate(state, update, { ...meta, at });
    if (!events.length) return [];
    const docKey = row ? '' : await this.docKeyOf(c, key);
    await c.query(`INSERT INTO tracking_state (key, doc_key, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      ON CONFLICT (key) DO UPDATE SET status = $3, progress_json = $4, problems = $5, next_steps = $6,
        completed_on = $7, evidence_json = $8, supervised = $9, responsible = $10, updated_at = $11, updated_by = $12`, [
      key, docKey, state.status, JSON.stringify(state.progress), state.problems, state.nextSteps, state.completedOn ?? null,
      JSON.stringify(state.evidence), state.supervised, state.responsible ?? null, at, meta.by,
    ]);
    await this.insertEvents(c, events);
    return events;
  }

  private async insertEvents(c: Db, events: TrackingEvent[]): Promise<void> {
    if (events.length === 0) return;
    // in the order given (WITH ORDINALITY), so ids keep the events' order
    await c.query(`INSERT INTO tracking_events (key, field, before, after, by, at, source, source_ref)
      SELECT key, field, before, after, by, at, source, source_ref
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
        AS e(key, field, before, after, by, at, source, source_ref, n) ORDER BY n`, [
      events.map((e) => e.key), events.map((e) => e.field), events.map((e) => e.before), events.map((e) => e.after), events.map((e) => e.by),
      events.map((e) => e.at), events.map((e) => e.source), events.map((e) => e.sourceRef ?? null),
    ]);
  }

  private async docKeyOf(c: Db, key: string): Promise<string> {
    const taskId = key.replace(/@\d{4}-\d{2}-\d{2}$/u, '');
    const r = (await c.query(`SELECT d.doc_key FROM tasks t JOIN documents d ON d.id = t.document WHERE t.task_id = $1
      ORDER BY d.is_current DESC, d.id DESC LIMIT 1`, [taskId])).rows[0] as { doc_key: string } | undefined;
    return r?.doc_key ?? '';
  }

  async history(key: string): Promise<TrackingEvent[]> {
    return ((await this.db().query('SELECT * FROM tracking_events WHERE key = $1 ORDER BY id', [key])).rows as EventRow[]).map(toEvent);
  }

  async changesSince(at: string): Promise<TrackingEvent[]> {
    return ((await this.db().query('SELECT * FROM tracking_events WHERE at >= $1 ORDER BY id', [at])).rows as EventRow[]).map(toEvent);
  }

  async recordConflict(c: Omit<TrackingConflict, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<boolean> {
    const r = await this.db().query(`INSERT INTO tracking_conflicts (key, field, kept, kept_by, kept_ref, offered, offered_by, offered_ref, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [c.key, c.field, c.kept, c.keptBy ?? null, c.keptRef ?? null, c.offered, c.offeredBy, c.offeredRef ?? null, c.at]);
    return (r.rowCount ?? 0) > 0;
  }

  async conflicts(all = false): Promise<TrackingConflict[]> {
    const where = all ? '' : 'WHERE resolved_at IS NULL';
    return ((await this.db().query(`SELECT * FROM tracking_conflicts ${where} ORDER BY id`)).rows as ConflictRow[]).map(toConflict);
  }

  /** null when there is no open conflict of that id (the store says E_TRACK_NO_CONFLICT). */
  async resolveConflict(id: number, take: 'kept' | 'offered', meta: ChangeMeta): Promise<TrackingEvent[] | null> {
    return this.transaction(async (c) => {
      const r = (await c.query('SELECT * FROM tracking_conflicts WHERE id = $1 AND resolved_at IS NULL FOR UPDATE', [id])).rows[0] as ConflictRow | undefined;
      if (!r) return null;
      const at = meta.at ?? new Date().toISOString();
      const events = take === 'offered' ? await this.updateIn(c, r.key, TrackingUpdateSchema.parse(updateOf(r.field as keyof TrackingUpdate, r.offered)), { ...meta, at }) : [];
      await c.query('UPDATE tracking_conflicts SET resolved_at = $1, resolved_by = $2 WHERE id = $3', [at, meta.by, id]);
      return events;
    });
  }

  async proposeText(p: TextProposal): Promise<boolean> {
    const r = await this.db().query(`INSERT INTO tracking_proposals (key, task_id, original, proposed, by, source_ref, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [p.key, p.taskId, p.original, p.proposed, p.by, p.sourceRef ?? null, p.at]);
    return (r.rowCount ?? 0) > 0;
  }

  async proposals(): Promise<TextProposal[]> {
    const rows = (await this.db().query('SELECT * FROM tracking_proposals ORDER BY id')).rows as Array<{ key: string; task_id: string; original: string; proposed: string; by: string; source_ref: string | null; at: string }>;
    return rows.map((r) => ({ key: r.key, taskId: r.task_id, original: r.original, proposed: r.proposed, by: r.by, ...(r.source_ref ? { sourceRef: r.source_ref } : {}), at: r.at }));
  }

  async carryTracking(moves: Array<{ from: string; to: string }>): Promise<number> {
    const at = new Date().toISOString();
    return this.transaction(async (c) => {
      let n = 0;
      for (const { from, to } of moves) {
        if (from === to) continue;
        for (const k of [from, to].sort()) await c.query("SELECT pg_advisory_xact_lock(hashtext('taizhang-track:' || $1))", [k]);
        const has = async (k: string) => (await c.query('SELECT 1 FROM tracking_state WHERE key = $1', [k])).rowCount! > 0;
        if (!(await has(from)) || (await has(to))) continue;
        const docKey = await this.docKeyOf(c, to);
        await c.query(`INSERT INTO tracking_state (key, doc_key, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by)
          SELECT $1, CASE WHEN $2 = '' THEN doc_key ELSE $2 END, status, progress_json, problems, next_steps, completed_on, evidence_json, supervised, responsible, updated_at, updated_by
          FROM tracking_state WHERE key = $3`, [to, docKey, from]);
        // the history travels with the state, oldest first, as it was recorded
        await c.query(`INSERT INTO tracking_events (key, field, before, after, by, at, source, source_ref)
          SELECT $1, field, before, after, by, at, source, source_ref FROM tracking_events WHERE key = $2 ORDER BY id`, [to, from]);
        await c.query('INSERT INTO tracking_moves (from_key, to_key, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [from, to, at]);
        n++;
      }
      return n;
    });
  }

  async lastReport(): Promise<string | null> {
    return ((await this.db().query('SELECT at FROM tracking_reports ORDER BY id DESC LIMIT 1')).rows[0] as { at: string } | undefined)?.at ?? null;
  }

  async recordReport(at: string, by: string): Promise<void> {
    await this.db().query('INSERT INTO tracking_reports (at, by) VALUES ($1, $2)', [at, by]);
  }
}
