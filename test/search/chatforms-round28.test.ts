/**
 * Chat forms, round 28 (issue 9; docs/search.md, Chat forms, round 28). Asked as 有人知道…吗, every answer was partial:
 * 有人 was kept as a search word the texts lack, where 有没有人知道 and 有谁知道 came off with the other request openers
 * (round 12's requestFrames). someoneKnows takes 有人知道 / 有人了解 off the same way. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { someoneKnows: false });
const ids = (q: string, e = engine): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);

describe('有人知道…吗 asks what the rest of the message asks', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.someoneKnows).toBe(true);
  });

  it('a judged query asked 有人知道…吗 / 有人了解…: full, the same passages as typed without the opener (partial with the option off)', () => {
    for (const q of ['厕所革命', '村级集体经济', '第一书记']) {
      expect(engine.search(q, { limit: 5 }).partial, q).toBe(false);
      for (const [typed, same] of [
        [`有人知道${q}吗`, `${q}吗`],
        [`有人知道${q}吗？`, `${q}吗？`],
        [`有人了解${q}`, q],
        [`有人知道 ${q}`, q],
      ] as const) {
        const now = engine.search(typed, { limit: 5 });
        expect(now.partial, typed).toBe(false);
        expect(ids(typed), typed).toEqual(ids(same));
        expect(off.search(typed, { limit: 5 }).partial, typed).toBe(true);
      }
    }
  });

  it('keeps 有人 inside the query and a message that is nothing but the opener', () => {
    // Only the opening of the message comes off; 有人知道 alone is searched as typed, as before.
    expect(ids('有人知道')).toEqual(ids('有人知道', off));
    expect(ids('厕所革命 有人知道吗')).toEqual(ids('厕所革命 有人知道吗', off));
  });
});

describe('a no-match query asked the same way stays partial', () => {
  it('有人知道文艺队演出补贴吗 is partial, 003-016 first, as 文艺队演出补贴吗 is', () => {
    for (const typed of ['有人知道文艺队演出补贴吗', '有人了解文艺队演出补贴']) {
      const now = engine.search(typed, { limit: 5 });
      expect(now.partial, typed).toBe(true);
      expect(now.results[0]?.id, typed).toBe('003-016');
    }
  });
});
