/**
 * The running bot and a growing library: startApp in Slack HTTP mode with Slack played by the stand-in, documents
 * added and removed with `zhenxing add / remove` (a separate process, as an operator runs them), and what a user
 * sees in Slack within 15 s, without a restart.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLiveLibrary } from '../../src/library/live.js';
import { createSearchEngine } from '../../src/search/index.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { gbkNotice, NOTICE_TITLE, pdfOpinion } from '../helpers/library-files.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';
import { runCli } from '../helpers/run-cli.js';
import { captureLogger } from '../scheduler/test-logger.js';


const cli = (args: string[], env: NodeJS.ProcessEnv, cwd: string) => runCli(args, { env, cwd });

describe('the running bot picks up added and removed documents', () => {
  let dir: string;
  let slack: SlackStandIn;
  let app: RunningApp;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-live-'));
    writeFileSync(path.join(dir, '通知.txt'), gbkNotice());
    writeFileSync(path.join(dir, '意见.pdf'), pdfOpinion());
    slack = await startSlackStandIn();
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: 'xoxb-4242-live-library',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DIGEST_CATCH_UP: 'false',
      },
      dir,
    );
    app = await startApp({ config, logger: createLogger({ level: 'silent' }) });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the user sees in Slack for `/zhenxing <text>`: the text of the ephemeral answer. */
  async function ask(text: string): Promise<string> {
    const id = `live-${randomUUID()}`;
    await postSigned(`http://127.0.0.1:${app.port}/slack/events`, TEST_SIGNING_SECRET, slashCommandBody({ text, responseUrl: slack.responseUrl(id) }));
    const call = await slack.waitFor((c) => c.path === `/response/${id}`);
    return JSON.stringify(call.body);
  }

  /** Asks until `done(answer)` or 15 s have passed; returns the seconds it took. */
  async function within15s(text: string, done: (answer: string) => boolean): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      const answer = await ask(text);
      if (done(answer)) return (Date.now() - t0) / 1000;
      if (Date.now() - t0 > 15_000) throw new Error(`not served within 15 s: ${answer.slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('serves an added document within 15 s, and stops serving it within 15 s of its removal', async () => {
    expect(await ask('稻渔综合种养')).not.toContain(NOTICE_TITLE);

    const added = await cli(['add', '通知.txt', '--json'], { DATA_DIR: dir, LIBRARY_DIR: '' }, dir);
    expect(added.code).toBe(0);
    const id = (JSON.parse(added.stdout) as { added: { id: string }[] }).added[0]!.id;
    await within15s('稻渔综合种养', (a) => a.includes(NOTICE_TITLE));
    // The docs list and /healthz follow the new library too.
    expect(await ask('文档')).toContain(NOTICE_TITLE);
    const health = (await (await fetch(`http://127.0.0.1:${app.port}/healthz`)).json()) as { passages: number };
    expect(health.passages).toBe(app.library.current().corpus.passages.length);
    expect(app.library.current().corpus.documents.map((d) => d.id)).toContain(id);

    const removed = await cli(['remove', id], { DATA_DIR: dir, LIBRARY_DIR: '' }, dir);
    expect(removed.code).toBe(0);
    await within15s('稻渔综合种养', (a) => !a.includes(NOTICE_TITLE));
    expect(await ask('文档')).not.toContain(NOTICE_TITLE);
  }, 60_000);
});

describe('live library swap', () => {
  it('answers from the complete old index while the new one is being built, then swaps at once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-swap-'));
    const seen: string[] = [];
    let building = 0;
    const live = createLiveLibrary({
      libraryDir: dir,
      pollMs: 60_000,
      buildEngine: (corpus) => {
        building++;
        if (building > 1) {
          // A search arriving in the middle of the rebuild: it runs on the previous snapshot, whole.
          const during = live.current();
          seen.push(`${during.corpus.documents.length}/${during.engine.size}/${during.engine.search('稻渔综合种养').results.some((r) => r.title === NOTICE_TITLE)}`);
        }
        return createSearchEngine(corpus);
      },
    });
    const before = live.current();
    const { prepareDocument, storePrepared, createLibraryStore } = await import('../../src/library/index.js');
    storePrepared(createLibraryStore(dir), [await prepareDocument('通知.txt', gbkNotice())]);
    expect(await live.refresh()).toBe(true);
    expect(seen).toEqual([`5/${before.engine.size}/false`]);
    const after = live.current();
    expect(after.corpus.documents).toHaveLength(6);
    expect(after.engine.search('稻渔综合种养').results[0]?.title).toBe(NOTICE_TITLE);
    // Nothing changed: no rebuild.
    expect(await live.refresh()).toBe(false);
    expect(building).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('with a saved index, builds only the added document, swaps it in, then saves the library for the next start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-swap-'));
    const libraryDir = path.join(dir, 'library');
    const cacheDir = path.join(dir, 'index-cache');
    const { logger, lines: logs } = captureLogger('info');
    const live = createLiveLibrary({ libraryDir, cacheDir, pollMs: 60_000, logger });
    expect(logs.find((l) => l.msg === 'library built')).toMatchObject({ built: 1, reused: 0 });
    const { prepareDocument, storePrepared, createLibraryStore } = await import('../../src/library/index.js');
    storePrepared(createLibraryStore(libraryDir), [await prepareDocument('通知.txt', gbkNotice())]);
    expect(await live.refresh()).toBe(true);
    expect(logs.filter((l) => l.msg === 'library built').at(-1)).toMatchObject({ built: 1, reused: 1 });
    expect(live.current().engine.search('稻渔综合种养').results[0]?.title).toBe(NOTICE_TITLE);
    // Saved once served: the next start loads it whole.
    const { loadLibrary } = await import('../../src/library/index-cache.js');
    const next = loadLibrary({ libraryDir, cacheDir });
    expect(next.fromCache).toBe(true);
    expect(next.engine.search('稻渔综合种养').results[0]?.title).toBe(NOTICE_TITLE);
    await live.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
