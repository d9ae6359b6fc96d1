/**
 * Snippets: the passage's best-matching sentence(s), about 80–160 characters, with the matched words marked.
 * Matching runs on the folded text (NFKC, simplified, lower case) and the marks are mapped back onto the original
 * display text, which is never altered except for whitespace runs shown as one space.
 */
import type { Segment } from './types.js';
import { foldWithMap, toDisplayRange, type FoldedText } from './normalize.js';

/** A string to mark in the snippet and how much a sentence containing it is worth. */
export interface HighlightTerm {
  /** Folded form (as produced by foldText). */
  text: string;
  weight: number;
  /** Terms sharing a group count once per sentence (e.g. a concept and its parts). */
  group: number;
  /**
   * Mark it only where it stands as a word of the passage (a piece of the query's word, a related term): 共同 of
   * 共同富裕 is not marked inside 共同体. Needs the `isWord` argument of {@link buildSnippet}; marked anywhere without.
   */
  wordOnly?: boolean;
}

/** Whether folded text [start, end) is a whole word of the passage (jieba cut boundaries at both ends). */
export type WordTest = (start: number, end: number) => boolean;

export interface SnippetOptions {
  /** Aim for at least this many characters by adding neighbouring sentences. Default 80. */
  minLength?: number;
  /** Never more than this many characters (an ellipsis marks a cut). Default 160. */
  maxLength?: number;
}

export interface Snippet {
  snippet: string;
  segments: Segment[];
}

const DEFAULTS: Required<SnippetOptions> = { minLength: 80, maxLength: 160 };
const SENTENCE_END = /[。！？!?；;]+[”’」』）)》"']*|\n+/gu;
const ELLIPSIS = '…';
const WHITESPACE = /\s/u;

interface Range {
  start: number;
  end: number;
  weight: number;
  group: number;
}

/** Sentence spans [start, end) of display text. */
export function splitSentences(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim().length > 0) spans.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim().length > 0) spans.push([start, text.length]);
  return spans;
}

/**
 * Whether the folded text may hold a term: false must be certain (a filter of the text's character pairs, say); true
 * may be wrong. It only spares the scan for a term the text lacks.
 */
export type MayHold = (term: string) => boolean;

/** Every occurrence of every term, in display offsets, longest first where they overlap. */
function findMatches(display: string, folded: FoldedText, terms: readonly HighlightTerm[], isWord?: WordTest, mayHold?: MayHold): Range[] {
  const found: Range[] = [];
  for (const term of terms) {
    if (term.text.length === 0 || (mayHold !== undefined && !mayHold(term.text))) continue;
    let from = 0;
    for (let at = folded.folded.indexOf(term.text, from); at >= 0; at = folded.folded.indexOf(term.text, from)) {
      if (term.wordOnly && isWord && !isWord(at, at + term.text.length)) {
        from = at + 1;
        continue;
      }
      // Most passages fold in place (no map): their offsets are the display's, with no pair made per match.
      let start = Math.min(at, display.length);
      let end = Math.min(at + term.text.length, display.length);
      if (folded.map !== null) [start, end] = toDisplayRange(folded, display.length, at, at + term.text.length);
      if (end > start) found.push({ start, end, weight: term.weight, group: term.group });
      from = at + term.text.length;
    }
  }
  // Prefer longer matches; drop any that overlap one already kept.
  sortStable(found, longerFirst);
  const kept: Range[] = [];
  for (const r of found) {
    let free = true;
    for (const k of kept) {
      if (r.end > k.start && r.start < k.end) {
        free = false;
        break;
      }
    }
    if (free) kept.push(r);
  }
  return sortStable(kept, earlierFirst);
}

const longerFirst = (a: Range, b: Range): number => b.end - b.start - (a.end - a.start) || a.start - b.start;
const earlierFirst = (a: Range, b: Range): number => a.start - b.start;

/**
 * Sorts in place as Array.prototype.sort does (stable: the same order), by insertion when short (a snippet's matches
 * are a handful): the built-in sort copies the array into a work area on every call, five snippets a query.
 */
function sortStable(list: Range[], order: (a: Range, b: Range) => number): Range[] {
  if (list.length > 32) return list.sort(order);
  for (let i = 1; i < list.length; i++) {
    const r = list[i] as Range;
    let j = i - 1;
    while (j >= 0 && order(list[j] as Range, r) > 0) {
      list[j + 1] = list[j] as Range;
      j--;
    }
    list[j + 1] = r;
  }
  return list;
}

// scoreSpan's groups and their best weights, reused (one span is scored at a time): no two arrays per sentence.
const spanGroups: number[] = [];
const spanBest: number[] = [];

/** The worth of display[start, end): `matches` are findMatches', in text order. */
function scoreSpan(matches: readonly Range[], start: number, end: number): number {
  // Each group's best weight, summed in the order the groups first occur (a Map's order: the same sum to the bit).
  let groups = 0;
  let hits = 0;
  for (const m of matches) {
    // In text order: a match starting at the end or past it ends past it, and so do all after it.
    if (m.start >= end) break;
    if (m.start < start || m.end > end) continue;
    hits++;
    let k = 0;
    while (k < groups && spanGroups[k] !== m.group) k++;
    if (k === groups) {
      spanGroups[groups] = m.group;
      spanBest[groups] = Math.max(0, m.weight);
      groups++;
    } else spanBest[k] = Math.max(spanBest[k] as number, m.weight);
  }
  let score = 0;
  for (let k = 0; k < groups; k++) score += spanBest[k] as number;
  // Distinct concepts dominate; repeats only break ties.
  return score + Math.min(hits, 5) * 0.01;
}

/**
 * Characters as shown, by prefix sums: prefix[i] counts the characters of display[0, i) the way a snippet shows
 * them (a surrogate pair is one character, a whitespace run one space).
 */
function shownPrefix(display: string): Uint32Array {
  const prefix = new Uint32Array(display.length + 1);
  let count = 0;
  let prevSpace = false;
  for (let i = 0; i < display.length; i++) {
    const c = display.charCodeAt(i);
    const space = c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3000;
    const lowSurrogate = c >= 0xdc00 && c <= 0xdfff;
    if (!lowSurrogate && !(space && prevSpace)) count++;
    prevSpace = space;
    prefix[i + 1] = count;
  }
  return prefix;
}

/**
 * Whether every UTF-16 unit of the text shows as one character (no surrogate pair, no whitespace run): then a
 * stretch shows as many characters as it is long, and {@link buildSnippet} needs no prefix sums. True of most passages.
 */
export function isPlainText(display: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < display.length; i++) {
    const c = display.charCodeAt(i);
    const space = c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3000;
    if ((c >= 0xdc00 && c <= 0xdfff) || (space && prevSpace)) return false;
    prevSpace = space;
  }
  return true;
}

/**
 * Characters display[start, end) shows: by the prefix sums of {@link shownPrefix}, or its length for a plain text
 * (no prefix).
 */
function shownBy(prefix: Uint32Array | undefined, start: number, end: number): number {
  return prefix ? (prefix[end] as number) - (prefix[start] as number) : end - start;
}

/** Moves an offset off the second half of a surrogate pair. */
function safe(display: string, i: number): number {
  const c = display.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * Builds the snippet for a passage. With no matches (a theme listing), it is the passage's opening sentences.
 * `folded` and `sentences` may be passed when the caller has them cached, `plain` when it knows
 * {@link isPlainText} of the passage, `mayHold` to skip the terms the folded text certainly lacks, and `spaceless`
 * when it knows the passage holds no whitespace at all.
 */
export function buildSnippet(
  display: string,
  terms: readonly HighlightTerm[],
  options: SnippetOptions = {},
  folded: FoldedText = foldWithMap(display),
  sentences: readonly [number, number][] = splitSentences(display),
  isWord?: WordTest,
  plain = isPlainText(display),
  mayHold?: MayHold,
  spaceless = false,
): Snippet {
  const o = { ...DEFAULTS, ...options };
  const matches = findMatches(display, folded, terms, isWord, mayHold);
  // The characters a stretch shows are shownBy(prefix, …).
  const prefix = plain ? undefined : shownPrefix(display);
  if (sentences.length === 0) return { snippet: '', segments: [] };

  // 1. The best sentence: highest score, earliest on ties.
  let bestIndex = 0;
  let bestScore = -1;
  for (let i = 0; i < sentences.length; i++) {
    const [s, e] = sentences[i] as [number, number];
    const score = scoreSpan(matches, s, e);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  }

  // 2. Grow with neighbouring sentences (the better-scoring side first) while short and within the cap.
  let first = bestIndex;
  let last = bestIndex;
  while (shownBy(prefix, (sentences[first] as [number, number])[0], (sentences[last] as [number, number])[1]) < o.minLength) {
    const s = (sentences[first] as [number, number])[0];
    const e = (sentences[last] as [number, number])[1];
    const before = first > 0 ? (sentences[first - 1] as [number, number]) : undefined;
    const after = last + 1 < sentences.length ? (sentences[last + 1] as [number, number]) : undefined;
    const canBefore = before !== undefined && shownBy(prefix, before[0], e) <= o.maxLength;
    const canAfter = after !== undefined && shownBy(prefix, s, after[1]) <= o.maxLength;
    if (!canBefore && !canAfter) break;
    const scoreBefore = canBefore && before ? scoreSpan(matches, before[0], before[1]) : -1;
    const scoreAfter = canAfter && after ? scoreSpan(matches, after[0], after[1]) : -1;
    if (canAfter && scoreAfter >= scoreBefore) last++;
    else first--;
  }
  let start = (sentences[first] as [number, number])[0];
  let end = (sentences[last] as [number, number])[1];

  // 3. Too long (one long sentence): a window of maxLength around the densest run of matches.
  if (shownBy(prefix, start, end) > o.maxLength) {
    const inside = matches.filter((m) => m.start >= start && m.end <= end);
    let windowStart = start;
    if (inside.length > 0) {
      // Slide the window over match starts; keep the one covering the most weight, with a little lead-in.
      let bestWeight = -1;
      for (const anchor of inside) {
        const ws = Math.max(start, anchor.start - 12);
        const we = ws + o.maxLength - 2;
        const weight = inside.filter((m) => m.start >= ws && m.end <= we).reduce((a, m) => a + m.weight, 0);
        if (weight > bestWeight) {
          bestWeight = weight;
          windowStart = ws;
        }
      }
    }
    // Back off to a clause boundary if one is close, so the snippet does not start mid-word.
    const lead = display.slice(Math.max(start, windowStart - 12), windowStart);
    const comma = Math.max(lead.lastIndexOf('，'), lead.lastIndexOf(','), lead.lastIndexOf('、'));
    if (comma >= 0) windowStart = Math.max(start, windowStart - 12) + comma + 1;
    windowStart = safe(display, windowStart);
    const budget = o.maxLength - (windowStart > start ? 1 : 0) - 1;
    // Up to `budget` characters (code points, as a string's iterator gives them) from windowStart, counted on the
    // UTF-16 units rather than iterated: iterating made a string per character.
    let windowEnd = windowStart;
    let count = 0;
    while (windowEnd < end && count < budget) {
      const c = display.charCodeAt(windowEnd);
      const d = windowEnd + 1 < end ? display.charCodeAt(windowEnd + 1) : 0;
      windowEnd += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      count++;
    }
    start = windowStart;
    end = Math.min(end, windowEnd);
  }

  return render(display, matches, start, end, start > (sentences[first] as [number, number])[0], end < (sentences[last] as [number, number])[1], spaceless);
}

/** Appends a stretch to the segments (whitespace runs as one space when `spaced`), merged with a neighbour of its kind. */
function addSegment(segments: Segment[], raw: string, match: boolean, spaced: boolean): void {
  const text = spaced ? raw.replace(/\s+/g, ' ') : raw;
  if (text.length === 0) return;
  const prev = segments[segments.length - 1];
  if (prev && prev.match === match) prev.text += text;
  else segments.push({ text, match });
}

function render(
  display: string,
  matches: readonly Range[],
  start: number,
  end: number,
  cutStart: boolean,
  cutEnd: boolean,
  spaceless: boolean,
): Snippet {
  // Whitespace runs (line breaks inside a passage) show as one space; trim the ends; merge neighbours. Most
  // snippets hold no whitespace at all: one look at the shown stretch (none for a passage without any) spares a
  // replace per segment.
  const spaced = !spaceless && WHITESPACE.test(display.slice(start, end));
  const segments: Segment[] = [];
  if (cutStart) addSegment(segments, ELLIPSIS, false, spaced);
  let pos = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    if (m.start > pos) addSegment(segments, display.slice(pos, m.start), false, spaced);
    addSegment(segments, display.slice(m.start, m.end), true, spaced);
    pos = m.end;
  }
  if (pos < end) addSegment(segments, display.slice(pos, end), false, spaced);
  if (cutEnd) addSegment(segments, ELLIPSIS, false, spaced);
  let clean = segments;
  if (spaced) {
    const head = segments[0];
    if (head) head.text = head.text.replace(/^\s+/, '');
    const tail = segments[segments.length - 1];
    if (tail) tail.text = tail.text.replace(/\s+$/, '');
    clean = segments.filter((s) => s.text.length > 0);
  }
  let snippet = '';
  for (const s of clean) snippet += s.match ? `**${s.text}**` : s.text;
  return { snippet, segments: clean };
}
