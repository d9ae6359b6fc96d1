import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../../src/search/bounded-memo.js';
import { charCount } from '../../src/search/normalize.js';

describe('createBoundedMemo', () => {
  it('keeps answers until it holds `limit` of them, then forgets them all before keeping the next', () => {
    const memo = createBoundedMemo<string, number>(3);
    expect(memo.set('a', 1)).toBe(1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.size]).toEqual([1, 2, 3, 3]);
    memo.set('d', 4);
    expect([memo.get('a'), memo.get('c'), memo.get('d'), memo.size]).toEqual([undefined, undefined, 4, 1]);
  });

  it('keeps a falsy answer (false, 0, empty string, null) as an answer', () => {
    const memo = createBoundedMemo<string, boolean | number | string | null>(10);
    memo.set('no', false);
    memo.set('zero', 0);
    memo.set('empty', '');
    memo.set('none', null);
    expect([memo.get('no'), memo.get('zero'), memo.get('empty'), memo.get('none'), memo.get('other')]).toEqual([false, 0, '', null, undefined]);
  });

  it('holds at least one answer whatever the limit', () => {
    const memo = createBoundedMemo<string, number>(0);
    memo.set('a', 1);
    expect(memo.get('a')).toBe(1);
    memo.set('b', 2);
    expect([memo.get('a'), memo.get('b')]).toEqual([undefined, 2]);
  });
});

describe('charCount', () => {
  it('counts characters as Array.from does: a surrogate pair is one, a lone surrogate one', () => {
    for (const text of ['', '乡村振兴', 'abc', '𠀀村', 'a\ud800b', '\udc00\ud800', '\ud800', '𠀀\ud800\udc00x', '第一书记 选排']) {
      expect(charCount(text), JSON.stringify(text)).toBe(Array.from(text).length);
    }
  });
});
