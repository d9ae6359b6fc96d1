/**
 * `npx tsx bench/tuning-ab.ts '<variant>' [--list]`: the tuning material only (eval-queries.json and the chat set's
 * blocks that are not held out — no block whose name ends in x is run), the default engine against one variant of
 * bench/eval-variants.ts: full answers to no-match queries under each, judged answers whose partial flag changes, and
 * judged answers whose first relevant rank moves. `--list` prints the default engine's full answers to no-match
 * queries (the causes table's material). Held-out blocks and the never-tuned sets are never read here.
 */
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { engineRanker, evaluate, tuningSets } from './eval.js';
import { VARIANTS } from './eval-variants.js';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--')) ?? 'default';
const variant = VARIANTS[name];
// A misspelt variant would silently compare the default engine with itself.
if (variant === undefined) throw new Error(`tuning-ab: unknown variant "${name}" (bench/eval-variants.ts VARIANTS has no such key)`);
const corpus = loadCorpus();
const sets = tuningSets(corpus.passages);
const base = createSearchEngine(corpus, {});
const other = createSearchEngine(corpus, variant);
let fullA = 0;
let fullB = 0;
let judged = 0;
let partialA = 0;
let partialB = 0;
const lines: string[] = [];
for (const s of sets) {
  const a = evaluate('default', engineRanker(base), s.queries);
  const b = evaluate(name, engineRanker(other), s.queries);
  fullA += a.fullAnswers.length;
  fullB += b.fullAnswers.length;
  const fb = new Set(b.fullAnswers.map((f) => f.id));
  const fa = new Set(a.fullAnswers.map((f) => f.id));
  if (args.includes('--list')) for (const f of a.fullAnswers) lines.push(`  full ${f.id} ${f.query} → ${f.top.join(', ')}`);
  for (const f of a.fullAnswers) if (!fb.has(f.id)) lines.push(`  no-match full → partial: ${f.id} ${f.query}`);
  for (const f of b.fullAnswers) if (!fa.has(f.id)) lines.push(`  no-match partial → FULL: ${f.id} ${f.query}`);
  judged += a.outcomes.length;
  a.outcomes.forEach((o, i) => {
    const p = b.outcomes[i]!;
    if (o.partial) partialA++;
    if (p.partial) partialB++;
    if (o.partial !== p.partial) lines.push(`  judged ${o.partial ? 'partial → full' : 'FULL → PARTIAL'}: ${o.id} ${o.query} (rank ${o.firstRelevant ?? '-'} → ${p.firstRelevant ?? '-'})`);
    else if (o.firstRelevant !== p.firstRelevant) lines.push(`  judged rank ${o.firstRelevant ?? '-'} → ${p.firstRelevant ?? '-'}: ${o.id} ${o.query}`);
  });
}
process.stdout.write(
  `${lines.join('\n')}\n${name}: tuning no-match full ${fullA} → ${fullB}; judged ${judged}, partial ${partialA} → ${partialB}\n`,
);
