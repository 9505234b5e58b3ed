import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import type { TaskStore } from '../../src/store/store.js';
import { BACKENDS, closeAll } from './backends.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));
const plan = fixture('county-plan');
const bulletin = fixture('bulletin');
const notice = fixture('city-notice');
const ALL = { documents: 3, tasks: 9, units: 20, quantities: 9, deadlines: 12, warnings: 3 };

const opened: SqliteTaskStore[] = [];
async function freshSqlite(): Promise<SqliteTaskStore> {
  const store = SqliteTaskStore.open(join(await mkdtemp(join(tmpdir(), 'taizhang-store-')), 'sub', 'taizhang.sqlite'));
  opened.push(store);
  return store;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await closeAll();
});

/** Rows of a query on either backend; PostgreSQL's booleans read as SQLite's 0/1. */
async function rows(store: TaskStore, sql: string): Promise<unknown[]> {
  const got = store instanceof PostgresTaskStore ? await store.query(sql) : (store as SqliteTaskStore).database.prepare(sql).all();
  return got.map((r) => Object.fromEntries(Object.entries(r as object).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])));
}

describe.each(BACKENDS)('$name store', ({ open: fresh }) => {

test('re-ingesting the same fixtures leaves the same row counts', async () => {
  const store = await fresh();
  const first = await Promise.all([plan, bulletin, notice].map((r) => store.ingest(r)));
  expect(first.map((r) => [r.status, r.docId, r.version, r.tasks])).toEqual([
    ['added', 'qinghe-2020-7', 1, 6], ['added', 'qinghe-kuaibao-2019-8', 1, 0], ['added', 'qinghe-city-2020-15', 1, 3],
  ]);
  expect(await store.counts()).toEqual(ALL);
  const again = await Promise.all([plan, bulletin, notice].map((r) => store.ingest(r)));
  expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  expect(await store.counts()).toEqual(ALL);
  expect(await store.has(plan.document.source.sha256)).toBe(true);
  expect(await store.has('0'.repeat(64))).toBe(false);
});

test('a changed file at the same path is a new version; the newest is current', async () => {
  const store = await fresh();
  await store.ingest(plan);
  const changed = { ...plan, document: { ...plan.document, source: { ...plan.document.source, sha256: 'ab'.repeat(32) } }, tasks: plan.tasks.slice(0, 2) };
  expect(await store.ingest(changed)).toEqual({ status: 'new-version', sha256: 'ab'.repeat(32), docId: 'qinghe-2020-7', version: 2, tasks: 2 });
  const docs = await store.documents();
  expect(docs.map((d) => [d.sha256.slice(0, 4), d.version, d.current, d.tasks])).toEqual([['3f1c', 1, false, 6], ['abab', 2, true, 2]]);
  expect((await store.counts()).tasks).toBe(8);
  expect((await store.result('qinghe-2020-7'))!.tasks).toHaveLength(2);
  expect((await store.result('3f1c9a7e'))!.tasks).toHaveLength(6);
  expect((await store.tasks()).map((t) => t.task.id)).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.1.2']);
});

test('a stored document reads back as the same ExtractResult', async () => {
  const store = await fresh();
  await store.ingest(notice);
  expect(await store.result('qinghe-city-2020-15')).toEqual(notice);
  expect(await store.result(notice.document.source.sha256)).toEqual(notice);
  expect(await store.result('no-such-doc')).toBeNull();
});

test('tasks() filters the current plans like the register does', async () => {
  const store = await fresh();
  for (const r of [plan, bulletin, notice]) await store.ingest(r);
  const ids = async (f = {}) => (await store.tasks(f)).map((t) => t.task.id);
  expect(await ids()).toHaveLength(9);
  expect(await ids({ unit: '县教育局' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.1.2']);
  expect(await ids({ dueBefore: '2020-06-30' })).toEqual(['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.3.2']);
  expect(await ids({ recurring: true })).toEqual(['qinghe-2020-7#3.1', 'qinghe-city-2020-15#2']);
  expect(await ids({ dueBefore: '2019-01-01' })).toEqual([]);
  expect((await store.tasks({ unit: '住建局' }))[0]).toMatchObject({ docId: 'qinghe-2020-7', title: '清河县2020年脱贫攻坚巩固提升实施方案' });
});

test('markSuperseded sets the column and the stored JSON, and can undo it', async () => {
  const store = await fresh();
  await store.ingest(plan);
  expect(await store.markSuperseded(['qinghe-2020-7#2.2', 'qinghe-2020-7#2.3.1', 'missing'], { by: 'liaoning-2019' })).toBe(1);
  const back = (await store.result('qinghe-2020-7'))!;
  expect(back.tasks.filter((t) => t.superseded).map((t) => t.id)).toEqual(['qinghe-2020-7#2.2', 'qinghe-2020-7#2.3.1']);
  expect(await rows(store, "SELECT superseded, superseded_by FROM tasks WHERE task_id = 'qinghe-2020-7#2.2'")).toEqual([{ superseded: 1, superseded_by: 'liaoning-2019' }]);
  expect(await store.markSuperseded(['qinghe-2020-7#2.3.1'], { superseded: false })).toBe(1);
  expect((await store.result('qinghe-2020-7'))!.tasks.filter((t) => t.superseded).map((t) => t.id)).toEqual(['qinghe-2020-7#2.2']);
});

test('the tables hold the facts', async () => {
  const store = await fresh();
  await store.ingest(plan);
  expect(await rows(store, "SELECT u.name FROM units u JOIN tasks t ON t.id = u.task WHERE t.task_id = 'qinghe-2020-7#2.2' AND u.role = 'participant' ORDER BY u.id"))
    .toEqual([{ name: '县扶贫办' }, { name: '县财政局' }, { name: '相关乡镇' }]);
  expect(await rows(store, "SELECT value, max, unit, per_json, comparator FROM quantities WHERE text = '每户补助1.5万-2万元'"))
    .toEqual([{ value: 15000, max: 20000, unit: '元', per_json: '["户"]', comparator: '=' }]);
  expect((await rows(store, "SELECT recurrence FROM deadlines WHERE kind = 'recurring' ORDER BY id")).map((r) => (r as { recurrence: string }).recurrence))
    .toEqual(['monthly', 'quarterly', 'annual']);
  expect(await rows(store, 'SELECT code, task_id FROM warnings ORDER BY id')).toEqual([
    { code: 'deadline-before-issue', task_id: 'qinghe-2020-7#2.3.2' }, { code: 'W_PAGES_SKIPPED', task_id: null },
  ]);
});

test('a NUL character in a task text is stored, read back as it was, and the task still found', async () => {
  const store = await fresh();
  const odd = structuredClone(notice);
  odd.document.source.sha256 = 'cd'.repeat(32);
  odd.tasks[0].text = `${odd.tasks[0].text}\u0000（附表见后）`;
  expect((await store.ingest(odd)).status).toBe('added');
  expect(await store.result('cd'.repeat(32))).toEqual(odd);
  expect((await store.search('附表见后')).map((h) => h.taskId)).toEqual([odd.tasks[0].id]);
});

test('the same bytes read differently by a newer taizhang replace the stored extraction, not add a version', async () => {
  const store = await fresh();
  await store.ingest(plan);
  const before = await store.counts();
  const reread = structuredClone(plan);
  reread.tasks = reread.tasks.slice(0, 2);
  reread.tasks[0].text = `${reread.tasks[0].text}（重新抽取：饮水安全巩固）`;
  const report = await store.ingest(reread);
  expect([report.status, report.version, report.tasks]).toEqual(['re-extracted', 1, 2]);
  const after = await store.counts();
  expect(after.documents).toBe(before.documents);
  expect(after.tasks).toBe(2);
  expect((await store.search('饮水安全巩固')).map((h) => h.taskId)).toEqual([reread.tasks[0].id]);
  expect(await store.search(plan.tasks[4].text.slice(0, 6))).toEqual([]);
  expect((await store.ingest(reread)).status).toBe('unchanged');
});
});

test('the SQLite file is in WAL mode', async () => {
  const store = await freshSqlite();
  await store.ingest(plan);
  expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
});
