/** The lean fetch Bolt uses for response_url posts and Web API calls behaves like fetch where Bolt relies on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../../src/platform/http-fetch.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

let slack: SlackStandIn;
const f = createHttpFetch();
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  f.close();
  await slack.close();
});

describe('createHttpFetch', () => {
  it('posts a JSON body with its headers and reads status, headers and body back', async () => {
    slack.script('response:a', [{ status: 429, headers: { 'retry-after': '3' }, body: { ok: false } }]);
    const res = await f(slack.responseUrl('a'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '人才振兴' }),
    });
    expect([res.status, res.ok, res.headers.get('retry-after')]).toEqual([429, false, '3']);
    expect(await res.json()).toEqual({ ok: false });
    const call = await slack.waitFor((c) => c.path === '/response/a');
    expect(call.body).toEqual({ text: '人才振兴' });
    expect(call.headers['content-type']).toBe('application/json');
  });

  it('sends URLSearchParams as a form, as the Web API client does', async () => {
    const res = await f(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-1' },
      body: new URLSearchParams({ channel: 'C1', text: 'hi' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C1' });
    const call = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C1');
    expect(call.headers.authorization).toBe('Bearer xoxb-1');
  });

  it('rejects when the signal aborts, and refuses redirects when asked to', async () => {
    slack.script('response:slow', [{ status: 200, delayMs: 2000, body: {} }]);
    await expect(f(slack.responseUrl('slow'), { method: 'POST', body: '{}', signal: AbortSignal.timeout(50) })).rejects.toThrow();
    slack.script('response:moved', [{ status: 302, headers: { location: 'http://elsewhere/' } }]);
    await expect(f(slack.responseUrl('moved'), { method: 'POST', body: '{}', redirect: 'error' })).rejects.toThrow(
      'unexpected redirect to http://elsewhere/',
    );
  });

  it('rejects on a refused connection', async () => {
    await expect(f('http://127.0.0.1:9/api/auth.test', { method: 'POST', body: '' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
