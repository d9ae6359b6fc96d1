/**
 * Library neighbours of a query word the texts lack (issue 9, item 7): everyday words (旱厕, 大夫, 一屁股债) reach the
 * passages through words of the library itself, found by rules that need no table and serve documents added later:
 *
 * - **Morphemes**: a word the texts lack backs off to the library's words that share one of its characters, when
 *   that character forms few library words (厕 → 厕所, 公厕; 债 → 债务, 化债), so it is a specific morpheme, not a
 *   common one (大, 村, 人 form dozens of words and are never backed off to).
 * - **Glosses**: CC-CEDICT's English glosses of the word, looked up among the library's words glossed the same way
 *   (大夫 "doctor" → 医生; 贪污 "corruption" → 腐败), at a low weight.
 *
 * Neighbours weigh less than related terms and never make a passage a *full* match: an answer found only through
 * them is marked partial. Built on first use from the engine's own vocabulary (and warmed with the typo tables).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionaryFields, dictionaryLineCount, dictionaryLines, dictionaryLinesHolding, glossKey, readLexiconLines, stem, surfaceKey } from './glosses.js';
import { runNow, type Steps } from './pace.js';
import { createBoundedMemo } from './bounded-memo.js';

/** A library word standing in for a query word the texts lack, with its weight (0–1, relative among neighbours). */
export interface Neighbour {
  word: string;
  weight: number;
  via: 'morpheme' | 'gloss';
}

/** Options of {@link createNeighbours}. */
export interface NeighbourOptions {
  /** Back off through characters that form at most this many library words (a specific morpheme). Default 4. */
  maxFamily?: number;
  /** Use the morpheme backoff. Default true. */
  morphemes?: boolean;
  /** Use CC-CEDICT glosses. Default true. */
  glosses?: boolean;
  /** Most neighbours per word. Default 4. */
  maxNeighbours?: number;
  /**
   * A morpheme neighbour must also share a meaning with the word in the dictionary: a stemmed word of its own English
   * glosses (a library word the dictionary lacks is never confirmed: 一窗受理 for 窗) that is also a word of the query
   * word's glosses (or of its characters' glosses, for a word the dictionary lacks): 旱厕 and 厕所 share `toilet`, 大夫
   * and 功夫 share nothing. Default true.
   */
  confirm?: boolean;
  /**
   * A gloss links two words only when it is one of the first `maxSense` senses of both (大夫 "senior official; doctor"
   * and 医生 "doctor"; not 地址 "address" and 讲话 "a speech; to speak; to talk; to address"). Default 2.
   */
  maxSense?: number;
  /**
   * A gloss links words only when at most this many dictionary headwords share it: `doctor` (10) or `corruption` (6)
   * says what a word means, `to set` (82) or `to go` (113) does not. Default 40.
   */
  maxGlossHeads?: number;
  /** Whether a character counts as a morpheme (function characters such as 一, 个, 不 never do). Default: all. */
  isMorpheme?: (ch: string) => boolean;
  /**
   * The meaning of a word the dictionary lacks is that of the dictionary words inside it (打扫卫生 → 打扫 "to clean;
   * to sweep" + 卫生 "hygiene"), and only of its single characters when it holds none: 打 "to fight" no longer
   * confirms 扫黑 "to fight organized crime" for 打扫卫生. Default true.
   */
  subwordMeaning?: boolean;
  /**
   * Gloss similarity: a library word is a neighbour when the words of its first `maxSense` glosses, weighed by how
   * rare they are in the dictionary (idf), are like the query word's (cosine at least this; 0: off): 取经 "to learn
   * by studying another's experience" → 学习, 经验; 上学 "to go to school" → 就读; 本地人 "native person" → 本土. It
   * generalises the exact-gloss rule (`glosses`) to glosses that share their telling words. Default 0.6.
   */
  similarity?: number;
  /**
   * A neighbour by an exact gloss (`glosses`) must be the same part of speech as the word in the senses that link
   * them, as CC-CEDICT writes them: a verb's gloss reads "to …" (培育 "to train"), a noun's or an adjective's does not
   * (火车 "train"; "to be …" is an adjective's, 穷 "to be poor"). English glosses share words across parts of speech
   * (train, rank, govern), Chinese words do not: 火车 is no 培育, 排名 "to rank" no 队伍 "ranks", 政府 "government" no
   * 治理 "to govern". Gloss similarity (`similarity`) is left alone. Default true.
   */
  samePos?: boolean;
}

export const NEIGHBOUR_DEFAULTS: Readonly<Required<NeighbourOptions>> = Object.freeze({
  maxFamily: 4,
  morphemes: true,
  glosses: true,
  maxNeighbours: 4,
  confirm: true,
  maxSense: 2,
  maxGlossHeads: 40,
  isMorpheme: () => true,
  subwordMeaning: true,
  similarity: 0.6,
  samePos: true,
});

export interface Neighbours {
  /** Library words standing in for `word` (a word the texts lack), best first; empty when none. */
  of(word: string): readonly Neighbour[];
  /**
   * What the tables took from the dictionary for the library's words, as plain data to pass back to
   * {@link createNeighbours} (saved with the library's index); undefined until the tables are built.
   */
  save(): SavedNeighbours | undefined;
  /**
   * Builds the tables now, in steps that may pause (the running bot warms a reloaded engine before serving it): the
   * library's words by character and by gloss per engine (the dictionary is the one glosses.ts loaded).
   */
  buildSteps(): Steps<void>;
}

/**
 * The dictionary as the library's words read it (their gloss keys, and the words of their first senses' glosses), as
 * plain data: one `word<TAB>key|key…<TAB>stem stem…` line a word. Looking a library's 10 000 words up in the
 * dictionary is most of the tables' cost, which the first query with a word the texts lack used to wait for.
 */
export interface SavedNeighbours {
  /** The senses the gloss words were taken from (NeighbourOptions.maxSense): other options ignore it. */
  senses: number;
  /** The dictionary's line count (dictionaryLineCount): another dictionary ignores it. */
  lines: number;
  /** One line a word; without its third field when gloss similarity was off (NeighbourOptions.similarity 0). */
  words: string;
}

/** What the neighbours ask about the library. */
export interface NeighbourLibrary {
  /** Every word of the passages' text with its passage count (no bigrams). */
  words(): Iterable<[string, number]>;
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * The dictionary by headword, the same for every library (glosses.ts's sorted lines).
 * Gloss keys are made only for the headwords asked about, and a key's headword count on first use.
 */
interface GlossIndex {
  /** A headword's gloss keys, first sense first (empty if the dictionary lacks it). */
  keysOf(head: string): readonly string[];
  /** Whether the headword's keys are known without reading the dictionary (kept, or `learn`t). */
  knows(head: string): boolean;
  /** Keeps a headword's keys as read before (saved with a library's index). */
  learn(head: string, keys: readonly string[]): void;
  /** How many headwords have the key among their glosses. */
  headsWith(key: string): number;
}

let sharedIndex: GlossIndex | undefined;

/** The dictionary as glosses.ts holds it (sorted lines, searched by halving): no second table of its 110 000 lines. */
function glossIndex(): GlossIndex {
  if (sharedIndex) return sharedIndex;
  const keys = new Map<string, readonly string[]>();
  const keysOf = (head: string): readonly string[] => {
    let got = keys.get(head);
    if (got) return got;
    got = glossSenses(head).map((s) => s.key);
    if (keys.size >= 50_000) keys.clear();
    keys.set(head, got);
    return got;
  };
  const counts = new Map<string, number>();
  const headsWith = (key: string): number => {
    let got = counts.get(key);
    if (got !== undefined) return got;
    // Only lines holding every stem of the key as written can have it: the rest are not parsed. The longest stem
    // picks the lines to look at (a scan of the lines, nothing made for the others).
    const stems = key.split(' ');
    const longest = stems.reduce((a, t) => (t.length > a.length ? t : a), '');
    got = 0;
    for (const [head, line] of dictionaryLinesHolding(longest)) {
      if (stems.every((t) => line.includes(t)) && keysOf(head).includes(key)) got++;
    }
    counts.set(key, got);
    return got;
  };
  sharedIndex = {
    keysOf,
    headsWith,
    knows: (head) => keys.has(head),
    learn(head, list) {
      if (keys.size >= 50_000) keys.clear();
      keys.set(head, list);
    },
  };
  return sharedIndex;
}

/**
 * A headword's senses as the neighbours use them, in the dictionary's order: each gloss's key (glossKey; a reference
 * "=…", an empty key, one of more than four words or a repeated key is left out) and whether the sense is a verb's —
 * CC-CEDICT writes a verb's gloss "to …", and a stative verb's "to be …", which reads as an adjective's (穷 "to be
 * poor" is 贫困 "impoverished"). Empty when the dictionary lacks the headword. GlossIndex.keysOf keeps the keys.
 */
function glossSenses(head: string): { key: string; verb: boolean }[] {
  const fields = dictionaryFields(head);
  const senses: { key: string; verb: boolean }[] = [];
  for (const g of fields === undefined ? [] : fields.split('\t')) {
    if (g.startsWith('=')) continue;
    const key = glossKey(g);
    if (key.length === 0 || key.split(' ').length > 4 || senses.some((x) => x.key === key)) continue;
    senses.push({ key, verb: /^to\s/i.test(g.trim()) && !/^to\s+be\s/i.test(g.trim()) });
  }
  return senses;
}

const verbSenses = createBoundedMemo<string, readonly boolean[]>(20_000);
/** Per gloss key of a headword (in the order of GlossIndex.keysOf), whether its sense is a verb's (glossSenses). */
function verbKeys(head: string): readonly boolean[] {
  return verbSenses.get(head) ?? verbSenses.set(head, glossSenses(head).map((s) => s.verb));
}
/** Whether two senses (headword, key rank) are of different parts of speech; false when either is unknown. */
const otherPos = (a: string, ra: number, b: string, rb: number): boolean => {
  const x = verbKeys(a)[ra];
  const y = verbKeys(b)[rb];
  return x !== undefined && y !== undefined && x !== y;
};

/** The dictionary's gloss words, stemmed, for gloss similarity: each headword's first senses' words and their idf. */
interface GlossWords {
  /** The stemmed words of a headword's first `senses` glosses (empty if the dictionary lacks it). */
  of(head: string): readonly string[];
  /** Keeps a headword's gloss words as read before (saved with a library's index). */
  learn(head: string, words: readonly string[]): void;
  idf(word: string): number;
}

const sharedWords = new Map<number, GlossWords>();
const stems = new Map<string, string>();
const stemOf = (w: string): string => {
  let got = stems.get(w);
  if (got === undefined) {
    got = stem(w);
    stems.set(w, got);
  }
  return got;
};
function wordsOfFields(fields: readonly string[], senses: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (const g of fields) {
    if (k >= senses) break;
    if (g.startsWith('=')) continue;
    k++;
    for (const w of surfaceKey(g).split(' ')) {
      if (w.length === 0) continue;
      const t = stemOf(w);
      if (!out.includes(t)) out.push(t);
    }
  }
  return out;
}

/**
 * The gloss words' headword counts for the first two senses, shipped beside the dictionary (counting them takes a
 * pass over its 110 000 lines, 1–3 s): `#<TAB>headwords<TAB>senses`, then `word<TAB>count` lines. Written by
 * `npx tsx scripts/build-gloss-words.ts` from lexicon/cedict-glosses.tsv.gz; a file that does not match the
 * dictionary's line count is ignored and the counts are made at run time.
 */
export const GLOSS_WORDS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon', 'cedict-gloss-words.tsv.gz');
export const GLOSS_WORDS_SENSES = 2;

/** Counts, for every gloss word, the headwords whose first `senses` glosses hold it: one pass over the dictionary. */
export function* countGlossWords(senses: number): Steps<{ headwords: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const [, line] of dictionaryLines()) {
    for (const t of wordsOfFields(line.split('\t').slice(1), senses)) counts.set(t, (counts.get(t) ?? 0) + 1);
    if (++n % 4096 === 0) yield;
  }
  return { headwords: n, counts };
}

/** The shipped counts (GLOSS_WORDS_FILE), or undefined when absent or made from another dictionary. */
function shippedGlossWords(senses: number): { headwords: number; counts: Map<string, number> } | undefined {
  if (senses !== GLOSS_WORDS_SENSES) return undefined;
  const lines = readLexiconLines(GLOSS_WORDS_FILE);
  if (!lines) return undefined;
  const [mark, headwords, sensesOf] = (lines[0] ?? '').split('\t');
  const n = dictionaryLineCount();
  if (mark !== '#' || Number(headwords) !== n || Number(sensesOf) !== senses) return undefined;
  const counts = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.indexOf('\t');
    if (tab > 0) counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return { headwords: n, counts };
}

/** The gloss words and their idf, shared by every engine of the process. */
function* glossWordSteps(senses: number): Steps<GlossWords> {
  const cached = sharedWords.get(senses);
  if (cached) return cached;
  const { headwords, counts: df } = shippedGlossWords(senses) ?? (yield* countGlossWords(senses));
  const total = Math.max(1, headwords);
  const words = new Map<string, readonly string[]>();
  const got: GlossWords = {
    of(head) {
      let list = words.get(head);
      if (!list) {
        const fields = dictionaryFields(head);
        list = fields === undefined ? [] : wordsOfFields(fields.split('\t'), senses);
        if (words.size >= 50_000) words.clear();
        words.set(head, list);
      }
      return list;
    },
    learn(head, list) {
      if (words.size >= 50_000) words.clear();
      words.set(head, list);
    },
    idf: (w) => Math.log(total / (df.get(w) ?? 1)),
  };
  sharedWords.set(senses, got);
  return got;
}

/** Reads {@link SavedNeighbours} lines back: per word, its keys and its gloss words. */
function readSaved(saved: SavedNeighbours | undefined, senses: number): Map<string, { keys: readonly string[]; words?: readonly string[] }> {
  const map = new Map<string, { keys: readonly string[]; words?: readonly string[] }>();
  if (!saved || saved.senses !== senses || typeof saved.words !== 'string' || saved.lines !== dictionaryLineCount()) return map;
  for (const line of saved.words.split('\n')) {
    const [word, keys, words] = line.split('\t');
    if (!word || keys === undefined) continue;
    const read = keys.length > 0 ? keys.split('|') : [];
    map.set(word, words === undefined ? { keys: read } : { keys: read, words: words.length > 0 ? words.split(' ') : [] });
  }
  return map;
}

/** Whether a word's keys and gloss words, written as a {@link SavedNeighbours} line, read back the same. */
const savable = (word: string, keys: readonly string[], words: readonly string[]): boolean =>
  !/[\t\n]/.test(word) &&
  keys.every((k) => k.length > 0 && !/[|\t\n]/.test(k)) &&
  words.every((w) => w.length > 0 && !/[\s]/.test(w));

/**
 * The library neighbours over `library`'s words; `saved` (from {@link Neighbours.save} over the same words and
 * dictionary) spares the dictionary look-ups of the library's words when the tables are built.
 */
export function createNeighbours(library: NeighbourLibrary, options: NeighbourOptions = {}, saved?: SavedNeighbours): Neighbours {
  const o = { ...NEIGHBOUR_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  interface Entry {
    word: string;
    df: number;
  }
  /** Per character, the library's words holding it. */
  let family: Map<string, Entry[]> | undefined;
  /** Per gloss key, the library's words with it among their first `maxSense` senses, and at which rank. */
  let glossed: Map<string, (Entry & { rank: number })[]> | undefined;
  let dictionary: GlossIndex | undefined;
  const cache = new Map<string, readonly Neighbour[]>();
  /** For gloss similarity: the library's words by stemmed gloss word, with their vectors' norms. */
  let similar: Map<string, { word: string; df: number; norm: number }[]> | undefined;
  let glossWords: GlossWords | undefined;
  const seenSim = new Set<string>();

  // Each library word's dictionary reading, as saved (readSaved) and as built (for save()).
  let savedWords: string | undefined;
  function* build(): Steps<void> {
    if (family) return;
    dictionary = glossIndex();
    const known = readSaved(saved, o.maxSense);
    // What the tables read from the dictionary per library word, to save: its keys, then its gloss words.
    const readKeys = new Map<string, readonly string[]>();
    const fam = new Map<string, Entry[]>();
    const byKey = new Map<string, (Entry & { rank: number })[]>();
    let n = 0;
    for (const [word, df] of library.words()) {
      if (df <= 0 || !HAN_WORD.test(word)) continue;
      for (const ch of new Set(Array.from(word))) {
        const list = fam.get(ch);
        if (list) list.push({ word, df });
        else fam.set(ch, [{ word, df }]);
      }
      const had = known.get(word);
      if (had && !dictionary.knows(word)) dictionary.learn(word, had.keys);
      const keys = dictionary.keysOf(word);
      readKeys.set(word, keys);
      keys.slice(0, o.maxSense).forEach((key, rank) => {
        const list = byKey.get(key);
        if (list) list.push({ word, df, rank });
        else byKey.set(key, [{ word, df, rank }]);
      });
      if (++n % 500 === 0) yield;
    }
    const readWords = new Map<string, readonly string[]>();
    if (o.similarity > 0) {
      const gw = yield* glossWordSteps(o.maxSense);
      const byWord = new Map<string, { word: string; df: number; norm: number }[]>();
      let k = 0;
      for (const list of fam.values()) {
        for (const { word, df } of list) {
          if (seenSim.has(word)) continue;
          seenSim.add(word);
          const had = known.get(word)?.words;
          if (had) gw.learn(word, had);
          const ws = gw.of(word);
          readWords.set(word, ws);
          if (ws.length === 0) continue;
          const norm = Math.sqrt(ws.reduce((sum, t) => sum + gw.idf(t) ** 2, 0));
          for (const t of ws) {
            const entry = { word, df, norm };
            const at = byWord.get(t);
            if (at) at.push(entry);
            else byWord.set(t, [entry]);
          }
          if (++k % 500 === 0) yield;
        }
      }
      glossWords = gw;
      similar = byWord;
    }
    family = fam;
    glossed = byKey;
    const lines: string[] = [];
    for (const [word, keys] of readKeys) {
      const words = readWords.get(word);
      if (savable(word, keys, words ?? [])) lines.push(`${word}\t${keys.join('|')}${words ? `\t${words.join(' ')}` : ''}`);
    }
    savedWords = lines.join('\n');
  }

  const run = (): void => runNow(build());

  const meanings = new Map<string, ReadonlySet<string>>();
  /**
   * The stemmed words of a word's glosses; for a word the dictionary lacks, of its characters' glosses when `byChars`,
   * else none.
   */
  function meaning(word: string, byChars: boolean): ReadonlySet<string> {
    const cacheKey = `${byChars ? 1 : 0}${word}`;
    let got = meanings.get(cacheKey);
    if (got) return got;
    const own = dictionary?.keysOf(word) ?? [];
    const pieces = own.length > 0 || !byChars ? [] : o.subwordMeaning ? coverOf(word) : Array.from(word);
    const keys = own.length > 0 || !byChars ? own : pieces.flatMap((w) => dictionary?.keysOf(w) ?? []);
    got = new Set(keys.flatMap((k) => k.split(' ')));
    if (meanings.size >= 20_000) meanings.clear();
    meanings.set(cacheKey, got);
    return got;
  }
  /** The dictionary's words of two or more characters inside a word, longest first (打扫卫生 → 打扫, 卫生). */
  function subwordsOf(word: string): string[] {
    const chars = Array.from(word);
    const found: string[] = [];
    for (let len = chars.length - 1; len >= 2; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        const w = chars.slice(i, i + len).join('');
        if (!found.includes(w) && (dictionary?.keysOf(w).length ?? 0) > 0) found.push(w);
      }
    }
    return found;
  }
  /**
   * A word the dictionary lacks as the dictionary words inside it, longest first and not overlapping, and the
   * characters no such word covers: 打扫卫生 → 打扫, 卫生; 一屁股债 → 屁股, 一, 债.
   */
  function coverOf(word: string): string[] {
    const chars = Array.from(word);
    const taken = chars.map(() => false);
    const out: string[] = [];
    for (const sub of subwordsOf(word)) {
      const len = Array.from(sub).length;
      for (let i = 0; i + len <= chars.length; i++) {
        if (chars.slice(i, i + len).join('') !== sub || taken.slice(i, i + len).some(Boolean)) continue;
        for (let k = i; k < i + len; k++) taken[k] = true;
        out.push(sub);
      }
    }
    chars.forEach((ch, i) => {
      if (!taken[i]) out.push(ch);
    });
    return out;
  }
  const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
    for (const t of a) if (b.has(t)) return true;
    return false;
  };

  function compute(word: string): Neighbour[] {
    run();
    const found = new Map<string, Neighbour & { df: number }>();
    const add = (n: Neighbour & { df: number }): void => {
      const had = found.get(n.word);
      if (!had || had.weight < n.weight) found.set(n.word, n);
    };
    if (o.morphemes && family) {
      const mine = o.confirm ? meaning(word, true) : undefined;
      for (const ch of new Set(Array.from(word))) {
        if (!o.isMorpheme(ch)) continue;
        const list = family.get(ch);
        if (!list || list.length > o.maxFamily) continue;
        for (const { word: w, df } of list) {
          if (mine && !shares(mine, meaning(w, false))) continue;
          add({ word: w, df, weight: 1 / list.length, via: 'morpheme' });
        }
      }
    }
    if (o.glosses && glossed && dictionary) {
      dictionary.keysOf(word).slice(0, o.maxSense).forEach((key, i) => {
        if ((dictionary?.headsWith(key) ?? 0) > o.maxGlossHeads) return;
        for (const m of glossed?.get(key) ?? []) {
          if (o.samePos && otherPos(word, i, m.word, m.rank)) continue;
          if (m.word !== word) add({ word: m.word, df: m.df, weight: 1 / ((1 + i) * (1 + m.rank)), via: 'gloss' });
        }
      });
    }
    if (o.similarity > 0 && similar && glossWords) {
      const gw = glossWords;
      const mine = gw.of(word);
      const norm = Math.sqrt(mine.reduce((sum, t) => sum + gw.idf(t) ** 2, 0));
      const dot = new Map<string, { df: number; norm: number; dot: number }>();
      for (const t of mine) {
        const w = gw.idf(t) ** 2;
        for (const e of similar.get(t) ?? []) {
          if (e.word === word) continue;
          const had = dot.get(e.word);
          if (had) had.dot += w;
          else dot.set(e.word, { df: e.df, norm: e.norm, dot: w });
        }
      }
      for (const [w, e] of dot) {
        const cos = e.dot / (norm * e.norm || 1);
        if (cos >= o.similarity) add({ word: w, df: e.df, weight: cos, via: 'gloss' });
      }
    }
    // Heavier first; among equals, the word more passages hold.
    return [...found.values()]
      .sort((a, b) => b.weight - a.weight || b.df - a.df || (a.word < b.word ? -1 : 1))
      .slice(0, o.maxNeighbours)
      .map(({ word: w, weight, via }) => ({ word: w, weight, via }));
  }

  function computeCached(word: string): readonly Neighbour[] {
    let got = cache.get(word);
    if (!got) {
      got = compute(word);
      if (cache.size >= 10_000) cache.clear();
      cache.set(word, got);
    }
    return got;
  }

  return {
    of: computeCached,
    buildSteps: build,
    save: () => (savedWords === undefined ? undefined : { senses: o.maxSense, lines: dictionaryLineCount(), words: savedWords }),
  };
}
