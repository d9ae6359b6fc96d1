import { describe, expect, it } from 'vitest';
import { createBoundedMemo, endsHash } from '../../src/search/bounded-memo.js';
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

  it('tells apart keys whose hashes fall on the same slot, and keeps each one\'s answer', () => {
    // Keys colliding on the first slot of a fresh table (its low bits), found by trying: the table must probe on.
    const slot = (key: string): number => endsHash(key) & 63;
    const keys = Array.from({ length: 2000 }, (_, i) => `词${i}`);
    const same = keys.filter((k) => slot(k) === slot(keys[0] as string)).slice(0, 5);
    expect(same.length).toBe(5);
    const memo = createBoundedMemo<string, string>(100);
    for (const k of same) memo.set(k, `answer of ${k}`);
    expect(same.map((k) => memo.get(k))).toEqual(same.map((k) => `answer of ${k}`));
    expect(memo.get(keys.find((k) => slot(k) === slot(same[0] as string) && !same.includes(k)) as string)).toBeUndefined();
    expect(memo.size).toBe(5);
  });

  it('keeps every answer while growing to its limit, and a key set again holds its last answer without counting twice', () => {
    const memo = createBoundedMemo<string, number>(5000);
    for (let i = 0; i < 4999; i++) memo.set(`农村${i}`, i);
    memo.set('农村7', -7);
    expect(memo.size).toBe(4999);
    memo.set('农村4999', 4999);
    let right = 0;
    for (let i = 0; i < 5000; i++) if (memo.get(`农村${i}`) === (i === 7 ? -7 : i)) right++;
    expect([right, memo.size, memo.get('农村5000')]).toEqual([5000, 5000, undefined]);
    // Full: the next answer, even of a key held, is kept only after every answer is forgotten.
    memo.set('农村0', 0);
    expect([memo.size, memo.get('农村0'), memo.get('农村1'), memo.get('农村4999')]).toEqual([1, 0, undefined, undefined]);
  });

  it('tells apart long keys of the same length sharing their first and last characters, differing only in the middle', () => {
    const head = '关于全面推进乡村振兴加快农业农村现代化的意见';
    const tail = '做好二〇二六年农业农村重点工作';
    const a = `${head}甲${tail}`;
    const b = `${head}乙${tail}`;
    expect(endsHash(a)).toBe(endsHash(b));
    const memo = createBoundedMemo<string, string>(10);
    memo.set(a, 'a');
    expect(memo.get(b)).toBeUndefined();
    memo.set(b, 'b');
    // A key built afresh (not the same string object) is found by its value.
    expect([memo.get([head, '甲', tail].join('')), memo.get([head, '乙', tail].join('')), memo.size]).toEqual(['a', 'b', 2]);
  });

  it('keeps answers of keys that are not strings, by identity as a Map does, within the same limit', () => {
    const memo = createBoundedMemo<unknown, string>(3);
    const key = { id: 1 };
    memo.set(key, 'object');
    memo.set(7, 'number');
    memo.set('7', 'string');
    expect([memo.get(key), memo.get({ id: 1 }), memo.get(7), memo.get('7'), memo.size]).toEqual(['object', undefined, 'number', 'string', 3]);
    memo.set(undefined, 'undefined');
    expect([memo.get(key), memo.get(7), memo.get('7'), memo.get(undefined), memo.size]).toEqual([undefined, undefined, undefined, 'undefined', 1]);
  });
});

describe('endsHash', () => {
  it('reads a short key whole: keys differing in any one character hash apart (here)', () => {
    const base = '乡村振兴战略规划纲要实施方案';
    const hashes = new Set([base, ...Array.from(base, (_, i) => base.slice(0, i) + '镇' + base.slice(i + 1))].map(endsHash));
    expect(hashes.size).toBe(base.length + 1);
  });

  it('reads a long key by its ends and length alone, and tells keys of other lengths apart', () => {
    const long = '一'.repeat(30);
    expect(endsHash(`${long}二${long}`)).toBe(endsHash(`${long}三${long}`));
    expect(endsHash(`${long}二${long}`)).not.toBe(endsHash(`${long}二二${long}`));
  });
});

describe('charCount', () => {
  it('counts characters as Array.from does: a surrogate pair is one, a lone surrogate one', () => {
    for (const text of ['', '乡村振兴', 'abc', '𠀀村', 'a\ud800b', '\udc00\ud800', '\ud800', '𠀀\ud800\udc00x', '第一书记 选排']) {
      expect(charCount(text), JSON.stringify(text)).toBe(Array.from(text).length);
    }
  });
});
