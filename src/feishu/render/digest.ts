/**
 * The daily digest (the scheduled post, or the `今日` preview): the lead passage quoted, the others excerpted
 * with their sources, the day's keywords and theme.
 */
import { cutAtSentence, digestHeading, displayText, hereName, sendHint, sourceLine } from '../../router/format.js';
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
    const text = Number.isFinite(limit) ? cutAtSentence(displayText(lead.text), limit) : displayText(lead.text);
    elements.push(md(`${quote(text)}\n\n—— ${inline(sourceLine(lead))}`));
  }
  if (others.length > 0) {
    elements.push(hr());
    const lines = others.map(
      (p) => `**${inline(sourceLine(p))}**\n${inline(cutAtSentence(displayText(p.text), Math.min(limit, EXCERPT_CHARS)))}`,
    );
    elements.push(md(lines.join('\n\n')));
  }
  // Said the way a command is typed where the card is shown: a plain group message never reaches the bot.
  const here = hereName('feishu', view.place);
  const footer = view.preview
    ? view.place
      ? (() => {
          const sub = sendHint(view.place, '订阅', 'subscribe');
          return bilingualMd(
            lang,
            `这是今天“每日一读”的预览。${sub.zh}，${here.zh}每天早上都会收到。`,
            `A preview of today's digest: ${sub.en} and ${here.en} gets it every morning.`,
          );
        })()
      : bilingualMd(
          lang,
          '这是今天“每日一读”的预览。在群里 @机器人 并输入“订阅”，每天早上都会收到。',
          'A preview of today\'s digest. Mention the bot with "subscribe" in a group to get it every morning.',
        )
    : (() => {
        const unsub = sendHint(view.place, '退订', 'unsubscribe');
        return bilingualMd(lang, `${unsub.zh}可停止接收每日一读。`, `${unsub.en} to stop the daily digest.`);
      })();
  elements.push(md(footer, 'notation'));

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
