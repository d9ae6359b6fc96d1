/**
 * Near-duplicate passages (a paragraph the source printed twice, a page re-set after a column break) are grouped
 * into clusters at index time; search shows one passage per cluster. Exact copies are found by hashing; near copies
 * by comparing sampled character 4-gram shingles through an inverted index, so only passages that share shingles
 * are ever compared.
 */

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

/** Sampled hashes of the key's 4-character shingles (FNV-1a over UTF-16 units; keys are mostly BMP Han text). */
function shingles(key: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= key.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    h >>>= 0;
    if (h % SAMPLE === 0) set.add(h);
  }
  return set;
}

/**
 * Clusters texts (already reduced to a comparison key, e.g. letters and digits only) and returns, for each text,
 * the index of its cluster's representative: the earliest text of the cluster.
 */
export function clusterNearDuplicates(keys: readonly string[], options: DedupeOptions = {}): number[] {
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

  // Exact copies first: only one of each goes on to the shingle comparison.
  const firstByKey = new Map<string, number>();
  const distinct: number[] = [];
  keys.forEach((key, i) => {
    const seen = firstByKey.get(key);
    if (seen === undefined) {
      firstByKey.set(key, i);
      distinct.push(i);
    } else union(seen, i);
  });

  const sets = new Map<number, Set<number>>();
  const postings = new Map<number, number[]>();
  for (const i of distinct) {
    const set = shingles(keys[i] as string);
    if (set.size < o.minShingles) continue;
    sets.set(i, set);
    // Candidates: earlier passages sharing a shingle that is not a stock phrase (see MAX_POSTINGS). A near copy
    // shares most of its shingles, so it shares rare ones too.
    const candidates = new Set<number>();
    for (const h of set) {
      const list = postings.get(h);
      if (list && list.length <= MAX_POSTINGS) for (const j of list) candidates.add(j);
    }
    for (const j of candidates) {
      const other = sets.get(j) as Set<number>;
      const [small, large] = set.size <= other.size ? [set, other] : [other, set];
      let common = 0;
      for (const h of small) if (large.has(h)) common++;
      const jac = common / (set.size + other.size - common);
      const contain = common / small.size;
      if (jac >= o.jaccard || contain >= o.containment) union(j, i);
    }
    for (const h of set) {
      const list = postings.get(h);
      if (!list) postings.set(h, [i]);
      // Past the cap a list is never read again: stop growing it.
      else if (list.length <= MAX_POSTINGS) list.push(i);
    }
  }
  return keys.map((_, i) => find(i));
}
