/**
 * The saved library index: a start with the same seeds, documents and code loads passages and index from the saved
 * file and answers exactly as a fresh build; an added document or a damaged file means a fresh build.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/index-cache.js';
import { createLibraryStore, prepareDocument, storePrepared } from '../../src/library/index.js';
import { gbkNotice, htmlArticle, NOTICE_TITLE } from '../helpers/library-files.js';

const QUERIES = ['稻渔综合种养', '人才振兴', '非遗工坊 就业', '"集体经济"', '主题:生态', 'doc:004 城乡融合'];

describe('saved library index', () => {
  it('loads what it saved, answers as a fresh build, and rebuilds when the library changes', async () => {
    const libraryDir = mkdtempSync(path.join(tmpdir(), 'zx-lib-'));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'zx-cache-'));
    storePrepared(createLibraryStore(libraryDir), [await prepareDocument('通知.txt', gbkNotice())]);

    const first = loadLibrary({ libraryDir, cacheDir });
    expect(first.fromCache).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(1);
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

    // A new document: a new key, a fresh build, and the old file removed.
    storePrepared(createLibraryStore(libraryDir), [await prepareDocument('页面.html', htmlArticle())]);
    const third = loadLibrary({ libraryDir, cacheDir });
    expect(third.fromCache).toBe(false);
    expect(third.corpus.documents).toHaveLength(7);
    expect(readdirSync(cacheDir)).toHaveLength(1);

    // A damaged file is rebuilt, not trusted.
    writeFileSync(path.join(cacheDir, readdirSync(cacheDir)[0]!), '{"format":1,"key":');
    const fourth = loadLibrary({ libraryDir, cacheDir });
    expect(fourth.fromCache).toBe(false);
    expect(fourth.corpus.passages.length).toBe(third.corpus.passages.length);
  }, 60_000);
});
