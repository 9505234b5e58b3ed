// The PostgreSQL TrackingStore runs the same tracking contract as SQLite (tracking-contract.ts), each
// store in a new schema of the test database; skipped only when no server answers outside CI.
import { describe, test } from 'vitest';
import { PostgresTaskStore } from '../../src/store/postgres.js';
import { BACKENDS, closeAll, PG_AVAILABLE } from '../store/backends.js';
import { describeTrackingStore } from './tracking-contract.js';

if (PG_AVAILABLE) {
  describeTrackingStore({
    name: 'PostgreSQL',
    open: () => BACKENDS.find((b) => b.name === 'postgres')!.open(),
    reopen: async (s) => new PostgresTaskStore((s as PostgresTaskStore).url),
    cleanup: closeAll,
  });
} else {
  describe('PostgreSQL tracking', () => test.skip('no PostgreSQL server answers (and CI is not set)', () => undefined));
}
