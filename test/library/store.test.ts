/**
 * The library on disk and the corpus built from it: adds, duplicates, removes, stable ids, atomic entries, and
 * search over seeds and added documents together.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createLibraryStore,
  loadLibraryCorpus,
  prepareDocument,
  removeDocument,
  storePrepared,
  type LibraryStore,
} from '../../src/library/index.js';
import { createSearchEngine } from '../../src/search/index.js';
import { gbkNotice, HTML_CHROME, htmlArticle, NOTICE_LINES, NOTICE_TITLE, pdfOpinion, wordPlan } from '../helpers/library-files.js';
import { getSharedCorpus } from '../helpers/shared-index.js';

let dir: string;
let store: LibraryStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-library-'));
  store = createLibraryStore(dir);
});

async function add(name: string, bytes: Uint8Array) {
  const [outcome] = storePrepared(store, [await prepareDocument(name, bytes)]);
  return outcome!;
}

const idsOf = (docId: string) =>
  loadLibraryCorpus({ libraryDir: dir })
    .passages.filter((p) => p.docId === docId)
    .map((p) => `${p.id} ${p.text.slice(0, 12)}`);

describe('library store', () => {
  it('keeps the original untouched beside its extracted text and metadata', async () => {
    const bytes = gbkNotice();
    const added = await add('通知.txt', bytes);
    expect(added).toMatchObject({ title: NOTICE_TITLE, duplicate: false, passages: 4 });
    expect(added.id).toMatch(/^lib-[0-9a-f]{8}$/);
    expect(readdirSync(path.join(dir, added.id)).sort()).toEqual(['meta.json', 'original.txt', 'text.txt']);
    expect(readFileSync(path.join(dir, added.id, 'original.txt')).equals(bytes)).toBe(true);
    const meta = JSON.parse(readFileSync(path.join(dir, added.id, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ id: added.id, file: '通知.txt', format: 'txt', docNumber: 'x农发〔2023〕12号', encoding: 'gb18030' });
  });

  it('adds the same content once: same bytes, or the same text in another encoding', async () => {
    const first = await add('通知.txt', gbkNotice());
    expect(await add('通知-副本.txt', gbkNotice())).toMatchObject({ id: first.id, duplicate: true });
    expect(await add('通知-utf8.txt', Buffer.from(NOTICE_LINES.join('\n'), 'utf8'))).toMatchObject({ id: first.id, duplicate: true });
    expect(readdirSync(dir)).toEqual([first.id]);
  });

  it('gives ids from the content: stable across restarts and untouched by other adds and removes', async () => {
    const notice = await add('通知.txt', gbkNotice());
    const before = idsOf(notice.id);
    expect(before[0]).toMatch(new RegExp(`^${notice.id}-000 `));
    const word = await add('方案.docx', await wordPlan());
    const pdf = await add('意见.pdf', pdfOpinion());
    removeDocument(store, word.id);
    expect(idsOf(notice.id)).toEqual(before);
    // Added again elsewhere (another machine, a restored backup): the same ids.
    const other = mkdtempSync(path.join(tmpdir(), 'zx-library-'));
    storePrepared(createLibraryStore(other), [await prepareDocument('意见.pdf', pdfOpinion())]);
    expect(readdirSync(other)).toEqual([pdf.id]);
  });

  it('leaves the seeds and their passage ids as they are', async () => {
    await add('通知.txt', gbkNotice());
    await add('页面.html', htmlArticle());
    const corpus = loadLibraryCorpus({ libraryDir: dir });
    const seeds = getSharedCorpus();
    expect(corpus.passages.slice(0, seeds.passages.length).map((p) => p.id)).toEqual(seeds.passages.map((p) => p.id));
    expect(corpus.documents.map((d) => d.origin)).toEqual(['seed', 'seed', 'seed', 'seed', 'seed', 'library', 'library']);
  });

  it('removes a document, refuses seeds and unknown ids', async () => {
    const notice = await add('通知.txt', gbkNotice());
    expect(removeDocument(store, notice.id, ['000', '001', '002', '003', '004']).title).toBe(NOTICE_TITLE);
    expect(readdirSync(dir)).toEqual([]);
    expect(loadLibraryCorpus({ libraryDir: dir }).documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(() => removeDocument(store, notice.id)).toThrow(
      `文库里没有编号为 ${notice.id} 的文档。可用 zhenxing docs 查看编号。 (No library document has the id ${notice.id}. See the ids with zhenxing docs.)`,
    );
    expect(() => removeDocument(store, '003b', ['000', '001', '002', '003', '004'])).toThrow(
      '003b 是内置文献，不能删除；只能删除添加的文档。 (003b is a built-in text and cannot be removed; only added documents can.)',
    );
  });

  it('never reads a half-written entry, and skips a damaged one with a warning', async () => {
    const notice = await add('通知.txt', gbkNotice());
    // An add in progress (or one killed mid-write) lives under a hidden name.
    mkdirSync(path.join(dir, '.tmp-lib-12345678-abcd'));
    writeFileSync(path.join(dir, '.tmp-lib-12345678-abcd', 'text.txt'), '半个文档');
    mkdirSync(path.join(dir, 'lib-deadbeef'));
    writeFileSync(path.join(dir, 'lib-deadbeef', 'meta.json'), '{ not json');
    const problems: string[] = [];
    const corpus = loadLibraryCorpus({ libraryDir: dir, onProblem: (id) => problems.push(id) });
    expect(corpus.documents.filter((d) => d.origin === 'library').map((d) => d.id)).toEqual([notice.id]);
    expect(problems).toEqual(['lib-deadbeef']);
  });

  it('a missing LIBRARY_DIR is an empty library', () => {
    const corpus = loadLibraryCorpus({ libraryDir: path.join(dir, 'nowhere') });
    expect(corpus.documents.map((d) => d.origin)).toEqual(['seed', 'seed', 'seed', 'seed', 'seed']);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });
});

describe('search over seeds and added documents', () => {
  it('finds added text, filters by doc:, and never finds the page chrome', async () => {
    const html = await add('页面.html', htmlArticle());
    const notice = await add('通知.txt', gbkNotice());
    const engine = createSearchEngine(loadLibraryCorpus({ libraryDir: dir }));
    const res = engine.search('稻渔综合种养');
    expect(res.results[0]).toMatchObject({ docId: notice.id, title: NOTICE_TITLE });
    expect(engine.search('非遗工坊').results[0]?.docId).toBe(html.id);
    expect(engine.search(`非遗工坊 doc:${html.id}`).results.every((r) => r.docId === html.id)).toBe(true);
    for (const chrome of [...HTML_CHROME.slice(1), '消防安全检查']) {
      expect(engine.search(`"${chrome}"`).results.filter((r) => r.docId === html.id)).toEqual([]);
    }
    // Seeds are still found as before.
    expect(engine.search('头雁').results[0]?.docId).toMatch(/^\d{3}$/);
  });
});
