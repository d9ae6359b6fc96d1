/**
 * Question-form queries (issue 9): the asking words around a question's subject (什么是, 是什么, 怎么, 多少 …) do not
 * decide what is found; the passage that answers comes first.
 */
import { describe, expect, it } from 'vitest';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const text = (id: string): string => corpus.byId.get(id)?.text ?? '';

describe('questions about a name the texts quote', () => {
  it('the whole query is the subject without the question words around it', () => {
    expect(engine.explain('强村九法是什么').analyzed.wholeBare).toBe('强村九法');
    expect(engine.explain('什么是三治融合').analyzed.wholeBare).toBe('三治融合');
    expect(engine.explain('怎么留住本土人才').analyzed.wholeBare).toBe('留住本土人才');
  });

  it.each([
    ['强村九法是什么', '002-022', '强村九法'],
    ['化债九法是什么', '001-014', '化债九法'],
  ])('%s: the passage naming it comes first, though jieba cuts the quoted name apart in the text', (q, id, name) => {
    expect(text(id)).toContain(`“${name}”`);
    const r = engine.search(q);
    expect(r.results[0]?.id).toBe(id);
    expect(r.partial).toBe(false);
    expect(r.results[0]?.segments.filter((s) => s.match).map((s) => s.text).join('')).toContain(name.slice(0, 2));
  });
});

describe('the kind of answer a question asks for (意义, 标准, 作用, 情况, 经验 …)', () => {
  it('is marked as such: after 什么 / 哪些, or after 的 and before the question; the subject is not', () => {
    const aspects = (q: string): string[] => engine.explain(q).analyzed.concepts.filter((c) => c.aspect).map((c) => c.text);
    expect(aspects('三免一补有什么意义')).toEqual(['意义']);
    expect(aspects('关于易地扶贫搬迁有什么政策')).toEqual(['政策']);
    expect(aspects('临时救助的标准是什么')).toEqual(['标准']);
    expect(aspects('产业振兴的情况怎么样')).toEqual(['情况']);
    expect(aspects('乡风文明有哪些经验')).toEqual(['经验']);
    // The subject of the question stays the subject.
    expect(aspects('强村九法是什么')).toEqual([]);
    expect(aspects('临时救助标准是多少')).toEqual([]);
    expect(aspects('为什么农民适应经济社会发展的能力不足')).toEqual([]);
    // The question's own verb, right before what it asks; not a verb after 怎么 / 如何, which says what is asked about.
    expect(aspects('三保障包括哪些方面')).toEqual(['包括']);
    expect(aspects('两委班子存在什么问题')).toEqual(['存在']);
    expect(aspects('怎样吸引人才回乡')).toEqual([]);
  });

  it('两委班子存在什么问题: the passage on the 两委 members\' schooling first, in full', () => {
    const r = engine.search('两委班子存在什么问题');
    expect(r.results[0]?.id).toBe('002-030');
    expect(r.partial).toBe(false);
  });

  it.each([
    ['扫黑除恶专项斗争有什么意义', ['002-023']],
    ['家庭医生签约的情况怎么样', ['003-010']],
    ['党员先锋站有什么作用', ['002-013']],
    ['移风易俗有哪些措施', ['002-019', '003-013']],
  ])('%s: a passage about the subject first, a full answer though it never says the asked-for word', (q, wanted) => {
    const r = engine.search(q);
    expect(wanted).toContain(r.results[0]?.id);
    expect(r.partial).toBe(false);
  });

  it('a passage saying only the asked-for word is no result', () => {
    // 意义 alone stands in 002-004 (之意义所在) and 002-001…006's heading (研究意义); none of them is about 三免一补.
    const r = engine.search('三免一补有什么意义', { limit: 50 });
    expect(r.results.map((x) => x.id)).toEqual(['003-006']);
    expect(r.partial).toBe(false);
  });
});

describe('a word found in most passages (发展, 乡村)', () => {
  it('is not required of a full match alongside a rarer word: the passages about 淘宝村 and 农村电商 answer in full', () => {
    const share = (w: string): number => corpus.passages.filter((p) => p.text.includes(w)).length / corpus.passages.length;
    expect(share('发展')).toBeGreaterThan(0.3);
    for (const id of ['001-005', '001-006']) expect(text(id)).not.toContain('发展');
    for (const q of ['我想知道淘宝村是怎么发展起来的', '农村电商发展有什么经验']) {
      const r = engine.search(q);
      expect(r.partial, q).toBe(false);
      expect(r.results.map((x) => x.id).filter((id) => id === '001-005' || id === '001-006').length, q).toBeGreaterThan(0);
    }
  });

  it('still counts when it is all the query names', () => {
    const r = engine.search('怎么发展');
    expect(r.partial).toBe(false);
    for (const hit of r.results) expect(hit.text).toContain('发展');
  });
});

describe('question forms with 哪 and a number', () => {
  it('are taken out whole, with 是指 / 指的是 before them and 年 / 级 after', () => {
    expect(engine.explain('五力是指哪五力').analyzed.dropped).toEqual(['是指哪五力']);
    expect(engine.explain('三治融合是哪一年开始的').analyzed.dropped).toEqual(['是哪一年']);
    expect(engine.explain('新时代文明实践中心建到哪一级').analyzed.dropped).toEqual(['哪一级']);
    // No 指 or 年 is left to be searched for.
    expect(engine.explain('五力是指哪五力').analyzed.concepts.map((c) => c.text)).toEqual(['五力']);
  });
});

describe('a name found only in a section heading', () => {
  it('is answered by the passage under that heading, in full, when no passage text holds it', () => {
    const p = corpus.byId.get('002-032');
    expect(p?.section).toContain('“五力”');
    expect(corpus.passages.some((x) => x.text.includes('五力'))).toBe(false);
    const r = engine.search('五力是指哪五力');
    expect(r.results.map((x) => x.id)).toEqual(['002-032']);
    expect(r.partial).toBe(false);
  });

  it('never lets a heading make a result where some passage text holds the words', () => {
    // 研究意义 is a heading of 002-001…006; 意义 also stands in 002-004's text: only the text counts.
    const r = engine.search('意义', { limit: 50 });
    for (const hit of r.results) expect(hit.text).toContain('意义');
  });
});

describe('yes-or-no questions and English asking what a name means', () => {
  it.each([
    ['贫困户脱贫后会不会返贫', ['能不能', '是不是', '会不会'], '003-022'],
    ['三治融合 what does it mean', ['what does', 'it mean'], '002-018'],
    ['what does 消薄 mean', ['what does', 'mean'], '002-022'],
  ])('%s: the asking words dropped, the subject answered in full', (q, forms, id) => {
    const { dropped } = engine.explain(q).analyzed;
    expect(dropped.length).toBeGreaterThan(0);
    for (const d of dropped) expect(forms).toContain(d);
    const r = engine.search(q);
    expect(r.partial).toBe(false);
    expect(r.results.slice(0, 3).map((x) => x.id)).toContain(id);
  });

  it('keeps an English word that means something else than asking (mean of a mean value is not dropped mid-query)', () => {
    expect(engine.explain('mean income 农民').analyzed.dropped).not.toContain('mean');
  });
});
