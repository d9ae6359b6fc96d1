/**
 * Runs the built CLI (`node dist/cli.js`, what `npx zhenxing` runs) as a child process and collects its output.
 *
 *   const r = await runCli(['add', 'a.txt', '--json'], { env: { LIBRARY_DIR: dir }, cwd: dir });
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Set on top of the base environment (NO_COLOR=1 is always set). */
  env?: NodeJS.ProcessEnv;
  /** Working directory; default: the repository root. */
  cwd?: string;
  /** Written to standard input, which is then closed. */
  input?: string;
  /** Start from this process's environment (default) or from PATH alone, so no outside setting leaks in. */
  inheritEnv?: boolean;
}

export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const base = options.inheritEnv === false ? { PATH: process.env.PATH } : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...base, NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
