import { describe, expect, it } from 'vitest';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// Web chrome and print artefacts found in seeds/*.txt: page furniture, credits, ads, page-turn notes, group numbers.
const ARTEFACTS = [
  '本文移动端',
  '来源:网络整理',
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
  '您的位置',
  '转载请保留',
  '链接地址',
  'cpsa.org.cn',
  '2223934',
  '感谢转发分享',
  '相关信息',
];

describe('no piece of web chrome or print artefact is findable by searching for it', () => {
  const engine = getSharedEngine();
  const corpus = getSharedCorpus();

  it.each(ARTEFACTS)('%s', (artefact) => {
    const needle = artefact.toLowerCase();
    for (let page = 1; ; page++) {
      const r = engine.search(artefact, { limit: 50, page });
      for (const result of r.results) {
        expect(result.text.toLowerCase(), result.id).not.toContain(needle);
        expect(result.snippet.toLowerCase(), result.id).not.toContain(needle);
      }
      if (page >= r.pageCount) break;
    }
    // And not only on the pages a search returns: nowhere in the indexed text.
    for (const p of corpus.passages) expect(p.text.toLowerCase(), p.id).not.toContain(needle);
  });
});
