import type { AnalyzedQuery, Concept } from './analyze.js';
import { ENGLISH_KIND_WORDS, ENGLISH_MATERIAL_WORDS, GENRE_WORDS, MATERIAL_WORDS, TEXT_KIND_WORDS } from './vocabulary.js';

/**
 * Round 18 (SearchEngineOptions.materialClause): the circumstances typed after a request for material — when and where
 * the text is needed, for whom, how long, how urgent (…的党课讲稿？周五支部党课要用，谢谢 · …的PPT，明天村两委会上要用 ·
 * …调研报告 word版 急用 · …心得体会 1500字左右) — are not its subject. Kept as words of the subject they made the answer
 * partial (no passage holds 支部 and 周五 beside the subject) and ranked first a passage that happens to say one of them
 * (支部, 两委, 急需 for 急用).
 *
 * The rule is positional, no list of circumstances: in a request for material, the words typed after its word for a
 * kind of text (the first typed after a subject word), from the first space or punctuation mark after it on, are the
 * clause, when words the texts hold name the subject before that kind word, longer (in Han characters) than the
 * clause's. A word typed before it as well (党课 … 党课要用) stays the subject's.
 */

/** The material words of two Han characters or more, which a longer kind of text may end in (学习材料). */
const HAN_MATERIAL = [...MATERIAL_WORDS].filter((m) => /^\p{Script=Han}{2,}$/u.test(m));

/** A word for a kind of text or the material wanted (讲稿, ppt, 报告, 党课, 宣讲稿, report), not a year. */
function namesKind(word: string): boolean {
  return (
    MATERIAL_WORDS.has(word) ||
    ENGLISH_MATERIAL_WORDS.has(word) ||
    ENGLISH_KIND_WORDS.has(word) ||
    GENRE_WORDS.has(word) ||
    TEXT_KIND_WORDS.has(word) ||
    // A kind of text ending in one (学习材料, 宣讲稿, 汇报稿, 主持词).
    (/^\p{Script=Han}{2,}$/u.test(word) && (/[稿词]$/u.test(word) || HAN_MATERIAL.some((m) => word.endsWith(m))))
  );
}

/** A Han character: the subject's length is counted in them (a count, 1500字, or a day, 周5, is no subject). */
const HAN = /\p{Script=Han}/gu;

/** A space or punctuation mark: where a clause may start. */
const BREAK = /[\s\p{P}\p{S}]/u;

/** Words that say when a text is from (最新, 今年), not what kind of text it is: no clause starts after them. */
const DATES = /^(?:最新|最新版|新版|今年|去年|近期|最近|latest|newest)$/u;

/** The text with every occurrence of `words` blanked (same length), so that a word found in it is typed apart from them. */
function blank(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of words) if (w.length > 0) out = out.split(w).join(' '.repeat(w.length));
  return out;
}

/** What clauseConcepts finds: the clause's words, and kind words the texts lack typed before it (党课 of 党课讲稿). */
export interface RequestClause {
  clause: Concept[];
  kinds: Concept[];
}

/**
 * The concepts of a request for material typed in a clause after its word for a kind of text (see above), and the
 * kind words before the clause that the texts lack; both empty when there is no clause. `text` is the normalised
 * query the concepts were analysed from; `held` says whether the texts hold a concept as typed (a subject before the
 * kind word must be one they hold).
 */
export function clauseConcepts(text: string, analyzed: AnalyzedQuery, held: (c: Concept) => boolean): RequestClause {
  const none: RequestClause = { clause: [], kinds: [] };
  if (analyzed.material !== true) return none;
  // The kind words: those dropped (ppt, 讲稿, 报告) and those kept as aspects (调研, 学习材料).
  const aspects = analyzed.concepts.filter((c) => c.aspect && c.kind === 'word').map((c) => c.text);
  // And a kind word the texts lack kept as a word (党课 of 党课讲稿？周五…: genreWords reads it only ending the request).
  const unheld = analyzed.concepts.filter((c) => c.kind === 'word' && !c.aspect && namesKind(c.text) && !held(c));
  const kinds = [...analyzed.dropped, ...aspects, ...unheld.map((c) => c.text)].filter((w) => namesKind(w) && !DATES.test(w));
  if (kinds.length === 0) return none;
  // Where each concept is first typed apart from the dropped and kind words (讲 of 讲稿 is not the 讲 of 要讲).
  const apart = blank(text, [...analyzed.dropped, ...aspects].sort((a, b) => b.length - a.length));
  const firstAt = (c: Concept): number => apart.indexOf(c.text);
  const subjects = analyzed.concepts.filter((c) => c.kind === 'word' && !c.aspect && c.naming && firstAt(c) >= 0 && held(c) && !unheld.includes(c));
  // The first kind word typed after a subject word.
  let kindEnd = -1;
  let kindStart = Infinity;
  for (const k of kinds) {
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
      if (at < kindStart && subjects.some((c) => firstAt(c) + c.text.length <= at)) {
        kindStart = at;
        kindEnd = at + k.length;
      }
    }
  }
  if (kindEnd < 0) return none;
  // The clause starts at the first break after it.
  let start = -1;
  for (let i = kindEnd; i < text.length; i++) {
    if (BREAK.test(text[i] as string)) {
      start = i;
      break;
    }
  }
  if (start < 0) return none;
  const clause = analyzed.concepts.filter((c) => c.kind === 'word' && !c.aspect && firstAt(c) >= start);
  if (clause.length === 0) return none;
  // The subject is the longer part: naming words of more Han characters before the kind word than in the clause
  // (专题党课讲稿：巩固脱贫攻坚成果… and 主题党日 讲稿 红船精神 name their subject after it).
  const chars = (cs: readonly Concept[]): number => cs.reduce((n, c) => n + (c.naming ? (c.text.match(HAN) ?? []).length : 0), 0);
  const before = subjects.filter((c) => firstAt(c) + c.text.length <= kindStart);
  if (chars(before) <= chars(clause)) return none;
  return { clause, kinds: unheld.filter((c) => !clause.includes(c) && firstAt(c) < start) };
}
