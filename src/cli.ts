#!/usr/bin/env node
/**
 * zhenxing CLI. Other tools rely on these flags and JSON shapes: keep them exact (see README "CLI").
 *   zhenxing search <query…> [--json] [--limit N] [--page N] [--exact]
 *   zhenxing search --batch --json [--limit N] [--exact]
 *   zhenxing passages --json
 *   zhenxing themes [--json]
 *   zhenxing docs [--json]
 *   zhenxing digest [--date YYYY-MM-DD] [--theme ID] [--json]
 *   zhenxing add <file…> [--title T] [--source S] [--date YYYY-MM-DD] [--json]
 *   zhenxing remove <id>
 *   zhenxing state export [--out FILE]
 *   zhenxing state import [FILE|-]
 * Usage errors exit 2 with one line on stderr.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, isValidTimeZone, loadConfig } from './config.js';
import { renderText } from './console/render-text.js';
import { loadCorpus } from './corpus/index.js';
import {
  LibraryError,
  createLibraryStore,
  loadLibraryCorpus,
  prepareFile,
  removeDocument,
  resolveLibraryDir,
  storePrepared,
  type PreparedDocument,
} from './library/index.js';
import { THEMES, themeInfo, type Corpus } from './corpus/types.js';
import { createDigestPlanner } from './digest/index.js';
import { detectLang, themedSearch } from './router/parse-command.js';
import { buildResultsView } from './router/router.js';
import { todayIn } from './digest/dates.js';
import { extractKeywords } from './search/jieba.js';
import { SearchError, type SearchEngine, type SearchResponse } from './search/types.js';
import { DigestError } from './digest/types.js';
import { createLogger } from './observability/logger.js';
import { createStateBackend, openFeedbackReader, parseSnapshot, STATE_FILE, StateImportError, type StateBackend } from './state/index.js';
import { existsSync } from 'node:fs';
import { loadLibrary, readSavedCorpus } from './library/index-cache.js';
import {
  buildReport,
  createFileSearchLog,
  createFileVoteStore,
  searchWithFeedback,
  SEARCH_LOG_FILE,
  VOTES_FILE,
  type FeedbackEffect,
  type Tally,
} from './feedback/index.js';
import { voteKeyOf } from './router/router.js';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

const USAGE = `usage: zhenxing <search|passages|themes|docs|digest|add|remove|state|report> [options]
  search <query…> [--json] [--limit N] [--page N] [--exact]
  search --batch --json [--limit N]      one query per stdin line, one JSON object per line
                                         (--exact: no typo correction, the words as typed)
  passages --json                        every passage
  themes [--json]                        the five themes with passage counts
  docs [--json]                          the catalog of source documents
  digest [--date YYYY-MM-DD] [--theme ID] [--json]
  add <file…> [--title T] [--source S] [--date YYYY-MM-DD] [--json]
                                         add .txt .md .html .docx .pdf files to the library (LIBRARY_DIR)
  remove <id>                            remove an added document
  state export [--out FILE]              the bot's state as JSON (Redis when STATE_URL is set, else DATA_DIR)
  state import [FILE|-]                  adds a state file or export to it (default: DATA_DIR/state.json)
  report [--json] [--days N]             top queries, misses and votes of the last N days (default 30; Redis
                                         when STATE_URL is set, every replica's, else DATA_DIR)`;

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  color: boolean;
  env: NodeJS.ProcessEnv;
}

function positiveInt(name: string, value: string | undefined, dflt: number, max: number): number {
  if (value === undefined) return dflt;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  }
  return n;
}

function searchJson(res: SearchResponse & { feedback?: (FeedbackEffect | undefined)[] }) {
  return {
    query: res.query,
    total: res.total,
    // No passage has all the words: the results match only `matched` of them.
    partial: res.partial === true,
    matched: res.matched ?? [],
    // The query searched after typo correction, or null.
    corrected: res.corrected ?? null,
    results: res.results.map((r, i) => ({
      id: r.id,
      docId: r.docId,
      title: r.title,
      section: r.section,
      text: r.text,
      snippet: r.snippet,
      score: r.score,
      themes: r.themes,
      // Why votes moved it (search for the same normalised query, DATA_DIR); absent without votes on it.
      ...(res.feedback?.[i] ? { feedback: res.feedback[i] } : {}),
    })),
  };
}

/** DATA_DIR as the bot resolves it. */
const dataDirOf = (env: NodeJS.ProcessEnv) => path.resolve(env.DATA_DIR ?? 'data');

/** STATE_URL as set (validated when the bot starts; here an unusable one simply does not answer). */
const stateUrlOf = (env: NodeJS.ProcessEnv) => (env.STATE_URL?.trim() ? env.STATE_URL.trim() : undefined);

/** Votes for a query — from Redis with STATE_URL, else DATA_DIR — read without creating anything. */
async function talliesFor(io: Io, query: string): Promise<Map<string, Tally>> {
  const key = voteKeyOf(query);
  if (key === '') return new Map();
  let reader;
  try {
    reader = await openFeedbackReader({ dataDir: dataDirOf(io.env), stateUrl: stateUrlOf(io.env) });
  } catch (err) {
    // The answer matters more than the votes: say so and rank as the engine ranks.
    io.stderr.write(`zhenxing: warning: ${(err as Error).message}; results are ranked without votes\n`);
    return new Map();
  }
  try {
    return await reader.tally(key);
  } finally {
    await reader.close();
  }
}

function errorText(err: unknown): string {
  if (err instanceof SearchError || err instanceof LibraryError) return `${err.zh} (${err.en})`;
  if (err instanceof Error) return err.message;
  return String(err);
}

let corpusCache: Corpus | undefined;
let engineCache: SearchEngine | undefined;
/** SEEDS_DIR when set (relative to the working directory), else the package's seeds/. */
const seedsOption = () => (process.env.SEEDS_DIR ? { seedsDir: path.resolve(process.env.SEEDS_DIR) } : {});
const warnSkipped = (id: string, err: unknown) => process.stderr.write(`zhenxing: warning: library entry ${id} skipped: ${errorText(err)}\n`);
/**
 * The saved index the bot keeps (DATA_DIR/index-cache, see src/library/index-cache.ts), when DATA_DIR exists: the
 * CLI loads it as the bot does (and keeps it up to date after an add), instead of segmenting a large library again
 * for every command. Where there is no DATA_DIR the CLI builds in memory and creates nothing.
 */
function cacheOption(): { cacheDir?: string } {
  const dataDir = dataDirOf(process.env);
  return existsSync(dataDir) ? { cacheDir: path.join(dataDir, 'index-cache') } : {};
}
const libraryOptions = () => ({
  ...seedsOption(),
  ...cacheOption(),
  libraryDir: resolveLibraryDir(process.env),
  onProblem: warnSkipped,
});
/**
 * The CLI reads the same library as the bot: the seeds plus the documents added under LIBRARY_DIR. A library entry
 * that cannot be read is left out with a warning rather than failing the command.
 */
const corpus = () =>
  (corpusCache ??=
    readSavedCorpus(libraryOptions()) ??
    loadLibraryCorpus({ ...seedsOption(), libraryDir: resolveLibraryDir(process.env), onProblem: warnSkipped }));
const engine = () => {
  if (!engineCache) {
    const loaded = loadLibrary(libraryOptions());
    engineCache = loaded.engine;
    corpusCache ??= loaded.corpus;
  }
  return engineCache;
};

/** Largest page size; the engine serves at most this many results a page. */
const MAX_LIMIT = 50;

async function cmdSearch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      batch: { type: 'boolean', default: false },
      exact: { type: 'boolean', default: false },
      limit: { type: 'string' },
      page: { type: 'string' },
    },
  });
  const limit = positiveInt('limit', values.limit, 10, MAX_LIMIT);
  const page = positiveInt('page', values.page, 1, 10_000);

  if (values.batch) {
    if (!values.json) throw new UsageError('--batch needs --json (one JSON object per input line)');
    if (positionals.length > 0) throw new UsageError('--batch reads queries from stdin; do not pass a query');
    if (values.page !== undefined) throw new UsageError('--batch answers the first page of each query; --page does not apply');
    const e = engine();
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const raw of rl) {
      const line = raw.replace(/\r$/, '');
      let out: unknown;
      try {
        out = searchJson(e.search(line, { limit, ...(values.exact ? { correct: false } : {}) }));
      } catch (err) {
        out = { query: line, error: errorText(err), partial: false, corrected: null, results: [] };
      }
      io.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return 0;
  }

  const typed = positionals.join(' ');
  if (typed.trim() === '') throw new UsageError('search needs a query, e.g. zhenxing search 人才振兴');
  // `主题 产业 集体经济` searches within the theme, as in chat.
  const query = themedSearch(typed) ?? typed;
  try {
    const e = engine();
    const exact = values.exact ? { correct: false } : {};
    let res = searchWithFeedback((o) => e.search(query, { ...o, ...exact }), await talliesFor(io, query), { limit, page });
    // The engine clamps a page past the end to the last one (right for chat buttons); a script paging through
    // results needs to see the end, so a page past the last is empty here.
    if (page > Math.max(1, res.pageCount)) res = { ...res, page, results: [] };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(searchJson(res))}\n`);
    } else {
      const view = buildResultsView(res, detectLang(query), 'search', query, undefined, limit, values.exact);
      io.stdout.write(`${renderText(view, { color: io.color })}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof SearchError) {
      if (values.json) io.stdout.write(`${JSON.stringify({ query, error: errorText(err), partial: false, corrected: null, results: [] })}\n`);
      else io.stderr.write(`zhenxing: ${errorText(err)}\n`);
      return 1;
    }
    throw err;
  }
}

function cmdPassages(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const passages = corpus().passages;
  if (values.json) {
    const out = passages.map((p) => ({
      id: p.id,
      docId: p.docId,
      title: p.title,
      section: p.section,
      text: p.text,
      themes: p.themes,
    }));
    io.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    for (const p of passages) io.stdout.write(`[${p.id}] 《${p.title}》${p.section ? `· ${p.section}` : ''}\n${p.text}\n\n`);
  }
  return 0;
}

function cmdThemes(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const themes = THEMES.map((t) => ({
    id: t.id,
    name: t.name,
    passageCount: corpus().passages.filter((p) => p.themes.includes(t.id)).length,
  }));
  if (values.json) io.stdout.write(`${JSON.stringify(themes)}\n`);
  else
    io.stdout.write(
      `${renderText({ kind: 'themes', lang: 'zh', themes: themes.map((t) => ({ ...themeInfo(t.id), passageCount: t.passageCount })) }, { color: io.color })}\n`,
    );
  return 0;
}

function cmdDocs(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const c = corpus();
  if (values.json) {
    io.stdout.write(`${JSON.stringify(c.documents)}\n`);
  } else {
    const docs = c.articles.map((a) => ({
      ...a,
      passageCount: c.passages.filter((p) => p.articleId === a.id).length,
    }));
    // The whole list: a terminal scrolls (chat shows it a page at a time).
    const all = { kind: 'docs' as const, lang: 'zh' as const, docs, total: docs.length, libraryTotal: docs.length, page: 1, pageCount: 1 };
    io.stdout.write(`${renderText(all, { color: io.color })}\n`);
  }
  return 0;
}

async function cmdAdd(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      title: { type: 'string' },
      source: { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('add needs at least one file, e.g. zhenxing add 一号文件.pdf');
  for (const [flag, value] of Object.entries({ title: values.title, source: values.source })) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} needs a value`);
  }
  const overrides = {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.source !== undefined ? { source: values.source } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
  };
  // Every file is checked before any is stored: one bad file leaves the library as it was.
  const prepared: PreparedDocument[] = [];
  let failed = 0;
  for (const file of positionals) {
    try {
      prepared.push(await prepareFile(path.resolve(file), overrides));
    } catch (err) {
      if (!(err instanceof LibraryError)) throw err;
      io.stderr.write(`zhenxing: ${errorText(err)}\n`);
      failed++;
    }
  }
  if (failed > 0) {
    io.stderr.write(
      `zhenxing: nothing added (${failed} of ${positionals.length} file${positionals.length > 1 ? 's' : ''} could not be added)\n`,
    );
    return 1;
  }
  const store = createLibraryStore(resolveLibraryDir(io.env));
  const outcomes = storePrepared(store, prepared);
  for (const o of outcomes) {
    if (o.duplicate) io.stderr.write(`zhenxing: ${o.name} is already in the library as ${o.id} 《${o.title}》; nothing added\n`);
  }
  const added = outcomes.filter((o) => !o.duplicate);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ added: added.map((o) => ({ id: o.id, title: o.title, passages: o.passages })) })}\n`);
  } else {
    for (const o of added) {
      const themes = o.themes.map((t) => themeInfo(t).name).join('、');
      io.stdout.write(`added ${o.id} 《${o.title}》 ${o.passages} 段${themes ? ` · ${themes}` : ''}\n`);
    }
  }
  return 0;
}

function cmdRemove(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('remove needs one document id, e.g. zhenxing remove lib-3fa9c2d1');
  const store = createLibraryStore(resolveLibraryDir(io.env));
  const seedIds = loadCorpus(seedsOption()).documents.map((d) => d.id);
  const removed = removeDocument(store, positionals[0] as string, seedIds);
  io.stdout.write(`removed ${removed.id} 《${removed.title}》\n`);
  return 0;
}

function cmdDigest(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      date: { type: 'string' },
      theme: { type: 'string' },
    },
  });
  const tz = io.env.DIGEST_TZ || 'Asia/Shanghai';
  if (!isValidTimeZone(tz)) throw new UsageError(`DIGEST_TZ is not a known IANA time zone, e.g. "Asia/Shanghai"; got "${tz}"`);
  const date = values.date ?? todayIn(tz, new Date());
  const planner = createDigestPlanner(corpus(), { extractKeywords });
  let digest;
  try {
    digest = planner.digestFor(date, values.theme === undefined ? {} : { theme: values.theme });
  } catch (err) {
    if (err instanceof DigestError) throw new UsageError(err.message);
    throw err;
  }
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({
        date: digest.date,
        theme: { id: digest.theme.id, name: digest.theme.name },
        passages: digest.passages.map((p) => ({
          id: p.id,
          docId: p.docId,
          title: p.title,
          section: p.section,
          text: p.text,
        })),
        keywords: digest.keywords,
      })}\n`,
    );
  } else {
    io.stdout.write(`${renderText({ kind: 'digest', lang: 'zh', preview: true, digest }, { color: io.color })}\n`);
  }
  return 0;
}

/**
 * `state export` prints the state the bot uses — Redis when STATE_URL is set, else DATA_DIR/state.json — as JSON;
 * `state import` adds a state file or an export to it (a union: nothing there is removed). Moving a single bot's
 * files into Redis: `STATE_URL=redis://… zhenxing state import` (reads DATA_DIR/state.json).
 */
async function cmdState(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export' && sub !== 'import') {
    throw new UsageError(`state needs export or import${sub === undefined ? '' : `, got "${sub}"`} (zhenxing state export | zhenxing state import [FILE])`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: sub === 'import',
    options: sub === 'export' ? { out: { type: 'string' } } : {},
  });
  let config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.problems[0] ?? err.message);
    throw err;
  }
  if (positionals.length > 1) throw new UsageError('state import takes one file (or - for stdin)');
  let text: string | undefined;
  let source = '';
  if (sub === 'import') {
    const file = positionals[0] ?? path.join(config.dataDir, STATE_FILE);
    source = file === '-' ? 'standard input' : file;
    if (!config.stateUrl && file !== '-' && path.resolve(file) === path.join(config.dataDir, STATE_FILE)) {
      throw new UsageError(`STATE_URL is not set, so ${file} is already where the state lives; set STATE_URL=redis://host:port[/db] to import it into Redis`);
    }
    try {
      text = file === '-' ? await readStream(io.stdin) : readFileSync(file, 'utf8');
    } catch (err) {
      io.stderr.write(`zhenxing: could not read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const snapshot = text === undefined ? undefined : parseSnapshot(text, source);
  if (snapshot && sub === 'import' && positionals[0] === undefined) {
    // Moving a single bot into Redis: its votes and search log under DATA_DIR go along with its state file.
    const dataDir = config.dataDir;
    if (existsSync(path.join(dataDir, VOTES_FILE))) snapshot.votes = [...(snapshot.votes ?? []), ...(await (await createFileVoteStore({ dataDir })).list())];
    if (existsSync(path.join(dataDir, SEARCH_LOG_FILE))) {
      snapshot.searches = [...(snapshot.searches ?? []), ...(await (await createFileSearchLog({ dataDir })).list())];
    }
  }
  // The outcome is said in one line below; stdout is the export.
  const logger = createLogger({ level: 'silent', destination: process.stderr });
  const backend: StateBackend = await createStateBackend({ dataDir: config.dataDir, stateUrl: config.stateUrl, logger, startTimeoutMs: 3000 });
  try {
    if (backend.kind === 'redis' && backend.status().state !== 'ready') {
      io.stderr.write(`zhenxing: Redis at ${backend.where} did not answer; nothing was ${sub === 'export' ? 'exported' : 'imported'}\n`);
      return 1;
    }
    if (snapshot) {
      const s = await backend.importState(snapshot);
      if (backend.status().pendingWrites) {
        io.stderr.write(`zhenxing: Redis at ${backend.where} went away during the import; run it again\n`);
        return 1;
      }
      io.stdout.write(
        `imported into ${backend.where}: ${s.subscriptions} subscription${s.subscriptions === 1 ? '' : 's'}, ${s.sent} sent record${s.sent === 1 ? '' : 's'}, ${s.failed} failure${s.failed === 1 ? '' : 's'}` +
          (s.settings > 0 ? `, ${s.settings} channel setting${s.settings === 1 ? '' : 's'}` : '') +
          (s.votes > 0 ? `, ${s.votes} vote${s.votes === 1 ? '' : 's'}` : '') +
          (s.searches > 0 ? `, ${s.searches} logged search${s.searches === 1 ? '' : 'es'}` : '') +
          (s.expired > 0 ? ` (${s.expired} left out: records older than 35 days, searches older than 90 days)` : '') +
          '\n',
      );
      return 0;
    }
    const json = `${JSON.stringify(await backend.exportState(), null, 2)}\n`;
    if (typeof values.out === 'string') {
      writeFileSync(values.out, json);
      io.stderr.write(`zhenxing: state from ${backend.where} written to ${values.out}\n`);
    } else {
      io.stdout.write(json);
    }
    return 0;
  } finally {
    await backend.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** What people asked, missed and voted on in the last --days days, from DATA_DIR. */
async function cmdReport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, days: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`report takes no arguments, got "${positionals[0]}"`);
  const days = positiveInt('days', values.days, 30, 3650);
  const since = Date.now() - days * 86_400_000;
  // Nothing recorded yet is an empty report, not an error (and nothing is created under DATA_DIR). With STATE_URL,
  // every replica's searches and votes, from Redis.
  let reader;
  try {
    reader = await openFeedbackReader({ dataDir: dataDirOf(io.env), stateUrl: stateUrlOf(io.env) });
  } catch (err) {
    io.stderr.write(`zhenxing: ${(err as Error).message}; no report\n`);
    return 1;
  }
  let entries, votes;
  try {
    [entries, votes] = await Promise.all([reader.searches(since), reader.votes(since)]);
  } finally {
    await reader.close();
  }
  const dataDir = reader.where;
  const report = buildReport(entries, votes);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const out: string[] = [`最近 ${days} 天（${dataDir}）：${entries.length} 次搜索，${votes.length} 条反馈`, '', '常搜的词（次数）'];
  out.push(...(report.queries.length ? report.queries.map((q) => `  ${q.count}\t${q.query}`) : ['  （无）']));
  out.push('', '没有结果或只有部分结果（次数）');
  out.push(...(report.misses.length ? report.misses.map((m) => `  ${m.count}\t${m.query}${m.partial ? '（部分结果）' : '（无结果）'}`) : ['  （无）']));
  out.push('', '反馈（👍 👎 段落 · 搜索词）');
  out.push(...(report.feedback.length ? report.feedback.map((f) => `  ${f.up} ${f.down}\t${f.passageId} · ${f.query}`) : ['  （无）']));
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** Runs the CLI; returns the exit code. Exported for tests that want it in-process. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return await cmdSearch(rest, io);
      case 'passages':
        return cmdPassages(rest, io);
      case 'themes':
        return cmdThemes(rest, io);
      case 'docs':
        return cmdDocs(rest, io);
      case 'digest':
        return cmdDigest(rest, io);
      case 'add':
        return await cmdAdd(rest, io);
      case 'remove':
        return cmdRemove(rest, io);
      case 'state':
        return await cmdState(rest, io);
      case undefined:
        throw new UsageError('missing command (try: search, passages, themes, docs, digest, add, remove, state, report; or zhenxing --help)');
      case 'report':
        return await cmdReport(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: search, passages, themes, docs, digest, add, remove, state, report)`);
    }
  } catch (err) {
    // parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION for bad flags.
    const code = (err as { code?: string }).code;
    if (err instanceof StateImportError) {
      io.stderr.write(`zhenxing: ${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`zhenxing: ${(err as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    io.stderr.write(`zhenxing: ${errorText(err)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
// Resolve symlinks (npx and npm's bin links point at dist/cli.js through one).
async function main() {
  const { realpathSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
  if (!isMain && invoked !== import.meta.url) return;
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
  });
  // Let stdout drain before exiting (large --json outputs into a pipe).
  process.stdout.write('', () => process.exit(code));
}
void main();
