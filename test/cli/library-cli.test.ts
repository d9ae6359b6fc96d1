/**
 * `zhenxing add / remove / docs --json` spawned as a process with LIBRARY_DIR in a temp directory: the JSON other
 * tools rely on, duplicates, all-or-nothing adds, and search, passages, themes and digest covering added documents.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { DOCX_TITLE, gbkNotice, NOTICE_TITLE, pdfOpinion, PDF_TITLE, wordPlan } from '../helpers/library-files.js';
import { makePdf } from '../helpers/make-pdf.js';
import { runCli } from '../helpers/run-cli.js';


let files: string;
beforeAll(async () => {
  ensureBuilt();
  files = mkdtempSync(path.join(tmpdir(), 'zx-files-'));
  writeFileSync(path.join(files, '通知.txt'), gbkNotice());
  writeFileSync(path.join(files, '方案.docx'), await wordPlan());
  writeFileSync(path.join(files, '意见.pdf'), pdfOpinion());
  writeFileSync(path.join(files, '扫描件.pdf'), makePdf({ scanned: true }));
}, 120_000);

const run = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, { env, cwd: files });

// Within a test, the commands that only read the library run side by side.
describe('zhenxing add / remove / docs', { timeout: 90_000 }, () => {
  it('adds files with --json, says so for the same content twice, lists them with their origin and removes them', async () => {
    const env = { LIBRARY_DIR: mkdtempSync(path.join(tmpdir(), 'zx-lib-')) };
    const r = await run(['add', '通知.txt', '方案.docx', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { added: { id: string; title: string; passages: number }[] };
    expect(Object.keys(out)).toEqual(['added']);
    expect(out.added.map((a) => Object.keys(a))).toEqual([
      ['id', 'title', 'passages'],
      ['id', 'title', 'passages'],
    ]);
    expect(out.added.map((a) => [a.title, a.passages])).toEqual([
      [NOTICE_TITLE, 4],
      [DOCX_TITLE, 2],
    ]);
    const [notice, word] = out.added as unknown as [{ id: string }, { id: string }];

    const again = await run(['add', '通知.txt', '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ added: [] });
    expect(again.stderr).toBe(`zhenxing: 通知.txt is already in the library as ${notice.id} 《${NOTICE_TITLE}》; nothing added\n`);

    const [docsRun, searchRun, passagesRun] = await Promise.all([
      run(['docs', '--json'], env),
      run(['search', '数字乡村驿站', '--json'], env),
      run(['passages', '--json'], env),
    ]);
    const docs = JSON.parse(docsRun.stdout) as { id: string; origin: string; file: string; format?: string }[];
    expect(docs.map((d) => [d.id, d.origin])).toEqual([
      ['000', 'seed'],
      ['001', 'seed'],
      ['002', 'seed'],
      ['003', 'seed'],
      ['004', 'seed'],
      [notice.id, 'library'],
      [word.id, 'library'],
    ]);
    expect(docs[5]).toMatchObject({ file: '通知.txt', format: 'txt' });

    const search = JSON.parse(searchRun.stdout) as { results: { id: string; docId: string }[] };
    expect(search.results[0]?.docId).toBe(word.id);
    expect(search.results[0]?.id).toMatch(new RegExp(`^${word.id}-00[01]$`));
    const passages = JSON.parse(passagesRun.stdout) as { docId: string }[];
    expect(passages.filter((p) => p.docId === notice.id)).toHaveLength(4);

    const removed = await run(['remove', word.id], env);
    expect(removed).toMatchObject({ code: 0, stdout: `removed ${word.id} 《${DOCX_TITLE}》\n`, stderr: '' });
    const after = JSON.parse((await run(['search', '数字乡村驿站', '--json'], env)).stdout) as { results: { docId: string }[] };
    expect(after.results.filter((x) => x.docId === word.id)).toEqual([]);
  }, 90_000);

  it('prints a line per added document without --json', async () => {
    const env = { LIBRARY_DIR: mkdtempSync(path.join(tmpdir(), 'zx-lib-')) };
    const r = await run(['add', '意见.pdf', '--source', '省政府公报'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^added lib-[0-9a-f]{8} 《${PDF_TITLE}》 4 段 · `));
  });

  it('adds nothing when one of the files is bad, and names it', async () => {
    const env = { LIBRARY_DIR: mkdtempSync(path.join(tmpdir(), 'zx-lib-')) };
    const r = await run(['add', '通知.txt', '扫描件.pdf', '说明.doc', '--json'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'zhenxing: 这个 PDF 没有文字层（可能是扫描件），无法提取文字：扫描件.pdf。请先做文字识别（OCR）再添加。 (This PDF has no text layer (probably a scan), so no text can be extracted: 扫描件.pdf. Run OCR on it first.)',
        'zhenxing: 不支持的文件类型 .doc：说明.doc。可以添加 .txt、.md、.html、.docx 或 .pdf 文件。 (Unsupported file type .doc: 说明.doc. Supported: .txt, .md, .html, .docx, .pdf.)',
        'zhenxing: nothing added (2 of 3 files could not be added)',
        '',
      ].join('\n'),
    );
    expect(readdirSync(env.LIBRARY_DIR)).toEqual([]);
  });

  it('keeps the library in DATA_DIR/library when LIBRARY_DIR is not set', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zx-data-'));
    const r = await run(['add', '通知.txt', '--json'], { DATA_DIR: dataDir, LIBRARY_DIR: '' });
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dataDir, 'library'))).toHaveLength(1);
  });

  it('uses and keeps the saved index under DATA_DIR/index-cache, as the bot does; creates nothing without DATA_DIR', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zx-data-'));
    const env = { DATA_DIR: dataDir, LIBRARY_DIR: '' };
    expect((await run(['add', '通知.txt', '--json'], env)).code).toBe(0);
    const first = await run(['search', '稻渔综合种养', '--json'], env);
    expect(first.code).toBe(0);
    const cacheDir = path.join(dataDir, 'index-cache');
    const saved = readdirSync(cacheDir).filter((n) => n.startsWith('library-index-'));
    expect(saved).toHaveLength(1);
    expect(readdirSync(path.join(cacheDir, 'documents'))).toHaveLength(2);
    // The saved file is what later commands read: a marker written into it shows up in search, passages and docs.
    const file = path.join(cacheDir, saved[0]!);
    const json = readFileSync(file, 'utf8');
    const hit = (JSON.parse(first.stdout) as { results: { id: string; text: string }[] }).results[0]!;
    expect(json).toContain(JSON.stringify(NOTICE_TITLE));
    writeFileSync(file, json.replaceAll(JSON.stringify(NOTICE_TITLE), JSON.stringify(`${NOTICE_TITLE}（已载入）`)));
    const [againRun, passagesRun, docsRun] = await Promise.all([
      run(['search', '稻渔综合种养', '--json'], env),
      run(['passages', '--json'], env),
      run(['docs'], env),
    ]);
    const again = JSON.parse(againRun.stdout) as { results: { id: string; title: string }[] };
    expect(again.results[0]).toMatchObject({ id: hit.id, title: `${NOTICE_TITLE}（已载入）` });
    const passages = JSON.parse(passagesRun.stdout) as { id: string; title: string }[];
    expect(passages.find((p) => p.id === hit.id)?.title).toBe(`${NOTICE_TITLE}（已载入）`);
    expect(docsRun.stdout).toContain(`《${NOTICE_TITLE}（已载入）》`);
    // Without DATA_DIR (the tests above run in a directory without ./data) nothing is written.
    expect(readdirSync(files).filter((n) => n === 'data')).toEqual([]);
  }, 180_000); // six spawned CLI runs, each loading jieba: minutes on a loaded 2-core machine

  it.each([
    [['add'], 2, 'zhenxing: add needs at least one file, e.g. zhenxing add 一号文件.pdf\n'],
    [['add', '通知.txt', '--date', '2023-1-5'], 1, 'zhenxing: 日期格式应为 YYYY-MM-DD，例如 2023-01-16，收到的是“2023-1-5”。 (The date must be YYYY-MM-DD, e.g. 2023-01-16; got "2023-1-5".)\nzhenxing: nothing added (1 of 1 file could not be added)\n'],
    [['remove'], 2, 'zhenxing: remove needs one document id, e.g. zhenxing remove lib-3fa9c2d1\n'],
    [['remove', '002'], 1, 'zhenxing: 002 是内置文献，不能删除；只能删除添加的文档。 (002 is a built-in text and cannot be removed; only added documents can.)\n'],
    [['remove', 'lib-00000000'], 1, 'zhenxing: 文库里没有编号为 lib-00000000 的文档。可用 zhenxing docs 查看编号。 (No library document has the id lib-00000000. See the ids with zhenxing docs.)\n'],
  ])('%j → exit %i with one clear line', async (args, code, stderr) => {
    const r = await run(args, { LIBRARY_DIR: mkdtempSync(path.join(tmpdir(), 'zx-lib-')) });
    expect(r).toMatchObject({ code, stderr, stdout: '' });
  });
});
