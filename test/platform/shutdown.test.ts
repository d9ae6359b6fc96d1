/** drainQueue: what finishes within the budget is delivered; what does not is logged once and counted. */
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';
import { createWorkQueue } from '../../src/platform/work-queue.js';
import { drainQueue } from '../../src/platform/shutdown.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup() {
  const metrics = createMetrics({ defaultMetrics: false });
  const lines: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger = { error: (obj: Record<string, unknown>, msg: string) => void lines.push({ obj, msg }), warn: () => undefined } as never;
  const queue = createWorkQueue({ platform: 'test', logger, metrics });
  return { metrics, lines, logger, queue };
}

describe('drainQueue', () => {
  it('waits for answers that finish within the budget and reports nothing', async () => {
    const { metrics, lines, logger, queue } = setup();
    const done: number[] = [];
    for (let i = 0; i < 3; i++) void queue.run(async () => (await sleep(20), void done.push(i)));
    expect(await drainQueue(queue, { platform: 'test', timeoutMs: 5_000, logger, metrics })).toBe(0);
    expect(done).toEqual([0, 1, 2]);
    expect(lines).toEqual([]);
    expect(await metrics.registry.metrics()).not.toContain('zhenxing_undelivered_total{');
  });

  it('logs and counts the answers still pending after the budget, in the words given', async () => {
    const { metrics, lines, logger, queue } = setup();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    void queue.run(async () => void (await sleep(5)));
    for (let i = 0; i < 2; i++) void queue.run(() => gate);
    expect(await drainQueue(queue, { platform: 'feishu', timeoutMs: 100, logger, metrics, noun: ['reply', 'replies'] })).toBe(2);
    expect(lines).toEqual([{ obj: { undelivered: 2, waitedMs: 100 }, msg: 'feishu: shutting down with 2 replies not delivered within 100 ms' }]);
    expect(await metrics.registry.metrics()).toContain('zhenxing_undelivered_total{platform="feishu"} 2');
    release();
  });

  it('says "answer" for one', async () => {
    const { metrics, lines, logger, queue } = setup();
    void queue.run(() => new Promise<void>(() => undefined));
    await drainQueue(queue, { platform: 'slack', timeoutMs: 20, logger, metrics });
    expect(lines.map((l) => l.msg)).toEqual(['slack: shutting down with 1 answer not delivered within 20 ms']);
  });
});
