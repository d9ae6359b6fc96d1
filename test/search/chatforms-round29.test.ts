/**
 * Chat forms, round 29 (issue 9; docs/search.md, Chat forms, round 29). A keyword query typed without its spaces
 * (消薄经验 for 消薄 经验, 设岗定责经验材料 for 设岗定责 经验材料, 非遗扶贫新闻稿, 领雁工程PPT2024) turned partial: the
 * kind words written against the subject were read as a word of it. gluedKinds reads them as typed apart. With a
 * particle after them (产业振兴 经验材料呢, …经验有吗) the kind-word rules read the last word as the particle:
 * particleKinds reads the query's end before it. And endParticles' endOfWords no longer takes a word jieba does not know (tagged x like punctuation) for the message's
 * tail. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { endOfWords } from '../../src/search/engine.js';
import { tag } from '../../src/search/jieba.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { gluedKinds: false });
const ids = (q: string, e = engine): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);

describe('kind words written against the subject read as typed apart (gluedKinds)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.gluedKinds).toBe(true);
  });

  const pairs: [string, string][] = [
    ['消薄经验', '消薄 经验'],
    ['控辍保学措施', '控辍保学 措施'],
    ['设岗定责经验材料', '设岗定责 经验材料'],
    ['村级集体经济发展经验材料', '村级集体经济发展 经验材料'],
    ['非遗扶贫新闻稿', '非遗扶贫 新闻稿'],
    ['网格化管理经验交流', '网格化管理 经验交流'],
    ['领雁工程PPT2024', '领雁工程 PPT 2024'],
  ];

  it('without spaces: full, the passages of the spaced query; partial with the option off', () => {
    for (const [glued, spaced] of pairs) {
      expect(engine.search(spaced, { limit: 5 }).partial, spaced).toBe(false);
      expect(engine.search(glued, { limit: 5 }).partial, glued).toBe(false);
      expect(ids(glued), glued).toEqual(ids(spaced));
      expect(off.search(glued, { limit: 5 }).partial, glued).toBe(true);
    }
  });

  it('消薄经验 finds 002-022 first, as 消薄 经验 does', () => {
    expect(ids('消薄经验')[0]).toBe('002-022');
    expect(ids('消薄经验', off)[0]).not.toBe('002-022');
  });

  it('a kind word the texts hold with the word before it stays the subject (no change from the option)', () => {
    for (const q of ['六脱措施有哪些', '乡村治理', '产业振兴经验做法']) expect(ids(q), q).toEqual(ids(q, off));
  });
});

describe('a particle after the kind words (particleKinds)', () => {
  const particleOff = createSearchEngine(getSharedCorpus(), { particleKinds: false });

  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.particleKinds).toBe(true);
  });

  it('产业振兴 经验材料呢 and 产业振兴 新闻稿吗？ are full, the passages of the query without the particle; partial with the option off', () => {
    for (const [typed, bare] of [
      ['产业振兴 经验材料呢', '产业振兴 经验材料'],
      ['产业振兴 新闻稿吗？', '产业振兴 新闻稿'],
    ] as const) {
      expect(engine.search(typed, { limit: 5 }).partial, typed).toBe(false);
      expect(ids(typed), typed).toEqual(ids(bare));
      expect(particleOff.search(typed, { limit: 5 }).partial, typed).toBe(true);
    }
  });

  it('乡村治理 经验呢 / 经验有吗 find first what 乡村治理 经验 does, not a passage that only says 经验 (002-032)', () => {
    for (const typed of ['乡村治理 经验呢', '乡村治理 经验有吗']) {
      expect(ids(typed)[0], typed).toBe(ids('乡村治理 经验')[0]);
      expect(ids(typed)[0], typed).not.toBe('002-032');
      expect(ids(typed, particleOff)[0], typed).toBe('002-032');
    }
  });

  it('a question without kind words is read as before (入党积极分子要考察多久呢 stays partial)', () => {
    const q = '入党积极分子要考察多久呢';
    expect(engine.search(q, { limit: 5 }).partial).toBe(true);
    expect(ids(q)).toEqual(ids(q, particleOff));
  });
});

describe("endParticles' end of words", () => {
  it('a word jieba does not know (x) before the particle is a word, not the tail', () => {
    const words = (q: string): string => {
      const t = tag(q);
      return t.slice(0, endOfWords(t)).map((w) => w.word).join('|');
    };
    expect(words('农家书屋借书要办卡吗')).toMatch(/办卡$/);
    expect(words('板凳会一般在哪开呢')).toMatch(/哪开$/);
    // Punctuation, particles and 有 of 有吗 still end the words.
    expect(words('文艺队演出补贴吗？')).toMatch(/补贴$/);
    expect(words('演出补贴有吗')).toMatch(/补贴$/);
  });
});
