import { describe, expect, it } from 'vitest';
import { THEMES, type Passage } from '../../src/corpus/types.js';
import { createSearchEngine, SearchError, type SearchResponse } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();

function errorOf(fn: () => unknown): SearchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SearchError) return err;
    throw err;
  }
  throw new Error('expected a SearchError');
}

/** Every result of every page. */
function all(query: string): SearchResponse['results'] {
  const out: SearchResponse['results'] = [];
  for (let page = 1; ; page++) {
    const r = engine.search(query, { limit: 50, page });
    out.push(...r.results);
    if (page >= r.pageCount) return out;
  }
}

describe('search: results', () => {
  it('finds an exact term first and marks it in the snippet', () => {
    const r = engine.search('第一书记');
    expect(r.total).toBeGreaterThan(0);
    const top = r.results[0];
    expect(top?.text).toContain('第一书记');
    expect(top?.snippet).toContain('**第一书记**');
  });

  it('returns the passage, its source and its themes with each result', () => {
    const top = engine.search('领雁工程').results[0];
    if (!top) throw new Error('no result');
    const passage = corpus.byId.get(top.id);
    expect(top.passage).toBe(passage);
    expect(top).toMatchObject({
      id: passage?.id,
      docId: passage?.docId,
      title: passage?.title,
      section: passage?.section,
      text: passage?.text,
      themes: passage?.themes,
    });
    expect(top.score).toBeGreaterThan(0);
    expect(top.segments.map((s) => s.text).join('')).toBe(top.snippet.replace(/\*\*/g, ''));
  });

  it('keeps every snippet within about 160 characters', () => {
    for (const q of ['乡村振兴', '党建引领', '人才', '生态', '集体经济']) {
      for (const r of engine.search(q, { limit: 20 }).results) {
        expect(Array.from(r.segments.map((s) => s.text).join('')).length, `${q} ${r.id}`).toBeLessThanOrEqual(160);
      }
    }
  });

  it('never shows normalised text: results carry the passage text exactly as loaded', () => {
    for (const r of engine.search('ＦＩＲＳＴ　ＳＥＣＲＥＴＡＲＹ 鄉村振興').results) {
      expect(r.text).toBe(corpus.byId.get(r.id)?.text);
    }
  });

  it('finds traditional-character queries as their simplified form', () => {
    const ids = (q: string): string[] => engine.search(q).results.map((r) => r.id);
    expect(ids('鄉村振興')).toEqual(ids('乡村振兴'));
    expect(ids('易地扶貧搬遷')).toEqual(ids('易地扶贫搬迁'));
    expect(engine.search('廁所革命').results[0]?.text).toContain('厕所革命');
  });

  it('maps English theme names and key terms to the texts’ words', () => {
    const talent = engine.search('talent').results;
    expect(talent[0]?.text).toContain('人才');
    expect(talent[0]?.themes).toContain('talent');
    expect(engine.search('first secretary').results[0]?.snippet).toContain('**第一书记**');
    expect(engine.search('Toilet Revolution').results[0]?.text).toContain('厕所革命');
  });

  it('ignores question words: 怎样吸引人才回乡 finds the passage on attracting talent back', () => {
    expect(engine.search('怎样吸引人才回乡').results[0]?.text).toContain('吸引外部人才返乡');
  });

  it('finds paraphrases through related terms (看病 → 医疗, 搞旅游 → 乡村旅游)', () => {
    expect(engine.search('看病难').results[0]?.text).toMatch(/医疗|就医/);
    expect(engine.search('搞旅游').results.slice(0, 3).some((r) => r.text.includes('旅游'))).toBe(true);
    const phone = engine.search('网上卖农产品').results.slice(0, 3);
    expect(phone.some((r) => r.text.includes('电商'))).toBe(true);
  });

  it('ranks passages with the user’s own word above passages that only have a related term', () => {
    for (const q of ['旅游', '医疗', '返乡']) {
      const results = all(q);
      const literal = results.map((r) => r.text.includes(q));
      const firstWithout = literal.indexOf(false);
      if (firstWithout >= 0) expect(literal.slice(firstWithout).includes(true), q).toBe(false);
      expect(literal[0], q).toBe(true);
    }
  });

  it('prefers a passage holding the whole query over one holding its words apart', () => {
    const top = engine.search('电商 人才培养').results[0];
    expect(top?.text).toContain('电商人才培养');
  });
});

describe('search: what makes a passage a result', () => {
  const titled = corpus.passages.filter((p) => p.title.includes('范文'));

  it('a match in the title or section heading alone does not: 范文 is in 002’s page title, never in its text', () => {
    expect(titled.length).toBeGreaterThan(10);
    for (const p of corpus.passages) expect(p.text, p.id).not.toContain('范文');
    for (const q of ['范文', '推荐范文']) expect(engine.search(q).total, q).toBe(0);
    // 范文 describes the wanted material and no text has it, so it is dropped: 研究范文 searches 研究 in the texts.
    const research = engine.search('研究范文', { limit: 50 });
    const alone = engine.search('研究', { limit: 50 }).results.map((r) => r.id);
    expect([...research.results.map((r) => r.id)].sort()).toEqual([...alone].sort());
    for (const r of research.results) expect(r.text, r.id).toContain('研究');
    // round 21 titleSubject: 研究范文 is a request for material whose subject (研究) the title of 002 (…探讨与研究范文)
    // holds, so 研究 is scored in the body only and 002-004, first on its heading, is fourth; without the rule the
    // order is 研究's own.
    expect(research.results.map((r) => r.id)).toEqual(['003-003', '003-022', '003-002', '002-004']);
    const noTitleSubject = createSearchEngine(corpus, { titleSubject: false });
    expect(noTitleSubject.search('研究范文', { limit: 50 }).results.map((r) => r.id)).toEqual(alone);
  });

  it('a heading match still adds to the score of a passage whose text matches', () => {
    const model = corpus.passages[0] as Passage;
    const make = (id: string, title: string, section: string | null, text: string): Passage => ({ ...model, id, title, section, text });
    const passages = [
      make('t-0', '农家书屋建设', null, '村里建成农家书屋一处。'),
      make('t-1', '村庄规划', null, '村里建成农家书屋一处。'),
      make('t-2', '农家书屋建设', '农家书屋', '村里修了一条路。'),
    ];
    // dedupe off: t-0 and t-1 share their text on purpose, so that only the title differs.
    const small = createSearchEngine({ ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) }, { dedupe: false });
    const r = small.search('农家书屋');
    expect(r.results.map((x) => x.id)).toEqual(['t-0', 't-1']);
    expect(r.results[0]?.score).toBeGreaterThan(r.results[1]?.score ?? Infinity);
  });

  it('a theme name finds the passages under its heading first, then the theme’s other passages', () => {
    const results = all('生态振兴');
    expect(results[0]?.section).toContain('生态振兴');
    expect(results[0]?.text).toMatch(/生态/);
    // Every result says 生态 or is one of the theme's passages (垃圾填埋场 and 厕所革命 are ecology without the word).
    for (const r of results) expect(/生态/.test(r.text) || r.themes.includes('ecology'), r.id).toBe(true);
    const themed = corpus.passages.filter((p) => p.themes.includes('ecology')).map((p) => p.id);
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining(themed));
    expect(engine.search('生态振兴').partial).toBe(false);
  });

  it('a lone character left over from longer words does not: 中电源云学苑 finds nothing, though 中 alone does', () => {
    expect(engine.search('中电源云学苑').total).toBe(0);
    expect(engine.search('新视点').total).toBe(0);
    const zhong = engine.search('中', { limit: 50 });
    expect(zhong.total).toBeGreaterThan(5);
    for (const r of zhong.results) expect(r.segments.some((s) => s.match && s.text === '中'), r.id).toBe(true);
  });

  it('a name the texts lack is answered only partially, by the words of it they have: 理论之窗 → 理论', () => {
    expect(engine.search('理论').partial).toBe(false);
    const window = engine.search('理论之窗');
    expect(window.partial).toBe(true);
    expect(window.matched).toEqual(['理论']);
    for (const r of window.results) expect(r.text, r.id).toContain('理论');
    for (const q of ['百味书屋', '网友交流群', '农村留守儿童', '民主生活会', '中共中央政治局']) {
      const r = engine.search(q);
      expect(r.total === 0 || r.partial, q).toBe(true);
    }
    // Nothing the texts know at all: nothing found.
    expect(engine.search('新华社电').total).toBe(0);
  });

  it('a question’s verb may be missing from the texts: 如何防止返贫 and 怎么减少贫困 still find their subject', () => {
    for (const p of corpus.passages) expect(p.text).not.toMatch(/防止|减少贫困/);
    expect(engine.search('如何防止返贫').results[0]?.text).toContain('返贫');
    expect(engine.search('怎么减少贫困').results[0]?.text).toContain('贫困');
  });

  it('every result has a highlighted match in its snippet', () => {
    const queries = ['乡村振兴', '人才', '看病难', '住的房子不安全', '银行贷款支持农村', '怎样把党组织建在产业链上', '中', '党', 'talent'];
    for (const q of queries) {
      for (const r of all(q)) expect(r.segments.some((s) => s.match), `${q} ${r.id}`).toBe(true);
    }
  });
});

describe('search: syntax', () => {
  it('requires "quoted phrases" to occur as written', () => {
    const results = all('"绿水青山就是金山银山"');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.text).toContain('绿水青山就是金山银山');
    for (const r of all('“两委”班子')) expect(r.text).toContain('两委');
  });

  it('restricts to a theme with theme:/主题:', () => {
    const results = all('主题：人才 干部');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.themes).toContain('talent');
    expect(all('theme:talent 干部').map((r) => r.id)).toEqual(results.map((r) => r.id));
  });

  it('restricts to a document with doc:', () => {
    const results = all('doc:003 医疗');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.docId).toBe('003');
  });

  it('lists a theme’s passages, strongest first, for a bare theme: filter', () => {
    const r = engine.search('主题:生态', { limit: 50 });
    expect(r.total).toBeGreaterThan(0);
    const scores = r.results.map((x) => x.passage.themeScores.ecology);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const x of r.results) expect(x.themes).toContain('ecology');
  });

  it('lists a document in reading order for a bare doc: filter', () => {
    const r = engine.search('doc:004', { limit: 50 });
    const ordinals = r.results.map((x) => x.passage.ordinal);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    expect(r.total).toBe(corpus.passages.filter((p) => p.docId === '004').length);
  });

  it('throws SearchError with friendly messages on bad input', () => {
    expect(errorOf(() => engine.search('')).code).toBe('QUERY_EMPTY');
    expect(errorOf(() => engine.search('主题:旅游')).zh).toBe('没有“旅游”这个主题。可选主题：产业、人才、文化、生态、组织。');
    const doc = errorOf(() => engine.search('doc:7'));
    expect(doc.code).toBe('UNKNOWN_DOC');
    expect(doc.zh).toBe('没有编号为“7”的文档。可选文档：000、001、002、003、003c、004。');
    expect(errorOf(() => engine.search('"人才')).code).toBe('BAD_SYNTAX');
    expect(errorOf(() => engine.search('人'.repeat(20_000))).code).toBe('QUERY_TOO_LONG');
  });
});

describe('search: no results', () => {
  it('says so and suggests themes or terms that do match', () => {
    const r = engine.search('飞机票价格');
    expect(r.total).toBe(0);
    expect(r.results).toEqual([]);
    expect(r.pageCount).toBe(0);
    expect(r.suggestions.length).toBeGreaterThan(0);
    for (const s of r.suggestions) {
      expect(engine.search(s.text).total, s.text).toBeGreaterThan(0);
      if (s.kind === 'theme') expect(s.text).toMatch(/^主题:(产业|人才|文化|生态|组织)$/);
    }
  });

  it('suggests domain terms sharing characters with the query', () => {
    const r = engine.search('经济合作组织');
    if (r.total === 0) {
      expect(r.suggestions.some((s) => s.kind === 'term')).toBe(true);
    }
    // 飞机 is in no passage: the answer is partial, by 集体 alone.
    const half = engine.search('集体飞机');
    expect(half.partial).toBe(true);
    expect(half.matched).toEqual(['集体']);
    expect(half.suggestions).toEqual([]);
    // No word of it in the texts: nothing matches, and known terms sharing its characters are offered.
    const none = engine.search('集飞体机');
    expect(none.total).toBe(0);
    expect(none.suggestions[0]).toEqual({ kind: 'term', text: '集体经济' });
    expect(engine.search('集体经济').suggestions).toEqual([]);
  });

  it('when filters exclude every match, offers the words without the filters', () => {
    const r = engine.search('doc:004 厕所革命');
    expect(r.total).toBe(0);
    expect(r.suggestions[0]).toEqual({ kind: 'term', text: '厕所革命' });
    const themed = engine.search('主题:生态 淘宝村');
    expect(themed.total).toBe(0);
    expect(themed.suggestions[0]).toEqual({ kind: 'term', text: '淘宝村' });
    expect(themed.suggestions).toContainEqual({ kind: 'theme', text: '主题:生态' });
    expect(themed.suggestions).not.toContainEqual({ kind: 'term', text: '生态' });
  });
});

describe('search: paging', () => {
  it('pages through the results without overlap', () => {
    const p1 = engine.search('乡村振兴', { limit: 3, page: 1 });
    const p2 = engine.search('乡村振兴', { limit: 3, page: 2 });
    expect(p1.page).toBe(1);
    expect(p2.page).toBe(2);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / 3));
    expect(p2.total).toBe(p1.total);
    const ids = [...p1.results, ...p2.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(6);
    expect(engine.search('乡村振兴', { limit: 6 }).results.map((r) => r.id)).toEqual(ids);
  });

  it('answers a query asked again (the next page, the same question) exactly as an engine that keeps no analysis', () => {
    const keepsNone = createSearchEngine(corpus, { analysisCache: 0 });
    const small = createSearchEngine(corpus, { analysisCache: 2 });
    // A typo corrected, an exact search of it, filters alone, a phrase, English, chat noise, a partial answer.
    const queries = ['集体经计', '集体经计', '主题:人才', '"两委"班子', 'family doctors', '@小王 厕所革命 ppt', '民主生活会', '集体经计'];
    for (const q of queries) {
      for (const options of [{ limit: 5 }, { limit: 5, page: 2 }, { limit: 5, correct: false }]) {
        const want = keepsNone.search(q, options);
        expect(engine.search(q, options)).toEqual(want);
        expect(small.search(q, options)).toEqual(want);
      }
    }
    expect(engine.search('集体经计').corrected).toBe('集体经济');
    expect(engine.search('集体经计', { correct: false }).corrected).toBeNull();
  });

  it('defaults to 5 per page and clamps out-of-range pages and limits', () => {
    expect(engine.search('人才').results).toHaveLength(5);
    const last = engine.search('人才', { limit: 5, page: 999 });
    expect(last.page).toBe(last.pageCount);
    expect(engine.search('人才', { limit: 0 }).results).toHaveLength(1);
    expect(engine.search('人才', { limit: 10_000 }).results.length).toBeLessThanOrEqual(50);
    expect(engine.search('人才', { page: -3 }).page).toBe(1);
  });
});

describe('byTheme', () => {
  it('returns each theme’s passages, strongest first, with theme words marked', () => {
    for (const t of THEMES) {
      const r = engine.byTheme(t.id, { limit: 10 });
      expect(r.total, t.id).toBe(corpus.passages.filter((p) => p.themes.includes(t.id)).length);
      expect(r.query).toBe(t.name);
      const scores = r.results.map((x) => x.passage.themeScores[t.id]);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(r.results[0]?.segments.some((s) => s.match)).toBe(true);
    }
  });

  it('refuses an unknown theme with UNKNOWN_THEME', () => {
    expect(errorOf(() => engine.byTheme('agriculture' as never)).code).toBe('UNKNOWN_THEME');
  });
});

describe('get', () => {
  it('returns a passage by id, or undefined', () => {
    const p = corpus.passages[0];
    expect(engine.get(p?.id ?? '')).toBe(p);
    expect(engine.get('999-999')).toBeUndefined();
    expect(engine.get('__proto__')).toBeUndefined();
  });
});
