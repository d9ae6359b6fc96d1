/**
 * Text extraction per format. Each extractor turns a file's bytes into lines of text (one paragraph or heading per
 * line, hard line breaks of the source kept: the cleaner joins them), the headings it can recognise from the
 * format's structure, and a title where the format names one. Heavy parsers are imported on first use, so that
 * loading the corpus at start never pays for them.
 */
import path from 'node:path';
import { decodeText } from './decode.js';
import { libraryErrors } from './errors.js';
import { findDate } from './metadata.js';

export const FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
export type LibraryFormat = (typeof FORMATS)[number];

const EXTENSIONS: Readonly<Record<string, LibraryFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export interface Extracted {
  format: LibraryFormat;
  /** Lines of text, blank lines removed. */
  lines: string[];
  /** Heading lines the format marks as such (Markdown #, HTML h1–h6, Word heading styles). */
  headings: string[];
  /** A title the format gives (Word's Title style, the page title without its site name, a Markdown # heading). */
  titleHint: string | null;
  /** The site name of a web page, where it gives one. */
  siteName: string | null;
  /** A publication date the format gives (a page's PubDate meta or 发布时间 line), YYYY-MM-DD. */
  dateHint?: string | null;
  /** Character encoding of a text file. */
  encoding?: string;
}

/** The format a file name's extension names, or throws UNSUPPORTED_TYPE. */
export function formatOf(fileName: string): LibraryFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) throw libraryErrors.unsupported(path.basename(fileName), ext);
  return format;
}

const nonEmpty = (lines: readonly string[]): string[] => lines.map((l) => l.trim()).filter((l) => l !== '');

// ---------------------------------------------------------------------------------------------------------------
// Text and Markdown

function extractTxt(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeText(bytes);
  return { format: 'txt', lines: nonEmpty(text.replace(/\r\n?/g, '\n').split('\n')), headings: [], titleHint: null, siteName: null, encoding };
}

/** Markdown inline syntax → plain text: links keep their text, images and HTML tags go, emphasis marks go. */
function mdInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

function extractMd(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeText(bytes);
  let body = text.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  let titleHint: string | null = null;
  // YAML front matter: a title there is the document's.
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    const t = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1] as string);
    if (t) titleHint = (t[1] as string).trim();
    body = body.slice(front[0].length);
  }
  const lines: string[] = [];
  const headings: string[] = [];
  let fence = false;
  for (const raw of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    let line = raw.trim();
    if (!fence) {
      if (/^([-*_])(\s*\1){2,}$/.test(line) || /^\|?[\s:|-]+\|[\s:|-]*$/.test(line)) continue; // rules, table separators
      const h = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
      if (h) {
        const heading = mdInline(h[2] as string);
        if (!heading) continue;
        if (titleHint === null && (h[1] as string).length === 1 && lines.length === 0) {
          titleHint = heading;
          continue;
        }
        lines.push(heading);
        headings.push(heading);
        continue;
      }
      line = line
        .replace(/^>\s?/, '')
        .replace(/^[-*+]\s+/, '')
        .replace(/^\|(.*)\|$/, (_m, cells: string) => cells.split('|').map((c) => c.trim()).join(' '));
      line = mdInline(line);
    }
    if (line) lines.push(line);
    else if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  }
  // Blank lines separate Markdown paragraphs; the lines of one paragraph are a soft wrap, joined here.
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line === '' || headings.includes(line)) {
      if (current) paragraphs.push(current);
      current = '';
      if (line) paragraphs.push(line);
      continue;
    }
    // A list item or numbered line starts a new paragraph even without a blank line before it.
    if (current && /^(?:\d{1,3}[.、)]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])/.test(line)) {
      paragraphs.push(current);
      current = line;
      continue;
    }
    current += (current && /[A-Za-z0-9,.]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ' ' : '') + line;
  }
  if (current) paragraphs.push(current);
  return { format: 'md', lines: paragraphs, headings, titleHint, siteName: null, encoding };
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

/** Separators between a page's title and its site name: 标题_中国政府网, 标题 - 新华网, 标题|人民网. */
const TITLE_SEPARATORS = /\s*(?:[_|｜]|\s[-–—]\s|——|--)\s*/;

/**
 * The page title without its site name: the `<title>` cut at its separators, keeping the part the page's own h1
 * repeats, else the longest part. The rest is the site name.
 */
export function pageTitle(title: string, h1s: readonly string[] = []): { title: string; site: string | null } {
  const parts = title.split(TITLE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return { title: title.trim(), site: null };
  const squash = (s: string) => s.replace(/\s+/g, '');
  const byH1 = parts.find((p) => h1s.some((h) => squash(h) === squash(p)));
  const best = byH1 ?? parts.reduce((a, b) => (b.length > a.length ? b : a));
  const rest = parts.filter((p) => p !== best);
  return { title: best, site: rest[rest.length - 1] ?? null };
}

async function extractHtml(bytes: Uint8Array, name: string): Promise<Extracted> {
  // A declared charset wins over detection (GBK pages say so in a meta tag).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const { text: html, encoding } = decodeText(bytes, declared);
  const [{ parseHTML }, { Readability }, { htmlToBlocks }] = await Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
    import('./html-blocks.js'),
  ]);
  const { document } = parseHTML(html);
  if (!document.documentElement || !document.body) throw libraryErrors.corrupt(name, 'HTML');
  const rawTitle = (document.querySelector('title')?.textContent ?? '').trim();
  const h1s = Array.from(document.querySelectorAll('h1') as ArrayLike<{ textContent: string | null }>).map((h) => (h.textContent ?? '').trim());
  const metaSite = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? null;
  // Government sites give the date in a PubDate meta tag or a 发布时间 line of the page chrome Readability drops.
  const metaDate =
    document.querySelector('meta[name="PubDate"], meta[name="pubdate"], meta[property="article:published_time"]')?.getAttribute('content') ?? '';
  const chromeDate = /(?:发布时间|发布日期|发文日期|成文日期|日期)[:：]\s*([^\s<]{8,12})/.exec(document.body.textContent ?? '')?.[1] ?? '';
  const dateHint = findDate(metaDate) ?? findDate(chromeDate);
  // Readability keeps the article and drops navigation, footers, sidebars and ads. Chinese articles are dense:
  // 500 characters (its default threshold) is a long article in English but a short notice here.
  let article: ReturnType<InstanceType<typeof Readability<string>>["parse"]> = null;
  try {
    article = new Readability<string>(document as never, { charThreshold: 100 }).parse();
  } catch (err) {
    throw libraryErrors.corrupt(name, 'HTML', err);
  }
  if (!article?.content) throw libraryErrors.empty(name);
  const blocks = htmlToBlocks(article.content, 'h1');
  const t = rawTitle ? pageTitle(rawTitle, h1s) : { title: blocks.title ?? article.title ?? '', site: null };
  const titleHint = t.title || null;
  // The article's h1 repeats the title: metadata, not a heading of the body.
  const headings = blocks.headings.filter((h) => h !== titleHint);
  return {
    format: 'html',
    lines: blocks.lines,
    headings,
    titleHint,
    siteName: metaSite?.trim() || article.siteName?.trim() || t.site,
    dateHint: dateHint ?? (article.publishedTime ? findDate(article.publishedTime) : null),
    encoding,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Word

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old binary .doc, or an encrypted .docx (Office wraps encrypted OOXML in one). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

async function extractDocx(bytes: Uint8Array, name: string): Promise<Extracted> {
  if (startsWith(bytes, CFB_MAGIC)) {
    const utf16 = Buffer.from('EncryptionInfo', 'utf16le');
    if (Buffer.from(bytes).includes(utf16)) throw libraryErrors.encrypted(name);
    throw libraryErrors.corrupt(name, 'Word');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw libraryErrors.corrupt(name, 'Word');
  const [mammoth, { htmlToBlocks }] = await Promise.all([import('mammoth').then((m) => m.default), import('./html-blocks.js')]);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => h2.subtitle:fresh"],
        // Pictures carry no text; converting them to data URLs would only cost time.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    throw libraryErrors.corrupt(name, 'Word', err);
  }
  const blocks = htmlToBlocks(html, 'h1.title');
  const title = blocks.title;
  return {
    format: 'docx',
    lines: blocks.lines,
    headings: blocks.headings.filter((h) => h !== title),
    titleHint: title,
    siteName: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

/**
 * Lines that open or close most pages the same way (a running header with the document's name, a footer with the
 * issuer): dropped, or they would join the body at every page break. Page numbers are a general cleaning rule.
 */
function dropRunningLines(pages: string[][]): string[][] {
  if (pages.length < 3) return pages;
  const count = new Map<string, number>();
  for (const lines of pages) {
    for (const l of new Set([lines[0], lines[lines.length - 1]])) if (l) count.set(l, (count.get(l) ?? 0) + 1);
  }
  const running = new Set([...count].filter(([, n]) => n >= Math.max(2, pages.length / 2)).map(([l]) => l));
  return pages.map((lines) => lines.filter((l, i) => !((i === 0 || i === lines.length - 1) && running.has(l))));
}

async function extractPdf(bytes: Uint8Array, name: string): Promise<Extracted> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  let pages: string[];
  try {
    // pdf.js detaches the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') throw libraryErrors.encrypted(name);
    throw libraryErrors.corrupt(name, 'PDF', err);
  }
  const perPage = pages.map((p) => nonEmpty(p.split('\n')));
  if (perPage.every((p) => p.length === 0)) throw libraryErrors.noTextLayer(name);
  return { format: 'pdf', lines: dropRunningLines(perPage).flat(), headings: [], titleHint: null, siteName: null };
}

// ---------------------------------------------------------------------------------------------------------------

/** Extracts a file's text by its extension. Throws LibraryError: UNSUPPORTED_TYPE, EMPTY_FILE, CORRUPT_FILE, ENCRYPTED, NO_TEXT_LAYER. */
export async function extractDocument(fileName: string, bytes: Uint8Array): Promise<Extracted> {
  const name = path.basename(fileName);
  const format = formatOf(name);
  if (bytes.length === 0) throw libraryErrors.empty(name);
  let out: Extracted;
  switch (format) {
    case 'txt':
      out = extractTxt(bytes);
      break;
    case 'md':
      out = extractMd(bytes);
      break;
    case 'html':
      out = await extractHtml(bytes, name);
      break;
    case 'docx':
      out = await extractDocx(bytes, name);
      break;
    case 'pdf':
      out = await extractPdf(bytes, name);
      break;
  }
  if (out.lines.join('').replace(/[\s\u3000]/g, '') === '') throw libraryErrors.empty(name);
  // A binary file renamed .txt decodes to control characters and replacement marks, not text.
  if (format === 'txt' || format === 'md') {
    const all = out.lines.join('');
    const junk = (all.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
    if (junk > all.length * 0.05) throw libraryErrors.corrupt(name, format === 'md' ? 'Markdown' : 'text');
  }
  return out;
}
