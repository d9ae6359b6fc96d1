/**
 * The CLI contract, spawned as a process exactly as other tools run it (`node dist/cli.js`, which is what
 * `npx zhenxing` resolves to). ensureBuilt() builds dist/ first when it is stale.
 *
 * Every command and output form is run as a real process at least once: search --json, search as text, search
 * --batch --json, passages, themes, docs, digest --json and as text, the environment (DATA_DIR, DIGEST_TZ, SEEDS_DIR)
 * and every usage error's exit code and stderr line. Those processes are started together when the file starts (two
 * at a time; they share nothing) and each test awaits the one it asserts on. Further argument variations of a
 * command already spawned here (--limit/--page, a page past the last, `主题 …`, --exact, a second --batch, more
 * text searches, --theme) run the CLI's own runCli in this process ({@link runCliInProcess}): each spawned search or
 * digest loads jieba's dictionary (~1.2 s alone, 3 s and more on a loaded machine), which here happens once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { runCli, runCliInProcess, type CliResult } from '../helpers/run-cli.js';
import { seedSavedIndex } from '../helpers/saved-index.js';

/**
 * The commands run with a DATA_DIR holding the run's saved index of the seeds (test/helpers/saved-index.ts), as the
 * CLI beside a running bot does: each process loads the index instead of segmenting the seeds again (~30 % of a
 * search's time). What is printed is the same either way (test/library/index-cache.test.ts: a loaded index scores
 * exactly as the one it was saved from); the build without DATA_DIR is run by test/cli/messy-chat-cli.test.ts,
 * test/cli/library-cli.test.ts, test/hardening/cli-batch.property.test.ts and the SEEDS_DIR test below.
 */
let dataDir: string;
/** The spawned processes of this file, by name, started in beforeAll. */
const spawned = new Map<string, Promise<CliResult>>();

/** A spawned run, as `node dist/cli.js …` with DATA_DIR set (unless env says otherwise). */
interface Spawn {
  args: string[];
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Without DATA_DIR: the CLI builds the library in memory and creates nothing. */
  noDataDir?: boolean;
}

const USAGE_ERRORS: [string[], string][] = [
  [[], 'zhenxing: missing command (try: search, passages, themes, docs, digest, add, remove, state, report; or zhenxing --help)'],
  [['search'], 'zhenxing: search needs a query, e.g. zhenxing search 人才振兴'],
  [['search', '人才', '--limit', 'abc'], 'zhenxing: --limit must be a whole number from 1 to 50, got "abc"'],
  [['search', '人才', '--page', '0'], 'zhenxing: --page must be a whole number from 1 to 10000, got "0"'],
  [['search', '--batch'], 'zhenxing: --batch needs --json (one JSON object per input line)'],
  [['search', '--batch', '--json', '--page', '2'], 'zhenxing: --batch answers the first page of each query; --page does not apply'],
  [['search', '人才', '--limit', '51'], 'zhenxing: --limit must be a whole number from 1 to 50, got "51"'],
  [['frobnicate'], 'zhenxing: unknown command "frobnicate" (try: search, passages, themes, docs, digest, add, remove, state, report)'],
  [['search', '人才', '--bogus'], "zhenxing: Unknown option '--bogus'"],
];

const BATCH_LINES = ['人才振兴', '', '鄉村振興', 'x'.repeat(5000), '"未闭合的引号', '__proto__', '集体经济'];

/** Every process this file spawns. The ones that search or make a digest (jieba) first: they take longest. */
const SPAWNS: Record<string, Spawn> = {
  'search --json': { args: ['search', '人才振兴', '--json'] },
  'search text corrected': { args: ['search', '集体经计'] },
  'search --batch': { args: ['search', '--batch', '--json', '--limit', '2'], input: `${BATCH_LINES.join('\n')}\n` },
  'digest --json': { args: ['digest', '--date', '2026-11-24', '--json'] },
  'digest text': { args: ['digest', '--date', '2026-11-22'] },
  passages: { args: ['passages', '--json'] },
  themes: { args: ['themes', '--json'] },
  docs: { args: ['docs', '--json'] },
  'bad DIGEST_TZ': { args: ['digest'], env: { DIGEST_TZ: 'Mars/Base' }, noDataDir: true },
  'missing SEEDS_DIR': { args: ['themes'], env: { SEEDS_DIR: '/nonexistent-seeds' }, noDataDir: true },
  'bad date': { args: ['digest', '--date', '2026-02-30'] },
  'bad theme': { args: ['digest', '--theme', '体育'] },
  ...Object.fromEntries(USAGE_ERRORS.map(([args]) => [`usage ${JSON.stringify(args)}`, { args }])),
};

/**
 * At most this many processes at once: a search's process is CPU-bound while jieba loads, the machine has 2 cores, and
 * the other worker's file may be timing a bot process's start-up (more at once there made those starve at load 9).
 */
const AT_ONCE = 2;

beforeAll(() => {
  ensureBuilt();
  dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhenxing-cli-')), 'data');
  seedSavedIndex(dataDir);
  const queue = Object.entries(SPAWNS);
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  for (const [name, { args, input, env = {}, noDataDir }] of queue) {
    const p = slot().then(() => runCli(args, { input, env: noDataDir ? env : { DATA_DIR: dataDir, ...env } }).finally(release));
    p.catch(() => {}); // reported by the test that awaits it
    spawned.set(name, p);
  }
}, 120_000);
afterAll(async () => {
  await Promise.allSettled(spawned.values());
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** The result of a process started in beforeAll. */
const spawnedRun = (name: keyof typeof SPAWNS & string): Promise<CliResult> => {
  const p = spawned.get(name);
  if (!p) throw new Error(`no spawned run named ${name}`);
  return p;
};
/** The CLI's runCli in this process, with the same DATA_DIR as the spawned runs. */
const run = (args: string[], input?: string) => runCliInProcess(args, { input, env: { DATA_DIR: dataDir } });

const RESULT_KEYS = ['docId', 'id', 'score', 'section', 'snippet', 'text', 'themes', 'title'];

// A test's spawned process may wait its turn behind the others (each search or digest loads jieba's dictionary, ~1.2 s
// alone, several seconds on a shared, loaded machine): these get 60 s.
describe('zhenxing search --json', { timeout: 60_000 }, () => {
  it('prints one object with query, total and full results for 人才振兴', async () => {
    const r = await spawnedRun('search --json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { query: string; total: number; results: Record<string, unknown>[] };
    expect(Object.keys(out).sort()).toEqual(['corrected', 'matched', 'partial', 'query', 'results', 'total']);
    expect(out).toMatchObject({ partial: false, matched: [], corrected: null });
    expect(out.query).toBe('人才振兴');
    expect(out.total).toBeGreaterThanOrEqual(out.results.length);
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(10);
    for (const res of out.results) {
      expect(Object.keys(res).sort()).toEqual(RESULT_KEYS);
      expect(res.id).toMatch(/^\d{3}-\d{3}$/);
      expect(Array.isArray(res.themes)).toBe(true);
      // the snippet is an excerpt of the full passage, with matched words marked
      expect((res.text as string).length).toBeGreaterThanOrEqual((res.snippet as string).replace(/\*\*/g, '').length - 2);
    }
    const top = out.results[0] as { text: string; snippet: string; themes: string[] };
    expect(top.text).toContain('人才');
    expect(top.snippet).toMatch(/\*\*[^*]*人才[^*]*\*\*/);
    expect(top.themes).toContain('talent');
  });

  it('honours --limit and --page without overlapping pages', async () => {
    const p1 = JSON.parse((await run(['search', '乡村振兴', '--json', '--limit', '3'])).stdout) as {
      results: { id: string }[];
      total: number;
    };
    const p2 = JSON.parse((await run(['search', '乡村振兴', '--json', '--limit', '3', '--page', '2'])).stdout) as {
      results: { id: string }[];
    };
    expect(p1.results).toHaveLength(3);
    expect(p2.results).toHaveLength(3);
    expect(p1.total).toBeGreaterThan(6);
    const ids1 = p1.results.map((r) => r.id);
    expect(p2.results.filter((r) => ids1.includes(r.id))).toEqual([]);
  });

  it('returns an empty page past the last one, so a script paging until empty stops', async () => {
    // 头雁 has fewer than 50 results, so page 2 of 50 is past the last one.
    const past = JSON.parse((await run(['search', '头雁', '--json', '--limit', '50', '--page', '2'])).stdout) as {
      total: number;
      results: unknown[];
    };
    expect(past.total).toBeGreaterThan(0);
    expect(past.total).toBeLessThanOrEqual(50);
    expect(past).toEqual({ query: '头雁', total: past.total, partial: false, matched: [], corrected: null, results: [] });
    const text = await run(['search', '头雁', '--page', '40']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('没有更多结果了。');
  });

  it('`主题 产业 集体经济` searches within the theme, as in chat', async () => {
    const out = JSON.parse((await run(['search', '主题', '产业', '集体经济', '--json', '--limit', '50'])).stdout) as {
      query: string;
      total: number;
      results: { themes: string[]; text: string }[];
    };
    expect(out.query).toBe('主题:产业 集体经济');
    expect(out.total).toBeGreaterThan(0);
    for (const r of out.results) {
      expect(r.themes).toContain('industry');
      expect(r.text).toMatch(/集体|经济/);
    }
  });
});

describe('zhenxing search --batch --json', { timeout: 60_000 }, () => {
  it('answers every stdin line with one JSON object, in order, bad lines included', async () => {
    const lines = BATCH_LINES;
    const r = await spawnedRun('search --batch'); // ['search', '--batch', '--json', '--limit', '2'], the lines on stdin
    expect(r.code).toBe(0);
    const outs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { query: string; error?: string; results: unknown[] });
    expect(outs.map((o) => o.query)).toEqual(lines);
    expect(outs[0]?.results.length).toBe(2);
    expect(outs[1]?.error).toEqual(expect.any(String));
    expect(outs[1]?.results).toEqual([]);
    expect(outs[3]?.error).toEqual(expect.any(String));
    expect(outs[6]?.results.length).toBeGreaterThan(0);
    // Written in traditional characters, 鄉村振興 finds the simplified text (asked here: one jieba load less).
    expect((outs[2]?.results[0] as { text: string } | undefined)?.text).toContain('乡村振兴');
  });
});

describe('zhenxing search: partial answers and typo corrections', { timeout: 60_000 }, () => {
  type Out = { query: string; error?: string; total: number; partial: boolean; matched: string[]; corrected: string | null; results: { text: string }[] };

  it('every --batch line says whether it is partial and what was searched after correction', async () => {
    const lines = ['集体经计', '集体经济 飞机', '人才振兴', '"未闭合的引号'];
    const r = await run(['search', '--batch', '--json', '--limit', '3'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const outs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Out);
    expect(outs.map((o) => [o.query, o.partial, o.corrected])).toEqual([
      ['集体经计', false, '集体经济'],
      ['集体经济 飞机', true, null],
      ['人才振兴', false, null],
      ['"未闭合的引号', false, null],
    ]);
    expect(outs[0]?.results[0]?.text).toContain('集体经济');
    expect(outs[1]?.matched).toEqual(['集体经济']);
    for (const res of outs[1]?.results ?? []) expect(res.text).toContain('集体经济');
    expect(outs[3]?.error).toEqual(expect.any(String));
  });

  it('--exact searches the words as typed, without correction', async () => {
    const out = JSON.parse((await run(['search', '集体经计', '--json', '--exact'])).stdout) as Out;
    // 经计 is in no text: only 集体 is, so the answer is partial.
    expect(out).toMatchObject({ query: '集体经计', partial: true, matched: ['集体'], corrected: null });
  });

  it('text output says what was searched and when results match only some of the words', async () => {
    const fixed = await spawnedRun('search text corrected');
    expect(fixed.stdout).toContain('已按“集体经济”搜索（你输入的是“集体经计”）');
    expect(fixed.stdout).toContain('（要按原文搜索，请加引号："集体经计"）');
    const half = await run(['search', '集体经济', '飞机']);
    expect(half.stdout).toContain('没有同时包含全部词语的段落，以下结果只包含：集体经济');
  }, 60_000);
});

describe('zhenxing passages / themes / docs', { timeout: 60_000 }, () => {
  it('passages --json lists every passage with stable ids', async () => {
    // Two runs in two processes: the spawned one and this one.
    const a = JSON.parse((await spawnedRun('passages')).stdout) as Record<string, unknown>[];
    const b = JSON.parse((await run(['passages', '--json'])).stdout) as Record<string, unknown>[];
    expect(a.length).toBeGreaterThan(50);
    expect(Object.keys(a[0] as object).sort()).toEqual(['docId', 'id', 'section', 'text', 'themes', 'title']);
    expect(new Set(a.map((p) => p.id)).size).toBe(a.length);
    expect(b.map((p) => p.id)).toEqual(a.map((p) => p.id));
    for (const p of a) expect(p.title).not.toMatch(/\.txt$|_[0-9a-f]{16}/);
  });

  it('themes --json gives the five themes, each with at least 8 passages', async () => {
    const themes = JSON.parse((await spawnedRun('themes')).stdout) as { id: string; name: string; passageCount: number }[];
    expect(themes.map((t) => t.id)).toEqual(['industry', 'talent', 'culture', 'ecology', 'organization']);
    expect(themes.map((t) => t.name)).toEqual(['产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴']);
    for (const t of themes) expect(t.passageCount, t.id).toBeGreaterThanOrEqual(8);
  });

  it('docs --json gives the catalog of five documents with titles from the texts', async () => {
    const docs = JSON.parse((await spawnedRun('docs')).stdout) as { id: string; articles: { title: string }[] }[];
    expect(docs.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    const titles = docs.flatMap((d) => d.articles.map((a) => a.title));
    expect(titles).toContain('2022年关于新时代党建引领乡村振兴的探讨与研究范文');
  });

  it('prints readable text without --json', async () => {
    const r = await run(['search', '头雁']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('搜索：头雁');
    expect(r.stdout).toMatch(/《[^》]+》/);
    expect(r.stdout).toContain('**头雁**');
  });
});

describe('zhenxing digest', { timeout: 60_000 }, () => {
  it('--json prints the date, theme, 1–5 passages and key terms, the same on every run', async () => {
    const a = await spawnedRun('digest --json');
    expect(a.code).toBe(0);
    const d = JSON.parse(a.stdout) as {
      date: string;
      theme: { id: string; name: string };
      passages: Record<string, unknown>[];
      keywords: string[];
    };
    expect(Object.keys(d).sort()).toEqual(['date', 'keywords', 'passages', 'theme']);
    expect(d.date).toBe('2026-11-24');
    expect(d.theme).toEqual({ id: 'talent', name: '人才振兴' });
    expect(d.passages.length).toBeGreaterThanOrEqual(1);
    expect(d.passages.length).toBeLessThanOrEqual(5);
    for (const p of d.passages) expect(Object.keys(p).sort()).toEqual(['docId', 'id', 'section', 'text', 'title']);
    expect(d.keywords.length).toBeGreaterThan(0);
    // The same in another process (this one).
    expect((await run(['digest', '--date', '2026-11-24', '--json'])).stdout).toBe(a.stdout);
  });

  it('reads DIGEST_TZ and SEEDS_DIR like the bot, naming a bad time zone', async () => {
    const bad = await spawnedRun('bad DIGEST_TZ');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('zhenxing: DIGEST_TZ is not a known IANA time zone, e.g. "Asia/Shanghai"; got "Mars/Base"\n');
    const missing = await spawnedRun('missing SEEDS_DIR');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('/nonexistent-seeds');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--theme overrides the theme of the date; without --json it reads like the chat message', async () => {
    const d = JSON.parse((await run(['digest', '--date', '2026-11-24', '--theme', '生态', '--json'])).stdout) as {
      theme: { id: string };
    };
    expect(d.theme.id).toBe('ecology');
    const text = await spawnedRun('digest text');
    expect(text.stdout.split('\n')[0]).toBe('每日一读 · 组织振兴 · 11月22日 星期日');
    expect(text.stdout).toContain('今日关键词：');
  });

  it('names a bad date or theme and exits 2', async () => {
    const bad = await spawnedRun('bad date');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2026-02-30');
    const theme = await spawnedRun('bad theme');
    expect(theme.code).toBe(2);
    expect(theme.stderr).toContain('体育');
    expect(theme.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('usage errors', { timeout: 60_000 }, () => {
  it.each(USAGE_ERRORS)('zhenxing %j exits 2 with one line', async (args, first) => {
    const r = await spawnedRun(`usage ${JSON.stringify(args)}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(first)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
