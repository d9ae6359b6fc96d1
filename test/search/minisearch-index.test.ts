import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { GRAM_PREFIX, gramTerms, wordTerms } from '../../src/search/analyze.js';
import { createSearchEngine } from '../../src/search/index.js';
import { createPassageIndex, tokenizePassage, type IndexDocument, type PassageIndexOptions, type WeightedTerm } from '../../src/search/minisearch-index.js';
import { foldText } from '../../src/search/normalize.js';
import { EVAL_SETS, readEvalQueries } from '../../bench/eval.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

interface Match {
  score: number;
  low: number;
  high: number;
  bodyLow: number;
  bodyHigh: number;
}

/** Runs a search and collects every visited passage by position. */
function run(docs: readonly IndexDocument[], terms: readonly WeightedTerm[], options?: PassageIndexOptions): Map<number, Match> {
  const index = createPassageIndex(docs, options);
  const out = new Map<number, Match>();
  const count = index.search(terms, (i, score, low, high, bodyLow, bodyHigh) => {
    expect(out.has(i)).toBe(false);
    out.set(i, { score, low, high, bodyLow, bodyHigh });
  });
  expect(count).toBe(out.size);
  return out;
}

const doc = (text: string, section = '', title = ''): IndexDocument => ({ title, section, text });
const term = (t: string, weight = 1, bit = 0): WeightedTerm => ({ term: t, weight, bit });
const scoreOf = (m: Map<number, Match>, i: number): number => {
  const hit = m.get(i);
  if (!hit) throw new Error(`passage ${i} not matched`);
  return hit.score;
};

describe('createPassageIndex over the real corpus', () => {
  const passages = getSharedCorpus().passages;
  const docs = passages.map((p) => doc(foldText(p.text), foldText(p.section ?? ''), foldText(p.title)));
  const index = createPassageIndex(docs, { fieldBoost: { title: 1.5, section: 2, text: 1, grams: 1 } });
  const visit = (terms: WeightedTerm[]): number[] => {
    const seen: number[] = [];
    index.search(terms, (i) => seen.push(i));
    return seen.sort((a, b) => a - b);
  };

  it('matches exactly the passages whose jieba words (title, section or text) include the term', () => {
    for (const word of ['人才', '第一书记', '合作社', '厕所革命']) {
      const expected = docs
        .map((d, i) => ([d.title, d.section, d.text].some((f) => wordTerms(f).includes(word)) ? i : -1))
        .filter((i) => i >= 0);
      expect(expected.length, word).toBeGreaterThan(0);
      expect(visit([term(word)]), word).toEqual(expected);
    }
  });

  it('matches bigram terms against the text’s bigrams, and only there', () => {
    const gram = `${GRAM_PREFIX}乡村`;
    const expected = docs.map((d, i) => (gramTerms(d.text).includes(gram) ? i : -1)).filter((i) => i >= 0);
    expect(visit([term(gram)])).toEqual(expected);
    // The word 乡村 and the bigram 乡村 are different terms.
    expect(visit([term('乡村')])).not.toEqual(expected);
  });

  it('counts text frequencies the way the engine uses them (share of passages, known terms)', () => {
    const inText = docs.filter((d) => wordTerms(d.text).includes('人才')).length;
    expect(index.textFrequency('人才')).toBe(inText);
    expect(index.has('人才')).toBe(true);
    expect(index.has('不存在的词')).toBe(false);
    expect(index.textFrequency('不存在的词')).toBe(0);
    expect(visit([term('不存在的词')])).toEqual([]);
  });

  it('segments a query with the same tokenizer as the passages: every word of a passage is an index term', () => {
    const sample = docs[7] as IndexDocument;
    for (const w of wordTerms(sample.text)) expect(index.has(w), w).toBe(true);
    for (const g of gramTerms(sample.text)) expect(index.has(g), g).toBe(true);
  });
});

describe('createPassageIndex scoring', () => {
  it('weighs a match by its field’s boost', () => {
    // Mirror-image passages: 农民 in A's section and B's text, with equal field lengths and document frequencies.
    const docs = [doc('干部', '农民'), doc('农民', '干部')];
    const boosted = run(docs, [term('农民')], { fieldBoost: { section: 2, text: 1 } });
    expect(scoreOf(boosted, 0) / scoreOf(boosted, 1)).toBeCloseTo(2, 9);
    const lowered = run(docs, [term('农民')], { fieldBoost: { section: 0.5, text: 1 } });
    expect(scoreOf(lowered, 0) / scoreOf(lowered, 1)).toBeCloseTo(0.5, 9);
  });

  it('does not search a field whose boost is 0', () => {
    const docs = [doc('干部', '农民'), doc('农民', '干部')];
    expect([...run(docs, [term('农民')], { fieldBoost: { section: 0, text: 1 } }).keys()]).toEqual([1]);
  });

  it('weighs each term by its weight, so the heavier term’s passage ranks first', () => {
    const docs = [doc('农民'), doc('干部'), doc('村庄')];
    const a = run(docs, [term('农民', 1, 0), term('干部', 0.3, 1)]);
    expect(scoreOf(a, 0) / scoreOf(a, 1)).toBeCloseTo(1 / 0.3, 9);
    const b = run(docs, [term('农民', 0.3, 0), term('干部', 1, 1)]);
    expect(scoreOf(b, 1)).toBeGreaterThan(scoreOf(b, 0));
    expect(b.has(2)).toBe(false);
  });

  it('sums the terms’ scores without MiniSearch’s multiplier for the number of terms matched', () => {
    const docs = [doc('农民，干部'), doc('农民'), doc('干部'), doc('村庄')];
    expect(wordTerms(docs[0]?.text ?? '')).toEqual(['农民', '干部']);
    const both = run(docs, [term('农民', 1, 0), term('干部', 0.5, 1)]);
    const alone1 = run(docs, [term('农民', 1, 0)]);
    const alone2 = run(docs, [term('干部', 0.5, 1)]);
    expect(scoreOf(both, 0)).toBeCloseTo(scoreOf(alone1, 0) + scoreOf(alone2, 0), 9);
  });

  it('reports which terms each passage matched as bits, low (0–31) and high (32–63); bit -1 scores but is not recorded', () => {
    const docs = [doc('农民，干部'), doc('农民'), doc('村庄')];
    const m = run(docs, [term('农民', 1, 3), term('干部', 1, 40), term('村庄', 1, -1)]);
    expect(m.get(0)).toMatchObject({ low: 1 << 3, high: 1 << 8 });
    expect(m.get(1)).toMatchObject({ low: 1 << 3, high: 0 });
    expect(m.get(2)).toMatchObject({ low: 0, high: 0 });
    expect(scoreOf(m, 2)).toBeGreaterThan(0);
    // Bit 31 must come out as an unsigned number like the others.
    expect(run(docs, [term('农民', 1, 31)]).get(1)?.low).toBe(2 ** 31);
  });

  it('reports separately the terms matched in the body (text or bigrams), not in the title or section alone', () => {
    const docs = [doc('农民，干部', '农民'), doc('村庄', '农民', '干部'), doc('干部')];
    const m = run(docs, [term('农民', 1, 0), term('干部', 1, 33), term(`${GRAM_PREFIX}村庄`, 1, 2)]);
    expect(m.get(0)).toMatchObject({ low: 1, high: 2, bodyLow: 1, bodyHigh: 2 });
    // 农民 in the section and 干部 in the title score, but only the bigram 村庄 is in the body.
    expect(m.get(1)).toMatchObject({ low: 1 | 4, high: 2, bodyLow: 4, bodyHigh: 0 });
    expect(m.get(2)).toMatchObject({ low: 0, high: 2, bodyLow: 0, bodyHigh: 2 });
  });
});

describe('the engine’s coverage factor reads the matched-term bits', () => {
  it('keeps the full score of a passage covering the whole query and cuts one covering half of it', () => {
    const base = getSharedCorpus();
    const model = base.passages[0] as Passage;
    const texts = ['农民种植果树，农民养殖家禽，农民外出务工。', '农民参加培训。驻村干部负责联络。', '村里修了一条路。'];
    const passages = texts.map((text, i): Passage => ({ ...model, id: `t-${i}`, title: '测试', section: null, text }));
    const corpus = { ...base, passages, byId: new Map(passages.map((p) => [p.id, p])) };
    const scores = (coverageFloor: number): Map<string, number> =>
      // subjectFirst off (round 15): it would weigh 农民, typed first, twice.
      // round 20 re-fit: the keyword tie-breaker (bigrams.keywordWeight 0.1, same order) rescales the scores: off here.
      new Map(createSearchEngine(corpus, { coverageFloor, subjectFirst: 1, bigrams: { keywordWeight: 0 } }).search('农民 干部', { limit: 10 }).results.map((r) => [r.id, r.score]));
    const plain = scores(1); // floor 1: no coverage factor
    const covered = scores(0.1);
    expect([...covered.keys()].sort()).toEqual(['t-0', 't-1']);
    // t-1 has both words: coverage 1. t-0 has one of two: 0.1 + 0.9 × (1/2)² = 0.325.
    expect((covered.get('t-1') ?? 0) / (plain.get('t-1') ?? 1)).toBeCloseTo(1, 2);
    expect((covered.get('t-0') ?? 0) / (plain.get('t-0') ?? 1)).toBeCloseTo(0.325, 2);
    expect([...covered.keys()][0]).toBe('t-1');
  });
});

describe('direct scoring from MiniSearch’s postings', () => {
  it('gives the same passages, scores and bits as miniSearch.search, for the terms of ~1 500 judged queries from every set', () => {
    const fold = foldText;
    const words = wordTerms;
    const grams = gramTerms;
    const corpus = getSharedCorpus();
    const docs = corpus.passages.map((p) => ({ title: fold(p.title), section: fold(p.section ?? ''), text: fold(p.text) }));
    const boost = { fieldBoost: { title: 1.5, section: 2, text: 1, grams: 1 } };
    const direct = createPassageIndex(docs, boost);
    const viaSearch = createPassageIndex(docs, { ...boost, direct: false });
    const engine = getSharedEngine();
    const collect = (index: typeof direct, terms: WeightedTerm[]) => {
      const out = new Map<number, [number, number, number, number, number]>();
      const n = index.search(terms, (i, score, low, high, bl, bh) => out.set(i, [score, low, high, bl, bh]));
      expect(n).toBe(out.size);
      return out;
    };
    // Every set grows each round (9 400 queries by round 16, 80 s at load 10): an even stride over all of them keeps
    // ~1 500 queries of every kind and set, which still exercises far more term lists than any one round adds.
    const all = EVAL_SETS.flatMap((set) => readEvalQueries(set.file));
    const stride = Math.max(1, Math.floor(all.length / 1500));
    let compared = 0;
    for (const q of all.filter((_, k) => k % stride === 0)) {
      let text: string;
      try {
        text = engine.explain(q.query).parsed.text;
      } catch {
        continue;
      }
      const folded = fold(text);
      const list = [...new Set([...words(folded), ...grams(folded)])];
      const terms: WeightedTerm[] = list.map((term, k) => ({ term, weight: 1 / (1 + (k % 3)), bit: k < 64 ? k : -1 }));
      const a = collect(direct, terms);
      const b = collect(viaSearch, terms);
      expect([...a.keys()].sort((x, y) => x - y), q.query).toEqual([...b.keys()].sort((x, y) => x - y));
      // Compared in plain code, one expect per query: an expect per passage (~150 000 of them, with their messages)
      // took most of this test's time. The checks are those of toBeCloseTo(s2, 9) (|difference| < 0.5e-9) and
      // toEqual on the four bit masks; a mismatch is reported with the query, passage and both values.
      const differ: { query: string; passage: number; direct: number[]; viaSearch: number[] }[] = [];
      for (const [i, got] of a) {
        const want = b.get(i) as [number, number, number, number, number];
        const [score, ...bits] = got;
        const [s2, ...bits2] = want;
        if (!(Math.abs(score - s2) < 0.5e-9) || bits.some((x, k) => !Object.is(x, bits2[k]))) differ.push({ query: q.query, passage: i, direct: got, viaSearch: want });
      }
      expect(differ).toEqual([]);
      compared++;
    }
    expect(compared).toBeGreaterThan(1_200);
  }, 240_000);
});

describe('BM25 with each passage’s length normalisation computed once (createDirectScorer)', () => {
  it('scores a term exactly as BM25 computed posting by posting from the index’s data, to the bit', () => {
    const docs = getSharedCorpus().passages.map((p) => doc(foldText(p.text), foldText(p.section ?? ''), foldText(p.title)));
    const fieldBoost = { title: 1.5, section: 2, text: 1, grams: 1 };
    const boosts = [fieldBoost.title, fieldBoost.section, fieldBoost.text, fieldBoost.grams];
    const index = createPassageIndex(docs, { fieldBoost });
    // Saved and loaded again (postings as typed arrays), as a restarted bot has it.
    const loaded = createPassageIndex(docs, { fieldBoost, saved: JSON.parse(JSON.stringify(index.save())) });
    const plain = index.plain();
    const [K, B, D] = [1.2, 0.7, 0.5];
    const N = plain.documentCount;
    // MiniSearch's BM25 (k 1.2, b 0.7, d 0.5) for one posting, written out as the scorer wrote it before the
    // normalisation was kept per passage; a term's fields summed in field order, each × weight × field boost.
    const expected = (data: Record<string, Record<string, number>>, weight: number): Map<number, number> => {
      const out = new Map<number, number>();
      for (let f = 0; f < 4; f++) {
        const postings = data[f];
        if (!postings) continue;
        const ids = Object.keys(postings).map(Number);
        const idf = Math.log(1 + (N - ids.length + 0.5) / (ids.length + 0.5));
        const w = weight * (boosts[f] as number);
        const avg = plain.averageFieldLength[f] as number;
        for (const i of ids) {
          const tf = postings[i] as number;
          const length = (plain.fieldLength[i] as number[])[f] as number;
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg)));
          out.set(i, out.has(i) ? (out.get(i) as number) + w * raw : w * raw);
        }
      }
      return out;
    };
    let compared = 0;
    // Every 40th term (words and bigrams, common and rare), at an odd weight.
    for (const [k, [t, data]] of plain.index.entries()) {
      if (k % 40 !== 0) continue;
      const want = expected(data as Record<string, Record<string, number>>, 0.7);
      for (const ix of [index, loaded]) {
        const got = new Map<number, number>();
        ix.search([{ term: t, weight: 0.7, bit: 0 }], (i, score) => got.set(i, score));
        expect([...got.keys()].sort((a, b) => a - b), t).toEqual([...want.keys()].sort((a, b) => a - b));
        for (const [i, score] of got) expect(score, `${t} ${i}`).toBe(want.get(i));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('the assembled index is MiniSearch’s own', () => {
  it('equals, term for term and number for number, what MiniSearch#addAll builds from the same passages', () => {
    const corpus = getSharedCorpus();
    const docs = corpus.passages.map((p) => ({ title: foldText(p.title), section: foldText(p.section ?? ''), text: foldText(p.text) }));
    const assembled = createPassageIndex(docs).plain();
    const byMiniSearch = createPassageIndex(docs, { direct: false }).miniSearch.toJSON();
    const sorted = (index: typeof assembled.index) => [...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(assembled.index.length).toBeGreaterThan(5000);
    expect(sorted(assembled.index)).toEqual(sorted(byMiniSearch.index));
    expect({ ...assembled, index: [] }).toEqual({ ...byMiniSearch, index: [] });
    // MiniSearch loads it and finds what the assembled index finds.
    const loaded = createPassageIndex(docs).miniSearch;
    expect(loaded.search('乡村振兴').length).toBe(createPassageIndex(docs, { direct: false }).miniSearch.search('乡村振兴').length);
  });

  it('given the passages’ tokens from an earlier run, builds the same index without segmenting again', () => {
    const corpus = getSharedCorpus();
    const docs = corpus.passages.map((p) => ({ title: foldText(p.title), section: foldText(p.section ?? ''), text: foldText(p.text) }));
    const tokens = docs.map((d) => tokenizePassage(d));
    expect(createPassageIndex(docs, { tokens }).save()).toEqual(createPassageIndex(docs).save());
    // Tokens are taken as given: a word only they hold is found.
    const marked = tokens.map((t, i) => (i === 3 ? { ...t, text: [...t.text, '记号词'] } : t));
    const index = createPassageIndex(docs, { tokens: marked });
    const seen: number[] = [];
    index.search([{ term: '记号词', weight: 1, bit: 0 }], (i) => seen.push(i));
    expect(seen).toEqual([3]);
  });

  it('loads a saved index (through JSON) and scores exactly as the index it was saved from', () => {
    const corpus = getSharedCorpus();
    const docs = corpus.passages.map((p) => ({ title: foldText(p.title), section: foldText(p.section ?? ''), text: foldText(p.text) }));
    const first = createPassageIndex(docs, { fieldBoost: { title: 1.5, section: 2 } });
    const saved = JSON.parse(JSON.stringify(first.save()));
    const second = createPassageIndex(docs, { fieldBoost: { title: 1.5, section: 2 }, saved });
    const terms = ['人才', '乡村振兴', `${GRAM_PREFIX}合作`].map((t, k) => term(t, 1, k));
    const collect = (index: typeof first) => {
      const out: [number, number, number][] = [];
      index.search(terms, (i, score, low) => out.push([i, score, low]));
      return out.sort((a, b) => a[0] - b[0]);
    };
    expect(collect(second)).toEqual(collect(first));
    expect([...second.terms()]).toEqual([...first.terms()]);
    // Every term, posting, field length and average comes back as it was: the same data as MiniSearch would hold.
    expect(second.plain()).toEqual(first.plain());
    expect(second.save()).toEqual(saved);
    // Another layout, or a truncated one, is not read: the index is built instead.
    for (const bad of [{ ...saved, packed: 'other' }, { ...saved, postings: saved.postings.slice(0, 1000) }]) {
      expect(createPassageIndex(docs, { fieldBoost: { title: 1.5, section: 2 }, saved: bad }).plain()).toEqual(first.plain());
    }
  });
});
