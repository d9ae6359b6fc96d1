/**
 * A theme word beside a topic (生态振兴 垃圾, talent revitalization returning graduates; issue 9, theme words): the
 * theme says where to look and the topic decides the order, so the theme's passage about the topic comes before the
 * theme's passages that only repeat its name. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const top = (q: string, k = 3): string[] => engine.search(q, { limit: k }).results.map((r) => r.id);
const marks = (q: string): string[] => engine.search(q, { limit: 1 }).results[0]?.segments.filter((s) => s.match).map((s) => s.text) ?? [];

describe('a theme word with a topic', () => {
  it('产业振兴 旅游: the industry passage on rural tourism first, not the one naming industrial revitalization', () => {
    const r = engine.search('产业振兴 旅游', { limit: 3 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('002-017');
    expect(marks('产业振兴 旅游')).toContain('乡村旅游');
  });

  it('in English too: industrial revitalization tourism, talent revitalization returning graduates', () => {
    expect(top('industrial revitalization tourism')[0]).toBe('002-017');
    expect(top('talent revitalization returning graduates', 2).sort()).toEqual(['000-005', '002-016']);
  });

  it('cultural revitalization intangible heritage: the 非遗 passage first, marked', () => {
    expect(top('cultural revitalization intangible heritage')[0]).toBe('003-017');
    expect(marks('cultural revitalization intangible heritage')).toContain('非遗');
  });

  it('a theme word alone still ranks its theme', () => {
    const r = engine.search('产业振兴', { limit: 5 });
    expect(r.partial).toBe(false);
    expect(r.results.map((x) => x.id)).toContain('000-001');
  });
});
