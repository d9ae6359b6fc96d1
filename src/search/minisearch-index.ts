/**
 * The engine's index: a MiniSearch instance (issue 2) whose tokenizer is the engine's own jieba tokenisation, so
 * passages and queries are segmented by literally the same code. Four fields: title, section and text as jieba
 * words (`wordTerms`), and the text again as Han bigrams (`gramTerms`), all of it folded before it gets here, so
 * `processTerm` is the identity. Nothing is stored in MiniSearch: documents are known by their position in the
 * corpus (`idField` is that number) and the engine keeps the passages itself.
 *
 * A query is one `search()` over the engine's planned terms (already tokenised, each with its weight as
 * `boostTerm`), OR-combined, no prefix or fuzzy matching (edit distance means nothing on two-character Han words).
 *
 * Building: MiniSearch keeps its terms in a radix tree whose nodes find a child by scanning all of them, and a Han
 * index's root has one child per distinct first character (thousands): `addAll` over a 1 000-document library spent
 * 10 s in that scan, once per token. So the index is assembled here in MiniSearch's own layout (term → field →
 * document → term frequency, field lengths, running averages, exactly as `MiniSearch#add` computes them) in plain
 * Maps, scored directly (createDirectScorer), saved packed (SavedPassageIndex: the same data as MiniSearch's own
 * serialisation, read many times faster), and turned into a MiniSearch instance (`loadJS`) only when something asks
 * for one. A test checks the assembled index equals `addAll`'s.
 * Passages' jieba words can be handed in (`tokens`, cached per document by src/library), so an unchanged document
 * is never segmented again.
 */
import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import { gramTerms, wordTerms } from './analyze.js';
import { foldText, foldWithMap } from './normalize.js';
import { runNow, type Steps } from './pace.js';

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
  /**
   * The boost of the title and section for this term, in place of the index's field boosts (round 13: a stand-in for
   * a word the query says, see SearchEngineOptions.standInHeadings; 0: scored in the body only). The direct scorer
   * honours it; MiniSearch's own search, the reference the direct scores are compared with, does not.
   */
  headingBoost?: number;
}

/**
 * Receives each matching passage once: its position, BM25 score, the bits (0–31, 32–63) of the terms it matched in
 * any field, and the bits of those it matched in its body (`text` or `grams`), which decide whether it is a result.
 */
export type MatchVisitor = (index: number, score: number, low: number, high: number, bodyLow: number, bodyHigh: number) => void;

/** A passage's jieba words per field (what {@link tokenizePassage} gives); bigrams are cut from the text when indexed. */
export interface PassageTokens {
  title: readonly string[];
  section: readonly string[];
  text: readonly string[];
}

/** BM25's parameters (PassageIndexOptions.bm25); each defaults to MiniSearch's. */
export interface Bm25Parameters {
  k?: number;
  b?: number;
  d?: number;
}

/** MiniSearch's BM25 defaults. */
export const BM25_DEFAULTS: Readonly<Required<Bm25Parameters>> = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 });

/** Options of {@link createPassageIndex}. */
export interface PassageIndexOptions {
  /** BM25 boost per field; a field with boost 0 (or absent) is not searched. Default title 1, section 1, text 1, grams 1. */
  fieldBoost?: Partial<Record<IndexField, number>>;
  /**
   * BM25's parameters: k (term-frequency saturation), b (length normalisation) and d (BM25+'s lower bound). Default
   * MiniSearch's, k 1.2, b 0.7, d 0.5 (round 18 lifted them from constants into this option to re-fit them).
   */
  bm25?: Bm25Parameters;
  /**
   * Score from the postings directly (same scores, far fewer allocations; see createDirectScorer) rather than through
   * `miniSearch.search` on an index built by MiniSearch's own `addAll`. Default true; false is for the tests that
   * compare the two.
   */
  direct?: boolean;
  /**
   * The documents' words as {@link tokenizePassage} cut them, one entry per document, from an earlier run of the same
   * code: used instead of segmenting the documents again. Ignored when its length differs. Default none.
   */
  tokens?: readonly PassageTokens[];
  /**
   * An index saved by {@link PassageIndex.save} for the same documents: loaded instead of segmenting every passage
   * again (the bot's start with a large library). The caller vouches that it was built from these documents.
   */
  saved?: SavedPassageIndex;
}

/**
 * A built index as plain data (JSON-serialisable): MiniSearch's data (the same terms, postings, field lengths and
 * averages as its serialisation), packed so that a start reads it quickly: term frequencies and passage positions as
 * variable-length integers in base64, not one JSON object per term and field keyed by position. At 1 000 documents
 * MiniSearch's own layout was 20 MB of JSON whose parse and conversion took most of a second of every start.
 */
export interface SavedPassageIndex {
  /** The layout's name and version. */
  packed: typeof PACKED_FORMAT;
  documentCount: number;
  /** Per field, the average length, exactly as MiniSearch's running average gave it. */
  averageFieldLength: number[];
  /** Every term, in the order of `postings`. */
  terms: string[];
  /** Each passage's field lengths, four per passage in field order, as unsigned LEB128 integers, base64. */
  fieldLength: string;
  /**
   * Per term: a bit mask of the fields holding it, then per field present (in field order) the count of passages, the
   * gaps between their ascending positions (the first from 0), and their term frequencies; unsigned LEB128, base64.
   */
  postings: string;
}

/** The name of the packed layout (see SavedPassageIndex): a saved index of another layout is not read. */
export const PACKED_FORMAT = 'leb128-postings-1';

export interface PassageIndex {
  /** Passages indexed. */
  readonly size: number;
  /** A MiniSearch instance holding this index (made on first use: tests and diagnostics). */
  readonly miniSearch: MiniSearch<StoredDocument>;
  /** True when any field of any passage holds the term. */
  has(term: string): boolean;
  /** Passages whose text holds the term (a word in `text`, or a prefixed bigram in `grams`); 0 for heading-only terms. */
  textFrequency(term: string): number;
  /** Every indexed term with its text frequency (words and prefixed bigrams; heading-only terms count 0). */
  terms(): IterableIterator<[string, number]>;
  /** The built index as plain data, to load again with `saved`. */
  save(): SavedPassageIndex;
  /** The index in MiniSearch's own serialisation (`MiniSearch#toJSON`'s layout: for tests and diagnostics). */
  plain(): AsPlainObject;
  /**
   * `JSON.stringify(save())`, in pieces of a term or a thousand passages each: a large index written to a file
   * without building the plain object, nor one string, in one long block (see pace.ts).
   */
  saveJson(): Generator<string, void, void>;
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

/** Field ids as MiniSearch numbers them: in the order of `fields`. */
const FIELD_IDS: Readonly<Record<IndexField, number>> = Object.freeze(
  Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, i])) as Record<IndexField, number>,
);
const TEXT_ID = FIELD_IDS.text;
const GRAMS_ID = FIELD_IDS.grams;

/** A passage as the engine indexes it: title, section and text folded (see normalize.ts). */
export function indexDocumentOf(p: { title: string; section: string | null; text: string }): IndexDocument {
  return { title: p.title ? foldText(p.title) : '', section: p.section ? foldText(p.section) : '', text: foldWithMap(p.text).folded };
}

/** The jieba words of passages, as the index cuts them: what {@link PassageIndexOptions.tokens} takes. */
export function tokenizePassages(passages: readonly { title: string; section: string | null; text: string }[]): PassageTokens[] {
  const headingCache = new Map<string, readonly string[]>();
  return passages.map((p) => tokenizePassage(indexDocumentOf(p), headingCache));
}

/** The jieba words of a document's fields (folded text in, as the index takes it). */
export function tokenizePassage(doc: IndexDocument, headingCache?: Map<string, readonly string[]>): PassageTokens {
  const heading = (text: string): readonly string[] => {
    if (!headingCache) return wordTerms(text);
    let tokens = headingCache.get(text);
    if (tokens === undefined) {
      tokens = wordTerms(text);
      headingCache.set(text, tokens);
    }
    return tokens;
  };
  return { title: heading(doc.title), section: heading(doc.section), text: wordTerms(doc.text) };
}

/** One term's postings in one field: passage positions, ascending, and the term's frequency in each. */
interface FieldPostings {
  /** number[] while assembling; views into one Int32Array when loaded from a saved index. */
  ids: number[] | Int32Array;
  tfs: number[] | Int32Array;
}

/**
 * The index: MiniSearch's data (short document id = the passage's position), with each term's postings per field as
 * two arrays rather than a Map: appended in order while assembling, and scanned without a Map iterator per query.
 */
interface IndexState {
  /** Term → field id → postings (undefined where the field lacks the term). */
  postings: Map<string, (FieldPostings | undefined)[]>;
  /** Per short id, each field's length (distinct terms, as MiniSearch counts it). */
  fieldLength: number[][];
  avgFieldLength: number[];
  documentCount: number;
}

/**
 * Assembles the index as MiniSearch's `add` would, one document after another, from each document's tokens; may
 * pause after each document (see pace.ts).
 */
function* assemble(docs: readonly IndexDocument[], tokensOf: (i: number) => PassageTokens): Steps<IndexState> {
  const postings: IndexState['postings'] = new Map();
  const fieldLength: number[][] = [];
  const avgFieldLength: number[] = INDEX_FIELDS.map(() => 0);
  const addField = (shortId: number, fieldId: number, tokens: readonly string[]): void => {
    // Distinct terms (MiniSearch's field length), counted as postings are opened for this document.
    let unique = 0;
    for (const term of tokens) {
      let byField = postings.get(term);
      if (byField === undefined) {
        byField = [];
        postings.set(term, byField);
      }
      // Assembled postings are arrays (only a loaded index has typed arrays).
      const list = byField[fieldId] as { ids: number[]; tfs: number[] } | undefined;
      if (list === undefined) {
        byField[fieldId] = { ids: [shortId], tfs: [1] };
        unique++;
      } else if (list.ids[list.ids.length - 1] === shortId) list.tfs[list.tfs.length - 1] = (list.tfs[list.tfs.length - 1] as number) + 1;
      else {
        list.ids.push(shortId);
        list.tfs.push(1);
        unique++;
      }
    }
    (fieldLength[shortId] as number[])[fieldId] = unique;
    // MiniSearch's running average, the same operations in the same order, so that scores are identical.
    const avg = avgFieldLength[fieldId] || 0;
    avgFieldLength[fieldId] = (avg * shortId + unique) / (shortId + 1);
  };
  for (let i = 0; i < docs.length; i++) {
    const tokens = tokensOf(i);
    fieldLength.push([]);
    addField(i, FIELD_IDS.title, tokens.title);
    addField(i, FIELD_IDS.section, tokens.section);
    addField(i, TEXT_ID, tokens.text);
    addField(i, GRAMS_ID, gramTerms((docs[i] as IndexDocument).text));
    yield;
  }
  return { postings, fieldLength, avgFieldLength, documentCount: docs.length };
}

/** MiniSearch's serialisation of the state (`MiniSearch#toJSON`'s layout, version 2). */
function toPlain(state: IndexState): AsPlainObject {
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  state.fieldLength.forEach((lengths, i) => {
    documentIds[i] = i;
    fieldLength[i] = lengths;
  });
  const index: AsPlainObject['index'] = [];
  for (const [term, byField] of state.postings) {
    const data: Record<string, Record<string, number>> = {};
    byField.forEach((list, fieldId) => {
      if (!list) return;
      const freqs: Record<string, number> = {};
      list.ids.forEach((id, k) => (freqs[id] = list.tfs[k] as number));
      data[fieldId] = freqs;
    });
    index.push([term, data]);
  }
  return {
    documentCount: state.documentCount,
    nextId: state.documentCount,
    documentIds,
    fieldIds: { ...FIELD_IDS },
    fieldLength,
    averageFieldLength: [...state.avgFieldLength],
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

/** Appends unsigned LEB128 integers to a growing byte buffer. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  put(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
  /** The first `n` bytes as base64, dropped from the buffer (n a multiple of 3, so pieces join to one base64). */
  take(n: number): string {
    const out = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, n).toString('base64');
    this.bytes.copyWithin(0, n, this.length);
    this.length -= n;
    return out;
  }
}

/** Bytes of base64 per piece of {@link packedJson} (a multiple of 3). */
const PIECE_BYTES = 3 * 4096;

/**
 * A packed field of SavedPassageIndex as JSON string pieces: `write` is called once per item and may put integers;
 * the base64 is yielded a piece at a time, so that a large index is written without one long block.
 */
function* base64Pieces<T>(items: Iterable<T>, write: (out: ByteWriter, item: T) => void): Generator<string, void, void> {
  const out = new ByteWriter();
  yield '"';
  for (const item of items) {
    write(out, item);
    if (out.length >= PIECE_BYTES) yield out.take(PIECE_BYTES);
  }
  yield `${out.take(out.length)}"`;
}

const writeFieldLengths = (out: ByteWriter, lengths: readonly number[]): void => {
  for (let f = 0; f < INDEX_FIELDS.length; f++) out.put(lengths[f] ?? 0);
};

const writePostings = (out: ByteWriter, byField: readonly (FieldPostings | undefined)[]): void => {
  let mask = 0;
  for (let f = 0; f < INDEX_FIELDS.length; f++) if (byField[f]) mask |= 1 << f;
  out.put(mask);
  for (let f = 0; f < INDEX_FIELDS.length; f++) {
    const list = byField[f];
    if (!list) continue;
    const { ids, tfs } = list;
    out.put(ids.length);
    let prev = 0;
    for (let k = 0; k < ids.length; k++) {
      out.put((ids[k] as number) - prev);
      prev = ids[k] as number;
    }
    for (let k = 0; k < tfs.length; k++) out.put(tfs[k] as number);
  }
};

/** `JSON.stringify(save())` of the packed layout (SavedPassageIndex), in pieces (a test checks they join to the same text). */
function* packedJson(state: IndexState): Generator<string, void, void> {
  yield `{"packed":${JSON.stringify(PACKED_FORMAT)},"documentCount":${state.documentCount},"averageFieldLength":${JSON.stringify(state.avgFieldLength)},"terms":[`;
  let first = true;
  for (const term of state.postings.keys()) {
    yield (first ? '' : ',') + JSON.stringify(term);
    first = false;
  }
  yield '],"fieldLength":';
  yield* base64Pieces(state.fieldLength, writeFieldLengths);
  yield ',"postings":';
  yield* base64Pieces(state.postings.values(), writePostings);
  yield '}';
}

/** Reads the packed layout back; undefined when it is not one this code wrote. */
function fromPacked(saved: SavedPassageIndex, size: number): IndexState | undefined {
  if (saved.packed !== PACKED_FORMAT || saved.documentCount !== size || !Array.isArray(saved.terms)) return undefined;
  if (!Array.isArray(saved.averageFieldLength) || saved.averageFieldLength.length !== INDEX_FIELDS.length) return undefined;
  const read = (base64: string): { next(): number; done(): boolean } => {
    const bytes = Buffer.from(base64, 'base64');
    let at = 0;
    return {
      next(): number {
        let value = 0;
        let shift = 0;
        for (;;) {
          if (at >= bytes.length) throw new RangeError('saved index truncated');
          const b = bytes[at++] as number;
          value += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) return value;
          shift += 7;
        }
      },
      done: () => at === bytes.length,
    };
  };
  try {
    const lengths = read(saved.fieldLength);
    const fieldLength: number[][] = [];
    for (let i = 0; i < size; i++) {
      const row: number[] = [];
      for (let f = 0; f < INDEX_FIELDS.length; f++) row.push(lengths.next());
      fieldLength.push(row);
    }
    if (!lengths.done()) return undefined;
    const data = read(saved.postings);
    // One array for every term's positions and frequencies: each field's postings are views into it.
    const values: number[] = [];
    const layout: [term: string, field: number, from: number, count: number][] = [];
    for (const term of saved.terms) {
      const mask = data.next();
      for (let f = 0; f < INDEX_FIELDS.length; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const count = data.next();
        const from = values.length;
        let id = 0;
        for (let k = 0; k < count; k++) values.push((id += data.next()));
        for (let k = 0; k < count; k++) values.push(data.next());
        layout.push([term, f, from, count]);
      }
    }
    if (!data.done()) return undefined;
    const all = Int32Array.from(values);
    const postings: IndexState['postings'] = new Map();
    for (const [term, f, from, count] of layout) {
      let byField = postings.get(term);
      if (byField === undefined) {
        byField = [];
        postings.set(term, byField);
      }
      byField[f] = { ids: all.subarray(from, from + count), tfs: all.subarray(from + count, from + 2 * count) };
    }
    if (postings.size !== saved.terms.length) return undefined;
    return { postings, fieldLength, avgFieldLength: [...saved.averageFieldLength], documentCount: size };
  } catch {
    return undefined;
  }
}

/** Reads a saved index back; undefined when it is not one this code wrote (other fields, ids not positions). */
function fromPlain(plain: AsPlainObject, size: number): IndexState | undefined {
  const sameFields = INDEX_FIELDS.every((f) => plain.fieldIds?.[f] === FIELD_IDS[f]);
  if (!sameFields || plain.documentCount !== size || plain.serializationVersion !== 2 || !Array.isArray(plain.index)) return undefined;
  const fieldLength: number[][] = [];
  for (let i = 0; i < size; i++) {
    const lengths = plain.fieldLength[i];
    if (!Array.isArray(lengths) || plain.documentIds[i] !== i) return undefined;
    fieldLength.push(lengths);
  }
  const postings: IndexState['postings'] = new Map();
  for (const [term, data] of plain.index) {
    const byField: (FieldPostings | undefined)[] = [];
    for (const fieldId of Object.keys(data)) {
      const entry = data[fieldId] as Record<string, number>;
      // Integer keys enumerate in ascending order.
      const ids = Object.keys(entry).map(Number);
      byField[Number(fieldId)] = { ids, tfs: ids.map((id) => entry[id] as number) };
    }
    postings.set(term, byField);
  }
  return { postings, fieldLength, avgFieldLength: [...plain.averageFieldLength], documentCount: size };
}

/**
 * Indexes the documents (position in the array = passage index). See the module comment for why the postings are
 * assembled here rather than by `MiniSearch#addAll`.
 */
export function createPassageIndex(docs: readonly IndexDocument[], options: PassageIndexOptions = {}): PassageIndex {
  return runNow(passageIndexSteps(docs, options));
}

/** {@link createPassageIndex} as steps that may pause after each document assembled (the live reload, see pace.ts). */
export function* passageIndexSteps(docs: readonly IndexDocument[], options: PassageIndexOptions = {}): Steps<PassageIndex> {
  const fieldBoost: Record<IndexField, number> = { title: 1, section: 1, text: 1, grams: 1, ...options.fieldBoost };
  const searched = INDEX_FIELDS.filter((f) => (fieldBoost[f] ?? 0) > 0);
  const bm25: Required<Bm25Parameters> = { ...BM25_DEFAULTS, ...options.bm25 };
  const miniSearchOptions = {
    idField: 'i',
    fields: [...INDEX_FIELDS],
    storeFields: [],
    tokenize: (text: string, fieldName?: string): string[] => (fieldName === 'grams' ? gramTerms(text) : wordTerms(text)),
    processTerm: identity,
  };

  let state: IndexState | undefined;
  let miniSearch: MiniSearch<StoredDocument> | undefined;
  if (options.direct === false) {
    // MiniSearch's own build, searched through miniSearch.search: what the direct path is compared with.
    miniSearch = new MiniSearch<StoredDocument>(miniSearchOptions);
    // '' rather than a missing field: MiniSearch skips a missing field when averaging field lengths, and an empty
    // section should count as a heading of length 0, not be left out of the average.
    miniSearch.addAll(docs.map((d, i) => ({ i, title: d.title, section: d.section, text: d.text, grams: d.text })));
    state = fromPlain(miniSearch.toJSON(), docs.length);
  } else {
    if (options.saved) state = fromPacked(options.saved, docs.length);
    if (!state) {
      const given = options.tokens && options.tokens.length === docs.length ? options.tokens : undefined;
      // Titles and sections repeat across an article's passages: cut each distinct one once.
      const headingCache = new Map<string, readonly string[]>();
      state = yield* assemble(docs, (i) => given?.[i] ?? tokenizePassage(docs[i] as IndexDocument, headingCache));
    }
  }
  const built = state as IndexState;
  const { postings } = built;
  const textFrequency = (term: string): number => {
    const byField = postings.get(term);
    if (byField === undefined) return 0;
    return (byField[TEXT_ID]?.ids.length ?? 0) + (byField[GRAMS_ID]?.ids.length ?? 0);
  };

  // The current query's terms and visitor, read by boostTerm and filter; the option object is built once.
  const current = new Map<string, WeightedTerm>();
  const noVisitor: MatchVisitor = () => undefined;
  let visitor = noVisitor;
  let matched = 0;
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
    bm25,
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

  const direct = options.direct === false ? undefined : createDirectScorer(built, searched, fieldBoost, bm25);
  const getMiniSearch = (): MiniSearch<StoredDocument> => {
    miniSearch ??= MiniSearch.loadJS<StoredDocument>(toPlain(built), miniSearchOptions);
    return miniSearch;
  };

  return {
    size: docs.length,
    get miniSearch() {
      return getMiniSearch();
    },
    has: (term) => postings.has(term),
    textFrequency,
    *terms() {
      for (const term of postings.keys()) yield [term, textFrequency(term)];
    },
    save: () => JSON.parse([...packedJson(built)].join('')) as SavedPassageIndex,
    saveJson: () => packedJson(built),
    plain: () => toPlain(built),
    search(terms, visit) {
      current.clear();
      for (const t of terms) {
        if (t.weight > 0 && t.term.length > 0 && !t.term.includes(SEP) && !current.has(t.term)) current.set(t.term, t);
      }
      if (current.size === 0) return 0;
      if (direct) return direct.search([...current.values()], visit);
      visitor = visit;
      matched = 0;
      try {
        getMiniSearch().search([...current.keys()].join(SEP), searchOptions);
      } finally {
        visitor = noVisitor;
      }
      return matched;
    },
  };
}

/**
 * Scores straight from the postings, with MiniSearch's BM25 (the parameters given, by default its own), the same field
 * boosts and term weights, summed in the same order, so the scores equal those of `miniSearch.search` (a test
 * compares the two). What it saves is MiniSearch's allocation of a result object, a term array and a match object per
 * (term, field, passage), the merge of one Map per term, and its radix-tree lookup of each term (a scan of thousands
 * of children at a Han index's root): the cost that made common words slow at 100× the corpus.
 * Per-passage sums and bits live in typed arrays stamped per query.
 */
function createDirectScorer(
  state: IndexState,
  fields: readonly IndexField[],
  fieldBoost: Record<IndexField, number>,
  bm25: Required<Bm25Parameters>,
): { search(terms: readonly WeightedTerm[], visit: MatchVisitor): number } {
  const size = state.documentCount;
  const fieldIds = fields.map((f) => FIELD_IDS[f]);
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
  // The passages the current query and term have touched, in reusable buffers rather than arrays grown per query.
  const touched = new Int32Array(size);
  const termTouched = new Int32Array(size);
  const K = bm25.k;
  const B = bm25.b;
  const D = bm25.d;
  // Per searched field and passage, BM25's length normalisation K · (1 − B + B · length / average), computed once
  // here rather than per posting per query: the same operations in the same order, so the same bits (a test checks
  // the scores against MiniSearch's). Eight bytes per passage and field.
  const norms = fieldIds.map((fieldId) => {
    const avg = state.avgFieldLength[fieldId] as number;
    return Float64Array.from(state.fieldLength, (l) => K * (1 - B + (B * (l[fieldId] ?? 0)) / avg));
  });
  return {
    search(terms, visit) {
      query = query === 0xffffffff ? 1 : query + 1;
      if (query === 1) stamp.fill(0);
      let touchedCount = 0;
      const docCount = state.documentCount;
      for (const t of terms) {
        const data = state.postings.get(t.term);
        if (!data) continue;
        termNo = termNo === 0xffffffff ? 1 : termNo + 1;
        if (termNo === 1) termStamp.fill(0);
        let termCount = 0;
        const bit = t.bit >= 0 && t.bit < 64 ? t.bit : -1;
        const mask = bit < 0 ? 0 : bit < 32 ? (1 << bit) >>> 0 : (1 << (bit - 32)) >>> 0;
        for (let f = 0; f < fields.length; f++) {
          const fieldId = fieldIds[f] as number;
          const list = data[fieldId];
          const heading = t.headingBoost !== undefined && !(isBody[f] as boolean);
          if (!list || (heading && t.headingBoost === 0)) continue;
          const { ids, tfs } = list;
          const idf = Math.log(1 + (docCount - ids.length + 0.5) / (ids.length + 0.5));
          const weight = t.weight * (heading ? (t.headingBoost as number) : (fieldBoost[fields[f] as IndexField] ?? 1));
          const body = isBody[f] as boolean;
          const norm = norms[f] as Float64Array;
          for (let k = 0; k < ids.length; k++) {
            const i = ids[k] as number;
            const tf = tfs[k] as number;
            const raw = idf * (D + (tf * (K + 1)) / (tf + (norm[i] as number)));
            if (termStamp[i] !== termNo) {
              termStamp[i] = termNo;
              termScore[i] = weight * raw;
              termTouched[termCount++] = i;
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
              touched[touchedCount++] = i;
            }
            if (bit >= 0 && bit < 32) {
              low[i] = ((low[i] as number) | mask) >>> 0;
              if (body) bodyLow[i] = ((bodyLow[i] as number) | mask) >>> 0;
            } else if (bit >= 32) {
              high[i] = ((high[i] as number) | mask) >>> 0;
              if (body) bodyHigh[i] = ((bodyHigh[i] as number) | mask) >>> 0;
            }
          }
        }
        // One term's score is summed over its fields first, then added to the passage's total, as MiniSearch's OR does.
        for (let k = 0; k < termCount; k++) {
          const i = termTouched[k] as number;
          total[i] = (total[i] as number) + (termScore[i] as number);
        }
      }
      for (let k = 0; k < touchedCount; k++) {
        const i = touched[k] as number;
        visit(i, total[i] as number, low[i] as number, high[i] as number, bodyLow[i] as number, bodyHigh[i] as number);
      }
      return touchedCount;
    },
  };
}
