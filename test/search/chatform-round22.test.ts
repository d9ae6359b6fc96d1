/**
 * Chat forms around a subject, round 22 (issue 9; docs/search.md, Chat forms, round 22): an @name whose last word the
 * texts lack (a bot's name, @振兴助手) is whole in a message that says something else, and more of how a message
 * frames its request (收到, 好的, 各位大佬, 拜托, 问个事 at the start; 好的, 急 at the end) comes off its ends. Kept,
 * such words are in no text and made a full answer partial. On the real engine and library, each against the
 * engine with that rule off, which gives the old answer.
 */
import { describe, expect, it } from 'vitest';
import { stripChatMarkup, stripFraming } from '../../src/search/chat-markup.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const words = (e: typeof engine, q: string): string[] => e.explain(q).analyzed.concepts.map((c) => c.text);

describe('an @name whose last word the texts lack is whole (wholeMentions)', () => {
  const off = createSearchEngine(corpus, { wholeMentions: false });

  it('a bot mentioned before or after the query leaves no query word behind', () => {
    for (const q of ['@振兴助手 厕所革命', '厕所革命 @振兴助手']) {
      // Before: the name was cut after 振兴 (助手 is a word of jieba's dictionary), and 助手, in no text, was searched.
      expect(words(off, q)).toContain('助手');
      expect(off.search(q).partial).toBe(true);
      expect(words(engine, q)).toEqual(['厕所革命']);
      expect(engine.search(q).partial).toBe(false);
      expect(ids(engine, q)).toEqual(ids(engine, '厕所革命'));
      expect(ids(engine, q)[0]).toBe('003-018');
    }
  });

  it('a query glued to a name is still cut off it where a word of the texts begins', () => {
    expect(ids(engine, '@小王集体经济 谢谢')).toEqual(ids(engine, '集体经济'));
    expect(ids(engine, '@王书记集体经济')).toEqual(ids(engine, '集体经济'));
    // A message that is one glued mention is cut at a dictionary word as before: the texts never discuss 疫情.
    const r = engine.search('@小王疫情防控');
    expect(r.results.length === 0 || r.partial).toBe(true);
    // A bot's name glued to the query is left as before (助手 starts the rest, not the whole of it).
    expect(words(engine, '@振兴助手厕所革命')).toEqual(words(off, '@振兴助手厕所革命'));
  });

  it('stripChatMarkup: the rest of a name that is one word the texts lack stays with the name', () => {
    const leadsWithWord = (t: string): boolean => /^(?:助手|集体经济|厕所革命)/u.test(t);
    const mentionRest = (t: string): 'text' | 'whole' | 'other' => (/^(?:集体经济|厕所革命)/u.test(t) ? 'text' : t === '助手' ? 'whole' : 'other');
    expect(stripChatMarkup('@振兴助手 厕所革命', { leadsWithWord })).toBe('助手 厕所革命');
    expect(stripChatMarkup('@振兴助手 厕所革命', { leadsWithWord, mentionRest })).toBe('厕所革命');
    expect(stripChatMarkup('@小王集体经济 谢谢', { leadsWithWord, mentionRest })).toBe('集体经济 谢谢');
    // Nothing besides the mention: cut as before.
    expect(stripChatMarkup('@振兴助手', { leadsWithWord, mentionRest })).toBe('助手');
  });
});

describe('more framing at the ends of a message (framingForms)', () => {
  const off = createSearchEngine(corpus, { framingForms: false });

  it('acknowledgements, addresses, thanks and announced questions before the query', () => {
    const cases: [string, string, string][] = [
      ['收到，再问下 三治融合', '三治融合', '收到'],
      ['问个事 家庭医生签约', '家庭医生签约', '事'],
      ['各位大佬 农家书屋', '农家书屋', '大佬'],
      ['拜托 乡贤', '乡贤', '拜托'],
    ];
    for (const [q, plain, kept] of cases) {
      expect(words(off, q)).toContain(kept);
      expect(off.search(q).partial).toBe(true);
      expect(words(engine, q)).toEqual(words(engine, plain));
      expect(engine.search(q).partial).toBe(false);
      expect(ids(engine, q)).toEqual(ids(engine, plain));
    }
  });

  it('urgency after a space or punctuation at the end', () => {
    const q = '易地扶贫搬迁 在线等，急';
    expect(words(off, q)).toContain('在线');
    expect(off.search(q).partial).toBe(true);
    expect(engine.search(q).partial).toBe(false);
    expect(ids(engine, q)).toEqual(ids(engine, '易地扶贫搬迁'));
  });

  it('only as the frame of a message: the same characters inside the query stay', () => {
    const forms = { requests: true, forms: true };
    expect(stripFraming('好的做法有哪些', forms)).toBe('好的做法有哪些');
    expect(stripFraming('各位村干部怎么选', forms)).toBe('各位村干部怎么选');
    expect(stripFraming('大家庭', forms)).toBe('大家庭');
    expect(stripFraming('嗯嗯收到,再问下 三治融合 好的', forms)).toBe('三治融合');
    expect(stripFraming('嗯嗯收到,再问下 三治融合 好的', { requests: true })).toBe('嗯嗯收到,再问下 三治融合 好的');
    // A message of framing only is searched as typed.
    expect(stripFraming('收到', forms)).toBe('收到');
  });
});
