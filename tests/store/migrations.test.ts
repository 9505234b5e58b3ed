import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ReadFailure } from '../../src/messages.js';
import { MIGRATIONS, latestVersion, migrate, type Migration } from '../../src/store/migrations.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';

test('a new file is brought to the latest version with every table', () => {
  const db = new Database(':memory:');
  expect(migrate(db)).toBe(0);
  expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'task_fts_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  expect(tables).toEqual(['deadlines', 'doc_aliases', 'documents', 'ocr_pages', 'quantities', 'seen_paths', 'task_fts', 'tasks', 'tracking_conflicts', 'tracking_events', 'tracking_moves', 'tracking_proposals', 'tracking_reports', 'tracking_state', 'units', 'warnings']);
  expect(migrate(db)).toBe(latestVersion());
  db.close();
});

test('later migrations run in order, once each, and a failing one changes nothing', () => {
  const db = new Database(':memory:');
  const extra: Migration[] = [
    ...MIGRATIONS,
    { version: 11, name: 'c', sql: 'ALTER TABLE documents ADD COLUMN c TEXT' },
    { version: 10, name: 'b', sql: 'ALTER TABLE documents ADD COLUMN b TEXT' },
  ];
  migrate(db, extra);
  expect(db.pragma('user_version', { simple: true })).toBe(11);
  const cols = (db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name);
  expect(cols.slice(-2)).toEqual(['b', 'c']);
  const broken: Migration[] = [...extra, { version: 12, name: 'broken', sql: 'ALTER TABLE documents ADD COLUMN d TEXT; SELECT * FROM nowhere' }];
  expect(() => migrate(db, broken)).toThrow(/nowhere/);
  expect(db.pragma('user_version', { simple: true })).toBe(11);
  expect((db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).some((c) => c.name === 'd')).toBe(false);
  db.close();
});

test('a store made by a newer taizhang is refused with a Chinese message', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'taizhang-mig-')), 'new.sqlite');
  const db = new Database(path);
  db.pragma('user_version = 99');
  db.close();
  const err = (() => { try { SqliteTaskStore.open(path); } catch (e) { return e; } })();
  expect(err).toBeInstanceOf(ReadFailure);
  expect((err as ReadFailure).code).toBe('E_STORE_TOO_NEW');
  expect((err as ReadFailure).message).toBe('台账数据库由更新版本的 taizhang 创建：请升级 taizhang 后再打开（库版本 99）');
});

test('a path that cannot be a database gives E_STORE_OPEN', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-mig-'));
  const err = (() => { try { SqliteTaskStore.open(dir); } catch (e) { return e; } })();
  expect((err as ReadFailure).code).toBe('E_STORE_OPEN');
});
