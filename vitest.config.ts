import { globSync, readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

const include = ['server/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'client/**/*.test.ts'];

/**
 * On PostgreSQL (`npm run test:pg`) only the suites that open a database run again: the pure ones
 * (normalizers, rules, schedules) would only prove the same thing twice.
 */
function pureSuites(): string[] {
  const opensDatabase = /harness\.ts|openDatabase|createTestDatabase|DATABASE_URL/;
  return include.flatMap((pattern) => globSync(pattern)).filter((file) => !opensDatabase.test(readFileSync(file, 'utf8')));
}

export default defineConfig({
  test: {
    include,
    exclude: [...configDefaults.exclude, ...(process.env.DATABASE_URL ? pureSuites() : [])],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core (Vitest leaves one idle by default): the suites wait on the database as much as they
    // compute, so on a 2-core machine two files at a time finish much sooner.
    maxWorkers: '100%',
  },
});
