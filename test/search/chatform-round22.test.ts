/**
 * Chat forms, round 22 (issue 9; docs/search.md, Chat forms, round 22). The round's two rules (wholeMentions,
 * framingForms) failed the gate and were removed; what stays is what the round measured: the chat noise and mention
 * markup a message wraps its subject in leave the answer as the subject typed plainly gives it — the same first
 * result and the same partial flag. On the real engine and library. The forms that still cost the answer its full
 * match are listed at the end, in a comment.
 */
import { describe, expect, it } from 'vitest';
import { getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();

// Subjects of the library, typed plainly (none is a query of an eval set).
const SUBJECTS = ['厕所革命', '易地扶贫搬迁', '三治融合', '家庭医生签约'];

// Forms people wrap a subject in, each with the subject at {} (docs/search.md, Chat forms, round 22: the forms measured).
const FORMS = [
  '请问 {}',
  '麻烦问一下{}',
  '劳驾 {}',
  '求助！{}',
  '{} 在线等',
  '{} 辛苦了',
  '各位领导好 {}',
  '有没有人知道{}',
  '{}🙏🙏',
  '{}[抱拳]',
  '{}？？？',
  '{} 拜托拜托',
  '<@U024BE7LH> {}',
  '<@W0123ABC|张三> {}',
  '<!channel> {}',
  '<!everyone> {}',
  '<#C0123|general> {}',
  '{} <https://example.com|链接>',
  '@_user_1 {}',
  '@_all {}',
  '@张三 {}',
  '@所有人 {}',
  '@振兴 {}',
];

describe('chat noise and mention markup around a subject', () => {
  for (const subject of SUBJECTS) {
    it(`leave ${subject}'s answer as typed plainly`, () => {
      const plain = engine.search(subject, { limit: 5 });
      expect(plain.results.length).toBeGreaterThan(0);
      for (const form of FORMS) {
        const q = form.replace('{}', subject);
        const r = engine.search(q, { limit: 5 });
        expect({ q, first: r.results[0]?.id, partial: r.partial }).toEqual({ q, first: plain.results[0]?.id, partial: plain.partial });
      }
    });
  }

  // Found by the round and not mended (its rules failed the gate; docs/search.md, Chat forms, round 22): each such
  // word is in no text and makes the answer partial, though its first result stays the plain query's — a bot named
  // with a word the texts lack (@振兴助手 厕所革命: 助手), a question announced (问个事 三治融合) or an earlier message
  // acknowledged (嗯嗯收到，再问下 …), an address (各位大佬 …), thanks opening the message (拜托 …), urgency after a
  // closing (… 在线等，急), a link labelled with what it is (<https://…|附件>), and a name typed with its title (@欧阳书记
  // …: 书记 is a word of the texts and is searched). Not asserted here: a test of a known gap would pin it.
});
