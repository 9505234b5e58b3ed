// Eight processes first using one new database at the same moment: each must open it, migrate it
// (or see it migrated) and store its document — no "table documents already exists".
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { TS_CHILD_HOOKS } from './ts-child-hooks.js';
import { latestVersion } from '../../src/store/migrations.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

// loads everything once, says "ready", then for each "go <db>" line opens that new file and stores one document
const CHILD = `
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SqliteTaskStore } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/store/sqlite.js')).href)};
import { indexWords } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/store/search.js')).href)};
const [fixturePath, n] = process.argv.slice(2);
const base = JSON.parse(readFileSync(fixturePath, 'utf8'));
indexWords('预热分词');
process.stdout.write('ready\\n');
for await (const line of createInterface({ input: process.stdin })) {
  const dbPath = line.slice(3);
  try {
    const store = SqliteTaskStore.open(dbPath);
    const sha256 = createHash('sha256').update(dbPath + ' county ' + n).digest('hex');
    const docNumber = { ...base.document.docNumber, serial: 500 + Number(n) };
    await store.ingest({ ...base, document: { ...base.document, id: 'c-' + n, docNumber, source: { ...base.document.source, sha256 } } });
    await store.close();
    process.stdout.write('ok\\n');
  } catch (e) {
    process.stdout.write('failed ' + (e && e.message) + '\\n');
  }
}
`;

const CHILDREN = 8;
const ROUNDS = 6;

test(`${CHILDREN} processes opening one new database together, ${ROUNDS} times over, all succeed`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-race-'));
  await writeFile(join(dir, 'hooks.mjs'), TS_CHILD_HOOKS);
  await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  await writeFile(join(dir, 'child.mjs'), CHILD);
  const fixture = fileURLToPath(new URL('../fixtures/results/county-plan.json', import.meta.url));
  const children = Array.from({ length: CHILDREN }, (_, n) =>
    spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'child.mjs'), fixture, String(n)],
      { stdio: ['pipe', 'pipe', 'pipe'] }));
  const lines: string[][] = children.map(() => []);
  const waiters: Array<() => void> = [];
  children.forEach((c, i) => {
    let buf = '';
    c.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines[i].push(...parts);
      for (const w of waiters.splice(0)) w();
    });
  });
  const lineCount = async (want: number) => {
    while (lines.some((l) => l.length < want)) await new Promise<void>((res) => waiters.push(res));
  };
  try {
    await lineCount(1);
    for (let round = 0; round < ROUNDS; round++) {
      const dbPath = join(dir, `round-${round}`, 'taizhang.sqlite');
      for (const c of children) c.stdin.write(`go ${dbPath}\n`);
      await lineCount(round + 2);
      expect(lines.map((l) => l[round + 1])).toEqual(Array(CHILDREN).fill('ok'));
      const store = SqliteTaskStore.open(dbPath);
      expect(store.database.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect((await store.documents()).filter((d) => d.current)).toHaveLength(CHILDREN);
      await store.close();
    }
  } finally {
    for (const c of children) c.kill();
  }
}, 240_000);
