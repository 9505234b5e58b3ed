// search looks in units and people as well as the task text, says which field matched, and bounds
// what it is given: 2,000 words are cut (and the CLI says so), never "Expression tree is too large".
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addStoreCommands } from '../../src/cli/store.js';
import { ExtractResult } from '../../src/model.js';
import { boundQuery, SEARCH_LIMITS } from '../../src/store/search.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import type { TaskStore } from '../../src/store/store.js';
import { BACKENDS, closeAll } from './backends.js';

const plan = ExtractResult.parse(JSON.parse(readFileSync(new URL('../fixtures/results/county-plan.json', import.meta.url), 'utf8')));

describe.each(BACKENDS)('units and people are searched ($name)', ({ open }) => {
  let store: TaskStore;
  beforeAll(async () => {
    store = await open();
    await store.ingest(plan);
  });
  afterAll(() => closeAll());

  const cases: [query: string, want: Array<[taskId: string, fields: string]>][] = [
    // 教育局 is nowhere in the task texts: only the units name it
    ['教育局', [['qinghe-2020-7#2.1.1', 'units:县教育局|people:王建国（县教育局局长）'], ['qinghe-2020-7#2.1.2', 'units:县教育局']]],
    ['李明华', [['qinghe-2020-7#2.1.1', 'people:李明华（副县长）'], ['qinghe-2020-7#2.1.2', 'people:李明华（副县长）']]],
    ['督查室', [['qinghe-2020-7#3.1', 'units:县委督查室、县政府督查室']]],
    // one word in the text, one in the units: both must hold
    ['危房 住建局', [['qinghe-2020-7#2.2', 'text|units:县住建局|people:孙立新（县住建局局长）']]],
    ['危房 教育局', []],
    ['周丽 签约', [['qinghe-2020-7#2.3.2', 'text|people:周丽（县卫生健康局副局长）']]],
    ['县财政局', [['qinghe-2020-7#2.1.1', 'units:县财政局'], ['qinghe-2020-7#2.2', 'units:县财政局'], ['qinghe-2020-7#2.3.1', 'units:县财政局']]],
  ];
  test.each(cases)('search(%s)', async (q, want) => {
    const hits = await store.search(q);
    const got = hits.map((h) => [h.taskId, h.matched.map((m) => (m.names.length ? `${m.field}:${m.names.join('、')}` : m.field)).join('|')]);
    expect(got.sort()).toEqual(want);
  });
});

test('boundQuery keeps the first parts, each cut to its length, and says when it cut', () => {
  expect(boundQuery('危房 改造')).toEqual({ query: '危房 改造', cut: false });
  const many = Array.from({ length: 2000 }, (_, i) => `词${i}`).join(' ');
  const bounded = boundQuery(many);
  expect(bounded.cut).toBe(true);
  expect(bounded.query.split(' ')).toHaveLength(SEARCH_LIMITS.parts);
  const long = boundQuery('农'.repeat(500));
  expect([Array.from(long.query).length, long.cut]).toEqual([SEARCH_LIMITS.partChars, true]);
});

test('the CLI says in Chinese that it cut the query, and exits 0', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-search-'));
  const db = join(dir, 'taizhang.sqlite');
  const store = SqliteTaskStore.open(db);
  await store.ingest(plan);
  await store.close();
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command().exitOverride();
  addStoreCommands(program);
  process.exitCode = undefined;
  await program.parseAsync(['node', 'taizhang', 'search', '教育局', ...Array.from({ length: 2000 }, () => '教育'), '--db', db]);
  expect(process.exitCode ?? 0).toBe(0);
  process.exitCode = undefined;
  vi.restoreAllMocks();
  expect(err).toEqual([`检索词过多或过长，只用了前面的部分：请减少检索词（最多 ${SEARCH_LIMITS.parts} 个词，每个词最多 ${SEARCH_LIMITS.partChars} 字） [W_SEARCH_TRUNCATED]`]);
  expect(out.join('\n')).toContain('   匹配：任务内容；责任单位（县教育局）；责任人（王建国（县教育局局长））');
});

describe.each(BACKENDS)('bounded and hostile queries ($name)', ({ open }) => {
  afterEach(() => closeAll());

  test('2,000 words, or one 10,000-character word, search without an error', async () => {
    const store = await open();
    await store.ingest(plan);
    const words = Array.from({ length: 2000 }, (_, i) => (i % 2 ? '危房' : `甲${i}`)).join(' ');
    await expect(store.search(words)).resolves.toEqual([]);
    await expect(store.search(`危房 ${'改'.repeat(10000)}`)).resolves.toEqual([]);
    await expect(store.search(['危房', ...Array(3000).fill('改造')].join(' '))).resolves.toHaveLength(1);
  });

  test('seeded random queries of FTS5 syntax, quotes, controls and lone surrogates never throw', async () => {
    const store = await open();
    await store.ingest(plan);
    let seed = 20240601;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['"', '*', 'AND', 'OR', 'NOT', 'NEAR(', ')', '(', ':', '^', '危房', '教育局', ' ', '\u3000', '\uFFFE', '\uD800', '😀', '-', '+', "'", '\\', '%', '_', '\0'];
    for (let i = 0; i < 500; i++) {
      const q = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(rnd() < 0.5 ? ' ' : '');
      await expect(store.search(q), JSON.stringify(q)).resolves.toBeInstanceOf(Array);
    }
  });
});
