/**
 * Where `npm run bench`'s memory goes: the bench's phases for one library size (BENCH_FACTORS, default 100), with the
 * process's RSS and the V8 heap used after a forced full collection printed after each phase, so that memory still
 * held (retained) can be told from garbage not yet collected. `--snapshot <file>` writes a heap snapshot at the end
 * (open it in Chrome's DevTools, Memory tab). Figures are printed, never asserted.
 *
 *   npx tsx bench/memory-phases.ts [--mix-commit f1073b7] [--snapshot /tmp/end.heapsnapshot]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { loadLibrary } from '../src/library/index-cache.js';
import { createLiveLibrary } from '../src/library/live.js';
import { createLibraryStore } from '../src/library/index.js';
import { createSearchEngine, loadJieba, runNow } from '../src/search/index.js';
import { loadCorpus } from '../src/corpus/index.js';
import { benchDocMeta, writeSyntheticLibrary } from './library-fixture.js';
import { evalMix, mixCommitArg } from './mix.js';
import { forcedGc, memoryLine } from './memory.js';

const args = process.argv.slice(2);
const snapshotAt = args.indexOf('--snapshot');
const snapshotFile = snapshotAt >= 0 ? args[snapshotAt + 1] : undefined;
const queries = evalMix(mixCommitArg(args)).flatMap((s) => s.queries);
const factors = process.env.BENCH_FACTORS?.split(',').map(Number) ?? [100];

// `--snapshot-at <words>`: the snapshot is written after the first phase whose label holds them, instead of at the end.
const snapshotWhen = args.indexOf('--snapshot-at') >= 0 ? args[args.indexOf('--snapshot-at') + 1] : undefined;
let snapshotTaken = false;
const say = (what: string): void => {
  process.stdout.write(`${memoryLine(what)}\n`);
  if (snapshotFile && snapshotWhen && !snapshotTaken && what.includes(snapshotWhen)) {
    snapshotTaken = true;
    v8.writeHeapSnapshot(snapshotFile);
    process.stdout.write(`heap snapshot: ${snapshotFile}\n`);
  }
};

/** The bench's steps for one library size; each engine is dropped when its step ends, as a bot drops a replaced one. */
async function phase(factor: number): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), `zhenxing-mem-${factor}x-`));
  try {
    const libraryDir = path.join(work, 'library');
    const cacheDir = path.join(work, 'index-cache');
    if (factor > 1) writeSyntheticLibrary(libraryDir, factor);
    buildAndDrop(libraryDir, cacheDir);
    say(`${factor}×: built, saved and dropped`);
    const loaded = loadLibrary({ libraryDir, cacheDir });
    say(`${factor}×: loaded from its saved index`);
    runNow(loaded.engine.warmSteps());
    say(`${factor}×: warmed (typo and neighbour tables)`);
    for (let r = 0; r < 2; r++) for (const q of queries) loaded.engine.search(q, { limit: 5 });
    say(`${factor}×: after 2 passes of ${queries.length} queries`);
    for (const q of queries) loaded.engine.search(q, { limit: 5 });
    say(`${factor}×: after a third pass`);
    const store = createLibraryStore(libraryDir);
    const added = store.add({
      meta: benchDocMeta('bench-notice.txt', '关于做好村级集体经济发展工作的通知', new Date()),
      lines: ['关于做好村级集体经济发展工作的通知', '各乡镇：为发展壮大村级集体经济，现就有关事项通知如下。'],
      original: Buffer.from('x', 'utf8'),
    });
    buildAndDrop(libraryDir, cacheDir, `${factor}×: a second engine (reload after an add) beside the first`);
    store.remove(added.meta.id);
    say(`${factor}×: the second engine dropped`);
    await liveAndDrop(libraryDir, cacheDir, store, `${factor}×`);
    say(`${factor}×: the live library stopped and dropped`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function buildAndDrop(libraryDir: string, cacheDir: string, what?: string): void {
  const built = loadLibrary({ libraryDir, cacheDir });
  built.engine.search('乡村振兴', { limit: 5 });
  if (what) say(what);
}

async function liveAndDrop(libraryDir: string, cacheDir: string, store: ReturnType<typeof createLibraryStore>, label: string): Promise<void> {
  const live = createLiveLibrary({ libraryDir, cacheDir, pollMs: 3_600_000 });
  say(`${label}: a live library beside the first engine`);
  const id = store.add({
    meta: benchDocMeta('bench-notice.txt', '关于做好村级集体经济发展工作的通知', new Date()),
    lines: ['关于做好村级集体经济发展工作的通知', '各乡镇：为发展壮大村级集体经济，现就有关事项通知如下。'],
    original: Buffer.from('x', 'utf8'),
  }).meta.id;
  await live.refresh();
  say(`${label}: the live library after a reload (an add)`);
  store.remove(id);
  await live.refresh();
  say(`${label}: the live library after a second reload (a remove)`);
  await live.stop();
}

function engineAlone(): void {
  const corpus = loadCorpus();
  const engine = createSearchEngine(corpus);
  for (const q of queries) engine.search(q, { limit: 5 });
  say('engine alone over the seeds, one pass');
}

say('start');
loadJieba();
say('jieba loaded');
for (const factor of factors) {
  await phase(factor);
  say(`${factor}×: everything of the phase dropped`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  say(`${factor}×: everything of the phase dropped, after 200 ms of the event loop`);
}
engineAlone();
say('end');
if (snapshotFile && !snapshotWhen) {
  forcedGc();
  v8.writeHeapSnapshot(snapshotFile);
  process.stdout.write(`heap snapshot: ${snapshotFile}\n`);
}
