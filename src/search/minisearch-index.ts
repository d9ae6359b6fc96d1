/**
 * The engine's index: a MiniSearch instance (issue 2) whose tokenizer is the engine's own jieba tokenisation, so
 * passages and queries are segmented by literally the same code. Four fields: title, section and text as jieba
 * words (`wordTerms`), and the text again as Han bigrams (`gramTerms`), all of it folded before it gets here, so
 * `processTerm` is the identity. Nothing is stored in MiniSearch: documents are known by their position in the
 * corpus (`idField` is that number) and the engine keeps the passages itself.
 *
 * A query is one `search()` over the engine's planned terms (already tokenised, each with its weight as
 * `boostTerm`), OR-combined, no prefix or fuzzy matching (edit distance means nothing on two-character Han words).
 */
import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import { gramTerms, wordTerms } from './analyze.js';

/** The indexed fields, in MiniSearch's order. `grams` holds the same folded text as `text`, cut into bigrams. */
export const INDEX_FIELDS = ['title', 'section', 'text', 'grams'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** A passage as handed to the index: its fields already folded (NFKC, simplified, lower case); '' when absent. */
export interface IndexDocument {
  title: string;
  section: string;
  text: string;
}

/** What MiniSearch indexes: the folded fields and the passage's position in the corpus. */
interface StoredDocument extends IndexDocument {
  i: number;
  grams: string;
}

/** A query term to search: its weight (MiniSearch's `boostTerm`), and a bit (0–63) recording a match, or -1 for none. */
export interface WeightedTerm {
  term: string;
  weight: number;
  bit: number;
}

/**
 * Receives each matching passage once: its position, BM25 score, the bits (0–31, 32–63) of the terms it matched in
 * any field, and the bits of those it matched in its body (`text` or `grams`), which decide whether it is a result.
 */
export type MatchVisitor = (index: number, score: number, low: number, high: number, bodyLow: number, bodyHigh: number) => void;

/** Options of {@link createPassageIndex}. */
export interface PassageIndexOptions {
  /** BM25 boost per field; a field with boost 0 (or absent) is not searched. Default title 1, section 1, text 1, grams 1. */
  fieldBoost?: Partial<Record<IndexField, number>>;
  /**
   * Score from MiniSearch's postings directly (same scores, far fewer allocations; see createDirectScorer) rather
   * than through `miniSearch.search`. Default true; false is for the test that compares the two.
   */
  direct?: boolean;
  /**
   * An index saved by {@link PassageIndex.save} for the same documents: loaded instead of segmenting every passage
   * again (the bot's start with a large library). The caller vouches that it was built from these documents.
   */
  saved?: SavedPassageIndex;
}

/** A built index as plain data (JSON-serialisable): MiniSearch's own serialisation and the term frequencies. */
export interface SavedPassageIndex {
  miniSearch: AsPlainObject;
  frequency: [string, number][];
}

export interface PassageIndex {
  /** Passages indexed. */
  readonly size: number;
  /** The MiniSearch instance (read-only use: tests and diagnostics). */
  readonly miniSearch: MiniSearch<StoredDocument>;
  /** True when any field of any passage holds the term. */
  has(term: string): boolean;
  /** Passages whose text holds the term (a word in `text`, or a prefixed bigram in `grams`); 0 for heading-only terms. */
  textFrequency(term: string): number;
  /** Every indexed term with its text frequency (words and prefixed bigrams; heading-only terms count 0). */
  terms(): IterableIterator<[string, number]>;
  /** The built index as plain data, to load again with `saved`. */
  save(): SavedPassageIndex;
  /**
   * Searches the terms (OR; terms repeated or weighing 0 are searched once or not at all) and calls `visit` once per
   * matching passage, in no particular order; returns the number of passages matched. Not re-entrant: `visit` must
   * not search this index again.
   */
  search(terms: readonly WeightedTerm[], visit: MatchVisitor): number;
}

/**
 * Separates the planned terms in the query string. Index terms never contain it (jieba cuts at control characters
 * and indexes only tokens with letters or digits); a term that did would not be searched rather than split.
 */
const SEP = '\u0000';
const splitTerms = (query: string): string[] => query.split(SEP);
const identity = (term: string): string => term;

/**
 * Indexes the documents (position in the array = passage index). Term frequencies for {@link PassageIndex.has} and
 * {@link PassageIndex.textFrequency} are counted in a Map as MiniSearch tokenises: MiniSearch has no public lookup of
 * a term's document count, and a search per lookup would cost more than the query itself.
 */
export function createPassageIndex(docs: readonly IndexDocument[], options: PassageIndexOptions = {}): PassageIndex {
  const fieldBoost: Record<IndexField, number> = { title: 1, section: 1, text: 1, grams: 1, ...options.fieldBoost };
  const frequency = new Map<string, number>();
  // Titles and sections repeat across an article's passages: cut each distinct one once.
  const headingCache = new Map<string, string[]>();
  let building = true;

  const tokenize = (text: string, fieldName?: string): string[] => {
    if (fieldName === 'title' || fieldName === 'section') {
      let tokens = headingCache.get(text);
      if (tokens === undefined) {
        tokens = wordTerms(text);
        headingCache.set(text, tokens);
      }
      if (building) for (const t of tokens) if (!frequency.has(t)) frequency.set(t, 0);
      return tokens;
    }
    const tokens = fieldName === 'grams' ? gramTerms(text) : wordTerms(text);
    if (building) for (const t of new Set(tokens)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    return tokens;
  };

  const miniSearchOptions = {
    idField: 'i',
    fields: [...INDEX_FIELDS],
    storeFields: [],
    tokenize,
    processTerm: identity,
  };
  let miniSearch: MiniSearch<StoredDocument>;
  if (options.saved) {
    miniSearch = MiniSearch.loadJS<StoredDocument>(options.saved.miniSearch, miniSearchOptions);
    for (const [term, n] of options.saved.frequency) frequency.set(term, n);
  } else {
    miniSearch = new MiniSearch<StoredDocument>(miniSearchOptions);
    // '' rather than a missing field: MiniSearch skips a missing field when averaging field lengths, and an empty
    // section should count as a heading of length 0, not be left out of the average.
    miniSearch.addAll(docs.map((d, i) => ({ i, title: d.title, section: d.section, text: d.text, grams: d.text })));
  }
  building = false;
  headingCache.clear();

  // The current query's terms and visitor, read by boostTerm and filter; the option object is built once.
  const current = new Map<string, WeightedTerm>();
  const noVisitor: MatchVisitor = () => undefined;
  let visitor = noVisitor;
  let matched = 0;
  const searched = INDEX_FIELDS.filter((f) => (fieldBoost[f] ?? 0) > 0);
  const searchOptions: SearchOptions = {
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
    // MiniSearch replaces a boost of 0 with 1, so fields not to be searched are left out of `fields` instead.
    fields: searched,
    boost: Object.fromEntries(searched.map((f) => [f, fieldBoost[f]])),
    tokenize: splitTerms,
    processTerm: identity,
    boostTerm: (term) => current.get(term)?.weight ?? 0,
    // Each result is handed to the engine here and then dropped: the engine ranks by its own final score, so
    // MiniSearch need not collect and sort thousands of results it would only throw away.
    filter: (r) => {
      let low = 0;
      let high = 0;
      let bodyLow = 0;
      let bodyHigh = 0;
      for (const q of r.queryTerms) {
        const bit = current.get(q)?.bit ?? -1;
        if (bit < 0 || bit >= 64) continue;
        // A heading-only match scores but is not body evidence: the page title of an article is no part of its text.
        const fields = r.match[q];
        const body = fields !== undefined && (fields.includes('text') || fields.includes('grams'));
        if (bit < 32) {
          const m = 1 << bit;
          low = (low | m) >>> 0;
          if (body) bodyLow = (bodyLow | m) >>> 0;
        } else {
          const m = 1 << (bit - 32);
          high = (high | m) >>> 0;
          if (body) bodyHigh = (bodyHigh | m) >>> 0;
        }
      }
      matched++;
      // MiniSearch multiplies each score by the number of query terms the document matched ("quality"). The
      // engine's coverage factor already rewards matching more of the query, by concept rather than by term
      // (a concept's head, parts, bigrams and related terms are several terms but one concept), so the factor
      // is divided back out: the score passed on is the plain weighted BM25 sum.
      visitor(r.id as number, r.score / (r.queryTerms.length || 1), low, high, bodyLow, bodyHigh);
      return false;
    },
  };

  const direct = createDirectScorer(miniSearch, searched, fieldBoost, docs.length);

  return {
    size: docs.length,
    miniSearch,
    has: (term) => frequency.has(term),
    textFrequency: (term) => frequency.get(term) ?? 0,
    terms: () => frequency.entries(),
    save: () => ({ miniSearch: miniSearch.toJSON(), frequency: [...frequency] }),
    search(terms, visit) {
      current.clear();
      for (const t of terms) {
        if (t.weight > 0 && t.term.length > 0 && !t.term.includes(SEP) && !current.has(t.term)) current.set(t.term, t);
      }
      if (current.size === 0) return 0;
      if (direct && options.direct !== false) return direct.search([...current.values()], visit);
      visitor = visit;
      matched = 0;
      try {
        miniSearch.search([...current.keys()].join(SEP), searchOptions);
      } finally {
        visitor = noVisitor;
      }
      return matched;
    },
  };
}

/** The parts of MiniSearch 7 the direct scorer reads (private fields; checked at start, else not used). */
interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
}

function internalsOf(ms: MiniSearch<StoredDocument>): MiniSearchInternals | undefined {
  const m = ms as unknown as Partial<MiniSearchInternals>;
  const ok =
    typeof m._index?.get === 'function' &&
    m._fieldIds !== undefined &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._documentCount === 'number' &&
    m._documentIds instanceof Map;
  return ok ? (m as MiniSearchInternals) : undefined;
}

/**
 * Scores straight from MiniSearch's own postings, with MiniSearch's BM25 (its defaults k 1.2, b 0.7, d 0.5), the same
 * field boosts and term weights, summed in the same order, so the scores equal those of `miniSearch.search` (a test
 * compares the two). What it saves is MiniSearch's allocation of a result object, a term array and a match object per
 * (term, field, passage) and the merge of one Map per term: the cost that made common words slow at 100× the corpus.
 * Per-passage sums and bits live in typed arrays stamped per query.
 */
function createDirectScorer(
  ms: MiniSearch<StoredDocument>,
  fields: readonly IndexField[],
  fieldBoost: Record<IndexField, number>,
  size: number,
): { search(terms: readonly WeightedTerm[], visit: MatchVisitor): number } | undefined {
  const m = internalsOf(ms);
  if (!m) return undefined;
  const fieldIds = fields.map((f) => m._fieldIds[f]);
  if (fieldIds.some((id) => typeof id !== 'number')) return undefined;
  const isBody = fields.map((f) => f === 'text' || f === 'grams');
  const total = new Float64Array(size);
  const low = new Uint32Array(size);
  const high = new Uint32Array(size);
  const bodyLow = new Uint32Array(size);
  const bodyHigh = new Uint32Array(size);
  const stamp = new Uint32Array(size);
  const termScore = new Float64Array(size);
  const termStamp = new Uint32Array(size);
  let query = 0;
  let termNo = 0;
  // MiniSearch's short document ids → passage positions, and field lengths by short id, read once per index state
  // (rebuilt if documents were added or removed since).
  let builtFor = -1;
  let position = new Int32Array(0);
  let lengths: Float64Array[] = [];
  const refresh = (): void => {
    if (builtFor === m._documentCount) return;
    let maxId = 0;
    for (const id of m._documentIds.keys()) if (id > maxId) maxId = id;
    position = new Int32Array(maxId + 1).fill(-1);
    lengths = fieldIds.map(() => new Float64Array(maxId + 1));
    for (const [id, i] of m._documentIds) {
      if (typeof i === 'number' && i >= 0 && i < size) position[id] = i;
      const fl = m._fieldLength.get(id);
      if (fl) fieldIds.forEach((fieldId, f) => ((lengths[f] as Float64Array)[id] = fl[fieldId as number] ?? 0));
    }
    builtFor = m._documentCount;
  };
  const K = 1.2;
  const B = 0.7;
  const D = 0.5;
  return {
    search(terms, visit) {
      refresh();
      query = query === 0xffffffff ? 1 : query + 1;
      if (query === 1) stamp.fill(0);
      const touched: number[] = [];
      const docCount = m._documentCount;
      for (const t of terms) {
        const data = m._index.get(t.term);
        if (!data) continue;
        termNo = termNo === 0xffffffff ? 1 : termNo + 1;
        if (termNo === 1) termStamp.fill(0);
        const termTouched: number[] = [];
        const bit = t.bit >= 0 && t.bit < 64 ? t.bit : -1;
        const mask = bit < 0 ? 0 : bit < 32 ? (1 << bit) >>> 0 : (1 << (bit - 32)) >>> 0;
        for (let f = 0; f < fields.length; f++) {
          const freqs = data.get(fieldIds[f] as number);
          if (!freqs) continue;
          const fieldId = fieldIds[f] as number;
          const avg = m._avgFieldLength[fieldId] as number;
          const idf = Math.log(1 + (docCount - freqs.size + 0.5) / (freqs.size + 0.5));
          const weight = t.weight * (fieldBoost[fields[f] as IndexField] ?? 1);
          const body = isBody[f] as boolean;
          const fieldLengths = lengths[f] as Float64Array;
          // forEach rather than for…of: no [key, value] array per posting.
          freqs.forEach((tf, docId) => {
            const i = docId < position.length ? (position[docId] as number) : -1;
            if (i < 0) return;
            const fieldLength = fieldLengths[docId] as number;
            const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLength) / avg)));
            if (termStamp[i] !== termNo) {
              termStamp[i] = termNo;
              termScore[i] = weight * raw;
              termTouched.push(i);
            } else {
              termScore[i] = (termScore[i] as number) + weight * raw;
            }
            if (stamp[i] !== query) {
              stamp[i] = query;
              total[i] = 0;
              low[i] = 0;
              high[i] = 0;
              bodyLow[i] = 0;
              bodyHigh[i] = 0;
              touched.push(i);
            }
            if (bit >= 0 && bit < 32) {
              low[i] = ((low[i] as number) | mask) >>> 0;
              if (body) bodyLow[i] = ((bodyLow[i] as number) | mask) >>> 0;
            } else if (bit >= 32) {
              high[i] = ((high[i] as number) | mask) >>> 0;
              if (body) bodyHigh[i] = ((bodyHigh[i] as number) | mask) >>> 0;
            }
          });
        }
        // One term's score is summed over its fields first, then added to the passage's total, as MiniSearch's OR does.
        for (const i of termTouched) total[i] = (total[i] as number) + (termScore[i] as number);
      }
      for (const i of touched) visit(i, total[i] as number, low[i] as number, high[i] as number, bodyLow[i] as number, bodyHigh[i] as number);
      return touched.length;
    },
  };
}
