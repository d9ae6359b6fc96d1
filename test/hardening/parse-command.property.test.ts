/**
 * Hostile input to the command parser (src/router/parse-command.ts): whatever a user types after /zhenxing, the
 * parser answers with one of its commands, searches for exactly what was typed, and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../src/corpus/types.js';
import { detectLang, parseCommand, resolveTheme, stripPrefix } from '../../src/router/parse-command.js';
import { PROTO, RUNS, anyText } from './hostile.js';

const KINDS = ['help', 'search', 'theme', 'themes', 'today', 'docs', 'subscribe', 'unsubscribe'];

describe('parseCommand on hostile text', () => {
  it('always returns a known command, and a search is for a non-empty piece of what was typed', () => {
    fc.assert(
      fc.property(anyText(), (input) => {
        const cmd = parseCommand(input);
        expect(KINDS).toContain(cmd.kind);
        if (cmd.kind === 'search') {
          expect(cmd.query.trim()).not.toBe('');
          expect(input).toContain(cmd.query);
        }
        if (cmd.kind === 'theme') expect(cmd.name.trim()).not.toBe('');
      }),
      { numRuns: RUNS },
    );
  });

  it('treats object-prototype names as search words, not as commands', () => {
    // A keyword table read with obj[word] finds `constructor` and `__proto__` on Object.prototype.
    // (Words that start with a command prefix character, like \", lose it: that is the prefix rule, tested elsewhere.)
    for (const word of [...PROTO, 'valueOf', '__defineGetter__', 'isPrototypeOf'].filter((w) => !/^[/、\\]/.test(w))) {
      expect(parseCommand(word)).toEqual({ kind: 'search', query: word });
      expect(parseCommand(`/zhenxing ${word}`)).toEqual({ kind: 'search', query: word });
      expect(parseCommand(`  ${word.toUpperCase()}\u3000`)).toEqual({ kind: 'search', query: word.toUpperCase() });
    }
  });

  it('recognises every keyword whatever the spacing, prefix and width around it', () => {
    const space = fc.constantFrom('', ' ', '  ', '\u3000', '\t', ' \u3000 ');
    const prefix = fc.constantFrom('', '/zhenxing', '/zhenxing ', '／ｚｈｅｎｘｉｎｇ ', '、', 'zhenxing ', '/');
    const keyword = fc.constantFrom(
      ['help', 'help'], ['帮助', 'help'], ['ＨＥＬＰ', 'help'], ['today', 'today'], ['今日', 'today'], ['docs', 'docs'],
      ['文档', 'docs'], ['themes', 'themes'], ['主题', 'themes'], ['订阅', 'subscribe'], ['退订', 'unsubscribe'],
    );
    fc.assert(
      fc.property(space, prefix, space, keyword, space, (a, p, b, [word, kind], c) => {
        // "/zhenxinghelp" is one word; a Latin keyword needs a space after the prefix (a Chinese one does not).
        const gap = b === '' && /[a-z]$/i.test(p) && /^[\p{Script=Latin}]/u.test(word.normalize('NFKC')) ? ' ' : b;
        expect(parseCommand(`${a}${p}${gap}${word}${c}`).kind).toBe(kind);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the other parser helpers on hostile text', () => {
  it('stripPrefix returns a piece of its input', () => {
    fc.assert(
      fc.property(anyText(), (input) => {
        expect(input).toContain(stripPrefix(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('resolveTheme returns one of the five themes or nothing', () => {
    fc.assert(
      fc.property(anyText(), (input) => {
        const theme = resolveTheme(input);
        if (theme !== undefined) expect(THEMES).toContain(theme);
      }),
      { numRuns: RUNS },
    );
  });

  it('detectLang answers zh or en', () => {
    fc.assert(
      fc.property(anyText(), (input) => {
        expect(['zh', 'en']).toContain(detectLang(input));
      }),
      { numRuns: RUNS },
    );
  });
});
