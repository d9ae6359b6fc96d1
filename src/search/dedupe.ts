/**
 * Near-duplicate passages (a paragraph the source printed twice, a page re-set after a column break) are grouped
 * into clusters at index time; search shows one passage per cluster. Exact copies are found by hashing; near copies
 * by comparing sampled character 4-gram shingles through an inverted index, so only passages that share shingles
 * are ever compared.
 */
import { runNow, type Steps } from './pace.js';

export interface DedupeOptions {
  /** Jaccard similarity of shingle sets at or above which two passages are near-identical. Default 0.8. */
  jaccard?: number;
  /** Share of the shorter passage's shingles found in the longer one at or above which it counts as a copy. Default 0.9. */
  containment?: number;
  /** Passages with fewer shingles than this are only collapsed when exactly equal. Default 8. */
  minShingles?: number;
}

const DEFAULTS: Required<DedupeOptions> = { jaccard: 0.8, containment: 0.9, minShingles: 8 };
/**
 * A shingle found in more passages than this is a stock phrase (乡村振兴战略, 基层党组织), not evidence of copying:
 * comparing through it would make clustering quadratic in a large library (27 s for 10 000 passages). Pairs are
 * found through their rarer shared shingles, and their overlap is then counted exactly.
 */
const MAX_POSTINGS = 48;
const SHINGLE = 4;
// Keep one shingle hash in SAMPLE: a consistent sample (same rule for every passage) keeps set overlap estimates
// unbiased while cutting the work by that factor.
const SAMPLE = 2;

/** Sampled hashes of the key's 4-character shingles (FNV-1a over UTF-16 units; keys are mostly BMP Han text), sorted, unique. */
function shingles(key: string): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= key.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    h >>>= 0;
    if (h % SAMPLE === 0) out.push(h);
  }
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (n === 0 || sorted[k] !== sorted[n - 1]) sorted[n++] = sorted[k] as number;
  return sorted.subarray(0, n);
}

/**
 * Shingles two sorted sets share, counted by a merge; gives up (returns -1) as soon as `need` can no longer be
 * reached, which is most comparisons: candidates share a rare shingle but are seldom copies.
 */
function sharedCount(a: Uint32Array, b: Uint32Array, need: number): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (common + Math.min(a.length - i, b.length - j) < need) return -1;
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/**
 * Clusters texts (already reduced to a comparison key, e.g. letters and digits only) and returns, for each text,
 * the index of its cluster's representative: the earliest text of the cluster.
 */
export function clusterNearDuplicates(keys: readonly string[], options: DedupeOptions = {}): number[] {
  return runNow(nearDuplicateSteps(keys, options));
}

/** {@link clusterNearDuplicates} as steps that may pause after each text compared (see pace.ts). */
export function* nearDuplicateSteps(keys: readonly string[], options: DedupeOptions = {}): Steps<number[]> {
  const o = { ...DEFAULTS, ...options };
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The earlier passage stays the representative.
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  };
  /** Whether two sets of these sizes sharing `common` shingles are copies. */
  const copies = (common: number, size: number, otherSize: number): boolean =>
    common / (size + otherSize - common) >= o.jaccard || common / Math.min(size, otherSize) >= o.containment;

  // Exact copies first: only one of each goes on to the shingle comparison.
  const firstByKey = new Map<string, number>();
  const distinct: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const seen = firstByKey.get(key);
    if (seen === undefined) {
      firstByKey.set(key, i);
      distinct.push(i);
    } else union(seen, i);
    if (i % 256 === 255) yield;
  }

  const sets: (Uint32Array | undefined)[] = [];
  const postings = new Map<number, number[]>();
  // Candidates of the current passage, marked with its index + 1 so that each is compared once.
  const mark = new Int32Array(keys.length);
  const rare = new Int32Array(keys.length);
  const candidates: number[] = [];
  for (const i of distinct) {
    const set = shingles(keys[i] as string);
    if (set.length < o.minShingles) continue;
    sets[i] = set;
    // Candidates: earlier passages sharing a shingle that is not a stock phrase (see MAX_POSTINGS). A near copy
    // shares most of its shingles, so it shares rare ones too.
    // Each candidate's count of rare shingles shared; with the stock shingles (whose lists are not read) that bounds
    // what it can share at all: a later passage holding a shingle is on its list unless the list was full already.
    candidates.length = 0;
    let stock = 0;
    for (const h of set) {
      const list = postings.get(h);
      if (list && list.length > MAX_POSTINGS) stock++;
      else if (list) {
        for (const j of list) {
          if (mark[j] !== i + 1) {
            mark[j] = i + 1;
            rare[j] = 1;
            candidates.push(j);
          } else rare[j] = (rare[j] as number) + 1;
        }
      }
    }
    for (const j of candidates) {
      // Already in one cluster (through another copy): comparing again could change nothing.
      if (find(j) === find(i)) continue;
      const other = sets[j] as Uint32Array;
      // The fewest shared shingles that would make them copies (the test is monotone in the count).
      const small = Math.min(set.length, other.length);
      const sum = set.length + other.length;
      let need = Math.max(0, Math.min(Math.floor((o.jaccard * sum) / (1 + o.jaccard)), Math.floor(o.containment * small)) - 1);
      while (need > 0 && copies(need - 1, set.length, other.length)) need--;
      while (need <= small && !copies(need, set.length, other.length)) need++;
      if (need > small || (rare[j] as number) + stock < need) continue;
      const common = sharedCount(set, other, need);
      if (common >= 0 && copies(common, set.length, other.length)) union(j, i);
    }
    for (const h of set) {
      const list = postings.get(h);
      if (!list) postings.set(h, [i]);
      // Past the cap a list is never read again: stop growing it.
      else if (list.length <= MAX_POSTINGS) list.push(i);
    }
    yield;
  }
  return keys.map((_, i) => find(i));
}
