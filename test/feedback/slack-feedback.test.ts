/**
 * 👍/👎 through the real Slack app over signed HTTP: votes move results for that normalised query only, a second
 * vote by the same user replaces the first, and `zhenxing report --json` (spawned) lists the queries, the misses and
 * the votes. Votes and the search log are the real files in a temp DATA_DIR.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSearchLog, createFileVoteStore, type SearchLog, type VoteStore } from '../../src/feedback/index.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { startSlackHarness, type SlackHarness } from '../slack/harness.js';
import { runCli as runCliProcess } from '../helpers/run-cli.js';
import { seedSavedIndex } from '../helpers/saved-index.js';


interface Btn {
  action_id: string;
  value?: string;
}
interface Msg {
  text: string;
  blocks: { type: string; text?: { text: string }; accessory?: Btn; elements?: Btn[] }[];
}
const asMsg = (body: unknown) => body as Msg;
const buttonsOf = (m: Msg): Btn[] =>
  m.blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? (b.elements ?? []) : [])]);
const idsOf = (m: Msg) => buttonsOf(m).filter((b) => b.action_id.startsWith('share')).map((b) => b.value);
const voteButton = (m: Msg, dir: 'up' | 'down', i: number) => {
  const b = buttonsOf(m).find((x) => x.action_id === `feedback_${dir}_${i}`);
  if (!b?.value) throw new Error(`no feedback_${dir}_${i} button`);
  return b;
};

const runCli = (args: string[], env: NodeJS.ProcessEnv) => runCliProcess(args, { env });

let dataDir: string;
let votes: VoteStore;
let searchLog: SearchLog;
let h: SlackHarness;

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-feedback-'));
  // The run's saved index of the seeds, as a bot leaves it in DATA_DIR (test/helpers/saved-index.ts): the spawned
  // search loads it instead of segmenting the seeds again (it scores exactly as a fresh build).
  seedSavedIndex(dataDir);
  votes = await createFileVoteStore({ dataDir });
  searchLog = await createFileSearchLog({ dataDir });
  h = await startSlackHarness({ votes, searchLog, logLevel: 'warn' });
}, 120_000);

afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const search = async (text: string, userId = 'U0ASKER') => asMsg((await h.command(text, { userId })).response.body);

describe('feedback through Slack', () => {
  it('two users’ 👎 move a passage below the others for that query only; a second vote replaces the first; 👍 lifts', async () => {
    const before = await search('人才振兴');
    const other = idsOf(await search('生态振兴'));
    const ids = idsOf(before);
    expect(ids.length).toBe(5);
    const [first, second, , fourth] = ids;

    // One 👎 changes nothing yet; it is thanked privately, leaving the list in place.
    const down = voteButton(before, 'down', 0);
    const thanks = asMsg((await h.click(down.action_id, down.value ?? '', { userId: 'U0ALICE' })).response?.body);
    expect(thanks.text).toContain('谢谢反馈');
    expect((thanks as unknown as { replace_original: boolean }).replace_original).toBe(false);
    expect(idsOf(await search('人才振兴'))).toEqual(ids);

    // A second user's 👎: the passage leaves the first page (it ranks below every other result).
    await h.click(down.action_id, down.value ?? '', { userId: 'U0BOB' });
    const after = idsOf(await search('人才振兴'));
    expect(after).not.toContain(first);
    expect(after[0]).toBe(second);
    // The same query typed differently (full-width, traditional) is the same normalised query.
    expect(idsOf(await search('人才振兴　'))).toEqual(after);
    // Other queries are untouched.
    expect(idsOf(await search('生态振兴'))).toEqual(other);

    // Alice changes her mind: her 👍 replaces her 👎, so one 👎 and one 👍 remain and the passage is back.
    const up = voteButton(before, 'up', 0);
    const changed = asMsg((await h.click(up.action_id, up.value ?? '', { userId: 'U0ALICE' })).response?.body);
    expect(changed.text).toContain('谢谢反馈');
    expect(idsOf(await search('人才振兴'))).toEqual(ids);
    const stored = await votes.list();
    expect(stored.filter((v) => v.passageId === first)).toHaveLength(2);
    // Voters are kept apart without their ids.
    expect(readFileSync(path.join(dataDir, 'feedback-votes.json'), 'utf8')).not.toContain('U0ALICE');

    // 👍 on the fourth result lifts it one place.
    const lift = voteButton(before, 'up', 3);
    await h.click(lift.action_id, lift.value ?? '', { userId: 'U0CAROL' });
    const lifted = idsOf(await search('人才振兴'));
    expect(lifted.indexOf(fourth)).toBe(2);

    // /metrics counts the votes.
    const metrics = await h.metrics.registry.getSingleMetricAsString('zhenxing_feedback_votes_total');
    expect(metrics).toContain('zhenxing_feedback_votes_total{platform="slack",vote="down"} 2');
    expect(metrics).toContain('zhenxing_feedback_votes_total{platform="slack",vote="up"} 2');
  });

  it('search --json explains the vote effect; the report lists queries, misses and votes', async () => {
    await search('qwxzv'); // nothing
    await search('火星移民'); // only partial results (移民)
    await searchLog.flush();
    await votes.flush();

    // The report's day window: the harness's clock says 2026-11-22 (searches and votes are stamped with it), --days
    // counts back from now. The three processes only read DATA_DIR: side by side.
    const days = Math.ceil((Date.now() - Date.parse('2026-11-22T01:00:00Z')) / 86_400_000) + 1;
    const [json, none, res] = await Promise.all([
      runCli(['search', '人才振兴', '--json', '--limit', '5'], { DATA_DIR: dataDir }),
      runCli(['report', '--json', '--days', String(days - 2)], { DATA_DIR: dataDir }),
      runCli(['report', '--json', '--days', String(days)], { DATA_DIR: dataDir }),
    ]);
    expect(json.code).toBe(0);
    const results = (JSON.parse(json.stdout) as { results: { id: string; feedback?: { up: number; down: number; effect: string; engineRank: number; rank: number } }[] }).results;
    const lifted = results.find((r) => r.feedback?.effect === 'lifted');
    expect(lifted?.feedback).toMatchObject({ up: 1, down: 0, engineRank: 4, rank: 3 });

    expect(JSON.parse(none.stdout)).toEqual({ queries: [], misses: [], feedback: [] });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as {
      queries: { query: string; count: number }[];
      misses: { query: string; count: number; partial: boolean }[];
      feedback: { passageId: string; query: string; up: number; down: number }[];
    };
    expect(Object.keys(report)).toEqual(['queries', 'misses', 'feedback']);
    expect(report.queries[0]).toEqual({ query: '人才振兴', count: 6 });
    expect(report.queries).toContainEqual({ query: '生态振兴', count: 2 });
    expect(report.misses).toHaveLength(2);
    expect(report.misses).toContainEqual({ query: 'qwxzv', count: 1, partial: false });
    expect(report.misses).toContainEqual({ query: '火星移民', count: 1, partial: true });
    expect(report.feedback).toHaveLength(2);
    for (const f of report.feedback) expect(Object.keys(f).sort()).toEqual(['down', 'passageId', 'query', 'up']);
    expect(report.feedback.map((f) => [f.query, f.up, f.down]).sort()).toEqual([
      ['人才振兴', 1, 0],
      ['人才振兴', 1, 1],
    ]);
    // Misses are counted on /metrics too.
    const misses = await h.metrics.registry.getSingleMetricAsString('zhenxing_search_misses_total');
    expect(misses).toContain('zhenxing_search_misses_total{platform="slack",kind="none"} 1');
    expect(misses).toContain('zhenxing_search_misses_total{platform="slack",kind="partial"} 1');
    // The log holds no user or channel ids.
    const log = readFileSync(path.join(dataDir, 'search-log.jsonl'), 'utf8');
    expect(log).not.toMatch(/U0ASKER|C0/);
  }, 60_000);
});
