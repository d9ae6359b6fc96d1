/**
 * The built library, persisted under DATA_DIR/index-cache, at two levels:
 *
 * - Per document (`documents/<key>.json`): what cleaning, splitting, theming and jieba make of one added document
 *   (its passages, article text and each passage's index words), or of the seeds together. The key hashes the
 *   document's meta.json (which holds its text hash) or the seed files, and the code of the corpus, search and
 *   library modules. An unchanged document is never cleaned or segmented again, so a reload after an add or remove
 *   only builds the new document and re-assembles the index from the others' saved words.
 * - The whole library (`library-index-<key>.json`): the corpus and the engine's saved index (MiniSearch's
 *   serialisation and the near-duplicate clusters), keyed by all the documents' keys. A start with an unchanged
 *   library loads this one file and assembles nothing.
 *
 * Any change to a document or to the rules gives new keys and a fresh build of what changed. Files no longer used
 * are removed after each build. Writes are atomic (a temp file renamed), so a crash or a second process (the CLI
 * beside the bot) leaves either the old file or the new one.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildLibraryDocument, CorpusError, loadCorpus, PACKAGE_SEEDS_DIR } from '../corpus/index.js';
import type { ArticleMeta, Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import type { Logger } from '../observability/logger.js';
import {
  createSearchEngine,
  DEFAULT_SLICE_MS,
  runNow,
  runSliced,
  searchEngineSteps,
  tokenizePassages,
  type PassageTokens,
  type SavedEngineIndex,
  type SliceOptions,
  type Steps,
  type ZhenxingSearchEngine,
} from '../search/index.js';
import { createLibraryStore, type StoredMeta } from './store.js';

/** Bumped when the file layout changes. */
const FORMAT = 2;
const PREFIX = 'library-index-';
const DOCUMENTS_DIR = 'documents';

/** What one unit of the library (the seeds, or one added document) is made into. */
interface DocumentPack {
  format: number;
  key: string;
  documents: DocumentMeta[];
  articles: ArticleMeta[];
  articleTexts: [string, string][];
  passages: Passage[];
  /** Each passage's index words (PassageIndexOptions.tokens). */
  tokens: PassageTokens[];
}

interface CacheFile {
  format: number;
  key: string;
  documents: DocumentMeta[];
  articles: ArticleMeta[];
  passages: Passage[];
  articleTexts: [string, string][];
  engine: SavedEngineIndex;
}

let codeHash: string | undefined;
/**
 * A hash of the corpus, search and library modules as deployed (src/ under tsx, dist/ when built), and of the jieba
 * and MiniSearch versions.
 */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const dir of ['corpus', 'search', 'library'].map((d) => path.join(here, '..', d))) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ts|js|json|txt|utf8)$/.test(name)) continue;
      hash.update(name).update(readFileSync(path.join(dir, name)));
    }
  }
  // The segmenter's, the index's and the pinyin reader's own versions: a new jieba dictionary cuts words differently,
  // and the words' pinyin is saved with the index.
  const require = createRequire(import.meta.url);
  for (const pkg of ['nodejieba', 'minisearch', 'pinyin-pro']) {
    try {
      // The package's own package.json, found from its entry point (MiniSearch's exports do not list it).
      const entry = require.resolve(pkg);
      const root = entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`) + `/node_modules/${pkg}/`.length);
      hash.update(`${pkg}@${(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version}`);
    } catch {
      hash.update(`${pkg}@?`);
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

const sha = (...parts: string[]): string => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex');
};

/** The seeds' key: their catalog and files, and the code. */
function seedsKey(seedsDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\nseeds\n${codeFingerprint()}\n`);
  for (const name of readdirSync(seedsDir).sort()) hash.update(name).update(readFileSync(path.join(seedsDir, name)));
  return hash.digest('hex');
}

/** An added document's key: its metadata (with its text's hash) and the code. */
const documentKey = (meta: StoredMeta): string => sha(`format ${FORMAT}`, 'document', codeFingerprint(), JSON.stringify(meta));

/** The key of a library: seeds (catalog and files), added documents' metadata, code. */
export function libraryKey(seedsDir: string, libraryDir: string): string {
  const metas = createLibraryStore(libraryDir).list();
  return sha(seedsKey(seedsDir), ...metas.map(documentKey));
}

export interface LoadedLibrary {
  corpus: Corpus;
  engine: ZhenxingSearchEngine;
  /** True when passages and index came from the saved whole-library file. */
  fromCache: boolean;
  /** Documents (the seeds count as one) cleaned and segmented now, and those whose saved words were used. */
  built: number;
  reused: number;
  /** Milliseconds: reading or building the corpus, and loading or building the index. */
  corpusMs: number;
  indexMs: number;
}

export interface LoadLibraryOptions {
  seedsDir?: string;
  libraryDir: string;
  /** Where the built library is saved (DATA_DIR/index-cache); absent: always built, never saved. */
  cacheDir?: string;
  logger?: Logger;
  /**
   * Given the saving of the whole-library file, to run it later instead of before returning: the running bot swaps
   * the new library in first and saves after (seconds at 1 000 documents, written in slices like the build, see
   * {@link loadLibrarySliced}). Default: saved before returning.
   */
  saveLater?: (save: () => Promise<void>) => void;
  /** Told about library entries that cannot be read or built; they are left out. Default: logged as warnings. */
  onProblem?: (id: string, err: unknown) => void;
}

const skipped = (options: LoadLibraryOptions) => (id: string, err: unknown) =>
  options.onProblem ? options.onProblem(id, err) : options.logger?.warn({ id, err }, 'library entry skipped');

function readJson<T extends { format: number; key: string }>(file: string, key: string): T | undefined {
  let json: T;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
  return json.format === FORMAT && json.key === key ? json : undefined;
}

/** Writes a file whole or not at all: a temp file in the same directory, renamed. */
function writeAtomic(file: string, json: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, json);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * {@link writeAtomic} for text made in pieces, without one long block: pieces are joined a few hundred kilobytes at a
 * time, written asynchronously, and the event loop gets a turn after every slice of work (pace.ts).
 */
async function writeAtomicSliced(file: string, pieces: Iterable<string>, slice: SliceOptions): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const sliceMs = slice.sliceMs ?? DEFAULT_SLICE_MS;
  const pause = slice.pause ?? (() => nextTurn());
  async function* batches(): AsyncGenerator<string> {
    let batch: string[] = [];
    let size = 0;
    let start = performance.now();
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= 256 * 1024) {
        yield batch.join('');
        batch = [];
        size = 0;
      }
      if (performance.now() - start >= sliceMs) {
        await pause();
        start = performance.now();
      }
    }
    yield batch.join('');
  }
  try {
    await pipeline(Readable.from(batches()), createWriteStream(tmp));
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** An array as JSON, an element at a time. */
function* arrayJson(items: readonly unknown[]): Generator<string, void, void> {
  yield '[';
  for (let i = 0; i < items.length; i++) yield (i > 0 ? ',' : '') + (JSON.stringify(items[i]) ?? 'null');
  yield ']';
}

/** The whole-library file (a CacheFile) as JSON, in pieces: `JSON.stringify` of it, without one long block. */
function* cacheFileJson(key: string, corpus: Corpus, engine: ZhenxingSearchEngine): Generator<string, void, void> {
  yield `{"format":${FORMAT},"key":${JSON.stringify(key)},"documents":`;
  yield* arrayJson(corpus.documents);
  yield ',"articles":';
  yield* arrayJson(corpus.articles);
  yield ',"passages":';
  yield* arrayJson(corpus.passages);
  yield ',"articleTexts":';
  yield* arrayJson([...(corpus.articleTexts ?? new Map<string, string>())]);
  yield ',"engine":';
  yield* engine.saveJson();
  yield '}';
}

function packOf(key: string, corpus: Pick<Corpus, 'documents' | 'articles' | 'passages' | 'articleTexts'>): DocumentPack {
  return {
    format: FORMAT,
    key,
    documents: corpus.documents,
    articles: corpus.articles,
    articleTexts: [...(corpus.articleTexts ?? new Map<string, string>())],
    passages: corpus.passages,
    tokens: tokenizePassages(corpus.passages),
  };
}

/**
 * The library's keys and the saved whole-library file, if there is one for exactly this library (unless `readWhole`
 * is false: parsing it is one long block, see loadLibrarySliced).
 */
function* lookUp(options: LoadLibraryOptions, readWhole = true) {
  const seedsDir = options.seedsDir ?? PACKAGE_SEEDS_DIR;
  const { cacheDir } = options;
  const store = createLibraryStore(options.libraryDir);
  const metas = yield* store.listSteps(skipped(options));
  const seeds = seedsKey(seedsDir);
  yield;
  const docKeys: string[] = [];
  for (const meta of metas) {
    docKeys.push(documentKey(meta));
    if (docKeys.length % 64 === 0) yield;
  }
  const key = sha(seeds, ...docKeys);
  const file = cacheDir ? path.join(cacheDir, `${PREFIX}${key.slice(0, 24)}.json`) : '';
  const cached = cacheDir && readWhole ? readJson<CacheFile>(file, key) : undefined;
  return { seedsDir, store, metas, seeds, docKeys, key, file, cached };
}

function corpusOf(cached: CacheFile): Corpus {
  return {
    documents: cached.documents,
    articles: cached.articles,
    passages: cached.passages,
    byId: new Map(cached.passages.map((p) => [p.id, p])),
    articleTexts: new Map(cached.articleTexts),
  };
}

/**
 * The corpus from the saved whole-library file when it is exactly this library's, without building the engine or
 * loading jieba (the CLI's `docs`, `passages`, `themes`); undefined when there is none.
 */
export function readSavedCorpus(options: LoadLibraryOptions): Corpus | undefined {
  const { cached } = runNow(lookUp(options));
  return cached ? corpusOf(cached) : undefined;
}

/** Loads the library from its saved build when the key matches, else builds what changed (and saves it when it can). */
export function loadLibrary(options: LoadLibraryOptions): LoadedLibrary {
  return runNow(loadLibrarySteps(options));
}

/**
 * {@link loadLibrary} in slices of a few milliseconds with a turn of the event loop between them (pace.ts): the
 * running bot's reload, which must not stop it answering for the seconds a 1 000-document library takes to
 * assemble. A `saveLater` save writes in slices too. Same library as loadLibrary, though always assembled from the
 * documents' saved words: the whole-library file is never read here (one long parse), and not written again when it
 * is there already.
 */
export function loadLibrarySliced(options: LoadLibraryOptions, slice: SliceOptions = {}): Promise<LoadedLibrary> {
  return runSliced(loadLibrarySteps(options, slice), slice);
}

/** {@link loadLibrary} as steps that may pause after each document read or built, and inside the engine's build. */
function* loadLibrarySteps(options: LoadLibraryOptions, slice?: SliceOptions): Steps<LoadedLibrary> {
  const { cacheDir, logger } = options;
  let t = performance.now();
  // Sliced, the whole-library file is not read: parsing it (tens of megabytes at 1 000 documents) and loading its
  // index cannot be cut into slices, assembling from the documents' saved words can.
  const { seedsDir, store, metas, seeds, docKeys, key, file, cached } = yield* lookUp(options, slice === undefined);
  if (cached) {
    const corpus = corpusOf(cached);
    const corpusMs = performance.now() - t;
    t = performance.now();
    const engine = createSearchEngine(corpus, { saved: cached.engine });
    return { corpus, engine, fromCache: true, built: 0, reused: metas.length + 1, corpusMs, indexMs: performance.now() - t };
  }

  // Unit by unit: the saved pack when there is one, else built now (and saved).
  const packFile = (k: string): string => path.join(cacheDir as string, DOCUMENTS_DIR, `${k.slice(0, 32)}.json`);
  let built = 0;
  let reused = 0;
  const obtain = (k: string, build: () => DocumentPack | undefined): DocumentPack | undefined => {
    const saved = cacheDir ? readJson<DocumentPack>(packFile(k), k) : undefined;
    if (saved) {
      reused++;
      return saved;
    }
    const pack = build();
    if (!pack) return undefined;
    built++;
    if (cacheDir) {
      try {
        writeAtomic(packFile(k), JSON.stringify(pack));
      } catch (err) {
        logger?.warn({ err, cacheDir }, 'could not save a built library document');
      }
    }
    return pack;
  };
  const packs: DocumentPack[] = [];
  const seedsPack = obtain(seeds, () => packOf(seeds, loadCorpus({ seedsDir })));
  packs.push(seedsPack as DocumentPack);
  yield;
  for (let n = 0; n < metas.length; n++) {
    const meta = metas[n] as StoredMeta;
    const k = docKeys[n] as string;
    const pack = obtain(k, () => {
      try {
        const doc = buildLibraryDocument(store.inputOf(meta));
        return packOf(k, {
          documents: [doc.document],
          articles: [doc.article.meta],
          articleTexts: new Map([[meta.id, doc.article.text]]),
          passages: doc.passages,
        });
      } catch (err) {
        // Nothing left after cleaning under today's rules, or text.txt unreadable: left out, as loadCorpus does.
        if (err instanceof CorpusError || (err as NodeJS.ErrnoException).code !== undefined) {
          skipped(options)(meta.id, err);
          return undefined;
        }
        throw err;
      }
    });
    if (pack) packs.push(pack);
    yield;
  }
  const passages = packs.flatMap((p) => p.passages);
  yield;
  const byId = new Map<string, Passage>();
  for (const p of passages) {
    byId.set(p.id, p);
    if (byId.size % 1024 === 0) yield;
  }
  const corpus: Corpus = {
    documents: packs.flatMap((p) => p.documents),
    articles: packs.flatMap((p) => p.articles),
    passages,
    byId,
    articleTexts: new Map(packs.flatMap((p) => p.articleTexts)),
  };
  yield;
  const tokens = packs.flatMap((p) => p.tokens);
  yield;
  const corpusMs = performance.now() - t;
  t = performance.now();
  const engine = yield* searchEngineSteps(corpus, { tokens });
  // Sliced (a reload), what the engine builds on first use is built now, between slices, before it is served. Saved
  // now (a first start, the CLI), it is built too, so that the saved index holds the typo and neighbour tables: a
  // later start's first query with a word the library lacks then reads them instead of every word's pinyin and
  // dictionary entry (measured in docs/search.md, "Speed and memory, round 9").
  if (slice || (cacheDir && !options.saveLater)) yield* engine.warmSteps();
  const indexMs = performance.now() - t;
  const removeUnused = (): void => {
    if (!cacheDir) return;
    // Older builds and documents no longer in the library are of no further use.
    for (const name of readdirSync(cacheDir)) {
      if (name.startsWith(PREFIX) && path.join(cacheDir, name) !== file && !name.includes('.tmp-')) {
        rmSync(path.join(cacheDir, name), { force: true });
      }
    }
    const keep = new Set([seeds, ...docKeys].map((k) => path.basename(packFile(k))));
    for (const name of readdirSync(path.join(cacheDir, DOCUMENTS_DIR))) {
      if (!keep.has(name) && !name.includes('.tmp-')) rmSync(path.join(cacheDir, DOCUMENTS_DIR, name), { force: true });
    }
  };
  // A read-only or full disk costs the next start time, nothing else.
  const failed = (err: unknown): void => logger?.warn({ err, cacheDir }, 'could not save the built library index');
  if (options.saveLater) {
    options.saveLater(async () => {
      // Saved already (by the CLI, or an earlier reload to this same library): nothing to write.
      if (!cacheDir || existsSync(file)) return;
      try {
        await writeAtomicSliced(file, cacheFileJson(key, corpus, engine), slice ?? {});
        removeUnused();
      } catch (err) {
        failed(err);
      }
    });
  } else if (cacheDir) {
    try {
      writeAtomic(file, [...cacheFileJson(key, corpus, engine)].join(''));
      removeUnused();
    } catch (err) {
      failed(err);
    }
  }
  return { corpus, engine, fromCache: false, built, reused, corpusMs, indexMs };
}
