/**
 * The built library, persisted: passages and the search index of the seeds plus LIBRARY_DIR, saved as JSON under a
 * key made of everything they are built from — the seed files and catalog, every added document's metadata and text
 * hash, and the code of the corpus, search and library modules. A start with the same key loads them (about a
 * second for 1 000 documents) instead of cleaning, segmenting and indexing every passage again (tens of seconds);
 * any change to a document or to the rules gives a new key and a fresh build. Only the newest file is kept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_SEEDS_DIR } from '../corpus/index.js';
import type { ArticleMeta, Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import type { Logger } from '../observability/logger.js';
import { createSearchEngine, type SavedEngineIndex, type ZhenxingSearchEngine } from '../search/index.js';
import { createLibraryStore, loadLibraryCorpus } from './index.js';

/** Bumped when the file layout changes. */
const FORMAT = 1;
const PREFIX = 'library-index-';

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
/** A hash of the corpus, search and library modules as deployed (src/ under tsx, dist/ when built). */
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
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The key of a library: seeds (catalog and files), added documents' metadata, code. */
export function libraryKey(seedsDir: string, libraryDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\n${codeFingerprint()}\n`);
  for (const name of readdirSync(seedsDir).sort()) {
    hash.update(name).update(readFileSync(path.join(seedsDir, name)));
  }
  // meta.json holds the text hash, so a changed text changes the key too.
  hash.update(JSON.stringify(createLibraryStore(libraryDir).list()));
  return hash.digest('hex');
}

export interface LoadedLibrary {
  corpus: Corpus;
  engine: ZhenxingSearchEngine;
  /** True when passages and index came from the saved file. */
  fromCache: boolean;
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
}

function readCache(file: string, key: string): CacheFile | undefined {
  let json: CacheFile;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  return json.format === FORMAT && json.key === key ? json : undefined;
}

/** Loads the library from its saved build when the key matches, else builds it (and saves it when it can). */
export function loadLibrary(options: LoadLibraryOptions): LoadedLibrary {
  const seedsDir = options.seedsDir ?? PACKAGE_SEEDS_DIR;
  const { cacheDir, logger } = options;
  const key = cacheDir ? libraryKey(seedsDir, options.libraryDir) : '';
  const file = cacheDir ? path.join(cacheDir, `${PREFIX}${key.slice(0, 24)}.json`) : '';
  let t = performance.now();
  const cached = cacheDir ? readCache(file, key) : undefined;
  if (cached) {
    const corpus: Corpus = {
      documents: cached.documents,
      articles: cached.articles,
      passages: cached.passages,
      byId: new Map(cached.passages.map((p) => [p.id, p])),
      articleTexts: new Map(cached.articleTexts),
    };
    const corpusMs = performance.now() - t;
    t = performance.now();
    const engine = createSearchEngine(corpus, { saved: cached.engine });
    return { corpus, engine, fromCache: true, corpusMs, indexMs: performance.now() - t };
  }
  const corpus = loadLibraryCorpus({
    seedsDir,
    libraryDir: options.libraryDir,
    onProblem: (id, err) => logger?.warn({ id, err }, 'library entry skipped'),
  });
  const corpusMs = performance.now() - t;
  t = performance.now();
  const engine = createSearchEngine(corpus);
  const indexMs = performance.now() - t;
  if (cacheDir) {
    try {
      const data: CacheFile = {
        format: FORMAT,
        key,
        documents: corpus.documents,
        articles: corpus.articles,
        passages: corpus.passages,
        articleTexts: [...(corpus.articleTexts ?? new Map<string, string>())],
        engine: engine.save(),
      };
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
      // Older builds are of no further use.
      for (const name of readdirSync(cacheDir)) {
        if (name.startsWith(PREFIX) && path.join(cacheDir, name) !== file && !name.includes('.tmp-')) {
          rmSync(path.join(cacheDir, name), { force: true });
        }
      }
    } catch (err) {
      // A read-only or full disk costs the next start time, nothing else.
      logger?.warn({ err, cacheDir }, 'could not save the built library index');
    }
  }
  return { corpus, engine, fromCache: false, corpusMs, indexMs };
}
