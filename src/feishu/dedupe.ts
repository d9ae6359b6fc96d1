/** Remembers keys for a while, to answer a redelivered event (same message_id) once. Bounded in size. */
export interface Dedupe {
  /** True when the key was seen within the TTL; records it otherwise. */
  seen(key: string): boolean;
  /** Drops a key, so the next seen(key) is false (e.g. after the work it guarded failed). */
  forget(key: string): void;
  readonly size: number;
}

export function createDedupe(options: { ttlMs: number; maxEntries: number; now?: () => number }): Dedupe {
  const now = options.now ?? Date.now;
  // Map keeps insertion order, so the oldest entries are first: expiry and eviction both trim from the front.
  const entries = new Map<string, number>();
  function prune(t: number) {
    for (const [key, expires] of entries) {
      if (expires > t && entries.size <= options.maxEntries) break;
      entries.delete(key);
    }
  }
  return {
    seen(key) {
      const t = now();
      prune(t);
      const expires = entries.get(key);
      if (expires !== undefined && expires > t) return true;
      entries.set(key, t + options.ttlMs);
      prune(t);
      return false;
    },
    forget(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
