/**
 * The outbound helper against real faults on loopback: a peer that accepts connections and never answers, 5xx,
 * 429 with Retry-After, a refused connection, and a shutdown with calls in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound, createOutboundMetrics, OutboundTimeoutError } from '../../src/platform/index.js';

interface Peer {
  url: string;
  hits: Map<string, number[]>;
  /** Replies per path, taken in order; 'stall' never answers. Default 200 {"ok":true}. */
  script(path: string, replies: ({ status: number; headers?: Record<string, string> } | 'stall')[]): void;
  close(): Promise<void>;
}

async function startPeer(): Promise<Peer> {
  const hits = new Map<string, number[]>();
  const scripts = new Map<string, ({ status: number; headers?: Record<string, string> } | 'stall')[]>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const p = req.url ?? '/';
      hits.set(p, [...(hits.get(p) ?? []), Date.now()]);
      const next = scripts.get(p)?.shift() ?? (p.startsWith('/stall') ? 'stall' : { status: 200 });
      if (next === 'stall') return; // accepted, read, never answered
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(JSON.stringify({ ok: next.status < 400 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    script: (p, replies) => scripts.set(p, [...(scripts.get(p) ?? []), ...replies]),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const logger = { warn: () => undefined, debug: () => undefined };
let peer: Peer;
beforeAll(async () => {
  peer = await startPeer();
});
afterAll(() => peer.close());

function client(opts: Partial<Parameters<typeof createOutbound>[0]> = {}) {
  const registry = new Registry();
  const givenUp = createOutboundMetrics(registry);
  const lines: Record<string, unknown>[] = [];
  const out = createOutbound({
    name: 'test',
    logger: { warn: (o: object) => lines.push(o as Record<string, unknown>), debug: logger.debug } as never,
    givenUp,
    baseDelayMs: 10,
    ...opts,
  });
  const counted = async () => (await givenUp.get()).values.map((v) => ({ ...v.labels, n: v.value }));
  return { out, counted, lines };
}

const post = (body = '{}') => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('createOutbound', () => {
  it('gives up on a peer that never answers after its retries, with a timeout each time, and logs and counts it', async () => {
    const { out, counted, lines } = client({ timeoutMs: 150, retries: 2 });
    await expect(out.fetch(`${peer.url}/stall/a`, post())).rejects.toBeInstanceOf(OutboundTimeoutError);
    expect(peer.hits.get('/stall/a')).toHaveLength(3);
    expect(await counted()).toEqual([{ peer: 'test', reason: 'timeout', n: 1 }]);
    expect(lines).toEqual([expect.objectContaining({ peer: 'test', reason: 'timeout', attempts: 3 })]);
    out.close();
  });

  it('a stalled target holds at most maxPerTarget connections: other calls to the same host still go through', async () => {
    const { out } = client({ timeoutMs: 30_000, maxSockets: 8, maxPerTarget: 2 });
    const stalled = Array.from({ length: 20 }, () => out.fetch(`${peer.url}/stall/b`, post()).catch((e: Error) => e));
    const res = await out.fetch(`${peer.url}/fine`, post());
    expect(res.status).toBe(200);
    // The stalled calls are all still waiting (none timed out yet), and only two ever reached the peer.
    expect(peer.hits.get('/stall/b')).toHaveLength(2);
    expect(out.pending).toBe(20);
    out.close();
    expect((await Promise.all(stalled)).every((e) => e instanceof Error)).toBe(true);
  });

  it('retries a 5xx and answers with the success', async () => {
    const { out, counted } = client();
    peer.script('/flaky', [{ status: 502 }, { status: 503 }]);
    const res = await out.fetch(`${peer.url}/flaky`, post());
    expect(res.status).toBe(200);
    expect(peer.hits.get('/flaky')).toHaveLength(3);
    expect(await counted()).toEqual([]);
    out.close();
  });

  it('hands back the last 5xx when every attempt failed, counted as given up', async () => {
    const { out, counted } = client({ retries: 1 });
    peer.script('/down', [{ status: 500 }, { status: 503 }]);
    const res = await out.fetch(`${peer.url}/down`, post());
    expect(res.status).toBe(503);
    expect(await counted()).toEqual([{ peer: 'test', reason: 'http_503', n: 1 }]);
    out.close();
  });

  it('waits out a 429’s Retry-After before the next attempt, even for a call that must not be repeated', async () => {
    const { out } = client({ policy: () => ({ idempotent: false, peer: 'public-post' }) });
    peer.script('/limited', [{ status: 429, headers: { 'retry-after': '1' } }]);
    const res = await out.fetch(`${peer.url}/limited`, post());
    expect(res.status).toBe(200);
    const [first, second] = peer.hits.get('/limited') as number[];
    expect((second as number) - (first as number)).toBeGreaterThanOrEqual(950);
    out.close();
  });

  it('gives up at once on a Retry-After longer than maxRetryAfterMs and hands back the 429', async () => {
    const { out, counted } = client({ maxRetryAfterMs: 5000 });
    peer.script('/long-limit', [{ status: 429, headers: { 'retry-after': '600' } }]);
    const res = await out.fetch(`${peer.url}/long-limit`, post());
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '600']);
    expect(peer.hits.get('/long-limit')).toHaveLength(1);
    expect(await counted()).toEqual([{ peer: 'test', reason: 'rate_limited_retry_after_too_long', n: 1 }]);
    out.close();
  });

  it('does not repeat a non-idempotent call that timed out (it may have been acted on), but counts it', async () => {
    const { out, counted } = client({ timeoutMs: 150, policy: () => ({ idempotent: false, peer: 'share' }) });
    await expect(out.fetch(`${peer.url}/stall/c`, post())).rejects.toBeInstanceOf(OutboundTimeoutError);
    expect(peer.hits.get('/stall/c')).toHaveLength(1);
    expect(await counted()).toEqual([{ peer: 'share', reason: 'timeout', n: 1 }]);
    out.close();
  });

  it('retries a refused connection even for a non-idempotent call: nothing reached the peer', async () => {
    const gone = await startPeer();
    const url = gone.url;
    await gone.close();
    const { out, counted } = client({ retries: 2, policy: () => ({ idempotent: false }) });
    await expect(out.fetch(`${url}/x`, post())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await counted()).toEqual([{ peer: 'test', reason: 'network_ECONNREFUSED', n: 1 }]);
    out.close();
  });

  it('close() ends calls in flight and waits between attempts at once, counting them as given up', async () => {
    const { out, counted } = client({ timeoutMs: 30_000 });
    const inFlight = out.fetch(`${peer.url}/stall/d`, post()).catch((e: Error) => e);
    peer.script('/wait', [{ status: 429, headers: { 'retry-after': '20' } }]);
    const waiting = out.fetch(`${peer.url}/wait`, post());
    await new Promise((r) => setTimeout(r, 100));
    out.close();
    expect(await inFlight).toMatchObject({ code: 'OUTBOUND_CLOSED' });
    expect((await waiting).status).toBe(429);
    expect(await counted()).toEqual(
      expect.arrayContaining([
        { peer: 'test', reason: 'closed', n: 2 },
      ]),
    );
  });

  it('retry() runs any call with the same budget and the caller’s classification', async () => {
    const { out, counted } = client({ retries: 3 });
    let n = 0;
    const result = await out.retry(
      { peer: 'sdk' },
      async () => {
        n += 1;
        if (n < 3) throw Object.assign(new Error('token expired'), { code: 99991663 });
        return 'ok';
      },
      () => ({ retry: true, reason: 'invalid_token', afterMs: 0 }),
    );
    expect([result, n]).toEqual(['ok', 3]);
    await expect(
      out.retry({ peer: 'sdk' }, async () => Promise.reject(new Error('no such chat')), () => ({ retry: false, reason: 'bad_chat', permanent: true })),
    ).rejects.toThrow('no such chat');
    expect(await counted()).toEqual([]);
    out.close();
  });
});
