/**
 * Messy chat queries through the built CLI, as a user sees them (issue 9): pinyin searched as the library's words
 * with the correction said in both languages, a typo surrounded by a mention, politeness and a question corrected
 * in the JSON contract, and numbers spelled the other way answered without a correction notice.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

type Out = { query: string; total: number; partial: boolean; matched: string[]; corrected: string | null; results: { id: string; text: string }[] };

describe('zhenxing search: messy chat input', { timeout: 60_000 }, () => {
  it('pinyin is searched as Chinese, and the text output says so in Chinese and in English', async () => {
    const r = await runCli(['search', 'jiti jingji', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已按“集体经济”搜索（你输入的是“jiti jingji”）');
    expect(r.stdout).toContain('Searched for "集体经济" (you typed "jiti jingji")');
    expect(r.stdout).not.toContain('没有同时包含全部词语的段落');
    expect(r.stdout).toContain('**集体经济**');
  });

  it('--batch --json: corrected is the query searched, partial stays false, numbers need no correction', async () => {
    const lines = ['@小王 麻烦查下 集体经计 咋发展？谢谢', 'jtjj', '5个振兴', '早上好！人才振兴 谢谢啦', 'zuqiu bisai'];
    const r = await runCli(['search', '--batch', '--json', '--limit', '3'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(0);
    const outs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Out);
    expect(outs.map((o) => [o.query, o.partial, o.corrected])).toEqual([
      // The request frame 麻烦查下 goes with the mention and the thanks (round 12's requestFrames): the notice
      // quotes what was searched, not the user's politeness back at them.
      ['@小王 麻烦查下 集体经计 咋发展？谢谢', false, '集体经济 咋发展?'],
      ['jtjj', false, '集体经济'],
      ['5个振兴', false, null],
      ['早上好！人才振兴 谢谢啦', false, null],
      ['zuqiu bisai', false, null],
    ]);
    expect(outs[0]?.results[0]?.text).toContain('集体经济');
    expect(outs[2]?.results[0]?.text).toContain('五个振兴');
    expect(outs[4]?.total).toBe(0);
  });
});
