/**
 * A saved index of the seeds, as a bot leaves it in DATA_DIR/index-cache (src/library/index-cache.ts), made once per
 * `vitest run` by the globalSetup (test/helpers/ensure-built.ts) with the built CLI, and copied into a test's fresh
 * DATA_DIR before a bot process starts there.
 *
 * Why: a first start on an empty DATA_DIR segments every seed passage with jieba and builds the index (~1–2 s of CPU
 * on a loaded machine); a restart loads the saved file instead, and that is what the process-level tests (SIGTERM,
 * kill -9, replicas, hostile bodies) start from. They are about signals, claims and shared state, not about building
 * the library, which test/library/index-cache.test.ts, test/app/library-live.test.ts and test/cli/library-cli.test.ts
 * test (those never get a seeded cache). The seed is built by the same dist/ code with the same seeds, so its key
 * matches; if it ever did not, the bot would build the library as on a first start (slower, still correct).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Set by the globalSetup; inherited by the vitest workers. */
const ENV_KEY = 'ZHENXING_TEST_SAVED_INDEX';

/** globalSetup: builds the seed with `zhenxing search` (which keeps DATA_DIR/index-cache, as the bot does). */
export function makeSavedIndexSeed(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-saved-index-'));
  execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'search', '人才振兴', '--limit', '1'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NO_COLOR: '1', DATA_DIR: dir },
    stdio: 'ignore',
  });
  const seed = path.join(dir, 'index-cache');
  if (existsSync(seed)) process.env[ENV_KEY] = seed;
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Creates DATA_DIR and copies the seed into DATA_DIR/index-cache unless it already has one. Without a seed (a file
 * run outside this repository's vitest config) only DATA_DIR is made: the first process there builds and saves the
 * index, as on a first start.
 */
export function seedSavedIndex(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const seed = process.env[ENV_KEY];
  const target = path.join(dataDir, 'index-cache');
  if (!seed || !existsSync(seed) || existsSync(target)) return;
  cpSync(seed, target, { recursive: true });
}
