/**
 * Builds and signs requests the way Slack does: form-encoded bodies, `v0=` + HMAC-SHA256 of
 * `v0:<timestamp>:<body>` with the signing secret, in x-slack-signature and x-slack-request-timestamp.
 */
import { createHmac, randomUUID } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'testsigningsecret0123456789abcdef';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replace the computed signature (to test a bad one). */
  signature?: string;
  /** Extra headers, e.g. x-slack-retry-num. */
  headers?: Record<string, string>;
}

export function signedHeaders(secret: string, body: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    ...options.headers,
  };
}

/** A slash command body as Slack sends it. */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  command?: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0STANDIN',
    team_domain: 'stand-in',
    channel_id: fields.channelId ?? 'C0TEST',
    channel_name: 'general',
    user_id: fields.userId ?? 'U0ASKER',
    user_name: 'asker',
    command: fields.command ?? '/zhenxing',
    text: fields.text,
    api_app_id: 'A0ZHENXING',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? randomUUID(),
  }).toString();
}

let messageCounter = 0;

/** A block_actions body for one button click, as Slack sends it (form field `payload` holding JSON). */
export function blockActionsBody(fields: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  triggerId?: string;
  actionTs?: string;
  /** The ts of the message the button is in; default a new one per call (a click on another message). */
  messageTs?: string;
}): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0STANDIN', domain: 'stand-in' },
    user: { id: fields.userId ?? 'U0CLICKER', username: 'clicker', team_id: 'T0STANDIN' },
    api_app_id: 'A0ZHENXING',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: fields.messageTs ?? `${1_700_000_000 + (messageCounter += 1)}.000100`,
      channel_id: fields.channelId ?? 'C0TEST',
      is_ephemeral: true,
    },
    trigger_id: fields.triggerId ?? randomUUID(),
    channel: { id: fields.channelId ?? 'C0TEST', name: 'general' },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: fields.value,
        action_ts: fields.actionTs ?? `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Posts a signed body; resolves with the status and body text once the app has answered (the ack). */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  options: SignOptions = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: signedHeaders(secret, body, options), body });
  return { status: res.status, text: await res.text() };
}

/** An Events API body (JSON) carrying `event`, as Slack posts it to /slack/events; a fresh event_id each time. */
export function eventCallbackBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0STANDIN',
    api_app_id: 'A0ZHENXING',
    type: 'event_callback',
    event_id: `Ev${randomUUID().slice(0, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}
