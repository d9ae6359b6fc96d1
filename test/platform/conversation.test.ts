/**
 * The kit's answering flow and uploader over a recording Conversation, with the real router over the shared corpus:
 * a conversation whose failures carry its own fields and that recovers its own way instead of the kind SORRY, and
 * files from admins and others. (Each platform's own e2e tests run the same flow
 * through its real adapter.)
 */
import { describe, expect, it } from 'vitest';
import { createDigestPlanner } from '../../src/digest/index.js';
import { REFUSAL, type LibraryIntake } from '../../src/library/intake.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createAnswerer, type AnswererDeps, type Conversation } from '../../src/platform/conversation.js';
import { SHARE_FAILED, SORRY } from '../../src/platform/messages.js';
import { NO_FILE, createUploader } from '../../src/platform/uploads.js';
import { createWorkQueue } from '../../src/platform/work-queue.js';
import { createRouter } from '../../src/router/router.js';
import type { Router, View } from '../../src/router/view-model.js';
import { captureLogger } from '../scheduler/test-logger.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

function setup(o: { router?: (r: Router) => Router; onFailure?: AnswererDeps['onFailure'] } = {}) {
  const { logger, lines } = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const corpus = getSharedCorpus();
  const real = createRouter({ engine: getSharedEngine(), corpus, planner: createDigestPlanner(corpus), timezone: 'Asia/Shanghai', logger, metrics });
  const router = o.router ? o.router(real) : real;
  const queue = createWorkQueue({ platform: 'test', logger, metrics });
  const answerer = createAnswerer({ platform: 'test', router, queue, logger, metrics, ...(o.onFailure ? { onFailure: o.onFailure } : {}) });
  return { answerer, queue, lines, metrics, passage: corpus.passages[5]!, logger };
}

/** A conversation that records what it was asked to send; `failPost` makes the next posts fail. */
function recording(extra: Partial<Conversation> = {}) {
  const privately: View[] = [];
  const posted: View[] = [];
  let failPost = 0;
  const conv: Conversation = {
    ctx: { platform: 'slack', userId: 'U1', channelId: 'C1' },
    replyPrivately: async (v) => void privately.push(v),
    postToChat: async (v) => {
      if (failPost > 0) {
        failPost -= 1;
        throw new Error('refused');
      }
      posted.push(v);
    },
    ...extra,
  };
  return { conv, privately, posted, failNextPost: () => (failPost += 1) };
}

const said = (views: View[]) => views.map((v) => (v.kind === 'message' ? v.message.zh : v.kind));

describe('failures in the platform’s own words', () => {
  const failing = (r: Router): Router => ({ ...r, handle: () => Promise.reject(new Error('index gone')) });

  it('by default: logged as "<platform>: command failed", counted, and the kind SORRY privately', async () => {
    const { answerer, lines, metrics } = setup({ router: failing });
    const r = recording();
    await answerer.command('人才振兴', r.conv);
    expect(said(r.privately)).toEqual([SORRY.zh]);
    expect(lines.find((l) => l.msg === 'test: command failed')).toMatchObject({ channel: 'C1' });
    expect(await metrics.registry.getSingleMetricAsString('zhenxing_errors_total')).toContain('where="test.command"} 1');
  });

  it('logFields join the failure line; onUnanswered replaces the SORRY; a share that fails still gets its words', async () => {
    const { answerer, lines } = setup({ router: failing });
    const recovered: string[] = [];
    const r = recording({
      logFields: { messageId: 'om_1' },
      onUnanswered: async (err) => void recovered.push((err as Error).message),
      shareFailure: () => 'not_allowed',
    });
    await answerer.command('人才振兴', r.conv);
    expect(recovered).toEqual(['index gone']);
    expect(r.privately).toEqual([]);
    expect(lines.find((l) => l.msg === 'test: command failed')).toMatchObject({ channel: 'C1', messageId: 'om_1' });
    // A refused post is not "unanswered": the sharer hears why.
    r.failNextPost();
    await answerer.share(getSharedCorpus().passages[5]!.id, r.conv);
    expect(said(r.privately)).toEqual([SHARE_FAILED.not_allowed.zh]);
    expect(recovered).toEqual(['index gone']);
  });

  it('the adapter’s onFailure names the line, with the conversation’s fields', async () => {
    const logged: unknown[] = [];
    const { answerer } = setup({ router: failing, onFailure: (where, err, fields) => logged.push([where, (err as Error).message, fields]) });
    await answerer.command('人才振兴', recording({ logFields: { messageId: 'om_2' } }).conv);
    expect(logged).toEqual([['command', 'index gone', { channel: 'C1', messageId: 'om_2' }]]);
  });

  it('a recovery that fails itself is logged, never thrown', async () => {
    const { answerer, lines } = setup({ router: failing });
    const r = recording({ onUnanswered: () => Promise.reject(new Error('store gone')) });
    await expect(answerer.command('人才振兴', r.conv)).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'test: command.recover failed')).toBe(true);
  });
});

describe('files sent in a private chat', () => {
  function intake(calls: string[]): LibraryIntake {
    return {
      isAdmin: (id) => id === 'U0ADMIN',
      receive: async (file, userId, platform) => {
        calls.push(`${platform}:${userId}:${file.name}:${(await file.download(10)).length}`);
        return { kind: 'message', lang: 'zh', tone: 'info', message: { zh: '已添加', en: 'Added' } };
      },
    };
  }

  it('an admin’s file is handed to the intake with its download; anyone else is refused without a download', async () => {
    const { queue, logger, metrics } = setup();
    const calls: string[] = [];
    let downloads = 0;
    const uploader = createUploader({ platform: 'test', intake: intake(calls), queue, logger, metrics });
    const file = { name: 'a.txt', download: async () => ((downloads += 1), new Uint8Array(3)) };
    const admin = recording({ ctx: { platform: 'slack', userId: 'U0ADMIN' } });
    await uploader.receive(file, admin.conv);
    expect(calls).toEqual(['test:U0ADMIN:a.txt:3']);
    expect(said(admin.privately)).toEqual(['已添加']);
    const stranger = recording({ ctx: { platform: 'slack', userId: 'U0OTHER' } });
    await uploader.receive(file, stranger.conv);
    expect(stranger.privately).toEqual([REFUSAL]);
    expect(downloads).toBe(1);
    // A file message that named no file: asked to send it again.
    await uploader.receive(null, admin.conv);
    expect(said(admin.privately)).toEqual(['已添加', NO_FILE.zh]);
  });

  it('an answer that cannot be sent is logged in the platform’s words, with the conversation’s fields', async () => {
    const { queue, logger, metrics } = setup();
    const logged: unknown[] = [];
    const onFailure: AnswererDeps['onFailure'] = (where, _err, fields) => logged.push([where, fields]);
    const uploader = createUploader({ platform: 'test', intake: intake([]), queue, logger, metrics, onFailure });
    const r = recording({
      ctx: { platform: 'slack', userId: 'U0OTHER' },
      replyPrivately: () => Promise.reject(new Error('gone')),
      logFields: { messageId: 'om_3' },
    });
    await uploader.receive(null, r.conv);
    expect(logged).toEqual([['file', { userId: 'U0OTHER', messageId: 'om_3' }]]);
  });
});
