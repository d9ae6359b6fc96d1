/**
 * English, round 13 of issue 9 (docs/search.md, English, round 13): a noun derived by a suffix Porter2 leaves on is
 * its base (payment → pay, friendliness → friendly). The real engine over the seeds, against the same engine with the
 * rule off.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const concepts = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);
const heads = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);
const ids = (e: typeof engine, q: string, limit = 3): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('a noun derived by a suffix the stemmer leaves on is its base', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { derivations: false }, englishGuessWeight: 1 });

  it('treatment first, payment later: payment is pay (付费), the passage on 先诊疗后付费 first (3rd with the rule off)', () => {
    const q = 'treatment first, payment later';
    expect(concepts(before, q)).toContain('payment');
    expect(concepts(engine, q)).toContain('pay');
    expect(ids(before, q, 2)).not.toContain('003-007');
    expect(ids(engine, q, 1)).toEqual(['003-007']);
  });

  it('friendliness is friendly (友善): the passage on 爱国、敬业、诚信、友善 first (9th with the rule off)', () => {
    const q = 'patriotism, dedication, integrity and friendliness';
    expect(ids(before, q, 5)).not.toContain('000-007');
    expect(ids(engine, q, 1)).toEqual(['000-007']);
  });

  it('demolition is demolish (拆除): the old houses pulled down after relocation', () => {
    expect(concepts(before, 'demolition')).toEqual(['demolition']);
    expect(concepts(engine, 'demolition')).toEqual(['demolish']);
    expect(ids(engine, 'demolition', 1)).toEqual(['003-011']);
  });

  it('-ment on a word whose best sense is no verb is left alone: basement is not base (基础)', () => {
    expect(concepts(engine, 'basement')).toEqual(['basement']);
    expect(heads(engine, 'base')).toContain('基础');
  });

  it('a known word is left alone: development and government as before', () => {
    for (const q of ['rural development', 'government investment']) expect(concepts(engine, q)).toEqual(concepts(before, q));
  });

  it('a topic the texts never discuss gets no full answer: pension payments for retired herders', () => {
    const r = engine.search('pension payments for retired herders', { limit: 10 });
    expect(r.results.length === 0 || r.partial === true).toBe(true);
  });
});

describe('two words joined by a hyphen or and are the compound of their first characters', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { coordinatePairs: false }, englishGuessWeight: 1 });

  it('urban-rural twinning of party branches: 城乡, a passage on 城乡 pairing first (9th with the rule off)', () => {
    const q = 'urban-rural twinning of party branches';
    expect(concepts(before, q)).not.toContain('城乡');
    expect(concepts(engine, q)).toContain('城乡');
    expect(ids(before, q, 8)).not.toEqual(expect.arrayContaining(['004-001']));
    expect(ids(before, q, 8)).not.toEqual(expect.arrayContaining(['004-002']));
    expect(['004-001', '004-002']).toContain(ids(engine, q, 1)[0]);
  });

  it('integration of urban and rural areas: and joins the pair too, 城乡 not 城镇化 "urbanization"', () => {
    const q = 'integration of urban and rural areas';
    expect(concepts(engine, q)).toContain('城乡');
    expect(concepts(engine, q)).not.toContain('urban');
    // round 20 re-fit: 004-002 (城乡融合发展共同体) and 002-006 swap; both are on 城乡融合发展, 004-002 the closer of the two.
    expect(ids(engine, q, 2)).toEqual(['004-002', '002-006']);
  });

  it('chief agri-tech experts: agricultural + technology → 农技 of 首席农技专家, a full answer (partial with the rule off)', () => {
    const q = 'chief agri-tech experts';
    expect(engine.search(q, { limit: 3 }).partial).not.toBe(true);
    expect(before.search(q, { limit: 3 }).partial).toBe(true);
    expect(ids(engine, q, 1)).toEqual(['001-013']);
  });

  it('a pair a look-up knows whole is left to it (移风易俗), and so is a phrase with no pair in it', () => {
    expect(heads(engine, 'customs and habits')).toContain('移风易俗');
    for (const q of ['customs and habits', 'rural revitalization and ecology']) {
      expect(concepts(engine, q)).toEqual(concepts(before, q));
    }
  });

  it('side by side, without a link, only a compound the dictionary glosses as a pair: urban rural → 城乡, party masses not 党群', () => {
    const spacedOff = createSearchEngine(getSharedCorpus(), { englishRules: { spacedPairs: false } });
    const q = 'urban rural factor docking meetings';
    expect(concepts(spacedOff, q)).not.toContain('城乡');
    expect(concepts(engine, q)).toContain('城乡');
    expect(ids(spacedOff, q, 4)).not.toContain('004-002');
    expect(ids(engine, q, 1)).toEqual(['004-002']);
    expect(concepts(engine, 'party masses activities')).not.toContain('党群');
    expect(concepts(engine, 'party and masses activities')).toContain('党群');
  });

  it('a topic the texts never discuss gets no full answer: urban-rural bus routes', () => {
    const r = engine.search('urban-rural bus routes', { limit: 10 });
    expect(r.results.length === 0 || r.partial === true).toBe(true);
  });
});
