/**
 * Dictionary glosses (CC-CEDICT, lexicon/cedict-glosses.tsv.gz, built by scripts/build-glosses.mjs) for English
 * queries: an English word or phrase the vocabulary lacks finds the library's words glossed with it (doctors → 医生,
 * Lhasa → 拉萨, subsistence allowance → 低保, which abbreviates 最低生活保障). Restricted to the words of the library
 * the engine is built over, so documents added later are served as they come. The dictionary file loads once per
 * process, on the first English query.
 *
 * Measured and left out (docs/search.md): Chinese words the texts lack linked to library words through a shared
 * gloss or an abbreviation's expansion (村子 → 村庄, 低保 → 最低/生活/保障) lowered the held-out facts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The dictionary shipped with the package (lexicon/ beside src/ and dist/). */
export const GLOSSES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon', 'cedict-glosses.tsv.gz');

/** The dictionary's lines (`word<TAB>gloss…<TAB>=abbreviated`), read once per process. */
let loaded: readonly string[] | undefined;

/** Reads the dictionary file (cached per process); an absent or unreadable file gives an empty dictionary. */
export function loadGlossLines(file = GLOSSES_FILE): readonly string[] {
  if (loaded && file === GLOSSES_FILE) return loaded;
  let lines: string[] = [];
  try {
    lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  } catch {
    lines = [];
  }
  if (file === GLOSSES_FILE) loaded = lines;
  return lines;
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

/** A crude English stem, the same on both sides: doctors → doctor, villages → villag, monitoring → monitor. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The lookup key of an English gloss or query phrase: meaningful words, stemmed, space-separated ('' if none). */
export function glossKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .flatMap((w) => w.split('-'))
    .filter((w) => w.length > 0 && !FILLER.has(w))
    .map(stem)
    .join(' ');
}

/** A library word found through the dictionary, with how specific the link is (higher is better). */
export interface GlossMatch {
  word: string;
  /** 1 for a word's first gloss, less for later ones; divided among the words sharing the gloss. */
  weight: number;
}

export interface Glossary {
  /** Library words glossed with this English phrase (its key, see glossKey), best first; empty if none. */
  english(key: string): readonly GlossMatch[];
  /** Longest English phrase key, in words. */
  readonly maxWords: number;
}

/** What the glossary asks about the library. */
export interface GlossaryLibrary {
  /** Whether the library's texts hold this word as an index word (cheap: asked of every headword). */
  has(word: string): boolean;
  /** Whether some passage's text holds the string anywhere (asked only of abbreviations' expansions). */
  occurs(text: string): boolean;
  /** Passages whose text holds the word (0 if unknown). */
  frequency(word: string): number;
}

const MAX_PER_KEY = 4;

/**
 * Builds the engine's glossary from the dictionary lines whose headword the library has (or, for an abbreviation,
 * whose expansion it has). English keys index only a gloss of at most four words: a definition longer than that is
 * not how anyone types a query. Only the library's words are parsed, so this costs a pass over the lines.
 */
export function createGlossary(lines: readonly string[], library: GlossaryLibrary): Glossary {
  const byKey = new Map<string, GlossMatch[]>();
  let maxWords = 1;
  /** The longest stretch (three characters or more) of an abbreviation's expansion that the library holds. */
  const spelledOut = (expansions: readonly string[]): string | undefined => {
    for (const full of expansions) {
      const chars = Array.from(full);
      for (let len = chars.length; len >= 3; len--) {
        for (let at = 0; at + len <= chars.length; at++) {
          const piece = chars.slice(at, at + len).join('');
          if (library.has(piece) || library.occurs(piece)) return piece;
        }
      }
    }
    return undefined;
  };
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 2) continue;
    const head = line.slice(0, tab);
    let word: string | undefined = library.has(head) ? head : undefined;
    // A word the library lacks may abbreviate one it has (低保 "subsistence allowance" → 最低生活保障).
    const abbr = line.indexOf('\t=', tab);
    if (!word && abbr > 0) word = spelledOut(line.slice(abbr + 2).split('\t=').map((f) => f.split('\t')[0] as string));
    if (!word) continue;
    const fields = line.slice(tab + 1).split('\t');
    const found = word;
    fields.forEach((g, i) => {
      if (g.startsWith('=')) return;
      const key = glossKey(g);
      if (key.length === 0) return;
      const words = key.split(' ').length;
      if (words > 4) return;
      maxWords = Math.max(maxWords, words);
      const list = byKey.get(key) ?? [];
      if (!list.some((m) => m.word === found)) list.push({ word: found, weight: (found === head ? 1 : 0.5) / (1 + i) });
      byKey.set(key, list);
    });
  }
  for (const [key, list] of byKey) {
    // The word whose first sense this is comes first; among equals, the more common word in the library.
    list.sort((a, b) => b.weight - a.weight || library.frequency(b.word) - library.frequency(a.word) || (a.word < b.word ? -1 : 1));
    byKey.set(key, list.slice(0, MAX_PER_KEY));
  }
  return { maxWords, english: (key) => byKey.get(key) ?? [] };
}
