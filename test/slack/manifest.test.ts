/**
 * manifest.json is what a team installs the app from: it must be a valid Slack app manifest that matches the
 * code (the request path, the command, the scopes the code needs) and the README's default (HTTP mode).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/index.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home?: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; url: string; description: string; usage_hint: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions?: { request_url: string; bot_events: string[] };
    socket_mode_enabled: boolean;
  };
};

describe('manifest.json', () => {
  it('declares /zhenxing with a Chinese and English description and usage hint, sent unescaped', () => {
    const [cmd, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(cmd?.command).toBe('/zhenxing');
    for (const text of [cmd?.description ?? '', cmd?.usage_hint ?? '']) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).toMatch(/[A-Za-z]{4,}/);
    }
    expect(cmd?.description.length).toBeLessThanOrEqual(2000);
    expect(cmd?.usage_hint.length).toBeLessThanOrEqual(1000);
    // The router parses the raw text; escaped mentions would reach the search as <@U…|name>.
    expect(cmd?.should_escape).toBe(false);
  });

  it('sends commands and interactivity to the path the app serves, in HTTP mode by default', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [manifest.settings.interactivity.request_url, manifest.features.slash_commands[0]?.url]) {
      expect(new URL(url ?? '').pathname).toBe(SLACK_EVENTS_PATH);
      expect(url).toMatch(/^https:\/\/YOUR-HOST\//);
    }
  });

  it('asks for the scopes the code uses, and no more', () => {
    // *:read: conversations.info, asked before 订阅 stores a channel the digest could not reach. files:read: a file
    // an admin sends to the bot's DM (file_shared), added to the library.
    // *:read: conversations.info, asked before 订阅 stores a channel the digest could not reach.
    // *:history: conversations.history, to find a digest already posted before posting it again (docs/digest.md).
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:history',
      'channels:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'files:read',
      'groups:history',
      'groups:read',
      'im:read',
      'mpim:read',
    ]);
  });

  it('lets admins DM files to the bot: the Messages tab open, file_shared events sent to the path the app serves', () => {
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.event_subscriptions?.bot_events).toEqual(['file_shared']);
    expect(new URL(manifest.settings.event_subscriptions?.request_url ?? '').pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('stays within Slack’s manifest limits', () => {
    const d = manifest.display_information;
    expect(manifest._metadata.major_version).toBe(1);
    expect(d.name.length).toBeLessThanOrEqual(35);
    expect(d.description.length).toBeLessThanOrEqual(140);
    expect(d.long_description.length).toBeGreaterThanOrEqual(175);
    expect(d.long_description.length).toBeLessThanOrEqual(4000);
    expect(d.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });
});
