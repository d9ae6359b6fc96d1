/**
 * The corpus: the five seed texts, cleaned at load time, split into passages and labelled with themes.
 * `loadCorpus()` is synchronous and deterministic: the same seeds and catalog give the same passages and ids on
 * every start. It imports nothing platform-specific (no Slack, Feishu or cron).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalog, toArticleMeta, type CatalogArticle, type CatalogDocument } from './catalog.js';
import { cleanArticleLines, endsSentence, normalizeNewlines } from './clean.js';
import { CorpusError } from './errors.js';
import { isHeading, splitArticle, type SplitOptions } from './split.js';
import { themePassage } from './themes.js';
import type { ArticleMeta, Corpus, DocumentMeta, LibraryDocumentInput, Passage } from './types.js';

export { CorpusError, type CorpusErrorCode } from './errors.js';
export { loadCatalog, parseCatalog, readCatalog, CATALOG_FILE } from './catalog.js';
export { THEME_LEXICON, scoreThemes, labelThemes, themePassage, explainThemes } from './themes.js';
export * from './types.js';

/**
 * The package's own seeds/ directory. Computed here rather than imported from src/config.ts, which pulls in
 * node-cron; the core must not. From src/corpus (tsx, vitest) and dist/corpus (build) alike it is two levels up.
 */
export const PACKAGE_SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

export interface LoadCorpusOptions {
  /** Directory holding catalog.json and the seed files. Default: the package's seeds/ (PACKAGE_SEEDS_DIR). */
  seedsDir?: string;
  /** Passage sizing, see SplitOptions. Defaults: 80–360 characters, aiming at 180. */
  split?: Pick<SplitOptions, 'minChars' | 'maxChars' | 'targetChars'>;
  /** Added documents (src/library reads them from LIBRARY_DIR), after the seeds. Default none. */
  library?: readonly LibraryDocumentInput[];
  /**
   * Called when an added document cannot be built (nothing left after cleaning under today's rules); the document is
   * left out. Default: throw, as for a seed.
   */
  onLibraryError?: (id: string, err: CorpusError) => void;
}

/** Anonymisation placeholders: runs of x such as xx, xxxx(年), x.x(亿元), x/x, not touching other Latin letters. */
const PLACEHOLDER = /(?<![A-Za-z])x+(?:[./．]x+)*(?![A-Za-z])/g;

/** Counts anonymisation placeholders (xx, xxxx年, x.x亿元 …); they stay in the text, as the source printed them. */
export function countPlaceholders(text: string): number {
  return text.match(PLACEHOLDER)?.length ?? 0;
}

/** Reads a seed file as normalised lines (1-based numbering matches `cat -n`). */
function readSeedLines(seedsDir: string, doc: CatalogDocument): string[] {
  const file = path.join(seedsDir, doc.file);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CorpusError('SEED_MISSING', `document ${doc.id}: cannot read seed file ${file}`, { cause: err });
  }
  let text = normalizeNewlines(raw);
  for (const fix of doc.fixes) {
    const count = text.split(fix.find).length - 1;
    if (count !== 1) {
      throw new CorpusError(
        'CURATION_NOT_FOUND',
        `document ${doc.id}: fix "${fix.find}" must occur exactly once in ${doc.file}, found ${count}`,
      );
    }
    text = text.replace(fix.find, () => fix.replace);
  }
  return text.split('\n');
}

/** The raw lines of one article, in reading order, from its catalog line ranges (default: the whole file). */
function articleLines(doc: CatalogDocument, article: CatalogArticle, lines: readonly string[]): string[] {
  const ranges = article.lines ?? [[1, lines.length] as [number, number]];
  const out: string[] = [];
  for (const [from, to] of ranges) {
    if (to > lines.length) {
      throw new CorpusError(
        'LINE_RANGE_INVALID',
        `article ${article.id}: line range [${from}, ${to}] runs past the end of ${doc.file} (${lines.length} lines)`,
      );
    }
    out.push(...lines.slice(from - 1, to));
  }
  return out;
}

function checkRangesDisjoint(doc: CatalogDocument): void {
  const taken = new Map<number, string>();
  for (const article of doc.articles) {
    for (const [from, to] of article.lines ?? []) {
      for (let n = from; n <= to; n++) {
        const owner = taken.get(n);
        if (owner !== undefined) {
          throw new CorpusError(
            'LINE_RANGE_INVALID',
            `article ${article.id}: line ${n} of ${doc.file} is already part of article ${owner}`,
          );
        }
        taken.set(n, article.id);
      }
    }
  }
}

export interface BuiltArticle {
  meta: ArticleMeta;
  /** Cleaned text (headings and paragraphs joined by "\n"). */
  text: string;
  passages: Omit<Passage, 'id' | 'ordinal'>[];
}

/** Cleans, splits and labels one article. */
export function buildArticle(
  doc: CatalogDocument,
  article: CatalogArticle,
  lines: readonly string[],
  split: LoadCorpusOptions['split'] = {},
  /**
   * Library documents: headings the format marked that cleaning removed are not an error, and a numbered line that
   * ends a sentence is a list item, not a heading (see SplitOptions.strictHeadings).
   */
  lenient = false,
): BuiltArticle {
  const meta = toArticleMeta(doc.id, article);
  const paragraphs = cleanArticleLines(articleLines(doc, article, lines), {
    title: article.title,
    author: article.author,
    source: article.source,
    via: article.via ?? null,
    chromeLines: doc.chromeLines,
    trailerFrom: doc.trailerFrom,
    isHeading: (p) => isHeading(p, article.headings, lenient),
  });
  const result = splitArticle(paragraphs, {
    ...split,
    headings: article.headings,
    subheadings: article.subheadings,
    strictHeadings: lenient,
  });
  if (result.unmatched.length > 0 && !lenient) {
    throw new CorpusError(
      'CURATION_NOT_FOUND',
      `article ${article.id}: heading or sub-heading not found in the cleaned text: "${result.unmatched[0]}"`,
    );
  }
  if (result.chunks.length === 0) {
    throw new CorpusError('ARTICLE_EMPTY', `article ${article.id}: no text left after cleaning ${doc.file}`);
  }
  const lastParagraph = paragraphs[paragraphs.length - 1] ?? '';
  const endsCut = !endsSentence(lastParagraph);
  const passages = result.chunks.map((chunk, i) => {
    const { themeScores, themes } = themePassage(chunk.text, chunk.sectionPath);
    const passage: Omit<Passage, 'id' | 'ordinal'> = {
      docId: doc.id,
      articleId: article.id,
      title: article.title,
      section: chunk.section,
      sectionPath: chunk.sectionPath,
      text: chunk.text,
      position: { start: chunk.start, end: chunk.end },
      themes,
      themeScores,
      fragment: (i === 0 && article.fragmentStart) || (i === result.chunks.length - 1 && endsCut),
      placeholders: countPlaceholders(chunk.text),
    };
    return passage;
  });
  return { meta, text: result.text, passages };
}

/**
 * Loads the corpus from `seedsDir` (default: the package's seeds/). Throws CorpusError when the catalog or a seed
 * file is missing or inconsistent; the message names the file, field or text at fault.
 */
export function loadCorpus(options: LoadCorpusOptions = {}): Corpus {
  const seedsDir = options.seedsDir ?? PACKAGE_SEEDS_DIR;
  const catalog = readCatalog(seedsDir);
  const documents: DocumentMeta[] = [];
  const articles: ArticleMeta[] = [];
  const passages: Passage[] = [];
  const articleTexts = new Map<string, string>();

  for (const doc of catalog.documents) {
    checkRangesDisjoint(doc);
    const lines = readSeedLines(seedsDir, doc);
    documents.push({
      id: doc.id,
      file: doc.file,
      origin: 'seed',
      articles: doc.articles.map((a) => toArticleMeta(doc.id, a)),
    });
    // Ordinals run across the whole file, in catalog order of its included articles: stable while seeds and
    // catalog are unchanged.
    let ordinal = 0;
    for (const article of doc.articles) {
      if (!article.included) continue;
      const built = buildArticle(doc, article, lines, options.split);
      articles.push(built.meta);
      articleTexts.set(article.id, built.text);
      for (const p of built.passages) {
        passages.push({ id: `${doc.id}-${String(ordinal).padStart(3, '0')}`, ordinal, ...p });
        ordinal++;
      }
    }
  }
  for (const input of options.library ?? []) {
    let built: BuiltLibraryDocument;
    try {
      built = buildLibraryDocument(input, options.split);
    } catch (err) {
      if (err instanceof CorpusError && options.onLibraryError) {
        options.onLibraryError(input.id, err);
        continue;
      }
      throw err;
    }
    documents.push(built.document);
    articles.push(built.article.meta);
    articleTexts.set(input.id, built.article.text);
    passages.push(...built.passages);
  }
  const byId = new Map(passages.map((p) => [p.id, p]));
  return { documents, articles, passages, byId, articleTexts };
}

export interface BuiltLibraryDocument {
  document: DocumentMeta;
  article: BuiltArticle;
  passages: Passage[];
}

/**
 * Cleans, splits and labels an added document with the seeds' general rules, as one article whose id is the
 * document's. Passage ids are `${id}-${ordinal}`: they depend only on this document's text, so adding or removing
 * other documents never moves them. Throws CorpusError ARTICLE_EMPTY when no text is left after cleaning.
 */
export function buildLibraryDocument(input: LibraryDocumentInput, split: LoadCorpusOptions['split'] = {}): BuiltLibraryDocument {
  const doc: CatalogDocument = {
    id: input.id,
    file: input.file,
    // Metadata lines are dropped wherever they occur, as exact lines.
    chromeLines: input.metaLines.map((l) => l.trim()).filter((l) => l !== '' && !/^\/.*\/[a-z]*$/.test(l)),
    trailerFrom: [],
    fixes: [],
    articles: [],
  };
  const article: CatalogArticle = {
    id: input.id,
    title: input.title,
    titleIsDescriptive: input.titleIsDescriptive,
    source: input.source,
    author: null,
    date: input.date,
    included: true,
    fragmentStart: false,
    headings: [...new Set(input.headings.map((h) => h.trim()).filter((h) => h !== '' && h.length <= 80))],
    subheadings: [],
  };
  doc.articles.push(article);
  const built = buildArticle(doc, article, [...input.lines], split, true);
  built.meta.issuer = input.issuer;
  built.meta.docNumber = input.docNumber;
  const passages = built.passages.map((p, ordinal) => ({ id: `${input.id}-${String(ordinal).padStart(3, '0')}`, ordinal, ...p }));
  return {
    document: {
      id: input.id,
      file: input.file,
      origin: 'library',
      format: input.format,
      addedAt: input.addedAt,
      articles: [built.meta],
    },
    article: built,
    passages,
  };
}
