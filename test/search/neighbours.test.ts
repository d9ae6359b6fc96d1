/**
 * Everyday words the texts lack (issue 9, item 7): library neighbours through specific morphemes and CC-CEDICT glosses
 * (src/search/neighbours.ts), and place words weighing less. The real engine over the seeds, and small libraries made
 * up here to show that the neighbours come from whatever texts the engine holds.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { joinSeparable } from '../../src/search/analyze.js';
import { createSearchEngine } from '../../src/search/index.js';
import { GLOSS_WORDS_FILE, GLOSS_WORDS_SENSES, countGlossWords } from '../../src/search/neighbours.js';
import { runNow } from '../../src/search/pace.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const ids = (q: string, limit = 3): string[] => engine.search(q, { limit }).results.map((r) => r.id);
const nearby = (q: string): string[] => engine.explain(q).analyzed.concepts.flatMap((c) => (c.nearby ?? []).map((n) => n.term));


describe('words the texts lack reach the passages through library words', () => {
  it('村里有没有大夫: 大夫 (not in the texts) finds the passage about doctors through 医生, and the answer is partial', () => {
    const r = engine.search('村里有没有大夫', { limit: 3 });
    expect(r.results.map((x) => x.id)).toContain('003-010');
    expect(r.partial).toBe(true);
    expect(r.matched).toContain('医生');
    const doctors = r.results.find((x) => x.id === '003-010');
    expect(doctors?.segments.filter((s) => s.match).map((s) => s.text)).toContain('医生');
    // Without the neighbours only 村里 answers it.
    const plain = createSearchEngine(corpus, { neighbours: false });
    expect(plain.search('村里有没有大夫').results.map((x) => x.id)).not.toContain('003-010');
  });

  it('旱厕改造 reaches the toilet-revolution passage through the morpheme 厕 (厕所, 公厕)', () => {
    expect(nearby('旱厕改造')).toEqual(expect.arrayContaining(['厕所', '公厕']));
    expect(ids('旱厕改造')).toContain('003-018');
    expect(engine.search('旱厕改造').partial).toBe(true);
    expect(createSearchEngine(corpus, { neighbours: false }).search('旱厕改造', { limit: 3 }).results.map((r) => r.id)).not.toContain('003-018');
  });

  it('a query with no word the texts hold gets no neighbours (page chrome, other topics): nothing rather than a guess', () => {
    for (const q of ['大夫', '您的位置', '推荐范文', '吵架']) {
      expect(nearby(q), q).toEqual([]);
      expect(engine.search(q).total, q).toBe(0);
    }
  });

  it('the query’s named words choose among neighbours: one that never stands with them in a passage is left out', () => {
    // 整理 → 整顿 (both "to tidy up"), but no passage holds 整顿 with 网络: 来源:网络整理 (page chrome) marks only its own words.
    expect(nearby('网络整理')).toEqual([]);
    expect(createSearchEngine(corpus, { nearbyCooccur: false }).explain('网络整理').analyzed.concepts.flatMap((c) => (c.nearby ?? []).map((n) => n.term))).toContain('整顿');
  });

  it('a word the dictionary lacks means what its dictionary words mean, not what its characters may: 打扫卫生 is not 扫黑', () => {
    // 打扫卫生 = 打扫 "to clean; to sweep" + 卫生 "hygiene"; by its characters 打 "to fight" matched 扫黑 "to fight organized crime".
    expect(nearby('党员带头打扫卫生')).not.toContain('扫黑');
    expect(createSearchEngine(corpus, { neighbours: { subwordMeaning: false } }).explain('党员带头打扫卫生').analyzed.concepts.flatMap((c) => (c.nearby ?? []).map((n) => n.term))).toContain('扫黑');
    // A character no dictionary word covers still counts: 一屁股债 = 屁股 + 一 + 债 "debt" → 债务.
    expect(nearby('村里欠了一屁股债')).toContain('债务');
  });

  it('a character shared by chance is no neighbour: 大夫 does not back off to 功夫, whose glosses share no meaning', () => {
    expect(nearby('村里有没有大夫')).not.toContain('功夫');
    expect(nearby('村里有没有大夫')).not.toContain('下功夫');
    // Nor do common characters (大, 一, 个) count as morphemes.
    expect(nearby('村里欠了一屁股债')).toEqual(expect.arrayContaining(['债务']));
    expect(nearby('村里欠了一屁股债').some((w) => w.includes('一'))).toBe(false);
  });

  it('a word the texts have gets no neighbours and its answer stays full', () => {
    expect(nearby('厕所革命')).toEqual([]);
    const r = engine.search('厕所革命');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('003-018');
  });

  it('a topic the texts never discuss still gets no full answer', () => {
    for (const q of ['飞机', '大夫 飞机']) {
      const r = engine.search(q);
      expect(r.total === 0 || r.partial, q).toBe(true);
    }
  });
});

describe('everyday words, third pass: separable words, glosses alike, the meaning of a word the dictionary lacks', () => {
  it('上不了学 is 上学 split by a complement: the answer is about schooling (控辍保学, 就读), not empty', () => {
    const r = engine.search('孩子上不了学咋办', { limit: 3 });
    expect(r.results[0]?.id).toBe('003-008');
    expect(r.matched).toContain('上学');
    expect(joinSeparable('孩子上不了学咋办', () => false)).toBe('孩子上学咋办');
    expect(joinSeparable('脱了贫又返贫', (w) => w === '脱贫')).toBe('脱贫又返贫');
    // Only where the two halves are a word people ask with or a word of the texts: 为了挣钱 stays as typed.
    expect(joinSeparable('为了挣钱', () => false)).toBe('为了挣钱');
    // Split, nothing says schooling: only 孩子's neighbour 少儿 answers (one passage, 上学 unmatched), and with a lone
    // character (学) choosing among neighbours, as before round 5, nothing at all.
    const split = createSearchEngine(corpus, { separableWords: false }).search('孩子上不了学咋办', { limit: 3 });
    expect(split.matched).not.toContain('上学');
    expect(split.results.map((x) => x.id)).toEqual(['003-008']);
    expect(r.results.length).toBe(3);
    const before = createSearchEngine(corpus, { separableWords: false, nearbyAnchorChars: 1 });
    expect(before.search('孩子上不了学咋办', { limit: 3 }).results.map((x) => x.id)).not.toContain('003-008');
  });

  it('本地人 (not in the texts) is glossed like 本土 "native": 本地人当村干部 finds the passage on local talent, partial', () => {
    const r = engine.search('本地人当村干部', { limit: 3 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(expect.arrayContaining(['本土', '村干部']));
    expect(r.results[0]?.id).toBe('000-005');
    expect(r.results[0]?.segments.filter((x) => x.match).map((x) => x.text)).toContain('村干部');
    expect(nearby('本地人当村干部')).toContain('本土');
    const exact = createSearchEngine(corpus, { neighbours: { similarity: 0 } });
    expect(exact.search('本地人当村干部').matched).not.toContain('本土');
  });

  it('a neighbour glossed as the word is (贪污, 腐败 "corruption") may stand in the same document as the named words', () => {
    // No passage holds 腐败 (of 微腐败) beside 村干部, but the document about village cadres holds both.
    const r = engine.search('村干部贪污', { limit: 10 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(expect.arrayContaining(['村干部', '腐败']));
    expect(r.results.map((x) => x.id)).toContain('002-023');
    // sameSenseSay off (round 24): it reads 贪污 "corruption" as 贪腐 (→ 微腐败 of 002-023) on its own.
    const strict = createSearchEngine(corpus, { nearbySure: Infinity, sameSenseSay: false });
    expect(strict.search('村干部贪污', { limit: 10 }).results.map((x) => x.id)).not.toContain('002-023');
  });

  it('村里的工钱: 工钱 "wages" reaches 工资 "wage" by its glosses, and the answer says it matched only that', () => {
    const r = engine.search('村里的工钱', { limit: 5 });
    expect(r.partial).toBe(true);
    expect(r.matched).toEqual(['工资']);
    expect(r.results.map((x) => x.id)).toContain('003-020');
  });
});

describe('place words', () => {
  it('村里 says where, not what about: 村里有黑社会欺负人 answers with 扫黑除恶, not with the one passage that says 村里', () => {
    expect(engine.explain('村里有黑社会欺负人').analyzed.concepts.find((c) => c.text === '村里')?.place).toBe(true);
    expect(ids('村里有黑社会欺负人', 1)).toEqual(['002-023']);
    // sameSenseSay off (round 24): it reads 欺负 "to bully" as an everyday word of the 扫黑除恶 group (→ 002-023) on its own.
    expect(createSearchEngine(corpus, { placeAsAspect: false, sameSenseSay: false }).search('村里有黑社会欺负人', { limit: 1 }).results[0]?.id).toBe('002-026');
  });
});

describe('documents added later', () => {
  const model = corpus.passages[0] as Passage;
  const library = (texts: string[]): ReturnType<typeof createSearchEngine> => {
    const passages = texts.map((text, i) => ({ ...model, id: `n-${i}`, section: null, text }));
    return createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) });
  };

  it('neighbours come from the words of whatever texts the engine holds', () => {
    const added = library(['农村完成户用厕所改建四百户。', '乡村医生定期到户巡诊。', '农村修通了公路，乡村发展特色种植业。']);
    expect(added.search('农村旱厕').results[0]?.id).toBe('n-0');
    expect(added.search('乡村大夫').results[0]?.id).toBe('n-1');
    expect(added.search('乡村大夫').partial).toBe(true);
    // Glosses alike: 本地人 "native person" → 本土 "native soil; local".
    expect(added.search('乡村本地人').matched ?? []).not.toContain('本土');
    const local = library(['留住本土人才，服务乡村发展。', '乡村修通了公路。']);
    expect(local.search('乡村本地人').results[0]?.id).toBe('n-0');
    expect(local.search('乡村本地人').matched).toContain('本土');
    const without = library(['农村修通了公路。', '乡村发展特色种植业。']);
    expect(without.search('农村旱厕').matched).toEqual(['农村']);
    expect(without.search('乡村大夫').matched).toEqual(['乡村']);
  });
});

describe('the gloss-word counts shipped beside the dictionary', () => {
  it('are the counts of lexicon/cedict-glosses.tsv.gz as it is (rebuild with scripts/build-gloss-words.ts)', () => {
    const lines = gunzipSync(readFileSync(GLOSS_WORDS_FILE)).toString('utf8').trim().split('\n');
    const { headwords, counts } = runNow(countGlossWords(GLOSS_WORDS_SENSES));
    expect(lines[0]).toBe(`#\t${headwords}\t${GLOSS_WORDS_SENSES}`);
    expect(lines.length - 1).toBe(counts.size);
    for (const line of lines.slice(1)) {
      const [word, n] = line.split('\t');
      expect(counts.get(word as string), word).toBe(Number(n));
    }
  });
});
