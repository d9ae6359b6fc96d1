/**
 * Search results and theme listings: a header repeating the query (the asker cannot see their own command), then
 * per result 《title》· section, the snippet with matches in bold, theme tags and a share button; page buttons
 * redraw the same message.
 */
import type { Segment } from '../../search/types.js';
import { suggestionRef } from '../../router/parse-command.js';
import { encodePageRef, encodeVoteRef, type ResultItem, type ResultsView } from '../../router/view-model.js';
import { actions, button, capBlocks, context, divider, fallback, header, say, section, type Block, type SlackMessage } from './blocks.js';
import { BUDGET } from './limits.js';
import { bold, boldEscaped, cutAtSentence, cutIndex, escapeMrkdwn } from './mrkdwn.js';

/** Action ids: share buttons start with `share`, page buttons with `page` (the listeners match on the prefix). */
export const ACTION = {
  share: 'share',
  pagePrev: 'page_prev',
  pageNext: 'page_next',
  pageSuggest: 'page_suggest',
  /** Searches the query as typed after a typo correction (a page button: the same listener serves it). */
  pageOriginal: 'page_original',
  digestMore: 'digest_more',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

/** Renders segments as mrkdwn with matches in bold, cut at a sentence to fit `budget` (escaped characters). */
export function renderSegments(segments: Segment[], budget: number): string {
  const full = segments.map((s) => s.text).join('');
  const end = cutIndex(full, budget);
  let left = end;
  let out = '';
  for (const seg of segments) {
    if (left <= 0) break;
    const text = seg.text.slice(0, left);
    left -= text.length;
    const escaped = escapeMrkdwn(text);
    out += seg.match ? boldEscaped(escaped) : escaped;
  }
  if (end < full.length) out = `${out.trimEnd()}…`;
  return out.replace(/\s*\n\s*/g, ' ');
}

/** 《title》· section as raw text, long titles and headings cut (the caller escapes it). */
export function sourceText(p: { title: string; section: string | null }): string {
  const title = `《${cutAtSentence(p.title, BUDGET.title)}》`;
  return p.section ? `${title}· ${cutAtSentence(p.section, BUDGET.section)}` : title;
}

export function shareButton(lang: 'zh' | 'en', index: number, passageId: string) {
  // action_id must be unique within a message: share_0, share_1 …
  return button(say(lang, '分享到频道', 'Share'), `${ACTION.share}_${index}`, passageId);
}

function itemBlocks(view: ResultsView, item: ResultItem, index: number): Block[] {
  const n = (view.page - 1) * view.pageSize + index + 1;
  const head = `${n}. ${bold(sourceText(item))}`;
  const snippet = renderSegments(item.segments, BUDGET.listSnippet);
  const share = shareButton(view.lang, index, item.id);
  const blocks: Block[] = [section(`${head}\n${snippet}`, share ?? undefined)];
  if (item.themes.length > 0) blocks.push(context(escapeMrkdwn(item.themes.map((t) => `#${t.name}`).join('  '))));
  if (view.voteQuery !== undefined) {
    const ref = { query: view.voteQuery, passageId: item.id };
    const votes = actions([
      button('👍', `${ACTION.feedbackUp}_${index}`, encodeVoteRef({ ...ref, value: 'up' })),
      button('👎', `${ACTION.feedbackDown}_${index}`, encodeVoteRef({ ...ref, value: 'down' })),
    ]);
    if (votes) blocks.push(votes);
  }
  return blocks;
}

export function renderResults(view: ResultsView): SlackMessage {
  const { lang } = view;
  const title =
    view.mode === 'theme'
      ? say(lang, `主题：${view.theme?.name ?? view.query}`, `Theme: ${view.theme?.en ?? view.query}`, ' · ')
      : say(lang, `搜索：${view.query}`, 'Search', ' · ');
  const blocks: (Block | null)[] = [header(title)];
  if (view.total > 0) {
    blocks.push(
      context(
        say(
          lang,
          `共 ${view.total} 条 · 第 ${view.page}/${view.pageCount} 页 · 仅你可见`,
          `${view.total} results · page ${view.page}/${view.pageCount} · only you can see this`,
          ' · ',
        ),
      ),
    );
  }
  if (view.notice) blocks.push(section(escapeMrkdwn(say(lang, view.notice.zh, view.notice.en, '\n'))));
  if (view.original && view.originalLabel) {
    const label = say(lang, view.originalLabel.zh, view.originalLabel.en, ' · ');
    blocks.push(actions([button(label, ACTION.pageOriginal, encodePageRef(view.original))]));
  }
  view.items.forEach((item, i) => {
    blocks.push(divider(), ...itemBlocks(view, item, i));
  });
  if (view.suggestions.length > 0) {
    const shown = view.suggestions.slice(0, 5);
    blocks.push(section(escapeMrkdwn(say(lang, '可以试试：', 'Try:'))));
    blocks.push(
      actions(shown.map((s, i) => button(s.text, `${ACTION.pageSuggest}_${i}`, encodePageRef(suggestionRef(s))))),
    );
  }
  const pager = actions([
    view.prev ? button(say(lang, '‹ 上一页', 'Previous'), ACTION.pagePrev, encodePageRef(view.prev)) : null,
    view.next ? button(say(lang, '下一页 ›', 'Next'), ACTION.pageNext, encodePageRef(view.next)) : null,
  ]);
  if (pager) blocks.push(divider(), pager);

  const what = view.mode === 'theme' ? `主题「${view.theme?.name ?? view.query}」` : `搜索「${view.query}」`;
  const text =
    view.total > 0 ? `${what}：共 ${view.total} 条，第 ${view.page}/${view.pageCount} 页` : `${what}：${view.notice?.zh ?? '没有结果'}`;
  return { blocks: capBlocks(blocks), text: fallback(escapeMrkdwn(text)) };
}
