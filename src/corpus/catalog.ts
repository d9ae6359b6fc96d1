/**
 * seeds/catalog.json: what each seed file holds (titles, bylines, dates, article boundaries) plus the explicit,
 * per-document curation the general cleaning rules cannot infer. Curation lives here as data, never as code
 * special cases, so a reader can audit every decision in one file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CorpusError } from './errors.js';
import type { ArticleMeta, DocumentMeta } from './types.js';

export const CATALOG_FILE = 'catalog.json';

const nullableText = z.string().trim().min(1).nullable();

/** 1-based inclusive line range of the raw seed file, as `cat -n` numbers lines. */
const lineRangeSchema = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([from, to]) => from <= to, { message: 'a line range must run forwards ([from, to] with from ≤ to)' });

const fixSchema = z.object({
  /** Literal text that must occur exactly once in the document. */
  find: z.string().min(1),
  replace: z.string(),
  /** Why the fix is needed, for the reader of the catalog. */
  why: z.string().min(1),
});

const articleSchema = z.object({
  id: z.string().regex(/^\d{3}[a-z]?$/, { message: 'an article id is the doc id plus an optional letter, e.g. "003b"' }),
  title: z.string().trim().min(1),
  titleIsDescriptive: z.boolean(),
  source: nullableText,
  author: nullableText,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'a date is YYYY, YYYY-MM or YYYY-MM-DD' })
    .nullable(),
  sourceUrl: z.url().nullable().optional(),
  via: nullableText.optional(),
  originalTitle: nullableText.optional(),
  included: z.boolean(),
  note: z.string().optional(),
  /** Raw line ranges of the article in reading order; default: the whole file. */
  lines: z.array(lineRangeSchema).min(1).optional(),
  /** The text starts mid-sentence because the source itself is cut. */
  fragmentStart: z.boolean().default(false),
  /** Unnumbered heading lines (numbered ones and lines ending "——" are found by rule). */
  headings: z.array(z.string().min(1)).default([]),
  /** Lead sentences that open a paragraph and act as its sub-heading (matched in the paragraph's first sentence). */
  subheadings: z.array(z.string().min(1)).default([]),
});

const documentSchema = z.object({
  id: z.string().regex(/^\d{3}$/, { message: 'a document id is three digits, e.g. "003"' }),
  file: z.string().regex(/^[^/\\]+\.txt$/, { message: 'a seed file is a .txt file name inside seeds/' }),
  note: z.string().optional(),
  /** Lines dropped wherever they occur: exact text, or a /regex/ (sidebar headlines, column headers, ads). */
  chromeLines: z.array(z.string().min(1)).default([]),
  /** Line prefixes that open trailing chrome: that line and everything after it are dropped. */
  trailerFrom: z.array(z.string().min(1)).default([]),
  /** Literal repairs of source defects the rules cannot recognise safely in general. */
  fixes: z.array(fixSchema).default([]),
  articles: z.array(articleSchema).min(1),
});

export const catalogSchema = z.object({
  $comment: z.string().optional(),
  version: z.literal(1),
  documents: z.array(documentSchema).min(1),
});

export type CatalogArticle = z.infer<typeof articleSchema>;
export type CatalogDocument = z.infer<typeof documentSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

/** `documents[0].articles[1].title` from a zod issue path. */
function formatPath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const key of issuePath) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Validates parsed catalog JSON. Throws CorpusError CATALOG_INVALID naming the first bad field. */
export function parseCatalog(json: unknown, where = CATALOG_FILE): Catalog {
  const result = catalogSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? formatPath(issue.path) : '(root)';
    throw new CorpusError('CATALOG_INVALID', `${where}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const catalog = result.data;
  const docIds = new Set<string>();
  const articleIds = new Set<string>();
  catalog.documents.forEach((doc, d) => {
    if (docIds.has(doc.id)) {
      throw new CorpusError('CATALOG_INVALID', `${where}: documents[${d}].id: duplicate document id "${doc.id}"`);
    }
    docIds.add(doc.id);
    if (!doc.file.startsWith(`${doc.id}_`) && !doc.file.startsWith(`${doc.id}.`)) {
      throw new CorpusError(
        'CATALOG_INVALID',
        `${where}: documents[${d}].file: "${doc.file}" does not start with its document id "${doc.id}"`,
      );
    }
    doc.articles.forEach((article, a) => {
      if (!article.id.startsWith(doc.id)) {
        throw new CorpusError(
          'CATALOG_INVALID',
          `${where}: documents[${d}].articles[${a}].id: "${article.id}" does not start with its document id "${doc.id}"`,
        );
      }
      if (articleIds.has(article.id)) {
        throw new CorpusError(
          'CATALOG_INVALID',
          `${where}: documents[${d}].articles[${a}].id: duplicate article id "${article.id}"`,
        );
      }
      articleIds.add(article.id);
      if (doc.articles.length > 1 && !article.lines) {
        throw new CorpusError(
          'CATALOG_INVALID',
          `${where}: documents[${d}].articles[${a}].lines: required when a file holds several articles`,
        );
      }
    });
  });
  return catalog;
}

/** Reads and validates seeds/catalog.json with its curation. */
export function readCatalog(seedsDir: string): Catalog {
  const file = path.join(seedsDir, CATALOG_FILE);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CorpusError('CATALOG_MISSING', `cannot read the corpus catalog ${file}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new CorpusError('CATALOG_INVALID', `${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return parseCatalog(json, file);
}

/** The catalog's public description of an article (curation stripped). */
export function toArticleMeta(docId: string, article: CatalogArticle): ArticleMeta {
  const meta: ArticleMeta = {
    id: article.id,
    docId,
    title: article.title,
    titleIsDescriptive: article.titleIsDescriptive,
    source: article.source,
    author: article.author,
    date: article.date,
    included: article.included,
    sourceUrl: article.sourceUrl ?? null,
    via: article.via ?? null,
    originalTitle: article.originalTitle ?? null,
  };
  if (article.note !== undefined) meta.note = article.note;
  return meta;
}

/** The catalog's documents, validated: id, file and article descriptions (curation stripped). */
export function loadCatalog(seedsDir: string): DocumentMeta[] {
  return readCatalog(seedsDir).documents.map((doc) => ({
    id: doc.id,
    file: doc.file,
    origin: 'seed' as const,
    articles: doc.articles.map((a) => toArticleMeta(doc.id, a)),
  }));
}
