/**
 * The query memo (engine.ts `understand`): what the last few queries were understood as, kept per query as typed and
 * whether corrections were wanted. A query comes again within a few searches or not at all for the memo's purpose: the
 * feedback ranking's second fetch and a page turn ask at once, a chat platform's retry within seconds, with a handful of
 * other queries between them at a team's pace. So the memo is a ring of a few entries looked through newest first by
 * string equality: no key string is built (a concatenation, flattened and hashed by a Map on every search), and an
 * entry is dropped after `size` searches, young enough to die in the collector's nursery rather than be copied into
 * the old space as 256 kept analyses were (round 28, docs/search.md).
 */
export interface RecentMemo<V> {
  /** The value kept for `query` and `flag`, or undefined. */
  get(query: string, flag: boolean): V | undefined;
  /** Keeps `value` for `query` and `flag` (not held: callers set only after a miss), dropping the oldest when full. */
  set(query: string, flag: boolean, value: V): void;
  /** Entries held. */
  readonly size: number;
}

/** A memo of the last `size` entries (0, a negative or a non-finite size: keeps none). */
export function createRecentMemo<V>(size: number): RecentMemo<V> {
  // NaN or Infinity (an option read from elsewhere) keeps none rather than failing to allocate.
  const most = Number.isFinite(size) ? Math.max(0, Math.trunc(size)) : 0;
  const queries: (string | undefined)[] = new Array<string | undefined>(most).fill(undefined);
  const flags: boolean[] = new Array<boolean>(most).fill(false);
  const values: (V | undefined)[] = new Array<V | undefined>(most).fill(undefined);
  /** The slot the next entry goes to (the oldest, once full). */
  let next = 0;
  let held = 0;
  return {
    get(query, flag) {
      // Newest first: the slots before `next`, then (once it has wrapped) those after it.
      for (let k = 0, i = next - 1; k < held; k++, i--) {
        if (i < 0) i = most - 1;
        if (queries[i] === query && flags[i] === flag) return values[i];
      }
      return undefined;
    },
    set(query, flag, value) {
      if (most === 0) return;
      queries[next] = query;
      flags[next] = flag;
      values[next] = value;
      next = next + 1 === most ? 0 : next + 1;
      if (held < most) held++;
    },
    get size() {
      return held;
    },
  };
}
