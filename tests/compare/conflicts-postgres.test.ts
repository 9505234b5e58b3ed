// `conflicts` on PostgreSQL takes its candidate phrase pairs from the index inside the database
// (phrase_shingles, written by ingest): the findings must be those of the in-memory path over the
// same documents in SQLite, and the pairs those of candidates.ts over the same phrases.
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { addCompareCommands } from '../../src/cli/compare.js';
import { conflictsAcross } from '../../src/compare/across.js';
import { findCandidatePairs } from '../../src/compare/candidates.js';
import { phrasesWithItems } from '../../src/compare/sentences.js';
import type { ExtractResult } from '../../src/model.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import type { TaskStore } from '../../src/store/store.js';
import { county, newNotice, oldNotice, otherCity, plan2018, plan2019, province } from '../fixtures/compare/planted.js';
import { closeAll, freshPgUrl, openPgStore, PG_AVAILABLE } from '../store/backends.js';

const PLANTED = [province, county, otherCity, oldNotice, newNotice, plan2018, plan2019];

/** Clone i of a document: its own id and bytes, the figures of its texts moved, some clauses reworded. */
function clone(r: ExtractResult, i: number): ExtractResult {
  const id = `${r.document.id}-c${i}`;
  const c = JSON.parse(JSON.stringify(r).replaceAll(`"${r.document.id}`, `"${id}`)) as ExtractResult;
  c.document.source = { ...c.document.source, sha256: createHash('sha256').update(id).digest('hex'), path: `fixtures/${id}.txt` };
  // another notice, not a new version of the same one
  c.document.title = `${c.document.title}（第${i}批）`;
  delete c.document.docNumber;
  c.tasks.forEach((t, k) => {
    if ((i + k) % 3 === 0) t.text = t.text.replace(/\d+/gu, (n) => String(Number(n) + (i % 4)));
    if ((i + k) % 5 === 0) t.text = `按照第${i}批次安排，${t.text}`;
  });
  return c;
}

const sorted = (xs: string[]) => [...xs].sort();
const pairKey = (a: { docId: string; taskId: string; phrase: number }, b: typeof a) =>
  [`${a.docId}|${a.taskId}|${a.phrase}`, `${b.docId}|${b.taskId}|${b.phrase}`].sort().join(' ↔ ');

afterAll(closeAll);
const pgStore = openPgStore;

async function currentDocs(store: TaskStore): Promise<ExtractResult[]> {
  const out: ExtractResult[] = [];
  for (const d of await store.documents()) if (d.current) out.push((await store.result(d.sha256))!);
  return out;
}

/** `taizhang conflicts ARGS…`: what it prints to stdout. */
async function conflictsCli(...args: string[]): Promise<string> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const program = new Command().exitOverride();
  addCompareCommands(program);
  try {
    await program.parseAsync(['node', 'taizhang', 'conflicts', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return out.join('');
}

describe.skipIf(!PG_AVAILABLE)('conflicts on PostgreSQL: candidates from the index in the database', () => {
  test('the planted notices: the same findings as the in-memory path over SQLite', async () => {
    const sqlite = SqliteTaskStore.open(join(await mkdtemp(join(tmpdir(), 'tz-conf-')), 'x.sqlite'));
    const pg = await pgStore();
    for (const r of PLANTED) {
      await sqlite.ingest(r);
      await pg.ingest(r);
    }
    const memory = conflictsAcross(await currentDocs(sqlite));
    await sqlite.close();
    const pairs = await pg.phrasePairs();
    expect(pairs.length).toBeGreaterThan(0);
    const indexed = conflictsAcross(await currentDocs(pg), { phrasePairs: pairs });
    expect(memory.findings.filter((f) => f.type === 'conflict').length).toBeGreaterThanOrEqual(3);
    expect(indexed).toEqual(memory);
  });

  test('the command: conflicts --db postgres://… prints what conflicts --db FILE.sqlite prints', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'tz-conf-')), 'x.sqlite');
    const sqlite = SqliteTaskStore.open(file);
    const { url, drop } = await freshPgUrl();
    const pg = new PostgresTaskStore(url);
    onTestFinished(drop);
    for (const r of PLANTED) {
      await sqlite.ingest(r);
      await pg.ingest(r);
    }
    await sqlite.close();
    await pg.close();
    const fromFile = await conflictsCli('--db', file, '--json');
    expect(JSON.parse(fromFile).findings.length).toBeGreaterThan(3);
    expect(await conflictsCli('--db', url, '--json')).toBe(fromFile);
    const lines = await conflictsCli('--db', url);
    expect(lines).toMatch(/^文档 7 份，比对了 \d+ 对有上下级关系的文档，发现 \d+ 条\n\[冲突\]/u);
    expect(lines).toBe(await conflictsCli('--db', file));
  });

  test('60 documents: the pairs are those of candidates.ts over the same phrases, with both caps in play', async () => {
    const pg = await pgStore();
    const docs = Array.from({ length: 60 }, (_, i) => clone(PLANTED[i % PLANTED.length], i));
    for (const r of docs) await pg.ingest(r);
    const phrases = docs.flatMap((r) =>
      r.tasks.flatMap((t) => phrasesWithItems(t).map((p, k) => ({ docId: r.document.id, taskId: t.id, phrase: k, text: p.text }))),
    );
    // ≥ 40 phrases and < 256: the share-of-all cap (a quarter) applies and is below maxPostings (64)
    expect(phrases.length).toBeGreaterThanOrEqual(40);
    expect(phrases.length).toBeLessThan(256);
    const memory = findCandidatePairs(phrases.map((p) => ({ group: p.docId, text: p.text })));
    const fromDb = await pg.phrasePairs();
    expect((await pg.documents()).filter((d) => d.current)).toHaveLength(60);
    expect(memory.length).toBeGreaterThan(0);
    expect(sorted(fromDb.map((p) => pairKey(p.a, p.b)))).toEqual(sorted(memory.map((p) => pairKey(phrases[p.i], phrases[p.j]))));
    // a stricter cap leaves fewer pairs, in both
    const strict = { maxPostings: 3 };
    const memoryStrict = findCandidatePairs(phrases.map((p) => ({ group: p.docId, text: p.text })), strict);
    expect(sorted((await pg.phrasePairs(strict)).map((p) => pairKey(p.a, p.b)))).toEqual(sorted(memoryStrict.map((p) => pairKey(phrases[p.i], phrases[p.j]))));
    expect(memoryStrict.length).toBeLessThan(memory.length);

    // one document against all the others: exactly the pairs that have it at one end
    const probe = docs[8];
    const mine = sorted(fromDb.filter((p) => p.a.docId === probe.document.id || p.b.docId === probe.document.id).map((p) => pairKey(p.a, p.b)));
    expect(mine.length).toBeGreaterThan(0);
    expect(sorted((await pg.phrasePairs({ sha256: probe.document.source.sha256 })).map((p) => pairKey(p.a, p.b)))).toEqual(mine);
  });

  test('documents stored before the index (phrases_indexed false) are indexed by the first conflicts; an older version is left out', async () => {
    const pg = await pgStore();
    for (const r of [province, county]) await pg.ingest(r);
    const before = await pg.phrasePairs();
    expect(before.length).toBeGreaterThan(0);
    await pg.query('DELETE FROM phrase_shingles');
    await pg.query('UPDATE documents SET phrases_indexed = false, phrase_count = 0');
    expect(await pg.query('SELECT 1 FROM phrase_shingles')).toHaveLength(0);
    expect(await pg.phrasePairs()).toEqual(before);
    // not current any more: its phrases pair with nothing
    await pg.query('UPDATE documents SET is_current = false WHERE doc_id = $1', [county.document.id]);
    expect(await pg.phrasePairs()).toEqual([]);
  });
});
