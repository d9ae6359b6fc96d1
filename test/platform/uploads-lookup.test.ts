/**
 * The uploader with a file to look up (a FileSource function, as Slack's files.info for a file_shared event): looked
 * up only for an admin, in the upload's turn; a lookup that finds nothing asks for the file again; one that throws is
 * logged and counted and answered with the kind SORRY, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL, type IncomingFile, type LibraryIntake } from '../../src/library/intake.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Conversation } from '../../src/platform/conversation.js';
import { SORRY } from '../../src/platform/messages.js';
import { NO_FILE, createUploader } from '../../src/platform/uploads.js';
import { createWorkQueue } from '../../src/platform/work-queue.js';
import type { View } from '../../src/router/view-model.js';
import { captureLogger } from '../scheduler/test-logger.js';

function setup() {
  const { logger, lines } = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const queue = createWorkQueue({ platform: 'test', logger, metrics });
  const added: string[] = [];
  const intake: LibraryIntake = {
    isAdmin: (id) => id === 'U0ADMIN',
    receive: async (file, userId) => {
      added.push(`${userId}:${file.name}:${(await file.download(100)).length}`);
      return { kind: 'message', lang: 'zh', tone: 'info', message: { zh: `已添加${file.name}`, en: 'Added' } };
    },
  };
  const uploader = createUploader({ platform: 'test', intake, queue, logger, metrics });
  return { uploader, lines, metrics, added };
}

function dm(userId: string) {
  const said: View[] = [];
  const post = async (v: View) => void said.push(v);
  const conv: Conversation = { ctx: { platform: 'slack', userId, channelId: 'D1' }, replyPrivately: post, postToChat: post };
  return { conv, said };
}

const text = (views: View[]) => views.map((v) => (v.kind === 'message' ? v.message.zh : v.kind));
const file = (name: string): IncomingFile => ({ name, download: async () => new Uint8Array(4) });

describe('createUploader with a file to look up', () => {
  it('looks the file up for an admin only, and adds what it found', async () => {
    const { uploader, added } = setup();
    const lookups: string[] = [];
    const lookUp = (who: string) => async () => (lookups.push(who), file('计划.md'));
    const stranger = dm('U0OTHER');
    await uploader.receive(lookUp('U0OTHER'), stranger.conv);
    expect(stranger.said).toEqual([REFUSAL]);
    const admin = dm('U0ADMIN');
    await uploader.receive(lookUp('U0ADMIN'), admin.conv);
    expect(lookups).toEqual(['U0ADMIN']);
    expect(added).toEqual(['U0ADMIN:计划.md:4']);
    expect(text(admin.said)).toEqual(['已添加计划.md']);
  });

  it('asks for the file again when the lookup found none', async () => {
    const { uploader, added } = setup();
    const admin = dm('U0ADMIN');
    await uploader.receive(async () => null, admin.conv);
    expect(text(admin.said)).toEqual([NO_FILE.zh]);
    expect(added).toEqual([]);
  });

  it('answers a lookup that threw with the kind SORRY, logged and counted as <platform>.file.lookup', async () => {
    const { uploader, lines, metrics, added } = setup();
    const admin = dm('U0ADMIN');
    await uploader.receive(() => Promise.reject(new Error('files.info: ratelimited')), admin.conv);
    expect(text(admin.said)).toEqual([SORRY.zh]);
    expect(added).toEqual([]);
    const line = lines.find((l) => l.msg === 'test: file.lookup failed');
    expect(line).toMatchObject({ userId: 'U0ADMIN', err: { message: 'files.info: ratelimited' } });
    expect(await metrics.registry.metrics()).toContain('zhenxing_errors_total{where="test.file.lookup"} 1');
  });
});
