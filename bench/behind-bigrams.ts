/**
 * `npx tsx bench/behind-bigrams.ts [variant…] [--kind=typo,material]`: the TUNING queries only (eval-queries.json and
 * the chat set without its held-out x blocks) where the character-bigram baseline ranks a relevant passage higher than
 * the engine (round 23, issue 9), with both ranks and first three results; then, per named variant of
 * bench/eval-variants.ts, the tuning figures and the queries whose first relevant rank (or partial flag) moved against
 * the defaults. Never-tuned sets and held-out blocks are not read.
 */
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { bigramRanker, engineRanker, evaluate, mean, tuningSets, type QueryOutcome, type ResolvedQuery } from './eval.js';
import { VARIANTS } from './eval-variants.js';

const f4 = (x: number): string => x.toFixed(4);
const rankOf = (o: QueryOutcome | undefined): string => (o ? `${o.firstRelevant ?? '-'}${o.partial ? 'p' : ''}` : '?');

function main(): void {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const kinds = args.find((a) => a.startsWith('--kind='))?.slice('--kind='.length).split(',');
  const corpus = loadCorpus();
  const tuning: ResolvedQuery[] = tuningSets(corpus.passages).flatMap((s) => s.queries);
  const chosen = kinds ? tuning.filter((q) => kinds.includes(q.category)) : tuning;
  const base = evaluate('zhenxing', engineRanker(createSearchEngine(corpus)), chosen);
  const baseBy = new Map(base.outcomes.map((o) => [o.id, o]));
  const noMatch = (r: typeof base): number => r.fullAnswers.length;
  process.stdout.write(`tuning queries: ${chosen.length} (${base.outcomes.length} judged); default ${f4(base.overall.mrr10)} / ${f4(base.overall.success5)}, no-match full ${noMatch(base)}/${base.noMatchQueries}\n`);
  if (args.includes('--misses')) {
    const misses = base.outcomes.filter((o) => o.firstRelevant !== 1);
    process.stdout.write(`queries not answered first (${misses.length}):\n`);
    for (const o of misses) process.stdout.write(`  ${o.id.padEnd(20)} ${o.category.padEnd(10)} ${rankOf(o).padEnd(3)} ${o.query}  → ${o.top.slice(0, 3).join(', ')}\n`);
  }
  if (!args.includes('--no-versus')) {
    const bigrams = evaluate('bigrams-only', bigramRanker(corpus.passages), chosen);
    process.stdout.write(`bigrams ${f4(bigrams.overall.mrr10)} / ${f4(bigrams.overall.success5)}\n`);
    const behind = bigrams.outcomes.filter((b) => {
      const o = baseBy.get(b.id);
      return b.firstRelevant !== null && o !== undefined && (o.firstRelevant === null || b.firstRelevant < o.firstRelevant);
    });
    process.stdout.write(`queries bigrams-only ranks better (${behind.length}):\n`);
    for (const b of behind) {
      const o = baseBy.get(b.id) as QueryOutcome;
      process.stdout.write(`  ${b.id.padEnd(20)} ${b.category.padEnd(10)} ours ${rankOf(o).padEnd(3)} bigrams ${b.firstRelevant}  ${b.query}  → ${o.top.slice(0, 3).join(', ')} | ${b.top.slice(0, 3).join(', ')}\n`);
    }
  }
  for (const name of names) {
    const options = VARIANTS[name];
    if (!options) throw new Error(`no variant ${name}`);
    const r = evaluate(name, engineRanker(createSearchEngine(corpus, options)), chosen);
    const moved = r.outcomes.filter((o) => {
      const b = baseBy.get(o.id) as QueryOutcome;
      return b.firstRelevant !== o.firstRelevant || b.partial !== o.partial;
    });
    const better = moved.filter((o) => {
      const b = baseBy.get(o.id) as QueryOutcome;
      return (o.firstRelevant ?? 99) < (b.firstRelevant ?? 99);
    }).length;
    const worse = moved.filter((o) => {
      const b = baseBy.get(o.id) as QueryOutcome;
      return (o.firstRelevant ?? 99) > (b.firstRelevant ?? 99);
    }).length;
    const kindLines = [...new Set(chosen.map((q) => q.category))].map((c) => {
      const a = mean(base.outcomes.filter((o) => o.category === c));
      const m = mean(r.outcomes.filter((o) => o.category === c));
      return a.mrr10 === m.mrr10 ? '' : ` ${c} ${f4(a.mrr10)}→${f4(m.mrr10)}`;
    });
    process.stdout.write(
      `== ${name}: ${f4(r.overall.mrr10)} / ${f4(r.overall.success5)}, no-match full ${noMatch(r)}/${r.noMatchQueries}; ${better} better, ${worse} worse;${kindLines.join('')}\n`,
    );
    for (const o of moved) {
      const b = baseBy.get(o.id) as QueryOutcome;
      process.stdout.write(`  ${o.id.padEnd(20)} ${o.category.padEnd(10)} ${rankOf(b)} → ${rankOf(o)}  ${o.query}  → ${o.top.slice(0, 3).join(', ')}\n`);
    }
    const newFull = r.fullAnswers.filter((f) => !base.fullAnswers.some((g) => g.id === f.id));
    for (const f of newFull) process.stdout.write(`  NEW full answer to no-match: ${f.id} ${f.query}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
