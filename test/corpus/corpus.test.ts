import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CorpusError,
  PACKAGE_SEEDS_DIR,
  countPlaceholders,
  loadCatalog,
  loadCorpus,
  type Corpus,
} from '../../src/corpus/index.js';
import { SEED_FILES, seedText } from './seed-text.js';

/** Every piece of web chrome and print artefact the issue lists; none may be findable in any passage. */
const FORBIDDEN = [
  '您的位置',
  '本文移动端',
  '08:00',
  '来源:网络整理',
  '免责声明',
  '出自:',
  '链接地址',
  'http',
  'www.',
  '850500',
  '转载请保留',
  '推荐范文',
  '公文驿站',
  '公文集锦',
  '相关信息',
  'MORE >>',
  '网友交流群',
  '2223934',
  '加入中电源云学苑',
  '编辑:中国电源产业网',
  '标签:',
  '电源协会行业党支部',
  '中共中央政治局召开民主生活会', // sidebar headline in 004
  '《习近平谈治国理政》第五卷', // sidebar summary in 004
  '理论之窗',
  '理论前沿',
  '学习宣传贯彻《条例》',
  '下转第',
  '^[',
  'baoku',
  '导语',
  '来源:《解放日报》',
  '原标题为',
  '【新视点】',
  '2023-01-16',
  '拉萨市委宣传部 拉萨市扶贫办',
  '肌体的·神经末梢',
];

describe('loadCorpus over the package seeds', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus();
  });

  it('describes the five documents and indexes the four related articles of 003 and the others', () => {
    expect(corpus.documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(corpus.documents.map((d) => d.file)).toEqual(Object.values(SEED_FILES));
    expect(corpus.articles.map((a) => a.id)).toEqual(['000', '001', '002', '003', '003c', '004']);
    expect(corpus.passages.length).toBeGreaterThan(90);
  });

  it('finds no web chrome or print artefact in any passage', () => {
    for (const p of corpus.passages) {
      for (const bad of FORBIDDEN) expect(p.text.includes(bad), `${p.id} contains "${bad}"`).toBe(false);
    }
  });

  it('keeps the block 003 prints twice once', () => {
    const all = corpus.passages.map((p) => p.text).join('\n');
    expect(all.split('共落实困难家庭大学生教育资助金1008.6万元').length - 1).toBe(1);
    expect(all.split('全面建设社会主义现代化国家,最艰巨最繁重的任务在农村').length - 1).toBe(1);
  });

  it('joins the hard breaks of 003 in the passage text', () => {
    const all = corpus.passages.map((p) => p.text).join('\n');
    for (const joined of ['有机衔接的有效途径', '2.2万场次,受益群众', '进一步加快产业项目建设']) {
      expect(all).toContain(joined);
    }
  });

  it('leaves out the unrelated ethnic-unity article of 003, described in the catalog with its reason', () => {
    const excluded = corpus.documents.find((d) => d.id === '003')!.articles.find((a) => a.id === '003b')!;
    expect(excluded).toMatchObject({ included: false, author: '王娜' });
    expect(excluded.title).toBe('坚决守好民族团结这条生命线 积极创建民族团结进步模范区');
    expect(excluded.note).toContain('Excluded from the index');
    const all = corpus.passages.map((p) => p.text).join('\n');
    expect(all).not.toContain('民族团结进步模范区');
    expect(all).not.toContain('作者单位');
    expect(corpus.passages.some((p) => p.articleId === '003b')).toBe(false);
  });

  it('titles every passage with its article title, never a file name', () => {
    const titles = new Map(corpus.articles.map((a) => [a.id, a.title]));
    for (const p of corpus.passages) {
      expect(p.title).toBe(titles.get(p.articleId));
      expect(p.title).not.toMatch(/\.txt|_[0-9a-f]{8}/);
    }
  });

  it('gives ids of doc id and a three-digit ordinal, consecutive within each document', () => {
    for (const doc of corpus.documents) {
      const ids = corpus.passages.filter((p) => p.docId === doc.id).map((p) => p.id);
      expect(ids).toEqual(ids.map((_, i) => `${doc.id}-${String(i).padStart(3, '0')}`));
    }
    expect(corpus.byId.size).toBe(corpus.passages.length);
    expect(corpus.byId.get('003-000')!.text.startsWith('全面小康路上一个不能少')).toBe(true);
  });

  it('gives the same ids and texts on every start, also from a copy of the seeds', () => {
    const again = loadCorpus();
    expect(again.passages).toEqual(corpus.passages);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-seeds-'));
    try {
      cpSync(PACKAGE_SEEDS_DIR, dir, { recursive: true });
      const copy = loadCorpus({ seedsDir: dir });
      expect(copy.passages.map((p) => [p.id, p.text])).toEqual(corpus.passages.map((p) => [p.id, p.text]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps anonymisation placeholders in the text and counts them', () => {
    const p = corpus.passages.find((q) => q.text.includes('总投资x.x亿元'))!;
    expect(p.text).toContain('xx个投资项目');
    expect(p.placeholders).toBe(countPlaceholders(p.text));
    expect(countPlaceholders('目前已累计落地xx个投资项目,总投资x.x亿元。截至xxxx年底,示xx村x/x以上')).toBe(5);
    expect(countPlaceholders('党员联户e矩阵')).toBe(0);
    expect(corpus.passages.filter((q) => q.docId === '000').every((q) => q.placeholders === 0)).toBe(true);
  });

  it('never normalises the display text: full-width punctuation of 000 stays full-width', () => {
    expect(corpus.byId.get('000-001')!.text).toContain('，');
    expect(corpus.byId.get('000-001')!.text).toContain('：');
  });

  it('repairs the stray dot of 002 through the catalog', () => {
    expect(corpus.passages.some((p) => p.text.includes('党的肌体的神经末梢'))).toBe(true);
  });
});

describe('the catalog', () => {
  const catalog = loadCatalog(PACKAGE_SEEDS_DIR);
  const article = (id: string) => catalog.flatMap((d) => d.articles).find((a) => a.id === id)!;

  it('marks the titles the texts do not give as descriptive', () => {
    expect(article('000')).toMatchObject({ titleIsDescriptive: true, source: null, author: null, date: null });
    expect(article('001')).toMatchObject({ titleIsDescriptive: true, source: null, author: null, date: null });
  });

  it('takes titles, sources, authors and dates from the texts themselves', () => {
    for (const doc of catalog) {
      const raw = seedText(doc.id).replace(/\s+/g, '');
      for (const a of doc.articles) {
        if (!a.titleIsDescriptive) expect(raw.includes(a.title.replace(/\s+/g, '')), a.id).toBe(true);
        for (const value of [a.author, a.source, a.via, a.date, a.originalTitle]) {
          if (value) expect(raw.includes(value.replace(/\s+/g, '')), `${a.id}: ${value}`).toBe(true);
        }
      }
    }
  });

  it('records 002, 003 and 004 as their texts give them', () => {
    expect(article('002')).toMatchObject({
      title: '2022年关于新时代党建引领乡村振兴的探讨与研究范文',
      source: '百味书屋',
      sourceUrl: 'http://www.850500.com/news/268096.html',
    });
    expect(article('003')).toMatchObject({ author: '拉萨市委宣传部 拉萨市扶贫办', included: true });
    expect(article('003c')).toMatchObject({
      title: '抓党建促脱贫攻坚 为乡村留下“三笔财富”',
      author: '王晓萍',
      source: '《求是》杂志2020年第9期',
      date: '2020',
    });
    expect(article('004')).toMatchObject({
      title: '基层党建如何推进乡村振兴战略深度融合?',
      source: '解放日报',
      via: '中国电源产业网',
      date: '2023-01-16',
      originalTitle: '共强基层 共抓治理 共解难题 共办实事',
    });
  });
});

describe('corpus errors', () => {
  let dir: string;
  const catalogPath = () => path.join(dir, 'catalog.json');
  const original = readFileSync(path.join(PACKAGE_SEEDS_DIR, 'catalog.json'), 'utf8');
  const withCatalog = (edit: (json: any) => void) => {
    const json = JSON.parse(original);
    edit(json);
    writeFileSync(catalogPath(), JSON.stringify(json));
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-bad-seeds-'));
    cpSync(PACKAGE_SEEDS_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const errorOf = (fn: () => unknown): CorpusError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof CorpusError) return err;
      throw err;
    }
    throw new Error('expected a CorpusError');
  };

  it('names the bad field of the catalog', () => {
    withCatalog((json) => {
      json.documents[3].articles[1].title = 42;
    });
    const err = errorOf(() => loadCatalog(dir));
    expect(err.code).toBe('CATALOG_INVALID');
    expect(err.message).toBe(
      `${catalogPath()}: documents[3].articles[1].title: Invalid input: expected string, received number`,
    );
  });

  it('names a malformed date', () => {
    withCatalog((json) => {
      json.documents[4].articles[0].date = '2023年1月16日';
    });
    expect(errorOf(() => loadCorpus({ seedsDir: dir })).message).toBe(
      `${catalogPath()}: documents[4].articles[0].date: a date is YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  });

  it('requires line ranges where a file holds several articles', () => {
    withCatalog((json) => {
      delete json.documents[3].articles[2].lines;
    });
    expect(errorOf(() => loadCatalog(dir)).message).toBe(
      `${catalogPath()}: documents[3].articles[2].lines: required when a file holds several articles`,
    );
  });

  it('rejects overlapping article ranges', () => {
    withCatalog((json) => {
      json.documents[3].articles[2].lines = [[84, 107]];
    });
    const err = errorOf(() => loadCorpus({ seedsDir: dir }));
    expect(err.code).toBe('LINE_RANGE_INVALID');
    expect(err.message).toBe(`article 003c: line 84 of ${SEED_FILES['003']} is already part of article 003b`);
  });

  it('rejects a curated fix that is not in the text', () => {
    withCatalog((json) => {
      json.documents[2].fixes[0].find = '没有这段文字';
    });
    const err = errorOf(() => loadCorpus({ seedsDir: dir }));
    expect(err.code).toBe('CURATION_NOT_FOUND');
    expect(err.message).toBe(`document 002: fix "没有这段文字" must occur exactly once in ${SEED_FILES['002']}, found 0`);
  });

  it('rejects a curated sub-heading that is not in the text', () => {
    withCatalog((json) => {
      json.documents[3].articles[2].subheadings.push('并不存在的小标题。');
    });
    expect(errorOf(() => loadCorpus({ seedsDir: dir })).message).toBe(
      'article 003c: heading or sub-heading not found in the cleaned text: "并不存在的小标题。"',
    );
  });

  it('names a missing seed file', () => {
    writeFileSync(catalogPath(), original);
    unlinkSync(path.join(dir, SEED_FILES['001']!));
    const err = errorOf(() => loadCorpus({ seedsDir: dir }));
    expect(err.code).toBe('SEED_MISSING');
    expect(err.message).toBe(`document 001: cannot read seed file ${path.join(dir, SEED_FILES['001']!)}`);
  });

  it('names a missing or broken catalog', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-no-seeds-'));
    try {
      const err = errorOf(() => loadCorpus({ seedsDir: empty }));
      expect(err.code).toBe('CATALOG_MISSING');
      expect(err.message).toBe(`cannot read the corpus catalog ${path.join(empty, 'catalog.json')}`);
      writeFileSync(path.join(empty, 'catalog.json'), '{ "version": 1,');
      const broken = errorOf(() => loadCatalog(empty));
      expect(broken.code).toBe('CATALOG_INVALID');
      expect(broken.message.startsWith(`${path.join(empty, 'catalog.json')}: not valid JSON (`)).toBe(true);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
