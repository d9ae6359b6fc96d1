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

/** Slots a fresh (or just emptied) table starts with; it doubles as it fills, up to what `limit` answers need. */
const FIRST_SLOTS = 64;
/** Characters at either end of a key that its hash reads; a key up to twice as long is hashed whole. */
const END = 8;

/**
 * A string's hash from its length and at most its first and last {@link END} characters: a long key costs no more to
 * hash than a short one (keys sharing both ends and the length collide, and are told apart by comparing them whole).
 */
export function endsHash(key: string): number {
  const n = key.length;
  let h = Math.imul(n, 0x9e3779b1);
  if (n <= 2 * END) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < END; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let i = n - END; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  // Murmur3's finaliser: every bit of the hash bears on the low bits the table's mask keeps.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A table of `keySlots` empty key slots, each with its answer slot after it. */
const emptySlots = (keySlots: number): unknown[] => new Array<unknown>(2 * keySlots).fill(undefined);

/**
 * The memo of string keys: an open-addressed table (linear probing) of its own, keys at the even slots of one array
 * and each key's answer at the odd slot after it, so that a read is one probe of one array where it was a probe of a
 * large Map (its hash of every character of a fresh key, its bucket, its entry: every read of these memos is a hit,
 * and a cold one). At most half the slots are ever taken. Keys of other types (no caller has them today) go to a Map
 * beside it; the limit counts both.
 */
class Memo<K, V> implements BoundedMemo<K, V> {
  /** key, answer, key, answer … ; an empty slot's key is undefined. */
  private slots = emptySlots(FIRST_SLOTS);
  /** Key slots less one, a power of two less one. */
  private mask = FIRST_SLOTS - 1;
  /** String keys held. */
  private count = 0;
  /** Answers of keys that are not strings. */
  private others: Map<K, V> | undefined;

  constructor(private readonly most: number) {}

  get size(): number {
    return this.count + (this.others?.size ?? 0);
  }

  get(key: K): V | undefined {
    if (typeof key !== 'string') return this.others?.get(key);
    const slots = this.slots;
    const mask = this.mask;
    let i = endsHash(key) & mask;
    for (;;) {
      const held = slots[2 * i];
      if (held === undefined) return undefined;
      if (held === key) return slots[2 * i + 1] as V;
      i = (i + 1) & mask;
    }
  }

  set(key: K, value: V): V {
    if (this.size >= this.most) this.clear();
    if (typeof key !== 'string') {
      (this.others ??= new Map()).set(key, value);
      return value;
    }
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let i = endsHash(key) & mask;
    for (;;) {
      const held = slots[2 * i];
      if (held === undefined) {
        slots[2 * i] = key;
        this.count++;
        break;
      }
      if (held === key) break;
      i = (i + 1) & mask;
    }
    slots[2 * i + 1] = value;
    return value;
  }

  /** Forgets every answer; the table shrinks back to its first size. */
  private clear(): void {
    this.slots = emptySlots(FIRST_SLOTS);
    this.mask = FIRST_SLOTS - 1;
    this.count = 0;
    this.others?.clear();
  }

  /** Twice the key slots, every key placed anew. */
  private grow(): void {
    const old = this.slots;
    const keySlots = 2 * (this.mask + 1);
    const slots = emptySlots(keySlots);
    const mask = keySlots - 1;
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j];
      if (key === undefined) continue;
      let i = endsHash(key as string) & mask;
      while (slots[2 * i] !== undefined) i = (i + 1) & mask;
      slots[2 * i] = key;
      slots[2 * i + 1] = old[j + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * A {@link BoundedMemo} holding at most `limit` answers (at least 1). Keys compare as Map keys do (strings by value).
 */
export function createBoundedMemo<K, V>(limit: number): BoundedMemo<K, V> {
  return new Memo<K, V>(Math.max(1, Math.trunc(limit)));
}
