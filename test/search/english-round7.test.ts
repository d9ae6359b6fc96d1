/**
 * English, round 7 of issue 9 (docs/search.md, English, round 7): numbered names (三免一补, 强村九法, 四个意识) spelt
 * from a number and the English after it, and "how many" asking as 多少 does. The real
 * engine over the seeds, and the rules' functions with stand-in texts.
 */
import { describe, expect, it } from 'vitest';
import { numberedNames } from '../../src/search/english.js';
import { getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const top = (q: string, k = 3): string[] => engine.search(q, { limit: k }).results.map((r) => r.id);
const marked = (q: string): string[] => engine.search(q, { limit: 1 }).results[0]?.segments.filter((s) => s.match).map((s) => s.text) ?? [];

describe('numbered names: a number and the English after it as the texts name a policy', () => {
  it.each([
    ['three exemptions and one subsidy', '003-006', '三免一补'],
    ['thousand enterprises pair up with thousand villages', '002-022', '千企'],
    ['four consciousnesses and four self-confidences', '003-001', '四个意识'],
    ['ten red lines', '002-016', '十条红线'],
    ['seven paths of rural revitalization', '002-007', '七条路'],
  ])('%s: first %s, %s marked', (q, id, shown) => {
    expect(top(q, 1)).toEqual([id]);
    expect(marked(q).join('')).toContain(shown);
  });

  it('a name made of one character per word (exempt → 免, the dictionary’s own gloss) is a full answer', () => {
    const r = engine.search('three exemptions and one subsidy', { limit: 3 });
    expect(r.partial).toBe(false);
  });

  // Stand-in texts: the rule asks only whether they hold a stretch, and what an English word translates to.
  const texts = '强村九法，化债九法，三免一补，四个意识，千企结千村，六大行动，五好家庭';
  const inTexts = (t: string): boolean => texts.includes(t);
  const translations: Record<string, string[]> = {
    methods: ['方法', '手段'],
    ways: ['方式', '方法'],
    consciousnesses: ['意识'],
    villages: ['村庄', '乡村'],
    enterprises: ['企业'],
    subsidy: ['补助'],
    major: ['重大', '主要'],
    actions: ['行为', '行动'],
    goods: ['产品', '良好'],
    rivers: ['河流'],
    people: ['人民'],
  };
  const translate = (phrase: string): string[] => translations[phrase] ?? [];
  it.each([
    ['nine methods to strengthen villages', ' 九法  to strengthen villages'],
    ['four consciousnesses', ' 四个意识 '],
    ['thousand enterprises pair up with thousand villages', ' 千企  pair up with  千村 '],
    ['six major actions', ' 六大行动 '],
  ])('%s → %s', (q, out) => {
    expect(numberedNames(q, inTexts, translate)).toBe(out);
  });

  it.each([
    // The texts lack 三河: left alone.
    'three rivers',
    // One alone is too common to name anything (一个, 一人): only a chain's second part may be one.
    'one subsidy',
    // An ordinal is the numbers rule's (第三批), not a name's.
    'third subsidy',
    // A word that means nothing (of, the) does not start a name.
    'five of the goods',
  ])('left alone: %s', (q) => {
    expect(numberedNames(q, inTexts, translate)).toBe(q);
  });

  it('a character stands for a word only right after the number: no name ends inside a later word', () => {
    // 六大 + 行 of 行动 is no name: after the first word only whole translations continue one.
    expect(numberedNames('six major actions', (t) => '六大行走'.includes(t), translate)).toBe(' 六大  actions');
  });
});

describe('how many', () => {
  it('how many: many is asked, not searched (it was 不少, of a passage that merely says many)', () => {
    const { analyzed } = engine.explain('how many resettlement sites were built');
    expect(analyzed.concepts.map((c) => c.text)).not.toContain('many');
    expect(top('how many resettlement sites were built', 1)).toEqual(['003-012']);
    expect(engine.explain('how much did tourism earn').analyzed.concepts.map((c) => c.text)).not.toContain('much');
  });

  it('a topic the texts never discuss still gets no full answer', () => {
    for (const q of ['how many wind turbines', 'three gorges dam', '1,200 solar panels']) {
      const r = engine.search(q);
      expect(r.results.length === 0 || r.partial === true, q).toBe(true);
    }
  });
});
