/**
 * The bench's query mix: every judged query of the eval sets (bench/eval.ts EVAL_SETS), as the working tree holds
 * them or pinned to a commit's (`--mix-commit <commit>`, or BENCH_MIX_COMMIT for `npm run bench`). Other engineers
 * add judged blocks while a speed change is measured, so a before/after comparison must time the same queries: pin
 * both runs to one commit's mix. Each set file is read with `git show <commit>:<file>`; a set the commit lacks is
 * empty. Nothing is written: held-out queries stay in their files, never copied elsewhere.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { EVAL_SETS, readEvalQueries, tuningQuery } from './eval.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface MixSet {
  name: string;
  /** A tuning set (its held-out blocks aside, its queries may be named); never-tuned sets' queries never are. */
  tuned: boolean;
  queries: string[];
  /**
   * The queries the bench may name among the slowest: a tuned set's, without its held-out blocks (chat's x blocks are
   * timed like the rest but, like the never-tuned sets, never named).
   */
  nameable: string[];
}

/** The value of `--mix-commit <commit>` (or `--mix-commit=<commit>`) in `args`, else BENCH_MIX_COMMIT, else undefined. */
export function mixCommitArg(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const at = args.indexOf('--mix-commit');
  if (at >= 0) {
    const value = args[at + 1];
    if (!value || value.startsWith('--')) throw new Error('--mix-commit needs a commit, e.g. --mix-commit dddc535');
    return value;
  }
  const eq = args.find((a) => a.startsWith('--mix-commit='));
  if (eq) return eq.slice('--mix-commit='.length);
  return env.BENCH_MIX_COMMIT || undefined;
}

/** `args` without `--mix-commit <commit>` / `--mix-commit=<commit>`, for scripts that read positional arguments. */
export function withoutMixArg(args: readonly string[]): string[] {
  const at = args.indexOf('--mix-commit');
  return args.filter((a, i) => !(i === at || (at >= 0 && i === at + 1) || a.startsWith('--mix-commit=')));
}

function queriesAt(commit: string, file: string): { id: string; query: string }[] {
  const rel = path.relative(ROOT, file);
  let text: string;
  try {
    text = execFileSync('git', ['show', `${commit}:${rel}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // The set did not exist yet at that commit (or the commit is unknown: checked by the caller).
    return [];
  }
  return (JSON.parse(text) as { queries: { id: string; query: string }[] }).queries;
}

/** The eval sets' queries, from the working tree or, with `commit`, as that commit holds them. */
export function evalMix(commit?: string): MixSet[] {
  const made = (s: (typeof EVAL_SETS)[number], queries: readonly { id: string; query: string }[]): MixSet => ({
    name: s.name,
    tuned: s.tuned,
    queries: queries.map((q) => q.query),
    nameable: s.tuned ? queries.filter((q) => tuningQuery(s.name, q.id)).map((q) => q.query) : [],
  });
  if (commit === undefined) return EVAL_SETS.map((s) => made(s, readEvalQueries(s.file)));
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    throw new Error(`--mix-commit ${commit}: no such commit`);
  }
  return EVAL_SETS.map((s) => made(s, queriesAt(commit, s.file)));
}

/** A line for the bench's header: which mix was timed. */
export function mixLabel(commit: string | undefined, sets: readonly MixSet[]): string {
  const n = sets.reduce((sum, s) => sum + s.queries.length, 0);
  if (commit === undefined) return `${n} queries (the working tree's test/fixtures/eval-*.json)`;
  const short = execFileSync('git', ['rev-parse', '--short', commit], { cwd: ROOT, encoding: 'utf8' }).trim();
  return `${n} queries (the mix pinned to ${short}: its test/fixtures/eval-*.json)`;
}
