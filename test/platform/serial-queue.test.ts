import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../src/platform/serial-queue.js';

describe('createSerialQueue', () => {
  it('runs work one at a time in call order, and a failure reaches its caller without stopping the queue', async () => {
    const q = createSerialQueue();
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setImmediate(r));
      log.push(`${name} end`);
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
    const a = q.run(step('a'));
    const b = q.run(step('b', true));
    const c = q.run(step('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('drained() also waits for work queued while it waits', async () => {
    const q = createSerialQueue();
    const done: string[] = [];
    void q.run(async () => {
      await new Promise((r) => setImmediate(r));
      done.push('first');
      void q.run(async () => {
        await new Promise((r) => setImmediate(r));
        done.push('queued meanwhile');
      });
    });
    await q.drained();
    expect(done).toEqual(['first', 'queued meanwhile']);
  });
});
