/**
 * `zhenxing state export` / `zhenxing state import`, spawned as a process: a single bot's state file moved into a
 * real redis-server (STATE_URL) and read back, and every refusal word for word.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { freePort, redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { runCli } from '../helpers/run-cli.js';


const run = (args: string[], env: NodeJS.ProcessEnv, input = '') => runCli(args, { env, input, inheritEnv: false });

const TODAY = new Date().toISOString().slice(0, 10);
const FILE_STATE = {
  version: 1,
  subscriptions: { slack: ['C0001', 'C0002'], feishu: ['oc_abc'] },
  sent: { [TODAY]: ['slack:C0001', 'feishu:oc_abc'] },
  failed: { [TODAY]: { 'slack:C0002': 'not_in_channel' } },
  claims: {},
};

describe.skipIf(!redisAvailable)('zhenxing state export / import', () => {
  let dir: string;
  let dataDir: string;
  let redis: TestRedis;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-cli-state-'));
    dataDir = path.join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'state.json'), JSON.stringify(FILE_STATE));
    redis = await startRedis();
  }, 120_000);

  afterAll(async () => {
    await redis?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("moves a single bot's state file into Redis and exports it back unchanged", async () => {
    const fromFile = await run(['state', 'export'], { DATA_DIR: dataDir });
    expect(fromFile.code).toBe(0);
    const { claims: _claims, ...expected } = FILE_STATE;
    expect(JSON.parse(fromFile.stdout)).toMatchObject(expected);

    const imported = await run(['state', 'import'], { DATA_DIR: dataDir, STATE_URL: redis.url });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(`imported into ${redis.url}: 3 subscriptions, 2 sent records, 1 failure\n`);

    const fromRedis = await run(['state', 'export'], { DATA_DIR: path.join(dir, 'elsewhere'), STATE_URL: redis.url });
    expect(fromRedis.code).toBe(0);
    // The same records (sorted; platforms without subscriptions listed empty).
    expect(JSON.parse(fromRedis.stdout)).toMatchObject({ ...expected, sent: { [TODAY]: ['feishu:oc_abc', 'slack:C0001'] } });

    // --out writes a file; importing it from stdin again changes nothing (a union).
    const out = path.join(dir, 'export.json');
    expect((await run(['state', 'export', '--out', out], { STATE_URL: redis.url })).stderr).toBe(`zhenxing: state from ${redis.url} written to ${out}\n`);
    const again = await run(['state', 'import', '-'], { STATE_URL: redis.url }, readFileSync(out, 'utf8'));
    expect(again.stdout).toBe(`imported into ${redis.url}: 3 subscriptions, 2 sent records, 1 failure\n`);
    expect(JSON.parse((await run(['state', 'export'], { STATE_URL: redis.url })).stdout)).toEqual(JSON.parse(fromRedis.stdout));
  }, 60_000);

  it('refuses clearly, one line each', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"version":2}');
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const cases: [string[], NodeJS.ProcessEnv, number, string][] = [
      [['state'], {}, 2, 'zhenxing: state needs export or import (zhenxing state export | zhenxing state import [FILE])'],
      [['state', 'copy'], {}, 2, 'zhenxing: state needs export or import, got "copy" (zhenxing state export | zhenxing state import [FILE])'],
      [
        ['state', 'import'],
        { DATA_DIR: dataDir },
        2,
        `zhenxing: STATE_URL is not set, so ${path.join(dataDir, 'state.json')} is already where the state lives; set STATE_URL=redis://host:port[/db] to import it into Redis`,
      ],
      [['state', 'import', bad], { STATE_URL: redis.url }, 1, `zhenxing: ${bad} is not a zhenxing state file or export (version: Invalid input: expected 1)`],
      [['state', 'import', path.join(dir, 'missing.json')], { STATE_URL: redis.url }, 1, `zhenxing: could not read ${path.join(dir, 'missing.json')}: ENOENT: no such file or directory, open '${path.join(dir, 'missing.json')}'`],
      [['state', 'export'], { STATE_URL: 'http://redis:6379' }, 2, 'zhenxing: STATE_URL must be a Redis URL, redis://host:port[/db] (rediss:// for TLS), e.g. redis://redis:6379/0'],
      [['state', 'export'], { STATE_URL: closed }, 1, `zhenxing: Redis at ${closed} did not answer; nothing was exported`],
    ];
    for (const [args, env, code, line] of cases) {
      const r = await run(args, env);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code, stderr: `${line}\n` });
    }
  }, 60_000);
});
