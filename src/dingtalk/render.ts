/**
 * Renders views as DingTalk robot markdown (msgKey `sampleMarkdown`: a title for the chat list and a markdown
 * text). Buttons are dtmd links (links.ts). Corpus and user text is escaped by swapping markdown's ASCII marks for
 * their full-width forms, which read the same in Chinese text and never format.
 */
import { themeInfo } from '../corpus/types.js';
import { cutAtSentence, digestHeading, sourceLine } from '../router/format.js';
import { suggestionRef } from '../router/parse-command.js';
import { renderWith, type Lang, type Message, type View, type ViewRenderers } from '../router/view-model.js';
import type { Segment } from '../search/types.js';
import { dtmdLink, pageText, shareText, voteText, type GroupRef } from './links.js';

/** A robot message: `msgParam` of sampleMarkdown, or the markdown of a sessionWebhook reply. */
export interface Markdown {
  title: string;
  text: string;
}

export interface RenderContext {
  /** The group a private result list came from: share links post there. */
  group?: GroupRef;
  /** Display name of the user who shared (share quotes). */
  sharerName?: string;
}

/** Longest passage quoted in one message, in characters (DingTalk cuts messages of about 5,000 characters). */
const QUOTE_CHARS = 1500;
const SNIPPET_CHARS = 160;
const EXCERPT_CHARS = 120;

const MARKS: Record<string, string> = {
  '*': '＊', _: '＿', '[': '［', ']': '］', '<': '＜', '>': '＞', '#': '＃', '`': '｀', '|': '｜', '~': '～',
};

/** Text that renders as itself: markdown marks become full-width, line breaks become spaces. */
export function plain(text: string): string {
  return text.replace(/[*_[\]<>#`|~]/g, (c) => MARKS[c] ?? c).replace(/[\r\n]+/g, ' ');
}

const say = (m: Message, lang: Lang) => (lang === 'en' ? `${m.zh}\n\n${m.en}` : m.zh);
const both = (lang: Lang, zh: string, en: string) => (lang === 'en' ? `${zh} · ${en}` : zh);
const grey = (s: string) => `<font color=#888888>${s}</font>`;

function snippet(segments: Segment[]): string {
  let left = SNIPPET_CHARS;
  const out: string[] = [];
  for (const s of segments) {
    if (left <= 0) break;
    const chars = Array.from(s.text);
    const text = chars.slice(0, left).join('') + (chars.length > left ? '…' : '');
    left -= chars.length;
    out.push(s.match && text.trim() ? `**${plain(text)}**` : plain(text));
  }
  return out.join('');
}

function renderers(rc: RenderContext): ViewRenderers<Markdown> {
  return {
    results(v) {
      const head = v.mode === 'theme' ? `主题：${v.theme?.name ?? v.query}` : `搜索：${v.query}`;
      const lines = [`### ${plain(head)}`];
      if (v.total > 0) lines.push(grey(both(v.lang, `共 ${v.total} 条 · 第 ${v.page}/${v.pageCount} 页`, `${v.total} results`)));
      if (v.notice) lines.push(plain(say(v.notice, v.lang)));
      if (v.original?.kind === 'search' && v.originalLabel) {
        // After a typo correction: a link that searches the words as typed. Links send text, so the words go quoted
        // (a quoted phrase is searched exactly, never corrected).
        const asTyped = { kind: 'search' as const, query: `"${v.original.query}"`, page: 1 };
        lines.push(dtmdLink(plain(both(v.lang, v.originalLabel.zh, v.originalLabel.en)), pageText(asTyped, rc.group)));
      }
      v.items.forEach((r, i) => {
        const n = (v.page - 1) * v.pageSize + i + 1;
        const tags = r.themes.map((t) => `#${t.short}`).join(' ');
        const share = rc.group ? ` ${dtmdLink(both(v.lang, '分享到群', 'Share'), shareText(r.id, rc.group))}` : '';
        const votes =
          v.voteQuery !== undefined
            ? ` ${dtmdLink('👍', voteText('up', r.id, v.voteQuery))} ${dtmdLink('👎', voteText('down', r.id, v.voteQuery))}`
            : '';
        lines.push(`${n}. **${plain(sourceLine(r))}**\n\n${snippet(r.segments)}\n\n${grey(tags)}${share}${votes}`);
      });
      if (v.suggestions.length > 0) {
        const links = v.suggestions.slice(0, 5).map((s) => dtmdLink(plain(s.text), pageText(suggestionRef(s), rc.group)));
        lines.push(`${both(v.lang, '可以试试', 'Try')}：${links.join('　')}`);
      }
      const nav: string[] = [];
      if (v.prev) nav.push(dtmdLink(both(v.lang, '‹ 上一页', 'Previous'), pageText(v.prev, rc.group)));
      if (v.next) nav.push(dtmdLink(both(v.lang, '下一页 ›', 'Next'), pageText(v.next, rc.group)));
      if (nav.length > 0) lines.push(nav.join('　　'));
      if (!rc.group && v.items.length > 0) {
        lines.push(grey(both(v.lang, '在群里 @我 搜索，即可把段落分享到群。', 'Search in a group (mention me) to share passages there.')));
      }
      return { title: plain(head), text: lines.join('\n\n') };
    },
    help(v) {
      const lines = ['### 振兴 · 乡村振兴与党建文献助手'];
      lines.push(both(v.lang, '私聊时直接发送关键词；在群里请先 @我 再输入，结果会私聊发给你。', 'In a private chat just send your words; in a group, mention me first.'));
      for (const c of v.commands) lines.push(`- **${plain(c.usage.replace('/zhenxing ', ''))}**　${plain(v.lang === 'en' ? `${c.zh} · ${c.en}` : c.zh)}`);
      // Clicked in the 1:1 chat, where any text is a command: the links send the words without a prefix.
      const bare = (e: string) => e.replace(/^(\/zhenxing|@振兴)\s+/, '');
      lines.push(`${both(v.lang, '例如', 'Examples')}：${v.examples.map((e) => dtmdLink(plain(bare(e)), bare(e))).join('　')}`);
      return { title: '振兴 · 使用说明', text: lines.join('\n\n') };
    },
    docs(v) {
      const lines = [v.total > v.docs.length ? `### 收录文献（共 ${v.total} 篇）` : '### 收录文献'];
      for (const d of v.docs) {
        const meta = [d.source, d.author, d.date].filter((x): x is string => Boolean(x)).map(plain);
        meta.push(`${d.passageCount} 段`);
        lines.push(`- **《${plain(d.title)}》**　${grey(meta.join(' · '))}`);
      }
      if (v.note) lines.push(grey(plain(say(v.note, v.lang))));
      return { title: '收录文献', text: lines.join('\n\n') };
    },
    themes(v) {
      const lines = ['### 五个振兴主题'];
      for (const t of v.themes) {
        const link = dtmdLink(t.name, pageText({ kind: 'theme', theme: t.id, page: 1 }, rc.group));
        lines.push(`- ${link}　${grey(both(v.lang, `${t.passageCount} 段`, `${t.en} · ${t.passageCount} passages`))}`);
      }
      lines.push(both(v.lang, '点主题查看精选段落，或发送“主题 人才”。', 'Tap a theme, or send "theme talent".'));
      return { title: '五个振兴主题', text: lines.join('\n\n') };
    },
    digest(v) {
      const d = v.digest;
      const [lead, ...others] = d.passages;
      const lines = [`### ${digestHeading(d)}`, grey(`#${themeInfo(d.theme.id).short}`)];
      if (lead) lines.push(`> ${plain(cutAtSentence(lead.text, QUOTE_CHARS))}`, `—— ${plain(sourceLine(lead))}`);
      if (others.length > 0) {
        lines.push('**延伸阅读**');
        for (const p of others) lines.push(`- **${plain(sourceLine(p))}**　${plain(cutAtSentence(p.text, EXCERPT_CHARS))}`);
      }
      if (d.keywords.length > 0) lines.push(`今日关键词：${d.keywords.map(plain).join('、')}`);
      lines.push(
        grey(
          v.preview
            ? '这是今天“每日一读”的预览。在群里 @我 发送“订阅”，每天早上都会收到。'
            : '在群里 @我 发送“退订”可停止接收每日一读。',
        ),
      );
      return { title: digestHeading(d), text: lines.join('\n\n') };
    },
    subscription(v) {
      return { title: '振兴 · 每日一读', text: plain(say(v.message, v.lang)) };
    },
    share(v) {
      const p = v.passage;
      const by = rc.sharerName ? `由 ${plain(rc.sharerName)} 分享 · 振兴文库` : '分享自振兴文库';
      return {
        title: `分享：${plain(sourceLine(p))}`,
        text: [`### 《${plain(p.title)}》`, `> ${plain(cutAtSentence(p.text, QUOTE_CHARS))}`, `—— ${plain(sourceLine(p))}`, grey(by)].join('\n\n'),
      };
    },
    message(v) {
      return { title: v.tone === 'error' ? '振兴 · 出了点问题' : '振兴', text: plain(say(v.message, v.lang)) };
    },
  };
}

export function renderView(view: View, rc: RenderContext = {}): Markdown {
  return renderWith(renderers(rc), view);
}
