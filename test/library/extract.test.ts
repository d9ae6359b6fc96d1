/**
 * Each format on a real file built in the test, through the same path `zhenxing add` takes (prepareDocument):
 * extraction, metadata from the text, general cleaning, passages. And every bad input, with its message word for word.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibraryDocument } from '../../src/corpus/index.js';
import type { Passage } from '../../src/corpus/types.js';
import { decodeText, LibraryError, prepareDocument, prepareFile, type PreparedDocument } from '../../src/library/index.js';
import { pageTitle } from '../../src/library/extract.js';
import { extractMetadata, findDate } from '../../src/library/metadata.js';
import {
  DOCX_TITLE,
  gbkNotice,
  HTML_CHROME,
  HTML_TITLE,
  htmlArticle,
  markdownPlan,
  MD_TITLE,
  NOTICE_TITLE,
  PDF_TITLE,
  pdfOpinion,
  wordPlan,
} from '../helpers/library-files.js';
import { makePdf } from '../helpers/make-pdf.js';

function passagesOf(p: PreparedDocument): Passage[] {
  return buildLibraryDocument({ id: 'lib-0000aaaa', ...p.doc.meta, lines: p.doc.lines }).passages;
}
const allText = (ps: readonly Passage[]) => ps.map((p) => p.text).join('\n');

async function failure(name: string, bytes: Uint8Array): Promise<LibraryError> {
  try {
    await prepareDocument(name, bytes);
  } catch (err) {
    if (err instanceof LibraryError) return err;
    throw err;
  }
  throw new Error(`${name} was accepted`);
}

describe('plain text', () => {
  it('detects and decodes a GBK notice, reads title, 文号, issuer and date, and keeps them out of the passages', async () => {
    const bytes = gbkNotice();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const p = await prepareDocument('通知.txt', bytes);
    expect(p.doc.meta).toMatchObject({
      format: 'txt',
      encoding: 'gb18030',
      title: NOTICE_TITLE,
      titleIsDescriptive: false,
      docNumber: 'x农发〔2023〕12号',
      issuer: 'xx县农业农村局',
      date: '2023-03-08',
    });
    const ps = passagesOf(p);
    expect(p.passages).toBe(ps.length);
    expect(ps.map((x) => x.section)).toEqual([null, '一、发展目标', '二、重点任务', '三、保障措施']);
    const text = allText(ps);
    expect(text).toContain('稻渔综合种养面积达到xx万亩');
    for (const meta of ['农发〔2023〕12号', 'xx县农业农村局文件', '2023年3月8日', NOTICE_TITLE]) expect(text).not.toContain(meta);
  });

  it('decodes UTF-8 with and without a BOM and UTF-16 with one', () => {
    expect(decodeText(Buffer.from('\uFEFF乡村振兴', 'utf8'))).toEqual({ text: '乡村振兴', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('乡村振兴', 'utf8'))).toEqual({ text: '乡村振兴', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('乡村振兴', 'utf16le')]))).toEqual({
      text: '乡村振兴',
      encoding: 'utf-16le',
    });
  });

  it('reads Markdown: the # heading is the title, ## headings are sections, links and emphasis are plain text', async () => {
    const p = await prepareDocument('plan.md', markdownPlan());
    expect(p.doc.meta).toMatchObject({ format: 'md', title: MD_TITLE, date: '2024-01-09' });
    const ps = passagesOf(p);
    expect(ps.map((x) => x.section)).toEqual(['总体要求', '主要任务']);
    // The soft-wrapped paragraph is one sentence again; list items stay items, not headings.
    expect(ps[0]!.text).toBe('坚持党建引领，盘活村集体闲置资产，发展物业经济和服务经济，力争三年内所有村集体经营性收入超过二十万元。');
    expect(ps[1]!.text).toContain('发展乡村旅游和农产品加工');
    expect(allText(ps)).not.toMatch(/\*\*|\]\(|https?:|发布日期/);
  });
});

describe('web page', () => {
  it('keeps the article and drops navigation, sidebar headlines and footer', async () => {
    const p = await prepareDocument('page.html', htmlArticle());
    expect(p.doc.meta).toMatchObject({ format: 'html', title: HTML_TITLE, source: 'xx县人民政府网', date: '2024-04-18' });
    const text = allText(passagesOf(p));
    expect(text).toContain('目前已建成非遗工坊十二家');
    expect(text).toContain('让传统文化在乡村振兴中焕发新的活力');
    for (const chrome of [...HTML_CHROME, '办事服务', '某地开展消防安全检查', '发布时间', '主办单位']) expect(text).not.toContain(chrome);
  });

  it('takes the page title without its site name, preferring the part the page h1 repeats', () => {
    expect(pageTitle('我县非遗工坊带动群众家门口就业_xx县人民政府网')).toEqual({ title: '我县非遗工坊带动群众家门口就业', site: 'xx县人民政府网' });
    expect(pageTitle('新闻 - 中国政府网', ['新闻'])).toEqual({ title: '新闻', site: '中国政府网' });
    expect(pageTitle('关于做好2023年全面推进乡村振兴重点工作的意见')).toEqual({ title: '关于做好2023年全面推进乡村振兴重点工作的意见', site: null });
  });

  it('decodes a GBK page that declares its charset', async () => {
    const { encodeGb18030 } = await import('../helpers/library-files.js');
    const html = htmlArticle().toString('utf8').replace('charset="utf-8"', 'charset="gbk"');
    const p = await prepareDocument('page.htm', encodeGb18030(html.replace(/[^\x00-\x7f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]/g, '')));
    expect(p.doc.meta).toMatchObject({ title: HTML_TITLE, encoding: 'gb18030' });
  });
});

describe('Word', () => {
  it('takes the title from the Title style, sections from Heading styles, and the 文号 and date from the text', async () => {
    const p = await prepareDocument('方案.docx', await wordPlan());
    expect(p.doc.meta).toMatchObject({ format: 'docx', title: DOCX_TITLE, docNumber: 'x政办发〔2024〕7号', date: '2024-05-20' });
    const ps = passagesOf(p);
    expect(ps.map((x) => x.section)).toEqual(['建设目标', '工作措施']);
    // Runs of one paragraph (one in bold) are one paragraph.
    expect(ps[1]!.text).toContain('由村级后备力量和返乡大学生担任，县里统一组织培训，考核合格后上岗');
    expect(allText(ps)).not.toContain(DOCX_TITLE);
  });
});

describe('PDF', () => {
  it('joins hard line breaks, drops page numbers and the running header, joins a title printed over two lines', async () => {
    const p = await prepareDocument('意见.pdf', pdfOpinion());
    expect(p.doc.meta).toMatchObject({ format: 'pdf', title: PDF_TITLE, issuer: '中共xx省委 xx省人民政府', date: '2023-07-12' });
    const ps = passagesOf(p);
    expect(ps.map((x) => x.section)).toEqual([null, '一、推进农村人居环境整治提升', '二、加强乡村人才队伍建设', '三、强化组织保障']);
    expect(ps[1]!.text).toBe('深入开展村庄清洁行动，推进农村厕所革命和生活污水治理，因地制宜建设非遗工坊和乡村书屋，让乡村既有颜值又有内涵。');
    const text = allText(ps);
    for (const artefact of ['- 1 -', '- 2 -', 'xx省人民政府公报', '2023年7月12日']) expect(text).not.toContain(artefact);
    expect(p.themes).toEqual(expect.arrayContaining(['talent', 'ecology']));
  });
});

describe('metadata from the text', () => {
  it('reads dates in both spellings', () => {
    expect(findDate('2023年1月16日')).toBe('2023-01-16');
    expect(findDate('发布时间：2023-01-16 08:00')).toBe('2023-01-16');
    expect(findDate('2023/1/6')).toBe('2023-01-06');
    expect(findDate('2022年底')).toBeNull();
    expect(findDate('2023年13月1日')).toBeNull();
  });

  it('reads the issuer from a title and a 中发 number', () => {
    const m = extractMetadata([
      '中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见',
      '中发〔2023〕1号',
      '（2023年1月2日）',
      '党的二十大擘画了以中国式现代化全面推进中华民族伟大复兴的宏伟蓝图。',
    ]);
    expect(m).toEqual({
      title: '中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见',
      date: '2023-01-02',
      issuer: '中共中央 国务院',
      docNumber: '中发〔2023〕1号',
      metaLines: ['中发〔2023〕1号', '中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见', '（2023年1月2日）'],
    });
  });

  it('flags override what the text says', async () => {
    const p = await prepareDocument('通知.txt', gbkNotice(), { title: '稻渔通知', source: '县农业农村局网站', date: '2023-03-10' });
    expect(p.doc.meta).toMatchObject({ title: '稻渔通知', source: '县农业农村局网站', date: '2023-03-10', titleIsDescriptive: false });
  });

  it('falls back to the file name, marked descriptive, when the text gives no title', async () => {
    const p = await prepareDocument(
      '会议纪要.txt',
      Buffer.from('会上强调，要抓好产业发展，带动群众增收，做好人居环境整治，推动乡村全面振兴。各村要结合实际抓好落实。'),
    );
    expect(p.doc.meta).toMatchObject({ title: '会议纪要', titleIsDescriptive: true });
  });
});

describe('bad input: one clear error each', () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string, string][] = [
    [
      '报告.doc',
      () => Buffer.from('x'),
      'UNSUPPORTED_TYPE',
      '不支持的文件类型 .doc：报告.doc。可以添加 .txt、.md、.html、.docx 或 .pdf 文件。 (Unsupported file type .doc: 报告.doc. Supported: .txt, .md, .html, .docx, .pdf.)',
    ],
    ['空.txt', () => Buffer.alloc(0), 'EMPTY_FILE', '文件是空的，没有可添加的文字：空.txt。 (The file is empty, there is no text to add: 空.txt.)'],
    ['空白.md', () => Buffer.from('\n   \n\u3000\n'), 'EMPTY_FILE', '文件是空的，没有可添加的文字：空白.md。 (The file is empty, there is no text to add: 空白.md.)'],
    [
      '坏.pdf',
      () => pdfOpinion().subarray(0, 200),
      'CORRUPT_FILE',
      '无法读取这个PDF文件，可能已损坏：坏.pdf。 (Cannot read this PDF file; it may be damaged: 坏.pdf.)',
    ],
    [
      '坏.docx',
      async () => (await wordPlan()).subarray(0, 300),
      'CORRUPT_FILE',
      '无法读取这个Word文件，可能已损坏：坏.docx。 (Cannot read this Word file; it may be damaged: 坏.docx.)',
    ],
    [
      '加密.pdf',
      () => makePdf({ pages: [['乡村振兴。']], encrypted: true }),
      'ENCRYPTED',
      '文件设置了密码保护，无法读取：加密.pdf。请去掉密码后再添加。 (The file is password-protected: 加密.pdf. Remove the password and add it again.)',
    ],
    [
      '加密.docx',
      () =>
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]),
      'ENCRYPTED',
      '文件设置了密码保护，无法读取：加密.docx。请去掉密码后再添加。 (The file is password-protected: 加密.docx. Remove the password and add it again.)',
    ],
    [
      '扫描件.pdf',
      () => makePdf({ scanned: true }),
      'NO_TEXT_LAYER',
      '这个 PDF 没有文字层（可能是扫描件），无法提取文字：扫描件.pdf。请先做文字识别（OCR）再添加。 (This PDF has no text layer (probably a scan), so no text can be extracted: 扫描件.pdf. Run OCR on it first.)',
    ],
    [
      '图片.txt',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0]),
      'CORRUPT_FILE',
      '无法读取这个文本文件，可能已损坏：图片.txt。 (Cannot read this text file; it may be damaged: 图片.txt.)',
    ],
  ];
  it.each(cases)('%s → %s', async (name, make, code, message) => {
    const err = await failure(name, await make());
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zx-big-'));
    const file = path.join(dir, '大文件.pdf');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024 + 1); // sparse: costs no disk
    closeSync(fd);
    await expect(prepareFile(file)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: '文件太大（50 MB），上限为 50 MB：大文件.pdf。 (The file is too large (50 MB; the limit is 50 MB): 大文件.pdf.)',
    });
  });

  it('refuses a bad --date value', async () => {
    await expect(prepareDocument('通知.txt', gbkNotice(), { date: '2023-02-30' })).rejects.toMatchObject({
      code: 'BAD_METADATA',
      message: '日期格式应为 YYYY-MM-DD，例如 2023-01-16，收到的是“2023-02-30”。 (The date must be YYYY-MM-DD, e.g. 2023-01-16; got "2023-02-30".)',
    });
  });

  it('names a missing file', async () => {
    const file = path.join(tmpdir(), 'zx-no-such-file.txt');
    writeFileSync(path.join(tmpdir(), 'zx-placeholder'), '');
    await expect(prepareFile(file)).rejects.toMatchObject({ code: 'UNREADABLE', message: `无法打开文件：${file}。 (Cannot open the file: ${file}.)` });
  });
});
