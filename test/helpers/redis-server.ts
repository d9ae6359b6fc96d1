/**
 * A real redis-server for tests: its own free port on 127.0.0.1 and its own temp directory, with the append-only
 * file on (as the README tells operators to run it), so stopping and starting it again keeps the data.
 *
 *   const redis = await startRedis();      // throws in CI (CI=true) when redis-server is missing
 *   redis.url                              // redis://127.0.0.1:<port>
 *   await redis.stop(); await redis.start(); // same port, same data
 *   await redis.close();                   // stops it and removes the directory
 *
 * Locally, without redis-server, `redisAvailable` is false and the Redis tests are skipped with a message saying
 * how to install it; .ci/run installs it (Debian package redis-server), so CI never skips.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

function binaryPresent(): boolean {
  const r = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /Redis server/.test(r.stdout);
}

export const redisAvailable = binaryPresent();

if (!redisAvailable) {
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`${BINARY} is not installed, and CI must not skip the Redis tests: apt-get install redis-server (see .ci/run)`);
  }
  process.stderr.write(`\nSKIPPING the Redis tests: ${BINARY} is not installed (apt-get install redis-server)\n\n`);
}

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Starts it (again) on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it (SIGTERM: the append-only file is flushed). */
  stop(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
  running(): boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child) return;
    const proc = spawn(
      BINARY,
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--dir', dir,
        '--appendonly', 'yes',
        '--appendfsync', 'always',
        '--save', '',
        '--protected-mode', 'no',
        '--daemonize', 'no',
        '--loglevel', 'warning',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    let out = '';
    proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', () => {
      if (child === proc) child = undefined;
    });
    // Ready when it accepts a connection and answers PING.
    const until = Date.now() + 10_000;
    for (;;) {
      if (await ping(port)) return;
      if (!child || Date.now() > until) throw new Error(`redis-server did not start on port ${port}:\n${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    child = undefined;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    start,
    stop,
    running: () => child !== undefined,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (c) => {
      data += c.toString();
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}
