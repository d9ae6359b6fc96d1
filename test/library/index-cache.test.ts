/**
 * The saved library index: a start with the same seeds, documents and code loads passages and index from the saved
 * file and answers exactly as a fresh build; an added document or a damaged file means a fresh build.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/index-cache.js';
import { createLibraryStore, prepareDocument, storePrepared } from '../../src/library/index.js';
import type { SavedEngineIndex } from '../../src/search/engine.js';
import { gbkNotice, htmlArticle, NOTICE_TITLE } from '../helpers/library-files.js';

const indexFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('library-index-'));
// The saved index as built (its passages' index, clusters and glossary): the typo and neighbour tables are saved with
// it once an engine has made them (a query's first use), which these engines' queries may or may not have done.
const built = (s: SavedEngineIndex): Pick<SavedEngineIndex, 'index' | 'cluster' | 'glossary'> => ({ index: s.index, cluster: s.cluster, glossary: s.glossary });

const QUERIES = ['稻渔综合种养', '人才振兴', '非遗工坊 就业', '"集体经济"', '主题:生态', 'doc:004 城乡融合'];

describe('saved library index', () => {
  it('loads what it saved, answers as a fresh build, and rebuilds when the library changes', async () => {
    const libraryDir = mkdtempSync(path.join(tmpdir(), 'zx-lib-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'zx-cache-'));
    storePrepared(createLibraryStore(libraryDir), [await prepareDocument('通知.txt', gbkNotice())]);

    const first = loadLibrary({ libraryDir, cacheDir });
    expect(first.fromCache).toBe(false);
    expect(indexFiles(cacheDir)).toHaveLength(1);
    // The seeds and the one added document, each cleaned and segmented once.
    expect([first.built, first.reused]).toEqual([2, 0]);
    expect(readdirSync(path.join(cacheDir, 'documents'))).toHaveLength(2);
    const second = loadLibrary({ libraryDir, cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.corpus.passages.map((p) => p.id)).toEqual(first.corpus.passages.map((p) => p.id));
    expect(second.corpus.documents).toEqual(first.corpus.documents);
    for (const q of QUERIES) {
      const a = first.engine.search(q, { limit: 10 });
      const b = second.engine.search(q, { limit: 10 });
      expect(b.results.map((r) => [r.id, r.score, r.snippet])).toEqual(a.results.map((r) => [r.id, r.score, r.snippet]));
      expect(b.total).toBe(a.total);
    }
    expect(second.engine.search('稻渔综合种养').results[0]?.title).toBe(NOTICE_TITLE);

    // A new document: a new key, only the new document built, and the old file removed.
    const [page] = storePrepared(createLibraryStore(libraryDir), [await prepareDocument('页面.html', htmlArticle())]);
    const third = loadLibrary({ libraryDir, cacheDir });
    expect(third.fromCache).toBe(false);
    expect([third.built, third.reused]).toEqual([1, 2]);
    expect(third.corpus.documents).toHaveLength(7);
    expect(indexFiles(cacheDir)).toHaveLength(1);
    // It answers exactly as a library built from nothing.
    const fresh = loadLibrary({ libraryDir });
    expect(third.corpus.passages).toEqual(fresh.corpus.passages);
    expect(built(third.engine.save())).toEqual(built(fresh.engine.save()));
    for (const q of [...QUERIES, '网页 文章']) {
      expect(third.engine.search(q, { limit: 10 }).results.map((r) => [r.id, r.score])).toEqual(
        fresh.engine.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]),
      );
    }

    // A removed document: nothing built, its saved words dropped.
    createLibraryStore(libraryDir).remove(page!.id);
    const afterRemove = loadLibrary({ libraryDir, cacheDir });
    expect([afterRemove.fromCache, afterRemove.built, afterRemove.reused]).toEqual([false, 0, 2]);
    expect(afterRemove.corpus.passages.map((p) => p.id)).toEqual(first.corpus.passages.map((p) => p.id));
    expect(built(afterRemove.engine.save())).toEqual(built(first.engine.save()));
    expect(readdirSync(path.join(cacheDir, 'documents'))).toHaveLength(2);

    // A damaged file is rebuilt, not trusted; so is a damaged document file.
    writeFileSync(path.join(cacheDir, indexFiles(cacheDir)[0]!), '{"format":2,"key":');
    const docFile = readdirSync(path.join(cacheDir, 'documents'))[0]!;
    writeFileSync(path.join(cacheDir, 'documents', docFile), '{"format":2,"key":"x"}');
    const fourth = loadLibrary({ libraryDir, cacheDir });
    expect([fourth.fromCache, fourth.built, fourth.reused]).toEqual([false, 1, 1]);
    expect(fourth.corpus.passages.length).toBe(first.corpus.passages.length);
  }, 60_000);

  it('saves a first start’s typo and neighbour tables with its index, so a later start does not read every word’s pinyin again', () => {
    const libraryDir = mkdtempSync(path.join(tmpdir(), 'zx-lib-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'zx-cache-'));
    const first = loadLibrary({ libraryDir, cacheDir });
    expect(first.fromCache).toBe(false);
    const file = JSON.parse(readFileSync(path.join(cacheDir, indexFiles(cacheDir)[0]!), 'utf8')) as { engine: SavedEngineIndex };
    expect(file.engine.typo?.readings).toContain('集体经济\tji ti jing ji');
    expect(file.engine.neighbours?.words.split('\n').find((l) => l.startsWith('医生\t'))).toMatch(/^医生\t[^\t]*doctor/);
    // Loaded, the engine corrects and bridges as the first one did (旱厕: a word the texts lack; 人材: a typo).
    const later = loadLibrary({ libraryDir, cacheDir });
    expect(later.fromCache).toBe(true);
    for (const q of ['旱厕改造有补贴吗', '人材振兴']) {
      const a = first.engine.search(q, { limit: 5 });
      const b = later.engine.search(q, { limit: 5 });
      expect([b.corrected, b.partial, b.results.map((r) => r.id)], q).toEqual([a.corrected, a.partial, a.results.map((r) => r.id)]);
    }
    expect(later.engine.save()).toEqual(first.engine.save());
  });
});
