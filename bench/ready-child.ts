/**
 * One bot start, as far as the library goes, in a fresh process: jieba loaded, the library loaded (from its saved
 * index when there is one) and a first search answered. Prints one JSON line with milliseconds since the process
 * started. Run by search-bench.ts against dist/ (the code the bot runs), never on its own.
 */
const [libraryDir, cacheDir] = process.argv.slice(2);
const dist = new URL('../dist/', import.meta.url);
const { loadLibrary } = (await import(new URL('library/index-cache.js', dist).href)) as typeof import('../src/library/index-cache.js');
const { loadJieba } = (await import(new URL('search/jieba.js', dist).href)) as typeof import('../src/search/jieba.js');
const importedMs = performance.now();
// The bot needs the dictionary either way (to segment new documents, and every query): loaded first, so that the
// library's figures below are its own.
const jiebaMs = loadJieba();
const loaded = loadLibrary({ libraryDir: libraryDir!, cacheDir: cacheDir! });
loaded.engine.search('乡村振兴', { limit: 5 });
process.stdout.write(
  `${JSON.stringify({
    readyMs: performance.now(),
    importedMs,
    jiebaMs,
    corpusMs: loaded.corpusMs,
    indexMs: loaded.indexMs,
    fromCache: loaded.fromCache,
    passages: loaded.corpus.passages.length,
    documents: loaded.corpus.documents.length,
  })}\n`,
);
