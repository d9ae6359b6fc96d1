/**
 * Tokenisation, shared by the index and the query so both sides segment alike: jieba words (cutForSearch, HMM on)
 * and Han character bigrams, indexed side by side. Bigrams carry a private-use prefix so the two kinds of term never
 * collide in MiniSearch's single term dictionary (a bigram 人才 and the word 人才 are different terms).
 */
import { cutForSearch, isStopWord, tag } from './jieba.js';
import { bare } from './normalize.js';
import { ENGLISH_TERMS, MAX_ENGLISH_PHRASE_WORDS, QUERY_FILLERS, RELATED_TERMS } from './vocabulary.js';

/** Prefix of bigram terms (U+E000, private use: normalisation strips it from queries, so users cannot type it). */
export const GRAM_PREFIX = '\uE000';

const HAN_RUN = /\p{Script=Han}+/gu;
const DIGITS = /^\p{N}+$/u;
const LATIN_WORD = /[a-z][a-z0-9]*/g;
const ENGLISH_LOOKUP: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(ENGLISH_TERMS));

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for tokens worth indexing: not whitespace or punctuation, not a stop word (numbers always count). */
export function isIndexable(token: string): boolean {
  const c = token.charCodeAt(0);
  // Fast path for the common case, a token starting with a CJK ideograph.
  if (!(c >= 0x4e00 && c <= 0x9fff) && !LETTER_OR_DIGIT.test(token)) return false;
  if (DIGITS.test(token)) return true;
  return !isStopWord(token);
}

/** Word terms of folded text: jieba cutForSearch, stop words and punctuation dropped. */
export function wordTerms(folded: string): string[] {
  if (folded.length === 0) return [];
  return cutForSearch(folded).filter(isIndexable);
}

// Query-side words repeat a lot (the same related terms for every 看病 question): cache short strings' cuts.
const shortCuts = new Map<string, readonly string[]>();
const SHORT_CUT_MAX = 16;
const SHORT_CUT_ENTRIES = 20_000;

function wordTermsCached(folded: string): readonly string[] {
  if (folded.length > SHORT_CUT_MAX) return wordTerms(folded);
  let cached = shortCuts.get(folded);
  if (!cached) {
    if (shortCuts.size >= SHORT_CUT_ENTRIES) shortCuts.clear();
    cached = wordTerms(folded);
    shortCuts.set(folded, cached);
  }
  return cached;
}

/** Bigram terms of folded text: every pair of adjacent Han characters within a run, prefixed. */
export function gramTerms(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(HAN_RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${GRAM_PREFIX}${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** One unit of meaning in the query: a jieba word, an English word mapped to Chinese, or a quoted phrase. */
export interface Concept {
  /** As it appears in the (normalised, mapped) query. */
  text: string;
  kind: 'word' | 'english' | 'phrase';
  /**
   * Whether it names something (a noun, name, number, English term, phrase, or a word jieba's dictionary lacks)
   * rather than saying what to do about it or how (a verb, adjective or adverb: 防止, 减少, 偏低). The engine asks
   * that most naming words occur in the texts (SearchEngineOptions.minKnownShare); a question's verb may be absent.
   */
  naming: boolean;
  /** Word terms that stand for the concept itself: its whole form(s); any of them matching counts fully. */
  heads: string[];
  /** Smaller dictionary words inside it (第一书记 → 第一, 书记), matched at a lower weight. */
  parts: string[];
  /** Bigram terms (prefixed). */
  grams: string[];
  /** Related domain terms from {@link RELATED_TERMS}, as word terms. */
  related: string[];
  /** Related terms as written in the texts, for highlighting. */
  relatedText: string[];
}

export interface AnalyzedQuery {
  concepts: Concept[];
  /** The free text's letters and digits only, for the whole-query bonus ('' when English words were mapped). */
  wholeBare: string;
}

interface Span {
  text: string;
  start: number;
  end: number;
  /** jieba's part-of-speech tag. */
  tag: string;
}

/** Tags of words that do not name anything: verbs, adjectives, adverbs (their nominal uses vn, an do name). */
const NOT_NAMING = /^(?:v[dgi]?|a[dg]?|d[g]?|z|[rpcuyeoq])$/;

/** Replaces English words the vocabulary knows with their Chinese term; returns the rest untouched. */
function mapEnglish(text: string): { text: string; english: Map<string, readonly string[]> } {
  const english = new Map<string, readonly string[]>();
  const words = [...text.matchAll(LATIN_WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  if (words.length === 0) return { text, english };
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let terms: readonly string[] | undefined;
    for (let n = Math.min(MAX_ENGLISH_PHRASE_WORDS, words.length - i); n >= 1 && !terms; n--) {
      const slice = words.slice(i, i + n);
      // Words of a phrase must be separated by spaces or hyphens only (e-commerce, party building).
      const joined = slice.every((w, k) => k === 0 || /^[\s-]+$/.test(text.slice((slice[k - 1] as typeof w).end, w.start)));
      if (!joined) continue;
      const key = slice.map((w) => w.word).join(' ');
      // A Map lookup: `constructor` or `__proto__` typed by a user must not find Object.prototype members.
      terms = ENGLISH_LOOKUP.get(key);
      if (terms) matched = n;
    }
    const first = words[i] as (typeof words)[number];
    if (terms) {
      const lastWord = words[i + matched - 1] as (typeof words)[number];
      const head = terms[0] as string;
      out += `${text.slice(last, first.start)} ${head} `;
      english.set(head, terms);
      last = lastWord.end;
      i += matched;
    } else {
      i++;
    }
  }
  out += text.slice(last);
  return { text: out, english };
}

/** jieba's precise cut (the same words as `cut`, HMM on) with tags and offsets into `text`. */
function cutWithSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const { word, tag: t } of tag(text)) {
    const at = text.indexOf(word, pos);
    const start = at >= 0 ? at : pos;
    spans.push({ text: word, start, end: start + word.length, tag: t });
    pos = start + word.length;
  }
  return spans;
}

function makeConcept(text: string, kind: Concept['kind'], heads: string[], naming = true): Concept {
  const headSet = new Set(heads);
  const parts = unique(heads.flatMap((h) => wordTermsCached(h))).filter((w) => !headSet.has(w));
  const grams = unique(heads.flatMap((h) => gramTerms(h)));
  return { text, kind, naming, heads, parts, grams, related: [], relatedText: [] };
}

/**
 * Analyses the free text and phrases of a parsed query into concepts. English words the vocabulary knows become
 * their Chinese term; question words and fillers are dropped; related terms attach to the concept they overlap.
 * `hasTerm` tells whether the index holds a word term (default: assume not).
 */
export function analyzeQuery(
  freeText: string,
  phrases: readonly string[],
  hasTerm: (term: string) => boolean = () => false,
): AnalyzedQuery {
  const concepts: Concept[] = [];
  const { text, english } = mapEnglish(freeText);
  const spans = cutWithSpans(text);
  const spanConcepts: { span: Span; concept: Concept }[] = [];
  for (const span of spans) {
    const t = span.text;
    if (QUERY_FILLERS.has(t) || !isIndexable(t)) continue;
    const mapped = english.get(t);
    const concept = mapped
      ? makeConcept(t, 'english', [...mapped])
      : makeConcept(t, 'word', [t], !NOT_NAMING.test(span.tag));
    const existing = concepts.find((c) => c.text === concept.text);
    if (existing) {
      spanConcepts.push({ span, concept: existing });
      continue;
    }
    concepts.push(concept);
    spanConcepts.push({ span, concept });
  }
  // Related terms: a `say` string found in the query attaches its group to the concepts it overlaps.
  for (const group of RELATED_TERMS) {
    for (const say of group.say) {
      let from = 0;
      for (let at = text.indexOf(say, from); at >= 0; at = text.indexOf(say, from)) {
        from = at + say.length;
        const overlapping = spanConcepts.filter((sc) => sc.span.start < at + say.length && sc.span.end > at);
        for (const { concept } of overlapping) {
          for (const term of group.text) {
            if (concept.heads.includes(term) || concept.relatedText.includes(term)) continue;
            concept.relatedText.push(term);
            // The related term itself when the index has it; its smaller words only when it does not, since those
            // are often generic (农村电商 → 农村) and would pull in half the corpus. A lone character of one
            // (点 of 安置点) says nothing about the related term: left out.
            const words = hasTerm(term) ? [term] : wordTermsCached(term).filter((w) => Array.from(w).length > 1);
            for (const w of words) {
              if (!concept.related.includes(w) && !concept.heads.includes(w)) concept.related.push(w);
            }
          }
        }
      }
    }
  }
  for (const phrase of phrases) {
    if (concepts.some((c) => c.text === phrase)) continue;
    concepts.push(makeConcept(phrase, 'phrase', [phrase]));
  }
  // With English mapped to Chinese, the query as typed cannot occur in the texts: no whole-query bonus to look for.
  return { concepts, wholeBare: english.size > 0 ? '' : bare(freeText) };
}
