import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { tsQuery } from '../../src/store/postgres-search.js';
import { ftsQuery, snippet } from '../../src/store/search.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import type { TaskStore } from '../../src/store/store.js';
import { BACKENDS, closeAll, PG_AVAILABLE } from './backends.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));

test('ftsQuery quotes jieba tokens, one phrase per typed part, the last token a prefix', () => {
  expect(ftsQuery('危房 改造')).toBe('"危房"* AND "改造"*');
  expect(ftsQuery('  ，。 ')).toBeNull();
  expect(ftsQuery('"引号"')).toBe('"引号"*');
});

test('snippet marks the first match and cuts around it', () => {
  expect(snippet('完成贫困户D级危房改造189户，9月30日前全部竣工验收。', ['危房改造'], 4)).toBe('…困户D级【危房改造】189户…');
  expect(snippet('建立月调度制度', ['季督查'], 4)).toBe('建立月调度制度');
  expect(snippet('每月调度', ['调度', '每月'], 10)).toBe('【每月】调度');
});

test('tsQuery makes the same phrases for PostgreSQL, quotes escaped', () => {
  expect(tsQuery('危房 改造')).toBe("('危房':*) & ('改造':*)");
  expect(tsQuery('资金到位')).toBe("('资金' <-> '到位':*)");
  expect(tsQuery('  ，。 ')).toBeNull();
});

describe.each(BACKENDS)('search over the stored fixtures ($name)', ({ open }) => {
  let store: TaskStore;
  beforeAll(async () => {
    store = await open();
    for (const name of ['county-plan', 'bulletin', 'city-notice']) await store.ingest(fixture(name));
  });
  afterAll(() => closeAll());

  const cases: [query: string, taskIds: string[]][] = [
    ['危房改造', ['qinghe-2020-7#2.2']],
    ['危房', ['qinghe-2020-7#2.2']],
    ['改造', ['qinghe-2020-7#2.2']],
    ['资助', ['qinghe-city-2020-15#1', 'qinghe-city-2020-15#2', 'qinghe-city-2020-15#3']],
    ['资助 抽查', ['qinghe-city-2020-15#2']],
    ['家庭医生', ['qinghe-2020-7#2.3.2']],
    ['农田', []],
    ['，', []],
    // quotes, backslashes and tsquery operators typed by a user are words to find, never syntax
    ["危房 a'b\\ !&|:*", []],
  ];
  test.each(cases)('search(%s)', async (q, want) => {
    expect((await store.search(q)).map((h) => h.taskId).sort()).toEqual(want);
  });

  test('a hit names its document, path, page and snippet', async () => {
    expect(await store.search('危房改造')).toEqual([{
      docId: 'qinghe-2020-7',
      sha256: '3f1c9a7e5b2d4c6a8e0f1b3d5c7a9e1f2b4d6c8a0e1f3b5d7c9a1e2f4b6d8c0a',
      title: '清河县2020年脱贫攻坚巩固提升实施方案',
      taskId: 'qinghe-2020-7#2.2',
      path: ['二、重点任务', '（二）住房安全保障'],
      page: 5,
      text: '完成贫困户D级危房改造189户，每户补助1.5万-2万元，9月30日前全部竣工验收。',
      snippet: '完成贫困户D级【危房改造】189户，每户补助1.5万-2万元，9月30日前…',
      matched: [{ field: 'text', names: [] }],
    }]);
  });
});

test('the FTS index alone finds two-character words; the substring pass is for glued ones', async () => {
  const store = SqliteTaskStore.open(':memory:');
  await store.ingest(fixture('city-notice'));
  await store.ingest(fixture('county-plan'));
  const fts = (q: string) => (store.database.prepare('SELECT count(*) AS n FROM task_fts WHERE task_fts MATCH ?').get(ftsQuery(q)) as { n: number }).n;
  expect([fts('资助'), fts('签约'), fts('危房'), fts('改造'), fts('资金 资助')]).toEqual([3, 1, 1, 0, 2]);
  await store.close();
});

test.skipIf(!PG_AVAILABLE)('the tsvector alone finds two-character words in PostgreSQL; the substring pass is for glued ones', async () => {
  const [, postgres] = BACKENDS;
  const store = (await postgres.open()) as PostgresTaskStore;
  await store.ingest(fixture('city-notice'));
  await store.ingest(fixture('county-plan'));
  const ts = async (q: string) => (await store.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE words_tsv @@ to_tsquery('simple', $1)", [tsQuery(q)]))[0].n;
  expect([await ts('资助'), await ts('签约'), await ts('危房'), await ts('改造'), await ts('资金 资助')]).toEqual([3, 1, 1, 0, 2]);
  await closeAll();
});
