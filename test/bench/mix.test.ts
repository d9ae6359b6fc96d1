import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EVAL_SETS, readEvalQueries, tuningQuery } from '../../bench/eval.js';
import { evalMix, mixCommitArg, withoutMixArg } from '../../bench/mix.js';

const inGit = ((): boolean => {
  try {
    execFileSync('git', ['rev-parse', 'HEAD'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the bench query mix (bench/mix.ts)', () => {
  it('reads --mix-commit, --mix-commit= and BENCH_MIX_COMMIT, the flag first', () => {
    expect(mixCommitArg(['main', '--mix-commit', 'dddc535', '1'], {})).toBe('dddc535');
    expect(mixCommitArg(['--mix-commit=abc123'], {})).toBe('abc123');
    expect(mixCommitArg([], { BENCH_MIX_COMMIT: 'fff000' })).toBe('fff000');
    expect(mixCommitArg(['--mix-commit', 'aaa111'], { BENCH_MIX_COMMIT: 'fff000' })).toBe('aaa111');
    expect(mixCommitArg(['1', '100'], {})).toBeUndefined();
    expect(() => mixCommitArg(['--mix-commit'], {})).toThrow('--mix-commit needs a commit, e.g. --mix-commit dddc535');
    expect(() => mixCommitArg(['--mix-commit', '--rounds'], {})).toThrow('--mix-commit needs a commit, e.g. --mix-commit dddc535');
  });

  it('leaves the other arguments in order', () => {
    expect(withoutMixArg(['main', '--mix-commit', 'dddc535', '1', '--rounds', '3'])).toEqual(['main', '1', '--rounds', '3']);
    expect(withoutMixArg(['--mix-commit=dddc535', '100'])).toEqual(['100']);
    expect(withoutMixArg(['1', '100'])).toEqual(['1', '100']);
  });

  it.runIf(inGit)("pins every set to a commit's files, and names an unknown commit", () => {
    const now = evalMix();
    const pinned = evalMix('HEAD');
    expect(pinned.map((s) => [s.name, s.tuned])).toEqual(EVAL_SETS.map((s) => [s.name, s.tuned]));
    // The first 66 queries are not edited this round: HEAD's file is the working tree's.
    expect(pinned[0]?.queries).toEqual(now[0]?.queries);
    expect(pinned.every((s) => s.queries.length > 0)).toBe(true);
    expect(() => evalMix('no-such-commit-0000')).toThrow('--mix-commit no-such-commit-0000: no such commit');
  });

  it('names no query of a held-out block or a never-tuned set among the slowest (nameable)', () => {
    const mix = evalMix();
    // Counts only, never texts: a failure must not print a held-out query.
    for (const s of mix.filter((m) => !m.tuned)) expect(s.nameable.length, s.name).toBe(0);
    const chatSet = EVAL_SETS.find((s) => s.name === 'chat');
    const chat = mix.find((s) => s.name === 'chat');
    expect(chatSet && chat).toBeTruthy();
    const all = readEvalQueries(chatSet?.file);
    const heldOut = new Set(all.filter((q) => !tuningQuery('chat', q.id)).map((q) => q.query));
    const tuning = all.filter((q) => tuningQuery('chat', q.id));
    // The chat set has both halves, and every x block's id is held out (chat-everyday23x-01 as much as chat-english3x-01).
    expect(heldOut.size).toBeGreaterThan(1000);
    expect(tuningQuery('chat', 'chat-everyday23x-01')).toBe(false);
    expect(tuningQuery('chat', 'chat-everyday23-01')).toBe(true);
    const leaked = (chat?.nameable ?? []).filter((q) => heldOut.has(q) && !tuning.some((t) => t.query === q)).length;
    expect(leaked).toBe(0);
    expect(chat?.nameable.length).toBe(tuning.length);
    expect(chat?.queries.length).toBe(all.length);
  });
});
