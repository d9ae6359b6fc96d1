/**
 * The splitter: finds headings and lead sub-headings in an article's cleaned paragraphs, cuts paragraphs into
 * sentences, and packs sentences into passages of a readable size without crossing a heading.
 */
import { CLOSERS, SENTENCE_END } from './clean.js';

export interface SplitOptions {
  /** Shortest passage the packer aims for; shorter ones occur only where a section is shorter. Default 80. */
  minChars?: number;
  /** Longest passage; exceeded only by a single sentence that cannot be cut at a clause. Default 360. */
  maxChars?: number;
  /** Length the packer prefers. Default 180. */
  targetChars?: number;
  /** Unnumbered heading lines (catalog `headings`). Default none. */
  headings?: readonly string[];
  /** Lead sentences acting as sub-headings (catalog `subheadings`). Default none. */
  subheadings?: readonly string[];
  /**
   * A numbered line that ends a sentence ("1. 清理核实村集体资产，建立台账。") is a list item, not a heading. Off for the
   * seeds, whose ids rest on the rule as it was; on for added documents. Default false.
   */
  strictHeadings?: boolean;
}

const DEFAULTS = { minChars: 80, maxChars: 360, targetChars: 180 } as const;

/** A heading's number: "一、", "2、", "1.", "（三）". "2.2万" is not one. */
export const HEADING_NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

/** Index of the first sentence terminator (with its closers) that is not at the very end, or -1. */
function firstInnerSentenceEnd(text: string): number {
  const sentences = splitSentences(text);
  return sentences.length > 1 ? sentences[0]!.length : -1;
}

/**
 * True for a heading line: a short numbered line with no sentence inside it ("3、高质量党建引领人才振兴",
 * "一、强化理论武装,政治站位全面提升"), a short line ending "——" (004), or a line the catalog lists.
 */
export function isHeading(paragraph: string, extra: readonly string[] = [], strict = false): boolean {
  if (extra.includes(paragraph)) return true;
  if (paragraph.length > 60 || firstInnerSentenceEnd(paragraph) >= 0) return false;
  if (strict && /[。！？；!?;][”’」』）)》"']*$/.test(paragraph)) return false;
  if (HEADING_NUMBER.test(paragraph)) return true;
  return /——$/.test(paragraph) && paragraph.length > 2;
}

/** A heading as shown to readers: without a trailing "——" or sentence terminator. */
export function headingLabel(heading: string): string {
  return heading.replace(/——$/, '').replace(/[。；;]$/, '');
}

/**
 * Splits text into sentences on 。！？； (and half-width !?;), keeping each terminator and any closing quotes or
 * brackets after it with its sentence. The pieces concatenate back to the input exactly.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (SENTENCE_END.includes(text[i]!)) {
      let j = i + 1;
      while (j < text.length && (SENTENCE_END.includes(text[j]!) || CLOSERS.includes(text[j]!))) j++;
      out.push(text.slice(start, j));
      start = j;
      i = j;
    } else {
      i++;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Splits an over-long sentence at clause punctuation into pieces of at most `max` characters where possible. */
export function splitLongSentence(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence];
  const clauses = sentence.match(/[^，,、：:]+[，,、：:]*|[，,、：:]+/g) ?? [sentence];
  const parts = Math.ceil(sentence.length / max);
  const target = sentence.length / parts;
  const out: string[] = [];
  let current = '';
  for (const clause of clauses) {
    if (current && (current.length + clause.length > max || current.length >= target)) {
      out.push(current);
      current = '';
    }
    current += clause;
  }
  if (current) out.push(current);
  return out;
}

/**
 * The sub-heading a paragraph opens with, or null: a curated lead sentence found in its first sentence, or the first
 * sentence of a numbered paragraph when it is short ("1.注重激发基层组织动能推动乡村振兴。坚持…").
 */
export function leadSubheading(paragraph: string, curated: readonly string[] = []): string | null {
  const first = splitSentences(paragraph)[0] ?? '';
  for (const lead of curated) if (first.includes(lead)) return headingLabel(lead);
  if (HEADING_NUMBER.test(paragraph) && first.length < paragraph.length && first.length <= 40) {
    return headingLabel(first);
  }
  return null;
}

export interface Chunk {
  /** Offsets into the article text. */
  start: number;
  end: number;
  text: string;
  /** Nearest heading: the sub-heading if one applies, else the section heading, else null. */
  section: string | null;
  /** Headings above the chunk, outermost first. */
  sectionPath: string[];
}

export interface SplitArticle {
  /** Cleaned paragraphs and headings joined by "\n": the text positions index into. */
  text: string;
  chunks: Chunk[];
  /** Headings found (labels), in order. */
  headings: string[];
  /** Curated headings and sub-headings that matched nothing (the caller reports them). */
  unmatched: string[];
}

interface Unit {
  start: number;
  end: number;
  para: number;
  /** The sentence opens an enumerated item ("二是对照家风亮底色。"): it belongs with what follows it. */
  itemLead: boolean;
}

/** An enumerated item's opening words: 一是, 二要, 首先, 其次, 第三 … */
const ITEM_LEAD = /^(?:[一二三四五六七八九十]+[是要]|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,、])/;

/** Packs units (sentences) into chunks by dynamic programming: sizes near the target, few paragraph crossings. */
function pack(units: readonly Unit[], o: Required<Pick<SplitOptions, 'minChars' | 'maxChars' | 'targetChars'>>): Unit[][] {
  const n = units.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = j - 1; i >= 0; i--) {
      const len = units[j - 1]!.end - units[i]!.start;
      if (len > o.maxChars && j - i > 1) break;
      const crossings = units[j - 1]!.para - units[i]!.para;
      // A chunk should not end on an item's short opening sentence, cut off from the item it introduces.
      const dangling = j < n && units[j - 1]!.itemLead ? 20_000 : 0;
      const cost =
        (len - o.targetChars) ** 2 + crossings * 4_000 + (len < o.minChars ? 60_000 : 0) + dangling + best[i]!;
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const chunks: Unit[][] = [];
  for (let j = n; j > 0; j = from[j]!) chunks.unshift(units.slice(from[j]!, j));
  return chunks;
}

/**
 * Splits an article's cleaned paragraphs into passages. Headings become section labels, never passage text;
 * a passage never spans two sections (a heading or a new lead sub-heading starts a new section).
 */
export function splitArticle(paragraphs: readonly string[], options: SplitOptions = {}): SplitArticle {
  const o = { ...DEFAULTS, ...options };
  const extraHeadings = options.headings ?? [];
  const curatedSubs = options.subheadings ?? [];
  const matched = new Set<string>();

  let text = '';
  let heading: string | null = null;
  let sub: string | null = null;
  const headings: string[] = [];
  // Groups of units sharing one section context.
  const groups: { units: Unit[]; path: string[] }[] = [];
  let group: { units: Unit[]; path: string[] } | null = null;

  paragraphs.forEach((p, index) => {
    const offset = text.length;
    text += (index > 0 ? '\n' : '') + p;
    const at = index > 0 ? offset + 1 : offset;
    if (isHeading(p, extraHeadings, options.strictHeadings)) {
      if (extraHeadings.includes(p)) matched.add(p);
      heading = headingLabel(p);
      headings.push(heading);
      sub = null;
      group = null;
      return;
    }
    const lead = leadSubheading(p, curatedSubs);
    if (lead !== null) {
      for (const c of curatedSubs) if (headingLabel(c) === lead) matched.add(c);
      sub = lead;
      group = null;
    }
    if (group === null) {
      group = { units: [], path: [heading, sub].filter((h): h is string => h !== null) };
      groups.push(group);
    }
    let cursor = at;
    for (const sentence of splitSentences(p)) {
      const itemLead = ITEM_LEAD.test(sentence) && sentence.length <= 24;
      for (const piece of splitLongSentence(sentence, o.maxChars)) {
        group.units.push({ start: cursor, end: cursor + piece.length, para: index, itemLead });
        cursor += piece.length;
      }
    }
  });

  const chunks: Chunk[] = [];
  for (const g of groups) {
    for (const units of pack(g.units, o)) {
      const start = units[0]!.start;
      const end = units[units.length - 1]!.end;
      chunks.push({
        start,
        end,
        text: text.slice(start, end),
        section: g.path[g.path.length - 1] ?? null,
        sectionPath: g.path,
      });
    }
  }
  const unmatched = [...extraHeadings, ...curatedSubs].filter((c) => !matched.has(c));
  return { text, chunks, headings, unmatched };
}
