import { describe, expect, it } from 'vitest';
import { GRAM_PREFIX } from '../../src/search/analyze.js';
import { createSearchEngine } from '../../src/search/index.js';
import { addPositional, createTypoCorrector, fitsWindow, mayFitWindow, type PositionalChars } from '../../src/search/typo.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

// Round 26 (speed): the typo corrector asks its window look-up only where some word could fit the window
// (typo.ts mayFitWindow, from the characters the words of each length have at each position). The check must never
// turn away a window that some word fits (fitsWindow, the rule lookup applies to every candidate word): held here
// against fitsWindow itself over the real library's words, on windows made from them with characters changed.
const HAN = /^\p{Script=Han}+$/u;

describe('the corrector window check (speed, round 26)', () => {
  const engine = createSearchEngine(getSharedCorpus());
  const saved = engine.save() as unknown as { index: { terms: string[] } };
  const words = saved.index.terms.filter((t) => !t.startsWith(GRAM_PREFIX) && HAN.test(t) && Array.from(t).length >= 2 && Array.from(t).length <= 8);
  const byLength = new Map<number, string[][]>();
  const table: PositionalChars = [];
  for (const w of words) {
    const chars = Array.from(w);
    addPositional(table, chars);
    const list = byLength.get(chars.length) ?? [];
    list.push(chars);
    byLength.set(chars.length, list);
  }
  const pool = [...new Set(words.flatMap((w) => Array.from(w)))];
  // A fixed pseudo-random sequence (the test is the same on every run).
  let seed = 26;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  it('never turns away a window some word of the library fits', () => {
    expect(words.length).toBeGreaterThan(1000);
    let windows = 0;
    let fitting = 0;
    let turnedAway = 0;
    for (let n = 0; n < 4000; n++) {
      const base = pick(words);
      const window = Array.from(base);
      const len = window.length;
      // Characters changed (a typo of a library word), or, one time in four, a window of characters drawn at random.
      const changes = 1 + Math.floor(random() * Math.max(1, Math.floor(len / 2)));
      const changeable = window.map(() => random() < 0.3);
      if (random() < 0.25) {
        for (let k = 0; k < len; k++) window[k] = pick(pool);
      } else {
        for (let c = 0; c < changes; c++) {
          const k = Math.floor(random() * len);
          window[k] = pick(pool);
          changeable[k] = true;
        }
      }
      // The query's words over the window: cut at random places.
      const wordOf: number[] = [];
      let w = 0;
      for (let k = 0; k < len; k++) {
        if (k > 0 && random() < 0.4) w++;
        wordOf.push(w);
      }
      // The window inside a longer run, at an offset.
      const before = Array.from({ length: Math.floor(random() * 3) }, () => pick(pool));
      const after = Array.from({ length: Math.floor(random() * 3) }, () => pick(pool));
      const chars = [...before, ...window, ...after];
      const runChangeable = [...before.map(() => random() < 0.5), ...changeable, ...after.map(() => random() < 0.5)];
      const fits = (byLength.get(len) ?? []).some((v) => fitsWindow(v.join(''), window, changeable, wordOf, true) || fitsWindow(v.join(''), window, changeable, wordOf));
      const may = mayFitWindow(table, chars, before.length, len, runChangeable);
      windows++;
      if (fits) fitting++;
      if (!may) turnedAway++;
      if (fits) expect(may, `${window.join('')} at ${before.length}`).toBe(true);
    }
    // The check is no formality: it turns windows away, and some windows are fitted.
    expect(windows).toBe(4000);
    expect(fitting).toBeGreaterThan(100);
    expect(turnedAway).toBeGreaterThan(100);
  });

  it('turns away a window of a length no word has, and one with a fixed character no word has at its place', () => {
    const tiny: PositionalChars = [];
    addPositional(tiny, Array.from('集体经济'));
    addPositional(tiny, Array.from('振兴'));
    expect(mayFitWindow(tiny, Array.from('集体经计'), 0, 4, [false, false, true, true])).toBe(true);
    expect(mayFitWindow(tiny, Array.from('集体经计'), 0, 3, [true, true, true])).toBe(false);
    expect(mayFitWindow(tiny, Array.from('集休经计'), 0, 4, [false, false, true, true])).toBe(false);
    // Three of four characters no word has there: more than half would change.
    expect(mayFitWindow(tiny, Array.from('集乙丙丁'), 0, 4, [true, true, true, true])).toBe(false);
    expect(mayFitWindow(tiny, Array.from('阵兴'), 0, 2, [true, true])).toBe(true);
  });

  it('leaves the corrector correcting as before (the round-25 examples)', () => {
    const corrector = createTypoCorrector(() => [
      ['集体经济', 30],
      ['控辍保学', 5],
      ['组织振兴', 10],
      ['振兴', 50],
      ['组织', 40],
    ]);
    const pairs = new Set(['集体', '体经', '经济', '控辍', '辍保', '保学', '组织', '织振', '振兴']);
    const pairKnown = (p: string): boolean => pairs.has(p);
    expect(corrector.correctRun(['集体', '经计'], pairKnown)).toEqual([{ start: 0, from: '集体经计', to: '集体经济' }]);
    expect(corrector.correctRun(['控缀', '保学'], pairKnown)).toEqual([{ start: 0, from: '控缀保学', to: '控辍保学' }]);
    expect(corrector.correctRun(['组织', '阵型'], pairKnown)).toEqual([{ start: 0, from: '组织阵型', to: '组织振兴' }]);
  });
});
