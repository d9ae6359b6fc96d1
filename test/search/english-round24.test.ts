/**
 * English, round 24 (issue 9; docs/search.md, English, round 24). EnglishRules.inflections, the real engine over the
 * seeds against the same engine with the rule off: an -ing or -ed form no look-up knows, whose glossary key its verb
 * does not share (embedding → embed, but embed → emb; sacrificing → sacrif, but sacrifice → sacrific), is read as that
 * verb where the verb's best sense is glossed as typed ("to embed" → 嵌入, "to sacrifice" → 牺牲). Off, the form was
 * searched as typed and found nowhere.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { englishRules: { inflections: false } });
const ids = (q: string, e = engine, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const heads = (q: string, e = engine): string[] => e.explain(q).analyzed.concepts.flatMap((c) => c.heads);
const untranslated = (q: string, e = engine): readonly string[] => e.explain(q).analyzed.untranslated;

describe('an -ing or -ed form the stemmer keys apart from its verb is read as the verb', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.englishRules.inflections).toBeUndefined();
    expect(engine.explain('sacrificing the environment').analyzed.concepts.some((c) => c.heads.includes('牺牲'))).toBe(true);
  });

  it('sacrificing → 牺牲 and embedding → 嵌入; off, neither is read', () => {
    expect(heads('sacrificing the environment for economic growth')).toContain('牺牲');
    expect(heads('sacrificing the environment for economic growth', off)).not.toContain('牺牲');
    const q = 'embedding party orgs in new farmer co-ops and social orgs; cross-regional joint branches';
    expect(heads(q)).toContain('嵌入');
    expect(heads(q, off)).not.toContain('嵌入');
  });

  it('sacrificing the environment for economic growth: 000-010 (以牺牲环境来换取经济发展) first, not first off', () => {
    const q = 'sacrificing the environment for economic growth';
    expect(ids(q)[0]).toBe('000-010');
    expect(ids(q, off)[0]).not.toBe('000-010');
    expect(ids(q, off)).toContain('000-010');
  });

  it('embedding party orgs in new farmer co-ops …: 002-039 (有效嵌入各类社会基层组织) first, not first off', () => {
    const q = 'embedding party orgs in new farmer co-ops and social orgs; cross-regional joint branches';
    expect(ids(q)[0]).toBe('002-039');
    expect(ids(q, off)[0]).not.toBe('002-039');
  });

  it('a form a look-up knows, or whose verb no look-up knows, and queries without one answer as before', () => {
    for (const q of ['party building in villages', 'squeezing villagers out of jobs', 'minimum living guarantee', 'poor households relocation', 'mobilising party members']) {
      expect(ids(q, engine, 10)).toEqual(ids(q, off, 10));
    }
    expect(untranslated('squeezing villagers out of jobs')).toEqual(untranslated('squeezing villagers out of jobs', off));
  });
});
