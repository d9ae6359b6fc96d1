/**
 * The running bot keeps answering while it reloads a library of some size (issue 13's scale): a Slack slash command
 * and /healthz arriving mid-reload are answered, from the library being served (the old one until the swap, the new
 * one after, never a mix), not after the rebuild. startApp in Slack HTTP mode, Slack played by the stand-in, a
 * library of the seeds plus synthetic documents (bench/library-fixture.ts) written under DATA_DIR/library.
 * The reload gives the event loop a turn at every step (slices of 0 ms) so that "during the reload" is many turns
 * long on any machine; nothing here is timed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticLibrary } from '../../bench/library-fixture.js';
import { loadConfig } from '../../src/config.js';
import { createLibraryStore, prepareDocument, storePrepared } from '../../src/library/index.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { gbkNotice, NOTICE_TITLE } from '../helpers/library-files.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

describe('the bot answers while it reloads a large library', () => {
  let dir: string;
  let libraryDir: string;
  let slack: SlackStandIn;
  let app: RunningApp;
  let documents = 0;
  // The reload's turns of the event loop; a test may hold the reload at one of them.
  let turns = 0;
  let hold: { at: number; reached: () => void; released: Promise<void> } | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-responsive-'));
    libraryDir = path.join(dir, 'library');
    // About 4× the seeds' text: some thirty documents, several hundred passages.
    documents = writeSyntheticLibrary(libraryDir, 4).documents;
    slack = await startSlackStandIn();
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: 'xoxb-4242-responsive',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DIGEST_CATCH_UP: 'false',
      },
      dir,
    );
    app = await startApp({
      config,
      logger: createLogger({ level: 'silent' }),
      libraryPollMs: 600_000,
      librarySlice: {
        sliceMs: 0,
        pause: async () => {
          turns++;
          const h = hold;
          if (h && turns === h.at) {
            h.reached();
            await h.released;
          }
          await nextTurn();
        },
      },
    });
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the user sees in Slack for `/zhenxing <text>`: the text of the ephemeral answer. */
  async function ask(text: string): Promise<string> {
    const id = `responsive-${randomUUID()}`;
    const res = await postSigned(`http://127.0.0.1:${app.port}/slack/events`, TEST_SIGNING_SECRET, slashCommandBody({ text, responseUrl: slack.responseUrl(id) }));
    expect(res.status).toBe(200);
    const call = await slack.waitFor((c) => c.path === `/response/${id}`);
    return JSON.stringify(call.body);
  }

  async function health(): Promise<{ status: number; passages: number }> {
    const res = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    return { status: res.status, passages: ((await res.json()) as { passages: number }).passages };
  }

  it('answers a search and /healthz from the old library while the new one is built, then from the new one', async () => {
    const oldPassages = app.library.current().corpus.passages.length;
    expect(app.library.current().corpus.documents.length).toBe(documents + 5);
    const before = await ask('稻渔综合种养');
    expect(before).not.toContain(NOTICE_TITLE);

    let reached!: () => void;
    let release!: () => void;
    const atHold = new Promise<void>((resolve) => (reached = resolve));
    turns = 0;
    hold = { at: 400, reached, released: new Promise<void>((resolve) => (release = resolve)) };
    storePrepared(createLibraryStore(libraryDir), [await prepareDocument('通知.txt', gbkNotice())]);
    let settled = false;
    const reload = app.library.refresh().finally(() => (settled = true));
    // The reload is under way, paused between two of its slices (a reload that blocked to the end would settle
    // first): a user's command and a health check now.
    await Promise.race([atHold, reload]);
    expect(settled).toBe(false);
    const during = await ask('稻渔综合种养');
    const healthDuring = await health();
    expect(settled).toBe(false);
    expect(during).toBe(before);
    expect(healthDuring).toEqual({ status: 200, passages: oldPassages });

    release();
    hold = undefined;
    expect(await reload).toBe(true);
    const after = await ask('稻渔综合种养');
    expect(after).toContain(NOTICE_TITLE);
    const newPassages = app.library.current().corpus.passages.length;
    expect(newPassages).toBeGreaterThan(oldPassages);
    expect(await health()).toEqual({ status: 200, passages: newPassages });
  }, 120_000);

  it('answers requests arriving all through a reload, each from the old or the new library whole', async () => {
    const withNotice = app.library.current();
    const noticeId = withNotice.corpus.documents.find((d) => d.file === '通知.txt')?.id as string;
    expect(noticeId).toBeDefined();
    createLibraryStore(libraryDir).remove(noticeId);
    let settled = false;
    const reload = app.library.refresh().finally(() => (settled = true));
    const healthAnswers: { during: boolean; status: number; passages: number }[] = [];
    const searchAnswers: { during: boolean; found: boolean }[] = [];
    while (!settled) {
      const [h, answer] = await Promise.all([health(), ask('稻渔综合种养')]);
      const during = !settled;
      healthAnswers.push({ during, ...h });
      searchAnswers.push({ during, found: answer.includes(NOTICE_TITLE) });
      // The answer is a real one either way: the results of one library, not an apology.
      expect(answer).toMatch(/稻|渔|种养/);
    }
    expect(await reload).toBe(true);
    const without = app.library.current().corpus.passages.length;
    // Requests were answered while the reload ran, not queued behind it.
    expect(healthAnswers.filter((a) => a.during).length).toBeGreaterThan(0);
    for (const a of healthAnswers) {
      expect(a.status).toBe(200);
      expect([withNotice.corpus.passages.length, without]).toContain(a.passages);
    }
    // Old library until the swap, new one after: once the notice is gone it does not come back.
    const found = searchAnswers.map((a) => a.found);
    expect(found.slice(found.indexOf(false) < 0 ? found.length : found.indexOf(false))).not.toContain(true);
    expect(await ask('稻渔综合种养')).not.toContain(NOTICE_TITLE);
  }, 120_000);
});
