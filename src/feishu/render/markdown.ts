/**
 * Escaping for the Feishu card markdown component (JSON 2.0 `markdown`, the successor of `lark_md`). Corpus and
 * user text go through here before it reaches a card, so it can never open a mention (`<at id=all>`), a link
 * (`[x](y)`, bare https://), a font/tag element, an emoji code (`:OK:`), a heading, list or code block.
 *
 * Feishu's documented way to show a markdown-significant character literally is an HTML numeric character
 * reference (`&#42;` for `*`, `&#60;` for `<` …). We apply it to every ASCII punctuation character rather than
 * a hand-picked subset: the corpus is Chinese, which uses full-width punctuation, so the cost is small, and
 * a complete rule cannot miss a character the renderer later starts to treat as syntax.
 */
import type { Segment } from '../../search/types.js';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Runs of whitespace (newlines, tabs, ideographic spaces) inside one line of inline text. */
const WHITESPACE = /[\s\u3000\u200b\u2028\u2029]+/gu;

/** Characters that must not reach a card at all: C0/C1 controls other than \n, and bidi overrides. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Escapes every ASCII punctuation character as a numeric character reference. */
export function escapePunctuation(text: string): string {
  return text.replace(ASCII_PUNCTUATION, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Inline text: one line, whitespace collapsed (a leading run of spaces would start a code block, a newline
 * could start a heading or quote), controls removed, punctuation escaped.
 */
export function inline(text: string): string {
  return escapePunctuation(text.replace(CONTROL, '').replace(WHITESPACE, ' ').trim());
}

/** Inline text wrapped in `**…**`; empty text stays empty (a bare `****` would render as stars). */
export function bold(text: string): string {
  const t = inline(text);
  return t === '' ? '' : `**${t}**`;
}

/** Punctuation or space at the edges of an emphasised run: CommonMark will not open or close `**` next to it. */
const EDGE = /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su;

/** A snippet: `match` segments emphasised, everything escaped. Adjacent segments join without spaces. */
export function segmentsToMarkdown(segments: readonly Segment[]): string {
  // Adjacent matches become one run: `**a****b**` is not valid emphasis.
  const runs: Segment[] = [];
  for (const seg of segments) {
    const last = runs[runs.length - 1];
    if (last && last.match === seg.match) last.text += seg.text;
    else runs.push({ text: seg.text, match: seg.match });
  }
  let out = '';
  for (const s of runs) {
    // Keep the whitespace between segments (it matters for Latin text) but collapse it like inline().
    const text = s.text.replace(CONTROL, '').replace(WHITESPACE, ' ');
    if (text === '') continue;
    const [, lead = '', core = '', trail = ''] = EDGE.exec(text) ?? [];
    if (s.match && core !== '') {
      // Emphasise the core only: `**` beside punctuation would not be read as emphasis and would show as stars.
      out += `${escapePunctuation(lead)}**${escapePunctuation(core)}**${escapePunctuation(trail)}`;
    } else {
      out += escapePunctuation(text);
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** A block quote of (possibly multi-paragraph) text: each non-empty line inline-escaped behind `> `. */
export function quote(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => inline(l))
    .filter((l) => l !== '');
  return lines.map((l) => `> ${l}`).join('\n');
}

/** Cuts text to at most `limit` characters (code points), ending with … when cut. */
export function truncate(text: string, limit: number): string {
  if (!Number.isFinite(limit)) return text;
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  return `${chars.slice(0, Math.max(0, limit - 1)).join('')}…`;
}

/**
 * Plain-text fields (header titles, button labels) are not parsed as markup, but they are one line and have
 * a display limit: strip controls, collapse whitespace, cut.
 */
export function plain(text: string, limit = 100): string {
  return truncate(text.replace(CONTROL, '').replace(WHITESPACE, ' ').trim(), limit);
}

/** A mention of the sharer. Only a well-formed open_id is ever interpolated into the tag. */
export function mention(openId: string): string | null {
  return /^ou_[A-Za-z0-9_-]{1,64}$/.test(openId) ? `<at id=${openId}></at>` : null;
}
