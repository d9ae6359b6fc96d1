/**
 * The library on disk (LIBRARY_DIR): one directory per added document, named by its id, holding the original file
 * untouched, the text extracted from it and its metadata:
 *
 *     LIBRARY_DIR/lib-3fa9c2d1/original.pdf
 *                             text.txt     extracted lines (cleaning happens at load time, like the seeds')
 *                             meta.json    title, date, issuer, 文号, format, hashes, when and by whom added
 *
 * A document appears and disappears atomically: it is written in full under a hidden `.tmp-…` directory and
 * renamed into place; removal renames it to a hidden `.trash-…` name before deleting it. Readers (the CLI, the
 * running bot's watcher) skip hidden entries, so they never see half a document. Only node:fs here: loading the
 * corpus at start never pays for the format parsers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LibraryDocumentInput } from '../corpus/types.js';
import { libraryErrors } from './errors.js';
import { runNow, type Steps } from '../search/pace.js';

export const META_FILE = 'meta.json';
export const TEXT_FILE = 'text.txt';

/** A library document id: lib- and 8 to 16 hex digits of its text's hash. */
export const LIBRARY_ID = /^lib-[0-9a-f]{8,16}$/;

const metaSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(LIBRARY_ID),
  file: z.string().min(1),
  original: z.string().min(1),
  format: z.string().min(1),
  addedAt: z.string().min(1),
  addedBy: z.string().nullable().default(null),
  title: z.string().min(1),
  titleIsDescriptive: z.boolean(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  headings: z.array(z.string()).default([]),
  metaLines: z.array(z.string()).default([]),
  /** sha256 of the original file's bytes. */
  sha256: z.string(),
  /** sha256 of the extracted text with spacing removed: the same text in another format is the same document. */
  textHash: z.string(),
  bytes: z.number().int().nonnegative(),
  encoding: z.string().optional(),
});

export type StoredMeta = z.infer<typeof metaSchema>;

/** A document ready to be stored: metadata, extracted text and the original bytes. */
export interface NewDocument {
  meta: Omit<StoredMeta, 'version' | 'id' | 'original' | 'sha256' | 'textHash' | 'bytes'>;
  lines: readonly string[];
  original: Uint8Array;
}

export type AddResult = { status: 'added'; meta: StoredMeta } | { status: 'duplicate'; meta: StoredMeta };

export interface LibraryStore {
  readonly dir: string;
  /** Every stored document's metadata, oldest first; entries that cannot be read are reported to `onProblem`. */
  list(onProblem?: (entry: string, err: unknown) => void): StoredMeta[];
  /** {@link list} as steps that may pause after each document's metadata read (see search/pace.ts). */
  listSteps(onProblem?: (entry: string, err: unknown) => void): Steps<StoredMeta[]>;
  /** Everything the corpus loader needs, oldest first. */
  inputs(onProblem?: (entry: string, err: unknown) => void): LibraryDocumentInput[];
  /** What the corpus loader needs of one listed document (its text read now). Throws when the text cannot be read. */
  inputOf(meta: StoredMeta): LibraryDocumentInput;
  /** A cheap fingerprint of the directory's contents (the document ids): it changes on every add and remove. */
  signature(): string;
  /** Stores a document unless the same content is already there (same original bytes or same text). */
  add(doc: NewDocument): AddResult;
  /** Removes a document. Throws LibraryError NOT_FOUND. */
  remove(id: string): StoredMeta;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** The text's hash: spacing removed, so re-wrapped copies of one text are one document. */
export function textHashOf(lines: readonly string[]): string {
  return sha256(lines.join('').replace(/[\s\u3000]+/g, ''));
}

export function createLibraryStore(dir: string): LibraryStore {
  const entries = (): string[] => {
    try {
      return readdirSync(dir)
        .filter((name) => LIBRARY_ID.test(name))
        .sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  };
  const readMeta = (id: string): StoredMeta => {
    const meta = metaSchema.parse(JSON.parse(readFileSync(path.join(dir, id, META_FILE), 'utf8')));
    if (meta.id !== id) throw new Error(`${META_FILE} names ${meta.id}`);
    return meta;
  };
  const list = (onProblem?: (entry: string, err: unknown) => void): StoredMeta[] => runNow(listSteps(onProblem));
  function* listSteps(onProblem?: (entry: string, err: unknown) => void): Steps<StoredMeta[]> {
    const out: StoredMeta[] = [];
    for (const id of entries()) {
      try {
        out.push(readMeta(id));
      } catch (err) {
        onProblem?.(id, err);
      }
      yield;
    }
    // Oldest first, so the library lists (and the corpus orders) documents in the order they were added.
    return out.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  }

  const inputOf = (meta: StoredMeta): LibraryDocumentInput => ({
    id: meta.id,
    file: meta.file,
    format: meta.format,
    addedAt: meta.addedAt,
    title: meta.title,
    titleIsDescriptive: meta.titleIsDescriptive,
    source: meta.source,
    date: meta.date,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    lines: readFileSync(path.join(dir, meta.id, TEXT_FILE), 'utf8').split('\n'),
    headings: meta.headings,
    metaLines: meta.metaLines,
  });

  return {
    dir,
    list,
    listSteps,
    inputOf,
    inputs(onProblem) {
      const out: LibraryDocumentInput[] = [];
      for (const meta of list(onProblem)) {
        try {
          out.push(inputOf(meta));
        } catch (err) {
          onProblem?.(meta.id, err);
        }
      }
      return out;
    },
    signature() {
      return entries().join(',');
    },
    add(doc) {
      const originalHash = sha256(doc.original);
      const textHash = textHashOf(doc.lines);
      const existing = list();
      const same = existing.find((m) => m.sha256 === originalHash || m.textHash === textHash);
      if (same) return { status: 'duplicate', meta: same };
      // The shortest prefix of the text hash not taken by another document (8 hex digits nearly always).
      const taken = new Set(entries());
      let id = `lib-${textHash.slice(0, 8)}`;
      for (let n = 9; taken.has(id) && n <= 16; n++) id = `lib-${textHash.slice(0, n)}`;
      const ext = path.extname(doc.meta.file).toLowerCase() || `.${doc.meta.format}`;
      const meta: StoredMeta = {
        version: 1,
        id,
        ...doc.meta,
        original: `original${ext}`,
        sha256: originalHash,
        textHash,
        bytes: doc.original.length,
      };
      mkdirSync(dir, { recursive: true });
      const tmp = path.join(dir, `.tmp-${id}-${randomBytes(4).toString('hex')}`);
      mkdirSync(tmp);
      try {
        writeFileSync(path.join(tmp, meta.original), doc.original);
        writeFileSync(path.join(tmp, TEXT_FILE), doc.lines.join('\n'));
        writeFileSync(path.join(tmp, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
        renameSync(tmp, path.join(dir, id));
      } catch (err) {
        rmSync(tmp, { recursive: true, force: true });
        // Another process stored the same text a moment ago: the same document.
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST') {
          const other = list().find((m) => m.id === id);
          if (other) return { status: 'duplicate', meta: other };
        }
        throw err;
      }
      return { status: 'added', meta };
    },
    remove(id) {
      if (!LIBRARY_ID.test(id) || !entries().includes(id)) throw libraryErrors.notFound(id);
      let meta: StoredMeta | undefined;
      try {
        meta = readMeta(id);
      } catch {
        meta = undefined;
      }
      const trash = path.join(dir, `.trash-${id}-${randomBytes(4).toString('hex')}`);
      try {
        renameSync(path.join(dir, id), trash);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw libraryErrors.notFound(id);
        throw err;
      }
      rmSync(trash, { recursive: true, force: true });
      return meta ?? ({ id, title: id } as StoredMeta);
    },
  };
}
