/**
 * `npx tsx bench/memo-mix.ts [--mix-commit C] [--count] [--rounds N] [--scale K | --scale NAME=K …] [--clear-per-pass]`:
 * the bench's served 1× figure (search-bench.ts: the seeds' library loaded from its saved index, 3 warm passes of the
 * mix, then N timed passes, wall and CPU per search of search(q, {limit: 5})) on a copy of dist/ whose bounded memos
 * (bounded-memo.ts createBoundedMemo, and neighbours.ts's Maps emptied at a size) are watched or resized — the round-29
 * question: does the 1× figure depend on whether a pass of the mix fits the per-text memos?
 *   --count: per memo (named by the variable it is made in), its limit, distinct keys read per pass, entries held,
 *     times emptied per pass, and the share of reads answered on the first pass and on later ones (counting slows the
 *     searches: its timings are not figures).
 *   --scale K: every memo's limit times K (NAME=K: that memo only; repeatable). --clear-per-pass: every bounded memo
 *     emptied before each pass (each pass a stream of queries none of which the memos have seen, as most chat queries
 *     are).
 * Prints counts and figures only, never a query. The copy is .ab/memo-probe/ (dist/ as built now, patched there;
 * src/ and dist/ are not changed).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { constants } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../test/helpers/ensure-built.js';
import { gcByKind } from './gc-by-kind.js';
import { evalMix, mixCommitArg, mixLabel, withoutMixArg } from './mix.js';
import { memoryFigures } from './memory.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const args = withoutMixArg(argv);
const flag = (name: string): boolean => args.includes(name);
const valueOf = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1] as string] : []));
const count = flag('--count');
const clearPerPass = flag('--clear-per-pass');
// `--clear-alternate`: the memos emptied before every other timed pass only, so that the passes with memos emptied and
// those with memos as they are share the machine's load alike (paired in time); both figures printed.
const clearAlternate = flag('--clear-alternate');
const rounds = Number(valueOf('--rounds')[0] ?? 40);
const warm = Number(valueOf('--warm')[0] ?? 3);
const scales = valueOf('--scale');
const allScale = Number(scales.find((s) => !s.includes('=')) ?? 1);
const oneScale = new Map(scales.filter((s) => s.includes('=')).map((s) => [s.split('=')[0] as string, Number(s.split('=')[1])]));

/** The probe's copy of dist/, with seeds/ and lexicon/ beside it as in the repository. */
function probeCopy(): string {
  ensureBuilt();
  const dir = path.join(ROOT, '.ab', 'memo-probe');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  for (const d of ['seeds', 'lexicon']) if (!existsSync(path.join(dir, d))) symlinkSync(path.join(ROOT, d), path.join(dir, d));
  const memoFile = path.join(dir, 'dist/search/bounded-memo.js');
  const memo = readFileSync(memoFile, 'utf8');
  if (!memo.includes('export function createBoundedMemo(limit) {')) throw new Error('bounded-memo.js: createBoundedMemo not found');
  writeFileSync(
    memoFile,
    memo.replace('export function createBoundedMemo(limit) {', 'function originalBoundedMemo(limit) {') +
      `
export function createBoundedMemo(limit) {
  const probe = globalThis.__memoProbe;
  if (!probe) return originalBoundedMemo(limit);
  const site = probe.site(new Error().stack);
  return probe.made(site, limit, originalBoundedMemo(probe.limitOf(site, limit)));
}
`,
  );
  const nbFile = path.join(dir, 'dist/search/neighbours.js');
  const nb = readFileSync(nbFile, 'utf8');
  let maps = 0;
  const patched = nb.replace(/if \((\w+)\.size >= ([\d_]+)\)\s*\n(\s*)\1\.clear\(\);/g, (_m, name: string, n: string, sp: string) => {
    maps++;
    return `if (${name}.size >= globalThis.__memoProbe.limitOf('neighbours.${name}', ${n})) {\n${sp}globalThis.__memoProbe.emptied('neighbours.${name}', ${name});\n${sp}${name}.clear(); }`;
  });
  if (maps === 0) throw new Error('neighbours.js: no memo found');
  writeFileSync(nbFile, patched);
  return dir;
}

interface Watch {
  name: string;
  limit: number;
  memos: { size: number; clear?: () => void }[];
  /** Per pass: reads, answered reads, distinct keys read, times emptied, most held. */
  passes: { reads: number; hits: number; keys: Set<unknown>; emptied: number; most: number }[];
}
const watches = new Map<string, Watch>();
let pass = 0;
const siteNames = new Map<string, string>();
const watchOf = (name: string, limit: number): Watch => {
  let w = watches.get(name);
  if (!w) watches.set(name, (w = { name, limit, memos: [], passes: [] }));
  return w;
};
const passOf = (w: Watch) => (w.passes[pass] ??= { reads: 0, hits: 0, keys: new Set(), emptied: 0, most: 0 });

(globalThis as Record<string, unknown>).__memoProbe = {
  /** The memo's name: the variable (or field) its createBoundedMemo call is assigned to, with its file. */
  site(stack: string): string {
    // tsx maps the stack to src/ when dist/ has source maps: either file names the caller.
    const m = /\/(dist|src)\/([^:]+):(\d+):(\d+)/.exec(stack.split('\n')[2] ?? '');
    if (!m) return 'unknown';
    m.splice(1, 2, m[1] === 'src' ? `../../../src/${m[2]}` : (m[2] as string));
    const key = `${m[1]}:${m[2]}:${m[3]}`;
    let name = siteNames.get(key);
    if (!name) {
      const file = path.join(ROOT, '.ab/memo-probe/dist', m[1] as string);
      const line = readFileSync(file, 'utf8').split('\n')[Number(m[2]) - 1] ?? '';
      // Two memos may be made on one line (glosses.ts's senses and written): the last name before the call's column.
      const named = [...line.slice(0, Number(m[3]) + 20).matchAll(/(\w+)\s*[=:]\s*\(?\s*(?:\w+\s*=\s*)?createBoundedMemo/g)];
      const v = named[named.length - 1] ?? /(\w+)\s*=/.exec(line);
      name = `${path.basename(m[1] as string).replace(/\.[jt]s$/, '')}.${v?.[1] ?? m[2]}`;
      siteNames.set(key, name);
    }
    return name;
  },
  limitOf(name: string, limit: number): number {
    const k = oneScale.get(name) ?? (oneScale.size > 0 ? 1 : allScale);
    return Math.round(limit * k);
  },
  made(name: string, limit: number, memo: { get(k: unknown): unknown; set(k: unknown, v: unknown): unknown; size: number; clear?: () => void }) {
    const w = watchOf(name, limit);
    w.memos.push(memo);
    if (!count) return memo;
    return {
      get(k: unknown) {
        const p = passOf(w);
        const got = memo.get(k);
        p.reads++;
        if (got !== undefined) p.hits++;
        p.keys.add(k);
        return got;
      },
      set(k: unknown, v: unknown) {
        const p = passOf(w);
        const before = memo.size;
        const out = memo.set(k, v);
        if (memo.size < before) p.emptied++;
        p.most = Math.max(p.most, memo.size);
        return out;
      },
      get size() {
        return memo.size;
      },
      clear: () => (memo as unknown as { clear(): void }).clear(),
    };
  },
  emptied(name: string, map: Map<unknown, unknown>) {
    const w = watchOf(name, Number.NaN);
    if (!w.memos.includes(map)) w.memos.push(map);
    const p = passOf(w);
    p.emptied++;
    p.most = Math.max(p.most, map.size);
  },
};

const dir = probeCopy();
const dist = (f: string): string => pathToFileURL(path.join(dir, 'dist', f)).href;
const { loadLibrary } = (await import(dist('library/index-cache.js'))) as typeof import('../src/library/index-cache.js');
const { loadJieba } = (await import(dist('search/index.js'))) as typeof import('../src/search/index.js');
loadJieba();
const mixCommit = mixCommitArg(argv);
const sets = evalMix(mixCommit);
const queries = sets.flatMap((s) => s.queries);

// The saved index made by a fresh process (as the bench's ready steps make it), then loaded here as the bench serves it.
const work = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-memo-mix-'));
const libraryDir = path.join(work, 'library');
const cacheDir = path.join(work, 'index-cache');
execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ready-child.ts'), libraryDir, cacheDir], { stdio: 'ignore' });
const loaded = loadLibrary({ libraryDir, cacheDir });
loaded.engine.search('family doctors', { limit: 5 });

const clearAll = (): void => {
  for (const w of watches.values()) for (const m of w.memos) (m as { clear?: () => void }).clear?.();
};
const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
};
// `--subset-commit C`: the same timings restricted to the queries of C's mix (matched as a multiset of texts), and to
// the others: which queries are timed (the mix's make-up) apart from how the process serves them (its state).
const subsetCommit = valueOf('--subset-commit')[0];
const inSubset: boolean[] = queries.map(() => false);
if (subsetCommit) {
  const left = new Map<string, number>();
  for (const q of evalMix(subsetCommit).flatMap((s) => s.queries)) left.set(q, (left.get(q) ?? 0) + 1);
  queries.forEach((q, i) => {
    const n = left.get(q) ?? 0;
    if (n > 0) {
      inSubset[i] = true;
      left.set(q, n - 1);
    }
  });
}
const emptiedCpu: number[] = [];
const keptCpu: number[] = [];
const subsetCpu: number[] = [];
const otherCpu: number[] = [];
const wall: number[] = [];
const cpu: number[] = [];
const perPass: number[] = [];
const firstPassCpu: number[] = [];
// The collector's time during the timed passes, by kind (bench/gc-by-kind.ts).
const { observer: gcWatch, byKind: gcTime } = gcByKind({ [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact' });
for (let r = 0; r < warm + rounds; r++) {
  if (r === warm) gcWatch.observe({ entryTypes: ['gc'] });
  pass = r;
  if (clearPerPass || (clearAlternate && r >= warm && (r - warm) % 2 === 0)) clearAll();
  const passWall: number[] = [];
  for (const [i, q] of queries.entries()) {
    if (r < warm) {
      loaded.engine.search(q);
      continue;
    }
    const c = process.cpuUsage();
    const t = performance.now();
    loaded.engine.search(q, { limit: 5 });
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    wall.push(ms);
    passWall.push(ms);
    cpu.push((used.user + used.system) / 1000);
    if (r === warm) firstPassCpu.push((used.user + used.system) / 1000);
    if (subsetCommit) (inSubset[i] ? subsetCpu : otherCpu).push((used.user + used.system) / 1000);
    if (clearAlternate) ((r - warm) % 2 === 0 ? emptiedCpu : keptCpu).push((used.user + used.system) / 1000);
  }
  if (r >= warm) perPass.push(pct(passWall, 0.5));
}
await new Promise((done) => setTimeout(done, 50));
gcWatch.disconnect();
const heap = memoryFigures().heapAfterGc;
const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
const out: string[] = [];
out.push(
  `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${mixLabel(mixCommit, sets)}; ${count ? 'COUNTING (timings not figures); ' : ''}` +
    `scale ${scales.length ? scales.join(' ') : '1'}${clearPerPass ? ', memos emptied before each pass' : ''}${clearAlternate ? ', memos emptied before every other timed pass' : ''}; ${warm} warm + ${rounds} timed passes`,
);
out.push(
  `served 1×: wall p50 ${us(pct(wall, 0.5))}, p99 ${us(pct(wall, 0.99))}; CPU p50 ${us(pct(cpu, 0.5))}, p99 ${us(pct(cpu, 0.99))};` +
    ` first timed pass CPU p50 ${us(pct(firstPassCpu, 0.5))}; per-pass wall p50 ${perPass.map((x) => Math.round(x * 1000)).join(' ')}; heap after GC ${(heap / 1048576).toFixed(1)} MB`,
);
if (clearAlternate) {
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  out.push(
    `  passes after the memos were emptied: CPU p50 ${us(pct(emptiedCpu, 0.5))}, p90 ${us(pct(emptiedCpu, 0.9))}, p99 ${us(pct(emptiedCpu, 0.99))}, mean ${us(mean(emptiedCpu))};` +
      ` passes with the memos as the pass before left them: p50 ${us(pct(keptCpu, 0.5))}, p90 ${us(pct(keptCpu, 0.9))}, p99 ${us(pct(keptCpu, 0.99))}, mean ${us(mean(keptCpu))}`,
  );
}
if (subsetCommit) {
  out.push(
    `  of them, the ${inSubset.filter(Boolean).length} queries of ${subsetCommit.slice(0, 7)}'s mix: CPU p50 ${us(pct(subsetCpu, 0.5))}, mean ${us(subsetCpu.reduce((a, b) => a + b, 0) / subsetCpu.length)};` +
      ` the other ${inSubset.filter((x) => !x).length}: CPU p50 ${us(pct(otherCpu, 0.5))}, mean ${us(otherCpu.reduce((a, b) => a + b, 0) / Math.max(1, otherCpu.length))}`,
  );
}
out.push(`  gc in the timed passes: ${[...gcTime].map(([k, g]) => `${k} ${g.n} (${((g.ms * 1000) / cpu.length).toFixed(1)} µs a search)`).join(', ')}`);
out.push(`  CPU mean ${us(cpu.reduce((a, b) => a + b, 0) / cpu.length)}; CPU p40 ${us(pct(cpu, 0.4))}, p45 ${us(pct(cpu, 0.45))}, p55 ${us(pct(cpu, 0.55))}, p60 ${us(pct(cpu, 0.6))}`);
if (count) {
  out.push('memo | limit | distinct keys read, pass 1 | pass 2 | most held | emptied per pass (1 / 2+) | hits pass 1 | hits passes 2+ | reads per search');
  for (const w of [...watches.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const p1 = w.passes[0];
    const later = w.passes.slice(1).filter(Boolean);
    const reads = later.reduce((s, p) => s + p.reads, 0);
    const hits = later.reduce((s, p) => s + p.hits, 0);
    const emptiedLater = later.length ? later.reduce((s, p) => s + p.emptied, 0) / later.length : 0;
    const share = (h: number, n: number): string => (n ? `${((100 * h) / n).toFixed(1)} %` : '–');
    out.push(
      `${w.name} | ${w.limit} | ${p1?.keys.size ?? 0} | ${w.passes[1]?.keys.size ?? 0} | ${Math.max(0, ...w.passes.map((p) => p?.most ?? 0))} | ${p1?.emptied ?? 0} / ${emptiedLater.toFixed(1)} |` +
        ` ${share(p1?.hits ?? 0, p1?.reads ?? 0)} | ${share(hits, reads)} | ${(reads / Math.max(1, later.length) / queries.length).toFixed(2)}`,
    );
  }
}
process.stdout.write(`${out.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
