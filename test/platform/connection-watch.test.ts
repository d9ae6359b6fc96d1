/** The connection watch behind /healthz for long-lived connections: up, down within grace, down too long, given up. */
import { describe, expect, it } from 'vitest';
import { createConnectionWatch } from '../../src/platform/connection-watch.js';

describe('createConnectionWatch', () => {
  it('is not ok before the client said anything, ok while connecting within the grace period, not after it', () => {
    let t = 1_000;
    const w = createConnectionWatch({ graceMs: 60_000, now: () => t });
    expect(w.status()).toEqual({ ok: false, state: 'starting' });
    w.down('connecting');
    t += 59_999;
    expect(w.status()).toEqual({ ok: true, state: 'connecting' });
    t += 1;
    expect(w.status()).toEqual({ ok: false, state: 'connecting' });
    w.up();
    expect(w.status()).toEqual({ ok: true, state: 'connected' });
  });

  it('counts the grace period from the first time it was seen down, not from each later state', () => {
    let t = 0;
    const w = createConnectionWatch({ graceMs: 60_000, now: () => t });
    w.up('connected');
    t = 10_000;
    w.down('close');
    t = 50_000;
    w.down('reconnecting');
    t = 70_000;
    expect(w.status()).toEqual({ ok: false, state: 'reconnecting' });
    w.up('connected');
    t = 80_000;
    w.down('reconnecting');
    expect(w.status().ok).toBe(true);
  });

  it('is not ok at once when the client gave up, and again ok once it is back', () => {
    let t = 0;
    const w = createConnectionWatch({ graceMs: 60_000, now: () => t, initial: 'idle' });
    expect(w.status()).toEqual({ ok: false, state: 'idle' });
    w.up();
    w.gone('disconnected');
    expect(w.status()).toEqual({ ok: false, state: 'disconnected' });
    t = 1_000;
    w.up('connected');
    expect(w.status()).toEqual({ ok: true, state: 'connected' });
  });
});
