import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_SEEDS_DIR } from '../../src/corpus/index.js';
import type { SearchResult } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// Web chrome and print artefacts found in seeds/*.txt: page furniture, credits, ads, page-turn notes, group numbers,
// column names, "recommended essay" links.
const ARTEFACTS = [
  '本文移动端',
  '免责声明',
  '推荐范文',
  '公文驿站',
  'MORE',
  '理论之窗',
  '下转第102页',
  'baoku',
  '网友交流群',
  '850500',
  '百味书屋',
  '中电源云学苑',
  '新视点',
  '您的位置',
  '转载请保留',
  '链接地址',
  'cpsa.org.cn',
  '2223934',
];

// Artefacts made of words the passages really use (相关 is a stop word, so 相关信息 searches 信息; 来源 and 网络 are in
// the texts; of 感谢转发分享 only 分享 is). A search finds those words and must show them: every result has a
// highlighted match, and each match is a piece of the artefact as typed, never the artefact itself.
const MADE_OF_TEXT_WORDS = ['相关信息', '来源:网络整理', '感谢转发分享'];

// Words of titles and not of any passage text: 范文 from 002's page title, 节选 from our catalog's descriptive title
// of 000 (not in the seed text at all).
const TITLE_ONLY = ['范文', '节选'];

const seedText = readdirSync(PACKAGE_SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(PACKAGE_SEEDS_DIR, f), 'utf8'))
  .join('\n')
  .toLowerCase();

describe('no piece of web chrome or print artefact is answered as if the texts had it', () => {
  const engine = getSharedEngine();
  const corpus = getSharedCorpus();

  /** Every result of every page. */
  const all = (query: string): SearchResult[] => {
    const out: SearchResult[] = [];
    for (let page = 1; ; page++) {
      const r = engine.search(query, { limit: 50, page });
      out.push(...r.results);
      if (page >= r.pageCount) return out;
    }
  };

  const notInText = (needle: string): void => {
    for (const p of corpus.passages) expect(p.text.toLowerCase(), p.id).not.toContain(needle.toLowerCase());
  };

  it.each(ARTEFACTS)('%s: in the seeds, in no passage; a search finds nothing or says it is partial', (artefact) => {
    expect(seedText).toContain(artefact.toLowerCase());
    notInText(artefact);
    const r = engine.search(artefact, { limit: 50 });
    if (r.total === 0) {
      expect(r.results).toEqual([]);
      return;
    }
    // Only through words of it the texts have (理论 of 理论之窗), and the answer says so.
    expect(r.partial, r.results.map((x) => x.id).join(' ')).toBe(true);
    expect(r.matched?.length).toBeGreaterThan(0);
    for (const m of r.matched ?? []) {
      expect(artefact.toLowerCase()).toContain(m);
      expect(m.length).toBeLessThan(artefact.length);
    }
  });

  it.each(MADE_OF_TEXT_WORDS)('%s: in the seeds, in no passage; results show only its own words', (artefact) => {
    expect(seedText).toContain(artefact.toLowerCase());
    notInText(artefact);
    for (const result of all(artefact)) {
      expect(result.text.toLowerCase(), result.id).not.toContain(artefact.toLowerCase());
      const matches = result.segments.filter((s) => s.match).map((s) => s.text);
      expect(matches.length, result.id).toBeGreaterThan(0);
      for (const m of matches) {
        expect(artefact, result.id).toContain(m);
        expect(m.length, result.id).toBeLessThan(artefact.length);
      }
    }
  });

  it.each(TITLE_ONLY)('%s: in a title, in no passage text, and a search finds nothing', (word) => {
    expect(corpus.passages.some((p) => p.title.includes(word))).toBe(true);
    notInText(word);
    expect(engine.search(word).total).toBe(0);
  });
});
