/** Help, the document list and the theme list: our own text plus catalog metadata, all escaped the same way. */
import type { DocsView, HelpView, ThemesView } from '../../router/view-model.js';
import { sendHint } from '../../router/format.js';
import { pageValue } from '../actions.js';
import { bilingual, bilingualMd, button, buttonRow, card, md, type Card } from './card.js';
import { inline } from './markdown.js';
import { themeTag } from './themes.js';

/** How to talk to the bot where help was asked for. */
function helpIntro(view: HelpView): string {
  const { lang, place } = view;
  if (place?.kind === 'private') {
    return bilingualMd(lang, '直接发送关键词即可；/zhenxing 前缀可写可不写。', 'Just send your words; the /zhenxing prefix is optional.');
  }
  if (place?.kind === 'group') {
    const at = place.prefix.trim();
    return bilingualMd(
      lang,
      `在群里请先 ${at} 再输入，例如“${at} 人才振兴”${place.privateAnswers ? '；结果只有你能看到，点“分享”才会发到群里' : ''}。`,
      `In a group, mention me first, e.g. "${at} talent"${place.privateAnswers ? '; only you see the results until you share one' : ''}.`,
    );
  }
  return bilingualMd(
    lang,
    '私聊时直接发送关键词；在群里请先 @我 再输入。/zhenxing 前缀可写可不写。',
    'In a private chat just send your words; in a group, mention me first. The /zhenxing prefix is optional.',
  );
}

export function renderHelp(view: HelpView): Card {
  const { lang } = view;
  const lines = view.commands.map((c) => {
    const line = `**${inline(c.usage)}**　${inline(c.zh)}`;
    return lang === 'en' ? `${line}\n<font color='grey'>${inline(c.en)}</font>` : line;
  });
  return card({
    title: bilingual(lang, '振兴 · 乡村振兴与党建文献助手', 'Zhenxing · usage', ' · '),
    template: 'blue',
    elements: [
      md(helpIntro(view)),
      md(lines.join('\n')),
      md(`${bilingualMd(lang, '例如：', 'Examples:')}\n${view.examples.map((e) => `· ${inline(e)}`).join('\n')}`),
    ],
  });
}

export function renderDocs(view: DocsView): Card {
  const { lang } = view;
  const lines = view.docs.map((d) => {
    const meta = [d.source, d.author, d.date].filter((x): x is string => Boolean(x)).map(inline);
    meta.push(bilingual(lang, `${d.passageCount} 段`, `${d.passageCount} passages`));
    return `**${inline(`《${d.title}》`)}**\n<font color='grey'>${meta.join(' · ')}</font>`;
  });
  const count = view.total > view.docs.length ? bilingual(lang, `（共 ${view.total} 篇）`, ` (${view.total})`, '') : '';
  const note = view.note ? [md(bilingualMd(lang, view.note.zh, view.note.en))] : [];
  return card({
    title: `${bilingual(lang, '收录文献', 'Sources', ' · ')}${count}`,
    template: 'blue',
    elements: [...(lines.length > 0 ? [md(lines.join('\n\n'))] : []), ...note],
  });
}

export function renderThemes(view: ThemesView): Card {
  const { lang } = view;
  const lines = view.themes.map(
    (t) => `${themeTag(t)} ${bilingual(lang, `${t.passageCount} 段`, `${t.en} · ${t.passageCount} passages`)}`,
  );
  return card({
    title: bilingual(lang, '五个振兴主题', 'Themes', ' · '),
    template: 'blue',
    elements: [
      md(lines.join('\n')),
      md(
        (() => {
          const h = sendHint(view.place, '主题 人才', 'theme talent');
          return bilingualMd(lang, `点按主题查看精选段落，或${h.zh}。`, `Tap a theme, or ${h.en}.`);
        })(),
      ),
      buttonRow(view.themes.map((t) => button(t.short, pageValue({ kind: 'theme', theme: t.id, page: 1 })))),
    ],
  });
}
