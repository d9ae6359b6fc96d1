/**
 * 👍/👎 through the real Feishu adapter (signed, encrypted card callbacks in; the Open API stand-in out): the vote is
 * thanked with a toast only the clicker sees, and two users' 👎 move the passage off the first page for that query
 * only. Votes are the real file store in a temp DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileVoteStore } from '../../src/feedback/index.js';
import type { Card } from '../../src/feishu/render/index.js';
import { cardActionEvent, cardOf } from '../helpers/feishu-stand-in.js';
import { buttonsOf, cardProblems } from '../feishu/card-check.js';
import { startFeishuHarness, type FeishuHarness } from '../feishu/harness.js';

let dataDir: string;
let h: FeishuHarness;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-feishu-votes-'));
  h = await startFeishuHarness({ votes: await createFileVoteStore({ dataDir }) });
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const P2P = 'oc_p2pchat000000000000000000000001';
async function search(text: string): Promise<Card> {
  const { reply } = await h.say({ text });
  return cardOf(reply) as unknown as Card;
}
const idsOf = (card: Card) => buttonsOf(card).filter((b) => b.value.action === 'share').map((b) => b.value.id);

describe('feedback through Feishu', () => {
  it('a toast thanks the voter; two users’ 👎 move the passage off the first page for that query only', async () => {
    const card = await search('人才振兴');
    expect(cardProblems(card)).toEqual([]);
    const ids = idsOf(card);
    const other = idsOf(await search('生态振兴'));
    const down = buttonsOf(card).filter((b) => b.value.action === 'feedback_down');
    const up = buttonsOf(card).filter((b) => b.value.action === 'feedback_up');
    expect(down).toHaveLength(ids.length);
    expect(up).toHaveLength(ids.length);
    expect(down[0]?.label).toBe('👎');
    expect(down[0]?.value).toEqual({ action: 'feedback_down', q: '人才振兴', p: ids[0] });

    for (const openId of ['ou_voter00000000000000000000000001', 'ou_voter00000000000000000000000002']) {
      const res = await h.post(cardActionEvent({ value: down[0]?.value, openId, chatId: P2P, messageId: 'om_results1' }));
      expect(res.status).toBe(200);
      expect(res.body.toast).toMatchObject({ type: 'success', content: '谢谢反馈！' });
      // The card stays as it is.
      expect(res.body.card).toBeUndefined();
    }
    const after = idsOf(await search('人才振兴'));
    expect(after).not.toContain(ids[0]);
    expect(after[0]).toBe(ids[1]);
    expect(idsOf(await search('生态振兴'))).toEqual(other);

    // The second voter changes their mind: the 👍 replaces the 👎 and the passage is back in its place.
    const res = await h.post(
      cardActionEvent({ value: up[0]?.value, openId: 'ou_voter00000000000000000000000002', chatId: P2P, messageId: 'om_results1' }),
    );
    expect(res.body.toast).toMatchObject({ content: '谢谢反馈！已更新你对这段文字的评价。' });
    expect(idsOf(await search('人才振兴'))).toEqual(ids);
    expect(await h.metrics.registry.getSingleMetricAsString('zhenxing_feedback_votes_total')).toContain(
      'zhenxing_feedback_votes_total{platform="feishu",vote="down"} 2',
    );
  });

  it('a forged vote for a passage that does not exist is refused kindly', async () => {
    const res = await h.post(
      cardActionEvent({ value: { action: 'feedback_up', q: '人才振兴', p: '999-999' }, openId: 'ou_x', chatId: P2P, messageId: 'om_x' }),
    );
    expect(res.body.toast).toMatchObject({ type: 'error', content: '找不到这段文字，可能文库已经更新。' });
  });
});
