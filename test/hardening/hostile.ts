/**
 * fast-check arbitraries for hostile user text: what a chat user, a pasted document or a fuzzer can send. Each
 * string is a mix of fragments below, so one run covers control characters next to Chinese, a lone surrogate inside
 * an emoji sequence, `<!channel>` inside a quoted phrase, and so on. `hugeText` adds 20 000-character inputs.
 */
import fc from 'fast-check';

/** C0 and C1 control characters, DEL, and the ANSI escape that starts terminal control sequences. */
export const CONTROL = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\v', '\f', '\r', '\u001b', '\u001b[2J', '\u001b[31m', '\u001b]0;title\u0007',
  '\u007f', '\u0085', '\u009b', '\u009b31m',
];
/** Bidirectional marks and overrides, zero-width characters, BOM, line and paragraph separators. */
export const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2028', '\u2029'];
/** Lone surrogate halves (invalid UTF-16), alone and next to valid pairs. */
export const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '😀\ud83d', '\ude00😀'];
/** Emoji sequences: ZWJ families, skin tones, flags, keycaps, variation selectors. */
export const EMOJI = ['👨‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇨🇳', '1️⃣', '❤️', '🧑🏿‍🌾', '\ufe0f', '\u20e3', '🀄'];
/** Regular-expression metacharacters and escapes. */
export const REGEX = ['.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\', '/', '.*', '(?:', '\\1', '[^', '(a+)+$', '\\u{', '$&', "$'"];
/** Slack mrkdwn and Feishu markdown control: mentions, links, emphasis, entities. */
export const MARKUP = [
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123>', '<@U0VICTIM>', '<@W123|name>', '<#C123>', '<#C123|general>',
  '<https://evil.example|click>', '<mailto:a@b.c>', '<', '>', '&', '&amp;', '&lt;!channel&gt;', '&#60;', '*bold*', '_it_',
  '~s~', '`code`', '```', '> quote', ':smile:', '<at user_id="all"></at>', '<at id=all></at>', '<at email="a@b.c"></at>',
  '[link](https://evil.example)', '**', '\\*', '<font color="red">', '</font>', '{{', '}}', '${x}',
];
/** Object-prototype and JSON traps. */
export const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '{"__proto__":{"x":1}}', 'null', 'undefined', 'NaN', '"', "'", '\\"'];
/** Bot syntax and words a real user types, so hostile parts also reach the interesting code paths. */
export const SYNTAX = [
  '/zhenxing', '／zhenxing', '、', 'zhenxing', 'help', '帮助', 'ｈｅｌｐ', 'today', '今日', 'docs', '文档', 'theme', '主题', 'theme:talent',
  '主题：人才', 'theme:', 'doc:004', 'doc:', 'doc:999', '"', '“', '”', '-', '+', 'OR', 'AND', 'NOT', ' ', '\u3000', '  ', 'subscribe', '订阅',
  '人才振兴', '乡村振兴', '集体经济', '绿水青山就是金山银山', '第一书记', '乡村', '振兴', '的', 'talent', 'ecology', 'village', 'Rural revitalization',
  '繁體中文鄉村振興', '１２３', 'ａｂｃ', '〇', '𠀀', '𪚥',
];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...SURROGATES) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...REGEX) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO) },
  // Arbitrary code points, including unassigned ones and surrogate halves.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** A hostile string of up to `maxParts` fragments (default 12). */
export function hostileText(maxParts = 12): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxParts }).map((parts) => parts.join(''));
}

/** 20 000 characters: one fragment repeated, or a hostile mix padded out. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fragment.filter((f) => f.length > 0), hostileText(6))
  .map(([unit, tail]) => (unit.repeat(Math.ceil(20_000 / unit.length)) + tail).slice(0, 20_000));

/** Mostly ordinary-length hostile strings, sometimes 20 000 characters. */
export function anyText(maxParts = 12): fc.Arbitrary<string> {
  return fc.oneof({ weight: 9, arbitrary: hostileText(maxParts) }, { weight: 1, arbitrary: hugeText });
}

/** Runs per property: enough to reach the odd combinations, few enough to keep the suite fast. */
export const RUNS = Number(process.env.HARDENING_RUNS ?? 200);

/** Control characters that must never reach a terminal (C0 except \n, DEL, C1). `\t` is allowed. */
// eslint-disable-next-line no-control-regex
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** Every `<…>` Slack would treat as a mention or broadcast: `<!…>`, `<@…>`, `<#…>`, and Feishu's `<at …>`. */
export const MENTION = /<\s*[!@#]|<at[\s>]/i;
