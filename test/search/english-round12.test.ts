/**
 * English, round 12 of issue 9 (docs/search.md, English, round 12): an English word no look-up knows, beside known
 * ones, composes of one of its dictionary characters and their translations a stretch the texts hold (tiny wishes →
 * 微 + 心愿 → 微心愿). The real engine over the seeds, against the same engine with the rule off.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const concepts = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);
const ids = (e: typeof engine, q: string, limit = 3): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('an unknown English word and its neighbours compose a stretch of the texts', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { characterStretches: false } });

  it('tiny wishes of villagers: 微心愿, the passage on the masses’ 微心愿 first (6th with the rule off)', () => {
    const q = 'tiny wishes of villagers';
    expect(concepts(before, q)).toContain('tiny');
    expect(concepts(engine, q)).toContain('微心愿');
    // round 20 re-fit: 5th with the rule off now (6th before); the default still puts it first.
    expect(ids(before, q, 5).indexOf('001-011')).toBe(4);
    expect(ids(engine, q, 1)).toEqual(['001-011']);
  });

  it('escape poverty: 脱 + 贫困, a passage on the wish to escape poverty among the ten (none with the rule off)', () => {
    const q = "from 'make me escape poverty' to 'I want to escape poverty'";
    expect(concepts(engine, q)).toContain('脱贫困');
    expect(ids(before, q, 10)).not.toContain('003-025');
    expect(ids(engine, q, 10)).toContain('003-025');
  });

  it('a character found only inside the texts’ other words is none: replacing farm labour is not 代 + 农业 of 现代农业', () => {
    const q = 'machines replacing farm labour so fewer farmers take part';
    expect(concepts(engine, q)).not.toContain('代农业');
    expect(concepts(engine, q)).toEqual(concepts(before, q));
  });

  it('a character’s late sense is none: small weak and scattered is not 区 "area … small" + 软弱', () => {
    const q = 'small weak and scattered rural party organisations';
    expect(concepts(engine, q).join(' ')).not.toMatch(/区/);
    expect(concepts(engine, q)).toEqual(concepts(before, q));
  });

  it('a word of a phrase known whole is left to it: the commerce of e-commerce talent training composes nothing', () => {
    const q = 'e-commerce talent training';
    expect(concepts(engine, q)).toEqual(concepts(before, q));
  });

  it('a topic the texts never discuss gets no full answer: stray dog control in villages', () => {
    const r = engine.search('stray dog control in villages', { limit: 10 });
    expect(r.results.length === 0 || r.partial === true).toBe(true);
  });
});

describe('get and grow before an adjective say become', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { copulaGet: false } });

  it('farmers get rich or not: 致富 "to become rich", the passage on 农民富不富，关键看支部 first (5th with the rule off)', () => {
    const q = "farmers get rich or not - it's down to the party branch";
    expect(concepts(before, q)).not.toContain('致富');
    expect(concepts(engine, q)).toContain('致富');
    expect(ids(before, q, 4)).not.toContain('002-042');
    expect(ids(engine, q, 1)).toEqual(['002-042']);
  });

  it('teaching villagers skills to get rich: the passage on 致富技能 among the first three (out of the ten with the rule off)', () => {
    const q = 'teaching villagers skills to get rich';
    expect(ids(before, q, 10)).not.toContain('002-042');
    expect(ids(engine, q, 3)).toContain('002-042');
  });

  it('get before a word the become phrase does not gloss stays as typed: get up early', () => {
    expect(concepts(engine, 'get up early')).toEqual(concepts(before, 'get up early'));
  });
});
