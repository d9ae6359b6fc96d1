/**
 * The daily digest as a Slack message: a header naming the theme and the date, the lead passage as a quote, the
 * others shorter, the key terms, a share button on each passage and a button to see more of the theme privately.
 * The same renderer serves the scheduled post and the private `today` preview.
 */
import { digestHeading, displayText } from '../../router/format.js';
import type { DigestView } from '../../router/view-model.js';
import { actions, button, capBlocks, context, divider, fallback, header, say, section, type Block, type SlackMessage } from './blocks.js';
import { BUDGET } from './limits.js';
import { bold, cutAtSentence, escapeMrkdwn, quoteEscaped } from './mrkdwn.js';
import { ACTION, shareButton, sourceText } from './results.js';

export function renderDigestBlocks(view: DigestView): SlackMessage {
  const { digest, lang } = view;
  const heading = digestHeading(digest);
  const blocks: (Block | null)[] = [header(heading)];
  if (view.preview) {
    blocks.push(context(escapeMrkdwn(say(lang, '今日一读预览 · 仅你可见', "Today's reading, preview · only you can see this", ' · '))));
  }
  // Share buttons only on the private preview: the posted digest is already in the channel, and sharing a passage of
  // it there would post the same words a second time.
  const share = (i: number, id: string) => (view.preview ? (shareButton(lang, i, id) ?? undefined) : undefined);
  const [lead, ...others] = digest.passages;
  if (lead) {
    const quote = quoteEscaped(escapeMrkdwn(cutAtSentence(displayText(lead.text.trim()), BUDGET.digestLead)));
    blocks.push(section(`${quote}\n— ${escapeMrkdwn(sourceText(lead))}`, share(0, lead.id)));
  }
  if (others.length > 0) blocks.push(divider());
  others.forEach((p, i) => {
    const body = escapeMrkdwn(cutAtSentence(displayText(p.text.replace(/\s*\n\s*/g, ' ').trim()), BUDGET.digestOther));
    blocks.push(section(`${bold(sourceText(p))}\n${body}`, share(i + 1, p.id)));
  });
  if (digest.keywords.length > 0) {
    blocks.push(context(`${escapeMrkdwn(say(lang, '关键词', 'Key terms', ' '))}：${escapeMrkdwn(digest.keywords.join(' · '))}`));
  }
  blocks.push(
    actions([
      button(
        say(lang, `更多「${digest.theme.name}」段落（仅自己可见）`, 'More (private)'),
        ACTION.digestMore,
        digest.theme.id,
        'primary',
      ),
    ]),
  );

  const leadLine = lead ? `${sourceText(lead)}：${cutAtSentence(lead.text.replace(/\s+/g, ' '), 100)}` : '';
  return { blocks: capBlocks(blocks), text: fallback(escapeMrkdwn(leadLine ? `${heading} — ${leadLine}` : heading)) };
}
