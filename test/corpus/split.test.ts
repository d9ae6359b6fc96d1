import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSERS, SENTENCE_END, endsSentence } from '../../src/corpus/clean.js';
import { loadCorpus, type Corpus, type Passage } from '../../src/corpus/index.js';
import {
  headingLabel,
  isHeading,
  leadSubheading,
  splitArticle,
  splitLongSentence,
  splitSentences,
} from '../../src/corpus/split.js';
import { SEED_FILES, seedLine, seedText } from './seed-text.js';

describe('splitSentences', () => {
  it('splits on 。！？； and keeps closing quotes with their sentence', () => {
    const line = seedLine('002', 15);
    const sentences = splitSentences(line);
    expect(sentences).toContain('“中国要强,农业必须强;');
    expect(sentences).toContain('中国要富,农民必须富。”');
    expect(sentences.join('')).toBe(line);
  });

  it('keeps a quote closing after the terminator: 000 "…新气象”。" ends one sentence', () => {
    const sentences = splitSentences(seedLine('000', 29));
    expect(sentences.some((s) => s.endsWith('焕发乡村文明新气象”。^[3]'))).toBe(false);
    expect(sentences.find((s) => s.includes('焕发乡村文明新气象'))!.endsWith('新气象”。')).toBe(true);
  });

  it('loses and adds nothing on any line of any seed', () => {
    for (const doc of Object.keys(SEED_FILES)) {
      for (const line of seedText(doc).split('\n')) expect(splitSentences(line).join('')).toBe(line);
    }
  });
});

describe('splitLongSentence', () => {
  it('cuts an over-long sentence at clause punctuation into pieces no longer than the limit', () => {
    const sentence = seedLine('002', 23).trim();
    expect(sentence.length).toBeGreaterThan(360);
    const pieces = splitLongSentence(sentence, 360);
    expect(pieces.length).toBe(2);
    expect(pieces.join('')).toBe(sentence);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(360);
      expect(piece).toMatch(/[，,、：:。]$/);
    }
  });

  it('leaves a sentence within the limit whole', () => {
    expect(splitLongSentence('乡村振兴,人才是关键。', 360)).toEqual(['乡村振兴,人才是关键。']);
  });
});

describe('headings', () => {
  it.each([
    '2、以高质量党建引领产业振兴',
    '6、高质量党建引领组织振兴',
    '一、近年来强化党建引领乡村振兴xx实践',
    '四、以“五力”为抓手推进新时代党建引领乡村振兴',
    '一、强化理论武装,政治站位全面提升',
    '创新基层党建联建的组织载体,打造城乡党建共同体——',
  ])('recognises %s', (line) => {
    expect(isHeading(line)).toBe(true);
  });

  it('does not take a paragraph opening with a number, or a hard-broken line, for a heading', () => {
    expect(isHeading(seedLine('001', 4))).toBe(false); // 1.注重…。坚持…
    expect(isHeading(seedLine('003', 33))).toBe(false); // …2.2万场
    expect(isHeading('推动产业项目提质增效,进一步加快产')).toBe(false);
    expect(isHeading(seedLine('000', 7))).toBe(false);
  });

  it('takes an unnumbered line for a heading when the catalog lists it', () => {
    const line = seedLine('003', 47); // 深刻领会习近平总书记关于民族工作和治边稳藏的重要论述
    expect(isHeading(line)).toBe(false);
    expect(isHeading(line, [line])).toBe(true);
  });

  it('labels a heading without its trailing dash', () => {
    expect(headingLabel('拓展农村整体性党建路径方法,打造多功能乡村振兴共同体——')).toBe(
      '拓展农村整体性党建路径方法,打造多功能乡村振兴共同体',
    );
  });

  it('finds the sub-heading of a numbered paragraph in 001', () => {
    expect(leadSubheading(seedLine('001', 4))).toBe('1.注重激发基层组织动能推动乡村振兴');
    expect(leadSubheading(seedLine('001', 1))).toBeNull();
  });

  it('finds a curated lead sentence, also after a lead-in such as "文章指出,"', () => {
    const curated = ['建强村党支部战斗堡垒,留下一笔“政治财富”。'];
    expect(leadSubheading(seedLine('003', 101), curated)).toBe('建强村党支部战斗堡垒,留下一笔“政治财富”');
  });
});

describe('splitArticle', () => {
  it('never puts a heading inside a passage, and never lets a passage span two sections', () => {
    const paragraphs = ['一、第一节', '甲乙丙丁。'.repeat(30), '二、第二节', '戊己庚辛。'.repeat(30)];
    const { chunks, headings } = splitArticle(paragraphs);
    expect(headings).toEqual(['一、第一节', '二、第二节']);
    for (const c of chunks) {
      expect(c.text).not.toContain('节');
      expect(c.text.includes('甲') && c.text.includes('戊')).toBe(false);
    }
  });

  it('lets a passage be shorter than 80 characters only when its section is', () => {
    const { chunks } = splitArticle(['一、短节', '只有一句。', '二、长节', '这是一句较长的话，用来凑足长度。'.repeat(12)]);
    expect(chunks[0]!.text).toBe('只有一句。');
    for (const c of chunks.slice(1)) expect(c.text.length).toBeGreaterThanOrEqual(80);
  });

  it('reports curated headings that match nothing', () => {
    expect(splitArticle(['正文。'], { subheadings: ['不存在的小标题。'] }).unmatched).toEqual(['不存在的小标题。']);
  });
});

describe('splitting any text', () => {
  const piece = fc.constantFrom('乡村振兴', '人才', '，', ',', '。', '；', '！', '”', '“', '、', 'xx', '1.', '一、', '产业兴旺');
  const paragraph = fc.array(piece, { minLength: 1, maxLength: 200 }).map((a) => a.join(''));

  it('loses and adds nothing when splitting sentences', () => {
    fc.assert(fc.property(paragraph, (text) => splitSentences(text).join('') === text));
  });

  it('gives passages that are slices of the article text, in order, none over the limit unless one sentence is', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const { text, chunks } = splitArticle(paragraphs);
        let last = 0;
        for (const c of chunks) {
          if (text.slice(c.start, c.end) !== c.text || c.start < last) return false;
          if (c.text.length > 360 && splitSentences(c.text).length > 1) return false;
          last = c.end;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('passages of the real corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = loadCorpus();
  });

  const articleText = (p: Passage) => corpus.articleTexts!.get(p.articleId)!;

  it('have text equal to their position in the cleaned article', () => {
    for (const p of corpus.passages) expect(articleText(p).slice(p.position.start, p.position.end), p.id).toBe(p.text);
  });

  it('are 80–360 characters', () => {
    for (const p of corpus.passages) {
      expect(p.text.length, p.id).toBeGreaterThanOrEqual(80);
      expect(p.text.length, p.id).toBeLessThanOrEqual(360);
    }
  });

  it('cut a sentence only where it alone is longer than 360 characters (002 "xx十条")', () => {
    const cut = corpus.passages.filter((p) => !p.fragment && !endsSentence(p.text));
    expect(cut.map((p) => p.id)).toEqual(['002-007']);
    const next = corpus.byId.get('002-008')!;
    const sentence = (cut[0]!.text.split('\n').at(-1) ?? '') + splitSentences(next.text)[0];
    expect(sentence.length).toBeGreaterThan(360);
    expect(sentence).toContain('“xx十条”');
  });

  it('otherwise start at a sentence start and end at a sentence end', () => {
    for (const p of corpus.passages) {
      if (p.fragment || p.id === '002-007' || p.id === '002-008') continue;
      const before = articleText(p)[p.position.start - 1];
      const startsClean =
        before === undefined || before === '\n' || SENTENCE_END.includes(before) || CLOSERS.includes(before);
      expect(startsClean, `${p.id} start`).toBe(true);
      expect(endsSentence(p.text), `${p.id} end`).toBe(true);
    }
  });

  it('carry the nearest heading as their section', () => {
    const byText = (s: string) => corpus.passages.find((p) => p.text.includes(s))!;
    expect(byText('“领头雁”队伍是关键').section).toBe('3、高质量党建引领人才振兴');
    expect(byText('厕所革命”等系列专项行动').section).toBe('5、高质量党建引领生态振兴');
    expect(byText('天目山镇“新农人”临时党支部').section).toBe('1.注重激发基层组织动能推动乡村振兴');
    expect(byText('大力发展集体经济、民营经济和家庭经济').section).toBe('提升基层党组织“发展推动力”,推动实现“产业兴旺”');
    expect(byText('大力发展集体经济、民营经济和家庭经济').sectionPath).toEqual([
      '四、以“五力”为抓手推进新时代党建引领乡村振兴',
      '提升基层党组织“发展推动力”,推动实现“产业兴旺”',
    ]);
    expect(byText('秉持开放式党建理念').section).toBe('创新基层党建联建的组织载体,打造城乡党建共同体');
    expect(byText('全面小康路上一个不能少').section).toBeNull();
  });

  it('never contain a heading line as text', () => {
    const headings = new Set(corpus.passages.flatMap((p) => p.sectionPath ?? []));
    for (const p of corpus.passages) {
      for (const line of p.text.split('\n')) expect(headings.has(line), `${p.id}: ${line}`).toBe(false);
    }
  });

  it('keep their ids: a change here means digests and links that name a passage point elsewhere', async () => {
    const lines = corpus.passages.map((p) => `${p.id} ${p.text.slice(0, 24).replace(/\n/g, '⏎')}`);
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/passage-ids.txt');
  });

  it('mark where the source itself is cut: the first and last passages of 000 only', () => {
    const fragments = corpus.passages.filter((p) => p.fragment);
    expect(fragments.map((p) => p.id)).toEqual(['000-000', corpus.passages.filter((p) => p.docId === '000').at(-1)!.id]);
    expect(fragments[0]!.text.startsWith('振兴的进程中')).toBe(true);
    expect(fragments[1]!.text.endsWith('如通过开展“万名党员')).toBe(true);
  });
});
