import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // each run gets its own TMPDIR and fails if a test leaves anything in it
    globalSetup: ['test/helpers/global-tmp.ts'],
    setupFiles: ['test/helpers/setup.ts'],
  },
});
