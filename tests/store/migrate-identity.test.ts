// A store written by the path-keyed taizhang (schema 1) is brought forward: each document's newest
// file is current again (the county whose same-named file hid another's comes back), units and
// people become searchable, and the old ids still find their documents.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { latestVersion, migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { indexWords } from '../../src/store/search.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';

const plan = ExtractResult.parse(JSON.parse(readFileSync(new URL('../fixtures/results/county-plan.json', import.meta.url), 'utf8')));

function withDocument(base: ExtractResult, over: Partial<ExtractResult['document']>, sha256: string): ExtractResult {
  return { ...base, document: { ...base.document, ...over, source: { ...base.document.source, path: '方案.pdf', sha256 } } };
}

/** The rows schema 1 wrote for one document (its own code is gone; this is its INSERT shape). */
function insertV1(db: Database.Database, r: ExtractResult, version: number, current: boolean): void {
  const d = r.document;
  const doc = db.prepare(`INSERT INTO documents (sha256, doc_id, source_path, format, title, doc_type, is_plan, doc_number, issuer, date,
    version, is_current, task_count, ingested_at, result_json) VALUES (?, ?, ?, 'pdf', ?, ?, 1, ?, ?, ?, ?, ?, ?, '2024-01-01', ?)`)
    .run(d.source.sha256, d.id, d.source.path, d.title, d.docType, d.docNumber?.text ?? null, d.issuer, d.date, version, current ? 1 : 0, r.tasks.length, JSON.stringify(r))
    .lastInsertRowid;
  r.tasks.forEach((t, seq) => {
    const task = db.prepare(`INSERT INTO tasks (document, seq, task_id, category, path_json, text, leaders_json, owners_json)
      VALUES (?, ?, ?, '', '[]', ?, ?, ?)`).run(doc, seq, t.id, t.text, JSON.stringify(t.leaders), JSON.stringify(t.owners)).lastInsertRowid;
    for (const u of t.units) db.prepare('INSERT INTO units (task, name, role) VALUES (?, ?, ?)').run(task, u.name, u.role);
    db.prepare('INSERT INTO task_fts (rowid, words) VALUES (?, ?)').run(task, indexWords(t.text));
  });
}

test('a schema-1 store where one county hid another is migrated: both current, units searchable, old ids found', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'taizhang-v1-')), 'taizhang.sqlite');
  const db = new Database(path);
  migrate(db, MIGRATIONS.filter((m) => m.version === 1));
  const qinghe = withDocument(plan, {}, 'a1'.repeat(32));
  const baishan = withDocument(plan, {
    id: 'fangan-pdf-9', title: '白山县2020年脱贫攻坚巩固提升实施方案', issuer: '白山县扶贫开发领导小组',
    docNumber: { text: '白县扶贫发〔2020〕9号', issuerCode: '白县扶贫发', year: 2020, serial: 9 },
  }, 'b2'.repeat(32));
  baishan.tasks = plan.tasks.slice(0, 2).map((t, i) => ({ ...t, id: `fangan-pdf-9#${i + 1}`, units: [{ name: '白山县教育局', role: 'lead' }] }));
  // schema 1 keyed versions by path: 白山's 方案.pdf became "version 2" of 清河's
  insertV1(db, qinghe, 1, false);
  insertV1(db, baishan, 2, true);
  db.close();

  const store = SqliteTaskStore.open(path);
  expect(store.database.pragma('user_version', { simple: true })).toBe(latestVersion());
  expect((await store.documents()).map((d) => [d.docId, d.version, d.current])).toEqual([['qinghe-2020-7', 1, true], ['fangan-pdf-9', 1, true]]);
  expect((await store.search('危房改造')).map((h) => h.taskId)).toEqual(['qinghe-2020-7#2.2']);
  expect((await store.search('白山县教育局')).map((h) => h.taskId)).toEqual(['fangan-pdf-9#1', 'fangan-pdf-9#2']);
  expect((await store.search('赵志刚')).map((h) => [h.taskId, h.matched[0].names])).toEqual([['qinghe-2020-7#2.2', ['赵志刚（副县长）']]]);
  expect((await store.result('fangan-pdf-9'))?.document.title).toBe('白山县2020年脱贫攻坚巩固提升实施方案');
  expect(new Set((await store.tasks()).map((t) => t.docId))).toEqual(new Set(['qinghe-2020-7', 'fangan-pdf-9']));

  // the same bytes read again by this taizhang get a new id; the old one stays an alias
  const reread = { ...baishan, document: { ...baishan.document, id: '白县扶贫发-2020-9-b2b2b2b2' } };
  reread.tasks = baishan.tasks.map((t, i) => ({ ...t, id: `白县扶贫发-2020-9-b2b2b2b2#${i + 1}` }));
  expect((await store.ingest(reread)).status).toBe('re-extracted');
  expect((await store.result('fangan-pdf-9'))?.document.id).toBe('白县扶贫发-2020-9-b2b2b2b2');
  expect((await store.result('白县扶贫发-2020-9'))?.document.id).toBe('白县扶贫发-2020-9-b2b2b2b2');
  expect((await store.result('b2b2b2b2'))?.document.id).toBe('白县扶贫发-2020-9-b2b2b2b2');
  await store.close();
});
