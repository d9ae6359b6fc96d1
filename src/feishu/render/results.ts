/**
 * Search results and theme listings: a header repeating the query, then per passage its numbered source
 * (《title》· section), the snippet with the matched words in bold, its theme tags and a share button; page
 * buttons at the foot. Suggestions, when nothing matched, are buttons that open that theme or search.
 */
import { sourceLine } from '../../router/format.js';
import type { ResultItem, ResultsView } from '../../router/view-model.js';
import type { Segment } from '../../search/types.js';
import { fitsButton, MAX_VALUE_CHARS, pageValue, shareValue, suggestionRef, voteValue } from '../actions.js';
import { bilingual, bilingualMd, button, buttonRow, card, fitCard, hr, md, type Card, type CardElement } from './card.js';
import { inline, segmentsToMarkdown } from './markdown.js';
import { themeTag } from './themes.js';

/** Cuts a snippet's segments to `limit` characters in all, marking the cut with …. */
export function truncateSegments(segments: readonly Segment[], limit: number): Segment[] {
  if (!Number.isFinite(limit)) return [...segments];
  const out: Segment[] = [];
  let left = limit;
  for (const s of segments) {
    const chars = Array.from(s.text);
    if (chars.length <= left) {
      out.push(s);
      left -= chars.length;
      continue;
    }
    out.push({ text: chars.slice(0, Math.max(0, left - 1)).join(''), match: s.match });
    out.push({ text: '…', match: false });
    break;
  }
  return out;
}

function item(view: ResultsView, r: ResultItem, n: number, limit: number): CardElement[] {
  const lines = [`${n}&#46; **${inline(sourceLine(r))}**`];
  const snippet = segmentsToMarkdown(truncateSegments(r.segments, limit));
  if (snippet) lines.push(snippet);
  if (r.themes.length > 0) lines.push(r.themes.map(themeTag).join(' '));
  const share = button(bilingual(view.lang, '分享到会话', 'Share'), shareValue(r.id));
  if (view.voteQuery === undefined || view.voteQuery.length > MAX_VALUE_CHARS) return [md(lines.join('\n')), share];
  return [
    md(lines.join('\n')),
    buttonRow([share, button('👍', voteValue('up', view.voteQuery, r.id)), button('👎', voteValue('down', view.voteQuery, r.id))]),
  ];
}

function build(view: ResultsView, limit: number): Card {
  const { lang } = view;
  const title =
    view.mode === 'theme'
      ? bilingual(lang, `主题：${view.theme?.name ?? view.query}`, `Theme: ${view.theme?.en ?? view.query}`, ' · ')
      : bilingual(lang, `搜索：${view.query}`, 'Search', ' · ');
  const subtitle =
    view.total > 0
      ? bilingual(
          lang,
          `共 ${view.total} 条 · 第 ${view.page}/${view.pageCount} 页`,
          `${view.total} results · page ${view.page}/${view.pageCount}`,
          ' · ',
        )
      : undefined;

  const elements: CardElement[] = [];
  if (view.notice) elements.push(md(bilingualMd(lang, view.notice.zh, view.notice.en)));
  if (view.original && view.originalLabel && fitsButton(view.original)) {
    elements.push(buttonRow([button(bilingual(lang, view.originalLabel.zh, view.originalLabel.en, ' · '), pageValue(view.original))]));
  }
  view.items.forEach((r, i) => {
    if (i > 0) elements.push(hr());
    elements.push(...item(view, r, (view.page - 1) * view.pageSize + i + 1, limit));
  });
  const suggestions = view.suggestions
    .slice(0, 5)
    .map((s) => ({ label: s.text, ref: suggestionRef(s) }))
    .filter((s) => fitsButton(s.ref));
  if (suggestions.length > 0) {
    elements.push(md(bilingualMd(lang, '可以试试：', 'Try:')));
    elements.push(buttonRow(suggestions.map((s) => button(s.label, pageValue(s.ref)))));
  }
  const nav = [];
  if (view.prev && fitsButton(view.prev)) nav.push(button(bilingual(lang, '‹ 上一页', 'Previous'), pageValue(view.prev)));
  if (view.next && fitsButton(view.next)) nav.push(button(bilingual(lang, '下一页 ›', 'Next'), pageValue(view.next), 'primary'));
  if (nav.length > 0) elements.push(hr(), buttonRow(nav));

  return card({
    title,
    ...(subtitle ? { subtitle } : {}),
    template: 'red',
    summary: view.total > 0 ? `${title}（${view.total} 条）` : title,
    elements,
  });
}

/** A page of search or theme results. Cut to fit Feishu's card size limit if it ever has to be. */
export function renderResults(view: ResultsView): Card {
  return fitCard((limit) => build(view, limit));
}
