/**
 * Typo correction against the library's own vocabulary. Pinyin input methods produce homophones (集体经计 for
 * 集体经济, 人材 for 人才, 般迁 for 搬迁) and people pick near forms (控缀保学 for 控辍保学). A stretch of the query is
 * a candidate only where the texts lack it: around a character pair that occurs in no passage's text. It is replaced
 * by a word of the texts that reads the same (pinyin without tones; failing that, with the common regional
 * confusions zh/z, ch/c, sh/s, n/l, -ng/-n folded) or, for words of four or more characters, differs in one
 * character only, and that keeps every character of the stretch the texts do have. A word the texts contain is
 * never touched.
 *
 * The vocabulary is whatever the engine was built over (every word jieba finds in the passages' text), so documents
 * added later correct the same way; its pinyin is computed on first use (~20 µs a word), not at build time, and
 * saved with the library's index (TypoOptions.saved) so that a later start does not compute it again.
 */
import { pinyin } from 'pinyin-pro';
import { createBoundedMemo } from './bounded-memo.js';
import { runNow, type Steps } from './pace.js';

/** Options of {@link createTypoCorrector}. */
export interface TypoOptions {
  /** Longest stretch (characters) considered for replacement. Default 8. */
  maxWindow?: number;
  /** Most character pairs in a row the texts lack for a stretch to be corrected (more is an unknown topic). Default 3. */
  maxBadRun?: number;
  /**
   * The words' pinyin saved by {@link TypoCorrector.save} (with the library's index): the tables are made from it
   * instead of pinyin-pro's reading of every word (tens of microseconds a word: a quarter to half a second for a
   * library's words, which the first query with a word the texts lack used to wait for). A word it lacks is read as
   * usual. Default none.
   */
  saved?: SavedTypoReadings;
}

/** The pinyin of a corrector's words as plain data: one `word<TAB>syllables` line a word, syllables space-separated. */
export interface SavedTypoReadings {
  readings: string;
}

export interface Correction {
  /** Offset of the replaced stretch in the run. */
  start: number;
  from: string;
  to: string;
}

export interface TypoCorrector {
  /**
   * Corrections for one run of Han characters (as normalised: simplified), given as the query's words in order: a
   * replaced stretch is always whole words (农产 of 农产品 is never one). `pairKnown(ab)` tells whether the pair
   * occurs in some passage's text. Returns the replacements, left to right (none when the run reads fine).
   */
  correctRun(
    words: readonly string[],
    pairKnown: (pair: string) => boolean,
    occurs?: (text: string) => boolean,
    context?: RunContext,
  ): Correction[];
  /**
   * Chinese for Latin letters typed as pinyin without choosing characters (jiti jingji, yidibanqian) or as the
   * initials of a word (jtjj, xczx): the library's words whose toneless pinyin spells the letters out, fewest words
   * first, then the most common, or undefined when the letters are not such a spelling. Spaces in the input are
   * syllable boundaries. Initials stand for one word of three or more characters. The caller decides which Latin
   * words are pinyin (not English the vocabulary knows).
   */
  fromPinyin(tokens: readonly string[]): string[] | undefined;
  /**
   * Builds the tables now, in steps that may pause (see pace.ts), rather than on the first correction: the running
   * bot warms a reloaded library's corrector before serving it. Optional; does nothing once built.
   */
  buildSteps(): Steps<void>;
  /** The words' pinyin as plain data, to pass back as `saved`; undefined until the tables are built. */
  save(): SavedTypoReadings | undefined;
  /**
   * Round 24 (typoGluedEdges): whether some word of three characters or more that a correction could give holds,
   * after its first character (`after`) or before its last (`before`), a character that sounds like `ch`
   * (soundsAlike; with `exactly`, `ch` itself) — else no correction spanning `ch` and a word beside it can be one, and
   * the run is not read again.
   */
  mayJoin(ch: string, side: 'after' | 'before', exactly?: boolean): boolean;
  /**
   * Round 24 (typoGluedEdges): whether some such word holds `a` right before a character that sounds like `b`
   * (`side` 'after': `b` is the one beside the run) or a character that sounds like `a` right before `b` ('before').
   */
  mayPair(a: string, b: string, side: 'after' | 'before'): boolean;
}

/** What surrounds a run in the query, for the two-character check (see correctRun). */
export interface RunContext {
  /** The word before the run, across a space or punctuation (the previous run's last word, corrected). */
  before?: string;
  /** The word after the run, across a space or punctuation. */
  after?: string;
  /**
   * Whether a stretch is a word of jieba's dictionary (房价, 选排) rather than a string it does not know (乡闲, 经计).
   * A two-character stretch the dictionary lacks is corrected even with no neighbour to support it.
   */
  isWord?: (text: string) => boolean;
  /** Whether some passage holds both strings (for a neighbour across a space, which need not stand next to it). */
  together?: (a: string, b: string) => boolean;
  /**
   * Round 12: a word of the run that no text holds (大午 of 文化|大午|台, jieba's cut of a typo of 文化大舞台) may be
   * split: a stretch may start or end inside it, as the texts' own cut would (大|舞台), and the part of it left outside
   * is the stretch's neighbour (大 + 舞台 → 大舞台). Needs `occurs`. Default false.
   */
  splitUnknown?: boolean;
  /**
   * Round 13: the run's first character stays as typed (a stop word the caller put before the run: 后 of 后|狼|党支部);
   * only the characters after it may change. Default false.
   */
  keepFirst?: boolean;
  /**
   * Round 24: a two-character stretch that is no word (`isWord`) and reads exactly like a word of the texts is
   * corrected, beside a word of its run, when some passage holds the correction and that word (`together`), not only
   * when a text holds them side by side (头燕|队伍 → 头雁, which the texts put in 头雁队伍's place as 头雁 … 队伍).
   * Default false.
   */
  pairTogether?: boolean;
}

const FUZZY: [RegExp, string][] = [
  [/^zh/, 'z'],
  [/^ch/, 'c'],
  [/^sh/, 's'],
  [/^n(?=[^g]|$)/, 'l'],
  [/ng$/, 'n'],
];

function fuzzy(syllable: string): string {
  let s = syllable;
  for (const [re, to] of FUZZY) s = s.replace(re, to);
  return s;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

// Toneless pinyin of the stretches looked up (pinyin-pro takes tens of microseconds a call, and a query's windows
// overlap and recur): per process, bounded. Round 24: 30,000 (was 20,000): a pass of the bench's mix (bd2b83f's
// 14,083 queries) looked up 19,448 distinct stretches, and 21,506 with typoGluedEdges' readings, over the bound, so the
// memo was emptied every pass; ~10,000 more short keys with their readings are a few MB.
// With them, the stretch's keys into the tables: its syllables joined, as read and with the regional confusions folded.
interface WindowReading {
  syllables: readonly string[];
  exact: string;
  loose: string;
}
const windowReadings = createBoundedMemo<string, WindowReading>(30_000);
function readingOf(text: string): WindowReading {
  let got = windowReadings.get(text);
  if (!got) {
    const syllables: readonly string[] = pinyin(text, { toneType: 'none', type: 'array' });
    got = windowReadings.set(text, { syllables, exact: syllables.join(' '), loose: syllables.map(fuzzy).join(' ') });
  }
  return got;
}

/**
 * Whether two characters read alike: the same toneless pinyin, or the same with the regional confusions folded (侧 and
 * 厕, 对 and 队; not 把 and 村). Round 24 (typoGluedEdges): a character the stop list left out of a run is replaced only
 * by one that sounds like it, the input method's error, never by a near form.
 */
export function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const x = looseOf(a);
  return x !== undefined && x === looseOf(b);
}

// Single characters' readings (soundsAlike, the corrector's mayJoin and mayPair), apart from the stretches' memo: the
// thousands of characters of the words' tables must not crowd out the windows a query's correction looks up again.
const charReadings = createBoundedMemo<string, string | null>(20_000);
/** A character's toneless pinyin with the regional confusions folded, or undefined when it is not one syllable. */
function looseOf(ch: string): string | undefined {
  let got = charReadings.get(ch);
  if (got === undefined) {
    const syllables: readonly string[] = pinyin(ch, { toneType: 'none', type: 'array' });
    got = charReadings.set(ch, syllables.length === 1 ? syllables.map(fuzzy).join(' ') : null);
  }
  return got ?? undefined;
}

/**
 * Whether `word` may replace `window` (typo.ts lookup): as long, changing only characters flagged in `changeable`, at
 * least one kept, at most a third changed — or, with `wholeWord`, one word of the query (`wordOf` numbers each
 * character's word) replaced whole by its exact homophone, up to half the characters.
 */
export function fitsWindow(word: string, window: readonly string[], changeable: readonly boolean[], wordOf: readonly number[], wholeWord = false): boolean {
  const chars = Array.from(word);
  if (chars.length !== window.length || word === window.join('')) return false;
  let changed = 0;
  const changedWords = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === window[i]) continue;
    if (!changeable[i]) return false;
    changed++;
    changedWords.add(wordOf[i] ?? -1);
  }
  // At least one character kept: a word sharing nothing with what was typed is a different word, not a typo.
  if (changed === 0 || changed >= chars.length) return false;
  if (changed <= Math.max(1, Math.floor(chars.length / 3))) return true;
  // An input method offers whole words: one word of the query replaced by its exact homophone (组织|阵型 →
  // 组织振兴), up to half the characters, when every character of that word changed.
  if (!wholeWord || changed > Math.floor(chars.length / 2) || changedWords.size !== 1) return false;
  const w = [...changedWords][0] as number;
  return w >= 0 && wordOf.filter((x) => x === w).length === changed;
}

/** Round 26: per word length, per position, the characters the corrector's words of that length have there. */
export type PositionalChars = (Set<string>[] | undefined)[];

/** Adds a word's characters (`chars`, code points) to the table (see PositionalChars). */
export function addPositional(table: PositionalChars, chars: readonly string[]): void {
  const sets = (table[chars.length] ??= chars.map(() => new Set<string>()));
  for (let k = 0; k < chars.length; k++) (sets[k] as Set<string>).add(chars[k] as string);
}

/**
 * Round 26: whether some word of `table` could replace the window of `len` characters of `chars` starting at `s`
 * (lookup): a word that fits (fitsWindow) is as long as the window, has the window's own character at every position
 * not `changeable`, keeps at least one, and changes at most half of them (a third, or one word replaced whole by its
 * exact homophone). So where a position that may not change has a character no word of that length has there, where
 * no position has one, or where more positions than may change have none, no word fits and lookup finds nothing: the
 * corrector does not ask it (nor make the window, its key or its reading).
 */
export function mayFitWindow(table: PositionalChars, chars: readonly string[], s: number, len: number, changeable: readonly boolean[]): boolean {
  const sets = table[len];
  if (!sets) return false;
  let held = 0;
  for (let k = 0; k < len; k++) {
    if ((sets[k] as Set<string>).has(chars[s + k] as string)) held++;
    else if (!changeable[s + k]) return false;
  }
  return held > 0 && len - held <= Math.max(1, Math.floor(len / 2));
}

/** The most frequent word of `list` that fits the window (see fitsWindow). */
function bestFit(
  list: { word: string; df: number }[] | undefined,
  window: readonly string[],
  changeable: readonly boolean[],
  wordOf: readonly number[],
  wholeWord = false,
): string | undefined {
  let pick: { word: string; df: number } | undefined;
  for (const e of list ?? []) if (fitsWindow(e.word, window, changeable, wordOf, wholeWord) && (!pick || e.df > pick.df)) pick = e;
  return pick?.word;
}

/**
 * The text before a stretch starting at character `s` of a run (typo.ts splitUnknown): the word before it, or the rest
 * of the word it splits (大 of 大午 before 午台). Module functions rather than closures per run (see fitsWindow).
 */
function textBefore(s: number, words: readonly string[], starts: readonly number[], chars: readonly string[]): string | undefined {
  const k = starts.indexOf(s);
  if (k >= 0) return words[k - 1];
  const w = starts.filter((b) => b < s).length - 1;
  return chars.slice(starts[w] as number, s).join('');
}

/** The text after a stretch ending at character `e` of a run of `at` characters (see textBefore). */
function textAfter(e: number, words: readonly string[], starts: readonly number[], chars: readonly string[], at: number): string | undefined {
  const k = starts.indexOf(e);
  if (k >= 0) return words[k];
  if (e === at) return undefined;
  const w = starts.filter((b) => b < e).length - 1;
  const end = (starts[w + 1] as number | undefined) ?? at;
  return chars.slice(e, end).join('');
}

/**
 * Builds a corrector over `vocabulary`: words (simplified, as in the texts) with their passage counts. Words of one
 * character or with anything but Han characters are ignored.
 */
export function createTypoCorrector(vocabulary: () => Iterable<[string, number]>, options: TypoOptions = {}): TypoCorrector {
  const maxWindow = options.maxWindow ?? 8;
  const maxBadRun = options.maxBadRun ?? 3;
  let exact: Map<string, { word: string; df: number }[]> | undefined;
  let loose: Map<string, { word: string; df: number }[]> | undefined;
  // Words of 4+ characters with one position blanked: 控?保学 → 控辍保学.
  let masked: Map<string, { word: string; df: number }[]> | undefined;
  // Toneless pinyin run together (jitijingji, ü as v) and initials (jtjj), each to the most common word; with the
  // syllable boundaries of the spelling, which a space typed in the input must fall on.
  let spelled: Map<string, { word: string; df: number; bounds: Set<number> }> | undefined;
  let initials: Map<string, { word: string; df: number }> | undefined;
  // Round 24: the characters of the words of 3+ characters, after the first and before the last; their readings on
  // first use (mayJoin).
  let inner: { after: Set<string>; before: Set<string> } | undefined;
  let innerReadings: { after: Set<string>; before: Set<string> } | undefined;
  let innerWords: string[] | undefined;
  let pairKeys: Set<string> | undefined;
  // Round 26: per word length, per position, the characters the words of that length have there (mayFitWindow).
  let positional: PositionalChars | undefined;

  const add = (map: Map<string, { word: string; df: number }[]>, key: string, entry: { word: string; df: number }): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };

  // The words' pinyin as saved (built with the tables), and as given by `saved` until the tables are built from it.
  let readings: string | undefined;
  const savedReadings = typeof options.saved?.readings === 'string' ? options.saved.readings : undefined;
  const readingsOf = (text: string | undefined): Map<string, readonly string[]> => {
    const map = new Map<string, readonly string[]>();
    for (const line of text ? text.split('\n') : []) {
      const tab = line.indexOf('\t');
      if (tab > 0) map.set(line.slice(0, tab), tab + 1 === line.length ? [] : line.slice(tab + 1).split(' '));
    }
    return map;
  };
  // A reading written as a line of words and spaces comes back the same: none of its syllables is empty or holds a
  // separator (pinyin-pro's never do; a word that did would be read again on load).
  const savable = (word: string, syllables: readonly string[]): boolean =>
    !/[\t\n]/.test(word) && syllables.length > 0 && syllables.every((x) => x.length > 0 && !/[\s]/.test(x));

  const build = (): void => runNow(buildSteps());
  function* buildSteps(): Steps<void> {
    if (exact && loose && masked && spelled && initials && inner && innerWords && positional) return;
    const known = readingsOf(savedReadings);
    const lines: string[] = [];
    // Filled aside and assigned at the end: a correction never reads half-built tables.
    const e = new Map<string, { word: string; df: number }[]>();
    const l = new Map<string, { word: string; df: number }[]>();
    const m = new Map<string, { word: string; df: number }[]>();
    const sp = new Map<string, { word: string; df: number; bounds: Set<number> }>();
    const ini = new Map<string, { word: string; df: number }>();
    const inn = { after: new Set<string>(), before: new Set<string>() };
    const innWords: string[] = [];
    const pos: PositionalChars = [];
    let n = 0;
    for (const [word, df] of vocabulary()) {
      if (++n % 64 === 0) yield;
      const chars = Array.from(word);
      if (chars.length < 2 || chars.length > maxWindow || df <= 0 || !HAN_ONLY.test(word)) continue;
      const had = known.get(word);
      const syllables: readonly string[] = had ?? pinyin(word, { toneType: 'none', type: 'array' });
      if (had || savable(word, syllables)) lines.push(`${word}\t${syllables.join(' ')}`);
      if (syllables.length !== chars.length) continue;
      const entry = { word, df };
      addPositional(pos, chars);
      if (chars.length >= 3) {
        for (let k = 1; k < chars.length; k++) inn.after.add(chars[k] as string);
        for (let k = 0; k + 1 < chars.length; k++) inn.before.add(chars[k] as string);
        innWords.push(word);
      }
      add(e, syllables.join(' '), entry);
      add(l, syllables.map(fuzzy).join(' '), entry);
      if (chars.length >= 4) {
        for (let i = 0; i < chars.length; i++) add(m, chars.map((c, k) => (k === i ? '?' : c)).join(''), entry);
      }
      // ü is typed v (lvse) or u (lu se) on a keyboard.
      for (const letter of syllables.some((x) => x.includes('ü')) ? ['v', 'u'] : ['']) {
        const typed = syllables.map((x) => x.replace(/ü/g, letter));
        if (typed.some((x) => !/^[a-z]+$/.test(x))) continue;
        const key = typed.join('');
        const prior = sp.get(key);
        if (!prior || df > prior.df) {
          const bounds = new Set<number>();
          let at = 0;
          for (const x of typed) bounds.add((at += x.length));
          sp.set(key, { word, df, bounds });
        }
      }
      if (chars.length >= 3) {
        const key = syllables.map((x) => x[0]).join('');
        if (/^[a-z]+$/.test(key) && df > (ini.get(key)?.df ?? 0)) ini.set(key, { word, df });
      }
    }
    exact = e;
    loose = l;
    masked = m;
    spelled = sp;
    initials = ini;
    inner = inn;
    innerWords = innWords;
    positional = pos;
    readings = lines.join('\n');
    // pinyin-pro builds its own tables on its first call (tens of milliseconds): with the words' pinyin saved, that
    // is a query's first typo window, unless it is made here, with the rest.
    yield;
    pinyin('乡村', { toneType: 'none', type: 'array' });
  }

  /** Round 26: whether lookup could find a word for the window (see mayFitWindow); builds the tables if need be. */
  function fitPossible(chars: readonly string[], s: number, len: number, changeable: readonly boolean[]): boolean {
    if (!exact || !loose || !masked || !positional) build();
    return mayFitWindow(positional ?? [], chars, s, len, changeable);
  }

  /** The best replacement for `window` that changes only characters at positions flagged in `changeable`. */
  function lookup(window: string[], changeable: boolean[], wordOf: readonly number[] = []): { word: string; exact: boolean } | undefined {
    if (!exact || !loose || !masked) build();
    const reading = readingOf(window.join(''));
    const { syllables } = reading;
    if (syllables.length === window.length) {
      const same = bestFit(exact?.get(reading.exact), window, changeable, wordOf, true);
      if (same) return { word: same, exact: true };
      const near = bestFit(loose?.get(reading.loose), window, changeable, wordOf);
      if (near) return { word: near, exact: false };
    }
    if (window.length >= 4) {
      // Near form: one character of four or more differs, whatever it sounds like (控缀保学 → 控辍保学). Shorter
      // windows match too much by chance (责任编 → 责任制, 农产品 → 副产品).
      let pick: { word: string; df: number } | undefined;
      for (let i = 0; i < window.length; i++) {
        if (!changeable[i]) continue;
        const key = window.map((c, k) => (k === i ? '?' : c)).join('');
        for (const e of masked?.get(key) ?? []) if (fitsWindow(e.word, window, changeable, wordOf) && (!pick || e.df > pick.df)) pick = e;
      }
      if (pick) return { word: pick.word, exact: false };
    }
    return undefined;
  }

  /** Longest spelling looked up in one piece (letters): an 8-character word of 6-letter syllables. */
  const MAX_SPELLING = 48;

  function fromPinyin(tokens: readonly string[]): string[] | undefined {
    if (!spelled || !initials) build();
    const words = tokens.filter((t) => t.length > 0);
    if (words.length === 0 || words.some((t) => !/^[a-z]+$/.test(t))) return undefined;
    const letters = words.join('');
    // Offsets where the user put a space: a syllable boundary.
    const spaces: number[] = [];
    let at = 0;
    for (const t of words.slice(0, -1)) spaces.push((at += t.length));
    // Fewest words covering the letters, then the greatest product of passage counts.
    const n = letters.length;
    const best: ({ count: number; weight: number; from: number; word: string } | undefined)[] = new Array(n + 1).fill(undefined);
    best[0] = { count: 0, weight: 0, from: -1, word: '' };
    for (let i = 0; i < n; i++) {
      const here = best[i];
      if (!here) continue;
      for (let j = i + 2; j <= Math.min(n, i + MAX_SPELLING); j++) {
        const entry = spelled?.get(letters.slice(i, j));
        if (!entry) continue;
        if (spaces.some((b) => b > i && b < j && !entry.bounds.has(b - i))) continue;
        const next = { count: here.count + 1, weight: here.weight + Math.log(1 + entry.df), from: i, word: entry.word };
        const prior = best[j];
        if (!prior || next.count < prior.count || (next.count === prior.count && next.weight > prior.weight)) best[j] = next;
      }
    }
    if (best[n]) {
      const out: string[] = [];
      for (let k = n; k > 0; ) {
        const step = best[k] as { from: number; word: string };
        out.unshift(step.word);
        k = step.from;
      }
      return out;
    }
    // Initials of one word (jtjj → 集体经济): a single run of three or more letters that spells no pinyin.
    if (words.length === 1 && letters.length >= 3 && letters.length <= maxWindow) {
      const hit = initials?.get(letters);
      if (hit) return [hit.word];
    }
    return undefined;
  }

  function mayJoin(ch: string, side: 'after' | 'before', exactly = false): boolean {
    if (!inner) build();
    const chars = inner?.[side];
    if (!chars) return false;
    if (chars.has(ch)) return true;
    if (exactly) return false;
    if (!innerReadings) {
      const of = (set: Set<string>): Set<string> => new Set([...set].map(looseOf).filter((x): x is string => x !== undefined));
      innerReadings = { after: of(inner?.after ?? new Set()), before: of(inner?.before ?? new Set()) };
    }
    const loose = looseOf(ch);
    return loose !== undefined && innerReadings[side].has(loose);
  }

  function mayPair(a: string, b: string, side: 'after' | 'before'): boolean {
    if (!innerWords) build();
    if (!pairKeys) {
      const keys = new Set<string>();
      for (const word of innerWords ?? []) {
        const chars = Array.from(word);
        for (let k = 0; k + 1 < chars.length; k++) {
          const x = chars[k] as string;
          const y = chars[k + 1] as string;
          keys.add(`${x}>${y}`);
          const ly = looseOf(y);
          if (ly !== undefined) keys.add(`${x}>~${ly}`);
          const lx = looseOf(x);
          if (lx !== undefined) keys.add(`~${lx}<${y}`);
        }
      }
      pairKeys = keys;
    }
    if (pairKeys.has(`${a}>${b}`)) return true;
    const l = looseOf(side === 'after' ? b : a);
    return l !== undefined && pairKeys.has(side === 'after' ? `${a}>~${l}` : `~${l}<${b}`);
  }

  return {
    buildSteps,
    mayJoin,
    mayPair,
    save: () => (readings === undefined ? undefined : { readings }),
    fromPinyin,
    correctRun(words, pairKnown, occurs, context = {}) {
      const run = words.join('');
      const chars = Array.from(run);
      // Word boundaries, in characters: a window starts and ends on one.
      const starts: number[] = [];
      let at = 0;
      for (const w of words) {
        starts.push(at);
        at += Array.from(w).length;
      }
      const cuts = new Set<number>([...starts, at]);
      if (chars.length < 2) return [];
      const bad = chars.slice(0, -1).map((c, i) => !pairKnown(c + chars[i + 1]));
      // Round 12 (splitUnknown): inside a word no text holds, every character boundary is a cut too (only looked for
      // when some pair is unknown: most runs read fine).
      const split = context.splitUnknown === true && occurs !== undefined && bad.includes(true);
      if (split) {
        words.forEach((w, k) => {
          const n = Array.from(w).length;
          if (n >= 2 && HAN_ONLY.test(w) && !occurs(w)) for (let d = 1; d < n; d++) cuts.add((starts[k] as number) + d);
        });
      }
      const out: Correction[] = [];
      let i = 0;
      while (i < bad.length) {
        if (!bad[i]) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < bad.length && bad[j + 1]) j++;
        // Pairs i..j are unknown: characters i..j+1 hold the error.
        const badFrom = i;
        const badTo = j + 1;
        i = j + 1;
        if (j - badFrom + 1 > maxBadRun) continue;
        const changeable = chars.map((_, k) => k >= badFrom && k <= badTo && !(k === 0 && context.keepFirst === true));
        let done = false;
        // Longest window first: 集体经计 → 集体经济 is surer than 经计 → 经济 alone. A window must hold a character
        // of every unknown pair (人居环竟整治: 环竟 and 竟整 share 竟, so 人居环竟 will do).
        for (let len = Math.min(maxWindow, chars.length); len >= 2 && !done; len--) {
          for (let s = Math.max(0, badFrom + 1 - len + 1); s <= badTo && s + len <= chars.length && !done; s++) {
            const e = s + len - 1;
            if (s > badFrom + 1 || e < j || !cuts.has(s) || !cuts.has(s + len) || !fitPossible(chars, s, len, changeable)) continue;
            const window = chars.slice(s, s + len);
            // Which word of the query each character of the window belongs to.
            const wordOf = window.map((_, k) => starts.filter((b) => b <= s + k).length - 1);
            const found = lookup(window, changeable.slice(s, s + len), wordOf);
            let to = found?.word;
            // Two characters sound alike by chance too often (一篇 and 一片): a pair is corrected only when the result
            // stands in a text with the word next to it (人材|振兴 → 人才振兴, 返贫|检测 → 返贫监测), across a space
            // too (第一书记 选排 → 选派), or, standing alone in its run, when the pair is no word at all and reads
            // exactly like one of the texts (乡闲 → 乡贤; 房价 is a word, so it stays; 后续扶值 is not alone).
            if (to && len === 2 && occurs) {
              const left = split ? textBefore(s, words, starts, chars) : words[starts.indexOf(s) - 1];
              const right = split ? textAfter(s + len, words, starts, chars, at) : words[starts.indexOf(s + len)];
              const { before, after, together } = context;
              // A pair the texts hold as typed (受益 of 五好活动受益的群众) is a word said on purpose unless the change
              // makes an expression the texts hold with the word next to it (联系|会议 → 联席会议): a word across a
              // space, or a reading alone, is no reason to change it.
              const typedHeld = occurs(window.join(''));
              // The pair is no word and reads exactly like a word of the texts (乡闲 → 乡贤, 头燕 → 头雁).
              const exactNonWord = (): boolean => found?.exact === true && context.isWord !== undefined && !context.isWord(window.join(''));
              const supported =
                (left !== undefined && occurs(left + to)) ||
                (right !== undefined && occurs(to + right)) ||
                (typedHeld ? false :
                (s === 0 && before !== undefined && together !== undefined && together(before, to)) ||
                (s + len === chars.length && after !== undefined && together !== undefined && together(to, after)) ||
                (left === undefined && right === undefined && exactNonWord()) ||
                (context.pairTogether === true &&
                  exactNonWord() &&
                  together !== undefined &&
                  ((left !== undefined && together(left, to)) || (right !== undefined && together(to, right)))));
              if (!supported) to = undefined;
            }
            // A stretch starting or ending inside a word (splitUnknown) is a typo only where the rest of that word with
            // the correction is a string of the texts (大 + 舞台: 大舞台), not wherever it reads like a word (一比 of
            // 比一比 reads like 一笔).
            if (to && split && occurs && (!starts.includes(s) || !(starts.includes(s + len) || s + len === at))) {
              const head = starts.includes(s) ? '' : (textBefore(s, words, starts, chars) ?? '');
              const tail = starts.includes(s + len) || s + len === at ? '' : (textAfter(s + len, words, starts, chars, at) ?? '');
              if (!occurs(head + to + tail)) to = undefined;
            }
            if (to) {
              out.push({ start: chars.slice(0, s).join('').length, from: window.join(''), to });
              done = true;
            }
          }
        }
      }
      return out;
    },
  };
}

/** A stretch of Latin words in the query that may be pinyin, with where it stands. */
export interface LatinGroup {
  /** The stretch as it stands in the text (jiti jingji). */
  text: string;
  /** Its words. */
  tokens: string[];
}

const LATIN_STRETCH = /[a-z]+(?:[\s'-]+[a-z]+)*/g;
const LATIN_LETTER = /[a-z]/;

/**
 * Runs of Latin words in `text` that are not English the product knows (`isEnglish`: the vocabulary, the glosses,
 * politeness and material words): candidates for {@link TypoCorrector.fromPinyin}. English splits a stretch.
 */
export function latinGroups(text: string, isEnglish: (word: string) => boolean): LatinGroup[] {
  const out: LatinGroup[] = [];
  // Most queries are all Chinese.
  if (!LATIN_LETTER.test(text)) return out;
  for (const m of text.matchAll(LATIN_STRETCH)) {
    const words = [...m[0].matchAll(/[a-z]+/g)].map((w) => ({ word: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length }));
    let group: typeof words = [];
    const flush = (): void => {
      if (group.length > 0) {
        const first = group[0] as (typeof words)[number];
        const last = group[group.length - 1] as (typeof words)[number];
        out.push({ text: text.slice(first.start, last.end), tokens: group.map((w) => w.word) });
      }
      group = [];
    };
    for (const w of words) {
      if (isEnglish(w.word)) flush();
      else group.push(w);
    }
    flush();
  }
  return out;
}
