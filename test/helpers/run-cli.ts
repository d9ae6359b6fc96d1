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

/** The environment keys the CLI reads from process.env itself (its library: seeds, saved index, added documents). */
const LIBRARY_ENV = ['DATA_DIR', 'SEEDS_DIR', 'LIBRARY_DIR'] as const;

type CliModule = typeof import('../../src/cli.js');
const cliModules = new Map<string, Promise<CliModule>>();

/**
 * Runs the CLI's own `runCli` (src/cli.ts, the function dist/cli.js's main calls) inside the test process, with the
 * same stdin, environment and exit-code contract as {@link runCli}, but without a process: no node start-up and no
 * jieba dictionary load per call (the worker loads it once). For argument and format variations of a command whose
 * path a spawned {@link runCli} in the same file also covers; the process itself (argv, exit code, stream draining)
 * is only tested by spawning.
 *
 * Like a real process, the CLI keeps its library (corpus and engine) once loaded; a process has one environment, so
 * each distinct DATA_DIR / SEEDS_DIR / LIBRARY_DIR gets its own module instance (and so its own library). Calls must
 * not overlap: the library settings are put into process.env for the call (the CLI reads them there) and restored.
 */
export async function runCliInProcess(args: string[], options: Omit<RunCliOptions, 'cwd'> = {}): Promise<CliResult> {
  const { Readable, Writable } = await import('node:stream');
  const base = options.inheritEnv === false ? { PATH: process.env.PATH } : process.env;
  const env: NodeJS.ProcessEnv = { ...base, NO_COLOR: '1', ...options.env };
  const key = JSON.stringify(LIBRARY_ENV.map((k) => env[k] ?? null));
  let mod = cliModules.get(key);
  if (!mod) {
    mod = import(/* @vite-ignore */ `../../src/cli.js?library=${cliModules.size}`) as Promise<CliModule>;
    cliModules.set(key, mod);
  }
  const { runCli: main } = await mod;
  let stdout = '';
  let stderr = '';
  const sink = (onText: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        onText(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
        done();
      },
    });
  const saved = LIBRARY_ENV.map((k) => [k, process.env[k]] as const);
  for (const k of LIBRARY_ENV) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    const code = await main(args, {
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      stdin: Readable.from(options.input ? [options.input] : []),
      color: false,
      env,
    });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
