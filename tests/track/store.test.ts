// The SQLite TrackingStore runs the tracking contract every backend runs (tracking-contract.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { describeTrackingStore } from './tracking-contract.js';

const dirs: string[] = [];
describeTrackingStore({
  name: 'SQLite',
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-track-'));
    dirs.push(dir);
    return SqliteTaskStore.open(join(dir, 'db.sqlite'));
  },
  reopen: async (s) => SqliteTaskStore.open((s as SqliteTaskStore).path),
  cleanup: async () => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  },
});
