/**
 * How votes move results for the same normalised query, kept small enough to explain in one line:
 * - a passage two or more different users voted 👎 on (and fewer 👍 than 👎) moves below every other result;
 * - otherwise each 👍 more than 👎 lifts it one place, at most MAX_LIFT places.
 * Nothing is added or removed, and other queries are untouched: votes are looked up by the exact normalised query.
 */
import type { Tally } from './votes.js';

/** The most places 👍 can lift a passage. */
export const MAX_LIFT = 3;
/** Different users' 👎 it takes to move a passage below the others. */
export const DEMOTE_AT = 2;

/** Why a result sits where it does, for `search --json` and logs. */
export interface FeedbackEffect {
  up: number;
  down: number;
  /** 'lifted' by 👍, 'lowered' below the others by 👎, or 'none'. */
  effect: 'lifted' | 'lowered' | 'none';
  /** 1-based rank the engine gave it, within the re-ranked window. */
  engineRank: number;
  /** 1-based rank after votes. */
  rank: number;
}

/** The effect a tally has, before positions are known. */
function effectOf(t: Tally | undefined): { kind: FeedbackEffect['effect']; lift: number } {
  if (!t) return { kind: 'none', lift: 0 };
  if (t.down >= DEMOTE_AT && t.down > t.up) return { kind: 'lowered', lift: 0 };
  const lift = Math.min(MAX_LIFT, t.up - t.down);
  return lift > 0 ? { kind: 'lifted', lift } : { kind: 'none', lift: 0 };
}

/**
 * Re-orders `items` (the engine's order) by the votes in `tallies` (passage id → tally). Returns the items in their
 * new order with, for each, the effect (items without votes get none).
 */
export function applyFeedback<T extends { id: string }>(
  items: readonly T[],
  tallies: ReadonlyMap<string, Tally>,
): { item: T; feedback: FeedbackEffect | undefined }[] {
  const keyed = items.map((item, i) => {
    const t = tallies.get(item.id);
    const e = effectOf(t);
    // Lowered items keep their order among themselves, after everything else; a lift of k puts an item just ahead
    // of the one k places above it.
    const key = e.kind === 'lowered' ? items.length + i : i - e.lift - 0.5 * Math.sign(e.lift);
    return { item, i, t, e, key };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed.map((k, rank) => ({
    item: k.item,
    feedback: k.t ? { up: k.t.up, down: k.t.down, effect: k.e.kind, engineRank: k.i + 1, rank: rank + 1 } : undefined,
  }));
}
