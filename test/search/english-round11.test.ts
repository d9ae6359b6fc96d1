/**
 * English, round 11 of issue 9 (docs/search.md, English, round 11): adjacent English words whose dictionary characters
 * compose a word of the index are that word (red boat → 红船, head goose → 头雁); a superlative is 最 and its adjective
 * (strongest → 最强); a people’s adjective in -an is its place (Tibetan → Tibet). The real engine over the seeds,
 * each rule against the same engine with the rule off.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const concepts = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);
const heads = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);
const ids = (e: typeof engine, q: string, limit = 3): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('adjacent English words whose characters compose a word of the index are that word', () => {
  // Round 17's englishCharacter reads boat → 船 → 红船 and wave → 浪 → 后浪 alone: off here too, as the later rule.
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { characterCompounds: false }, englishCharacter: 0 });

  it('red boat holy land: 红船 (boat searched as typed with the rule off), the passage on 红船圣地 first and a full answer', () => {
    expect(concepts(before, 'red boat holy land')).toContain('boat');
    expect(concepts(engine, 'red boat holy land')).toContain('红船');
    expect(ids(before, 'red boat holy land', 1)).not.toEqual(['002-007']);
    const r = engine.search('red boat holy land', { limit: 1 });
    expect(r.results.map((x) => x.id)).toEqual(['002-007']);
    expect(r.partial).toBe(false);
  });

  it('the back wave party branch: 后浪 of 后浪党支部, its passage first (2nd with the rule off)', () => {
    expect(heads(engine, "the 'back wave' party branch for young staff")).toContain('后浪');
    expect(ids(before, "the 'back wave' party branch for young staff", 1)).not.toEqual(['001-008']);
    expect(ids(engine, "the 'back wave' party branch for young staff", 1)).toEqual(['001-008']);
  });

  it('a head goose team: 头雁 of the 头雁 team among the first three (out of the ten with the rule off)', () => {
    const q = "building a 'head goose' team of capable village leaders";
    expect(heads(engine, q)).toContain('头雁');
    expect(ids(before, q, 10)).not.toContain('000-005');
    expect(ids(engine, q, 10)).toContain('000-005');
  });

  it('a compound the dictionary glosses otherwise is no translation: money going is not 发出 "to send out"', () => {
    expect(heads(engine, 'money going down to the grassroots')).not.toContain('发出');
  });

  it('words each translated already are left to their translations: pay later is not 纳凉 "to enjoy the cool air"', () => {
    expect(heads(engine, 'diagnosis first pay later')).not.toContain('纳凉');
    expect(concepts(engine, 'diagnosis first pay later')).toEqual(concepts(before, 'diagnosis first pay later'));
  });
});

describe('a superlative is 最 and its adjective', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { superlatives: false } });

  it('strongest party branch campaign: 最强 of 最强党支部, a passage on the campaign first (3rd with the rule off)', () => {
    const q = 'strongest party branch campaign';
    expect(concepts(before, q)).toContain('strongest');
    expect(concepts(engine, q)).toContain('最强');
    const answers = ['002-010', '001-004'];
    expect(answers).not.toContain(ids(before, q, 1)[0]);
    expect(answers).toContain(ids(engine, q, 1)[0]);
  });

  it('biggest by its adjective’s character (big → 大) where no library word is glossed big: 最大', () => {
    expect(concepts(engine, 'biggest waste in planning')).toContain('最大');
  });

  it('a word the look-ups know is no superlative (interest), nor one whose 最 stretch the texts lack (earliest)', () => {
    expect(concepts(engine, 'interest linkage')).toEqual(concepts(before, 'interest linkage'));
    expect(concepts(engine, 'earliest pilots')).toEqual(concepts(before, 'earliest pilots'));
  });
});

describe('a people’s adjective in -an is its place', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { demonyms: false } });

  it('Tibetan incense: Tibet’s 藏 and incense’s 香 compose 藏香, its passage first (no answer at all with the rule off)', () => {
    expect(ids(before, 'Tibetan incense')).toEqual([]);
    expect(concepts(engine, 'Tibetan incense')).toEqual(['藏香']);
    expect(ids(engine, 'Tibetan incense', 1)).toEqual(['003-017']);
  });

  it('an -an word a look-up knows is left alone (plan, urban), as is one whose place none knows (Korean)', () => {
    expect(concepts(engine, 'urban plan')).toEqual(concepts(before, 'urban plan'));
    expect(concepts(engine, 'the Korean village')).toContain('korean');
  });
});
