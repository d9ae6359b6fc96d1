/** Help, the document list and the theme list: our own text plus catalog metadata, all escaped the same way. */
import type { DocsView, HelpView, ThemesView } from '../../router/view-model.js';
import { pageValue } from '../actions.js';
import { bilingual, bilingualMd, button, buttonRow, card, md, type Card } from './card.js';
import { inline } from './markdown.js';
import { themeTag } from './themes.js';

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
      md(
        bilingualMd(
          lang,
          '私聊时直接发送关键词；在群里请先 @我 再输入。/zhenxing 前缀可写可不写。',
          'In a private chat just send your words; in a group, mention me first. The /zhenxing prefix is optional.',
        ),
      ),
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
  return card({
    title: bilingual(lang, '收录文献', 'Sources', ' · '),
    template: 'blue',
    elements: [md(lines.join('\n\n'))],
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
      md(bilingualMd(lang, '点按主题查看精选段落，或发送“主题 人才”。', 'Tap a theme, or send "theme talent".')),
      buttonRow(view.themes.map((t) => button(t.short, pageValue({ kind: 'theme', theme: t.id, page: 1 })))),
    ],
  });
}
