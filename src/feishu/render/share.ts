import { cutAtSentence, displayText, sourceLine } from '../../router/format.js';
import type { ShareView } from '../../router/view-model.js';
import { card, fitCard, md, type Card } from './card.js';
import { inline, mention, quote } from './markdown.js';

function build(view: ShareView, limit: number): Card {
  const p = view.passage;
  const by = mention(view.sharedBy);
  const text = Number.isFinite(limit) ? cutAtSentence(displayText(p.text), limit) : displayText(p.text);
  return card({
    title: `《${p.title}》`,
    subtitle: '振兴文库 · 分享',
    template: 'red',
    summary: `分享：${sourceLine(p)}`,
    elements: [
      md(`${quote(text)}\n\n—— ${inline(sourceLine(p))}`),
      md(by ? `由 ${by} 分享 · 振兴文库` : '分享自振兴文库', 'notation'),
    ],
  });
}

/**
 * The message a share button posts into the chat: the passage as a quote, "—— 《title》· section", and who
 * shared it. The sharer's mention is the only markup built from an id, and only from a well-formed open_id.
 * The passage is cut (at a sentence end) only if the whole card would exceed Feishu's size limit.
 */
export function renderShare(view: ShareView): Card {
  return fitCard((limit) => build(view, limit));
}
