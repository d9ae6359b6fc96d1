/**
 * Everyday words, round 13 (issue 9; docs/search.md, Everyday words, round 13). A stand-in for a Chinese word the query
 * types (a related term of the village lexicon, a library neighbour) is scored in a passage's headings at
 * standInHeadings (0.5) instead of the headings' boost (section 2, title 1.5): a heading names its section's theme
 * with the texts' broad words (乡风文明), which the lexicon lists beside the specific one (移风易俗 for 红白喜事, 彩礼),
 * and boosted there it put every passage under 推动实现“乡风文明” before those about changing customs. A word the query
 * types itself is boosted in headings as before.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const before = createSearchEngine(corpus, { standInHeadings: false });
const textOnly = createSearchEngine(corpus, { standInHeadings: 0 });
const ids = (e: ReturnType<typeof createSearchEngine>, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);
// The passages on changing customs: 002-019 (移风易俗, 村规民约) and 003-013 (推进移风易俗、讲文明树新风).
const CUSTOMS = ['002-019', '003-013'];
// The two passages under the heading 提升基层党组织“思想引领力”,推动实现“乡风文明”.
const UNDER_HEADING = ['002-037', '002-038'];

describe('stand-ins weigh less in headings (standInHeadings)', () => {
  it('is 0.5 by default', () => {
    expect(SEARCH_DEFAULTS.standInHeadings).toBe(0.5);
  });

  for (const q of ['红白喜事大操大办要改改', '彩礼要得太高', '办酒席攀比成风']) {
    it(`${q}: a passage on changing customs first (one under the 乡风文明 heading before)`, () => {
      expect(UNDER_HEADING).toContain(ids(before, q)[0]);
      expect(CUSTOMS).toContain(ids(engine, q)[0]);
      // Still a partial answer: the query's words are not the texts'.
      expect(engine.search(q).partial).toBe(before.search(q).partial);
    });
  }

  it('a heading holding the query\'s own word still ranks its section first', () => {
    for (const q of ['乡风文明', '推动实现乡风文明']) {
      const on = engine.search(q, { limit: 10 });
      const off = before.search(q, { limit: 10 });
      expect(on.results.map((r) => [r.id, r.score])).toEqual(off.results.map((r) => [r.id, r.score]));
      expect(UNDER_HEADING).toContain(on.results[0]?.id);
    }
  });

  it('0 scores stand-ins in the text only: a heading alone no longer lifts its section', () => {
    const q = '红白喜事大操大办要改改';
    const score = (e: ReturnType<typeof createSearchEngine>, id: string): number =>
      e.search(q, { limit: 20 }).results.find((r) => r.id === id)?.score ?? 0;
    // 002-037 says 乡风文明 once in its text and again in its heading; of the customs group's words, nothing else.
    expect(score(before, '002-037')).toBeGreaterThan(score(engine, '002-037'));
    expect(score(engine, '002-037')).toBeGreaterThan(score(textOnly, '002-037'));
  });
});
