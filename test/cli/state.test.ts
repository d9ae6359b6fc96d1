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
import { seedSavedIndex } from '../helpers/saved-index.js';


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
    // Exporting the file and importing it into Redis both only read the file: side by side.
    const [fromFile, imported] = await Promise.all([
      run(['state', 'export'], { DATA_DIR: dataDir }),
      run(['state', 'import'], { DATA_DIR: dataDir, STATE_URL: redis.url }),
    ]);
    expect(fromFile.code).toBe(0);
    const { claims: _claims, ...expected } = FILE_STATE;
    expect(JSON.parse(fromFile.stdout)).toMatchObject(expected);

    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(`imported into ${redis.url}: 3 subscriptions, 2 sent records, 1 failure\n`);

    // --out writes a file; importing it from stdin again changes nothing (a union). Both exports read: side by side.
    const out = path.join(dir, 'export.json');
    const [fromRedis, toFile] = await Promise.all([
      run(['state', 'export'], { DATA_DIR: path.join(dir, 'elsewhere'), STATE_URL: redis.url }),
      run(['state', 'export', '--out', out], { STATE_URL: redis.url }),
    ]);
    expect(fromRedis.code).toBe(0);
    // The same records (sorted; platforms without subscriptions listed empty).
    expect(JSON.parse(fromRedis.stdout)).toMatchObject({ ...expected, sent: { [TODAY]: ['feishu:oc_abc', 'slack:C0001'] } });

    expect(toFile.stderr).toBe(`zhenxing: state from ${redis.url} written to ${out}\n`);
    const again = await run(['state', 'import', '-'], { STATE_URL: redis.url }, readFileSync(out, 'utf8'));
    expect(again.stdout).toBe(`imported into ${redis.url}: 3 subscriptions, 2 sent records, 1 failure\n`);
    expect(JSON.parse((await run(['state', 'export'], { STATE_URL: redis.url })).stdout)).toEqual(JSON.parse(fromRedis.stdout));
  }, 60_000);

  it("carries a single bot's votes and search log into Redis, where report reads them; a second import adds no search", async () => {
    const single = path.join(dir, 'single');
    mkdirSync(single);
    writeFileSync(path.join(single, 'state.json'), JSON.stringify({ version: 1, subscriptions: { slack: ['C0009'] } }));
    const now = Date.now();
    const vote = { query: '人才振兴', passageId: '002-014', voter: 'h4sh', value: 'down', platform: 'slack', at: now };
    writeFileSync(path.join(single, 'feedback-votes.json'), JSON.stringify({ version: 1, votes: [vote] }));
    const entry = { at: now, query: '人才振兴', count: 0, partial: false, corrected: false, platform: 'feishu' };
    writeFileSync(path.join(single, 'search-log.jsonl'), `${JSON.stringify(entry)}\n${JSON.stringify({ ...entry, at: now + 1 })}\n`);
    const db = `${redis.url}/3`;
    const first = await run(['state', 'import'], { DATA_DIR: single, STATE_URL: db });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`imported into ${db}: 1 subscription, 0 sent records, 0 failures, 1 vote, 2 logged searches\n`);
    expect((await run(['state', 'import'], { DATA_DIR: single, STATE_URL: db })).stdout).toBe(
      `imported into ${db}: 1 subscription, 0 sent records, 0 failures, 1 vote\n`,
    );
    // Three readers of what was imported, side by side. The search runs beside a saved index of the seeds (as the
    // CLI beside a bot does; test/helpers/saved-index.ts) instead of segmenting them again: the votes come from Redis.
    const searchData = path.join(dir, 'search-data');
    seedSavedIndex(searchData);
    const [report, text, searched] = await Promise.all([
      run(['report', '--json'], { DATA_DIR: path.join(dir, 'empty'), STATE_URL: db }),
      run(['report'], { STATE_URL: db }),
      run(['search', '人才振兴', '--json', '--limit', '50'], { DATA_DIR: searchData, STATE_URL: db }),
    ]);
    expect(report).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(report.stdout)).toEqual({
      queries: [{ query: '人才振兴', count: 2 }],
      misses: [{ query: '人才振兴', count: 2, partial: false }],
      feedback: [{ passageId: '002-014', query: '人才振兴', up: 0, down: 1 }],
    });
    expect(text.stdout.split('\n')[0]).toBe(`最近 30 天（${db}）：2 次搜索，1 条反馈`);
    // search --json explains the vote read from Redis.
    const results = (JSON.parse(searched.stdout) as { results: { id: string; feedback?: { down: number } }[] }).results;
    expect(results.find((r) => r.id === '002-014')?.feedback).toMatchObject({ up: 0, down: 1 });
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
      [['report'], { STATE_URL: closed }, 1, `zhenxing: the state store (Redis) is unavailable: Redis at ${closed} did not answer; no report`],
    ];
    // Separate processes with nothing shared, run side by side: the two pointed at a closed port each wait ~4 s for
    // Redis to answer (idle, not CPU), which one after the other made most of this test's time.
    const results = await Promise.all(cases.map(([args, env]) => run(args, env)));
    cases.forEach(([args, , code, line], i) => {
      const r = results[i]!;
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code, stderr: `${line}\n` });
    });
  }, 60_000);
});
