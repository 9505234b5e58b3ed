// A batch ingest killed with SIGKILL half-way: the store must open, pass integrity_check, hold every
// document it acknowledged, and hold each document whole or not at all.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { TS_CHILD_HOOKS } from './ts-child-hooks.js';
import { ExtractResult } from '../../src/model.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

const CHILD = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SqliteTaskStore } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/store/sqlite.js')).href)};
const [dbPath, fixturePath, count] = process.argv.slice(2);
const base = JSON.parse(readFileSync(fixturePath, 'utf8'));
const store = SqliteTaskStore.open(dbPath);
for (let i = 0; i < Number(count); i++) {
  const sha256 = createHash('sha256').update('doc ' + i).digest('hex');
  const tasks = Array.from({ length: 40 + (i % 7) * 30 }, (_, k) => ({ ...base.tasks[k % base.tasks.length], id: 'doc-' + i + '#' + k }));
  // each file its own document (its own 文号): not versions of one another
  const docNumber = { ...base.document.docNumber, serial: 1000 + i, text: base.document.docNumber.issuerCode + '〔2020〕' + (1000 + i) + '号' };
  const document = { ...base.document, id: 'doc-' + i, docNumber, source: { ...base.document.source, path: 'batch/doc-' + i + '.pdf', sha256 } };
  // a restarted batch goes on where the killed one stopped
  if (await store.has(sha256)) continue;
  await store.ingest({ ...base, document, tasks });
  process.stdout.write('ok ' + i + '\\n');
}
`;

test('killing an ingest mid-batch loses nothing committed and leaves nothing partial', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-crash-'));
  await writeFile(join(dir, 'hooks.mjs'), TS_CHILD_HOOKS);
  await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  await writeFile(join(dir, 'child.mjs'), CHILD);
  const dbPath = join(dir, 'taizhang.sqlite');
  const fixture = fileURLToPath(new URL('../fixtures/results/county-plan.json', import.meta.url));

  const acknowledged: number[] = [];
  // three runs, each killed a different few milliseconds after its sixth commit
  for (const delay of [1, 9, 23]) {
    const args = ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'child.mjs'), dbPath, fixture, '400'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    await new Promise<void>((res, rej) => {
      let armed = false;
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (armed || (out.match(/^ok /gmu) ?? []).length < 6) return;
        armed = true;
        setTimeout(() => { child.kill('SIGKILL'); res(); }, delay);
      });
      child.on('exit', () => rej(new Error(`child ended before it was killed: ${err}`)));
    });
    expect(await exited).toBe('SIGKILL');
    acknowledged.push(...(out.match(/^ok (\d+)$/gmu) ?? []).map((l) => Number(l.slice(3))));
  }

  const store = SqliteTaskStore.open(dbPath);
  const db = store.database;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  // FTS5's own check throws when the index and its tables disagree
  expect(() => db.prepare("INSERT INTO task_fts(task_fts) VALUES ('integrity-check')").run()).not.toThrow();
  const docs = db.prepare('SELECT id, doc_id, task_count, result_json FROM documents ORDER BY id').all() as { id: number; doc_id: string; task_count: number; result_json: string }[];
  // every acknowledged document is there; at most the one being written at each kill is added
  expect(docs.length).toBeGreaterThanOrEqual(acknowledged.length);
  expect(docs.length).toBeLessThanOrEqual(acknowledged.length + 3);
  expect(new Set(docs.map((d) => d.doc_id)).size).toBe(docs.length);
  expect(docs.length).toBeLessThan(400);
  for (const i of acknowledged) expect(docs.some((d) => d.doc_id === `doc-${i}`)).toBe(true);
  for (const d of docs) {
    const result = ExtractResult.parse(JSON.parse(d.result_json));
    const count = (sql: string) => (db.prepare(sql).get(d.id) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM tasks WHERE document = ?')).toBe(result.tasks.length);
    expect(d.task_count).toBe(result.tasks.length);
    expect(count('SELECT count(*) AS n FROM units u JOIN tasks t ON t.id = u.task WHERE t.document = ?'))
      .toBe(result.tasks.reduce((n, t) => n + t.units.length, 0));
    expect(count('SELECT count(*) AS n FROM deadlines x JOIN tasks t ON t.id = x.task WHERE t.document = ?'))
      .toBe(result.tasks.reduce((n, t) => n + t.deadlines.length, 0));
    expect(count('SELECT count(*) AS n FROM warnings WHERE document = ?')).toBe(result.warnings.length);
  }
  const orphans = db.prepare('SELECT count(*) AS n FROM task_fts WHERE rowid NOT IN (SELECT id FROM tasks)').get() as { n: number };
  expect(orphans.n).toBe(0);
  expect((await store.counts()).tasks).toBe(docs.reduce((n, d) => n + d.task_count, 0));
  // the store goes on working after the crash
  const again = await store.ingest(ExtractResult.parse(JSON.parse(docs[0].result_json)), (db.prepare('SELECT sha256 FROM documents WHERE id = ?').get(docs[0].id) as { sha256: string }).sha256);
  expect(again.status).toBe('unchanged');
  await store.close();
}, 180_000);
