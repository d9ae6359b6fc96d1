import { describe, expect, it } from 'vitest';
import { detectLang, parseCommand, resolveTheme, stripPrefix } from '../../src/router/parse-command.js';

describe('parseCommand', () => {
  it('treats empty text, help and 帮助 as help', () => {
    for (const text of ['', '   ', '\u3000', 'help', 'HELP', '帮助', '？', 'ｈｅｌｐ']) {
      expect(parseCommand(text), text).toEqual({ kind: 'help' });
    }
  });

  it('reads theme commands in Chinese and English, full-width included', () => {
    expect(parseCommand('theme talent')).toEqual({ kind: 'theme', name: 'talent' });
    expect(parseCommand('主题 生态')).toEqual({ kind: 'theme', name: '生态' });
    expect(parseCommand('主题\u3000生态')).toEqual({ kind: 'theme', name: '生态' });
    expect(parseCommand('ｔｈｅｍｅ　人才')).toEqual({ kind: 'theme', name: '人才' });
    expect(parseCommand('主题：文化')).toEqual({ kind: 'theme', name: '文化' });
    expect(parseCommand('theme:ecology')).toEqual({ kind: 'theme', name: 'ecology' });
    expect(parseCommand('主题')).toEqual({ kind: 'themes' });
  });

  it('reads today, docs, subscribe and unsubscribe in both languages', () => {
    expect(parseCommand('today')).toEqual({ kind: 'today' });
    expect(parseCommand('今日')).toEqual({ kind: 'today' });
    expect(parseCommand('docs')).toEqual({ kind: 'docs' });
    expect(parseCommand('文档')).toEqual({ kind: 'docs' });
    expect(parseCommand('subscribe')).toEqual({ kind: 'subscribe' });
    expect(parseCommand('订阅')).toEqual({ kind: 'subscribe' });
    expect(parseCommand('unsubscribe')).toEqual({ kind: 'unsubscribe' });
    expect(parseCommand('退订')).toEqual({ kind: 'unsubscribe' });
  });

  it('accepts a leading /zhenxing, zhenxing, 、 or full-width ／ the way input methods type them', () => {
    expect(parseCommand('/zhenxing 人才振兴')).toEqual({ kind: 'search', query: '人才振兴' });
    expect(parseCommand('zhenxing 人才振兴')).toEqual({ kind: 'search', query: '人才振兴' });
    expect(parseCommand('、zhenxing 帮助')).toEqual({ kind: 'help' });
    expect(parseCommand('／ｚｈｅｎｘｉｎｇ　今日')).toEqual({ kind: 'today' });
    expect(parseCommand('、帮助')).toEqual({ kind: 'help' });
    expect(parseCommand('/zhenxing')).toEqual({ kind: 'help' });
  });

  it('keeps everything else as a search, text untouched', () => {
    expect(parseCommand('人才振兴')).toEqual({ kind: 'search', query: '人才振兴' });
    expect(parseCommand('help me find 人才')).toEqual({ kind: 'search', query: 'help me find 人才' });
    expect(parseCommand('今日 头条')).toEqual({ kind: 'search', query: '今日 头条' });
    expect(parseCommand('头雁 theme:talent')).toEqual({ kind: 'search', query: '头雁 theme:talent' });
    expect(parseCommand('<!channel> 人才')).toEqual({ kind: 'search', query: '<!channel> 人才' });
    expect(parseCommand('zhenxingabc')).toEqual({ kind: 'search', query: 'zhenxingabc' });
    expect(parseCommand('__proto__')).toEqual({ kind: 'search', query: '__proto__' });
    expect(parseCommand('constructor')).toEqual({ kind: 'search', query: 'constructor' });
  });
});

describe('stripPrefix', () => {
  it('removes only the command prefix', () => {
    expect(stripPrefix('  /zhenxing   乡村振兴  ')).toBe('乡村振兴');
    expect(stripPrefix('乡村振兴')).toBe('乡村振兴');
  });
});

describe('resolveTheme', () => {
  it('knows each theme by id, English, full and short Chinese names', () => {
    expect(resolveTheme('talent')?.id).toBe('talent');
    expect(resolveTheme('TALENT')?.id).toBe('talent');
    expect(resolveTheme('人才')?.id).toBe('talent');
    expect(resolveTheme('人才振兴')?.id).toBe('talent');
    expect(resolveTheme('ｅｃｏｌｏｇｙ')?.id).toBe('ecology');
    expect(resolveTheme('组织')?.id).toBe('organization');
    expect(resolveTheme('产业')?.id).toBe('industry');
    expect(resolveTheme('文化振兴')?.id).toBe('culture');
  });

  it('returns undefined for anything else', () => {
    expect(resolveTheme('体育')).toBeUndefined();
    expect(resolveTheme('')).toBeUndefined();
    expect(resolveTheme('__proto__')).toBeUndefined();
  });
});

describe('detectLang', () => {
  it('is English only where the user wrote Latin words', () => {
    expect(detectLang('人才振兴')).toBe('zh');
    expect(detectLang('/zhenxing 人才振兴')).toBe('zh');
    expect(detectLang('theme:人才 头雁')).toBe('zh');
    expect(detectLang('talent')).toBe('en');
    expect(detectLang('help')).toBe('en');
    expect(detectLang('ecology 生态')).toBe('en');
  });
});
