/**
 * The curator's report: what people asked most, what found nothing or only partial answers, and the votes per
 * passage — the material for growing the vocabulary.
 */
import type { SearchLogEntry } from './search-log.js';
import type { Vote } from './votes.js';

export interface FeedbackReport {
  queries: { query: string; count: number }[];
  /**
   * Queries that found nothing or only partial results. `count` is how often; `partial` is true when every one of
   * those searches returned partial results (so the texts hold some of the words), false when any found nothing.
   */
  misses: { query: string; count: number; partial: boolean }[];
  feedback: { passageId: string; query: string; up: number; down: number }[];
}

export interface ReportOptions {
  /** Longest lists. Default 50. */
  top?: number;
}

const byCount = <T extends { count: number; query: string }>(a: T, b: T) => b.count - a.count || a.query.localeCompare(b.query);

export function buildReport(entries: readonly SearchLogEntry[], votes: readonly Vote[], options: ReportOptions = {}): FeedbackReport {
  const top = options.top ?? 50;
  const asked = new Map<string, number>();
  const missed = new Map<string, { count: number; partial: boolean }>();
  for (const e of entries) {
    asked.set(e.query, (asked.get(e.query) ?? 0) + 1);
    if (e.count === 0 || e.partial) {
      const m = missed.get(e.query) ?? { count: 0, partial: true };
      m.count += 1;
      if (e.count === 0) m.partial = false;
      missed.set(e.query, m);
    }
  }
  const tallies = new Map<string, { passageId: string; query: string; up: number; down: number }>();
  for (const v of votes) {
    const key = `${v.query}\u0000${v.passageId}`;
    const t = tallies.get(key) ?? { passageId: v.passageId, query: v.query, up: 0, down: 0 };
    t[v.value] += 1;
    tallies.set(key, t);
  }
  return {
    queries: [...asked].map(([query, count]) => ({ query, count })).sort(byCount).slice(0, top),
    misses: [...missed].map(([query, m]) => ({ query, count: m.count, partial: m.partial })).sort(byCount).slice(0, top),
    feedback: [...tallies.values()]
      .sort((a, b) => b.up + b.down - (a.up + a.down) || a.query.localeCompare(b.query) || a.passageId.localeCompare(b.passageId))
      .slice(0, top * 4),
  };
}
