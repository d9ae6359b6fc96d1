/**
 * The DingTalk share double-click window shared through a real redis-server (STATE_URL): two replicas of the real
 * DingTalk adapter (HTTP mode, signed callbacks) with the state backends main wires, one DingTalk stand-in. A share
 * link clicked twice, the two messages delivered one to each replica, posts one quote into the group; the second
 * click is told it was just shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStateBackend, type StateBackend } from '../../src/state/backend.js';
import { linksOf, markdownOf, startDingTalkStandIn, type DingTalkStandIn } from '../helpers/dingtalk-stand-in.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { startDingTalkHarness, type DingTalkHarness } from '../dingtalk/harness.js';
import { captureLogger } from '../scheduler/test-logger.js';

const GROUP = 'cidGroupReplicas01+/Aa==';

describe.skipIf(!redisAvailable)('DingTalk shares across two replicas sharing Redis', () => {
  let redis: TestRedis;
  let dt: DingTalkStandIn;
  const backends: StateBackend[] = [];
  const harnesses: DingTalkHarness[] = [];
  const dirs: string[] = [];

  async function replica(): Promise<DingTalkHarness> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-dingtalk-replica-'));
    dirs.push(dataDir);
    const backend = await createStateBackend({ dataDir, stateUrl: redis.url, logger: captureLogger().logger, prefix: 'dtshare:' });
    backends.push(backend);
    // As main wires DingTalk: every store from the state backend, remembered locally while Redis is away.
    const h = await startDingTalkHarness({ dt, dataDir, seenKeys: (name, ttlMs) => backend.seenKeys({ name, ttlMs, whenDown: 'local' }) });
    harnesses.push(h);
    return h;
  }

  beforeAll(async () => {
    redis = await startRedis();
    dt = await startDingTalkStandIn();
  });
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    await Promise.all(backends.map((b) => b.close()));
    await dt?.close();
    await redis?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a double click delivered to both replicas posts one quote; the other click is told so', async () => {
    const a = await replica();
    const b = await replica();
    const { reply } = await a.ask({ text: '生态振兴', group: GROUP, staffId: 'staff-two', nick: '王五' });
    const link = linksOf(markdownOf(reply).text).find((l) => l.label === '分享到群');
    if (!link) throw new Error('no share link');

    // Two clicks: the client sends the link text twice (two messages, two msgIds), one reaching each replica.
    const [x, y] = await Promise.all([
      a.post(a.message({ text: link.sends, staffId: 'staff-two', nick: '王五' })),
      b.post(b.message({ text: link.sends, staffId: 'staff-two', nick: '王五' })),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    await dt.waitFor((c) => a.groupPosts(GROUP).includes(c));
    const told = await dt.waitFor((c) => a.privateTo('staff-two').length === 2 && c === a.privateTo('staff-two')[1]);
    expect(markdownOf(told).text).toBe('刚刚已经分享过了。');
    // A later message proves nothing more is on its way.
    await b.ask({ text: '帮助', staffId: 'staff-two' });
    expect(a.groupPosts(GROUP)).toHaveLength(1);
  });
});
