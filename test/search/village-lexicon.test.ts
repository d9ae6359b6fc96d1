import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/search/normalize.js';
import { RELATED_TERMS } from '../../src/search/index.js';
import { VILLAGE_LEXICON } from '../../src/search/lexicon.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();

describe('village lexicon: how people in villages say what the texts discuss', () => {
  // Phrasings written from the passages (001-015 村均债务 … 化债; 002-030 村级组织换届; 003-018 户用卫生厕所改建),
  // none of them a word the texts use.
  it('村里欠债怎么办 finds the passage on village debts (债务, 化债) first, as a full answer', () => {
    const r = engine.search('村里欠债怎么办');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.text).toContain('村均债务');
  });

  it('选村干部 finds the election of the village committees (换届) first', () => {
    const r = engine.search('选村干部');
    expect(r.results[0]?.text).toContain('换届');
  });

  it('茅厕改造 finds the household toilets rebuilt under the toilet revolution first', () => {
    const r = engine.search('茅厕改造');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.text).toContain('户用卫生厕所');
  });

  // Round 5: concepts the first pass left out, phrased as cadres say them (002-020 一窗受理 … 首问负责; 002-025 党建引领
  // 停留在口号上; 002-019 千村示范、万村整治; 003-008/003-010/003-011 the 三保障 section), none a word of the texts.
  it('最多跑一次 finds the one-window service (一窗受理, 全程代办) first, as a full answer', () => {
    const r = engine.search('最多跑一次');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('002-020');
  });

  it('形式主义走过场 finds Party building left at slogans (停留在口号上, 两张皮) first', () => {
    const r = engine.search('形式主义走过场');
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('002-025');
  });

  it('千万工程 finds 千村示范、万村整治 first', () => {
    const r = engine.search('千万工程');
    expect(r.results[0]?.id).toBe('002-019');
  });

  it('两不愁三保障 is answered in full from the 三保障 section (schooling, medical care, safe housing)', () => {
    const r = engine.search('两不愁三保障');
    expect(r.partial).toBe(false);
    expect(['003-008', '003-010', '003-011']).toContain(r.results[0]?.id);
  });

  it('a subject the texts never discuss, asked with a lexicon word, is not answered as a full match', () => {
    for (const q of ['美国大选投票', '天气预报', '股票行情', '投诉快递公司', '看风水选日子', '光纤入户多少钱', '候选人名单']) expect(engine.search(q).partial || engine.search(q).results.length === 0, q).toBe(true);
  });
});

describe('related terms: every word given for the texts is a word of the library', () => {
  const texts = corpus.passages.map((p) => foldText(p.text));

  it('every text term of RELATED_TERMS occurs in some passage (none missing)', () => {
    const missing = RELATED_TERMS.flatMap((g) => g.text).filter((term) => !texts.some((t) => t.includes(foldText(term))));
    expect(missing).toEqual([]);
  });

  it('no everyday string of the village lexicon is a word of the library (the texts\' own words are searched as written)', () => {
    const inLibrary = VILLAGE_LEXICON.flatMap((g) => g.say).filter((s) => texts.some((t) => t.includes(foldText(s))));
    expect(inLibrary).toEqual([]);
  });

  it('no everyday string is given twice in the village lexicon', () => {
    const says = VILLAGE_LEXICON.flatMap((g) => g.say);
    expect(says.filter((s, i) => says.indexOf(s) !== i)).toEqual([]);
  });
});
