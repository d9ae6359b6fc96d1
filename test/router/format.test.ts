import { describe, expect, it } from 'vitest';
import { commandIn, displayText, hereName, sendHint } from '../../src/router/format.js';
import { renderText } from '../../src/console/render-text.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

describe('displayText', () => {
  it('ends a passage that stops mid-sentence with "…" and leaves whole ones alone', () => {
    expect(displayText('加强农村基层党组织建设。')).toBe('加强农村基层党组织建设。');
    expect(displayText('“绿水青山就是金山银山。”')).toBe('“绿水青山就是金山银山。”');
    expect(displayText('建立健全乡村人才工作体制机制；')).toBe('建立健全乡村人才工作体制机制；…');
    expect(displayText('主要做了三个方面的探索：')).toBe('主要做了三个方面的探索：…');
    expect(displayText('培养一批懂农业、爱农村的基层骨干队伍、 \n')).toBe('培养一批懂农业、爱农村的基层骨干队伍、…');
    expect(displayText('已经…')).toBe('已经…');
  });

  it('marks every passage of the real corpus that the source or the split cut, as the console shows it shared', () => {
    const cut = getSharedCorpus().passages.filter((p) => !/[。！？!?…”’」』)）\]]$/u.test(p.text.trim()));
    expect(cut.length).toBeGreaterThan(0);
    for (const p of cut) {
      const shown = renderText({ kind: 'share', passage: p, sharedBy: '' }).split('\n—— ')[0] ?? '';
      expect(shown.endsWith('…'), p.id).toBe(true);
    }
  });
});

describe('place wording', () => {
  const group = { kind: 'group' as const, prefix: '@振兴 ', privateAnswers: true };
  const dm = { kind: 'private' as const, prefix: '', privateAnswers: false };
  it('types commands the way the place needs', () => {
    expect(commandIn(group, '订阅')).toBe('@振兴 订阅');
    expect(sendHint(group, '订阅', 'subscribe')).toEqual({ zh: '输入“@振兴 订阅”', en: 'type "@振兴 subscribe"' });
    expect(sendHint(dm, '订阅', 'subscribe')).toEqual({ zh: '发送“订阅”', en: 'send "subscribe"' });
    expect(hereName('feishu', group).zh).toBe('本群');
    expect(hereName('feishu', dm).zh).toBe('本会话');
    expect(hereName('slack', group).zh).toBe('本频道');
  });
});
