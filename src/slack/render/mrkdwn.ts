/**
 * Slack mrkdwn helpers. Every piece of user or corpus text goes through escapeMrkdwn before it is put into
 * mrkdwn, so `<!channel>` or `<@U123>` typed into a query or found in a text is shown, never acted on.
 * Lengths are measured after escaping, because that is what Slack counts against its limits.
 */

import { cutAtSentence as sharedCutAtSentence, cutIndex as sharedCutIndex } from '../../router/format.js';

/** Escapes the three characters Slack treats as control characters in mrkdwn: & < >. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The reverse, for text coming from Slack: it sends what users type (a slash command's `text`, message text) with
 * `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;`, and no other entity. Decodes exactly those three, `&amp;` last,
 * so `&amp;lt;` (the user typed `&lt;`) becomes `&lt;` and not `<`.
 */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Length of `text` once escaped. */
export function escapedLength(text: string): number {
  let n = text.length;
  for (const ch of text) {
    if (ch === '&') n += 4;
    else if (ch === '<' || ch === '>') n += 3;
  }
  return n;
}

// Slack only opens bold after a space or punctuation; between Chinese characters `*粗体*` would stay literal,
// so the markers are fenced with zero-width spaces.
const ZWSP = '\u200b';

/**
 * Bold mrkdwn around already-escaped text. Surrounding whitespace is kept outside the markers (Slack ignores
 * `* x*`), and a literal `*` inside becomes `∗` so it cannot close the bold early.
 */
export function boldEscaped(escaped: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped);
  const [lead = '', core = '', trail = ''] = m ? [m[1], m[2], m[3]] : ['', escaped, ''];
  if (core === '') return escaped;
  return `${lead}${ZWSP}*${core.replace(/\*/g, '∗')}*${ZWSP}${trail}`;
}

/** Escapes raw text and makes it bold. */
export function bold(raw: string): string {
  return boldEscaped(escapeMrkdwn(raw));
}

/** Where to cut raw text so that its escaped form, plus `reserve` for an ellipsis, fits `budget`. */
export function cutIndex(text: string, budget: number, reserve = 1): number {
  return sharedCutIndex(text, budget, { reserve, cost: escapedLength });
}

/** Cuts raw text to fit `budget` escaped characters at a sentence end, adding "…" when anything was cut. */
export function cutAtSentence(text: string, budget: number): string {
  return sharedCutAtSentence(text, budget, { cost: escapedLength });
}

/**
 * Splits raw text into pieces whose escaped length fits `budget`, each ending at a sentence end where one
 * fits. Nothing is dropped: joining the pieces gives the text back.
 */
export function splitAtSentences(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const end = cutIndex(rest, budget, 0);
    // A budget smaller than one character would loop; always take at least one code point.
    const take = end > 0 ? end : String.fromCodePoint(rest.codePointAt(0) ?? 32).length;
    pieces.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  return pieces;
}

/** Turns escaped text into a mrkdwn block quote, line by line. */
export function quoteEscaped(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** A plain-text label cut to `max` characters (plain text is not parsed, so it is not escaped). */
export function clampPlain(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max && text.length <= max) return text;
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length + 1 > max) break;
    out += ch;
  }
  return `${out}…`;
}
