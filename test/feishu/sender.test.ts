/**
 * The digest sender against the Open API stand-in: what reaches Feishu, and how its refusals become the
 * DeliveryErrors the scheduler acts on (permanent: stop; retryable: back off).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeishuConfig } from '../../src/config.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import type { Digest } from '../../src/digest/types.js';
import { createFeishuAdapter } from '../../src/feishu/index.js';
import type { Card } from '../../src/feishu/render/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { DeliveryError, type DigestSender } from '../../src/state/delivery.js';
import { cardOf, startFeishuStandIn, type FeishuStandIn } from '../helpers/feishu-stand-in.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { cardProblems, markdownOf } from './card-check.js';
import { TEST_APP_ID, TEST_APP_SECRET } from './harness.js';

const unusedRouter: Router = {
  handle: () => Promise.reject(new Error('not used')),
  page: () => Promise.reject(new Error('not used')),
  share: () => Promise.reject(new Error('not used')),
};

function senderFor(domain: string, logger = createLogger({ level: 'silent' })): DigestSender {
  const config: FeishuConfig = {
    appId: TEST_APP_ID,
    appSecret: TEST_APP_SECRET,
    mode: 'http',
    encryptKey: 'k',
    verificationToken: undefined,
    domain,
    digestChats: [],
  };
  return createFeishuAdapter({
    config,
    router: unusedRouter,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    httpServer: createHttpServer(),
    options: { requestTimeoutMs: 2000 },
  }).sender;
}

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected the send to fail');
}

let feishu: FeishuStandIn;
let sender: DigestSender;
let digest: Digest;
const CHAT = 'oc_digestchat000000000000000000001';
const posts = () => feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages');
const tokenRequests = () => feishu.calls.filter((c) => c.route === 'POST /open-apis/auth/v3/tenant_access_token/internal');

beforeAll(async () => {
  feishu = await startFeishuStandIn();
  sender = senderFor(feishu.url);
  digest = createDigestPlanner(getSharedCorpus()).digestFor('2026-11-22');
});
afterAll(async () => {
  await feishu?.close();
});

describe('Feishu digest sender', () => {
  it('posts the digest card to the chat, idempotently per chat and day', async () => {
    expect(sender.platform).toBe('feishu');
    await sender.send(CHAT, digest);
    const post = posts().at(-1);
    if (!post) throw new Error('nothing posted');
    expect(post.query).toEqual({ receive_id_type: 'chat_id' });
    expect(post.body).toMatchObject({ receive_id: CHAT, msg_type: 'interactive' });
    const card = cardOf(post) as unknown as Card;
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe(`每日一读 · ${digest.theme.name} · 11月22日 星期日`);
    expect(markdownOf(card)).toContain('> ');
    expect(markdownOf(card)).toContain('输入“&#64;振兴 退订”可停止接收每日一读。');

    // A retry of the same day's digest carries the same uuid: Feishu posts it at most once.
    await sender.send(CHAT, digest);
    const [a, b] = posts().slice(-2);
    expect(a?.body.uuid).toMatch(/^digest-[0-9a-f]{40}$/);
    expect(b?.body.uuid).toBe(a?.body.uuid);
    await sender.send('oc_other', digest);
    expect(posts().at(-1)?.body.uuid).not.toBe(a?.body.uuid);
  });

  it('reports a chat the bot is not in, or that does not exist, as permanent', async () => {
    feishu.script('POST /open-apis/im/v1/messages', [
      { status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } },
      { status: 400, body: { code: 230001, msg: 'Your request contains an invalid request parameter, ext=invalid receive_id.' } },
    ]);
    const notIn = await failure(sender.send(CHAT, digest));
    expect([notIn.code, notIn.permanent, notIn.message]).toEqual([
      'bot_not_in_chat',
      true,
      'Feishu API error 230002 (HTTP 400): Bot/User can NOT be out of the chat.',
    ]);
    const missing = await failure(sender.send('oc_gone', digest));
    expect([missing.code, missing.permanent]).toEqual(['invalid_request', true]);
  });

  it('reports rate limits and server errors as retryable, with the wait Feishu asks for', async () => {
    feishu.script('POST /open-apis/im/v1/messages', [
      { status: 429, headers: { 'x-ogw-ratelimit-reset': '4' }, body: { code: 99991400, msg: 'request trigger frequency limit' } },
      { status: 503, body: 'Service Unavailable' },
    ]);
    const limited = await failure(sender.send(CHAT, digest));
    expect([limited.code, limited.permanent, limited.retryAfterMs]).toEqual(['rate_limited', false, 4000]);
    const down = await failure(sender.send(CHAT, digest));
    expect([down.code, down.permanent]).toEqual(['server_error', false]);
  });

  it('drops an expired tenant token so the retry fetches a new one', async () => {
    const before = tokenRequests().length;
    feishu.script('POST /open-apis/im/v1/messages', [
      { status: 400, body: { code: 99991663, msg: 'Invalid access token for authorization.' } },
    ]);
    const expired = await failure(sender.send(CHAT, digest));
    expect([expired.code, expired.permanent]).toEqual(['invalid_token', false]);
    await sender.send(CHAT, digest);
    expect(tokenRequests().length).toBe(before + 1);
  });

  it('reports a refused app secret as permanent, without ever logging the secret', async () => {
    const own = await startFeishuStandIn();
    own.script('POST /open-apis/auth/v3/tenant_access_token/internal', [
      { status: 400, body: { code: 10014, msg: 'app secret invalid' } },
    ]);
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString('utf8'));
        cb();
      },
    });
    try {
      const e = await failure(senderFor(own.url, createLogger({ level: 'trace', destination })).send(CHAT, digest));
      expect([e.code, e.permanent, e.message]).toEqual([
        'invalid_app_secret',
        true,
        'Feishu API error 10014 (HTTP 400): app secret invalid',
      ]);
      expect(lines.join('')).toContain('feishu-sdk');
      expect(lines.join('')).not.toContain(TEST_APP_SECRET);
    } finally {
      await own.close();
    }
  });

  it('reports an unreachable Feishu as a retryable network error', async () => {
    const closed = await startFeishuStandIn();
    const url = closed.url;
    await closed.close();
    const e = await failure(senderFor(url).send(CHAT, digest));
    expect([e.code, e.permanent]).toEqual(['network_error', false]);
    expect(e.message).toMatch(/^Feishu API unreachable: ECONNREFUSED/);
  });
});
