// 5,000 tasks stay fast: the register is filtered and paged from memory, rebuilt only when the
// stored documents change. The documents are generated here (50 plans of 100 tasks each).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExtractResult } from '../../src/model.js';
import { fixtureResult, testServer, type TestServer } from './helpers.js';

const UNITS = ['县教育局', '县住建局', '县水利局', '县交通运输局', '县卫生健康局'];

function generatedPlan(n: number): ExtractResult {
  const base = fixtureResult('county-plan');
  const id = `gen-${n}`;
  const template = base.tasks[0];
  const tasks = Array.from({ length: 100 }, (_, i) => ({
    ...template,
    id: `${id}#${i + 1}`,
    path: [`${i + 1}、第${n}号方案的任务`],
    text: `第${n}号方案第${i + 1}项：完成第${i + 1}批农村道路养护${(i % 7) + 1}0公里`,
    units: [{ ...template.units[0], name: UNITS[(n + i) % UNITS.length], role: 'lead' as const }],
    deadlines: [{ text: `${(i % 12) + 1}月底前`, kind: 'due' as const, date: `2021-${String((i % 12) + 1).padStart(2, '0')}-28` }],
  }));
  return {
    ...base,
    document: { ...base.document, id, title: `第${n}号生成方案`, docNumber: null, source: { ...base.document.source, sha256: String(n).padStart(64, '0'), path: `gen-${n}.txt` } },
    tasks,
  };
}

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
  for (let n = 1; n <= 50; n++) await s.store.ingest(generatedPlan(n));
}, 120_000);
afterAll(async () => {
  await s.app.close();
});

test('5,000 tasks: the first page, a filter, a sort and a far page each answer quickly', async () => {
  const first = await s.app.inject({ url: '/api/tasks' });
  expect(first.json().total).toBe(5000);
  const timings: number[] = [];
  for (const q of ['unit=县水利局', 'q=养护 30公里', 'sort=due&order=desc', 'page=100', 'due_month=2021-06&unit=教育局']) {
    const t0 = performance.now();
    const res = await s.app.inject({ url: `/api/tasks?${encodeURI(q)}` });
    timings.push(performance.now() - t0);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.length).toBeLessThanOrEqual(50);
  }
  expect((await s.app.inject({ url: `/api/tasks?${encodeURI('unit=县水利局')}` })).json().total).toBe(1000);
  // generous for a loaded 2-core machine; alone each takes a few tens of milliseconds
  if (process.env.TZ_SHOW_TIMINGS) console.log('timings ms', timings.map(Math.round));
  expect(Math.max(...timings)).toBeLessThan(1500);
}, 120_000);
