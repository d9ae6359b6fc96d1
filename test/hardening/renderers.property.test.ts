/**
 * Every Slack and Feishu renderer, fed views full of hostile text: none throws, every message stays inside the
 * platform's limits (test/slack/block-kit-check.ts, test/feishu/card-check.ts), and no text a user or a document
 * wrote can become a mention or a broadcast. The only mention ever produced is the sharer's own, from a
 * well-formed platform user id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as feishu from '../../src/feishu/render/index.js';
import type { View } from '../../src/router/view-model.js';
import * as slack from '../../src/slack/render/index.js';
import { cardProblems, elementsOf } from '../feishu/card-check.js';
import { blockKitProblems, mrkdwnTexts } from '../slack/block-kit-check.js';
import { MENTION, RUNS } from './hostile.js';
import {
  digestViewArb,
  docsViewArb,
  helpViewArb,
  messageViewArb,
  resultsViewArb,
  shareViewArb,
  subscriptionViewArb,
  themesViewArb,
} from './views.js';

const KINDS: [string, fc.Arbitrary<View>][] = [
  ['results', resultsViewArb],
  ['help', helpViewArb],
  ['docs', docsViewArb],
  ['themes', themesViewArb],
  ['digest', digestViewArb],
  ['subscription', subscriptionViewArb],
  ['share', shareViewArb],
  ['message', messageViewArb],
];

/** The sharer's mention, when the view is a share from a well-formed id; every other `<@`, `<!`, `<#` is an injection. */
function strayMentions(texts: string[], allowed: string | null): string[] {
  const stray: string[] = [];
  for (const t of texts) {
    const rest = allowed ? t.split(allowed).join('') : t;
    const m = MENTION.exec(rest);
    if (m) stray.push(rest.slice(Math.max(0, m.index - 20), m.index + 30));
  }
  return stray;
}

describe('Slack Block Kit renderers on hostile views', () => {
  it.each(KINDS)('%s: within Block Kit limits, with no stray mention', (_kind, arb) => {
    fc.assert(
      fc.property(arb, (view) => {
        const msg = slack.renderView(view);
        expect(blockKitProblems(msg)).toEqual([]);
        const allowed = view.kind === 'share' && /^[UW][A-Z0-9]{2,}$/.test(view.sharedBy) ? `<@${view.sharedBy}>` : null;
        // Every mrkdwn text and the notification text; plain_text fields and button values are never parsed.
        expect(strayMentions(mrkdwnTexts(msg), allowed)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('Feishu card renderers on hostile views', () => {
  it.each(KINDS)('%s: a valid card under 30 KB, with no stray mention', (_kind, arb) => {
    fc.assert(
      fc.property(arb, (view) => {
        const card = feishu.renderView(view);
        expect(cardProblems(card)).toEqual([]);
        expect(feishu.cardBytes(card)).toBeLessThanOrEqual(feishu.CARD_BYTE_LIMIT);
        const allowed = view.kind === 'share' && /^ou_[A-Za-z0-9_-]{1,64}$/.test(view.sharedBy) ? `<at id=${view.sharedBy}></at>` : null;
        // Markdown elements are parsed for <at …>; plain_text fields and callback values are not.
        const texts = elementsOf(card).filter((e) => e.tag === 'markdown').map((e) => String(e.content));
        expect(strayMentions(texts, allowed)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
