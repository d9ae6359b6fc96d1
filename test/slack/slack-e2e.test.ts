/**
 * End to end through the real Bolt app in HTTP mode: signed requests in, what the user would see out (posted to
 * the stand-in's response_url or Web API).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/observability/logger.js';
import { createStateStore } from '../../src/state/file-store.js';
import type { StateStore } from '../../src/state/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePageRef, type Router } from '../../src/router/view-model.js';
import { DeliveryError } from '../../src/state/delivery.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { TEST_SIGNING_SECRET, slashCommandBody, slackSignature } from '../helpers/slack-sign.js';
import { blockKitProblems, mrkdwnTexts } from './block-kit-check.js';
import { startSlackHarness, type SlackHarness } from './harness.js';

interface Btn {
  action_id: string;
  value: string;
  text: { text: string };
}
interface Msg {
  blocks: { type: string; text?: { text: string }; accessory?: Btn; elements?: Btn[] }[];
  text: string;
  response_type?: string;
  replace_original?: boolean;
}

const asMsg = (body: unknown) => body as Msg;
const buttonsOf = (m: Msg): Btn[] =>
  m.blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? (b.elements ?? []) : [])]);
const headerOf = (m: Msg) => m.blocks.find((b) => b.type === 'header')?.text?.text;
const sectionsOf = (m: Msg) => m.blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('slash command', () => {
  it('acks at once and privately shows the best passages with their sources and share buttons', async () => {
    const { status, ackBody, response } = await h.command('人才振兴');
    expect(status).toBe(200);
    expect(ackBody).toBe('');
    const msg = asMsg(response.body);
    expect(msg.response_type).toBe('ephemeral');
    expect(blockKitProblems(msg)).toEqual([]);
    expect(headerOf(msg)).toBe('搜索：人才振兴');
    const sections = sectionsOf(msg);
    expect(sections).toHaveLength(5);
    for (const s of sections) {
      expect(s).toMatch(/^\d\. \u200b\*《[^》]+》/);
      expect(s).toMatch(/\u200b\*[^*]*人才[^*]*\*\u200b/);
    }
    const corpus = getSharedCorpus();
    const shares = buttonsOf(msg).filter((b) => b.action_id.startsWith('share'));
    expect(shares).toHaveLength(5);
    for (const b of shares) expect(corpus.byId.has(b.value)).toBe(true);
    expect(buttonsOf(msg).find((b) => b.action_id === 'page_next')).toBeDefined();
  });

  it.each([[''], ['help'], ['帮助'], ['ｈｅｌｐ'], ['、帮助']])('shows usage with examples for %j', async (text) => {
    const { response } = await h.command(text);
    const msg = asMsg(response.body);
    expect(blockKitProblems(msg)).toEqual([]);
    expect(headerOf(msg)).toMatch(/^振兴 · 乡村振兴与党建文献助手/);
    expect(sectionsOf(msg).join('\n')).toContain('`/zhenxing &lt;关键词&gt;`');
    expect(sectionsOf(msg).join('\n')).toContain('`/zhenxing 人才振兴`');
  });

  it('lists a theme for `主题 人才` and `theme talent`', async () => {
    for (const text of ['主题 人才', 'theme talent']) {
      const msg = asMsg((await h.command(text)).response.body);
      expect(blockKitProblems(msg)).toEqual([]);
      expect(headerOf(msg)).toMatch(/^主题：人才振兴/);
      expect(sectionsOf(msg).length).toBeGreaterThan(0);
    }
  });

  it("previews today's digest privately, with a share button per passage and a more button", async () => {
    const msg = asMsg((await h.command('今日')).response.body);
    expect(msg.response_type).toBe('ephemeral');
    expect(blockKitProblems(msg)).toEqual([]);
    // 2026-11-22 in Shanghai; the theme is whatever the planner gives that day.
    const planner = createDigestPlanner(getSharedCorpus());
    const digest = planner.digestFor('2026-11-22');
    expect(headerOf(msg)).toBe(`每日一读 · ${digest.theme.name} · 11月22日 星期日`);
    expect(buttonsOf(msg).filter((b) => b.action_id.startsWith('share')).map((b) => b.value)).toEqual(
      digest.passages.map((p) => p.id),
    );
    expect(buttonsOf(msg).find((b) => b.action_id === 'digest_more')?.value).toBe(digest.theme.id);
  });

  it('lists the sources for `docs` / `文档`', async () => {
    const msg = asMsg((await h.command('文档')).response.body);
    expect(blockKitProblems(msg)).toEqual([]);
    expect(headerOf(msg)).toBe('收录文献');
    expect(sectionsOf(msg).length).toBe(getSharedCorpus().articles.length);
  });

  it('escapes a query so that <!channel> or <@U123> pings nobody', async () => {
    const msg = asMsg((await h.command('<!channel> 人才 <@U123>')).response.body);
    expect(blockKitProblems(msg)).toEqual([]);
    expect(mrkdwnTexts(msg).join('\n')).not.toMatch(/<[!@]/);
    expect(msg.text).toContain('&lt;!channel&gt; 人才 &lt;@U123&gt;');
  });

  it("decodes Slack's &amp; &lt; &gt; before searching, then escapes the query once for mrkdwn", async () => {
    // What Slack sends when a user types `<!channel> 人才` and `A&B`.
    const msg = asMsg((await h.command('&lt;!channel&gt; 人才')).response.body);
    expect(blockKitProblems(msg)).toEqual([]);
    // The header is plain_text, which Slack never parses: it shows the query as typed (`channel` reads as English).
    expect(headerOf(msg)).toBe('搜索：<!channel> 人才 · Search');
    expect(msg.text).toContain('搜索「&lt;!channel&gt; 人才」');
    expect(JSON.stringify(msg)).not.toContain('&amp;lt;');
    expect(mrkdwnTexts(msg).join('\n')).not.toMatch(/<[!@]/);
    expect(sectionsOf(msg).length).toBeGreaterThan(0);

    const amp = asMsg((await h.command('A&amp;B')).response.body);
    expect(blockKitProblems(amp)).toEqual([]);
    expect(headerOf(amp)).toBe('搜索：A&B');
    expect(amp.text).toContain('搜索「A&amp;B」');
    expect(JSON.stringify(amp)).not.toContain('&amp;amp;');
  });

  it('answers a failing router with a short friendly message and a log line, and keeps serving', async () => {
    const failing = await startSlackHarness({
      wrapRouter: (r: Router): Router => ({
        ...r,
        handle: async (text, ctx) => {
          if (text === '爆炸') throw new Error('engine exploded');
          return r.handle(text, ctx);
        },
      }),
    });
    try {
      const { status, response } = await failing.command('爆炸');
      expect(status).toBe(200);
      const msg = asMsg(response.body);
      expect(sectionsOf(msg)).toEqual(['⚠️ 抱歉，处理时出了点问题，请稍后再试。']);
      expect(JSON.stringify(msg)).not.toContain('engine exploded');
      const line = failing.logs.find((l) => l.msg === 'slack: handler failed');
      expect(line?.where).toBe('slack.command');
      expect((line?.err as { message?: string } | undefined)?.message).toBe('engine exploded');
      expect(headerOf(asMsg((await failing.command('人才')).response.body))).toBe('搜索：人才');
    } finally {
      await failing.close();
    }
  });

  it('finishes answers already acknowledged before stop() resolves', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startSlackHarness({
      wrapRouter: (r: Router): Router => ({ ...r, handle: async (text, ctx) => (await gate, r.handle(text, ctx)) }),
    });
    try {
      const id = `slow-${randomUUID()}`;
      const res = await slow.post(slashCommandBody({ text: '人才', responseUrl: slow.slack.responseUrl(id) }));
      expect(res.status).toBe(200);
      const stopped = slow.adapter.stop();
      release();
      await stopped;
      expect(slow.slack.calls.filter((c) => c.path === `/response/${id}`)).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('past maxPending answers at once with a busy message instead of searching, and loses nothing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const searched: string[] = [];
    const busy = await startSlackHarness({
      maxPending: 2,
      wrapRouter: (r: Router): Router => ({
        ...r,
        handle: async (text, ctx) => {
          searched.push(text);
          await gate;
          return r.handle(text, ctx);
        },
      }),
    });
    try {
      const ids = [`held-${randomUUID()}`, `held-${randomUUID()}`];
      for (const [i, id] of ids.entries()) {
        const res = await busy.post(slashCommandBody({ text: `人才 ${i}`, responseUrl: busy.slack.responseUrl(id) }));
        expect(res.status).toBe(200);
      }
      await expect.poll(() => searched.length).toBe(2);

      // Full: the next command is acked and told to try again, without a search.
      const extra = await busy.command('talent');
      expect(extra.status).toBe(200);
      const msg = asMsg(extra.response.body);
      expect(msg.response_type).toBe('ephemeral');
      expect(sectionsOf(msg)).toEqual(['现在请求较多，请稍后再试。\nBusy right now, please try again in a moment.']);
      expect(searched).toEqual(['人才 0', '人才 1']);
      // A page click is refused the same way and leaves the list it came from.
      const page = asMsg((await busy.click('page_next', '{not json')).response?.body);
      expect(page.replace_original).toBe(false);
      expect(sectionsOf(page)).toEqual(['现在请求较多，请稍后再试。']);
      // A share is never refused.
      const passage = getSharedCorpus().passages[0]?.id ?? '';
      const share = asMsg((await busy.click('share_0', passage)).response?.body);
      expect(share.response_type).toBe('in_channel');

      expect(busy.logs.filter((l) => l.msg === 'slack: too many answers pending; sent the busy message instead')).toMatchObject([
        { level: 40, where: 'slack.command', pending: 2, maxPending: 2 },
        { level: 40, where: 'slack.page', pending: 2, maxPending: 2 },
      ]);
      const errors = await busy.metrics.errors.get();
      expect(errors.values.find((v) => v.labels.where === 'slack.busy')?.value).toBe(2);

      // The held commands get their real answers once released, and there is room again.
      release();
      for (const [i, id] of ids.entries()) {
        const answer = await busy.slack.waitFor((c) => c.path === `/response/${id}`);
        expect(headerOf(asMsg(answer.body))).toBe(`搜索：人才 ${i}`);
      }
      expect(headerOf(asMsg((await busy.command('人才')).response.body))).toBe('搜索：人才');
    } finally {
      await busy.close();
    }
  });

  it('retries a response_url that answered 500 once: the answer arrives', async () => {
    const id = `r500-${Date.now()}`;
    h.slack.script(`response:${id}`, [{ status: 500, body: 'oops' }]);
    expect((await h.post(slashCommandBody({ text: '乡村', responseUrl: h.slack.responseUrl(id) }))).status).toBe(200);
    await expect.poll(() => h.slack.calls.filter((c) => c.path === `/response/${id}`).length, { timeout: 10_000 }).toBe(2);
    expect(headerOf(asMsg(h.slack.calls.filter((c) => c.path === `/response/${id}`)[1]?.body as Record<string, unknown>))).toBe('搜索：乡村');
  });

  it('logs and counts a response_url that refuses the answer every time instead of crashing', async () => {
    h.slack.script('response', [{ status: 500, body: 'oops' }, { status: 502, body: 'oops' }, { status: 503, body: 'oops' }]);
    const before = h.logs.length;
    const { status } = await h.command('乡村');
    expect(status).toBe(200);
    // Three attempts with backoff between them: give it a few seconds on a loaded machine.
    await expect
      .poll(() => h.logs.slice(before).find((l) => l.msg === 'slack: could not post to response_url'), { timeout: 10_000 })
      .toBeDefined();
    expect(h.logs.slice(before).find((l) => l.msg === 'outbound: gave up a call to slack.response_url (http_503)')).toMatchObject({ attempts: 3 });
    expect(await h.metrics.registry.metrics()).toContain('zhenxing_outbound_given_up_total{peer="slack.response_url",reason="http_503"} 1');
    // Still serving.
    expect(headerOf(asMsg((await h.command('乡村')).response.body))).toBe('搜索：乡村');
  });
});

describe('pagination', () => {
  it('redraws the same message with the next and previous pages', async () => {
    const first = asMsg((await h.command('乡村振兴')).response.body);
    const next = buttonsOf(first).find((b) => b.action_id === 'page_next');
    expect(decodePageRef(next?.value ?? '')).toEqual({ kind: 'search', query: '乡村振兴', page: 2 });

    const { status, response } = await h.click('page_next', next?.value ?? '');
    expect(status).toBe(200);
    const second = asMsg(response?.body);
    expect(second.replace_original).toBe(true);
    expect(headerOf(second)).toBe('搜索：乡村振兴');
    expect(sectionsOf(second)[0]).toMatch(/^6\. /);
    const firstIds = buttonsOf(first).filter((b) => b.action_id.startsWith('share')).map((b) => b.value);
    const secondIds = buttonsOf(second).filter((b) => b.action_id.startsWith('share')).map((b) => b.value);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);

    const prev = buttonsOf(second).find((b) => b.action_id === 'page_prev');
    const back = asMsg((await h.click('page_prev', prev?.value ?? '')).response?.body);
    expect(buttonsOf(back).filter((b) => b.action_id.startsWith('share')).map((b) => b.value)).toEqual(firstIds);
  });

  it('answers a malformed page button kindly', async () => {
    const msg = asMsg((await h.click('page_next', '{not json')).response?.body);
    expect(sectionsOf(msg)).toEqual(['⚠️ 这个按钮已失效，请重新搜索。']);
  });

  it("the digest's more button answers privately with the theme listing, leaving the digest", async () => {
    const msg = asMsg((await h.click('digest_more', 'ecology')).response?.body);
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.replace_original).toBe(false);
    expect(headerOf(msg)).toMatch(/^主题：生态振兴/);
  });
});

describe('share', () => {
  it('posts exactly one public quote of the full passage with its source and the sharer', async () => {
    const corpus = getSharedCorpus();
    const list = asMsg((await h.command('人才振兴')).response.body);
    const share = buttonsOf(list).find((b) => b.action_id.startsWith('share'));
    const passage = corpus.byId.get(share?.value ?? '');
    expect(passage).toBeDefined();

    const triggerId = randomUUID();
    const { responseId, response } = await h.click(share?.action_id ?? '', share?.value ?? '', {
      triggerId,
      userId: 'U0SHARER',
    });
    const msg = asMsg(response?.body);
    expect(msg.response_type).toBe('in_channel');
    expect(msg.replace_original).toBe(false);
    expect(blockKitProblems(msg)).toEqual([]);
    const quote = sectionsOf(msg)
      .join('\n')
      .replace(/\n— .*$/, '')
      .split('\n')
      .map((l) => l.replace(/^>/, ''))
      .join('\n');
    const escaped = (passage?.text ?? '').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(quote).toBe(escaped);
    expect(sectionsOf(msg).at(-1)).toContain(`\n— 《${passage?.title}》`);
    expect(JSON.stringify(msg.blocks)).toContain('由 <@U0SHARER> 分享');

    // Slack redelivering the same click must not post a second time.
    await h.click(share?.action_id ?? '', share?.value ?? '', { triggerId, responseId, waitForResponse: false });
    await h.command('乡村'); // a later request that has surely been handled after the repeat
    expect(h.slack.calls.filter((c) => c.path === `/response/${responseId}`)).toHaveLength(1);
  });

  it('answers an unknown passage id privately', async () => {
    const msg = asMsg((await h.click('share_0', '999-999')).response?.body);
    expect(msg.response_type).toBe('ephemeral');
    expect(sectionsOf(msg)[0]).toContain('找不到这段文字');
  });

  it('falls back to chat.postMessage when the response_url has expired', async () => {
    const responseId = `expired-${randomUUID()}`;
    h.slack.script(`response:${responseId}`, [{ status: 404, body: 'expired_url' }]);
    const id = getSharedCorpus().passages[3]?.id ?? '';
    await h.click('share_2', id, { responseId });
    const post = await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0TEST');
    expect(JSON.stringify(post.body.blocks)).toContain('由 <@U0CLICKER> 分享');
  });
});

describe('request verification', () => {
  const body = () => slashCommandBody({ text: '人才', responseUrl: h.slack.responseUrl(`never-${randomUUID()}`) });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a bad signature', { signature: 'v0=deadbeef' }],
    ['another secret', { secret: 'someothersecret0123456789' }],
    ['a timestamp 10 minutes old', { timestamp: now() - 600 }],
    ['a timestamp 10 minutes in the future', { timestamp: now() + 600 }],
  ])('refuses %s with 401 and does nothing', async (_name, sign) => {
    const b = body();
    const url = /response_url=([^&]+)/.exec(b)?.[1] ?? '';
    const res = await h.post(b, sign);
    expect(res.status).toBe(401);
    // A valid request sent afterwards is answered; the refused one never is.
    await h.command('乡村');
    expect(h.slack.calls.some((c) => decodeURIComponent(url).endsWith(c.path))).toBe(false);
  });

  it('refuses a request with no signature headers', async () => {
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body(),
    });
    expect(res.status).toBe(401);
  });

  it('accepts a timestamp a little in the future (clock skew)', async () => {
    const b = slashCommandBody({ text: '帮助', responseUrl: h.slack.responseUrl('skew') });
    const ts = now() + 120;
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, ts, b),
      },
      body: b,
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor((c) => c.path === '/response/skew');
  });

  it("answers Slack's URL verification challenge", async () => {
    const res = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }), {
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'abc123' });
  });
});

describe('digest sender', () => {
  const digest = () => createDigestPlanner(getSharedCorpus()).digestFor('2026-11-23');

  it('posts the digest with blocks and a notification text', async () => {
    await h.adapter.sender.send('C0DIGEST', digest());
    const call = await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0DIGEST');
    const msg = call.body as unknown as Msg;
    expect(blockKitProblems(msg)).toEqual([]);
    expect(headerOf(msg)).toMatch(/^每日一读 · .+ · 11月23日 星期一$/);
    expect(msg.text).toMatch(/^每日一读 · /);
    expect(call.headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it.each([
    ['not_in_channel', [{ ok: false, error: 'not_in_channel' }], { code: 'not_in_channel', permanent: true, retryAfterMs: undefined }],
    ['channel_not_found', [{ ok: false, error: 'channel_not_found' }], { code: 'channel_not_found', permanent: true, retryAfterMs: undefined }],
    ['429 with Retry-After', [{ status: 429, headers: { 'retry-after': '7' } }], { code: 'ratelimited', permanent: false, retryAfterMs: 7000 }],
    ['a 503', [{ status: 503, body: 'unavailable' }], { code: 'http_503', permanent: false, retryAfterMs: undefined }],
    ['internal_error', [{ ok: false, error: 'internal_error' }], { code: 'internal_error', permanent: false, retryAfterMs: undefined }],
  ])('maps %s to a DeliveryError', async (_name, replies, expected) => {
    h.slack.script('chat.postMessage', replies);
    const err = await h.adapter.sender.send('C0FAIL', digest()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    const d = err as DeliveryError;
    expect({ code: d.code, permanent: d.permanent, retryAfterMs: d.retryAfterMs }).toEqual(expected);
  });

  it('maps an unreachable Slack to a retryable network DeliveryError', async () => {
    const { createSlackSender } = await import('../../src/slack/sender.js');
    const { webApi } = await import('@slack/bolt');
    const client = new webApi.WebClient('xoxb-x', { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } });
    const { createLogger } = await import('../../src/observability/logger.js');
    const sender = createSlackSender({ client, logger: createLogger({ level: 'silent' }) });
    const err = (await sender.send('C1', digest()).catch((e: unknown) => e)) as DeliveryError;
    expect(err).toBeInstanceOf(DeliveryError);
    expect([err.code, err.permanent]).toEqual(['network', false]);
    expect(err.message).toMatch(/^Could not reach Slack posting to C1: /);
  });
});

describe('订阅 checks the channel first (conversations.info)', () => {
  let s: SlackHarness;
  let dataDir: string;
  let store: StateStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhenxing-slack-sub-'));
    store = await createStateStore({ dataDir, logger: createLogger({ level: 'silent' }) });
    s = await startSlackHarness({ store });
  });
  afterAll(async () => {
    await s?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const said = (call: { body: unknown }) => sectionsOf(asMsg(call.body)).join('\n');

  it('refuses a DM the bot cannot post in, and says where to subscribe instead', async () => {
    s.slack.script('conversations.info', [{ ok: false, error: 'channel_not_found' }]);
    const { response } = await s.command('订阅', { channelId: 'D0SOMEDM' });
    expect(said(response)).toBe(
      '⚠️ 私信里不能订阅“每日一读”：机器人无法在这个私信会话中发消息。请到要接收的频道里输入 /zhenxing 订阅。',
    );
    const check = await s.slack.waitFor((c) => c.method === 'conversations.info');
    expect(check.body.channel).toBe('D0SOMEDM');
    expect(store.isSubscribed({ platform: 'slack', id: 'D0SOMEDM' })).toBe(false);
  });

  it('refuses a private channel the bot is not in, with the /invite to type', async () => {
    s.slack.script('conversations.info', [{ ok: false, error: 'channel_not_found' }]);
    const { response } = await s.command('订阅', { channelId: 'C0PRIVATE' });
    expect(said(response)).toBe(
      '⚠️ 机器人还不在这个私有频道里，每天早上的“每日一读”发不进来。请先输入 /invite @zhenxing 把机器人加进来，再输入 /zhenxing 订阅。',
    );
    expect(store.isSubscribed({ platform: 'slack', id: 'C0PRIVATE' })).toBe(false);
  });

  it('subscribes a public channel the bot has not joined (chat:write.public posts there)', async () => {
    s.slack.script('conversations.info', [
      { ok: true, channel: { id: 'C0PUBLIC', is_channel: true, is_private: false, is_member: false, is_archived: false } },
    ]);
    const { response } = await s.command('订阅', { channelId: 'C0PUBLIC' });
    expect(said(response)).toContain('已订阅：本频道每天早上会收到“每日一读”。');
    expect(store.isSubscribed({ platform: 'slack', id: 'C0PUBLIC' })).toBe(true);
  });

  it('subscribes anyway (and logs) when Slack cannot tell, e.g. the scope is missing', async () => {
    s.slack.script('conversations.info', [{ ok: false, error: 'missing_scope', needed: 'groups:read' }]);
    const { response } = await s.command('订阅', { channelId: 'C0NOSCOPE' });
    expect(said(response)).toContain('已订阅');
    expect(s.logs.some((l) => l.msg === 'slack: could not check the channel before subscribing; subscribing anyway')).toBe(true);
  });
});
