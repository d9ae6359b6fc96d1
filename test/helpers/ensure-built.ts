/**
 * Builds dist/ when it is missing or older than any file under src/, so process-level tests (the CLI contract)
 * run the same compiled code that `npx zhenxing` runs. After `npm ci` (which builds via `prepare`) this is a
 * no-op. Call it from beforeAll in tests that spawn dist/ code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeSavedIndexSeed } from './saved-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const cli = path.join(ROOT, 'dist/cli.js');
  const stale = !existsSync(cli) || newestMtime(path.join(ROOT, 'src')) > statSync(cli).mtimeMs;
  if (stale) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Builds dist/ now, whatever its age (`npm run build`; tsc prints only errors, sent to stderr so a bench's stdout stays
 * its figures). For timing: a build judged fresh by file times can still predate a tsconfig change or a deleted file.
 */
export function buildDist(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
}

/**
 * vitest globalSetup: build once before the workers start, so two workers never build side by side; then save the
 * seeds' index once for the bot processes to start from (test/helpers/saved-index.ts). Returns the teardown.
 */
export default function setup(): () => void {
  ensureBuilt();
  return makeSavedIndexSeed();
}
