/** Help, sources, themes, subscription answers and plain messages. */
import type { DocsView, HelpView, MessageView, SubscriptionView, ThemesView } from '../../router/view-model.js';
import { capBlocks, context, fallback, header, say, section, type Block, type SlackMessage } from './blocks.js';
import { bold, cutAtSentence, escapeMrkdwn } from './mrkdwn.js';

/** Inline code: escaped, with backticks inside replaced so they cannot end the span. */
function code(raw: string): string {
  return `\`${escapeMrkdwn(raw.replace(/`/g, 'ˋ'))}\``;
}

export function renderHelp(view: HelpView): SlackMessage {
  const { lang } = view;
  const lines = view.commands.map((c) => `${code(c.usage)}  ${escapeMrkdwn(say(lang, c.zh, c.en, ' / '))}`);
  const blocks: Block[] = [
    header(say(lang, '振兴 · 乡村振兴与党建文献助手', 'Zhenxing · usage', ' · ')),
    section(lines.join('\n')),
  ];
  if (view.examples.length > 0) {
    blocks.push(section(`${escapeMrkdwn(say(lang, '例如：', 'Examples:'))}\n${view.examples.map(code).join('\n')}`));
  }
  blocks.push(
    context(
      escapeMrkdwn(
        say(
          lang,
          '结果只有你能看到；点「分享到频道」把段落引用发到当前频道。',
          'Results are private; "Share" quotes a passage in this channel.',
        ),
      ),
    ),
  );
  return { blocks: capBlocks(blocks), text: escapeMrkdwn(say(lang, '振兴 使用说明', 'Zhenxing usage')) };
}

/** A link only for an address that cannot break out of the <url|label> syntax. */
function link(url: string | null | undefined, label: string): string | null {
  if (!url || !/^https?:\/\/[^\s<>|]+$/.test(url)) return null;
  return `<${url.replace(/&/g, '&amp;')}|${escapeMrkdwn(label)}>`;
}

export function renderDocs(view: DocsView): SlackMessage {
  const { lang } = view;
  const count = view.total > view.docs.length ? say(lang, `（共 ${view.total} 篇）`, ` (${view.total})`, '') : '';
  const blocks: Block[] = [header(`${say(lang, '收录文献', 'Sources', ' · ')}${count}`)];
  for (const d of view.docs) {
    const meta = [d.source, d.via ? `转载自 ${d.via}` : null, d.author, d.date]
      .filter((x): x is string => Boolean(x))
      .map((x) => escapeMrkdwn(cutAtSentence(x, 200)));
    meta.push(escapeMrkdwn(say(lang, `${d.passageCount} 段`, `${d.passageCount} passages`, ' / ')));
    const url = link(d.sourceUrl, say(lang, '原文', 'original'));
    if (url) meta.push(url);
    const title = bold(`《${cutAtSentence(d.title, 200)}》`) + (d.titleIsDescriptive ? escapeMrkdwn('（标题为编者所拟）') : '');
    blocks.push(section(`${title}\n${meta.join(' · ')}`));
  }
  if (view.docs.length === 0 && !view.note) blocks.push(section(escapeMrkdwn(say(lang, '文库是空的。', 'The library is empty.'))));
  // The hint for the next page (or a title search) last, where the eye lands after the list (capBlocks keeps it).
  const note = view.note ? context(escapeMrkdwn(say(lang, view.note.zh, view.note.en, '\n'))) : null;
  return { blocks: capBlocks([...blocks, note]), text: escapeMrkdwn(say(lang, `收录文献 ${view.total} 篇`, `${view.total} sources`)) };
}

export function renderThemes(view: ThemesView): SlackMessage {
  const { lang } = view;
  const lines = view.themes.map(
    (t) =>
      `${bold(t.name)} (${escapeMrkdwn(t.en)}) · ${escapeMrkdwn(say(lang, `${t.passageCount} 段`, `${t.passageCount} passages`, ' / '))} · ${code(`/zhenxing 主题 ${t.short}`)}`,
  );
  return {
    blocks: capBlocks([header(say(lang, '五个振兴主题', 'Themes', ' · ')), section(lines.join('\n'))]),
    text: escapeMrkdwn(say(lang, '五个振兴主题', 'Themes')),
  };
}

export function renderSubscription(view: SubscriptionView): SlackMessage {
  const text = escapeMrkdwn(say(view.lang, view.message.zh, view.message.en, '\n'));
  const blocks: Block[] = [section(`${view.subscribed ? '✅' : '☑️'} ${text}`)];
  if (view.subscribed) {
    // chat:write.public covers public channels; private ones need the bot invited.
    blocks.push(
      context(
        escapeMrkdwn(
          say(
            view.lang,
            '私有频道请先邀请机器人：/invite @振兴',
            'In a private channel, invite the bot first: /invite @Zhenxing',
            ' / ',
          ),
        ),
      ),
    );
  }
  return { blocks, text: fallback(escapeMrkdwn(view.message.zh)) };
}

export function renderMessage(view: MessageView): SlackMessage {
  const text = escapeMrkdwn(say(view.lang, view.message.zh, view.message.en, '\n'));
  return {
    blocks: [section(view.tone === 'error' ? `⚠️ ${text}` : text)],
    text: fallback(escapeMrkdwn(view.message.zh)),
  };
}
