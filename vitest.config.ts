import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core (Vitest leaves one idle by default): the suites wait on the database as much as they
    // compute, so on a 2-core machine two files at a time finish much sooner.
    maxWorkers: '100%',
  },
});
