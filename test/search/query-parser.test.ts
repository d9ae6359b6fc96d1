import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query-parser.js';
import { SearchError } from '../../src/search/types.js';

function errorOf(fn: () => unknown): SearchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SearchError) return err;
    throw err;
  }
  throw new Error('expected a SearchError');
}

const known = { docIds: ['000', '001', '002', '003', '004'], articleIds: ['000', '001', '002', '003', '003c', '004'] };

describe('parseQuery', () => {
  it('keeps plain words as free text', () => {
    const q = parseQuery('电商  人才培养');
    expect(q.text).toBe('电商 人才培养');
    expect(q.phrases).toEqual([]);
    expect(q.themes).toEqual([]);
    expect(q.docs).toEqual([]);
  });

  it('reads "quoted phrases" with ASCII, full-width and corner quotes', () => {
    expect(parseQuery('"集体经济" 发展').phrases).toEqual(['集体经济']);
    expect(parseQuery('“两委”班子')).toMatchObject({ phrases: ['两委'], text: '班子' });
    expect(parseQuery('「绿水青山」')).toMatchObject({ phrases: ['绿水青山'], text: '' });
    expect(parseQuery('＂头雁＂').phrases).toEqual(['头雁']);
  });

  it('reads theme filters by id, English name, Chinese short or full name, with either colon', () => {
    for (const q of ['theme:talent', 'Theme:Talent', '主题:人才', '主题：人才', '主题:人才振兴', 'theme:人才', '主题: 人才']) {
      expect(parseQuery(q).themes, q).toEqual(['talent']);
    }
    expect(parseQuery('主题：生态 垃圾')).toMatchObject({ themes: ['ecology'], text: '垃圾' });
  });

  it('reads "主题 人才" (a space instead of the colon) as a theme filter, but not "主题 教育"', () => {
    expect(parseQuery('主题 人才')).toMatchObject({ themes: ['talent'], text: '' });
    expect(parseQuery('主题 教育')).toMatchObject({ themes: [], text: '主题 教育' });
  });

  it('reads doc filters and pads the number', () => {
    expect(parseQuery('doc:002 集体经济', known)).toMatchObject({ docs: ['002'], text: '集体经济' });
    expect(parseQuery('doc:2', known).docs).toEqual(['002']);
    expect(parseQuery('文档：３', known).docs).toEqual(['003']);
    expect(parseQuery('doc:003c', known).docs).toEqual(['003c']);
  });

  it('refuses an unmatched quote, naming the text', () => {
    const e = errorOf(() => parseQuery('“领什么 怎么领'));
    expect(e.code).toBe('BAD_SYNTAX');
    expect(e.zh).toBe('引号没有配对：“领什么 怎么领。要搜索一个完整的短语，请用一对引号把它括起来，例如 "集体经济"。');
    expect(e.en).toBe('Unmatched quote in: “领什么 怎么领. To search for an exact phrase, put it between a pair of quotes, e.g. "集体经济".');
  });

  it('refuses a filter without a value', () => {
    const e = errorOf(() => parseQuery('theme:'));
    expect(e.code).toBe('BAD_SYNTAX');
    expect(e.zh).toBe('“theme:” 后面缺少内容，例如 主题:人才 或 doc:002。');
    expect(e.en).toBe('"theme:" needs a value, e.g. theme:talent or doc:002.');
  });

  it('refuses an unknown theme, naming it and listing the themes', () => {
    const e = errorOf(() => parseQuery('主题:农业'));
    expect(e.code).toBe('UNKNOWN_THEME');
    expect(e.zh).toBe('没有“农业”这个主题。可选主题：产业、人才、文化、生态、组织。');
    expect(e.en).toBe('There is no theme "农业". Themes: industry, talent, culture, ecology, organization.');
  });

  it('refuses an unknown document, naming it and listing the documents', () => {
    const e = errorOf(() => parseQuery('doc:999', known));
    expect(e.code).toBe('UNKNOWN_DOC');
    // Every id doc: accepts is listed, the article 003c too.
    expect(e.zh).toBe('没有编号为“999”的文档。可选文档：000、001、002、003、003c、004。');
    expect(e.en).toBe('There is no document "999". Documents: 000, 001, 002, 003, 003c, 004.');
    expect(errorOf(() => parseQuery('doc:abc', known)).code).toBe('UNKNOWN_DOC');
  });

  it('refuses a query with nothing to search for', () => {
    for (const q of ['', '   ', '？？？', '""', '\u0000']) {
      const e = errorOf(() => parseQuery(q));
      expect(e.code, JSON.stringify(q)).toBe('QUERY_EMPTY');
      expect(e.zh).toBe('请输入要搜索的内容，例如：人才振兴、集体经济、主题:生态。');
      expect(e.en).toBe('Please type something to search for, e.g. 人才振兴, 集体经济 or theme:ecology.');
    }
  });

  it('treats other words with a colon as text', () => {
    expect(parseQuery('时间:2020年').text).toBe('时间:2020年');
  });
});
