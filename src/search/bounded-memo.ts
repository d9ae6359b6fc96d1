/**
 * A bounded memo: answers kept per key, all forgotten at once when `limit` entries are held. The engine keeps many
 * such per-library answers (whether a string occurs, the article a name belongs to, a query's held stretch …): they
 * depend on the key and the library alone, recur across queries, and must not grow without bound in a long-running
 * bot fed arbitrary queries. Forgetting everything at once, rather than the oldest entry, costs nothing per read.
 */
export interface BoundedMemo<K, V> {
  /** The answer kept for `key`, or undefined. */
  get(key: K): V | undefined;
  /** Keeps `value` for `key` (forgetting every answer first when `limit` are held) and returns it. */
  set(key: K, value: V): V;
  /** Answers held. */
  readonly size: number;
}

/**
 * A {@link BoundedMemo} holding at most `limit` answers (at least 1). Keys compare as Map keys do (strings by value).
 */
export function createBoundedMemo<K, V>(limit: number): BoundedMemo<K, V> {
  const most = Math.max(1, Math.trunc(limit));
  const map = new Map<K, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= most) map.clear();
      map.set(key, value);
      return value;
    },
    get size() {
      return map.size;
    },
  };
}
