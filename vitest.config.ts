import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Process-level tests run dist/ (what `npx zhenxing` runs); rebuild it first if src/ is newer.
    globalSetup: ['test/helpers/ensure-built.ts'],
    // nodejieba's dictionary costs ~1.2 s and ~240 MB to load; with isolate off each worker keeps one loaded
    // index (test/helpers/shared-index.ts) across all the test files it runs instead of rebuilding it per file.
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 20_000,
    // expect.poll waits up to 10 s (default 1 s): retries with backoff and child processes are slow on a loaded machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 30_000,
    // The heaviest files first, so the two workers finish together (test/helpers/sequencer.ts).
    sequence: { sequencer: HeavyFirstSequencer },
  },
});
