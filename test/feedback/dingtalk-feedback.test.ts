/**
 * 👍/👎 through the real DingTalk adapter (signed robot messages in, the OpenAPI stand-in out): each result's vote
 * links send the vote as the user's own message in the private chat; it is thanked privately, and two users' 👎
 * move the passage off the first page for that query only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileVoteStore } from '../../src/feedback/index.js';
import { linksOf, markdownOf } from '../helpers/dingtalk-stand-in.js';
import { startDingTalkHarness, type DingTalkHarness } from '../dingtalk/harness.js';

let dataDir: string;
let h: DingTalkHarness;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-dingtalk-votes-'));
  h = await startDingTalkHarness({ votes: await createFileVoteStore({ dataDir }) });
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const results = async (text: string, staffId = 'staff-asker') => linksOf(markdownOf((await h.ask({ text, staffId })).reply).text);
const idsOf = (links: { label: string; sends: string }[]) =>
  links.filter((l) => l.label === '👍').map((l) => l.sends.split(' ')[1]);

describe('feedback through DingTalk', () => {
  it('vote links are thanked privately; two users’ 👎 move the passage off the first page for that query only', async () => {
    const links = await results('人才振兴');
    const ids = idsOf(links);
    expect(ids).toHaveLength(5);
    const other = idsOf(await results('生态振兴'));
    const down = links.find((l) => l.label === '👎');
    expect(down?.sends).toBe(`👎 ${ids[0]} 人才振兴`);

    for (const staffId of ['staff-voter1', 'staff-voter2']) {
      const { reply } = await h.ask({ text: down?.sends ?? '', staffId });
      expect(markdownOf(reply).text).toContain('谢谢反馈！');
    }
    const after = idsOf(await results('人才振兴'));
    expect(after).not.toContain(ids[0]);
    expect(after[0]).toBe(ids[1]);
    expect(idsOf(await results('生态振兴'))).toEqual(other);
    expect(await h.metrics.registry.getSingleMetricAsString('zhenxing_feedback_votes_total')).toContain(
      'zhenxing_feedback_votes_total{platform="dingtalk",vote="down"} 2',
    );
  });
});
