/**
 * The public message a share button posts: the full passage as a quote, "— 《title》· section", and who shared it.
 * The passage is never cut unless it exceeds what one message can hold; a long one spans several quote sections.
 */
import { displayText } from '../../router/format.js';
import type { ShareView } from '../../router/view-model.js';
import { capBlocks, context, fallback, section, type Block, type SlackMessage } from './blocks.js';
import { BUDGET, LIMITS } from './limits.js';
import { cutAtSentence, escapeMrkdwn, quoteEscaped, splitAtSentences } from './mrkdwn.js';
import { sourceText } from './results.js';

/** `<@U123>` for a real Slack user id; anything else is shown as escaped text, so it can never ping. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

export function renderShare(view: ShareView): SlackMessage {
  const p = view.passage;
  const attribution = `— ${escapeMrkdwn(sourceText(p))}`;
  // One block is kept for the "shared by" line.
  const maxQuotes = LIMITS.blocks - 1;
  let pieces = splitAtSentences(displayText(p.text.trim()), BUDGET.quoteChunk);
  if (pieces.length > maxQuotes) {
    pieces = pieces.slice(0, maxQuotes);
    pieces[maxQuotes - 1] = cutAtSentence(pieces[maxQuotes - 1] ?? '', BUDGET.quoteChunk - 1);
    if (!pieces[maxQuotes - 1]?.endsWith('…')) pieces[maxQuotes - 1] += '…';
  }
  const quotes = pieces.map((piece) => quoteEscaped(escapeMrkdwn(piece.replace(/^\n+|\n+$/g, ''))));
  const last = quotes.length - 1;
  const blocks: Block[] = quotes.map((q, i) => section(i === last ? `${q}\n${attribution}` : q));
  const by = view.sharedBy ? mention(view.sharedBy) : '';
  blocks.push(context(by ? `由 ${by} 分享 · 振兴文库` : '分享自振兴文库'));

  const preview = escapeMrkdwn(cutAtSentence(p.text.replace(/\s+/g, ' '), 120));
  // The fallback text is what notifications show: no mention in it, so sharing never pings the sharer themselves.
  const text = `分享：${escapeMrkdwn(sourceText(p))}：${preview}`;
  return { blocks: capBlocks(blocks), text: fallback(text) };
}
