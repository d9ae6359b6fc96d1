/**
 * Slack over HTTP against real faults on loopback (issue 10): a response_url that accepts connections and never
 * answers, unsigned and oversized uploads, a signed `payload=null`, double clicks on share (also across a restart,
 * with the share store in a temp DATA_DIR), and a stop with answers still queued behind a slow response_url.
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFileSeenKeys } from '../../src/platform/index.js';
import { TEST_SIGNING_SECRET, blockActionsBody, signedHeaders, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';
import { startSlackApp, startSlackHarness, type SlackHarness } from './harness.js';

const uploads = new Set<http.ClientRequest>();

/** Sends headers and the first `sendBytes` of a body declared `declared` bytes long; resolves with the status. */
function partialUpload(url: string, headers: Record<string, string>, declared: number, sendBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(declared) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (err) => (err.message.includes('socket hang up') || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    uploads.add(req);
    req.write(Buffer.alloc(sendBytes, 'a'));
    // Never ends: the body is never complete, so an answer proves the server did not wait for it.
  });
}

const metricLine = async (h: { metrics: SlackHarness['metrics'] }, name: string) =>
  (await h.metrics.registry.metrics()).split('\n').filter((l) => l.startsWith(name));

describe('a response_url that accepts connections and never answers', () => {
  // A harness per test: the first test's stalled answers must not be counted in the second's figures.
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ adapter: { responseTimeoutMs: 1000 } });
  });
  afterEach(() => h.close());

  it('does not hold up other answers: 40 stalled answers, and the next command is still answered', async () => {
    const stalled = Array.from({ length: 40 }, (_, i) => `stall-${i}`);
    for (const id of stalled) h.slack.script(`response:${id}`, [{ status: 200, delayMs: 60_000 }]);
    await Promise.all(stalled.map((id) => h.post(slashCommandBody({ text: '人才振兴', responseUrl: h.slack.responseUrl(id) }))));
    await expect.poll(() => h.slack.calls.filter((c) => c.path.startsWith('/response/stall-')).length).toBeGreaterThanOrEqual(40);
    const { response } = await h.command('生态振兴');
    expect(response.body.response_type).toBe('ephemeral');
  });

  it('gives a stalled answer up after its retries, logged and counted, with the attempts made', async () => {
    h.slack.script('response:stuck', [
      { status: 200, delayMs: 60_000 },
      { status: 200, delayMs: 60_000 },
      { status: 200, delayMs: 60_000 },
    ]);
    const timeoutsGivenUp = async () => {
      const line = (await metricLine(h, 'zhenxing_outbound_given_up_total')).find((l) =>
        l.startsWith('zhenxing_outbound_given_up_total{peer="slack.response_url",reason="timeout"} '),
      );
      return Number(line?.split(' ').pop() ?? 0);
    };
    const timeoutsBefore = await timeoutsGivenUp();
    const before = h.logs.length;
    await h.post(slashCommandBody({ text: '文化振兴', responseUrl: h.slack.responseUrl('stuck') }));
    // Wait for this answer's own give-up line (its error names the URL): the previous test's stalled answers may
    // still be logging on a loaded machine, so the first such line after `before` need not be this one.
    const gaveUp = (l: Record<string, unknown>) =>
      l.msg === 'outbound: gave up a call to slack.response_url (timeout)' && String(l.error).includes('/response/stuck');
    await expect.poll(() => h.logs.slice(before).find(gaveUp), { timeout: 10_000 }).toBeDefined();
    await expect
      .poll(() => h.logs.slice(before).find((l) => l.msg === 'slack: could not post to response_url'), { timeout: 15_000 })
      .toBeDefined();
    expect(h.slack.calls.filter((c) => c.path === '/response/stuck')).toHaveLength(3);
    expect(h.logs.slice(before).find(gaveUp)).toMatchObject({ attempts: 3 });
    // Counted once for this answer (compared with the count before it: earlier stalled answers may be counted too).
    expect(await timeoutsGivenUp()).toBe(timeoutsBefore + 1);
  });
});

describe('requests from strangers', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ adapter: { maxBodyBytes: 64 * 1024, maxConcurrentBodies: 2 } });
  });
  afterAll(() => h.close());

  it('refuses an unsigned 3.9 MB POST with 401 before reading its body', async () => {
    const status = await partialUpload(h.eventsUrl, { 'content-type': 'application/x-www-form-urlencoded' }, 3.9e6, 16 * 1024);
    expect(status).toBe(401);
    expect(await metricLine(h, 'zhenxing_errors_total{where="slack.verify"}')).toHaveLength(1);
  });

  it('refuses a signed body larger than the route takes with 413, from its declared length', async () => {
    const body = 'x'.repeat(100);
    const status = await partialUpload(h.eventsUrl, signedHeaders(TEST_SIGNING_SECRET, body), 3.9e6, 1024);
    expect(status).toBe(413);
  });

  it('answers 503 with Retry-After when too many bodies are being read at once', async () => {
    const headers = signedHeaders(TEST_SIGNING_SECRET, 'x');
    // Two uploads that never finish hold both body slots.
    const held = [partialUpload(h.eventsUrl, headers, 10_000, 10), partialUpload(h.eventsUrl, headers, 10_000, 10)];
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(h.eventsUrl, { method: 'POST', headers, body: 'x' });
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '1']);
    for (const req of uploads) req.destroy();
    void held;
    // The slots are free again once the uploads are gone.
    await expect.poll(async () => (await h.command('帮助')).status).toBe(200);
  });

  it('answers a signed payload=null, and a JSON body null, with 400 and keeps serving', async () => {
    const before = h.logs.length;
    expect((await h.post('payload=null')).status).toBe(400);
    expect((await h.post('payload=%5B1%5D')).status).toBe(400);
    expect((await h.post('null', { headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(h.logs.slice(before).map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'slack: request refused: signed, but the payload field is not a JSON object',
        'slack: request refused: signed, but the body is not a JSON object',
      ]),
    );
    const { response } = await h.command('帮助');
    expect(response.body.response_type).toBe('ephemeral');
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes old (a replay)', async () => {
    const body = slashCommandBody({ text: '帮助', responseUrl: h.slack.responseUrl('replay') });
    expect((await h.post(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
  });
});

describe('share: one quote per (message, user, passage)', () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startSlackStandIn();
  });
  afterAll(() => slack.close());

  it('a double click (two trigger_ids) posts one quote, and a click after a restart none', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-share-'));
    const logger = { warn: () => undefined, error: () => undefined } as never;
    const passage = '000-004';
    const click = async (eventsUrl: string, id: string) => {
      const body = blockActionsBody({ actionId: 'share_0', value: passage, responseUrl: slack.responseUrl(id), messageTs: '1700000123.000200' });
      const res = await fetch(eventsUrl, { method: 'POST', headers: signedHeaders(TEST_SIGNING_SECRET, body), body });
      expect(res.status).toBe(200);
    };
    const quotes = () => slack.calls.filter((c) => c.method === 'response' && c.body.response_type === 'in_channel');

    const first = await startSlackApp({ apiUrl: slack.url, adapter: { shareKeys: await createFileSeenKeys({ dataDir, name: 'slack-share', ttlMs: 3_600_000, logger }) } });
    // The clicker whose click found the quote already posted hears it privately, in the kit's words, on that click's response_url.
    const toldAlready = async (id: string) => {
      const told = await slack.waitFor((c) => c.path === `/response/${id}` && c.body.response_type === 'ephemeral');
      expect(JSON.stringify(told.body)).toContain('刚刚已经分享过了。');
    };
    await Promise.all([click(first.eventsUrl, 'dbl-1'), click(first.eventsUrl, 'dbl-2')]);
    const quote = await slack.waitFor((c) => c.body.response_type === 'in_channel');
    await toldAlready(quote.path === '/response/dbl-1' ? 'dbl-2' : 'dbl-1');
    await first.close();
    expect(quotes()).toHaveLength(1);

    const second = await startSlackApp({ apiUrl: slack.url, adapter: { shareKeys: await createFileSeenKeys({ dataDir, name: 'slack-share', ttlMs: 3_600_000, logger }) } });
    await click(second.eventsUrl, 'after-restart');
    await toldAlready('after-restart');
    await second.close();
    expect(quotes()).toHaveLength(1);
    // Nothing else reached the channel: the only answers to the repeated clicks are the two private notes.
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('a share that failed is forgotten, so clicking again posts it', async () => {
    const app = await startSlackApp({ apiUrl: slack.url });
    const before = slack.calls.length;
    // The response_url refuses (410) and so does the Web API fallback: nothing was posted.
    slack.script('response:fail-1', [{ status: 410, body: 'gone' }]);
    slack.script('chat.postMessage', [{ ok: false, error: 'not_in_channel' }]);
    const click = async (id: string) => {
      const body = blockActionsBody({ actionId: 'share_0', value: '000-004', responseUrl: slack.responseUrl(id), messageTs: '1700000999.000300' });
      await fetch(app.eventsUrl, { method: 'POST', headers: signedHeaders(TEST_SIGNING_SECRET, body), body });
    };
    await click('fail-1');
    const told = await slack.waitFor((c) => c.path === '/response/fail-1' && c.body.response_type === 'ephemeral');
    // The sharer hears why, in the kit's words for a bot that is not in the channel.
    expect(JSON.stringify(told.body)).toContain('请先把机器人加入本群后再分享。');
    await click('fail-2');
    await slack.waitFor((c) => c.path === '/response/fail-2' && c.body.response_type === 'in_channel');
    expect(slack.calls.slice(before).filter((c) => c.body.response_type === 'in_channel')).toHaveLength(2);
    await app.close();
  });
});

describe('stopping with answers still queued behind a slow response_url', () => {
  it('delivers what it can within the budget, then logs and counts what it could not', async () => {
    const h = await startSlackHarness({ adapter: { drainTimeoutMs: 300, responseTimeoutMs: 10_000 } });
    try {
      for (let i = 0; i < 5; i++) h.slack.script(`response:slow-${i}`, [{ status: 200, delayMs: 5_000 }]);
      for (let i = 0; i < 3; i++) h.slack.script(`response:quick-${i}`, [{ status: 200, delayMs: 50 }]);
      await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => h.post(slashCommandBody({ text: '人才', responseUrl: h.slack.responseUrl(`slow-${i}`) }))),
        ...Array.from({ length: 3 }, (_, i) => h.post(slashCommandBody({ text: '生态', responseUrl: h.slack.responseUrl(`quick-${i}`) }))),
      ]);
      await h.adapter.stop();
      expect(h.logs.find((l) => l.msg === 'slack: shutting down with 5 answers not delivered within 300 ms')).toMatchObject({
        level: 50,
        undelivered: 5,
      });
      expect(await metricLine(h, 'zhenxing_undelivered_total')).toEqual(['zhenxing_undelivered_total{platform="slack"} 5']);
      // The quick ones made it.
      expect(h.slack.calls.filter((c) => c.path.startsWith('/response/quick-'))).toHaveLength(3);
    } finally {
      await h.close();
    }
  });
});
