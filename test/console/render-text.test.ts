import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/console/render-text.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { extractKeywords } from '../../src/search/jieba.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { buildResultsView } from '../../src/router/router.js';

describe('console text renderer', () => {
  it('shows a digest: heading with date and weekday, every passage with its source, key terms', () => {
    const planner = createDigestPlanner(getSharedCorpus(), { extractKeywords });
    const d = planner.digestFor('2026-11-23');
    const text = renderText({ kind: 'digest', lang: 'zh', preview: true, digest: d });
    expect(text.split('\n')[0]).toBe('每日一读 · 产业振兴 · 11月23日 星期一');
    for (const p of d.passages) {
      expect(text).toContain(p.text.trim());
      expect(text).toContain(p.section ? `——《${p.title}》· ${p.section}` : `——《${p.title}》`);
    }
    expect(text).toContain(`今日关键词：${d.keywords.join('、')}`);
    expect(text.indexOf('延伸阅读')).toBeGreaterThan(text.indexOf(d.passages[0]!.text.trim()));
  });

  it('numbers results across pages and marks matches with ** when colour is off, ANSI bold when on', () => {
    const res = getSharedEngine().search('集体经济', { limit: 2, page: 2 });
    expect(res.page).toBe(2);
    const view = buildResultsView(res, 'zh', 'search', '集体经济', undefined, 2);
    const plain = renderText(view);
    expect(plain).toMatch(/^搜索：集体经济/);
    expect(plain).toContain('\n3. 《');
    expect(plain).toContain('**');
    expect(renderText(view, { color: true })).toContain('\u001b[1;33m');
  });

  it('drops terminal control characters from user text', () => {
    const text = renderText({
      kind: 'message',
      lang: 'zh',
      tone: 'error',
      message: { zh: 'bad\u001b[2Jquery\u0007', en: '' },
    });
    expect(text).toBe('bad[2Jquery');
  });
});
