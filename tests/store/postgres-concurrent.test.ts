// Several writers on one PostgreSQL store at once (workers on several machines): the same file
// stored once, versions of one document numbered without a gap or a repeat, and two staff saving
// the same task both recorded.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { freshPgUrl, PG_AVAILABLE } from './backends.js';

const plan = ExtractResult.parse(JSON.parse(readFileSync(new URL('../fixtures/results/county-plan.json', import.meta.url), 'utf8')));

describe.skipIf(!PG_AVAILABLE)('concurrent writers on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  const stores: PostgresTaskStore[] = [];
  beforeAll(async () => {
    ({ url, drop } = await freshPgUrl());
    for (let i = 0; i < 6; i++) stores.push(new PostgresTaskStore(url));
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await drop();
  });

  test('six processes storing the same file at once store it once', async () => {
    const reports = await Promise.all(stores.map((s) => s.ingest(plan)));
    expect(reports.map((r) => r.status).sort()).toEqual(['added', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await stores[0].counts()).toMatchObject({ documents: 1, tasks: plan.tasks.length });
  });

  test('six new versions of one document at once get versions 2…7, one of them current', async () => {
    const versions = stores.map((s, i) => {
      const r = structuredClone(plan);
      r.document.source.sha256 = String(i + 1).repeat(64);
      r.tasks = r.tasks.slice(0, 1 + (i % 3));
      return s.ingest(r);
    });
    const reports = await Promise.all(versions);
    expect(reports.map((r) => r.status)).toEqual(Array(6).fill('new-version'));
    expect(reports.map((r) => r.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    const docs = await stores[0].documents();
    expect(docs.filter((d) => d.current)).toHaveLength(1);
    expect(docs.find((d) => d.current)!.version).toBe(7);
  });

  test('two staff saving the same task at once: both changes land, each recorded once', async () => {
    const key = plan.tasks[0].id;
    await Promise.all([
      stores[0].updateTracking(key, { progress: '已完成摸底' }, { by: '教育局', source: 'web', at: '2020-05-01T08:00:00Z' }),
      stores[1].updateTracking(key, { problems: '资金未到位' }, { by: '财政局', source: 'web', at: '2020-05-01T08:00:01Z' }),
      stores[2].updateTracking(key, { status: '推进中' }, { by: '县政府办', source: 'cli', at: '2020-05-01T08:00:02Z' }),
    ]);
    const state = (await stores[3].tracking([key])).get(key)!;
    expect([state.status, state.problems, state.progress.map((p) => p.text)]).toEqual(['推进中', '资金未到位', ['已完成摸底']]);
    expect((await stores[4].history(key)).map((e) => e.field).sort()).toEqual(['problems', 'progress', 'status']);
  });

  test('the OCR cache keeps a page by bytes, page and dpi; the same page again replaces it', async () => {
    const page = (text: string) => ({ page: 2, dpi: 300, width: 2480, height: 3508, confidence: 87.5, lines: [{ words: [{ text }], confidence: 87.5 }] });
    const sha = 'ef'.repeat(32);
    expect(await stores[0].getOcrPage(sha, 2, 300)).toBeUndefined();
    await stores[0].putOcrPage(sha, 300, page('各乡镇人民政府'));
    await stores[1].putOcrPage(sha, 300, page('各乡镇人民政府、县直各部门'));
    expect(await stores[2].getOcrPage(sha, 2, 300)).toEqual(page('各乡镇人民政府、县直各部门'));
    expect(await stores[2].getOcrPage(sha, 2, 150)).toBeUndefined();
    expect(await stores[2].query('SELECT text FROM ocr_pages')).toEqual([{ text: '各乡镇人民政府、县直各部门' }]);
  });
});
