/**
 * `npx tsx bench/tune-weights.ts [--screen] [--budget=MIN] [--state=FILE] [--params=a,b] [--start]`: a joint re-fit
 * of the engine's numeric weights (SEARCH_DEFAULTS) on the tuning queries alone (round 18, issue 9; docs/search.md,
 * Ranking weights, round 18).
 *
 * The tuning queries are eval-queries.json and eval-chat.json minus every held-out (x) block (bench/eval.ts
 * heldOutBlock); no never-tuned set is read. They are split in two halves by block, deterministically: eval-queries
 * and the chat set's blocks at even positions (in order of first appearance of their id prefix) are half A, the
 * blocks at odd positions half B. An option set is scored on each half by MRR@10 (the objective), success@5, and the
 * full answers to no-match queries.
 *
 * Coordinate descent: for each declared parameter in turn, a small grid around its current value (× 0, 0.5, 0.75,
 * 1.25, 1.5, 2, clamped to the option's range; a parameter at 0 tries a few small absolute values). A value is
 * acceptable only if MRR@10 rises on BOTH halves, success@5 falls on neither and the no-match full answers rise on
 * neither (the guard against fitting one half's queries); of the acceptable values the one with the largest smaller
 * gain of the two halves is taken, and the descent goes on from it. Passes repeat until one accepts nothing or the
 * budget runs out. Each candidate is one engine (loaded from the default engine's saved index: the numeric weights
 * are all applied at query time) and one pass over the ~4,000 tuning queries.
 *
 * `--screen` evaluates each parameter at × 0.5 and × 2 only and prints how many queries' outcomes move (which
 * parameters matter), accepting nothing. `--state` keeps every candidate's figures and the current values, so a run
 * stopped by its budget resumes where it was. `--start` prints the starting figures (A, B, the tuning chat queries and
 * eval-queries) and exits. `--x-once` prints the held-out blocks' combined aggregate (one line) for the current
 * values and exits: run it once before and once after the re-fit, never to choose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine, SEARCH_DEFAULTS, type SearchEngineOptions } from '../src/search/index.js';
import { BIGRAM_DEFAULTS } from '../src/search/bigram-signal.js';
import { EVAL_SETS, engineRanker, evaluate, heldOutBlock, mean, readEvalQueries, resolveJudgments, tuningSets, type ResolvedQuery } from './eval.js';

/** A tuned parameter: its option path (`bigrams.weight`), range, and whether it is a whole number. */
export interface TunedParameter {
  path: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Values tried when the current value is 0 (a multiple of 0 is 0). */
  fromZero?: readonly number[];
}

/** The numeric weights re-fitted jointly (dedupe thresholds and the neighbour tables' sizes are built into the index). */
export const TUNED: readonly TunedParameter[] = [
  { path: 'fieldBoost.title', min: 0, max: 6 },
  { path: 'fieldBoost.section', min: 0, max: 8 },
  { path: 'bm25.k', min: 0.1, max: 5 },
  { path: 'bm25.b', min: 0, max: 1 },
  { path: 'bm25.d', min: 0, max: 2 },
  { path: 'partWeight', min: 0, max: 1 },
  { path: 'maxPartShare', min: 0.02, max: 1 },
  { path: 'gramWeight', min: 0, max: 2 },
  { path: 'relatedWeight', min: 0, max: 1 },
  { path: 'relatedCredit', min: 0, max: 1 },
  { path: 'englishSenseCredit', min: 0, max: 1 },
  { path: 'everydayFocus', min: 0, max: 20 },
  { path: 'everydayFocusFloor', min: 0, max: 1 },
  { path: 'everydayFocusChar', min: 0, max: 1 },
  { path: 'coveragePower', min: 0, max: 6 },
  { path: 'coverageFloor', min: 0, max: 1 },
  { path: 'partialFactor', min: 0.05, max: 1 },
  { path: 'ownShare', min: 0.05, max: 1 },
  { path: 'stretchBonus', min: 0, max: 3 },
  { path: 'themeBoost', min: 0, max: 3 },
  { path: 'themeOnlyWeight', min: 0, max: 1 },
  { path: 'themeTopicWeight', min: 0, max: 1 },
  { path: 'themeTopicShare', min: 0.01, max: 1 },
  { path: 'wholeQueryBonus', min: 0, max: 3 },
  { path: 'nearbyWeight', min: 0, max: 1 },
  { path: 'nearbyCredit', min: 0, max: 1 },
  { path: 'nearbySure', min: 0, max: 0.999 },
  { path: 'standInHeadings', min: 0, max: 4 },
  { path: 'quantityBonus', min: 0, max: 2 },
  { path: 'quantityWindow', min: 2, max: 60, integer: true },
  { path: 'headingBonus', min: 0, max: 3 },
  { path: 'headingShare', min: 0.01, max: 1 },
  { path: 'listBonus', min: 0, max: 2 },
  { path: 'listSpan', min: 5, max: 120, integer: true },
  { path: 'typedStretchBonus', min: 0, max: 2 },
  { path: 'junctionBonus', min: 0, max: 2 },
  { path: 'junctionShare', min: 0.01, max: 1 },
  { path: 'itemBonus', min: 0, max: 2 },
  { path: 'placeWeight', min: 0, max: 2 },
  { path: 'questionVerbCoverage', min: 0, max: 1 },
  { path: 'lengthCoverage', min: 0, max: 3 },
  { path: 'broadOpening', min: 0, max: 4 },
  { path: 'questionVerbHeadings', min: 0, max: 4, fromZero: [0.25, 0.5, 1] },
  { path: 'subjectFirst', min: 1, max: 8 },
  { path: 'coverageSpecific', min: 0, max: 2, fromZero: [0.1, 0.25, 0.5] },
  { path: 'englishBesideChinese', min: 0, max: 1 },
  { path: 'englishGuessWeight', min: 0, max: 1 },
  { path: 'englishCharacter', min: 0, max: 0.2 },
  { path: 'commonEnglishWeight', min: 0, max: 1 },
  { path: 'amountWindow', min: 4, max: 80, integer: true },
  { path: 'bigrams.weight', min: 0, max: 2 },
  { path: 'bigrams.keywordWeight', min: 0, max: 1, fromZero: [0.02, 0.05, 0.1] },
  { path: 'bigrams.materialWeight', min: 0, max: 1 },
  { path: 'bigrams.depth', min: 2, max: 30, integer: true },
  { path: 'bigrams.fallbackShare', min: 0.1, max: 1 },
];

const MULTIPLES = [0, 0.5, 0.75, 1.25, 1.5, 2];
const SCREEN = [0.5, 2];

export type Values = Record<string, number>;

/** The parameters' values at SEARCH_DEFAULTS. */
export function defaultValues(): Values {
  const out: Values = {};
  for (const p of TUNED) out[p.path] = readDefault(p.path);
  return out;
}

function readDefault(path: string): number {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (head === 'bigrams') return (BIGRAM_DEFAULTS as unknown as Record<string, number>)[tail as string] as number;
  const v = (SEARCH_DEFAULTS as unknown as Record<string, unknown>)[head];
  return (tail ? (v as Record<string, number>)[tail] : v) as number;
}

/** Engine options setting every parameter that differs from its default (nested ones merged). */
export function optionsOf(values: Values): SearchEngineOptions {
  const out: Record<string, unknown> = {};
  for (const p of TUNED) {
    const v = values[p.path];
    if (v === undefined || v === readDefault(p.path)) continue;
    const [head, tail] = p.path.split('.') as [string, string | undefined];
    if (tail) out[head] = { ...((out[head] as object | undefined) ?? {}), [tail]: v };
    else out[head] = v;
  }
  return out as SearchEngineOptions;
}

const keyOf = (values: Values): string => JSON.stringify(optionsOf(values));

/** The values a parameter's grid tries from its current value (the current one left out). */
export function gridOf(p: TunedParameter, current: number, multiples = MULTIPLES): number[] {
  const raw = current === 0 ? (p.fromZero ?? []) : multiples.map((m) => current * m);
  const out = new Set<number>();
  for (const r of raw) {
    let v = Math.min(p.max, Math.max(p.min, r));
    v = p.integer ? Math.round(v) : Number(v.toPrecision(4));
    if (v !== current) out.add(v);
  }
  return [...out];
}

interface HalfFigures {
  mrr: number;
  s5: number;
  full: number;
  judged: number;
}

interface Figures {
  A: HalfFigures;
  B: HalfFigures;
  /** First relevant rank (0: none in 10) per judged query, then 'F' per no-match query answered in full. */
  outcome: string;
  seconds: number;
}

export interface TuningQueries {
  queries: (ResolvedQuery & { half: 'A' | 'B'; set: string })[];
}

/** The tuning queries with their halves (see the module comment). */
export function tuningQueries(passages: Parameters<typeof resolveJudgments>[1]): TuningQueries['queries'] {
  const out: TuningQueries['queries'] = [];
  for (const { name, queries: resolved } of tuningSets(passages)) {
    const s = { name };
    const blocks: string[] = [];
    for (const q of resolved) {
      const prefix = q.id.replace(/-?\d+$/, '');
      if (!blocks.includes(prefix)) blocks.push(prefix);
      const half = s.name === 'queries' || blocks.indexOf(prefix) % 2 === 0 ? 'A' : 'B';
      out.push({ ...q, half, set: s.name });
    }
  }
  return out;
}

function figuresOf(report: ReturnType<typeof evaluate>, queries: TuningQueries['queries'], seconds: number): Figures {
  const half = new Map(queries.map((q) => [q.id, q.half]));
  const of = (h: 'A' | 'B'): HalfFigures => {
    const outs = report.outcomes.filter((o) => half.get(o.id) === h);
    const m = mean(outs);
    return { mrr: m.mrr10, s5: m.success5, full: report.fullAnswers.filter((f) => half.get(f.id) === h).length, judged: outs.length };
  };
  const full = new Set(report.fullAnswers.map((f) => f.id));
  const outcome = report.outcomes.map((o) => String(o.firstRelevant ?? 0)).join(',') + '|' + queries.filter((q) => q.expect === 'no-full-match').map((q) => (full.has(q.id) ? 'F' : '.')).join('');
  return { A: of('A'), B: of('B'), outcome, seconds };
}

/** Queries whose outcome differs between two runs. */
function moved(a: Figures, b: Figures): number {
  const [ra, fa] = a.outcome.split('|') as [string, string];
  const [rb, fb] = b.outcome.split('|') as [string, string];
  const xa = ra.split(',');
  const xb = rb.split(',');
  let n = 0;
  for (let i = 0; i < xa.length; i++) if (xa[i] !== xb[i]) n++;
  for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) n++;
  return n;
}

/** The acceptance rule: MRR@10 up on both halves, success@5 down on neither, no-match full answers up on neither. */
export function acceptable(base: Figures, next: Figures): boolean {
  const eps = 1e-9;
  return (['A', 'B'] as const).every((h) => next[h].mrr > base[h].mrr + eps && next[h].s5 >= base[h].s5 - eps && next[h].full <= base[h].full);
}

const f4 = (n: number): string => n.toFixed(4);
const line = (f: Figures): string =>
  `A ${f4(f.A.mrr)}/${f4(f.A.s5)} full ${f.A.full}  B ${f4(f.B.mrr)}/${f4(f.B.s5)} full ${f.B.full}`;

interface State {
  current: Values;
  /** Figures per option key (keyOf). */
  runs: Record<string, Figures>;
  log: string[];
  pass: number;
  /** Next parameter index of the pass under way. */
  next: number;
  /** Whether the pass under way has accepted a change. */
  changed: boolean;
  done: boolean;
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const budgetMs = Number(arg('budget') ?? '60') * 60_000;
  const stateFile = arg('state') ?? '/tmp/tune-weights-state.json';
  const only = arg('params')?.split(',');
  const params = TUNED.filter((p) => !only || only.includes(p.path));
  const started = Date.now();

  const corpus = loadCorpus();
  const base = createSearchEngine(corpus);
  const saved = base.save();
  const queries = tuningQueries(corpus.passages);

  const state: State = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
    : { current: defaultValues(), runs: {}, log: [], pass: 1, next: 0, changed: false, done: false };
  // A parameter declared after the state was saved starts at its default.
  state.current = { ...defaultValues(), ...state.current };
  const save = (): void => writeFileSync(stateFile, JSON.stringify(state));
  const say = (s: string): void => {
    process.stdout.write(`${s}\n`);
    state.log.push(s);
  };

  const run = (values: Values): Figures => {
    const key = keyOf(values);
    const known = state.runs[key];
    if (known) return known;
    const t = Date.now();
    const engine = createSearchEngine(corpus, { ...optionsOf(values), saved });
    const report = evaluate('zhenxing', engineRanker(engine), queries);
    const figures = figuresOf(report, queries, (Date.now() - t) / 1000);
    state.runs[key] = figures;
    save();
    return figures;
  };

  if (args.includes('--x-once')) {
    // The held-out blocks' combined aggregate, for the current values: once before and once after, never to choose.
    const chat = EVAL_SETS.find((s) => s.name === 'chat');
    if (!chat) throw new Error('no chat set');
    const held = resolveJudgments(readEvalQueries(chat.file), corpus.passages).filter((q) => heldOutBlock('chat', q.id));
    const values = args.includes('--defaults') ? defaultValues() : state.current;
    const engine = createSearchEngine(corpus, { ...optionsOf(values), saved });
    const r = evaluate('zhenxing', engineRanker(engine), held);
    process.stdout.write(
      `x blocks combined (${r.outcomes.length} judged, ${r.noMatchQueries} no-match): MRR@10 ${r.overall.mrr10.toFixed(3)} succ@5 ${r.overall.success5.toFixed(3)} full answers to no-match ${r.fullAnswers.length}/${r.noMatchQueries}\n`,
    );
    return;
  }

  const start = run(defaultValues());
  if (args.includes('--start')) {
    const nA = queries.filter((q) => q.half === 'A');
    const nB = queries.filter((q) => q.half === 'B');
    process.stdout.write(`tuning queries ${queries.length}: A ${nA.length} (${start.A.judged} judged), B ${nB.length} (${start.B.judged} judged); one pass ${start.seconds.toFixed(1)} s\n`);
    process.stdout.write(`defaults: ${line(start)}\n`);
    const engine = createSearchEngine(corpus, { ...optionsOf(state.current), saved });
    const report = evaluate('zhenxing', engineRanker(engine), queries);
    for (const set of ['queries', 'chat']) {
      const ids = new Set(queries.filter((q) => q.set === set).map((q) => q.id));
      const m = mean(report.outcomes.filter((o) => ids.has(o.id)));
      process.stdout.write(`current, ${set} (tuning part): MRR@10 ${f4(m.mrr10)} succ@5 ${f4(m.success5)} full ${report.fullAnswers.filter((f) => ids.has(f.id)).length}\n`);
    }
    process.stdout.write(`current: ${line(figuresOf(report, queries, 0))}\n`);
    return;
  }

  if (args.includes('--screen')) {
    say(`screen at x0.5 and x2 from the defaults: ${line(start)}`);
    for (const p of params) {
      const cur = state.current[p.path] as number;
      const cells = gridOf(p, cur, SCREEN).map((v) => {
        const f = run({ ...state.current, [p.path]: v });
        const dA = f.A.mrr - start.A.mrr;
        const dB = f.B.mrr - start.B.mrr;
        return `${v}: moved ${moved(start, f)} dA ${dA >= 0 ? '+' : ''}${f4(dA)} dB ${dB >= 0 ? '+' : ''}${f4(dB)} s5 ${f4(f.A.s5 - start.A.s5)}/${f4(f.B.s5 - start.B.s5)} full ${f.A.full + f.B.full - start.A.full - start.B.full}${acceptable(start, f) ? ' ok' : ''}`;
      });
      say(`${p.path} (${cur})  ${cells.join(' | ')}`);
      if (Date.now() - started > budgetMs) {
        say('budget spent');
        break;
      }
    }
    save();
    return;
  }

  while (!state.done) {
    const cur = run(state.current);
    if (state.next === 0) say(`pass ${state.pass} from ${line(cur)}`);
    for (; state.next < params.length; state.next++) {
      if (Date.now() - started > budgetMs) {
        say(`budget spent in pass ${state.pass} at ${params[state.next]?.path}; current ${line(run(state.current))}`);
        save();
        return;
      }
      const p = params[state.next] as TunedParameter;
      const now = state.current[p.path] as number;
      const base = run(state.current);
      let best: { v: number; f: Figures; gain: number } | undefined;
      const tried: string[] = [];
      for (const v of gridOf(p, now)) {
        const f = run({ ...state.current, [p.path]: v });
        const ok = acceptable(base, f);
        tried.push(`${v}${ok ? '*' : ''} ${f4(f.A.mrr - base.A.mrr)}/${f4(f.B.mrr - base.B.mrr)}`);
        const gain = Math.min(f.A.mrr - base.A.mrr, f.B.mrr - base.B.mrr);
        if (ok && (!best || gain > best.gain + 1e-12)) best = { v, f, gain };
      }
      if (best) {
        say(`  accept ${p.path} ${now} -> ${best.v}: ${line(base)} -> ${line(best.f)} (moved ${moved(base, best.f)}) [${tried.join('; ')}]`);
        state.current = { ...state.current, [p.path]: best.v };
        state.changed = true;
      } else if (tried.length > 0) {
        process.stdout.write(`  keep ${p.path} ${now} [${tried.join('; ')}]\n`);
      }
      save();
    }
    say(`pass ${state.pass} ends at ${line(run(state.current))}${state.changed ? '' : ' (nothing accepted: done)'}`);
    if (!state.changed) state.done = true;
    state.pass++;
    state.next = 0;
    state.changed = false;
    save();
  }
  const changed = Object.entries(state.current).filter(([k, v]) => v !== readDefault(k));
  say(`accepted values: ${changed.map(([k, v]) => `${k} ${readDefault(k)} -> ${v}`).join(', ') || 'none'}`);
  save();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
