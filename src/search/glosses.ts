/**
 * Dictionary glosses (CC-CEDICT, lexicon/cedict-glosses.tsv.gz, built by scripts/build-glosses.mjs) for English
 * queries: an English word or phrase the vocabulary lacks finds the library's words glossed with it (doctors → 医生,
 * Lhasa → 拉萨, subsistence allowance → 低保, which abbreviates 最低生活保障). Restricted to the words of the library
 * the engine is built over, so documents added later are served as they come. The dictionary file loads once per
 * process; each engine builds its glossary with its index (in steps, like the rest of a reload), so no query waits
 * for it.
 *
 * Measured and left out (docs/search.md): Chinese words the texts lack linked to library words through a shared
 * gloss or an abbreviation's expansion (村子 → 村庄, 低保 → 最低/生活/保障) lowered the held-out facts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { stem as porter2 } from 'porter2';
import { createBoundedMemo, type BoundedMemo } from './bounded-memo.js';
import { runNow, type Steps } from './pace.js';

/** The dictionary shipped with the package (lexicon/ beside src/ and dist/). */
export const GLOSSES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon', 'cedict-glosses.tsv.gz');

/**
 * The lines of a shipped gzip'd lexicon file, or undefined when it is absent or unreadable (the search then goes on
 * without what the file gives). Read once per process per file: the dictionary, WordNet's synonyms and the gloss
 * words' counts are each asked for by every engine built.
 */
const lexiconFiles = new Map<string, readonly string[] | undefined>();
export function readLexiconLines(file: string): readonly string[] | undefined {
  if (lexiconFiles.has(file)) return lexiconFiles.get(file);
  let lines: readonly string[] | undefined;
  try {
    lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  } catch {
    lines = undefined;
  }
  lexiconFiles.set(file, lines);
  return lines;
}

/** The dictionary's lines (`word<TAB>gloss…<TAB>=abbreviated`); an absent or unreadable file gives an empty dictionary. */
export function loadGlossLines(file = GLOSSES_FILE): readonly string[] {
  return readLexiconLines(file) ?? [];
}

/**
 * English synonyms from WordNet (lexicon/wordnet-synonyms.tsv.gz, built by scripts/build-synonyms.mjs): one lemma a
 * line, `lemma<TAB>synonym…`, sorted; only lemmas of a single sense, and only synonyms some CC-CEDICT gloss has whole.
 */
export const SYNONYMS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon', 'wordnet-synonyms.tsv.gz');

/** The synonyms file's lines; an absent or unreadable file gives none. */
export function loadSynonymLines(file = SYNONYMS_FILE): readonly string[] {
  return readLexiconLines(file) ?? [];
}

/**
 * Words a gloss or an English query may carry that say nothing about the subject: NLTK's English stop-word list
 * (more, very, other … are no topic: “MORE” of a web page must not find 更多), and the dictionary's own
 * placeholders (sb, sth, one's, etc).
 */
const FILLER = new Set([
  'i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves', 'he',
  'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs',
  'themselves', 'what', 'which', 'who', 'whom', 'this', 'that', 'these', 'those', 'am', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'doing', 'a', 'an', 'the', 'and', 'but', 'if',
  'or', 'because', 'as', 'until', 'while', 'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into',
  'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off', 'over',
  'under', 'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how', 'all', 'any', 'both',
  'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor', 'not', 'only', 'own', 'same', 'so', 'than', 'too',
  'very', 's', 't', 'can', 'will', 'just', 'don', 'should', 'now',
  "one's", 'oneself', 'sb', "sb's", 'sth', "sth's", 'etc',
]);

/** Plurals no ending rule makes singular (geese, children, herdsmen): Porter2 leaves them apart from goose, child, herdsman. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['geese', 'goose'], ['feet', 'foot'], ['teeth', 'tooth'],
  ['mice', 'mouse'], ['wives', 'wife'], ['halves', 'half'], ['shelves', 'shelf'],
]);
/** Words ending in men that are no plural of a man (specimen, abdomen). */
const NOT_MEN = /(?:speci|abdo|acu|regi|sta|o|a|se|hy|lu|ge|ra|ta|rect|ste|albu|le|ca|ceru|bitu|gra|ger|cogno|dura|sol|numer)men$/;

/** A word's singular where it is irregular (herdsmen → herdsman, geese → goose, children → child); else the word. */
function irregularSingular(word: string): string {
  const known = IRREGULAR_PLURALS.get(word);
  if (known) return known;
  if (word.length > 5 && word.endsWith('men') && !NOT_MEN.test(word)) return `${word.slice(0, -3)}man`;
  return word;
}

/**
 * British spellings as American, the same on both sides (organisation, labour, centre, programme, travelled →
 * organization, labor, center, program, traveled): CC-CEDICT writes American, colleagues write either. A word that
 * merely looks British (promise → promize) is changed on both sides alike, so nothing is lost.
 */
export function americanSpelling(word: string): string {
  return irregularSingular(word)
    .replace(/^([a-z]{3,})is(e|ed|es|ing|ation|ations|ational|er|ers)$/, '$1iz$2')
    .replace(/^([a-z]{3,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/^([a-z]{2,}[^aeou])our(s|ed|ing|ite|ites|able|ful|hood|hoods|al)?$/, '$1or$2')
    .replace(/^([a-z]{2,}[^aeiou])tre(s)?$/, '$1ter$2')
    .replace(/^([a-z]{3,})mme(s)?$/, '$1m$2')
    .replace(/^([a-z]{2,})ogue(s)?$/, '$1og$2')
    .replace(/^([a-z]{2,}[aeiou])ll(ed|ing|er|ers)$/, '$1l$2')
    .replace(/^([a-z]{2,})ence$/, (m, base: string) => (/(?:def|off|lic|pret)$/.test(base) ? `${base}ense` : m));
}

/**
 * An English word's stem, the same on both sides: the Porter2 (Snowball English) stemmer of the npm package porter2
 * after {@link americanSpelling}, so that doctors, villages, monitoring, revitalization and revitalize,
 * hospitalised and hospitalization meet their dictionary forms. Cached: the same words recur in every build.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    const w = americanSpelling(word.toLowerCase().replace(/'s$/, ''));
    s = stems.set(word, /^[a-z]+$/.test(w) ? porter2(w) : w);
  }
  return s;
}

const stems = createBoundedMemo<string, string>(100_000);

/** The lookup key of an English gloss or query phrase: meaningful words, stemmed, space-separated ('' if none). */
export function glossKey(text: string): string {
  return meaningful(text).map(stem).join(' ');
}

/** The meaningful words of an English gloss or query phrase as written (lower case): doctors, goods. */
export function surfaceKey(text: string): string {
  return meaningful(text).join(' ');
}

function meaningful(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .flatMap((w) => w.split('-'))
    .filter((w) => w.length > 0 && !FILLER.has(w));
}

/** A library word found through the dictionary, with how specific the link is (higher is better). */
export interface GlossMatch {
  word: string;
  /** 1 for a word's first gloss, less for later ones; divided among the words sharing the gloss. */
  weight: number;
  /** The glosses' meaningful words as written (see surfaceKey) that brought the word under this key. */
  surfaces: string[];
  /** Whether every gloss that brought it under this key is a verb's ("to project"): a plural typed is a noun. */
  verb?: boolean;
}

export interface Glossary {
  /**
   * Library words glossed with this English phrase (its key, see glossKey), best first; empty if none. Given the
   * phrase as written (surfaceKey), words glossed with exactly it are preferred: good is 良好, not 产品 "goods".
   */
  english(key: string, surface?: string): readonly GlossMatch[];
  /**
   * For an English phrase no gloss of the library's words has (english() is empty), the library's words it comes
   * nearest to, best first: those glossed with a longer phrase holding it (reimbursement → 报销 "to apply for
   * reimbursement", station → 电视台 "television station"), then the library word differing in one character from a
   * dictionary word glossed with it (veteran → 退伍军人 → 退役军人). Empty if none.
   */
  near(key: string, surface?: string): readonly GlossMatch[];
  /** Longest English phrase key, in words. */
  readonly maxWords: number;
  /**
   * The known English word a misspelt one stands for (enviromental → environmental, relocaton → relocation): one
   * edit away (two for words of eight letters or more), same first letter, the word glossing most library words
   * among equals. undefined for a word of fewer than five letters, a known word, or none close enough.
   */
  spell(word: string): string | undefined;
  /**
   * WordNet synonyms of an English word of one sense as typed (its plural, past or -ing form looked up as the lemma)
   * that some gloss of the library's words has whole: resettlement → relocation (搬迁 "to relocate"). Empty if none,
   * or without the synonyms file.
   */
  synonyms(word: string): readonly string[];
  /** English phrase keys held (for diagnostics and the benchmark). */
  readonly size: number;
  /** The glossary as plain data, to load again with {@link glossaryFromSaved} (saved with the library's index). */
  save(): SavedGlossary;
  /** `JSON.stringify(save())` in pieces, a key at a time (a large library's index is written in slices). */
  saveJson(): Generator<string, void, void>;
}

/**
 * A glossary as plain data (JSON-serialisable): what {@link glossarySteps} found, so that a start with a saved library
 * index neither reads the dictionary nor looks the library's words up in it again (a third of a second at 1 000
 * documents).
 */
type SavedMatches = [key: string, matches: [word: string, weight: number, surfaces: string[], verb: boolean][]][];

export interface SavedGlossary {
  maxWords: number;
  /** Each English key with its library words, best first: [word, weight, surfaces, verb]. */
  keys: SavedMatches;
  /** The near matches (Glossary.near): phrases inside longer glosses, then library words inside dictionary words. */
  inside: SavedMatches;
  alikes: SavedMatches;
  /** English words known (glosses' and the hand table's) with the number of library words they gloss, in order. */
  known: [word: string, count: number][];
  /** Their stems. */
  stems: string[];
}

/** What the glossary asks about the library. */
export interface GlossaryLibrary {
  /** Whether the library's texts hold this word as an index word (cheap: asked of every headword). */
  has(word: string): boolean;
  /** Whether some passage's text holds the string anywhere (asked only of abbreviations' expansions). */
  occurs(text: string): boolean;
  /** Passages whose text holds the word (0 if unknown). */
  frequency(word: string): number;
  /**
   * The library's index words, when it can list them: the glossary then looks each up in the dictionary (a few
   * thousand look-ups) instead of asking `has` of all 110 000 headwords. Optional.
   */
  words?(): Iterable<string>;
  /**
   * The pairs of Han characters the library's texts hold, when it can list them: dictionary words found only inside
   * longer index words (微信 of 微信宣讲, 网店 of 淘宝网店) are looked for from them. Optional.
   */
  pairs?(): Iterable<string>;
}

/** Options of {@link glossarySteps}. */
export interface GlossaryOptions {
  /** English words known besides the glosses (the hand table's), which misspellings are corrected to as well. */
  alsoKnown?: Iterable<string>;
  /** Near matches for phrases no gloss has whole (Glossary.near). Default true. */
  near?: boolean;
  /** WordNet's lines (loadSynonymLines), for Glossary.synonyms; default none. */
  synonyms?: readonly string[];
}

/**
 * Library words kept per English key, best first. The first four are the word's senses searched (english.ts); the
 * rest are tried only for joining with the next English word into a stretch of the texts (temporary assistance →
 * 临时救助, where 救助 is the fifth word glossed "assistance"; activities → 活动, whose "activity" is its eleventh
 * gloss, after 积极 "active" and its like that Porter2 puts under the same stem).
 */
const MAX_KEPT = 12;
/** Of those, the best by weight, searched as the word's senses (english.ts takes the first four). */
const MAX_SEARCHED = 4;
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;
/** Weight of a gloss that loses inner words to its key (ranks it after the exact ones). */
const LOOSE = 0.5;
/**
 * Weight of a near match (Glossary.near): a phrase found inside a longer gloss, × its share of the gloss's words, or
 * the library word inside a dictionary word glossed with the phrase.
 */
const NEAR = 0.25;

/** A word without its plural, past or -ing ending, spelt American: organisations, organization; trained, training. */
function lemma(word: string): string {
  const w = americanSpelling(word);
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1).replace(/e$/, '');
  if (/[^aeiou]ed$/.test(w) && w.length > 4) return w.slice(0, -2).replace(/e$/, '');
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3).replace(/e$/, '');
  return w.replace(/e$/, '');
}

const lemmaKey = (surface: string): string => surface.split(' ').map(lemma).join(' ');


/** Whether the last word of a phrase as typed is a plural noun (projects, villages; not process, status, basis). */
/** A noun in the singular (villages → village, policies → policy, boxes → box), spelt American. */
function singularOf(word: string): string {
  const w = americanSpelling(word);
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Whether a match was glossed with the phrase as typed or inflected (activity for activities), not only under its
 * Porter2 stem (active for activities).
 */
export function glossedAsTyped(match: GlossMatch, surface: string): boolean {
  if (match.surfaces.includes(surface)) return true;
  const typed = lemmaKey(surface);
  return match.surfaces.some((x) => x.length > 0 && lemmaKey(x) === typed);
}

function pluralTyped(surface: string): boolean {
  const last = surface.split(' ').pop() ?? '';
  return last.length > 3 && last.endsWith('s') && !/(?:ss|us|is)$/.test(last);
}

/**
 * Matches in the order a phrase as typed asks for: glossed with exactly it first (good: 良好 before 产品 "goods"),
 * then with it inflected (project for projects), then only sharing its stem (careful for care: Porter2 joins
 * derivations); a plural typed is a noun, so among equals a verb's gloss ("to project", 放映) goes after a noun's
 * ("project", 项目). Stable: the dictionary's order otherwise.
 */
function bySurface(list: readonly GlossMatch[], surface: string | undefined): readonly GlossMatch[] {
  if (surface === undefined || list.length < 2) return list;
  const typed = lemmaKey(surface);
  const noun = pluralTyped(surface);
  const rank = (m: GlossMatch): number =>
    (m.surfaces.includes(surface) ? 0 : m.surfaces.some((x) => x.length > 0 && lemmaKey(x) === typed) ? 2 : 4) + (noun && m.verb ? 1 : 0);
  return list.map((m, i) => ({ m, i, r: rank(m) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.m);
}

/**
 * A key's matches as a look-up gives them: its MAX_SEARCHED best in the order the phrase typed asks for (bySurface),
 * then the rest glossed with that phrase, in that order too (tried only for joining into a stretch of the texts: see
 * MAX_KEPT).
 */
function ranked(list: readonly GlossMatch[], surface: string | undefined): readonly GlossMatch[] {
  if (list.length <= MAX_SEARCHED) return bySurface(list, surface);
  const best = bySurface(list.slice(0, MAX_SEARCHED), surface);
  if (surface === undefined) return best;
  // Only words glossed with the phrase as typed or inflected (assistance: 救助 "assistance"), not those merely
  // sharing its stem (integration: 综合 "to integrate", which joins rural into 农村综合 of 农村综合改革).
  const typed = lemmaKey(surface);
  const rest = list.slice(MAX_SEARCHED).filter((m) => m.surfaces.some((x) => x === surface || (x.length > 0 && lemmaKey(x) === typed)));
  return [...best, ...bySurface(rest, surface)];
}

/**
 * The dictionary's lines, sorted (the shipped file is: scripts/build-glosses.mjs sorts it, and a tab sorts before
 * every character, so line order is headword order), searched by halving: no table of 110 000 entries is built, which
 * would cost the process a tenth of a second before its first engine.
 */
interface Dictionary {
  lines: readonly string[];
  /**
   * Headwords that abbreviate a longer word (a field starting with `=`), and the first two characters of every
   * headword of two characters or more: made on the first glossary build (headsOfDictionary), not by a query that
   * only looks a word up (a start with a saved index reads the dictionary for its first word the texts lack).
   */
  heads?: { abbreviations: string[]; pairs: Set<string> };
  /** Parsed entries by their text (see sensesOf). */
  senses: BoundedMemo<string, Sense[]>;
  /** The glosses of all lines, one per line (built on the first spelling check: see written). */
  glosses?: string;
  /** Words looked for in them, and whether they were found. */
  written: BoundedMemo<string, boolean>;
}

const prepared = new WeakMap<readonly string[], Dictionary>();

function dictionaryOf(lines: readonly string[]): Dictionary {
  let dict = prepared.get(lines);
  if (dict) return dict;
  const kept = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
  const sorted = kept.every((l, i) => i === 0 || (kept[i - 1] as string) <= l) ? kept : [...kept].sort();
  dict = { lines: sorted, senses: createBoundedMemo(200_000), written: createBoundedMemo(10_000) };
  prepared.set(lines, dict);
  return dict;
}

/** The dictionary's abbreviations and headword pairs (see Dictionary.heads), made once. */
function headsOfDictionary(dict: Dictionary): { abbreviations: string[]; pairs: Set<string> } {
  if (dict.heads) return dict.heads;
  const abbreviations: string[] = [];
  const pairs = new Set<string>();
  for (const line of dict.lines) {
    const tab = line.indexOf('\t');
    if (tab < 2) continue;
    pairs.add(line.slice(0, 2));
    if (line.includes('\t=', tab)) abbreviations.push(line.slice(0, tab));
  }
  dict.heads = { abbreviations, pairs };
  return dict.heads;
}

/** Every headword, in order. */
function* headsOf(dict: Dictionary): Generator<string> {
  for (const line of dict.lines) {
    const tab = line.indexOf('\t');
    if (tab >= 1) yield line.slice(0, tab);
  }
}

/** One gloss of a dictionary entry as the glossary indexes it. */
interface Sense {
  /** Position of the gloss in the entry (0 for the first sense). */
  index: number;
  key: string;
  surface: string;
  words: string[];
  /**
   * Whether the gloss lost words inside it to the key ("to live up to" → live, "living being" → live): a looser
   * match for that key than one that loses none but a leading to or a.
   */
  loose: boolean;
  /** Found by the gloss's words less one (see sensesOf): weighs half again. */
  weaker: boolean;
  /** A verb's gloss ("to project", "to apply for reimbursement"). */
  verb: boolean;
  /**
   * Per word, whether the gloss's last words may start there for a near match: not after and/or (low of "high and
   * low" is no name of 上下), not inside a hyphenated word (rate of "first-rate").
   */
  starts?: boolean[];
}

/** See Sense.starts. */
function suffixStarts(lower: string): boolean[] {
  const starts: boolean[] = [];
  let prev = '';
  for (const token of lower.split(/[^a-z0-9'-]+/)) {
    token.split('-').forEach((part, j) => {
      if (part.length === 0) return;
      if (!FILLER.has(part)) starts.push(j === 0 && prev !== 'and' && prev !== 'or');
      prev = part;
    });
  }
  return starts;
}

/**
 * The indexed glosses of an entry (its line after the headword), parsed once per process: a reload's glossary
 * reuses them. A gloss of more than four meaningful words is not how anyone types a query, and is left out; one of
 * two one-word alternatives ("weixin or wechat") is also indexed under each.
 */
function sensesOf(dict: Dictionary, rest: string): Sense[] {
  let senses = dict.senses.get(rest);
  if (senses) return senses;
  senses = [];
  const fields = rest.split('\t');
  for (let index = 0; index < fields.length; index++) {
    const g = fields[index] as string;
    if (g.startsWith('=')) continue;
    // "weixin or wechat": two one-word alternatives (not "distinguishing feature or quality", whose "quality" alone
    // would be no sense of the word).
    const alternatives = /^[a-z-]+ or [a-z-]+$/i.test(g) ? g.split(' or ') : [];
    for (const gloss of [g, ...alternatives]) {
      const lower = gloss.toLowerCase();
      const words = meaningful(lower);
      if (words.length === 0 || words.length > 4) continue;
      const inner = lower.replace(/^(?:to|a|an|the)\s+/, '').split(/[^a-z0-9']+/);
      const loose = inner.some((w) => FILLER.has(w));
      const verb = /^to\s/.test(lower);
      senses.push({ index, key: words.map(stem).join(' '), surface: words.join(' '), words, loose, weaker: false, verb, starts: suffixStarts(lower) });
      // Two words joined by and are said either way round ("habits and customs", customs and habits): the other
      // order is found too, as a looser match.
      const pair = / ([a-z]+) and ([a-z]+)(?: |$)/.exec(` ${lower}`);
      if (pair && !FILLER.has(pair[1] as string) && !FILLER.has(pair[2] as string) ) {
        const other = ` ${lower}`.replace(pair[0], ` ${pair[2]} and ${pair[1]}${pair[0].endsWith(' ') ? ' ' : ''}`);
        const swapped = meaningful(other);
        senses.push({ index, key: swapped.map(stem).join(' '), surface: '', words: swapped, loose: true, weaker: false, verb, starts: suffixStarts(other) });
      }
      // A gloss of three or four words is also found by its words less one, in order ("industry value chain" by
      // industrial chains, "to fight organized crime" by organized crime), after the glosses found whole.
      if (words.length >= 3) {
        for (let drop = 0; drop < words.length; drop++) {
          const less = words.filter((_, k) => k !== drop);
          senses.push({ index, key: less.map(stem).join(' '), surface: '', words: less, loose: true, weaker: true, verb });
        }
      }
    }
  }
  return dict.senses.set(rest, senses);
}

/** Index of the first line not below `prefix`. */
function lowerBound(lines: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rest of a headword's line (its glosses, then `=expansion`s), or undefined. */
function entryOf(dict: Dictionary, head: string): string | undefined {
  // A single character is too ambiguous to stand for an English word (as it always was).
  if (head.length < 2) return undefined;
  const line = dict.lines[lowerBound(dict.lines, `${head}\t`)];
  return line !== undefined && line.startsWith(`${head}\t`) ? line.slice(head.length + 1) : undefined;
}

/**
 * The fields of a headword's line (its glosses, then `=expansion`s) in the shipped dictionary, single characters
 * included, or undefined: the sorted lines searched by halving, as the glossary does (for neighbours.ts).
 */
export function dictionaryFields(head: string): string | undefined {
  const dict = dictionaryOf(loadGlossLines());
  const line = dict.lines[lowerBound(dict.lines, `${head}\t`)];
  return line !== undefined && head.length > 0 && line.startsWith(`${head}\t`) ? line.slice(head.length + 1) : undefined;
}

/** The shipped dictionary's single-character entries (`字<TAB>gloss…`), listed on first use. */
let characterLines: readonly string[] | undefined;
const charactersOf = createBoundedMemo<string, readonly string[]>(10_000);

/**
 * The single characters the shipped dictionary glosses with an English word (by stem, a gloss's meaningful word):
 * exempt → 免 "to exempt", method → 法. For numbered names only (english.ts numberedNames), where the texts must
 * hold the character after a number: alone, a character is too ambiguous to stand for an English word. The
 * single-character entries are listed once per process; a word's look-up goes through them once and is kept.
 */
export function charactersGlossed(word: string): readonly string[] {
  const wanted = stem(word);
  const kept = charactersOf.get(wanted);
  if (kept) return kept;
  if (!characterLines) {
    const lines: string[] = [];
    for (const line of dictionaryOf(loadGlossLines()).lines) {
      const tab = line.indexOf('\t');
      // One character: one UTF-16 unit, or a surrogate pair.
      if (tab === 1 || (tab === 2 && line.charCodeAt(0) >= 0xd800 && line.charCodeAt(0) < 0xdc00)) lines.push(line);
    }
    characterLines = lines;
  }
  // A gloss holding the stem as written (exempt of "to exempt"; a stem is a prefix of its words, but for the i or e
  // Porter2 may end it on: party → parti, whose glosses say party) before it is parsed.
  const written = wanted.length > 3 ? wanted.replace(/[ie]$/, '') : wanted;
  const found: string[] = [];
  for (const line of characterLines) {
    if (!line.includes(written)) continue;
    const [head, ...fields] = line.split('\t');
    if (fields.some((g) => !g.startsWith('=') && glossKey(g).split(' ').includes(wanted))) found.push(head as string);
  }
  return charactersOf.set(wanted, found);
}

/** The `=expansion`s of a headword's line (its fields after the headword), in order. */
function expansionsOf(rest: string): string[] {
  return rest.split('\t').filter((f) => f.startsWith('=')).map((f) => f.slice(1));
}

/**
 * The longest stretch of `full`, of `shortest` characters or more, that `holds` (the first of equal length from the
 * left), or undefined: how much of an abbreviation's expansion the library spells (最低生活保障 of 城市居民最低生活保障).
 */
export function longestHeldPiece(full: string, shortest: number, holds: (stretch: string) => boolean): string | undefined {
  const chars = Array.from(full);
  for (let len = chars.length; len >= shortest; len--) {
    for (let at = 0; at + len <= chars.length; at++) {
      const piece = chars.slice(at, at + len).join('');
      if (holds(piece)) return piece;
    }
  }
  return undefined;
}

/**
 * The shipped dictionary's abbreviations (headwords whose line has `=expansion`s) with their expansions, in order:
 * the list the glossary reads (made once per dictionary), not another pass over its lines.
 */
export function* dictionaryAbbreviations(): Generator<[head: string, expansions: string[]]> {
  const dict = dictionaryOf(loadGlossLines());
  for (const head of headsOfDictionary(dict).abbreviations) {
    const rest = entryOf(dict, head);
    if (rest !== undefined) yield [head, expansionsOf(rest)];
  }
}

/** Every line of the shipped dictionary with its headword, in order (for neighbours.ts). */
export function* dictionaryLines(): Generator<[head: string, line: string]> {
  for (const line of dictionaryOf(loadGlossLines()).lines) {
    const tab = line.indexOf('\t');
    if (tab >= 1) yield [line.slice(0, tab), line];
  }
}

/** How many lines {@link dictionaryLines} gives, without making them. */
export function dictionaryLineCount(): number {
  let n = 0;
  for (const line of dictionaryOf(loadGlossLines()).lines) if (line.indexOf('\t') >= 1) n++;
  return n;
}

/**
 * The lines {@link dictionaryLines} gives that hold `text` anywhere (headword and glosses, as written), with their
 * headwords, in order: only those lines are cut apart.
 */
export function* dictionaryLinesHolding(text: string): Generator<[head: string, line: string]> {
  for (const line of dictionaryOf(loadGlossLines()).lines) {
    if (!line.includes(text)) continue;
    const tab = line.indexOf('\t');
    if (tab >= 1) yield [line.slice(0, tab), line];
  }
}

/** Headwords of two characters or more that start with the pair. */
function* headsStartingWith(dict: Dictionary, pair: string): Generator<string> {
  for (let i = lowerBound(dict.lines, pair); i < dict.lines.length; i++) {
    const line = dict.lines[i] as string;
    if (!line.startsWith(pair)) return;
    const tab = line.indexOf('\t');
    if (tab >= 2) yield line.slice(0, tab);
  }
}

/**
 * Whether any gloss of the whole dictionary has the word, or the word without a plural, past or -ing ending: a word
 * the dictionary writes is English spelt right even when it glosses no word of this library (slides is not to be
 * corrected to sides). Asked only of a word about to be corrected; the answer is kept per process.
 */
function written(dict: Dictionary, word: string): boolean {
  const found = dict.written.get(word);
  if (found !== undefined) return found;
  // One string of all glosses (lower case, as the file is written), made on the first check: a scan of it is a few
  // milliseconds, and only misspelling candidates pay it.
  dict.glosses ??= dict.lines.map((l) => l.slice(l.indexOf('\t') + 1)).join('\n');
  const forms = new Set([word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ies$/, 'y'), word.replace(/e?d$/, ''), word.replace(/ed$/, 'e'), word.replace(/ing$/, ''), word.replace(/ing$/, 'e')]);
  const pattern = new RegExp(`(?<![a-z])(?:${[...forms].filter((f) => f.length >= 3).join('|')})(?![a-z])`);
  return dict.written.set(word, pattern.test(dict.glosses));
}

/** Optimal-string-alignment distance (an adjacent swap is one edit), or max + 1 once it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Builds the engine's glossary, in steps that may pause (pace.ts), from the dictionary entries whose headword the
 * library has (or, for an abbreviation, whose expansion it has). English keys index only a gloss of at most four
 * words: a definition longer than that is not how anyone types a query. A gloss of two alternatives ("weixin or
 * wechat") is also indexed under each.
 */
export function* glossarySteps(lines: readonly string[], library: GlossaryLibrary, options: GlossaryOptions = {}): Steps<Glossary> {
  const dict = dictionaryOf(lines);
  yield;
  const byKey = new Map<string, GlossMatch[]>();
  /** Near matches (see Glossary.near): phrases inside longer glosses, then library words inside dictionary words. */
  const inside = new Map<string, GlossMatch[]>();
  const alikes = new Map<string, GlossMatch[]>();
  /** English words of the glosses indexed, with the number of library words they gloss. */
  const known = new Map<string, number>();
  let maxWords = 1;
  /** The longest stretch (three characters or more) of an abbreviation's expansion that the library holds. */
  const spelledOut = (expansions: readonly string[]): string | undefined => {
    for (const full of expansions) {
      const piece = longestHeldPiece(full, 3, (s) => library.has(s) || library.occurs(s));
      if (piece !== undefined) return piece;
    }
    return undefined;
  };
  const put = (target: Map<string, GlossMatch[]>, key: string, found: string, weight: number, surface: string, verb: boolean): void => {
    const list = target.get(key) ?? [];
    const match = list.find((m) => m.word === found);
    if (!match) list.push({ word: found, weight, surfaces: [surface], verb });
    else {
      if (!match.surfaces.includes(surface)) match.surfaces.push(surface);
      match.weight = Math.max(match.weight, weight);
      match.verb = match.verb === true && verb;
    }
    target.set(key, list);
  };
  const add = (found: string, head: string, rest: string): void => {
    for (const g of sensesOf(dict, rest)) {
      // A word's own sense first; an abbreviation's or a word found only inside others' (head '') at half.
      const weight = ((found === head ? 1 : 0.5) / (1 + g.index)) * (g.loose ? LOOSE : 1) * (g.weaker ? LOOSE : 1);
      maxWords = Math.max(maxWords, g.words.length);
      put(byKey, g.key, found, weight, g.surface, g.verb);
      for (const w of g.words) if (w.length >= 3 && /^[a-z]+$/.test(w)) known.set(w, (known.get(w) ?? 0) + 1);
      // The gloss's last words, for a phrase no gloss has whole: what a gloss ends on is what it names (reimbursement
      // of "to apply for reimbursement", station of "relay station"; not gold of "gold medal"), when it is a third of
      // the gloss or more (not mountains of "military orders are like mountains"). Weighed by that share.
      // Only the library's own words: not one found inside a longer word (性工作 "sex work" of 基础性工作).
      if (g.weaker || g.words.length < 2 || options.near === false || found !== head) continue;
      const stems = g.words.map(stem);
      for (let len = Math.ceil(stems.length / 3); len < stems.length; len++) {
        const at = stems.length - len;
        if (g.starts?.[at] === false) continue;
        put(inside, stems.slice(at).join(' '), found, weight * NEAR * (len / stems.length), g.words.slice(at).join(' '), g.verb);
      }
    }
  };
  let n = 0;
  const heads = library.words ? library.words() : headsOf(dict);
  // Steps are small: a reload at 1 000 documents runs them between requests (pace.ts), and a check that the texts
  // hold a word (occurs) may scan them.
  for (const word of heads) {
    if (++n % 64 === 0) yield;
    const rest = entryOf(dict, word);
    if (rest !== undefined && (library.words || library.has(word))) add(word, word, rest);
  }
  // Dictionary words the texts hold only inside longer index words (微信 of 微信宣讲): ranked after index words.
  const seen = new Set<string>();
  let scans = 0;
  for (const pair of library.pairs?.() ?? []) {
    if (++n % 64 === 0) yield;
    if (!headsOfDictionary(dict).pairs.has(pair)) continue;
    for (const head of headsStartingWith(dict, pair)) {
      if (seen.has(head) || library.has(head)) continue;
      if (head.length > 2) {
        if (++scans % 8 === 0) yield;
        if (!library.occurs(head)) continue;
      }
      seen.add(head);
      add(head, '', entryOf(dict, head) as string);
    }
  }
  // A word the library lacks may abbreviate one it has (低保 "subsistence allowance" → 最低生活保障).
  for (const head of headsOfDictionary(dict).abbreviations) {
    yield;
    if (library.has(head)) continue;
    const rest = entryOf(dict, head) as string;
    const word = spelledOut(expansionsOf(rest));
    if (word) add(word, head, rest);
  }
  // Dictionary words the library lacks that differ from a library word in one inner character (退伍军人 and 退役军人,
  // both "veteran"): the library's word stands for their glosses where no library word has them, at the near weight.
  // Words of three to six characters (two-character words differing in one are mostly unrelated). Found from the
  // library's side: the dictionary's words sharing a library word's first character are a short run of its lines.
  if (options.near !== false) {
    for (const word of library.words?.() ?? []) {
      if (++n % 64 === 0) yield;
      const len = word.length;
      if (len < 3 || len > 6 || !HAN_ONLY.test(word)) continue;
      for (let i = lowerBound(dict.lines, word[0] as string); i < dict.lines.length; i++) {
        const line = dict.lines[i] as string;
        if (line[0] !== word[0]) break;
        if (line[len] !== '\t' || line[len - 1] !== word[len - 1]) continue;
        let differ = 0;
        for (let k = 1; k < len - 1 && differ <= 1; k++) if (line[k] !== word[k]) differ++;
        if (differ !== 1) continue;
        const head = line.slice(0, len);
        if (library.has(head)) continue;
        for (const g of sensesOf(dict, line.slice(len + 1))) {
          if (!g.weaker) put(alikes, g.key, word, (NEAR / (1 + g.index)) * (g.loose ? LOOSE : 1), g.surface, g.verb);
        }
      }
    }
  }
  for (const map of [byKey, inside, alikes]) {
    for (const [key, list] of map) {
      if (++n % 128 === 0) yield;
      // The word whose first sense this is comes first; among equals, the more common word in the library.
      list.sort((a, b) => b.weight - a.weight || library.frequency(b.word) - library.frequency(a.word) || (a.word < b.word ? -1 : 1));
      map.set(key, list.slice(0, MAX_KEPT));
    }
  }
  for (const w of options.alsoKnown ?? []) for (const part of w.toLowerCase().split(/[^a-z]+/)) if (part.length >= 3) known.set(part, (known.get(part) ?? 0) + 1);
  yield;
  const knownStems = new Set<string>();
  for (const w of known.keys()) {
    knownStems.add(stem(w));
    if (++n % 512 === 0) yield;
  }
  const wordnet = options.synonyms ?? [];
  return makeGlossary(byKey, inside, alikes, known, knownStems, maxWords, () => dict, () => wordnet);
}

/** Whether a gloss's words are the typed words, each as typed or in the singular (near(): a plural typed names things). */
function sameNouns(gloss: string, typed: readonly string[]): boolean {
  const words = gloss.split(' ');
  return words.length === typed.length && words.every((w, k) => w === typed[k] || singularOf(w) === singularOf(typed[k] as string));
}

/** Whether a word reads as a past participle ending a gloss as an adjective (highly rated): see near(). */
function isParticiple(w: string | undefined): boolean {
  return w !== undefined && /[^e]ed$/.test(w);
}

/** The glossary over what was found (see glossarySteps): look-up, spelling and saving. */
function makeGlossary(
  byKey: ReadonlyMap<string, readonly GlossMatch[]>,
  inside: ReadonlyMap<string, readonly GlossMatch[]>,
  alikes: ReadonlyMap<string, readonly GlossMatch[]>,
  known: ReadonlyMap<string, number>,
  knownStems: ReadonlySet<string>,
  maxWords: number,
  dictionary: () => Dictionary,
  synonymLines: () => readonly string[],
): Glossary {
  // Misspellings are looked for among the known words of the same first letter.
  const byInitial = new Map<string, string[]>();
  for (const w of known.keys()) {
    const list = byInitial.get(w[0] as string);
    if (list) list.push(w);
    else byInitial.set(w[0] as string, [w]);
  }
  /** Whether the dictionary writes the word, or the word without a plural, past or -ing ending, in any gloss. */
  const isEnglish = (w: string): boolean => written(dictionary(), w);
  // Spellings and synonyms per word as asked (the same English words recur across queries); null: none.
  const spelt = createBoundedMemo<string, string | null>(10_000);
  const synonymsOf = createBoundedMemo<string, readonly string[]>(10_000);
  const spellCached = (word: string): string | undefined => {
    const kept = spelt.get(word);
    if (kept !== undefined) return kept ?? undefined;
    return spelt.set(word, spell(word) ?? null) ?? undefined;
  };
  const synonymsCached = (word: string): readonly string[] => synonymsOf.get(word) ?? synonymsOf.set(word, synonyms(word));
  const spell = (word: string): string | undefined => {
    const w = word.toLowerCase();
    if (w.length < 5 || !/^[a-z]+$/.test(w) || known.has(w)) return undefined;
    // A word under a known stem is that word's form (organizing, villages), unless it is a known word less one letter
    // that the dictionary never writes (landfil: Porter2 drops landfill's second l, so the stems meet).
    if (knownStems.has(stem(w))) {
      // The word or its singular (landfils).
      for (const form of w.endsWith('s') ? [w, w.slice(0, -1)] : [w]) {
        const s = stem(form);
        const shorted = (byInitial.get(w[0] as string) ?? []).find((c) => c.length === form.length + 1 && stem(c) === s && editDistance(form, c, 1) === 1);
        if (shorted !== undefined) return isEnglish(w) ? undefined : form === w ? shorted : `${shorted}s`;
      }
      return undefined;
    }
    const max = w.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const candidate of byInitial.get(w[0] as string) ?? []) {
      const d = editDistance(w, candidate, Math.min(max, bestDistance));
      if (d > max) continue;
      const better =
        d < bestDistance ||
        (d === bestDistance && best !== undefined && ((known.get(candidate) as number) > (known.get(best) as number) || (known.get(candidate) === known.get(best) && candidate < best)));
      if (better) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best !== undefined && !isEnglish(w) ? best : undefined;
  };
  const synonyms = (word: string): readonly string[] => {
    const wordnet = synonymLines();
    const w = word.toLowerCase();
    if (wordnet.length === 0 || !/^[a-z][a-z-]*$/.test(w)) return [];
    const base = singularOf(w);
    const forms = new Set([w, americanSpelling(w), base, w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/ed$/, ''), w.replace(/d$/, '')]);
    const out: string[] = [];
    for (const form of forms) {
      if (form.length < 3) continue;
      const line = wordnet[lowerBound(wordnet, `${form}\t`)];
      if (line === undefined || !line.startsWith(`${form}\t`)) continue;
      for (const syn of line.split('\t').slice(1)) if (!out.includes(syn) && byKey.has(glossKey(syn))) out.push(syn);
    }
    return out;
  };
  const lookup = (key: string, surface?: string): readonly GlossMatch[] => ranked(byKey.get(key) ?? [], surface);
  const near = (key: string, surface?: string): readonly GlossMatch[] => {
    if (byKey.has(key)) return [];
    // A plural typed names things: the gloss must end on that noun, singular or plural, not on a verb's or an
    // adjective's form of the stem (rates is not 星级 "star rating" or "highly rated"; stations is "station").
    if (surface !== undefined && pluralTyped(surface)) {
      const typed = surface.split(' ');
      const list = (inside.get(key) ?? []).filter((m) => m.surfaces.some((x) => sameNouns(x, typed)));
      return ranked(list.length > 0 ? list : alikes.get(key) ?? [], surface);
    }
    // A participle ends a gloss as an adjective ("highly rated"): no name of a thing typed otherwise.
    if (surface !== undefined && !isParticiple(surface.split(' ')[0])) {
      const list = (inside.get(key) ?? []).filter((m) => m.surfaces.some((x) => !isParticiple(x.split(' ')[0])));
      return ranked(list.length > 0 ? list : alikes.get(key) ?? [], surface);
    }
    return ranked(inside.get(key) ?? alikes.get(key) ?? [], surface);
  };
  const keyJson = ([key, list]: [string, readonly GlossMatch[]]): string =>
    JSON.stringify([key, list.map((m) => [m.word, m.weight, m.surfaces, m.verb === true])]);
  function* mapJson(name: string, map: ReadonlyMap<string, readonly GlossMatch[]>): Generator<string, void, void> {
    yield `"${name}":[`;
    let first = true;
    for (const entry of map) {
      yield (first ? '' : ',') + keyJson(entry);
      first = false;
    }
    yield ']';
  }
  function* saveJson(): Generator<string, void, void> {
    yield `{"maxWords":${maxWords},`;
    yield* mapJson('keys', byKey);
    yield ',';
    yield* mapJson('inside', inside);
    yield ',';
    yield* mapJson('alikes', alikes);
    yield `,"known":${JSON.stringify([...known])},"stems":${JSON.stringify([...knownStems])}}`;
  }
  return {
    maxWords,
    size: byKey.size,
    english: lookup,
    near,
    synonyms: synonymsCached,
    spell: spellCached,
    save: () => JSON.parse([...saveJson()].join('')) as SavedGlossary,
    saveJson,
  };
}

/**
 * The glossary saved by {@link Glossary.save}, for the same library and code: no dictionary look-up at all (the
 * dictionary is read only if a spelling check needs it, WordNet's lines when a synonym is first asked for).
 * undefined when it is not such data.
 */
export function glossaryFromSaved(
  saved: SavedGlossary,
  lines: () => readonly string[] = loadGlossLines,
  synonymLines: () => readonly string[] = () => [],
): Glossary | undefined {
  const lists = [saved?.keys, saved?.inside, saved?.alikes];
  if (!saved || lists.some((l) => !Array.isArray(l)) || !Array.isArray(saved.known) || !Array.isArray(saved.stems) || typeof saved.maxWords !== 'number') {
    return undefined;
  }
  const [byKey, inside, alikes] = lists.map((list) => {
    const map = new Map<string, GlossMatch[]>();
    for (const [key, matches] of list as SavedMatches) map.set(key, matches.map(([word, weight, surfaces, verb]) => ({ word, weight, surfaces, verb })));
    return map;
  }) as [Map<string, GlossMatch[]>, Map<string, GlossMatch[]>, Map<string, GlossMatch[]>];
  let dict: Dictionary | undefined;
  return makeGlossary(byKey, inside, alikes, new Map(saved.known), new Set(saved.stems), saved.maxWords, () => (dict ??= dictionaryOf(lines())), synonymLines);
}

/** {@link glossarySteps} run to the end at once. */
export function createGlossary(lines: readonly string[], library: GlossaryLibrary, options: GlossaryOptions = {}): Glossary {
  return runNow(glossarySteps(lines, library, options));
}

/** The glossary of an engine built without glosses (SearchEngineOptions.glosses false). */
export const EMPTY_GLOSSARY: Glossary = makeGlossary(new Map(), new Map(), new Map(), new Map(), new Set(), 1, () => dictionaryOf([]), () => []);
