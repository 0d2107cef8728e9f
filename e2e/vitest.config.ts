import { defineConfig } from 'vitest/config';

// Browser journeys: one server and one Chromium per file, two files at a time (a journey spends most
// of its time waiting on its server and browser, so two keep a 2-core machine busy without crowding it).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // expect.poll waits 1 s by default; a shared CI machine can take longer to render a change.
    expect: { poll: { timeout: 10_000 } },
  },
});
