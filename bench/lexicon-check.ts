/**
 * `npx tsx bench/lexicon-check.ts [--from=N]`: the village lexicon's own checks, run before its groups are measured
 * (src/search/lexicon.ts). It reads no judged query, only the passages, the lexicon and bench/lexicon-probes.txt.
 *
 * 1. Every `text` term of the groups from N occurs in some passage; no `say` string of them occurs in a passage (the
 *    texts' own words are searched as written); no `say` string is given twice in the whole of `RELATED_TERMS` (the
 *    curated table of vocabulary.ts included). A `say` string also a `say` of another group is named with both groups.
 * 2. The probes (bench/lexicon-probes.txt, one question a line): questions about subjects the texts do NOT discuss
 *    that hold everyday strings of the groups from N (马桶堵了怎么办). Each is asked of the engine with the whole lexicon
 *    and, in a second process, without the groups from N. Printed: every probe answered in full (results without
 *    `partial`) with the groups but not without them, with the strings of the groups from N it holds — those strings
 *    make a question the texts cannot answer look answered, and are to be dropped. Probes answered in full either way
 *    are listed apart (not the new groups' doing). Exit code 1 when any check fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VILLAGE_LEXICON } from '../src/search/lexicon.js';
import type { RelatedTerms } from '../src/search/vocabulary.js';

const PROBES = fileURLToPath(new URL('./lexicon-probes.txt', import.meta.url));

function readProbes(): string[] {
  return readFileSync(PROBES, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

async function child(drop: number[]): Promise<void> {
  const groups = VILLAGE_LEXICON as RelatedTerms[];
  for (const k of [...drop].sort((a, b) => b - a)) groups.splice(k, 1);
  // Imported only now: the related terms' lookups are built at load from the groups left.
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { createSearchEngine } = await import('../src/search/index.js');
  const engine = createSearchEngine(loadCorpus());
  const out = readProbes().map((q) => {
    const r = engine.search(q);
    return { full: r.results.length > 0 && !r.partial, top: r.results.slice(0, 3).map((x) => x.id) };
  });
  process.stdout.write(JSON.stringify(out));
}

function run(drop: number[]): { full: boolean; top: string[] }[] {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    env: { ...process.env, LEXICON_DROP: drop.join(',') },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as { full: boolean; top: string[] }[];
}

async function parent(args: string[]): Promise<void> {
  const from = Number(args.find((a) => a.startsWith('--from='))?.slice(7) ?? 0);
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { foldText } = await import('../src/search/normalize.js');
  const { RELATED_TERMS } = await import('../src/search/vocabulary.js');
  const texts = loadCorpus().passages.map((p) => foldText(p.text));
  const inTexts = (s: string): boolean => texts.some((t) => t.includes(foldText(s)));
  const mine = VILLAGE_LEXICON.slice(from);
  let failed = 0;
  const report = (what: string, items: string[]): void => {
    if (items.length === 0) return;
    failed += items.length;
    process.stdout.write(`${what} (${items.length}): ${items.join(' ')}\n`);
  };
  report('text terms in no passage', mine.flatMap((g) => g.text).filter((t) => !inTexts(t)));
  report('say strings that are words of the texts', mine.flatMap((g) => g.say).filter(inTexts));
  const owner = new Map<string, number[]>();
  RELATED_TERMS.forEach((g, i) => g.say.forEach((s) => owner.set(s, [...(owner.get(s) ?? []), i])));
  const offset = RELATED_TERMS.length - VILLAGE_LEXICON.length;
  // Twice within the curated table alone (读书) is vocabulary.ts's business, not the lexicon's.
  report(
    'say strings given twice (RELATED_TERMS positions)',
    [...owner].filter(([, at]) => at.length > 1 && at.some((i) => i >= offset)).map(([s, at]) => `${s}@${at.join('/')}`),
  );
  const says = mine.flatMap((g) => g.say);
  process.stdout.write(`groups ${from}–${VILLAGE_LEXICON.length - 1}: ${mine.length} groups, ${says.length} everyday strings (lexicon ${VILLAGE_LEXICON.length} groups, RELATED_TERMS ${RELATED_TERMS.length}; lexicon starts at ${offset})\n`);

  const probes = readProbes();
  const withAll = run([]);
  const without = run(Array.from({ length: VILLAGE_LEXICON.length - from }, (_, i) => from + i));
  const caused: string[] = [];
  const either: string[] = [];
  let holding = 0;
  probes.forEach((q, i) => {
    const held = says.filter((s) => foldText(q).includes(foldText(s)));
    if (held.length > 0) holding++;
    const a = withAll[i] as { full: boolean; top: string[] };
    const b = without[i] as { full: boolean; top: string[] };
    if (a.full && !b.full) caused.push(`${q} [${held.join(',')}] → ${a.top.join(' ')}`);
    else if (a.full) either.push(q);
  });
  process.stdout.write(`probes ${probes.length} (${holding} hold a string of groups ${from}+)\n`);
  if (either.length > 0) process.stdout.write(`full answers with or without the groups (not theirs): ${either.join(' · ')}\n`);
  report('probes the groups turn into full answers', caused.map((c) => `\n  ${c}`));
  process.stdout.write(failed === 0 ? 'lexicon checks: ok\n' : `lexicon checks: ${failed} failures\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args.includes('--child')) {
  await child((process.env.LEXICON_DROP ?? '').split(',').filter(Boolean).map(Number));
} else {
  await parent(args);
}
