import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../src/search/typo.js';

// The corrector's window fit (typo.ts fitsWindow, lookup), pinned rule by rule over a small vocabulary: written in
// round 25 to check a speed change to it (no Set or join per candidate, each character's word numbered once per run),
// which answered alike but was not kept (docs/search.md, Speed, round 25). The rules had no test of the corrector
// alone: at most a third of a window changed; one character of four or more whatever it sounds like; one word of
// the query replaced whole by its exact homophone, and only when every changed character lies in that word.
const words: [string, number][] = [
  ['集体经济', 30],
  ['控辍保学', 5],
  ['组织振兴', 10],
  ['人才振兴', 8],
  ['振兴', 50],
  ['组织', 40],
  ['人才', 40],
];
const pairs = new Set<string>();
for (const [w] of words) for (let k = 0; k + 1 < w.length; k++) pairs.add(w.slice(k, k + 2));
const pairKnown = (pair: string): boolean => pairs.has(pair);

describe('typo window fit (speed, round 25)', () => {
  const corrector = createTypoCorrector(() => words);

  it('replaces a homophone typed for one character of a word (at most a third changed)', () => {
    expect(corrector.correctRun(['集体', '经计'], pairKnown)).toEqual([{ start: 0, from: '集体经计', to: '集体经济' }]);
  });

  it('replaces one character of four or more whatever it sounds like (a blanked key)', () => {
    expect(corrector.correctRun(['控缀', '保学'], pairKnown)).toEqual([{ start: 0, from: '控缀保学', to: '控辍保学' }]);
  });

  it('replaces one word of the query by its exact homophone when every character of that word changed', () => {
    expect(corrector.correctRun(['组织', '阵型'], pairKnown)).toEqual([{ start: 0, from: '组织阵型', to: '组织振兴' }]);
  });

  it('does not replace half a window whose changed characters belong to two words of the query', () => {
    // 组直|振星 reads zu zhi zhen xing like 组织振兴, but its changed characters (直, 星) lie in two words: the
    // four-character window does not fit, and each pair is corrected alone.
    const fixes = corrector.correctRun(['组直', '振星'], pairKnown);
    expect(fixes.some((f) => f.from === '组直振星')).toBe(false);
  });

  it('does not replace a word only partly changed when more than a third of it changed', () => {
    // 人财阵兴 typed as one word: two of its four characters changed (财, 阵), more than a third, and not the whole word.
    expect(corrector.correctRun(['人财阵兴'], pairKnown).some((f) => f.to === '人才振兴')).toBe(false);
  });
});

