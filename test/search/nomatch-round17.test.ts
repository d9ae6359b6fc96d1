/**
 * No-match near misses, round 17 (issue 9; docs/search.md, No-match near misses, round 17). In a question asking how
 * something is done, where it is or what it holds, a passage holding a required word only through related terms that
 * its text names only as items of an enumeration — with nothing else of the question in the item or in the clause
 * around the list — is no full match (standInListed). The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { onlyItem, onlyListedItem } from '../../src/search/mention.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { standInListed: false });

// 003-016's sentence, folded as the engine folds it.
const PROGRAMMES = '推动农家书屋、寺庙书屋、广播电视“村村通”、电影放映、信息共享等文化惠民工程实现全覆盖,形成较为完备的公共文化设施网络。';
// 000-005's: the list is what the clause speaks of (选拔 … 班子成员).
const RETURNEES = '从致富能手、外出务工经商返乡人员、退役军人、回乡大学毕业生等人员中选拔担任村(社区)“两委”班子成员,通过选优配强村干部队伍。';

describe('a stand-in named only as an item of a list', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.standInListed).toBe(true);
  });

  it('reads the last item up to the 等 closing the list, and the clause outside the list', () => {
    // onlyItem (round 16) stops at 信息|共享等: 信息 runs on past the item's end.
    expect(onlyItem(PROGRAMMES, '信息')).toBe(false);
    expect(onlyListedItem(PROGRAMMES, '信息', ['电视'])).toBe(true);
    expect(onlyListedItem(PROGRAMMES, '村村通', ['信号'])).toBe(true);
    // A word of the question outside the list (文化惠民 after its 等) or in the item itself (广播 beside 村村通).
    expect(onlyListedItem(PROGRAMMES, '信息', ['文化惠民'])).toBe(false);
    expect(onlyListedItem(PROGRAMMES, '村村通', ['广播'])).toBe(false);
    // 回乡 of 回村 in the item beside 大学 of 年轻人; 两委班子 outside the list, past its quote marks.
    expect(onlyListedItem(RETURNEES, '大学', ['回乡'])).toBe(false);
    expect(onlyListedItem(RETURNEES, '大学', ['两委班子'])).toBe(false);
    expect(onlyListedItem(RETURNEES, '大学', ['吸引'])).toBe(true);
    // Not in the text, or once outside any list: no.
    expect(onlyListedItem(PROGRAMMES, '信号', [])).toBe(false);
    expect(onlyListedItem(`${PROGRAMMES}加快信息化建设。`, '信息', [])).toBe(false);
  });

  it('a question whose word the texts lack only a list stands in for is no full answer now (full with the rule off)', () => {
    // 信号 → 信息, 共享, 村村通 …: 003-016 names them among the programmes it lists, and says nothing of a signal.
    const q = '村村通电视没信号怎么办';
    const now = engine.search(q, { limit: 5 });
    const then = off.search(q, { limit: 5 });
    expect(then.partial).toBe(false);
    expect(now.partial).toBe(true);
    expect(now.results[0]?.id).toBe('003-016');
    expect(then.results[0]?.id).toBe('003-016');
  });

  it('catches the same shape where an earlier rule did not exist: 老人 through 养老驿站 in a list', () => {
    // Without round 8's loneCharacterWords, 走|丢 of 家里老人走丢了咋找 are no key words and 老人 is all a full match needs;
    // 001-012 holds it only as 养老驿站 in 文化礼堂、养老驿站、xx非遗传承馆等一系列民心工程.
    const q = '家里老人走丢了咋找';
    const noLone = createSearchEngine(getSharedCorpus(), { loneCharacterWords: false });
    const noLoneOff = createSearchEngine(getSharedCorpus(), { loneCharacterWords: false, standInListed: false });
    expect(noLoneOff.search(q, { limit: 5 }).partial).toBe(false);
    expect(noLone.search(q, { limit: 5 }).partial).toBe(true);
    expect(noLone.search(q, { limit: 5 }).results[0]?.id).toBe('001-012');
  });

  it('a list the question speaks of keeps its full answer', () => {
    // 000-005 lists who is chosen for the two committees: 回乡大学毕业生 stands for 大学生 and 回村 together, and
    // 两委班子 follows the list (the blind block's judged chat-nomatch8-11; chat-question13-81).
    for (const [q, first] of [
      ['怎么吸引退役军人、大学生回村进两委班子', '000-005'],
      ['怎么吸引年轻人回村干事创业', '000-005'],
    ] as const) {
      const now = engine.search(q, { limit: 5 });
      expect(now.partial, q).toBe(false);
      expect(now.results[0]?.id, q).toBe(first);
    }
  });

  it('leaves a question that is not asking how alone', () => {
    // 网速慢 → 互联网, 村村通 …: 002-038's 运用“互联网+” is no list item; and 找谁 does not ask how.
    const q = '村里网速太慢找谁';
    expect(engine.search(q, { limit: 5 }).partial).toBe(off.search(q, { limit: 5 }).partial);
  });
});
