import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // corpus tests parse real PDFs; on a 2-core machine under load they take seconds, not milliseconds
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
