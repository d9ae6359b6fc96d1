/**
 * The growing library: documents users add (LIBRARY_DIR) beside the built-in seeds. This module prepares a file
 * (extract, read metadata, clean and split once to check and count), stores it, removes it, and loads the whole
 * corpus — seeds and library — for the CLI and the bot.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildLibraryDocument, CorpusError, loadCorpus, type LoadCorpusOptions } from '../corpus/index.js';
import { THEME_IDS, type Corpus, type ThemeId } from '../corpus/types.js';
import { LibraryError, libraryErrors } from './errors.js';
import { extractDocument, formatOf } from './extract.js';
import { extractMetadata } from './metadata.js';
import { createLibraryStore, type LibraryStore, type NewDocument, type StoredMeta } from './store.js';

export { LibraryError, libraryErrors, type LibraryErrorCode } from './errors.js';
export { createLibraryStore, LIBRARY_ID, type LibraryStore, type StoredMeta } from './store.js';
export { extractDocument, formatOf, FORMATS, type Extracted, type LibraryFormat } from './extract.js';
export { extractMetadata, findDate, type TextMetadata } from './metadata.js';
export { decodeText } from './decode.js';

/** Options of the library; defaults in LIBRARY_DEFAULTS. */
export interface LibraryOptions {
  /** Largest file accepted, in bytes. Default 50 MB. */
  maxBytes?: number;
}

export const LIBRARY_DEFAULTS = Object.freeze({ maxBytes: 50 * 1024 * 1024 });

/** LIBRARY_DIR, else DATA_DIR/library (DATA_DIR defaulting to ./data), resolved against `cwd`. */
export function resolveLibraryDir(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  const lib = env.LIBRARY_DIR?.trim();
  if (lib) return path.resolve(cwd, lib);
  return path.resolve(cwd, env.DATA_DIR?.trim() || 'data', 'library');
}

/** Metadata given by the user (CLI flags, chat): each wins over what the text says. */
export interface Overrides {
  title?: string;
  source?: string;
  /** YYYY-MM-DD. */
  date?: string;
  /** Who added it (a chat user id), kept in meta.json. */
  addedBy?: string | null;
}

/** Validates a --date value: YYYY-MM-DD naming a real day. Throws BAD_METADATA. */
export function checkDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return value.trim();
  }
  throw libraryErrors.badDate(value);
}

/** A file extracted, described and checked: ready to store. */
export interface PreparedDocument {
  /** The file name as given. */
  name: string;
  doc: NewDocument;
  title: string;
  passages: number;
  /** Themes of its passages, most passages first. */
  themes: ThemeId[];
}

/** Themes carried by a document's passages, those on most passages first. */
function documentThemes(passages: readonly { themes: readonly ThemeId[] }[]): ThemeId[] {
  const count = new Map<ThemeId, number>();
  for (const p of passages) for (const t of p.themes) count.set(t, (count.get(t) ?? 0) + 1);
  return THEME_IDS.filter((t) => count.has(t)).sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
}

/**
 * Extracts a file's text and metadata and builds its passages once (to count them, and to refuse a file with no
 * text left after cleaning). Nothing is stored. Throws LibraryError.
 */
export async function prepareDocument(
  name: string,
  bytes: Uint8Array,
  overrides: Overrides = {},
  options: LibraryOptions = {},
): Promise<PreparedDocument> {
  const maxBytes = options.maxBytes ?? LIBRARY_DEFAULTS.maxBytes;
  const base = path.basename(name);
  formatOf(base);
  if (bytes.length > maxBytes) throw libraryErrors.tooLarge(base, bytes.length, maxBytes);
  const date = overrides.date !== undefined ? checkDate(overrides.date) : undefined;
  const extracted = await extractDocument(base, bytes);
  const found = extractMetadata(extracted.lines, extracted.titleHint, extracted.dateHint ?? null);
  const title = overrides.title?.trim() || found.title || base.replace(/\.[^.]+$/, '');
  const meta: NewDocument['meta'] = {
    file: base,
    format: extracted.format,
    addedAt: new Date().toISOString(),
    addedBy: overrides.addedBy ?? null,
    title,
    titleIsDescriptive: !overrides.title?.trim() && !found.title,
    source: overrides.source?.trim() || extracted.siteName || null,
    date: date ?? found.date,
    issuer: found.issuer,
    docNumber: found.docNumber,
    headings: extracted.headings,
    metaLines: found.metaLines,
    ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
  };
  let built;
  try {
    built = buildLibraryDocument({ id: 'lib-00000000', ...meta, lines: extracted.lines });
  } catch (err) {
    if (err instanceof CorpusError && err.code === 'ARTICLE_EMPTY') throw libraryErrors.empty(base);
    throw err;
  }
  return {
    name: base,
    doc: { meta, lines: extracted.lines, original: bytes },
    title,
    passages: built.passages.length,
    themes: documentThemes(built.passages),
  };
}

/** Reads a file from disk (refusing one over the size limit before reading it) and prepares it. */
export async function prepareFile(file: string, overrides: Overrides = {}, options: LibraryOptions = {}): Promise<PreparedDocument> {
  const base = path.basename(file);
  formatOf(base);
  const maxBytes = options.maxBytes ?? LIBRARY_DEFAULTS.maxBytes;
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > maxBytes) throw libraryErrors.tooLarge(base, st.size, maxBytes);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof LibraryError) throw err;
    throw libraryErrors.unreadable(file, err);
  }
  return prepareDocument(base, bytes, overrides, options);
}

/** What adding one document did. */
export interface AddOutcome {
  id: string;
  title: string;
  passages: number;
  themes: ThemeId[];
  /** True when the same content was already in the library: nothing was added. */
  duplicate: boolean;
  /** The file name as given. */
  name: string;
}

/** Stores prepared documents; the same content twice is stored once. */
export function storePrepared(store: LibraryStore, prepared: readonly PreparedDocument[]): AddOutcome[] {
  return prepared.map((p) => {
    const result = store.add(p.doc);
    return {
      id: result.meta.id,
      title: result.meta.title,
      passages: p.passages,
      themes: p.themes,
      duplicate: result.status === 'duplicate',
      name: p.name,
    };
  });
}

/** Removes an added document; a seed id is refused with SEED_NOT_REMOVABLE, an unknown one with NOT_FOUND. */
export function removeDocument(store: LibraryStore, id: string, seedIds: readonly string[] = []): StoredMeta {
  const wanted = id.trim().toLowerCase();
  if (/^\d{3}[a-z]?$/.test(wanted) && seedIds.includes(wanted.slice(0, 3))) throw libraryErrors.seedNotRemovable(wanted);
  return store.remove(wanted);
}

export interface LoadLibraryCorpusOptions extends Omit<LoadCorpusOptions, 'library'> {
  libraryDir: string;
  /** Told about library entries that cannot be read or built; they are left out. */
  onProblem?: (id: string, err: unknown) => void;
}

/** The seeds and every readable library document, as one corpus. */
export function loadLibraryCorpus(options: LoadLibraryCorpusOptions): Corpus {
  const { libraryDir, onProblem, ...rest } = options;
  const store = createLibraryStore(libraryDir);
  return loadCorpus({
    ...rest,
    library: store.inputs(onProblem),
    onLibraryError: (id, err) => onProblem?.(id, err),
  });
}
