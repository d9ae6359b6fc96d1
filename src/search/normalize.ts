/**
 * Text normalisation for matching. The query gets the full treatment (NFKC, traditional → simplified, lower case,
 * control characters dropped, whitespace and repeated punctuation collapsed, a length cap). Passage text is
 * normalised the same way for the index only; what users see is always the original passage text.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { queryTooLong } from './errors.js';

/** Default cap on a query's length, in characters after cleanup. */
export const DEFAULT_MAX_QUERY_LENGTH = 200;

let toSimplifiedFn: ((text: string) => string) | undefined;

/** Traditional → simplified (OpenCC t2s, phrase-aware). Identity on simplified text. */
export function toSimplified(text: string): string {
  const convert = (toSimplifiedFn ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  // The converter replaces only stretches that start with the first character of one of its dictionaries' entries:
  // a text holding no such character is its own simplified form (most queries, most words), and is not read twice.
  const starts = (entryStarts ??= conversionStarts());
  if (starts !== null && !holdsAny(text, starts)) return text;
  return convert(text);
}

// Round 12 (variantFold): the regional variant tables of opencc-js (Taiwan, Hong Kong, Japanese forms to OpenCC's
// standard traditional ones), without the t2s step, made on the first query that needs them (~30 ms).
let variantConverters: ((text: string) => string)[] | undefined;

// Every character the variant tables' entries change (in phrases too: 著 of 沿著), or null when the tables are not laid
// out as this version of opencc-js lays them out (then every query with a character the texts lack is converted).
let variantKeyCharacters: ReadonlySet<string> | null | undefined;

function variantKeys(): ReadonlySet<string> | null {
  const chars = new Set<string>();
  for (const k of ['tw', 'hk', 'jp'] as const) {
    const groups = OpenCC.Locale.from[k] as unknown;
    if (!Array.isArray(groups)) return null;
    for (const group of groups as unknown[]) {
      if (!Array.isArray(group)) return null;
      for (const dict of group as unknown[]) {
        if (typeof dict !== 'string') return null;
        for (const entry of dict.split('|')) {
          // Only the characters an entry changes (著 of 著力 → 着力, not 力).
          const [key, value] = entry.split(' ') as [string, string | undefined];
          const from = Array.from(key);
          const to = Array.from(value ?? '');
          from.forEach((ch, i) => {
            if (from.length !== to.length || to[i] !== ch) chars.add(ch);
          });
        }
      }
    }
  }
  return chars.size > 0 ? chars : null;
}

/**
 * Characters of a normalised query that no text holds (`held` is false), replaced by the simplified form of their
 * Taiwan, Hong Kong or Japanese variant where the texts hold that (round 12, variantFold): OpenCC's t2s leaves 著 of
 * Taiwan's 著力 (着力), Hong Kong's 衞 (卫) and Japanese 経済 (经济) as typed. Each table reads the whole query, so
 * that phrase entries apply (著力 → 着力, but 著作 stays); a replacement is kept only where it keeps the length and
 * gives a character the texts hold. Returns the text itself when every character is held (most queries).
 */
export function foldVariants(text: string, held: (ch: string) => boolean): string {
  // Most characters the texts lack (typos, everyday words: 咋, 娃) are in no variant table: no conversion for them.
  let convertible = false;
  for (const ch of text) {
    if ((ch.codePointAt(0) as number) < 0x3400 || held(ch)) continue;
    const keyed = (variantKeyCharacters ??= variantKeys());
    if (keyed === null || keyed.has(ch)) {
      convertible = true;
      break;
    }
  }
  if (!convertible) return text;
  variantConverters ??= (['tw', 'hk', 'jp'] as const).map((k) => OpenCC.ConverterFactory(OpenCC.Locale.from[k], []));
  const chars = Array.from(text);
  for (const convert of variantConverters) {
    const other = Array.from(toSimplified(convert(chars.join(''))));
    if (other.length !== chars.length) continue;
    for (let k = 0; k < chars.length; k++) {
      const ch = chars[k] as string;
      const to = other[k] as string;
      if (to !== ch && (ch.codePointAt(0) as number) >= 0x3400 && !held(ch) && held(to)) chars[k] = to;
    }
  }
  return chars.join('');
}

// The first characters (code points) of the t2s conversion's dictionary entries; null when the dictionaries are not
// laid out as this version of opencc-js lays them out (then every text is converted).
let entryStarts: ReadonlySet<number> | null | undefined;

function conversionStarts(): ReadonlySet<number> | null {
  // Converter({ from: 't', to: 'cn' }) is opencc-js's preset 't2s': a normalisation chain, then a conversion chain,
  // of dictionary groups; no segmentation.
  const config = (OpenCC.Locale.configs as Record<string, { segmentation?: unknown; normalizationChain?: unknown; conversionChain?: unknown }>)['t2s'];
  if (!config || config.segmentation || !Array.isArray(config.normalizationChain) || !Array.isArray(config.conversionChain)) return null;
  const starts = new Set<number>();
  const groups = [...config.normalizationChain, ...config.conversionChain] as unknown[];
  for (const group of groups) {
    if (!Array.isArray(group)) return null;
    for (const dict of group as unknown[]) {
      const keys =
        typeof dict === 'string'
          ? dict.split('|').map((entry) => entry.split(' ')[0])
          : Array.isArray(dict)
            ? (dict as unknown[]).map((entry) => (Array.isArray(entry) ? entry[0] : undefined))
            : undefined;
      if (!keys) return null;
      for (const key of keys) {
        if (typeof key !== 'string' || key.length === 0) return null;
        starts.add(key.codePointAt(0) as number);
      }
    }
  }
  return starts.size > 0 ? starts : null;
}

function holdsAny(text: string, codePoints: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (codePoints.has(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

// Cc/Cf (controls, zero-width and bidi marks), Co (private use: reserved for the index's own markers), Cs (lone
// surrogates) and the replacement character, which is what a lone surrogate becomes on its way through UTF-8.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFFFD]/gu;
const WHITESPACE_CONTROL = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// A run of punctuation or symbols collapses to its first character (！！！ → !, 。。。。 → 。); quote marks in the run
// are kept, since the query syntax reads them ("a""b" is two phrases, :“ opens a phrase after a filter key).
const PUNCT_RUN = /[\p{P}\p{S}]{2,}/gu;
const QUOTE_MARKS = /["“”「」『』]/u;

function collapsePunctuation(run: string): string {
  let kept = '';
  let first = true;
  for (const ch of run) {
    if (QUOTE_MARKS.test(ch)) kept += ch;
    else if (first) {
      kept += ch;
      first = false;
    }
  }
  return kept;
}

const SPACES = /\s+/gu;
// A Han character typed three times or more in a row (急急急急, 哈哈哈, 好好好) is emphasis, not a word: one is kept.
// No word of the texts repeats a character three times; two (好好, 常常, 谢谢) are words and stay.
const HAN_REPEAT = /(\p{Script=Han})\1{2,}/gu;
// Pinyin typed with tone marks (jìtǐ jīngjì) or Latin words with accents: the marks come off (the texts are Chinese).
const LATIN_MARKED = /\p{Script=Latin}\p{M}+/gu;

function stripLatinMarks(text: string): string {
  if (!/[\u00c0-\u024f\u1e00-\u1eff]/u.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKED, (m) => m.replace(/\p{M}+/gu, '')).normalize('NFC');
}

/** Drops invisible characters and turns line breaks and tabs into spaces. No other change. */
export function stripInvisible(text: string): string {
  return text.replace(WHITESPACE_CONTROL, ' ').replace(INVISIBLE, '');
}

/** NFKC + traditional → simplified + lower case, stable under repetition. Used for both query and index. */
export function foldText(text: string): string {
  // NFKC again after lower-casing: a few lower-case forms are not NFKC-stable (e.g. U+0130 → i + combining dot).
  return toSimplified(text.normalize('NFKC')).toLowerCase().normalize('NFKC');
}

export interface NormalizeOptions {
  /** Maximum length in characters after cleanup. Default {@link DEFAULT_MAX_QUERY_LENGTH}. */
  maxLength?: number;
}

/**
 * Normalises a query for matching: invisible characters dropped, NFKC (full-width → half-width, ① → 1),
 * traditional → simplified (鄉村振興 → 乡村振兴), lower case, whitespace collapsed to single spaces, runs of
 * punctuation collapsed to one character, a Han character repeated three times or more kept once, accents and tone
 * marks off Latin letters (jìtǐ → jiti), trimmed.
 * Throws SearchError QUERY_TOO_LONG past the cap; an empty result is returned as '' (the caller decides).
 * Idempotent: normalizeQuery(normalizeQuery(q)) === normalizeQuery(q).
 */
export function normalizeQuery(raw: string, options: NormalizeOptions = {}): string {
  const max = options.maxLength ?? DEFAULT_MAX_QUERY_LENGTH;
  const input = typeof raw === 'string' ? raw : '';
  // Refuse absurd input before doing any work on it (each step below is linear, but 10 MB is still 10 MB).
  if (input.length > max * 20) throw queryTooLong(input.length, max);
  // Han characters alone (most queries): nothing invisible, no space, punctuation, Latin letter or compatibility
  // form, so of the steps below only the simplification and the collapse of repeats can change them.
  if (input.length > 0 && isPlainHan(input)) {
    if (input.length > max) throw queryTooLong(input.length, max);
    const simplified = toSimplified(input);
    if (isPlainHan(simplified)) return simplified.replace(HAN_REPEAT, '$1');
  }
  let text = stripInvisible(input).normalize('NFKC').replace(SPACES, ' ').trim();
  const length = Array.from(text).length;
  if (length > max) throw queryTooLong(length, max);
  text = foldText(text);
  // NFKC can produce new invisible characters or spaces (e.g. U+2126 is fine, but U+3000 → space): clean again.
  text = stripLatinMarks(stripInvisible(text))
    .replace(PUNCT_RUN, collapsePunctuation)
    .replace(HAN_REPEAT, '$1')
    .replace(SPACES, ' ')
    .trim();
  return text;
}

/** Whether every character is a CJK unified ideograph of U+4E00–9FA5 (each its own NFKC form, a letter). */
function isPlainHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fa5) return false;
  }
  return true;
}

/**
 * A folded copy of display text plus, where folding changed the length, a map from each folded UTF-16 index to the
 * display index it came from. Snippets use it to put highlight marks on the original text.
 */
export interface FoldedText {
  folded: string;
  /** folded index → display index; null when folding kept every character in place. */
  map: Uint32Array | null;
}

/** Folds display text for the index and for locating matches (see {@link FoldedText}). */
export function foldWithMap(display: string): FoldedText {
  const whole = foldText(display);
  if (whole.length === display.length) return { folded: whole, map: null };
  // Rare (ligatures, circled numbers, compatibility ideographs): fold code point by code point to keep offsets.
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of display) {
    const f = foldText(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) offsets.push(i);
    i += ch.length;
  }
  return { folded, map: Uint32Array.from(offsets) };
}

/** Maps a folded range [start, end) back to the display range it came from. */
export function toDisplayRange(text: FoldedText, displayLength: number, start: number, end: number): [number, number] {
  const m = text.map;
  if (!m) return [Math.min(start, displayLength), Math.min(end, displayLength)];
  const s = m[start] ?? displayLength;
  if (end <= start) return [s, s];
  // The range ends where the display character behind folded[end - 1] ends, i.e. where the next one starts.
  const lastSource = m[end - 1];
  let k = end;
  while (k < m.length && m[k] === lastSource) k++;
  const e = m[k] ?? displayLength;
  return [s, Math.max(s, e)];
}

const BARE_DROP = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only: the form used to compare a whole query or phrase with a passage ignoring punctuation. */
export function bare(folded: string): string {
  // Most strings asked about are already bare (a word, a stretch of Han characters): no regular expression for them.
  return isBareWord(folded) ? folded : folded.replace(BARE_DROP, '');
}

/**
 * Whether every character of a string is a letter or digit that bare() keeps (Han of U+4E00–9FA5, a–z, 0–9): a
 * quick check that says no to a few strings bare() would keep whole, never yes to one it would change.
 */
export function isBareWord(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/** Characters (code points) in a string, counted as `Array.from(text).length` counts them, without making the array. */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
