/**
 * The real app on 127.0.0.1 with a fresh temp DATA_DIR, for the suites that drive it over HTTP. The caller starts
 * its platform stand-ins and passes their settings in `env`; PORT 0, HOST, DATA_DIR and DIGEST_CATCH_UP 'false'
 * are filled in (an `env` entry wins).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startApp, type RunningApp, type StartOptions } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';

export interface AppUnderTest {
  /** DATA_DIR (removed by stop). */
  readonly dir: string;
  readonly app: RunningApp;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Stops the app and removes DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * Starts the app. `tmpPrefix` names the temp DATA_DIR; `options` go to startApp as they are (the logger defaults
 * to a silent one).
 */
export async function startAppUnderTest(
  tmpPrefix: string,
  env: Record<string, string>,
  options: Omit<StartOptions, 'config'> = {},
): Promise<AppUnderTest> {
  const dir = mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  try {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, DIGEST_CATCH_UP: 'false', ...env }, dir);
    const app = await startApp({ logger: createLogger({ level: 'silent' }), ...options, config });
    return {
      dir,
      app,
      base: `http://127.0.0.1:${app.port}`,
      async stop() {
        try {
          await app.stop();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
