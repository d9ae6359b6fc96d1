/**
 * Through the real Slack app over signed HTTP: when the router fails behind a click, the clicker gets the kind
 * SORRY privately, and the failure is logged ("slack: handler failed") and counted under the listener's own name
 * (slack.page, slack.digest_more, slack.feedback, slack.share), as before the move onto the platform kit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePageRef, encodeVoteRef, type Router } from '../../src/router/view-model.js';
import { startSlackHarness, type SlackHarness } from './harness.js';

let h: SlackHarness;
beforeAll(async () => {
  const boom = (what: string) => () => Promise.reject(new Error(`${what} exploded`));
  h = await startSlackHarness({
    wrapRouter: (r: Router): Router => ({ ...r, page: boom('page'), vote: boom('vote'), share: boom('share') }),
  });
});
afterAll(() => h?.close());

const sections = (body: unknown) =>
  ((body as { blocks: { type: string; text?: { text: string } }[] }).blocks ?? []).filter((b) => b.type === 'section').map((b) => b.text?.text);

describe('a failing router behind a click', () => {
  it.each([
    ['page_next', encodePageRef({ kind: 'search', query: '人才', page: 2 }), 'slack.page', 'page exploded'],
    ['digest_more', 'talent', 'slack.digest_more', 'page exploded'],
    ['feedback_up_0', encodeVoteRef({ query: '人才', passageId: '000-004', value: 'up' }), 'slack.feedback', 'vote exploded'],
    ['share_0', '000-004', 'slack.share', 'share exploded'],
  ])('%s: SORRY privately, logged and counted as %s', async (actionId, value, where, message) => {
    const before = h.logs.length;
    const { status, response } = await h.click(actionId, value);
    expect(status).toBe(200);
    expect(response?.body.response_type).toBe('ephemeral');
    expect(response?.body.replace_original).toBe(false);
    expect(sections(response?.body)).toEqual(['⚠️ 抱歉，处理时出了点问题，请稍后再试。']);
    const line = h.logs.slice(before).find((l) => l.msg === 'slack: handler failed');
    expect(line).toMatchObject({ level: 50, where, err: { message } });
    const errors = await h.metrics.errors.get();
    expect(errors.values.find((v) => v.labels.where === where)?.value).toBe(1);
  });
});
