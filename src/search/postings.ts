/**
 * The inverted index behind the engine: per term and field, typed arrays of documents and term frequencies, scored
 * with BM25 exactly as MiniSearch scores (same formula, parameters, field-length convention and field boosts;
 * test/search/postings.test.ts checks the scores agree with MiniSearch's on the real corpus).
 *
 * Why not MiniSearch itself: its search() allocates several objects per matching (term, document) pair and its
 * radix tree scans children linearly (thousands of first characters in Chinese). At 100× the corpus one common term
 * such as 乡村 cost ~9 ms, and building took ~10 s; this index answers the whole query in under a millisecond there
 * and builds the 1× corpus in a few milliseconds. It also records which query terms each document matched, which the
 * engine's coverage factor needs and MiniSearch only reports as strings.
 */
/** MiniSearch's BM25 parameters (its defaults). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

interface FieldPostings {
  field: number;
  /** Position in the corpus of each document containing the term. */
  docs: Int32Array;
  /** The term's frequency in that document's field. */
  tfs: Float32Array;
}

export interface CompiledIndex {
  /** Documents indexed. */
  size: number;
  fieldNames: readonly string[];
  /** Per field: the length MiniSearch recorded for each document (its distinct term count). */
  fieldLength: readonly Float32Array[];
  averageFieldLength: readonly number[];
  postings: ReadonlyMap<string, readonly FieldPostings[]>;
}

/** A query term to score: its weight, and a bit (0–63) recording a match in `matched`, or -1 for none. */
export interface WeightedTerm {
  term: string;
  weight: number;
  bit: number;
}

/** Scores of one query: only `touched` documents have non-zero entries (the arrays are reused between queries). */
export interface TermScores {
  touched: Int32Array;
  count: number;
  scores: Float64Array;
  /** Bits 0–31 and 32–63 of the terms each document matched. */
  low: Uint32Array;
  high: Uint32Array;
}

/**
 * Builds the index. `docs[i][f]` are the tokens of field `fieldNames[f]` of document i. As in MiniSearch, a field's
 * length is its number of distinct terms, and the average is taken over all documents (empty fields count as 0).
 */
export function buildIndex(fieldNames: readonly string[], docs: readonly (readonly (readonly string[])[])[]): CompiledIndex {
  const size = docs.length;
  const fieldCount = fieldNames.length;
  const fieldLength = fieldNames.map(() => new Float32Array(size));
  const totals = new Float64Array(fieldCount);
  // Terms are interned to ids; postings grow in plain arrays, one pair per (term, field), then become typed arrays.
  const termIds = new Map<string, number>();
  const listDocs: number[][] = [];
  const listTfs: number[][] = [];
  const counts = new Map<number, number>();
  for (let doc = 0; doc < size; doc++) {
    const fields = docs[doc] as readonly (readonly string[])[];
    for (let f = 0; f < fieldCount; f++) {
      counts.clear();
      for (const term of fields[f] ?? []) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
        }
        const slot = id * fieldCount + f;
        counts.set(slot, (counts.get(slot) ?? 0) + 1);
      }
      (fieldLength[f] as Float32Array)[doc] = counts.size;
      totals[f] = (totals[f] as number) + counts.size;
      for (const [slot, count] of counts) {
        let d = listDocs[slot];
        if (!d) {
          d = [];
          listDocs[slot] = d;
          listTfs[slot] = [];
        }
        d.push(doc);
        (listTfs[slot] as number[]).push(count);
      }
    }
  }
  const postings = new Map<string, FieldPostings[]>();
  for (const [term, id] of termIds) {
    const lists: FieldPostings[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const d = listDocs[id * fieldCount + f];
      if (d) lists.push({ field: f, docs: Int32Array.from(d), tfs: Float32Array.from(listTfs[id * fieldCount + f] as number[]) });
    }
    postings.set(term, lists);
  }
  const averageFieldLength = Array.from(totals, (t) => (size > 0 ? t / size : 0));
  return { size, fieldNames, fieldLength, averageFieldLength, postings };
}

/** Reusable score buffers for an index of `size` documents. */
export function createScoreBuffers(size: number): TermScores {
  return {
    touched: new Int32Array(size),
    count: 0,
    scores: new Float64Array(size),
    low: new Uint32Array(size),
    high: new Uint32Array(size),
  };
}

/** Clears the entries the previous query touched. */
function reset(buf: TermScores): void {
  for (let i = 0; i < buf.count; i++) {
    const d = buf.touched[i] as number;
    buf.scores[d] = 0;
    buf.low[d] = 0;
    buf.high[d] = 0;
  }
  buf.count = 0;
}

/**
 * BM25 over the given terms, summed per document (OR semantics), exactly as MiniSearch computes it:
 * weight × fieldBoost × idf × (d + tf(k+1) / (tf + k(1 − b + b·len/avgLen))), idf = ln(1 + (N − n + ½)/(n + ½)),
 * with n the documents containing the term in that field. Fields missing from `fieldBoost` are not searched.
 */
export function scoreTerms(
  index: CompiledIndex,
  terms: readonly WeightedTerm[],
  fieldBoost: Readonly<Record<string, number>>,
  buf: TermScores,
): TermScores {
  reset(buf);
  const { k, b, d } = BM25;
  const n = index.size;
  const boosts = index.fieldNames.map((name) => fieldBoost[name] ?? 0);
  for (const { term, weight, bit } of terms) {
    const lists = index.postings.get(term);
    if (!lists || weight === 0) continue;
    const lowBit = bit >= 0 && bit < 32 ? 1 << bit : 0;
    const highBit = bit >= 32 && bit < 64 ? 1 << (bit - 32) : 0;
    for (const { field, docs, tfs } of lists) {
      const boost = boosts[field] ?? 0;
      if (boost === 0) continue;
      const matching = docs.length;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const lengths = index.fieldLength[field] as Float32Array;
      const avg = index.averageFieldLength[field] ?? 1;
      const scale = weight * boost * idf;
      for (let i = 0; i < matching; i++) {
        const doc = docs[i] as number;
        const tf = tfs[i] as number;
        const norm = k * (1 - b + (b * (lengths[doc] as number)) / avg);
        if (buf.scores[doc] === 0) buf.touched[buf.count++] = doc;
        buf.scores[doc] = (buf.scores[doc] as number) + scale * (d + (tf * (k + 1)) / (tf + norm));
        if (lowBit) buf.low[doc] = ((buf.low[doc] as number) | lowBit) >>> 0;
        if (highBit) buf.high[doc] = ((buf.high[doc] as number) | highBit) >>> 0;
      }
    }
  }
  return buf;
}
