/**
 * The daily digest (the scheduled post, or the `今日` preview): the lead passage quoted, the others excerpted
 * with their sources, the day's keywords and theme.
 */
import { cutAtSentence, digestHeading, sourceLine } from '../../router/format.js';
import type { DigestView } from '../../router/view-model.js';
import { bilingual, bilingualMd, card, fitCard, hr, md, type Card, type CardElement } from './card.js';
import { inline, quote } from './markdown.js';
import { themeTag } from './themes.js';

/** Characters shown of each passage after the lead. */
const EXCERPT_CHARS = 120;

function build(view: DigestView, limit: number): Card {
  const { lang, digest } = view;
  const [lead, ...others] = digest.passages;
  const elements: CardElement[] = [];

  const intro = [themeTag(digest.theme)];
  if (digest.keywords.length > 0) {
    intro.push(`${bilingual(lang, '关键词', 'Keywords')}：${digest.keywords.map(inline).join(' · ')}`);
  }
  elements.push(md(intro.join('\n')));

  if (lead) {
    const text = Number.isFinite(limit) ? cutAtSentence(lead.text, limit) : lead.text;
    elements.push(md(`${quote(text)}\n\n—— ${inline(sourceLine(lead))}`));
  }
  if (others.length > 0) {
    elements.push(hr());
    const lines = others.map(
      (p) => `**${inline(sourceLine(p))}**\n${inline(cutAtSentence(p.text, Math.min(limit, EXCERPT_CHARS)))}`,
    );
    elements.push(md(lines.join('\n\n')));
  }
  elements.push(
    md(
      view.preview
        ? bilingualMd(
            lang,
            '这是今天“每日一读”的预览。在群里发送“订阅”，每天早上都会收到。',
            'A preview of today\'s digest. Send "subscribe" in a group to get it every morning.',
          )
        : bilingualMd(lang, '发送“退订”可停止接收每日一读。', 'Send "unsubscribe" to stop the daily digest.'),
      'notation',
    ),
  );

  const title = digestHeading(digest);
  return card({
    title: bilingual(lang, title, 'Daily reading', ' · '),
    template: 'orange',
    summary: title,
    elements,
  });
}

export function renderDigest(view: DigestView): Card {
  return fitCard((limit) => build(view, limit));
}
