/**
 * Renders views as terminal text for the CLI and console mode. Matches are bold yellow when colour is on
 * (a TTY without NO_COLOR); otherwise they are wrapped in ** as in the JSON snippet.
 */
import type { Segment } from '../search/types.js';
import { digestHeading, displayText, sourceLine } from '../router/format.js';
import type { Lang, Message, View } from '../router/view-model.js';

export interface TextRenderOptions {
  /** ANSI colour and bold. Default false. */
  color?: boolean;
  /** Say how to turn the page with the console's paging words (下一页 / n, 上一页 / p). Default false (the CLI has --page). */
  pagingHint?: boolean;
}

const ESC = '\u001b[';
const style = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

/** Drops terminal control characters from corpus and user text so nothing can move the cursor or recolour. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function highlight(segments: Segment[], color: boolean): string {
  return segments
    .map((s) => (s.match ? (color ? style(true, '1;33', clean(s.text)) : `**${clean(s.text)}**`) : clean(s.text)))
    .join('');
}

function say(m: Message, lang: Lang): string {
  return clean(lang === 'en' ? `${m.zh}\n${m.en}` : m.zh);
}

export function renderText(view: View, options: TextRenderOptions = {}): string {
  const c = options.color ?? false;
  const bold = (s: string) => style(c, '1', s);
  const dim = (s: string) => style(c, '2', s);
  const lines: string[] = [];
  switch (view.kind) {
    case 'results': {
      const head = `${view.mode === 'theme' ? '主题' : '搜索'}：${clean(view.query)}`;
      lines.push(bold(head) + dim(view.total > 0 ? `  共 ${view.total} 条 · 第 ${view.page}/${view.pageCount} 页` : ''));
      if (view.notice) lines.push(say(view.notice, view.lang));
      // No buttons here: quoting the words searches them exactly as typed.
      if (view.original?.kind === 'search') {
        lines.push(dim(say({ zh: `（要按原文搜索，请加引号："${view.original.query}"）`, en: `(To search exactly what you typed, quote it: "${view.original.query}")` }, view.lang)));
      }
      view.items.forEach((item, i) => {
        const n = (view.page - 1) * view.pageSize + i + 1;
        lines.push('');
        lines.push(`${n}. ${bold(clean(sourceLine(item)))}`);
        lines.push(`   ${highlight(item.segments, c)}`);
        lines.push(dim(`   ${item.themes.map((t) => `#${t.name}`).join(' ')}  [${item.id}]`));
      });
      if (view.suggestions.length > 0) {
        lines.push('');
        lines.push(`可以试试：${view.suggestions.map((s) => clean(s.text)).join('  ')}`);
        if (view.lang === 'en') lines.push(`Try: ${view.suggestions.map((s) => clean(s.text)).join('  ')}`);
      }
      if (options.pagingHint && (view.next || view.prev)) {
        const moves = [view.next ? 'n（下一页）' : '', view.prev ? 'p（上一页）' : '', '“第N页”'].filter(Boolean).join('、');
        lines.push(dim(`\n（第 ${view.page}/${view.pageCount} 页：输入 ${moves}翻页）`));
      } else if (view.next) {
        lines.push(dim(`\n（还有更多结果：第 ${view.page + 1} 页）`));
      }
      break;
    }
    case 'help':
      lines.push(bold('振兴 Zhenxing — 乡村振兴与党建文献助手'));
      for (const cmd of view.commands) {
        lines.push(`  ${cmd.usage.padEnd(24)} ${cmd.zh}${view.lang === 'en' ? ` — ${cmd.en}` : ''}`);
      }
      lines.push('', '例如 / Examples:', ...view.examples.map((e) => `  ${e}`));
      break;
    case 'docs':
      lines.push(bold(view.total > view.docs.length ? `收录文献（共 ${view.total} 篇）` : '收录文献'));
      for (const d of view.docs) {
        const meta = [d.author, d.source, d.date].filter(Boolean).join(' · ');
        lines.push(
          `  [${d.id}] 《${clean(d.title)}》${d.titleIsDescriptive ? '（标题为编者所拟）' : ''}${meta ? ` — ${clean(meta)}` : ''}  ${d.passageCount} 段`,
        );
      }
      if (view.note) lines.push('', dim(say(view.note, view.lang)));
      break;
    case 'themes':
      lines.push(bold('五大振兴主题'));
      for (const t of view.themes) lines.push(`  ${t.name}（${t.id}）  ${t.passageCount} 段`);
      break;
    case 'digest': {
      // Heading, the lead passage, the others under 延伸阅读, each followed by its source, then the key terms.
      const d = view.digest;
      lines.push(bold(digestHeading(d)));
      d.passages.forEach((p, i) => {
        lines.push('');
        if (i === 1) lines.push(dim('延伸阅读'), '');
        lines.push(clean(displayText(p.text.trim())), dim(`——${clean(sourceLine(p))}`));
      });
      if (d.keywords.length > 0) lines.push('', `今日关键词：${d.keywords.map(clean).join('、')}`);
      break;
    }
    case 'subscription':
      lines.push(say(view.message, view.lang));
      break;
    case 'share':
      lines.push(`> ${clean(displayText(view.passage.text))}`, `—— ${clean(sourceLine(view.passage))}`);
      break;
    case 'message':
      lines.push(say(view.message, view.lang));
      break;
  }
  return lines.join('\n');
}
