// /api/tasks and what is made of them: the register as a filtered, sorted, paged table with each
// task's tracking, changes to the tracking and their history, the register files of exactly what is
// filtered (XLSX, CSV), and what falls due per unit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MESSAGES } from '../messages.js';
import type { ExtractResult } from '../model.js';
import { toCsv } from '../register/csv.js';
import { registerRows, type RegisterRow, type RowOptions } from '../register/rows.js';
import { cleanForWriters } from '../register/xml-chars.js';
import type { TaskStore } from '../store/store.js';
import { TrackingUpdateSchema, type TrackingStore } from '../store/tracking.js';
import type { Catalog } from './catalog.js';
import { badQuery, notFound, WebError } from './http-errors.js';
import { filterRows, sortRows, TaskQuery, todayIso, withTracking, type TaskRow } from './task-query.js';
import { dueReport, DueQuery } from './due.js';

/** The store's tracking half, once the backend has it (src/store/tracking.ts). */
export function trackingOf(store: TaskStore): TrackingStore | null {
  const s = store as Partial<TrackingStore>;
  return typeof s.tracking === 'function' && typeof s.updateTracking === 'function' && typeof s.history === 'function' ? (store as unknown as TrackingStore) : null;
}

export interface TaskRoutesOptions {
  store: TaskStore;
  catalog: Catalog;
  /** who made a change: the logged-in account, or "网页" on a local server without accounts */
  who: (req: FastifyRequest) => string;
}

function parseQuery(req: FastifyRequest): TaskQuery {
  const parsed = TaskQuery.safeParse(req.query);
  if (!parsed.success) throw badQuery(parsed.error.issues.map((i) => i.path.join('.')).join('、'));
  return parsed.data;
}

export function taskRoutes(app: FastifyInstance, opts: TaskRoutesOptions): void {
  const { store, catalog } = opts;
  const tracking = trackingOf(store);

  async function rows(q: TaskQuery): Promise<{ all: TaskRow[]; selected: TaskRow[]; results: ExtractResult[] }> {
    const view = await catalog.current();
    const states = tracking ? await tracking.tracking(view.tasks.map((t) => t.key)) : new Map();
    const all = withTracking(view.tasks, states, q.today ?? todayIso());
    const selected = sortRows(filterRows(all, q), q.sort, q.order);
    return { all, selected, results: [...view.results.values()] };
  }

  app.get('/api/tasks', async (req) => {
    const q = parseQuery(req);
    const { selected } = await rows(q);
    const perPage = q.per_page ?? 50;
    const pages = Math.max(1, Math.ceil(selected.length / perPage));
    const page = Math.min(q.page ?? 1, pages);
    return { total: selected.length, page, pages, perPage, tracking: tracking !== null, rows: selected.slice((page - 1) * perPage, page * perPage) };
  });

  app.patch('/api/tasks/:key', async (req) => {
    const { key } = req.params as { key: string };
    const parsed = TrackingUpdateSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join('、') : i.path.join('.')) || '内容').join('、');
      throw new WebError(400, 'E_WEB_BAD_UPDATE', `${key} 的 ${fields}：${MESSAGES.E_WEB_BAD_UPDATE} [E_WEB_BAD_UPDATE]`);
    }
    const view = await catalog.current();
    if (!view.tasks.some((t) => t.key === key)) throw notFound(key);
    if (!tracking) throw new WebError(501, 'E_WEB_NO_TRACKING');
    const events = await tracking.updateTracking(key, parsed.data, { by: opts.who(req), source: 'web', sourceRef: 'web' });
    const state = (await tracking.tracking([key])).get(key) ?? null;
    return { key, state, events };
  });

  app.get('/api/tasks/:key/history', async (req) => {
    const { key } = req.params as { key: string };
    const view = await catalog.current();
    if (!view.tasks.some((t) => t.key === key)) throw notFound(key);
    if (!tracking) throw new WebError(501, 'E_WEB_NO_TRACKING');
    return { key, events: await tracking.history(key) };
  });

  /** The register rows of the selected items, in the table's order, numbered as in the full register, with their tracking. */
  async function registerOf(selected: TaskRow[], results: ExtractResult[], today: string): Promise<{ clean: ExtractResult[]; rows: RegisterRow[]; options: RowOptions }> {
    const clean = cleanForWriters(results);
    const states = tracking ? await tracking.tracking(selected.map((t) => t.key)) : new Map();
    const options: RowOptions = { today, tracking: states };
    const byKey = new Map(registerRows(clean, {}, options).map((r) => [r.任务键, r]));
    const rows = selected.flatMap((t) => byKey.get(t.key) ?? []);
    const used = new Set(rows.map((r) => r.docId));
    return { clean: clean.filter((r) => used.has(r.document.id)), rows, options };
  }

  app.get('/api/register.xlsx', async (req, reply) => {
    const q = parseQuery(req);
    const { selected, results } = await rows(q);
    const { clean, rows: regRows, options } = await registerOf(selected, results, q.today ?? todayIso());
    const { buildWorkbook } = await import('../register/xlsx.js');
    const buf = Buffer.from(await buildWorkbook(clean, regRows, options).xlsx.writeBuffer());
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent('任务台账.xlsx')}`)
      .send(buf);
  });

  app.get('/api/register.csv', async (req, reply) => {
    const q = parseQuery(req);
    const { selected, results } = await rows(q);
    const { rows: regRows } = await registerOf(selected, results, q.today ?? todayIso());
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="register.csv"; filename*=UTF-8''${encodeURIComponent('任务台账.csv')}`)
      .send(toCsv(regRows));
  });

  /** The calendar of the selected tasks (src/track/calendar.ts): dated items as all-day events, recurring duties with their RRULE. */
  app.get('/api/register.ics', async (req, reply) => {
    const q = parseQuery(req);
    const { selected, results } = await rows(q);
    const tasks = new Set(selected.map((t) => `${t.docId}\u0000${t.taskId}`));
    const [{ loadLedger }, { buildCalendar }] = await Promise.all([import('../track/ledger.js'), import('../track/calendar.js')]);
    const plans = results.filter((r) => r.document.isPlan && r.tasks.some((t) => tasks.has(`${r.document.id}\u0000${t.id}`)));
    const ledger = await loadLedger(store, plans);
    const items = ledger.items.filter((i) => tasks.has(`${i.docId}\u0000${i.taskId}`));
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="register.ics"; filename*=UTF-8''${encodeURIComponent('任务台账.ics')}`)
      .send(buildCalendar(items, { name: '任务台账', remindDays: 3 }));
  });

  app.get('/api/due', async (req) => {
    const parsed = DueQuery.safeParse(req.query);
    if (!parsed.success) throw badQuery(parsed.error.issues.map((i) => i.path.join('.')).join('、'));
    const q = parsed.data;
    const today = q.today ?? todayIso();
    const { all } = await rows({ today });
    return dueReport(all, { today, within: q.within ?? 30, unit: q.unit });
  });
}
