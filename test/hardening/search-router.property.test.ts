/**
 * Hostile text end to end: the search normaliser, query parser and engine (real jieba index), then the router, then
 * every renderer. Whatever a user types, search answers or refuses with a SearchError (never another exception),
 * the router always answers with a view, and that view renders inside the limits of the console, Slack and Feishu.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/console/render-text.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import * as feishu from '../../src/feishu/render/index.js';
import { createRouter } from '../../src/router/router.js';
import type { CommandContext, Router, View } from '../../src/router/view-model.js';
import { normalizeQuery, parseQuery, SearchError } from '../../src/search/index.js';
import * as slack from '../../src/slack/render/index.js';
import { cardProblems, elementsOf } from '../feishu/card-check.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { blockKitProblems, mrkdwnTexts } from '../slack/block-kit-check.js';
import { MENTION, PROTO, RUNS, TERMINAL_CONTROL, anyText } from './hostile.js';

/** Long runs of what cleanup removes, around a real query: short after cleanup, thousands of characters as typed. */
const padded = fc
  .tuple(
    fc.constantFrom('\u200b', '\u200d', '\ufeff', '\u2060', ' ', '\u3000', '\u0000', '\u202e'),
    fc.integer({ min: 100, max: 4500 }),
    fc.constantFrom('人才振兴', '集体经济 theme:talent', '主题 生态', '"绿水青山"', 'doc:004 城乡融合', 'xyzzy'),
    fc.boolean(),
  )
  .map(([pad, n, words, before]) => (before ? pad.repeat(n) + words : words + pad.repeat(n)));

/** Commands with a huge or hostile argument: the theme name and doc filter are quoted back to the user. */
const withArgument = fc
  .tuple(fc.constantFrom('主题 ', 'theme ', 'theme:', 'doc:', '/zhenxing ', '主题：'), anyText(8))
  .map(([head, arg]) => head + arg);

/** Words that name Object.prototype members, alone: a lookup table read with obj[word] finds them. */
const protoWord = fc.constantFrom(...PROTO, 'constructor', 'valueOf', '/zhenxing __proto__', 'theme constructor', '主题 __proto__');

const input = fc.oneof(
  { weight: 6, arbitrary: anyText(12) },
  { weight: 2, arbitrary: padded },
  { weight: 2, arbitrary: withArgument },
  { weight: 1, arbitrary: protoWord },
);

const isSearchError = (err: unknown) => err instanceof SearchError;

function refuses(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err;
  }
}

function renderingProblems(view: View): string[] {
  const problems: string[] = [];
  const msg = slack.renderView(view);
  problems.push(...blockKitProblems(msg).map((p) => `slack: ${p}`));
  const slackOk = view.kind === 'share' ? `<@${view.sharedBy}>` : null;
  for (const t of mrkdwnTexts(msg)) {
    const rest = slackOk ? t.split(slackOk).join('') : t;
    if (MENTION.test(rest)) problems.push(`slack: stray mention in ${JSON.stringify(rest.slice(0, 120))}`);
  }
  const card = feishu.renderView(view);
  problems.push(...cardProblems(card).map((p) => `feishu: ${p}`));
  for (const e of elementsOf(card)) {
    if (e.tag === 'markdown' && /<at[\s>]/i.test(String(e.content))) problems.push('feishu: stray <at> in markdown');
  }
  const text = renderText(view, { color: false });
  if (TERMINAL_CONTROL.test(text)) problems.push('console: control character in output');
  return problems.map((p) => p.slice(0, 300));
}

describe('search on hostile queries', () => {
  beforeAll(() => {
    getSharedEngine();
  }, 60_000);

  it('normalizeQuery and parseQuery return or throw a SearchError, nothing else', () => {
    fc.assert(
      fc.property(input, (q) => {
        const n = refuses(() => normalizeQuery(q));
        if (n !== undefined) expect(n).toSatisfy(isSearchError);
        const p = refuses(() => parseQuery(q));
        if (p !== undefined) expect(p).toSatisfy(isSearchError);
      }),
      { numRuns: RUNS },
    );
  });

  it('normalizeQuery is idempotent', () => {
    fc.assert(
      fc.property(anyText(12), (q) => {
        let once: string;
        try {
          once = normalizeQuery(q);
        } catch {
          return;
        }
        expect(normalizeQuery(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('the engine answers with well-formed results from the corpus, or refuses with a SearchError', () => {
    const engine = getSharedEngine();
    const corpus = getSharedCorpus();
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 }), (q, limit, page) => {
        let res;
        try {
          res = engine.search(q, { limit, page });
        } catch (err) {
          expect(err).toSatisfy(isSearchError);
          return;
        }
        expect(res.total).toBeGreaterThanOrEqual(0);
        expect(res.results.length).toBeLessThanOrEqual(limit);
        for (const r of res.results) {
          expect(corpus.byId.get(r.id)?.text).toBe(r.text);
          expect(r.segments.length).toBeGreaterThan(0);
          expect(Number.isFinite(r.score)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the router and every renderer on hostile commands', () => {
  let router: Router;

  beforeAll(() => {
    const corpus = getSharedCorpus();
    router = createRouter({
      engine: getSharedEngine(),
      corpus,
      planner: createDigestPlanner(corpus),
      timezone: 'Asia/Shanghai',
      now: () => new Date('2026-11-22T02:00:00Z'),
    });
  }, 60_000);

  it('always answers with a view that renders within every platform limit', async () => {
    const ctx = fc.constantFrom<CommandContext>(
      { platform: 'slack', channelId: 'C0HARD', userId: 'U0HARD' },
      { platform: 'feishu', channelId: 'oc_hard', userId: 'ou_hard' },
      { platform: 'console' },
    );
    await fc.assert(
      fc.asyncProperty(input, ctx, async (text, c) => {
        const view = await router.handle(text, c);
        expect(view?.kind, 'the router answered with no view').toBeTypeOf('string');
        expect(renderingProblems(view)).toEqual([]);
        // The next page of a search is reached through its button: it must render too.
        if (view.kind === 'results' && view.next) {
          expect(renderingProblems(await router.page(view.next, c))).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
