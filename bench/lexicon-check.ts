/**
 * `npx tsx bench/lexicon-check.ts [--from=N] [--no-attribute]`: the village lexicon's own checks, run before its groups are measured
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
 *    A probe marked `!` is one such full answer judged and kept (the string it holds names the texts' own concept and
 *    the rest of the question is words the texts use, or a held-out block measured the string): listed apart, no failure.
 * 3. Attribution (round 9; `--no-attribute` skips it): each string a probe of (2) holds is left out on its own (strings
 *    no such probe holds together share a process), asking only the probes that hold it; a string whose absence alone makes such a probe partial
 *    or empty is flagged, and where no single string does, all the probe's strings are flagged together. Printed: the
 *    flagged strings with their group's position and the probes they turn full — the strings to narrow or drop.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VILLAGE_LEXICON } from '../src/search/lexicon.js';
import type { RelatedTerms } from '../src/search/vocabulary.js';

const PROBES = fileURLToPath(new URL('./lexicon-probes.txt', import.meta.url));

/** The probes' lines, `!` kept: a probe marked `!` is a known full answer, judged and kept (see the file's header). */
function readProbeLines(): string[] {
  return readFileSync(PROBES, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function readProbes(): string[] {
  return readProbeLines().map((l) => l.replace(/^!/, ''));
}

async function child(drop: number[]): Promise<void> {
  const groups = VILLAGE_LEXICON as RelatedTerms[];
  // One string left out of its group (attribution), before any group is.
  const dropSays = (process.env.LEXICON_DROP_SAY ?? '').split('\u0001').filter(Boolean);
  if (dropSays.length > 0) {
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k] as RelatedTerms;
      if (g.say.some((x) => dropSays.includes(x))) groups[k] = { ...g, say: g.say.filter((x) => !dropSays.includes(x)) };
    }
  }
  for (const k of [...drop].sort((a, b) => b - a)) groups.splice(k, 1);
  // Imported only now: the related terms' lookups are built at load from the groups left.
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { createSearchEngine } = await import('../src/search/index.js');
  const engine = createSearchEngine(loadCorpus());
  const only = (process.env.LEXICON_PROBES ?? '').split(',').filter(Boolean).map(Number);
  const all = readProbes();
  const out = (only.length > 0 ? only.map((i) => all[i] as string) : all).map((q) => {
    const r = engine.search(q);
    return { full: r.results.length > 0 && !r.partial, top: r.results.slice(0, 3).map((x) => x.id) };
  });
  process.stdout.write(JSON.stringify(out));
}

function run(drop: number[], dropSays = '', probes: number[] = []): { full: boolean; top: string[] }[] {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    env: { ...process.env, LEXICON_DROP: drop.join(','), LEXICON_DROP_SAY: dropSays, LEXICON_PROBES: probes.join(',') },
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
  const accepted = new Set(readProbeLines().flatMap((l, i) => (l.startsWith('!') ? [i] : [])));
  const kept: string[] = [];
  const caused: string[] = [];
  const causedAt: { i: number; held: string[] }[] = [];
  const either: string[] = [];
  let holding = 0;
  probes.forEach((q, i) => {
    const held = says.filter((s) => foldText(q).includes(foldText(s)));
    if (held.length > 0) holding++;
    const a = withAll[i] as { full: boolean; top: string[] };
    const b = without[i] as { full: boolean; top: string[] };
    if (a.full && !b.full && accepted.has(i)) kept.push(`${q} [${held.join(',')}]`);
    else if (a.full && !b.full) {
      caused.push(`${q} [${held.join(',')}] → ${a.top.join(' ')}`);
      causedAt.push({ i, held });
    } else if (a.full) either.push(q);
  });
  process.stdout.write(`probes ${probes.length} (${holding} hold a string of groups ${from}+)\n`);
  if (either.length > 0) process.stdout.write(`full answers with or without the groups (not theirs): ${either.join(' · ')}\n`);
  if (kept.length > 0) process.stdout.write(`full answers judged and kept (probes marked !, ${kept.length}): ${kept.join(' · ')}\n`);
  report('probes the groups turn into full answers', caused.map((c) => `\n  ${c}`));
  if (!args.includes('--no-attribute') && causedAt.length > 0) {
    // Each string the caused probes hold, left out alone. Strings no caused probe holds together share a process (each
    // left out of its own group; a probe then lacks only the one string it holds), so a few processes do all.
    const partialWithout = new Map<string, Set<number>>();
    const rounds: string[][] = [];
    for (const say of [...new Set(causedAt.flatMap((c) => c.held))]) {
      const together = (a: string, b: string): boolean => causedAt.some((c) => c.held.includes(a) && c.held.includes(b));
      const round = rounds.find((r) => r.every((o) => !together(o, say)));
      if (round) round.push(say);
      else rounds.push([say]);
    }
    for (const round of rounds) {
      const at = causedAt.filter((c) => c.held.some((h) => round.includes(h))).map((c) => c.i);
      const r = run([], round.join('\u0001'), at);
      at.forEach((i, k) => {
        if ((r[k] as { full: boolean }).full) return;
        const say = round.find((h) => causedAt.find((c) => c.i === i)?.held.includes(h)) as string;
        partialWithout.set(say, new Set([...(partialWithout.get(say) ?? []), i]));
      });
    }
    const flagged = new Map<string, string[]>();
    for (const c of causedAt) {
      const alone = c.held.filter((say) => partialWithout.get(say)?.has(c.i));
      for (const say of alone.length > 0 ? alone : c.held.map((h) => `${h}(jointly)`)) {
        flagged.set(say, [...(flagged.get(say) ?? []), probes[c.i] as string]);
      }
    }
    const groupOf = (say: string): number => VILLAGE_LEXICON.findIndex((g) => g.say.includes(say.replace('(jointly)', '')));
    process.stdout.write(
      `strings that turn a probe into a full answer (${flagged.size}):\n${[...flagged]
        .map(([say, qs]) => `  ${say} @${groupOf(say)} ← ${qs.join(' · ')}`)
        .join('\n')}\n`,
    );
  }
  process.stdout.write(failed === 0 ? 'lexicon checks: ok\n' : `lexicon checks: ${failed} failures\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args.includes('--child')) {
  await child((process.env.LEXICON_DROP ?? '').split(',').filter(Boolean).map(Number));
} else {
  await parent(args);
}
