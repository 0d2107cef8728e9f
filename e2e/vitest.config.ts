import { defineConfig } from 'vitest/config';

// Browser journeys: one server and one Chromium per file, run one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // expect.poll waits 1 s by default; a shared CI machine can take longer to render a change.
    expect: { poll: { timeout: 10_000 } },
  },
});
