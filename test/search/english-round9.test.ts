/**
 * English, round 9 of issue 9 (docs/search.md, English, round 9): English morphology for words no look-up knows — an
 * irregular verb form (brought, held, left) goes as a filler word does, and a negative prefix before a known word
 * (unqualified) becomes the texts' negation (不合格). The real engine over the seeds, each rule against the same engine
 * with the rule off.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const concepts = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);
const heads = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);
const ids = (e: typeof engine, q: string, limit = 3): string[] => e.search(q, { limit }).results.map((r) => r.id);

describe('irregular verb forms no look-up knows go as filler words', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { irregularVerbs: false }, englishGuessWeight: 1 });

  it.each([
    ['projects brought in by first secretaries', 'brought', '001-014'],
    ['五好 activities held in Lhasa', 'held', '003-013'],
  ])('%s: no word %s required, so the passage is a full answer (partial with the rule off)', (q, form, id) => {
    expect(concepts(before, q)).toContain(form);
    expect(before.search(q).partial).toBe(true);
    expect(concepts(engine, q)).not.toContain(form);
    const r = engine.search(q, { limit: 3 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe(id);
  });

  it('no one left behind on the road to moderate prosperity: 003-000 (一个不能掉队) rises into the top two (5th before)', () => {
    // round 20 re-fit: 2nd with the rule off now (5th before); the default puts 003-000 first.
    expect(ids(before, 'no one left behind on the road to moderate prosperity', 2)).toEqual(['002-042', '003-000']);
    expect(ids(engine, 'no one left behind on the road to moderate prosperity', 1)).toEqual(['003-000']);
  });

  it('a form the glosses know is left alone: built is still 新建 "newly built"', () => {
    expect(heads(engine, 'landfills built at county level')).toContain('新建');
    expect(concepts(engine, 'landfills built at county level')).toEqual(concepts(before, 'landfills built at county level'));
  });
});

describe('a negative prefix before a known word is the texts’ negation', () => {
  const before = createSearchEngine(getSharedCorpus(), { englishRules: { negativePrefixes: false } });

  it('unqualified party members: 合格 of 不合格党员, 002-016 first and a full answer (7th and partial with the rule off)', () => {
    expect(concepts(before, 'unqualified party members')).toContain('unqualified');
    expect(ids(before, 'unqualified party members', 5)).not.toContain('002-016');
    expect(heads(engine, 'unqualified party members')).toContain('合格');
    const r = engine.search('unqualified party members', { limit: 3 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('002-016');
    expect(r.results[0]?.segments.filter((s) => s.match).map((s) => s.text).join('')).toContain('合格');
  });

  it('how should unqualified party members be handled: 002-016 (处置不合格党员) first', () => {
    expect(ids(engine, 'how should unqualified party members be handled', 1)).toEqual(['002-016']);
  });

  it('a negation the texts never write changes nothing: unhappy farmers (不高兴 is in no passage)', () => {
    expect(concepts(engine, 'unhappy farmers')).toEqual(concepts(before, 'unhappy farmers'));
  });

  it('a known word that merely starts like a prefix is left alone: industry, improvement, infrastructure', () => {
    const q = 'industry improvement and infrastructure';
    expect(heads(engine, q)).toEqual(heads(before, q));
    expect(heads(engine, q)).toEqual(expect.arrayContaining(['产业', '基础设施']));
  });
});
