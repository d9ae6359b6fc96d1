import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSharedCorpus } from '../helpers/shared-index.js';

// The form of test/fixtures/eval-blind.json, the blind judged set (written without reading or running the engine
// and without seeing any other set) kept for the end-of-session verdict. Only its shape is checked here: the search
// engine is not run on it in this file, and no assertion message carries a query text (messages name ids only), so
// a red run never becomes a reason to read its queries — or the other sets' queries it is compared with.

interface BlindQuery {
  id: string;
  kind: string;
  query: string;
  relevant: string[];
  expect?: string;
}

const KINDS = [
  'mention',
  'politeness',
  'material',
  'typo',
  'everyday',
  'question',
  'traditional',
  'english',
  'number',
  'fact',
  'theme',
  'keyword',
  'no-match',
];

function readSet(name: string): { about: string; queries: BlindQuery[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as {
    about: string;
    queries: BlindQuery[];
  };
}

describe('eval-blind.json (blind, never-tuned judged chat queries)', () => {
  const set = readSet('eval-blind.json');
  const queries = set.queries;
  const judged = queries.filter((q) => q.expect !== 'no-full-match');
  const noMatch = queries.filter((q) => q.expect === 'no-full-match');

  it('says what it is: dated, written blind, judged by reading passages, never tuned against', () => {
    expect(set.about).toContain('2026-12-01');
    expect(set.about).toContain('Never tuned against');
    expect(set.about).toContain('zhenxing passages');
    expect(set.about).toContain('blind');
  });

  it('holds ≥ 170 judged queries and ≥ 15 with no relevant passage', () => {
    expect(judged.length).toBeGreaterThanOrEqual(170);
    expect(noMatch.length).toBeGreaterThanOrEqual(15);
  });

  it('has unique ids of the form blind-<kind>-NN and unique query texts', () => {
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    expect(new Set(queries.map((q) => q.query.trim())).size).toBe(queries.length);
    for (const q of queries) {
      expect(q.id.startsWith(`blind-${q.kind}-`), q.id).toBe(true);
      expect(/^blind-[a-z-]+-\d{2}$/.test(q.id), q.id).toBe(true);
      expect(typeof q.query === 'string' && q.query.trim().length > 0, q.id).toBe(true);
    }
  });

  it('covers every kind and no other', () => {
    const kinds = new Set(queries.map((q) => q.kind));
    for (const k of KINDS) expect(kinds.has(k), k).toBe(true);
    for (const k of kinds) expect(KINDS.includes(k), k).toBe(true);
  });

  it('weights the kinds toward realistic chat: ≥ 25 question, ≥ 22 everyday, ≥ 18 english, ≥ 12 of each other', () => {
    const count = (k: string) => queries.filter((q) => q.kind === k).length;
    const floor: Record<string, number> = { question: 25, everyday: 22, english: 18, 'no-match': 15 };
    for (const k of KINDS) expect(count(k), k).toBeGreaterThanOrEqual(floor[k] ?? 12);
  });

  it('names only passages that exist in the loaded corpus, each once', () => {
    const { byId } = getSharedCorpus();
    for (const q of judged) {
      expect(q.relevant.length, q.id).toBeGreaterThan(0);
      expect(new Set(q.relevant).size, q.id).toBe(q.relevant.length);
      for (const id of q.relevant) expect(byId.has(id), `${q.id} → ${id}`).toBe(true);
      expect(q.expect, q.id).toBeUndefined();
    }
  });

  it('gives no-match queries an empty relevant list and the no-full-match expectation, under the no-match kind', () => {
    for (const q of noMatch) {
      expect(q.relevant, q.id).toEqual([]);
      expect(q.kind, q.id).toBe('no-match');
    }
    for (const q of queries.filter((x) => x.kind === 'no-match')) expect(q.expect, q.id).toBe('no-full-match');
  });

  it('copies no query from the other judged sets (compared by the test, never printed)', () => {
    const others = new Set<string>();
    for (const name of [
      'eval-queries.json',
      'eval-chat.json',
      'eval-heldout.json',
      'eval-unseen.json',
      'eval-fresh.json',
    ]) {
      type Entry = { query?: unknown };
      const raw = JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as
        | Entry[]
        | { queries?: Entry[] };
      const list = Array.isArray(raw) ? raw : (raw.queries ?? []);
      for (const q of list) if (typeof q.query === 'string') others.add(q.query.trim());
    }
    expect(others.size).toBeGreaterThan(0);
    const copied = queries.filter((q) => others.has(q.query.trim())).map((q) => q.id);
    // Four blind queries came out word for word like tuning queries that other engineers wrote for eval-chat.json in
    // the same round, independently (chat-everyday3-18, chat-question7-25/27/76). They stay in the set and in its
    // figures, and the closing note and docs/search.md say so; no other may appear.
    expect(copied).toEqual(['blind-everyday-20', 'blind-fact-02', 'blind-fact-06', 'blind-fact-07']);
  });
});
