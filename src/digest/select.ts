/**
 * Which passages the digest may quote, in what order, and how they are grouped into days. Everything here is a pure
 * function of the corpus: the same corpus gives the same schedule on every machine and every start.
 */
import { THEME_IDS, type Passage, type ThemeId } from '../corpus/types.js';

/** Why a passage is held back or ranked lower; a passage with none of these is "clean". */
export type Flaw =
  /** Web chrome or boilerplate that survived cleaning: links, disclaimers, "来源：", share prompts … */
  | 'chrome'
  /** Too short to stand alone as a reading (a heading, a list stub). */
  | 'short'
  /** The source itself cuts the passage mid-sentence (Passage.fragment). */
  | 'fragment'
  /** Starts with a continuation mark or does not end a sentence. */
  | 'incomplete'
  /** More than one anonymisation placeholder (xx, xxxx年 …): hard to read aloud. */
  | 'placeholders';

export interface Assessment {
  /** Chrome and short passages are never quoted. */
  eligible: boolean;
  /** Eligible and with no flaw: preferred over the rest. */
  clean: boolean;
  flaws: Flaw[];
  /** 0…1: 1 for a clean passage of comfortable length, lower for each flaw. */
  readability: number;
}

export interface SelectionOptions {
  /** Passages per digest, the lead included: 1 to 5. Default 3. */
  passagesPerDigest?: number;
  /** Fewer clean passages than this in a theme and its flawed-but-eligible ones join the pool. Default 2 × passagesPerDigest. */
  minPool?: number;
  /** Shortest passage quoted, in characters. Default 40. */
  minChars?: number;
}

export interface ResolvedSelectionOptions {
  passagesPerDigest: number;
  minPool: number;
  minChars: number;
}

/** Defaults merged in one place. */
export function resolveSelectionOptions(options: SelectionOptions = {}): ResolvedSelectionOptions {
  const passagesPerDigest = Math.min(5, Math.max(1, Math.floor(options.passagesPerDigest ?? 3)));
  return {
    passagesPerDigest,
    minPool: options.minPool ?? 2 * passagesPerDigest,
    minChars: options.minChars ?? 40,
  };
}

/**
 * Boilerplate a cleaned passage should not contain; the corpus cleaner removes these, this is the digest's own
 * guard because a reading posted to a channel is the most visible place one could slip through.
 */
const CHROME_PATTERNS: RegExp[] = [
  /https?:\/\/|www\.|\.(?:com|cn|net|html?)\b/i,
  /免责声明|转载请|版权所有|本文移动端|推荐范文|公文驿站|MORE\s*>>|网络整理/i,
  // Labels, not prose: 分享到 or 来源 inside a sentence is ordinary Chinese, followed by a colon it is page furniture.
  /(?:来源|出自|责任编辑|链接地址|分享到|上一篇|下一篇)[:：]|扫一扫|QQ群|微信群/,
  /\b\d{1,2}:\d{2}\s*(?:am|pm)\b/i,
  /[（(]?下转第\s*\d+\s*页[）)]?/,
];

/** Sentence ends (the splitter's 。！？； and their ASCII forms), optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[。！？!?…；;][”’」』"')）]*$/;
/** A passage that opens on these continues a sentence begun elsewhere. */
const CONTINUATION_START = /^[，、；：,;:。！？”’）)]/;

const CJK = /[\u3400-\u9fff]/g;

/** Judges one passage on its own, without regard to theme. */
export function assessPassage(
  passage: Passage,
  options: Pick<ResolvedSelectionOptions, 'minChars'> = { minChars: 40 },
  /** The passage before it in the same article, if any: when that one stops mid-sentence, this one starts mid-sentence. */
  previous?: Passage,
): Assessment {
  const text = passage.text.trim();
  const flaws: Flaw[] = [];
  const cjk = text.match(CJK)?.length ?? 0;
  if (CHROME_PATTERNS.some((re) => re.test(text)) || cjk < text.length * 0.5) flaws.push('chrome');
  if (text.length < options.minChars) flaws.push('short');
  if (passage.fragment) flaws.push('fragment');
  const continues = previous !== undefined && !SENTENCE_END.test(previous.text.trim());
  if (continues || CONTINUATION_START.test(text) || !SENTENCE_END.test(text)) flaws.push('incomplete');
  if (passage.placeholders > 1) flaws.push('placeholders');

  const eligible = !flaws.includes('chrome') && !flaws.includes('short');
  let readability = 1;
  if (flaws.includes('fragment')) readability -= 0.35;
  if (flaws.includes('incomplete')) readability -= 0.25;
  readability -= 0.1 * Math.min(passage.placeholders, 4);
  // Comfortable reading length is roughly 80–300 characters; very long passages tire in a chat message.
  if (text.length < 80) readability -= 0.1;
  if (text.length > 400) readability -= 0.1;
  return { eligible, clean: eligible && flaws.length === 0, flaws, readability: Math.max(0.05, readability) };
}

/** A passage with its standing in one theme's pool. */
export interface Candidate {
  passage: Passage;
  assessment: Assessment;
  /** Theme score × readability: the pool's sort key. */
  score: number;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.passage.id.localeCompare(b.passage.id);
}

/**
 * Each theme's ranked pool. Pools are disjoint — a passage belongs to its strongest theme only — so no passage can
 * come back under another theme a day later. A theme left with fewer than `minPool` passages borrows, strongest
 * first, passages that also carry its label from themes that can spare them.
 */
export function buildPools(passages: readonly Passage[], options: ResolvedSelectionOptions): Map<ThemeId, Candidate[]> {
  const assessed = passages
    .map((passage, i) => {
      const before = passages[i - 1];
      const previous = before && before.articleId === passage.articleId ? before : undefined;
      return { passage, assessment: assessPassage(passage, options, previous) };
    })
    .filter((x) => x.assessment.eligible && x.passage.themes.length > 0);

  const owner = new Map<string, ThemeId>();
  for (const { passage } of assessed) owner.set(passage.id, passage.themes[0] as ThemeId);
  const countOwned = (theme: ThemeId) => {
    let n = 0;
    for (const t of owner.values()) if (t === theme) n++;
    return n;
  };

  for (const theme of THEME_IDS) {
    let owned = countOwned(theme);
    if (owned >= options.minPool) continue;
    const lenders = assessed
      .filter((x) => x.passage.themes.includes(theme) && owner.get(x.passage.id) !== theme)
      .sort(
        (a, b) =>
          b.passage.themeScores[theme] * b.assessment.readability - a.passage.themeScores[theme] * a.assessment.readability ||
          a.passage.id.localeCompare(b.passage.id),
      );
    for (const x of lenders) {
      if (owned >= options.minPool) break;
      const from = owner.get(x.passage.id) as ThemeId;
      if (countOwned(from) <= options.minPool) continue;
      owner.set(x.passage.id, theme);
      owned++;
    }
  }

  const pools = new Map<ThemeId, Candidate[]>();
  for (const theme of THEME_IDS) {
    const mine = assessed
      .filter((x) => owner.get(x.passage.id) === theme)
      .map((x) => ({ ...x, score: x.passage.themeScores[theme] * x.assessment.readability }));
    const clean = mine.filter((c) => c.assessment.clean).sort(byScore);
    const flawed = mine.filter((c) => !c.assessment.clean).sort(byScore);
    // Flawed passages are only read when the clean ones alone cannot keep a theme from repeating.
    pools.set(theme, clean.length >= options.minPool ? clean : [...clean, ...flawed]);
  }
  return pools;
}

/**
 * Splits a ranked pool into the readings of successive rounds. The best passages lead, one per round (round 0 gets
 * the best); the rest fill the rounds in rank order, one layer at a time (every round gets a second passage before
 * any gets a third), each going to the earliest round of the layer that has nothing yet from its document, or
 * failing that the earliest of the layer. Then passages are traded between rounds so that the others come from a
 * different document than the lead wherever a trade allows it (see mixDocuments and separateFromLeads). Every passage
 * of the pool is in exactly one round, so a passage comes back only once the whole pool has been read; rounds hold
 * `perDigest` passages, some one fewer.
 */
export function buildRounds(pool: readonly Candidate[], perDigest: number): Passage[][] {
  const ranked = pool.map((c) => c.passage);
  const count = Math.ceil(ranked.length / perDigest);
  // A reading opens on a whole thought: a passage that stops on "；" leads only when too few others can.
  const leads = [...ranked.filter((p) => !endsOpen(p)), ...ranked.filter(endsOpen)].slice(0, count);
  const isLead = new Set(leads);
  const rounds: Passage[][] = leads.map((lead) => [lead]);
  for (const p of ranked.filter((q) => !isLead.has(q))) {
    // Second passages for every round before any gets a third, so no round is left thin.
    const shortest = Math.min(...rounds.map((r) => r.length));
    const open = rounds.filter((r) => r.length === shortest);
    const target = open.find((r) => !r.some((q) => q.docId === p.docId)) ?? open[0];
    target?.push(p);
  }
  mixDocuments(rounds);
  separateFromLeads(rounds);
  for (const round of rounds) {
    // Last resort, within a round: another of its passages leads if the lead still stops on "；".
    const better = round[0] && endsOpen(round[0]) ? round.findIndex((p) => !endsOpen(p)) : -1;
    if (better > 0) [round[0], round[better]] = [round[better] as Passage, round[0] as Passage];
  }
  return rounds;
}

/** A passage that stops on "；" (or ";"): the sentence goes on in the source. */
export function endsOpen(p: Passage): boolean {
  return /[；;][”’」』"')）]*$/u.test(p.text.trim());
}

const docCount = (round: readonly Passage[]) => new Set(round.map((p) => p.docId)).size;

/**
 * The layered fill can leave a round whose passages all come from one document even though another round could
 * trade with it. Swap non-lead passages between rounds wherever that gives a single-document round a second
 * document without taking one away from the other round.
 */
function mixDocuments(rounds: Passage[][]): void {
  for (const round of rounds) {
    if (round.length < 2 || docCount(round) > 1) continue;
    swap: for (let i = 1; i < round.length; i++) {
      for (const other of rounds) {
        if (other === round) continue;
        for (let j = 1; j < other.length; j++) {
          const mine = round[i] as Passage;
          const theirs = other[j] as Passage;
          if (theirs.docId === mine.docId) continue;
          const before = docCount(other);
          round[i] = theirs;
          other[j] = mine;
          if (docCount(round) > 1 && docCount(other) >= Math.min(before, 2)) break swap;
          round[i] = mine;
          other[j] = theirs;
        }
      }
    }
  }
}

/** Non-lead passages from the lead's own document. */
const sharingLead = (round: readonly Passage[]) => round.slice(1).filter((p) => p.docId === round[0]?.docId).length;

/**
 * The layered fill places each passage by rank, so a round can end up with a passage from its lead's document
 * while another round could take that passage. Moves such a passage to another round — trading it for one of that
 * round's non-lead passages, or into the free place of a round one passage short — whenever neither round ends up
 * with fewer documents or more passages sharing its lead's document. Each move lowers the number of passages that
 * share their lead's document, so this ends; the first move found is taken, so the result is a pure function of
 * the pool.
 */
function separateFromLeads(rounds: Passage[][]): void {
  const longest = Math.max(0, ...rounds.map((r) => r.length));
  const noWorse = (after: Passage[], before: readonly Passage[]) =>
    docCount(after) >= docCount(before) && sharingLead(after) <= sharingLead(before);

  /** Tries one move out of `round`; true when it made one. */
  const moveOne = (round: Passage[]): boolean => {
    for (let i = 1; i < round.length; i++) {
      const mine = round[i] as Passage;
      if (mine.docId !== round[0]?.docId) continue;
      for (const other of rounds) {
        if (other === round) continue;
        // j === other.length: the free place of a round one shorter (sizes then still differ by at most one).
        const lastSlot = round.length === longest && other.length === longest - 1 ? other.length : other.length - 1;
        for (let j = 1; j <= lastSlot; j++) {
          const theirs = other[j];
          const round2 = theirs ? round.map((p, k) => (k === i ? theirs : p)) : round.filter((_, k) => k !== i);
          const other2 = theirs ? other.map((p, k) => (k === j ? mine : p)) : [...other, mine];
          if (sharingLead(round2) < sharingLead(round) && noWorse(round2, round) && noWorse(other2, other)) {
            round.splice(0, round.length, ...round2);
            other.splice(0, other.length, ...other2);
            return true;
          }
        }
      }
    }
    return false;
  };

  for (let moved = true; moved; ) {
    moved = false;
    for (const round of rounds) if (moveOne(round)) moved = true;
  }
}
