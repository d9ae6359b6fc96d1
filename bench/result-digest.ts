/**
 * `npx tsx bench/result-digest.ts [--factor N] [--out file] [--against file] [--mix-commit C]`: a digest of everything the engine
 * answers to every judged query (every set, tuning and held-out): ids, scores, snippets and their marks, totals,
 * pages, the partial flag and its words, corrections and suggestions, on the first page of 10 and on page 2 of 5.
 * A speed change must leave it identical. `--factor N` builds the engine over a synthetic library of N× today's text
 * (library-fixture.ts) instead of the seeds, where the pruning and caches of a large index come into play, loaded
 * from its saved index as a restarted bot loads it.
 * `--mix-commit C`: the queries of commit C's eval sets (bench/mix.ts), so that a digest taken before other engineers
 * added judged blocks can still be compared with. `--variant NAME`: the engine under one of bench/eval-variants.ts's
 * option sets (at 1×), so that a variant restoring old defaults can be checked to give the old answers exactly.
 * Held-out queries are never printed: a difference there is reported by set and position only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { loadLibrary } from '../src/library/index-cache.js';
import { createSearchEngine, type SearchEngine } from '../src/search/index.js';
import { evalMix, mixCommitArg } from './mix.js';
import { VARIANTS } from './eval-variants.js';
import { writeSyntheticLibrary } from './library-fixture.js';

function answer(engine: SearchEngine, q: string): string {
  const strip = (r: ReturnType<SearchEngine['search']>) => ({
    ...r,
    results: r.results.map(({ passage: _p, ...rest }) => rest),
  });
  const pick = (f: () => ReturnType<SearchEngine['search']>): unknown => {
    try {
      return strip(f());
    } catch (err) {
      return { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  };
  return JSON.stringify([pick(() => engine.search(q, { limit: 10 })), pick(() => engine.search(q, { limit: 5, page: 2 }))]);
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const factor = Number(arg('--factor') ?? 1);
  let engine: SearchEngine;
  let work: string | undefined;
  if (factor > 1) {
    work = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-digest-'));
    writeSyntheticLibrary(path.join(work, 'library'), factor);
    const options = { libraryDir: path.join(work, 'library'), cacheDir: path.join(work, 'cache') };
    // Built and saved, then loaded from what was saved: the engine a restarted bot serves.
    loadLibrary(options);
    const loaded = loadLibrary(options);
    if (!loaded.fromCache) throw new Error('the saved library index was not loaded');
    engine = loaded.engine;
  } else {
    const variant = arg('--variant');
    const options = variant === undefined ? {} : VARIANTS[variant];
    if (!options) throw new Error(`no variant named ${variant}`);
    engine = createSearchEngine(loadCorpus(), options);
  }
  const lines: string[] = [];
  const all = createHash('sha256');
  for (const s of evalMix(mixCommitArg(args))) {
    const h = createHash('sha256');
    s.queries.forEach((q, i) => {
      const d = createHash('sha256').update(answer(engine, q)).digest('hex').slice(0, 16);
      h.update(d);
      // Tuning queries are named; held-out ones only by position.
      lines.push(`${s.name}\t${i}\t${d}\t${s.tuned ? JSON.stringify(q) : ''}`);
    });
    const digest = h.digest('hex').slice(0, 16);
    all.update(digest);
    process.stdout.write(`${s.name}: ${digest}\n`);
  }
  process.stdout.write(`all (${factor}×): ${all.digest('hex').slice(0, 16)}\n`);
  const out = arg('--out');
  if (out) writeFileSync(out, `${lines.join('\n')}\n`);
  const against = arg('--against');
  if (against) {
    const before = readFileSync(against, 'utf8').split('\n');
    let diffs = 0;
    lines.forEach((l, i) => {
      if (before[i] !== l) {
        diffs++;
        const [set, at, , q] = l.split('\t');
        if (diffs <= 20) process.stdout.write(`  differs: ${set} #${at} ${q ?? ''}\n`);
      }
    });
    process.stdout.write(diffs === 0 ? 'identical\n' : `${diffs} answers differ\n`);
    if (diffs > 0) process.exitCode = 1;
  }
  if (work) rmSync(work, { recursive: true, force: true });
}

main();
