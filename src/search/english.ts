/**
 * English in a query (colleagues who do not type Chinese, bilingual staff mixing both): English words become the
 * library's Chinese words, through the hand table of domain terms (vocabulary.ts ENGLISH_TERMS) first and the
 * CC-CEDICT glosses over the library's own words (glosses.ts) for the rest, longest phrase first. The table is
 * looked up in the singular, spelt American (villages, organisation); the glosses by Porter2 stem after British
 * spellings are made American, so revitalizing and hospitalisation find revitalize and hospitalized.
 *
 * Adjacent English words whose Chinese words, in order, spell a stretch of the texts (minimum living guarantee →
 * 最低 生活 保障 → 最低生活保障; talent revitalization → 人才振兴) go into the query as that Chinese stretch, as if
 * typed in Chinese: the library's own co-occurrence picks the sense of each word (living is 生活 there, not 生命).
 */
import { createBoundedMemo, type BoundedMemo } from './bounded-memo.js';
import { americanSpelling, charactersGlossed, dictionaryFields, glossedAsTyped, glossKey as keyOfGloss, stem as stemOf, surfaceKey as surfaceOfGloss, type GlossMatch, type Glossary } from './glosses.js';
import { charCount } from './normalize.js';
import { toChineseNumber } from './numerals.js';
import { ENGLISH_ABBREVIATIONS, ENGLISH_MATERIAL_WORDS, ENGLISH_PLACE_KINDS, ENGLISH_TERMS, MATERIAL_WORDS, POLITENESS_WORDS } from './vocabulary.js';

// The glosses' keys of the English words and phrases of queries, made once per process (the same words recur).
const glossKeys = createBoundedMemo<string, string>(10_000);
const surfaceKeys = createBoundedMemo<string, string>(10_000);

/** glosses.ts's glossKey of a query's English word or phrase, kept. */
export function glossKey(text: string): string {
  return glossKeys.get(text) ?? glossKeys.set(text, keyOfGloss(text));
}

function surfaceKey(text: string): string {
  return surfaceKeys.get(text) ?? surfaceKeys.set(text, surfaceOfGloss(text));
}

const LATIN_WORD = /[a-z][a-z0-9]*/g;
const LATIN_LETTER = /[a-z]/;
/**
 * A Latin word as an abbreviation may be written (co-ops, orgs): see ENGLISH_ABBREVIATIONS. Not a piece of a web or
 * mail address (the org of cpsa.org.cn is no organization).
 */
const ABBREVIATED = /(?<![a-z0-9/@-]|[a-z0-9]\.)[a-z]+(?:-[a-z]+)?(?![a-z0-9/@-]|\.[a-z0-9])/g;
/** What may stand between the words of one English phrase: spaces and hyphens (e-commerce, party building). */
const JOINER = /^[\s-]+$/;

/**
 * The table's key of an English phrase: its words in the singular, spelt American (villages and village, organisation
 * and organization meet). Not the Porter2 stem the glosses use: the table's words are few and meant exactly, and
 * organization must not take in organized or organic (all "organ" to Porter2).
 */
function tableKey(phrase: string): string {
  return tableKeys.get(phrase) ?? tableKeys.set(phrase, tableKeyOf(phrase));
}

const tableKeys = createBoundedMemo<string, string>(10_000);

function tableKeyOf(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map(tableWord)
    .join(' ');
}

/**
 * A word as the table keys it: in the singular, spelt American. Kept per word: a query's phrases are many and new
 * (tableKeys forgets them all each 10,000), their words few and recurring, and americanSpelling is eight replaces.
 */
function tableWord(w: string): string {
  return tableWords.get(w) ?? tableWords.set(w, singular(americanSpelling(w)));
}

const tableWords = createBoundedMemo<string, string>(10_000);

function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

let table: { terms: Map<string, readonly string[]>; maxWords: number } | undefined;

/** The hand table by stemmed key (a Map: `constructor` typed by a user must not find Object.prototype members). */
function englishTable(): { terms: Map<string, readonly string[]>; maxWords: number } {
  if (table) return table;
  const terms = new Map<string, readonly string[]>();
  for (const [phrase, chinese] of Object.entries(ENGLISH_TERMS)) {
    const key = tableKey(phrase);
    terms.set(key, [...new Set([...(terms.get(key) ?? []), ...chinese])]);
  }
  table = { terms, maxWords: Math.max(1, ...[...terms.keys()].map((k) => k.split(' ').length)) };
  return table;
}

/** An English word or phrase found through the dictionary's glosses: the words of the library glossed with it. */
export interface Glossed {
  text: string;
  /** Its best sense: the index word glossed with it first (see Glossary.english). */
  heads: string[];
  /** Its other senses, searched as related terms. */
  weaker: string[];
  /**
   * Whether its best sense is the dictionary's guess rather than its word: a single word whose best sense no gloss
   * writes as typed or inflected, only with another word of its Porter2 stem or inside a longer gloss (activities → 积极
   * "active", evening → 更是 "even", later → 横向 "lateral", going → 外出 "to go out"). The engine weighs it less
   * (SearchEngineOptions.englishGuessWeight). A word found only near a gloss (Glossary.near: crime → 扫黑 "to fight
   * organized crime") is not marked: measured, it lost more than it gained (docs/search.md, English, round 15). Round 23
   * (EnglishContext.lateGloss): a single word whose best sense the dictionary glosses with it only late (given → 一定,
   * its sixth gloss) is marked.
   */
  guess?: boolean;
  /**
   * Round 20: its other senses glossed only with another word of its stem, not as typed (乡镇 "village" beside 村民
   * "villager" for villagers); set only where the word's senses were read as typed (SearchEngineOptions.distantRelatedShare).
   */
  looseSenses?: string[];
}

/** What {@link mapEnglish} asks about the library. */
export interface EnglishContext {
  /** Dictionary glosses over the library's words (glosses.ts). Default none: the hand table only. */
  glossary?: Glossary;
  /** Whether the index holds a word term. */
  hasTerm: (term: string) => boolean;
  /** Whether some passage's text holds the string. */
  inTexts: (text: string) => boolean;
  /** English numbers as the texts write them (see numbersAsChinese). Default true. */
  numbers?: boolean;
  /**
   * Most adjacent English words whose translations are joined into one stretch of the texts (Central Rural Work
   * Conference → 中央农村工作会议). Default 4.
   */
  maxJoined?: number;
  /** Round 7's rules, each on by default (see {@link EnglishRules}). */
  rules?: EnglishRules;
  /**
   * Whether the texts hold a string as whole words somewhere: jieba's cut around one of its occurrences starts a word
   * where it starts and ends one where it ends (硬措施 of 用硬措施落实; not 乡村党 of 乡村党组织). Default: as inTexts.
   */
  inTextsWhole?: (text: string) => boolean;
  /**
   * Round 16 (englishSaid): the everyday Chinese the dictionary gives for an English word no look-up knows, when
   * that Chinese is a word people ask with (a `say` string of the related terms): disabled → 残疾, dance → 跳舞. See
   * {@link saidAsOf}. Default none.
   */
  saidAs?: (key: string) => string | undefined;
  /**
   * Round 17 (englishCharacter): for an English word no look-up knows and no `say` string gives, the texts' word
   * holding a rare dictionary character that is that word (bench → 凳 → 板凳, window → 窗 → 一窗受理). See
   * {@link characterSaidOf}. Default none.
   */
  characterSaid?: (word: string) => string | undefined;
  /**
   * Round 17 (second half; englishPhrasal): the texts' words the dictionary glosses with an English verb and its
   * particle (team up → 抱团 "to team up", drop out of school → 辍学), by the verb's stem and the particle. See
   * {@link phrasalOf}. Default none.
   */
  phrasal?: (verbStem: string, particle: string) => readonly PhrasalWord[] | undefined;
  /**
   * Round 22 (englishNearCharacter): for a single English word no gloss has whole, found only inside a longer gloss
   * (poor of 扶贫 "assistance to the poor"), the texts' word a character glossed first as that word starts (贫 "poor"
   * → 贫困). See {@link nearCharacterOf}. Default none.
   */
  nearCharacter?: (word: string, near: readonly string[]) => string | undefined;
  /**
   * Round 23 (englishLateGloss): a single word found whole whose best sense is glossed with it only late in the
   * dictionary's line (its glossary weight below this) is marked a guess (Glossed.guess): like → 喜闻乐见, given →
   * 一定. A phrase found whole is left alone (organized crime → 扫黑, per person → 人均 are late glosses, and right).
   * Default 0: none.
   */
  lateGloss?: number;
}

/** saidAsOf's maps, built once per list of groups (every engine over the same lexicon shares one). */
const saidMaps = new WeakMap<readonly { say: readonly string[] }[], ReadonlyMap<string, string>>();

/**
 * English gloss keys → the related terms' `say` strings (vocabulary.ts and the village lexicon) whose first gloss in
 * the dictionary is that one word (disabled of 残疾 "disabled; handicapped", dance of 跳舞 "to dance"), the first
 * group's string among several: from there the chain a Chinese everyday query goes through (残疾 → 因病因残, 失能)
 * takes an English word the library's own words have no gloss for. A `say` string of two characters or more, as the
 * glossary's words are (one character is too ambiguous). Built once per list of groups.
 */
export function saidAsOf(groups: readonly { say: readonly string[] }[], fields: (head: string) => string | undefined): (key: string) => string | undefined {
  let map = saidMaps.get(groups);
  if (!map) {
    const built = new Map<string, string>();
    for (const g of groups) for (const say of g.say) {
      if (charCount(say) < 2) continue;
      const line = fields(say);
      if (!line) continue;
      // Its first gloss only: a later one is often a sense people would not ask with (种花 "vaccination").
      const sense = line.split('\t').find((f) => f.length > 0 && !f.startsWith('='));
      const key = sense === undefined ? '' : glossKey(sense);
      if (key.length === 0 || key.includes(' ') || built.has(key)) continue;
      built.set(key, say);
    }
    map = built;
    saidMaps.set(groups, map);
  }
  const found = map;
  return (key) => found.get(key);
}

/**
 * English as chat writes it that the look-ups alone miss (round 7; docs/search.md, English, round 7). Each is on
 * by default; the options exist for the ablations.
 */
export interface EnglishRules {
  /**
   * Numbered names (三免一补, 强村九法, 四个意识, 千企结千村): a number and the English after it become the number, a
   * measure word or none, and a translation of that English or one character of it, where the texts hold them so —
   * Chinese names a policy by counting its parts in single characters (three exemptions and one subsidy → 三免一补,
   * nine methods → 九法, four consciousnesses → 四个意识). Default true.
   */
  numberedNames?: boolean;
  /**
   * "how many" and "how much" ask, as 多少 does: many and much are no topic (they were 不少 "many" and 若干 "a certain
   * number", found in passages that merely say so). Default true.
   */
  howMany?: boolean;
  /**
   * Contractions and the possessive as their words (round 8): can't, don't, isn't → can, do, is + not; 's, 're, 've,
   * 'll, 'd, 'm dropped — the t of can't and the s of Lhasa's were words of their own, searched and required, so that
   * no passage was a full answer (Lhasa's landfills). Default true.
   */
  contractions?: boolean;
  /**
   * Joining tries first the library words glossed with the form typed (round 8): activities → 活动 "activity" before
   * 积极 "active", which Porter2 puts under the same stem and the dictionary's order puts first, so that cultural
   * activities is 文化活动 and party-mass activities 党群活动. Default true.
   */
  typedJoins?: boolean;
  /**
   * Irregular verb forms out (round 9): a past tense or participle of a known verb (English morphology, the closed
   * list IRREGULAR_FORMS) that neither a gloss, a near gloss nor the index knows says what befell the topic, not the
   * topic — projects brought in, activities held, students sent, no one left behind — and goes as a filler word does.
   * It had been searched as typed, found nowhere and required of a full answer (every answer partial), or
   * misspelling-corrected. Looked up as its verb instead (brought in → bring in → 实现, held → hold → 崇尚, left
   * behind → leave behind → 留下 where 掉队 was meant) it found wrong senses. A form the look-ups know (built → 新建
   * "newly built") is left alone. Default true.
   */
  irregularVerbs?: boolean;
  /**
   * A negative prefix as the texts' negation (round 9): un-, in-, im-, il-, ir-, dis-, non- before a word the look-ups
   * know, when the whole is unknown, become 不, 非, 无 or 未 before one of its translations where the texts hold that
   * stretch of three characters or more — unqualified → 不合格, unstable → 不稳定, unclear → 不明确. Default true.
   */
  negativePrefixes?: boolean;
  /**
   * A place's kind after its name is the character that ends the name (round 10): Chengguan district is 城关区, whose
   * 区 is the district; the kind had been searched on its own as another topic (district → 地域 "district", county →
   * a near gloss), required of a full match, so that no passage was one. After an English word whose translation ends
   * on the kind's character (chengguan → 城关区) the kind goes. A name read from pinyin (Linzhou county, Changhua
   * town) is engine.ts's: the name and the character where the texts hold them so (昌化镇), else the name alone (林周).
   * Default true.
   */
  placeKinds?: boolean;
  /**
   * A word the look-ups know only through its Porter2 stem, whose re- form they know as written, is that form (round
   * 10): vitalization → revitalization (振兴 "to revitalize"; rural vitalization is the official English of 乡村振兴),
   * where the stem alone gave 活力 "vitality". A word glossed as written (location, form) is left alone. Default true.
   */
  rePrefix?: boolean;
  /**
   * back and away after a verb are its particle (round 10): falling back, coming back, doing away, taken away. back
   * had been 支持 "to back" and away a word of its own; the verb says what the query asks (a verb form: -ing, -ed, an
   * irregular form or its verb). back after a noun (talent back to villages) is left alone. Default true.
   */
  particles?: boolean;
  /**
   * A word before a place's English kind joins the kind's character where the texts hold the two so (round 10): poor
   * villages → 贫困村, weak villages → 薄弱村, pilot counties → 试点县 — Chinese names a kind of place by a word and the
   * character. Default true.
   */
  kindJoins?: boolean;
  /**
   * Adjacent English words whose dictionary characters compose a word of the index are that word (round 11): Chinese
   * builds its words of characters, and CC-CEDICT glosses the characters one by one — red boat → 红 "red" + 船 "boat" →
   * 红船 (of 红船精神), back wave → 后浪, head goose → 头雁, old houses → 旧房. Tried on two or three words joined by
   * spaces or hyphens, none a filler, whose phrase no look-up knows whole; one character per word, each glossed with the
   * word itself (glosses.ts charactersGlossed), in the English order, where the index holds the result as a word of its
   * own (not merely a stretch of the texts: two characters side by side are in the texts by chance). Default true.
   */
  characterCompounds?: boolean;
  /**
   * A superlative is 最 and its adjective (round 11): strongest → 最强 of 最强党支部, biggest → 最大, lowest → 最低 —
   * English morphology (-est, -iest, a doubled consonant: biggest, earliest, largest) the stemmer leaves whole, so that
   * no look-up knew the word and it was searched as typed, required of a full answer. For a word no look-up knows, 最
   * before one of its adjective's translations or of the characters the dictionary glosses with the adjective, where
   * the texts hold that stretch. Default true.
   */
  superlatives?: boolean;
  /**
   * A people's or language's adjective in -an is its place (round 11): Tibetan → Tibet (西藏, and 藏 of 藏香, 藏纸
   * among the dictionary's characters for Tibet), Korean → Korea, Mongolian → Mongolia. The dictionary glosses the
   * place, and the stemmer leaves the adjective whole, so that no look-up knew it. For a word no look-up knows, its
   * place where one does. Default true.
   */
  demonyms?: boolean;
  /**
   * The character compounds reach stretches of the texts (round 12): an English word no look-up knows beside known
   * ones composes, of one of its dictionary characters and the others' translations (or characters), a stretch the
   * texts hold — new sectors → 新 + 领域 → 新领域, first inquiry responsibility → 首 + 问 + 负责 → 首问负责, wait rely
   * ask → 等靠要 — where characterCompounds asks for a word of the index (jieba cuts 首问负责 and 等靠要 in pieces, and
   * 蝶变 is no word of its dictionary). The stretch is three characters or more, or a term the texts quote whole
   * (“蝶变”): two characters side by side are in the texts by chance. The unknown word had been searched as typed,
   * found nowhere and required of a full answer. Default true.
   */
  characterStretches?: boolean;
  /**
   * get and grow before an adjective say become (round 12): get rich, getting rich, grow rich → become rich, which
   * CC-CEDICT glosses 致富 "to become rich" — English's copular get, which the dictionary writes become. get had been
   * 得到 "to get" and rich 充实 "rich; full; substantial", neither what the texts say. Only where a look-up knows the
   * become phrase and not the one typed (get through, get up stay as they are). Default true.
   */
  copulaGet?: boolean;
  /**
   * A noun derived by a suffix Porter2 does not strip is its base (round 13): payment → pay (付费), demolition →
   * demolish (拆除), enforcement → enforce, friendliness → friendly (友善), fairness → fair — English derivation the
   * stemmer leaves whole (-ment and -ness outside its R2, -ition whose verb ends in -ish), so that no look-up knew the
   * word and it was searched as typed, required of a full answer. For a word no look-up knows: -ment(s) and -ition(s)
   * as a verb (the base glossed "to pay"; apartment is no apart), -ness and -iness as the adjective. Default true.
   */
  derivations?: boolean;
  /**
   * An -ing or -ed form whose key the glossary does not share with its verb is read as that verb (round 24):
   * embedding → embed (嵌入 "to embed"), sacrificing → sacrifice (牺牲) — English inflection the stemmer keys apart
   * (embedding → embed but embed → emb; sacrificing → sacrif but sacrifice → sacrific), so that no look-up knew the
   * word and it was searched as typed, required of a full answer. For a word no look-up knows: the verb with its e
   * restored, its doubled consonant single, or as cut, whose best sense is a verb glossed as typed ("to embed"; as
   * derivations asks of a -ment noun's verb). A noun in -ship read as its base (membership → member) was measured
   * and not kept. false: off (before round 24). Default true.
   */
  inflections?: boolean;
  /**
   * Two words joined by a hyphen, and, & or / are the compound Chinese makes of their first characters (round 13):
   * urban-rural → 城 of 城镇化 + 乡 of 乡村 → 城乡 "city and countryside", party and masses → 党群, teachers and
   * students → 师生 — Chinese abbreviates a coordinate pair so, and the texts write 城乡融合, 城乡结对共建, 城乡藩篱 where
   * urban alone had been 城镇化 "urbanization" (Porter2's stem). Both words known, their pair unknown whole; the first
   * character of one of each word's first translations, in either order, where the index holds the compound as a word
   * and the dictionary glosses it as a pair (with and) or not at all. Default true.
   */
  coordinatePairs?: boolean;
  /**
   * coordinatePairs also for two words side by side with no link (urban rural barriers → 城乡), where the dictionary
   * glosses the compound as a pair (with and) — a compound of the texts' own (党群) needs the link. Default true.
   */
  spacedPairs?: boolean;
  /**
   * A Chinese stretch of an English query that jieba's cut loses characters of stays whole where the texts hold it
   * (round 14; analyze.ts keepStretchesWhole): English spelt as a stretch of the texts (e-commerce talent → 电商人才) and
   * Chinese typed among English words (等靠要 mindset) go to the cut as if typed, and the cut and the stop list lost
   * their function characters — 电|商人|才 kept 电商人 and dropped 才; 等|靠|要 dropped all three, so that the query
   * searched its English alone. In a query with English words the stretch is what the user named: one word of the
   * query, as a stretch the engine looks for in the texts. Default true.
   */
  wholeStretches?: boolean;
  /**
   * A known word gives one of its dictionary characters to a stretch too (round 14; characterStretches): Chinese
   * makes words of a character and a word — hard measures → 硬 + 措施 → 硬措施, hard tasks → 硬任务, service teams →
   * 服务 + 队 → 服务队, construction teams → 施工队, mobilisation power → 动员力, general requirements → 总要求 — where
   * each English word has a translation of its own (hard → 难以 "hard to", teams → 团队) that does not join the
   * other's. characterStretches had tried a known word's translations only, and only in a run with an unknown word.
   * A stretch with such a character counts only where the texts hold it as whole words (EnglishContext.inTextsWhole):
   * a character beside a word is often the edge of a longer word (乡村党 of 乡村党组织, 强乡村 of 加强乡村). Default true.
   */
  knownCharacters?: boolean;
  /**
   * A list of English words whose dictionary characters, in the English order, spell a whole word of the texts is that
   * word (round 29): small, weak and scattered → 小 "small" + 弱 "weak" + 散 "scattered" → 小弱散 — Chinese names a
   * condition by a list of single characters, and an English writer spells the list out with commas and and, which
   * characterCompounds (words side by side only) never joined. Three or four words joined by commas, and, or, & or /
   * (one such link at least: words side by side are characterCompounds'), each a word with meaning, none a number;
   * one character each glossed with the word (glosses.ts charactersGlossed); the result (three characters or more) a
   * word of the index (jieba's cut of the texts and DOMAIN_WORDS — a whole word, not a stretch: side by side,
   * characters of common words are in the texts by chance), which the dictionary lacks or glosses with one of the words.
   * false: off (before round 29). Default true.
   */
  characterLists?: boolean;
}

const RULE_DEFAULTS: Required<EnglishRules> = {
  numberedNames: true,
  howMany: true,
  contractions: true,
  typedJoins: true,
  irregularVerbs: true,
  negativePrefixes: true,
  placeKinds: true,
  rePrefix: true,
  particles: true,
  kindJoins: true,
  characterCompounds: true,
  superlatives: true,
  demonyms: true,
  characterStretches: true,
  copulaGet: true,
  derivations: true,
  inflections: true,
  coordinatePairs: true,
  spacedPairs: true,
  wholeStretches: true,
  knownCharacters: true,
  characterLists: true,
};
/** get and grow in any form before a word (see EnglishRules.copulaGet). */
const COPULA = /(?<![a-z0-9-])(?:get|gets|getting|got|gotten|grow|grows|growing|grew|grown)(\s+)([a-z]+)(?![a-z0-9-])/g;

/** get or grow before a word as become where a look-up knows the become phrase and not the one typed (EnglishRules.copulaGet). */
function copulasAsBecome(text: string, phraseKnown: (phrase: string) => boolean): string {
  if (!/\b(?:get|gets|getting|got|gotten|grow|grows|growing|grew|grown)\s/.test(text)) return text;
  return text.replace(COPULA, (all, space: string, word: string) => {
    const typed = all.slice(0, all.length - space.length - word.length);
    return !phraseKnown(`${typed} ${word}`) && phraseKnown(`become ${word}`) ? `become${space}${word}` : all;
  });
}
/** back or away after a word (see EnglishRules.particles). */
const PARTICLE = /(?<![a-z0-9])([a-z]+)(\s+)(?:back|away)(?![a-z0-9-])/g;

/** back and away after a verb form out (EnglishRules.particles). */
function particlesOut(text: string): string {
  if (!/\b(?:back|away)\b/.test(text)) return text;
  return text.replace(PARTICLE, (all, verb: string, space: string) => {
    const base = verb.endsWith('s') ? verb.slice(0, -1) : verb;
    const isVerb = /(?:[a-z]{2}ing|[a-z]{2}ed)$/.test(verb) || verbOf(verb) !== undefined || IRREGULAR_VERBS.has(verb) || IRREGULAR_VERBS.has(base);
    return isVerb ? `${verb}${space}` : all;
  });
}
/** A word and the English kind of place after it (Chengguan district); see EnglishRules.placeKinds. */
const PLACE_KIND = new RegExp(
  `(?<![a-z0-9])([a-z]+)([\\s-]+)(${[...ENGLISH_PLACE_KINDS.keys()].map((k) => (k.endsWith('y') ? `${k}|${k.slice(0, -1)}ies` : `${k}s?`)).join('|')})(?![a-z0-9])`,
  'g',
);
/** A place kind's plural as its singular (counties → county). */
const kindSingular = (kind: string): string => (kind.endsWith('ies') ? `${kind.slice(0, -3)}y` : kind.replace(/s$/, ''));
/** The asking words of how many / how much, out before the look-up. */
const HOW_MANY = /\b(how)\s+(?:many|much)\b/g;
/** English contractions (see EnglishRules.contractions): n't is not; 's, 're, 've, 'll, 'd, 'm say nothing looked for. */
const NOT_CONTRACTED = /\b([a-z]+?)n['\u2019]t\b/g;
const OTHER_CONTRACTED = /\b([a-z]+)['\u2019](?:s|re|ve|ll|d|m)\b/g;
function uncontracted(text: string): string {
  if (!/['\u2019]/.test(text)) return text;
  return text
    .replace(NOT_CONTRACTED, (_, verb: string) => `${verb === 'ca' ? 'can' : verb === 'wo' ? 'will' : verb === 'sha' ? 'shall' : verb} not`)
    .replace(OTHER_CONTRACTED, '$1');
}

export interface EnglishMapping {
  /** The text with English the table knows replaced by its Chinese term, and glossed English taken out. */
  text: string;
  /** The table's Chinese term put into the text → all the Chinese terms of that English. */
  english: Map<string, readonly string[]>;
  /** English found through the glosses, as typed, with the library's index words for it. */
  glossed: Glossed[];
  /** The free text with every English word or phrase translated (for the whole-query bonus). */
  chinese: string;
  /** Whether some English was translated at all (table, glosses, or spelled as a stretch of the texts). */
  translated: boolean;
  /** English words neither the table nor the glosses know (where misspellings are looked for). */
  untranslated: string[];
}

interface Word {
  word: string;
  start: number;
  end: number;
}

/** The English words of a text with their places. */
function latinWords(text: string): Word[] {
  return [...text.matchAll(LATIN_WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Whether the stretches of a run (words or segments, in order) stand side by side in the text: only JOINER between them. */
function adjacent(text: string, run: readonly { start: number; end: number }[]): boolean {
  return run.every((w, k) => k === 0 || JOINER.test(text.slice((run[k - 1] as { end: number }).end, w.start)));
}

/** One translated stretch of the query. */
interface Segment {
  start: number;
  end: number;
  /** As typed. */
  text: string;
  source: 'table' | 'gloss' | 'spelled';
  /** Chinese candidates, best first (table: its terms; gloss: the library's words glossed with it). */
  heads: string[];
  /** The candidates in the order joining tries them, when not that of heads (see EnglishRules.typedJoins). */
  joins?: string[];
  /** A single word's candidates glossed with it as typed or inflected, when found whole (see Glossed.guess). */
  typed?: string[];
  /**
   * A single word's near-character reading (englishNearCharacter), put before the near words: a guess from one
   * character, so it joins no neighbour (spelled; poor people is not 贫困人口) and stands beside the first near word as
   * an equal head, not above it (poor: 贫困 and 扶贫).
   */
  own?: string;
  /** A single word found whole: its candidates' glossary weights, in the order of heads (see EnglishContext.lateGloss). */
  weights?: number[];
}

/** Politeness and material words (please, thanks, ppt, latest, slides): chat noise the analyser drops, never translated. */
const isChatWord = (word: string): boolean => POLITENESS_WORDS.has(word) || MATERIAL_WORDS.has(word) || ENGLISH_MATERIAL_WORDS.has(word);

/**
 * Text between translated stretches without the English that says nothing about the subject (of, on, the, please,
 * latest, slides): the translation of `latest materials on toilet revolution` is 厕所革命, looked for whole.
 */
const unsaid = (text: string): string =>
  text.replace(LATIN_WORDS_ANY, (w) => (isChatWord(w) || glossKey(w).length === 0 ? '' : w));
const LATIN_WORDS_ANY = /[a-z][a-z0-9]*/g;

/**
 * English numbers as the texts write them (the 19th congress → 十九大, the 3rd batch → 第三批, eight types of jobs →
 * 八类岗位, thirteen relationships → 十三对关系, Eight-Eight Strategy → 八八战略). Chinese puts a measure word (a
 * classifier: 批, 类, 种, 年, 级 …) between a number and its noun where English puts none; which one goes with a noun
 * is what CC-CEDICT's glosses of the measure words say ("classifier for batches", "kind", "type", "year", "level").
 * A number and the word after it become the number and that measure word when the texts hold them so; a number the
 * dictionary does not know otherwise (eight, 19th, thirteen) becomes its Chinese form alone when that is two characters
 * or more (十九, 十三, 第三) and the texts hold it. A lone 三 or 八 is in half the texts and says nothing.
 */
const CARDINALS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = [
  '', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
];
const TENTHS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
/** hundred and thousand only inside a run of numbers (ten-hundred-thousand → 十百千). */
const MAGNITUDES: ReadonlyMap<string, string> = new Map([['hundred', '百'], ['thousand', '千']]);

interface EnglishNumber {
  value: number;
  ordinal: boolean;
}

/** The value of one English number word or numeral (19, 19th, nineteen, nineteenth, twenty-one is two words). */
function numberOf(token: string): EnglishNumber | undefined {
  const digits = /^(\d{1,5})(st|nd|rd|th)?$/.exec(token);
  if (digits) return { value: Number(digits[1]), ordinal: digits[2] !== undefined };
  let at = CARDINALS.indexOf(token);
  if (at >= 0) return { value: at, ordinal: false };
  at = TENS.indexOf(token);
  if (at >= 2) return { value: at * 10, ordinal: false };
  at = ORDINALS.indexOf(token);
  if (at >= 1) return { value: at, ordinal: true };
  at = TENTHS.indexOf(token);
  if (at >= 2) return { value: at * 10, ordinal: true };
  return undefined;
}

const NUMBER_TOKEN = `(?:\\d{1,5}(?:st|nd|rd|th)?|${[...CARDINALS, ...TENS.slice(2), ...ORDINALS.slice(1), ...TENTHS.slice(2), ...MAGNITUDES.keys()].join('|')})`;
/** A run of numbers joined by hyphens (twenty-one, eight-eight), and the Latin word after it, if any. */
const NUMBER_RUN = new RegExp(`(?<![a-z0-9.,])(${NUMBER_TOKEN}(?:-${NUMBER_TOKEN})*)(?![a-z0-9]|[.,]\\d)(?:([\\s-]+)([a-z]+))?`, 'g');

/**
 * Measure words (量词), a closed class of Chinese grammar, whose dictionary glosses name the nouns they count. Only
 * these single characters are looked up: a single character is otherwise too ambiguous to stand for an English word.
 */
const MEASURE_WORDS = [...'个种类项批级年次名位条户家所座支届轮期步层件场张本份笔块亩元'];

/** Per English word, the measure words whose glosses hold it (by stem), in the order above. */
const measuresOf = createBoundedMemo<string, readonly string[]>(10_000);
function measureWords(word: string): readonly string[] {
  const kept = measuresOf.get(word);
  if (kept) return kept;
  const wanted = stemOf(word);
  const found = MEASURE_WORDS.filter((m) =>
    (dictionaryFields(m) ?? '').split('\t').some((gloss) => !gloss.startsWith('=') && keyOfGloss(gloss).split(' ').includes(wanted)),
  );
  return measuresOf.set(word, found);
}

/** The Chinese forms of a run of hyphenated English numbers, best first: its value, or its numbers one after another. */
function chineseForms(run: string): { forms: string[]; ordinal: boolean } | undefined {
  const tokens = run.split('-');
  const numbers = tokens.map((t) => (MAGNITUDES.has(t) ? undefined : numberOf(t)));
  if (tokens.length === 1) {
    const n = numbers[0];
    if (!n) return undefined;
    const cn = toChineseNumber(n.value);
    const forms = [cn, ...(n.value === 2 ? ['两'] : []), String(n.value)].filter((f): f is string => f !== undefined);
    return { forms: n.ordinal ? forms.map((f) => `第${f}`).concat(forms) : forms, ordinal: n.ordinal };
  }
  // twenty-one, twenty-first: one number.
  const [tens, unit] = numbers;
  if (tokens.length === 2 && tens && unit && tens.value % 10 === 0 && tens.value >= 20 && !tens.ordinal && unit.value < 10 && unit.value > 0) {
    return chineseForms(String(tens.value + unit.value) + (unit.ordinal ? 'th' : ''));
  }
  // eight-eight, ten-hundred-thousand: the numbers one after another (八八战略, 十百千).
  let chain = '';
  for (const [k, t] of tokens.entries()) {
    const n = numbers[k];
    const cn = MAGNITUDES.get(t) ?? (n && !n.ordinal && n.value < 10 ? toChineseNumber(n.value) : undefined) ?? (n?.value === 10 ? '十' : undefined);
    if (cn === undefined) return undefined;
    chain += cn;
  }
  return { forms: [chain], ordinal: false };
}

/**
 * The query's English numbers in Chinese where the texts hold that (see above); `known` tells an English word the
 * vocabulary or the dictionary translates otherwise (first, one: left to them unless a measure word fits).
 */
export function numbersAsChinese(text: string, inTexts: (text: string) => boolean, known: (word: string) => boolean): string {
  if (!/\d|[a-z]/.test(text)) return text;
  return text.replace(NUMBER_RUN, (whole, run: string, gap: string | undefined, next: string | undefined) => {
    const chinese = chineseForms(run);
    if (!chinese) return whole;
    if (next !== undefined && !numberOf(next)) {
      for (const measure of measureWords(next)) {
        for (const form of chinese.forms) if (inTexts(form + measure)) return ` ${form}${measure} `;
      }
    }
    const alone = run.includes('-') || !known(run);
    const tail = next === undefined ? '' : `${gap}${next}`;
    if (alone) for (const form of chinese.forms) if (Array.from(form).length >= 2 && !/\d/.test(form) && inTexts(form)) return ` ${form} ${tail}`;
    return whole;
  });
}

/** Number words a numbered name may start with besides those numberOf reads (thousand enterprises → 千企). */
const NAME_MAGNITUDES: ReadonlyMap<string, string> = new Map([['hundred', '百'], ['thousand', '千']]);
/** What may stand between a numbered name's number and its noun: nothing, a measure word, or 大 (六大行动, 三大难题). */
const NAME_MEASURES = ['', ...MEASURE_WORDS, '大'];
/** Latin words and digit runs of a text, with where they are. */
const NAME_TOKEN = /[a-z]+|\d+/g;
/** Whether a text has a word a numbered name may start with (a cheap test before the tokens are listed). */
const NAME_NUMBER = new RegExp(`\\d|(?<![a-z0-9])(?:${[...CARDINALS.slice(1), ...TENS.slice(2), ...NAME_MAGNITUDES.keys()].join('|')})(?![a-z0-9])`);
/** Most English words a numbered name takes after its number. */
const MAX_NAME_WORDS = 3;
/** What may stand between the parts of a chained name: three exemptions and one subsidy → 三免一补. */
const NAME_LINK = /^[\s,&+-]*(?:(?:and|plus)[\s,&+-]*)?$/;

/**
 * Numbered names as the texts write them (see EnglishRules.numberedNames): a number (two or more, or a magnitude;
 * one only continuing a chain) and the one to three English words after it become the number's Chinese form, a
 * measure word or none, and one of those words' translations or one character of a translation, where the texts hold
 * that stretch (nine methods → 九法 of 强村九法, whose 方法 gives 法; four consciousnesses → 四个意识; thousand villages
 * → 千村). Parts joined by and that the texts hold together become one (三免 + 一补 → 三免一补). Longer English first;
 * within it, whole translations before their characters, fewer characters between number and noun first.
 */
export function numberedNames(text: string, inTexts: (text: string) => boolean, translate: (phrase: string) => readonly string[]): string {
  // Most English has no number word: nothing to look at.
  if (!NAME_NUMBER.test(text)) return text;
  const tokens = [...text.matchAll(NAME_TOKEN)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const gap = (a: number, b: number): string => text.slice((tokens[a] as { end: number }).end, (tokens[b] as { start: number }).start);
  const numberAt = (k: number, one: boolean): string[] | undefined => {
    const word = tokens[k]?.word;
    if (word === undefined) return undefined;
    const magnitude = NAME_MAGNITUDES.get(word);
    if (magnitude) return [magnitude];
    const n = numberOf(word);
    if (!n || n.ordinal || (n.value < 2 && !(one && n.value === 1))) return undefined;
    const cn = toChineseNumber(n.value);
    // In Chinese: the texts' names count in characters (三免, not 3免), and digits would match inside a longer
    // number (50元 of 4550元).
    return [...(cn ? [cn] : []), ...(n.value === 2 ? ['两'] : [])];
  };
  // The Chinese candidates of the English words from token w on, n of them: their translations, then the translations'
  // characters (法 of 方法), kept per phrase.
  const candidatesOf = new Map<string, readonly string[]>();
  const candidates = (w: number, n: number, start: number): readonly string[] => {
    const words = tokens.slice(w, w + n);
    if (words.length < n || words.some((t, j) => !/^[a-z]/.test(t.word) || !JOINER.test(gap(w + j - 1, w + j)))) return [];
    if (glossKey((words[0] as { word: string }).word).length === 0 || glossKey((words[n - 1] as { word: string }).word).length === 0) return [];
    const phrase = words.map((t) => t.word).join(' ');
    const first = w === start;
    const cacheKey = `${first ? '1' : '0'}${phrase}`;
    let found = candidatesOf.get(cacheKey);
    if (!found) {
      const heads = translate(phrase).filter((h) => HAN.test(h));
      if (heads.length === 0 && !(first && n === 1)) return [];
      // A character stands for a word only right after the number (九法, 三治, 千村): the texts' names abbreviate so.
      // Right after the number, a character the dictionary glosses with the word itself comes last (三免 of 三免一补:
      // exempt → 免, where no library word is glossed "exempt").
      const glossed = first && n === 1 ? charactersGlossed(phrase) : [];
      found = [...new Set([...heads, ...(first ? [...heads.flatMap((h) => Array.from(h)), ...glossed] : [])])];
      candidatesOf.set(cacheKey, found);
    }
    return found;
  };
  const nameAt = (k: number, one: boolean): { name: string; last: number } | undefined => {
    const forms = numberAt(k, one);
    if (!forms) return undefined;
    let best: { name: string; last: number } | undefined;
    // The longest stretch of the texts spelt by the number and up to three words after it, each word (or phrase of
    // words) by one of its candidates, the texts holding every prefix on the way.
    const grow = (prefix: string, w: number): void => {
      for (let n = Math.min(MAX_NAME_WORDS - (w - k - 1), tokens.length - w); n >= 1; n--) {
        for (const t of candidates(w, n, k + 1)) {
          const name = prefix + t;
          if (!inTexts(name)) continue;
          if (Array.from(name).length >= 2 && (!best || w + n - 1 > best.last)) best = { name, last: w + n - 1 };
          if (w + n - 1 - k < MAX_NAME_WORDS) grow(name, w + n);
        }
      }
    };
    for (const form of forms) {
      for (const measure of NAME_MEASURES) {
        if (measure !== '' && !inTexts(form + measure)) continue;
        grow(form + measure, k + 1);
      }
    }
    return best;
  };
  let out = '';
  let last = 0;
  for (let k = 0; k < tokens.length; k++) {
    const found = nameAt(k, false);
    if (!found) continue;
    let { name, last: end } = found;
    for (;;) {
      let next = end + 1;
      if (next < tokens.length && /^(?:and|plus)$/.test((tokens[next] as { word: string }).word)) next++;
      if (next >= tokens.length || !NAME_LINK.test(gap(end, next))) break;
      const more = nameAt(next, true);
      if (!more || !inTexts(name + more.name)) break;
      name += more.name;
      end = more.last;
    }
    out += `${text.slice(last, (tokens[k] as { start: number }).start)} ${name} `;
    last = (tokens[end] as { end: number }).end;
    k = end;
  }
  return out + text.slice(last);
}

const HAN = /^\p{Script=Han}+$/u;

/** A look-up's words, those glossed with the form typed first (see EnglishRules.typedJoins); undefined if no change. */
function typedFirst(matches: readonly GlossMatch[], surface: string): string[] | undefined {
  const typed = matches.filter((m) => glossedAsTyped(m, surface));
  if (typed.length === 0 || typed.length === matches.length) return undefined;
  const first = typed.map((m) => m.word);
  return [...first, ...matches.filter((m) => !typed.includes(m)).map((m) => m.word)];
}

/** An abbreviation spelt out (a chat word kept as typed). */
function spelt(w: string): string {
  return isChatWord(w) ? w : ENGLISH_ABBREVIATIONS.get(w) ?? w;
}

/**
 * Irregular English verb forms (past tense, past participle) and their verb: English morphology, a closed class (the
 * filler list has was, had, did). A form that is as often another word (found, saw, left) is a form here only where
 * no look-up knows it (EnglishRules.irregularVerbs).
 */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  (
    'arose arisen:arise became:become began begun:begin bent:bend bound:bind bled:bleed blew blown:blow broke broken:break ' +
    'bred:breed brought:bring built:build burnt:burn bought:buy caught:catch chose chosen:choose came:come crept:creep ' +
    'dealt:deal dug:dig drew drawn:draw drank drunk:drink drove driven:drive ate eaten:eat fell fallen:fall fed:feed ' +
    'fought:fight fled:flee flew flown:fly forbade forbidden:forbid forgot forgotten:forget forgave forgiven:forgive ' +
    'froze frozen:freeze got gotten:get gave given:give went gone:go grew grown:grow hung:hang heard:hear hid hidden:hide ' +
    'held:hold kept:keep knew known:know laid:lay led:lead left:leave lent:lend lost:lose made:make meant:mean met:meet ' +
    'paid:pay ran:run rose risen:rise said:say sought:seek sold:sell sent:send shook shaken:shake shot:shoot shown:show ' +
    'sang sung:sing sank sunk:sink slept:sleep spoke spoken:speak spent:spend stood:stand stole stolen:steal stuck:stick ' +
    'struck stricken:strike strove striven:strive swept:sweep took taken:take taught:teach tore torn:tear told:tell ' +
    'thought:think threw thrown:throw understood:understand woke woken:wake wore worn:wear won:win wrote written:write ' +
    'withdrew withdrawn:withdraw undertook undertaken:undertake overcame:overcome upheld:uphold'
  )
    .split(' ')
    .reduce<[string, string][]>((pairs, item, k, all) => {
      const colon = item.indexOf(':');
      if (colon < 0) {
        // A form whose verb comes with a later item of the same group (blew blown:blow).
        const rest = all.slice(k + 1).find((x) => x.includes(':')) as string;
        pairs.push([item, rest.slice(rest.indexOf(':') + 1)]);
      } else pairs.push([item.slice(0, colon), item.slice(colon + 1)]);
      return pairs;
    }, []),
);
/** The verbs of the irregular forms (come, bring, fall, take): verbs whatever else they are (particlesOut). */
const IRREGULAR_VERBS: ReadonlySet<string> = new Set(IRREGULAR_FORMS.values());
/** A form with a verb's prefix (rebuilt, overgrown, outgrown). */
const VERB_PREFIX = /^(re|over|under|out|up|mis)(?=[a-z]{3,}$)/;

/** The verb of an irregular form (led → lead, rebuilt → rebuild), or undefined. */
function verbOf(word: string): string | undefined {
  const own = IRREGULAR_FORMS.get(word);
  if (own) return own;
  const prefix = VERB_PREFIX.exec(word)?.[1];
  const base = prefix ? IRREGULAR_FORMS.get(word.slice(prefix.length)) : undefined;
  return prefix && base ? prefix + base : undefined;
}

/** A people's adjective (see EnglishRules.demonyms): Tibet-an, Korea-n, Mongolia-n. */
const DEMONYM = /^[a-z]{3,}an$/;

/** A superlative's form (see EnglishRules.superlatives): best, most and the like are no -est of an adjective. */
const SUPERLATIVE = /^[a-z]{2,}[^aeiou]est$|^[a-z]{2,}iest$/;

/** The adjectives a superlative may be of, likeliest first: strongest → strong, largest → large, biggest → big, earliest → early. */
function adjectivesOf(word: string): string[] {
  const stemmed = word.slice(0, -3);
  if (word.endsWith('iest')) return [`${word.slice(0, -4)}y`];
  const doubled = /([bdgmnprt])\1$/.test(stemmed) ? [stemmed.slice(0, -1)] : [];
  return [...doubled, stemmed, `${stemmed}e`];
}

/** Negative prefixes of English adjectives and nouns (see EnglishRules.negativePrefixes), longest first. */
const NEGATIVE_PREFIX = /^(?:non|dis|un|in|im|il|ir)(?=[a-z]{4,}$)/;
/** Chinese negations put before a translation. */
const NEGATIONS = ['不', '非', '无', '未'];

/**
 * Derivational suffixes Porter2 leaves on (see EnglishRules.derivations) and the base each stands on, with whether the
 * base must be a verb: -ment and -ition make nouns of verbs, -ness of adjectives.
 */
/** Any of DERIVATIONS' suffixes, tried first. */
const DERIVED = /(?:ments?|itions?|ness(?:es)?)$/;
const DERIVATIONS: readonly { suffix: RegExp; base: (stem: string) => string; verb: boolean }[] = [
  { suffix: /^([a-z]{3,})ments?$/, base: (x) => x, verb: true },
  { suffix: /^([a-z]{3,})itions?$/, base: (x) => `${x}ish`, verb: true },
  { suffix: /^([a-z]{3,})iness(?:es)?$/, base: (x) => `${x}y`, verb: false },
  { suffix: /^([a-z]{3,})ness(?:es)?$/, base: (x) => x, verb: false },
];

/** An -ing or -ed form (see EnglishRules.inflections). */
const INFLECTED = /^([a-z]{3,})(?:ing|ed)$/;

/**
 * The verb of an -ing or -ed form that `fits` (see EnglishRules.inflections), whose key differs from the form's: with
 * its e restored (sacrificing → sacrifice), its doubled consonant single (embedding → embed), or as cut.
 */
function inflectedBase(word: string, fits: (base: string) => boolean): string | undefined {
  const cut = (INFLECTED.exec(word) as RegExpExecArray)[1] as string;
  const bases = [`${cut}e`, ...(/([b-df-hj-np-tv-z])\1$/.test(cut) ? [cut.slice(0, -1)] : []), cut];
  const key = glossKey(word);
  return bases.find((b) => glossKey(b) !== key && fits(b));
}

/** Most English words whose translations are joined into one Chinese stretch, and senses tried per word. */
const MAX_JOINED = 4;
const SENSES_TRIED = 8;
/**
 * Senses of a glossed English word searched: its best, and up to two weaker ones as related terms (three before round
 * 8: with a word's other senses credited more in the coverage, its fourth sense — rarely the one meant — found more
 * wrong passages than right ones; docs/search.md, English, round 8).
 */
const SENSES_SEARCHED = 3;

/**
 * The first joining of one sense of each segment, in order, that the texts hold as a word of their index, or as a
 * stretch of four characters or more (乡村党 of 乡村党员 is no word: village party secretary is not 乡村党 + 书记),
 * trying each word's better senses first.
 */
function spelled(segments: readonly Segment[], ctx: EnglishContext): string | undefined {
  const inTexts = ctx.inTexts;
  const found = (at: number, prefix: string): string | undefined => {
    if (at === segments.length) return ctx.hasTerm(prefix) || (Array.from(prefix).length >= 4 && inTexts(prefix)) ? prefix : undefined;
    const segment = segments[at] as Segment;
    const senses = segment.joins ?? segment.heads;
    // A near-character reading joins no neighbour (Segment.own): the near words alone do.
    for (const head of (segment.own === undefined ? senses : senses.filter((h) => h !== segment.own)).slice(0, SENSES_TRIED)) {
      // A prefix the texts lack cannot grow into a stretch they hold.
      if (at > 0 && !inTexts(prefix + head)) continue;
      const whole = found(at + 1, prefix + head);
      if (whole) return whole;
    }
    return undefined;
  };
  return found(0, '');
}

/**
 * Words no look-up knows read by English morphology (EnglishRules.irregularVerbs, negativePrefixes): an irregular verb
 * form out, a negative prefix and a known word as a Chinese negation and its translation, a superlative as 最 and its
 * adjective's translation, where the texts hold it. `translated`: some word became Chinese.
 */
function wordForms(
  text: string,
  ctx: EnglishContext,
  rules: Required<EnglishRules>,
  known: (word: string) => boolean,
  translate: (phrase: string) => readonly string[],
): { text: string; translated: boolean } {
  const glossary = ctx.glossary as Glossary;
  let translated = false;
  // A word with meaning that no look-up, term or near gloss knows: one to read by its morphology.
  const unknown = (w: string): boolean =>
    !isChatWord(w) && glossKey(w).length > 0 && !known(w) && !ctx.hasTerm(w) && glossary.near(glossKey(w), surfaceKey(w)).length === 0;
  const out = text.replace(LATIN_WORDS_ANY, (w, at: number) => {
    // Not inside an address or after a digit (cpsa.org.cn, 3rd).
    if (at > 0 && /[0-9.@/]/.test(text[at - 1] as string)) return w;
    if (rules.derivations && DERIVED.test(w)) {
      for (const { suffix, base, verb } of DERIVATIONS) {
        const stem = suffix.exec(w)?.[1];
        if (stem === undefined) continue;
        // The suffix first (a regular expression), the look-ups after: most words have none.
        if (!unknown(w)) break;
        const word = base(stem);
        const surface = surfaceKey(word);
        // A verb's base is one in its best sense, as typed ("to pay"): basement is no base (基础), garment no gar.
        const best = known(word) ? glossary.english(glossKey(word), surface)[0] : undefined;
        if (best && (!verb || (best.verb === true && glossedAsTyped(best, surface)))) return word;
        break;
      }
    }
    if (rules.inflections && INFLECTED.test(w) && unknown(w)) {
      const base = inflectedBase(w, (b) => {
        if (!known(b)) return false;
        const surface = surfaceKey(b);
        const best = glossary.english(glossKey(b), surface)[0];
        // A verb glossed as typed ("to embed"): an -ing or -ed form is a verb's.
        return best !== undefined && best.verb === true && glossedAsTyped(best, surface);
      });
      if (base !== undefined) return base;
    }
    if (rules.irregularVerbs) {
      const verb = verbOf(w);
      // Said of the topic, not the topic (projects brought in, activities held, students sent): out, as a filler is.
      if (verb && (known(verb) || isChatWord(verb)) && unknown(w)) return '';
    }
    if (rules.demonyms && DEMONYM.test(w) && unknown(w)) {
      const place = [w.slice(0, -2), w.slice(0, -1)].find(known);
      if (place) return place;
    }
    if (rules.superlatives && SUPERLATIVE.test(w) && unknown(w)) {
      for (const base of adjectivesOf(w)) {
        // The adjective's characters even where no library word is glossed with it (big → 大, low → 低).
        const heads = known(base) ? translate(base).slice(0, SENSES_TRIED).filter((h) => HAN.test(h)) : [];
        for (const head of [...heads, ...charactersGlossed(base)]) {
          if (ctx.inTexts(`最${head}`)) {
            translated = true;
            return ` 最${head} `;
          }
        }
      }
    }
    if (rules.negativePrefixes) {
      const prefix = NEGATIVE_PREFIX.exec(w)?.[0];
      const rest = prefix ? w.slice(prefix.length) : '';
      if (prefix && known(rest) && unknown(w)) {
        for (const head of translate(rest).slice(0, SENSES_TRIED)) {
          if (!HAN.test(head)) continue;
          for (const not of NEGATIONS) {
            const chinese = not + head;
            if (Array.from(chinese).length >= 3 && ctx.inTexts(chinese)) {
              translated = true;
              return ` ${chinese} `;
            }
          }
        }
      }
    }
    return w;
  });
  return { text: out, translated };
}

/** A word of six letters or more (not already re-); see EnglishRules.rePrefix. */
const RE_CANDIDATE = /(?<![a-z0-9-])(?!re)[a-z]{6,}(?![a-z0-9])/g;

/** Words known only by their stem as their re- form where that is known as written (vitalization → revitalization). */
function reForms(text: string, byStemOnly: (word: string) => boolean, reKnown: (word: string) => boolean): string {
  return text.replace(RE_CANDIDATE, (w) => (!isChatWord(w) && reKnown(w) && byStemOnly(w) ? `re${w}` : w));
}

/**
 * A place's English kind after a word whose translation already ends on the kind's character goes (Chengguan district:
 * chengguan → 城关区, district out); see EnglishRules.placeKinds.
 */
function placeKinds(text: string, translate: (phrase: string) => readonly string[], rules: Required<EnglishRules>, inTexts: (text: string) => boolean): string {
  if (!PLACE_KIND.test(text)) return text;
  PLACE_KIND.lastIndex = 0;
  return text.replace(PLACE_KIND, (all, name: string, _space: string, kind: string) => {
    const character = (ENGLISH_PLACE_KINDS.get(kindSingular(kind)) as { character: string }).character;
    const heads = translate(name).filter((h) => HAN.test(h) && Array.from(h).length >= 2);
    const head = heads[0];
    if (rules.placeKinds && head !== undefined && head.endsWith(character)) return name;
    if (rules.kindJoins && !isChatWord(name)) {
      const joined = heads.slice(0, SENSES_SEARCHED).find((h) => !h.endsWith(character) && inTexts(h + character));
      if (joined) return ` ${joined}${character} `;
    }
    return all;
  });
}

/** What joins two words of a coordinate pair (EnglishRules.coordinatePairs): a hyphen, and, &, /. */
const PAIR_LINK = /^(?:\s*[-&/]\s*|\s+and\s+)$/;
/** Translations of each word of a pair whose first character is tried. */
const PAIR_SENSES = 3;
/** A dictionary gloss naming a pair: "city and countryside", "the Party and the masses". */
const PAIR_GLOSS = /\band\b|&/;
const pairMemos = new WeakMap<(term: string) => boolean, BoundedMemo<string, string>>();

/**
 * Whether a Latin word of `text` may be read as English for a pair or a compound: no chat word, a word with meaning, no
 * number, not after a digit, dot, @ or / (a piece of a version, an address). One test for coordinatePairs,
 * characterCompounds and characterStretches.
 */
function readsAsEnglish(w: Word, text: string): boolean {
  return !isChatWord(w.word) && glossKey(w.word).length > 0 && numberOf(w.word) === undefined && (w.start === 0 || !/[0-9.@/]/.test(text[w.start - 1] as string));
}

/** Coordinate pairs of known words as the compound of their first characters (see EnglishRules.coordinatePairs). */
function coordinatePairs(
  text: string,
  hasTerm: (term: string) => boolean,
  phraseKnown: (phrase: string) => boolean,
  wordKnown: (word: string) => boolean,
  translate: (word: string) => readonly string[],
  spacedPairs: boolean,
): string {
  const words = latinWords(text);
  if (words.length < 2) return text;
  let pairsOf = pairMemos.get(hasTerm);
  if (!pairsOf) pairMemos.set(hasTerm, (pairsOf = createBoundedMemo<string, string>(10_000)));
  let out = '';
  let last = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as Word;
    // and is a word of its own between the two.
    const skip = words[i + 1]?.word === 'and' ? 2 : 1;
    const b = words[i + skip];
    if (b === undefined) break;
    const link = text.slice(a.end, b.start);
    // Side by side (urban rural barriers), only a compound the dictionary glosses as a pair.
    const spaced = spacedPairs && skip === 1 && /^\s+$/.test(link);
    if ((!spaced && !PAIR_LINK.test(link)) || !readsAsEnglish(a, text) || !readsAsEnglish(b, text)) continue;
    const key = `${spaced ? ' ' : ''}${a.word} ${b.word}`;
    let pair = pairsOf.get(key);
    if (pair === undefined) {
      pair = '';
      if (wordKnown(a.word) && wordKnown(b.word) && !phraseKnown(key) && !phraseKnown(`${a.word} and ${b.word}`)) {
        const firsts = (w: Word): string[] => [...new Set(translate(w.word).slice(0, PAIR_SENSES).filter((h) => HAN.test(h)).map((h) => Array.from(h)[0] as string))];
        const [fa, fb] = [firsts(a), firsts(b)];
        const meant = (c: string): boolean => {
          const fields = dictionaryFields(c);
          return hasTerm(c) && (fields === undefined ? !spaced : PAIR_GLOSS.test(fields));
        };
        found: for (const x of fa) {
          for (const y of fb) {
            if (x === y) continue;
            if (meant(x + y)) { pair = x + y; break found; }
            if (meant(y + x)) { pair = y + x; break found; }
          }
        }
      }
      pairsOf.set(key, pair);
    }
    if (pair === '') continue;
    out += `${text.slice(last, a.start)} ${pair} `;
    last = b.end;
    i += skip;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Most English words composed into one word by their characters (EnglishRules.characterCompounds). */
const MAX_COMPOUNDED = 3;
/**
 * The compounds found per run of English words ('' for none), kept per library (its hasTerm): the character products
 * are the dear part.
 */
const compoundMemos = new WeakMap<(term: string) => boolean, BoundedMemo<string, string>>();

/**
 * Runs of adjacent English words whose characters compose a word of the index as that word (see
 * EnglishRules.characterCompounds); `phraseKnown` tells a phrase the table or the glosses know whole.
 */
function characterCompounds(
  text: string,
  hasTerm: (term: string) => boolean,
  phraseKnown: (phrase: string) => boolean,
  wordKnown: (word: string) => boolean,
): string {
  const words = latinWords(text);
  if (words.length < 2) return text;
  // A word that may take part: one that means something (not of, the, please, ppt), no number, not inside an address.
  const able = words.map((w) => readsAsEnglish(w, text));
  let compoundsOf = compoundMemos.get(hasTerm);
  if (!compoundsOf) compoundMemos.set(hasTerm, (compoundsOf = createBoundedMemo<string, string>(10_000)));
  const memo = compoundsOf;
  return replaceRuns(text, words, MAX_COMPOUNDED, 2, (run, i) => {
    if (!run.every((_, k) => able[i + k] === true) || !adjacent(text, run)) return '';
    const phrase = run.map((w) => w.word).join(' ');
    // A run of words each translated already is left to the joining of their translations: their characters' other
    // senses compose words of other meanings (pay later → 纳凉, villagers actually like → 村委会).
    return (
      memo.get(phrase) ??
      memo.set(phrase, phraseKnown(phrase) || run.every((w) => wordKnown(w.word)) ? '' : compose(run.map((w) => charactersGlossed(w.word)), (c) => hasTerm(c) && meantBy(c, run)))
    );
  });
}

/**
 * The scan characterCompounds, characterLists and characterStretches share: from each word, the runs of `most` words
 * down to `fewest` are offered to `read`, and the first it turns into text ('' for none) replaces the run, the scan
 * going on after it.
 */
function replaceRuns(text: string, words: readonly Word[], most: number, fewest: number, read: (run: readonly Word[], at: number) => string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(most, words.length - i); n >= fewest; n--) {
      const run = words.slice(i, i + n);
      const found = read(run, i);
      if (found === '') continue;
      out += `${text.slice(last, (run[0] as Word).start)} ${found} `;
      last = (run[n - 1] as Word).end;
      i += n - 1;
      break;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Most English words of a list composed into one word by their characters (EnglishRules.characterLists). */
const MAX_LISTED = 4;
/** Fewest characters of a word composed from a list (EnglishRules.characterLists). */
const LISTED_MIN = 3;
/** What joins the words of a list: a comma, and, or, & or /, with spaces; or spaces and hyphens alone. */
const LIST_LINK = /^\s*(?:[,\uff0c\u3001&/]\s*)?(?:(?:and|or)\s+)?$|^[\s-]+$/;
/** A link that makes a list (not words side by side, which characterCompounds reads). */
const LISTING = /[,\uff0c\u3001&/]|\b(?:and|or)\b/;
/** The words found per list ('' for none), kept per library (its hasTerm). */
const listMemos = new WeakMap<(term: string) => boolean, BoundedMemo<string, string>>();

/**
 * Lists of English words whose characters compose a word of the index, as that word (see EnglishRules.characterLists):
 * before the pairs and the character compounds, which take two of its words otherwise (fix small → 定点).
 */
function characterLists(text: string, hasTerm: (term: string) => boolean, inTexts: (text: string) => boolean): string {
  if (!LISTING.test(text)) return text;
  // and and or are links, not words of the list.
  const words = latinWords(text).filter((w) => w.word !== 'and' && w.word !== 'or');
  if (words.length < LISTED_MIN) return text;
  const able = words.map((w) => readsAsEnglish(w, text));
  let listsOf = listMemos.get(hasTerm);
  if (!listsOf) listMemos.set(hasTerm, (listsOf = createBoundedMemo<string, string>(10_000)));
  const memo = listsOf;
  // One character a word: a list shorter than LISTED_MIN spells no word it may take.
  return replaceRuns(text, words, MAX_LISTED, LISTED_MIN, (run, i) => {
    if (!run.every((_, k) => able[i + k] === true)) return '';
    const gaps = run.slice(1).map((w, k) => text.slice((run[k] as Word).end, w.start));
    if (!gaps.every((g) => LIST_LINK.test(g)) || !gaps.some((g) => LISTING.test(g))) return '';
    const phrase = run.map((w) => w.word).join(' ');
    // A prefix the texts lack ends a branch: a common word has dozens of characters, and four lists multiply past millions.
    return memo.get(phrase) ?? memo.set(phrase, compose(run.map((w) => charactersGlossed(w.word)), (c) => [...c].length >= LISTED_MIN && hasTerm(c) && meantBy(c, run), inTexts));
  });
}

/** The stretches found per run of English words ('' for none), kept per library (its inTexts); see characterStretches. */
const stretchMemos = new WeakMap<(text: string) => boolean, BoundedMemo<string, string>>();
/** Translations of a known word tried in a stretch: the senses searched and a few after them (see SENSES_SEARCHED). */
const STRETCH_SENSES = 6;
/** Fewest characters of a stretch (EnglishRules.characterStretches): two side by side are in the texts by chance. */
const STRETCH_MIN = 3;

/**
 * Runs of adjacent English words, one of them a word no look-up knows, that compose a stretch of the texts, as that
 * stretch (EnglishRules.characterStretches): after the character compounds, on what they left.
 */
function characterStretches(
  text: string,
  hasTerm: (term: string) => boolean,
  inTexts: (text: string) => boolean,
  phraseKnown: (phrase: string) => boolean,
  wordKnown: (word: string) => boolean,
  translate: (word: string) => readonly string[],
  knownCharacters = false,
  inTextsWhole: (text: string) => boolean = inTexts,
): string {
  const words = latinWords(text);
  if (words.length < 2) return text;
  const able = words.map((w) => readsAsEnglish(w, text));
  const known = words.map((w, k) => able[k] === true && wordKnown(w.word));
  // Most queries have no unknown word: nothing to compose.
  if (!knownCharacters && !words.some((_, k) => able[k] === true && !known[k])) return text;
  // Whether words a and b, side by side and both readable, make a phrase known whole (the e-commerce of commerce).
  const joinsKnown = (a: number, b: number): boolean => {
    const pair = [words[a], words[b]];
    return able[a] === true && able[b] === true && adjacent(text, pair as Word[]) && phraseKnown(pair.map((w) => (w as Word).word).join(' '));
  };
  let stretchesOf = stretchMemos.get(inTexts);
  if (!stretchesOf) stretchMemos.set(inTexts, (stretchesOf = createBoundedMemo<string, string>(10_000)));
  const memo = stretchesOf;
  return replaceRuns(text, words, MAX_COMPOUNDED, 2, (run, i) => {
    const n = run.length;
    if (!run.every((_, k) => able[i + k] === true) || (!knownCharacters && run.every((_, k) => known[i + k])) || !adjacent(text, run)) return '';
    // Not a word of a phrase known whole with the word before or after the run (the commerce of e-commerce).
    if (joinsKnown(i - 1, i) || joinsKnown(i + n - 1, i + n)) return '';
    const phrase = run.map((w) => w.word).join(' ');
    return memo.get(phrase) ?? memo.set(phrase, phraseKnown(phrase) ? '' : characterStretch(run, known.slice(i, i + n), hasTerm, inTexts, translate, knownCharacters, inTextsWhole));
  });
}

/** Of a character's glosses, the first ones that may give its sense in a stretch (区 is "small" fourth, after "area"). */
const EARLY_GLOSSES = 3;

/** A gloss naming, not meaning: an abbreviation, a surname, a dynasty or state, a variant form (新 "abbr. for xinjiang"). */
const NAMING_GLOSS = /^(?:abbr\.|surname|variant of|old variant|see |used in|ancient)|dynasty|\bpr\./;

/** A headword's dictionary fields (tab-separated) without its references (=…) and naming glosses: what it means. */
const meaningGlosses = (fields: string): string[] => fields.split('\t').filter((g) => !g.startsWith('=') && !NAMING_GLOSS.test(g));

/** Whether one of a character's first glosses holds the English word (by stem). */
function glossedEarly(character: string, word: string): boolean {
  const wanted = stemOf(word);
  return meaningGlosses(dictionaryFields(character) ?? '')
    .slice(0, EARLY_GLOSSES)
    .some((g) => keyOfGloss(g).split(' ').includes(wanted));
}

/**
 * Particles of English phrasal verbs (a closed class): with them a verb means what it does not alone (team up, sort
 * out, take over, fall back). The glossary's keys drop up, out, over, down and off as fillers, and particlesOut drops
 * back and away after a verb, so that a phrasal verb was looked up as its verb (teaming → 团队 "team").
 */
const PHRASAL_PARTICLES = new Set(['up', 'out', 'over', 'down', 'off', 'back', 'away']);
/** A dictionary gloss that is a phrasal verb: "to team up", "to crack down on sth", "to drop out of school". */
const PHRASAL_GLOSS = /^(?:to )?([a-z]+) (up|out|over|down|off|back|away)(?: (.+))?$/;

/** A word of the texts the dictionary glosses with a phrasal verb (see {@link phrasalOf}). */
export interface PhrasalWord {
  word: string;
  /** Passages holding it. */
  count: number;
  /** Where the gloss stands among the word's glosses (0: its first sense). */
  rank: number;
  /** The gloss's words after the particle, as gloss keys (school of "out of school"; none for "on sth"). */
  rest: string[];
}

/**
 * englishPhrasal (round 17, second half): the texts' words (two characters or more) by the phrasal verbs the
 * dictionary glosses them with, keyed by the verb's stem and the particle: team up → 抱团, drop out → 辍学 ("to drop
 * out of school"), crack down → 扫黑 ("to crack down on illegal activities"). Built once per library
 * from its own words' lines, so a word a later document brings is served too; nothing is written per English phrase.
 */
export function phrasalOf(words: () => readonly (readonly [string, number])[]): (verbStem: string, particle: string) => readonly PhrasalWord[] | undefined {
  let map: Map<string, PhrasalWord[]> | undefined;
  return (verbStem, particle) => {
    if (!map) {
      map = new Map();
      for (const [word, count] of words()) {
        if (charCount(word) < 2 || !HAN.test(word)) continue;
        const fields = dictionaryFields(word);
        if (!fields) continue;
        const glosses = meaningGlosses(fields);
        glosses.forEach((g, rank) => {
          const m = PHRASAL_GLOSS.exec(g);
          if (!m) return;
          const key = `${stemOf(m[1] as string)} ${m[2] as string}`;
          const rest = m[3] === undefined ? [] : glossKey(m[3]).split(' ').filter((k) => k.length > 0);
          const list = map?.get(key);
          const entry = { word, count, rank, rest };
          if (list) list.push(entry);
          else map?.set(key, [entry]);
        });
      }
    }
    return map.get(`${verbStem} ${particle}`);
  };
}

/**
 * A word's glosses that may give it for a phrasal verb: its first two. A later one is a sense the word is rarely
 * meant in (下降 "to go down" is fourth, 报销 "to wipe out" fourth, 出现 "to show up" fourth).
 */
const PHRASAL_SENSES = 2;
/** Most words of the texts a phrasal verb may stand for (see phrasalVerbs). */
const PHRASAL_WORDS = 3;
/** Most query words after the particle a phrasal gloss's rest may take in (dropping out of school: of, school). */
const PHRASAL_REST = 3;

/**
 * A verb and its particle as the texts' word the dictionary glosses with them (EnglishContext.phrasal): teaming up →
 * 抱团, cracking down → 扫黑, dropping out of school → 辍学 (the gloss's rest, "of school", typed after it too, is
 * taken in). Among several words: the gloss's rest typed after the particle, longest first; then the word more
 * passages hold; then the earlier gloss. Only words joined by spaces (follow-up is a noun).
 */
function phrasalVerbs(text: string, phrasal: NonNullable<EnglishContext['phrasal']>): string {
  if (!/\b(?:up|out|over|down|off|back|away)\b/.test(text)) return text;
  const words = latinWords(text);
  let out = '';
  let last = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const verb = words[i] as Word;
    const particle = words[i + 1] as Word;
    if (!PHRASAL_PARTICLES.has(particle.word) || !/^\s+$/.test(text.slice(verb.end, particle.start))) continue;
    if (isChatWord(verb.word) || glossKey(verb.word).length === 0 || (verb.start > 0 && /[0-9.@/-]/.test(text[verb.start - 1] as string))) continue;
    const found = phrasal(stemOf(verbOf(verb.word) ?? verb.word), particle.word);
    if (!found || found.length === 0) continue;
    // The query's meaningful words after the particle, as keys, with where each ends.
    const after: { key: string; end: number }[] = [];
    for (let j = i + 2; j < words.length && after.length < PHRASAL_REST; j++) {
      const w = words[j] as Word;
      if (!/^[\s-]+$/.test(text.slice((words[j - 1] as Word).end, w.start))) break;
      const key = glossKey(w.word);
      if (key.length > 0) after.push({ key, end: w.end });
    }
    // Where a gloss's rest typed after the particle ends (the particle's end for none typed).
    const restEnd = (p: PhrasalWord): number =>
      p.rest.length > 0 && p.rest.length <= after.length && p.rest.every((k, n) => after[n]?.key === k) ? (after[p.rest.length - 1] as { end: number }).end : particle.end;
    const senses = found.filter((p) => p.rank < PHRASAL_SENSES);
    // A phrasal verb the dictionary gives many of the texts' words for is a general verb (set up: 建立, 成立, 设立,
    // 树立 …; carry out): its verb's own reading does as well.
    if (senses.length > PHRASAL_WORDS) continue;
    const ranked = senses
      .map((p) => ({ p, end: restEnd(p) }))
      .sort((a, b) => b.end - a.end || b.p.count - a.p.count || a.p.rank - b.p.rank);
    const best = ranked[0];
    if (!best) continue;
    const end = best.end;
    out += `${text.slice(last, verb.start)} ${best.p.word} `;
    last = end;
    while (i + 1 < words.length && (words[i + 1] as Word).start < end) i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** What {@link characterSaidOf} asks of the library. */
export interface CharacterLibrary {
  /** The texts' words with their passage counts (bigram terms left out). */
  words: () => readonly (readonly [string, number])[];
  /** How many passages' text holds the character. */
  passagesHolding: (character: string) => number;
  /** How many passages there are. */
  size: number;
}

/** A word of two Han characters (englishNearCharacter's readings). */
const TWO_HAN = /^[\u4e00-\u9fff]{2}$/;

/** Each character's words of the texts (any holding a Han character), most passages first; one per library. */
const wordsByCharacter = new WeakMap<CharacterLibrary, Map<string, [string, number][]>>();

/**
 * The texts' words holding a character, most passages first (the order of library.words() among equals), built on the
 * first call for a library and shared by every reader of it (englishCharacter, englishNearCharacter).
 */
function wordsHolding(library: CharacterLibrary, character: string): readonly [string, number][] | undefined {
  let table = wordsByCharacter.get(library);
  if (!table) {
    table = new Map<string, [string, number][]>();
    for (const [word, df] of library.words()) {
      if (!/[\u4e00-\u9fff]/.test(word)) continue;
      for (const c of new Set(word)) {
        const list = table.get(c);
        if (list) list.push([word, df]);
        else table.set(c, [[word, df]]);
      }
    }
    for (const list of table.values()) list.sort((a, b) => b[1] - a[1]);
    wordsByCharacter.set(library, table);
  }
  return table.get(character);
}

/**
 * Where among a character's first `early` meaning glosses the English word stands, as typed or in the singular (both
 * as a gloss writes it: `typed`, `single`); -1 where it does not.
 */
function glossRank(character: string, typed: string, single: string, early: number): number {
  return meaningGlosses(dictionaryFields(character) ?? '')
    .slice(0, early)
    .findIndex((g) => {
      const k = surfaceOfGloss(g);
      return k === typed || k === single;
    });
}

/**
 * englishCharacter (round 17): an English word no look-up knows whose Chinese is a single character — bench 凳, window
 * 窗, butterfly 蝶, money 钱, scattered 散 — is read as the texts' word holding that character (板凳 of 板凳会, 一窗受理,
 * 蝶变's 蝶, 钱 of 钱往基层投, 小弱散), analysed as if typed in Chinese. The glossary leaves single characters out (most
 * are too ambiguous), and round 16's englishSaid needs a `say` string of two characters or more. What makes such a
 * character telling is that the texts hardly use it: one of its first glosses is the word whole (a verb's "to" aside,
 * as the glossary's keys read it), and at most `maxShare` of the passages hold it (common ones — 新 "new", 老 "old",
 * 小 "small", 风 "wind" — stand in many words of other senses). Among several, the earlier gloss, then the rarer
 * character; of its words, the one most passages hold. Nothing is written per English word: the dictionary and the
 * library decide, so a document added later brings its own characters' words. Kept per word.
 */
export function characterSaidOf(library: CharacterLibrary, maxShare: number, parts = false): (word: string) => string | undefined {
  // '' for none (a bounded memo's get cannot tell a kept undefined from a miss).
  const memo = createBoundedMemo<string, string>(10_000);
  // Of the texts' words holding the character, the one most passages hold that means the English word: the
  // dictionary glosses it so or lacks it (a word of the texts' own: 一窗受理, 小弱散), as round 11's compounds ask
  // (cap → 帽 is not 摘帽 "to be rehabilitated", private → 私 not 无私 "selfless").
  const wordFor = (character: string, typed: string): string | undefined => {
    const run = [{ word: typed, start: 0, end: typed.length }];
    return wordsHolding(library, character)?.find(([w]) => meantBy(w, run) && (!parts || partsMeant(w, character, run)))?.[0];
  };
  return (word) => {
    const kept = memo.get(word);
    if (kept !== undefined) return kept === '' ? undefined : kept;
    // The word as typed or in the singular, as a gloss writes it (a verb's "to" aside): briefings is not 短 "brief".
    const typed = surfaceOfGloss(word);
    const single = surfaceOfGloss(singular(americanSpelling(word)));
    let found: { word: string; rank: number; count: number } | undefined;
    if (typed.length > 0 && !typed.includes(' ')) {
      for (const c of charactersGlossed(word)) {
        const rank = glossRank(c, typed, single, EARLY_GLOSSES);
        if (rank < 0) continue;
        const count = library.passagesHolding(c);
        if (count === 0 || count > maxShare * library.size) continue;
        const text = wordFor(c, word);
        if (text === undefined) continue;
        if (!found || rank < found.rank || (rank === found.rank && count < found.count)) found = { word: text, rank, count };
      }
    }
    memo.set(word, found?.word ?? '');
    return found?.word;
  };
}

/**
 * englishNearCharacter (round 22): a single English word no gloss of the library's words has whole is found only
 * inside a longer gloss (Glossary.near), where it is often one part of a compound's meaning: poor of 扶贫 "assistance
 * to the poor", teachers of 名师 "great teacher". When a dictionary character whose first gloss is that word as typed
 * or in the singular stands in such a near word (贫 "poor" in 扶贫, 师 "teacher" in 名师), it carries the English word
 * there, and the texts' word of two characters that the character starts — the one most passages hold, a place name
 * or place word aside (`placeWord`: 西藏, 山下) — is its reading: poor → 贫困 (beside 扶贫), teachers → 师生 (beside
 * 名师). Among several such characters, the word most passages hold. Nothing is written per English word: the
 * dictionary and the library decide. Kept per word. mapEnglish puts the reading beside the first near word as an
 * equal head, the other near words after them, and joins it with no neighbour (Segment.own; round 22's follow-up).
 */
export function nearCharacterOf(library: CharacterLibrary, placeWord: (word: string) => boolean = () => false): (word: string, near: readonly string[]) => string | undefined {
  const memo = createBoundedMemo<string, string>(10_000);
  return (word, near) => {
    const kept = memo.get(word);
    if (kept !== undefined) return kept === '' ? undefined : kept;
    const typed = surfaceOfGloss(word);
    const single = surfaceOfGloss(singular(americanSpelling(word)));
    let found: readonly [string, number] | undefined;
    if (typed.length > 0 && !typed.includes(' ')) {
      for (const c of charactersGlossed(word)) {
        if (glossRank(c, typed, single, 1) !== 0) continue;
        // A near word holds the character: it carries the English word there (扶贫's 贫), not a chance sense.
        if (!near.some((n) => n.includes(c))) continue;
        // Of the texts' words holding it, the first (most passages) of two Han characters that it starts.
        const w = wordsHolding(library, c)?.find(([x]) => x.length === 2 && x[0] === c && TWO_HAN.test(x) && !placeWord(x));
        if (w && (!found || w[1] > found[1])) found = w;
      }
    }
    memo.set(word, found?.[0] ?? '');
    return found?.[0];
  };
}

/**
 * englishCharacterParts (round 17, second half): a word of the texts the dictionary lacks (宏伟蓝图, 一窗受理) stands for
 * the English word through its character only if no dictionary word inside it holding that character is glossed
 * otherwise: big → 伟 "big" is not 宏伟蓝图, whose 伟 is 宏伟's, "grand; imposing; magnificent"; window → 窗 is
 * 一窗受理 (no dictionary word inside it holds 窗 but 窗 itself), bench → 凳 is 板凳会 (板凳 "wooden bench or stool").
 */
function partsMeant(word: string, character: string, run: readonly Word[]): boolean {
  if (dictionaryFields(word) !== undefined) return true;
  const chars = Array.from(word);
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 2; j <= chars.length && j - i < chars.length; j++) {
      const inner = chars.slice(i, j);
      if (!inner.includes(character)) continue;
      const piece = inner.join('');
      if (dictionaryFields(piece) !== undefined && !meantBy(piece, run)) return false;
    }
  }
  return true;
}

/**
 * The first stretch of the texts of three characters or more spelt, in the English order, by one dictionary character
 * of each unknown word and one translation or character of each known word; '' if none.
 */
function characterStretch(
  run: readonly Word[],
  known: readonly boolean[],
  hasTerm: (term: string) => boolean,
  inTexts: (text: string) => boolean,
  translate: (word: string) => readonly string[],
  knownCharacters = false,
  inTextsWhole: (text: string) => boolean = inTexts,
): string {
  // Per word: its pieces, and how many of them are translations (the rest are characters).
  const translations = run.map((w, k) => (known[k] ? translate(w.word).slice(0, STRETCH_SENSES) : []));
  const pieces = run.map((w, k) => {
    // A character the texts use as a word of its own somewhere (新 of 新领域新业态), not only inside others (代 of 现代).
    const characters = known[k] && !knownCharacters ? [] : charactersGlossed(w.word).filter((c) => hasTerm(c) && glossedEarly(c, w.word));
    return known[k] ? [...(translations[k] as string[]), ...characters.filter((c) => !(translations[k] as string[]).includes(c))] : w.word.length >= 3 ? characters : [];
  });
  if (pieces.some((p) => p.length === 0)) return '';
  // A prefix the texts lack ends the branch: most products are never asked of the texts. `borrowed`: a known word
  // gave a character (knownCharacters), so the stretch must stand in the texts as whole words.
  const allKnown = known.every(Boolean);
  const grow = (at: number, prefix: string, borrowed: boolean): string => {
    // A run of known words only is left to the joining of their translations (spelled) unless a character is borrowed.
    if (at === pieces.length) return [...prefix].length >= STRETCH_MIN && (borrowed || !allKnown) && meantBy(prefix, run) && (!borrowed || inTextsWhole(prefix)) ? prefix : '';
    const own = translations[at] as readonly string[];
    for (const p of pieces[at] as readonly string[]) {
      const next = prefix + p;
      if (at > 0 && !inTexts(next)) continue;
      const found = grow(at + 1, next, borrowed || (known[at] === true && !own.includes(p)));
      if (found) return found;
    }
    return '';
  };
  return grow(0, '', false);
}

/**
 * Whether a compound may stand for the English words: the dictionary has it not (a word of the texts' own: 红船, 后浪)
 * or glosses it with one of them. A compound it glosses otherwise is another word (money going → 发出 "to send out").
 */
function meantBy(compound: string, run: readonly Word[]): boolean {
  const fields = dictionaryFields(compound);
  if (fields === undefined) return true;
  const stems = new Set(run.map((w) => stemOf(w.word)));
  return fields.split('\t').some((g) => !g.startsWith('=') && keyOfGloss(g).split(' ').some((k) => stems.has(k)));
}

/**
 * The first word spelt by one character of each list, in order, that `fits` ('' if none). With `inTexts`, a prefix of
 * two characters or more the texts lack ends its branch (characterLists).
 */
function compose(characters: readonly (readonly string[])[], fits: (word: string) => boolean, inTexts?: (text: string) => boolean): string {
  const grow = (at: number, prefix: string): string => {
    if (at === characters.length) return fits(prefix) ? prefix : '';
    for (const c of characters[at] as readonly string[]) {
      if (inTexts !== undefined && at > 0 && !inTexts(prefix + c)) continue;
      const found = grow(at + 1, prefix + c);
      if (found) return found;
    }
    return '';
  };
  return characters.some((c) => c.length === 0) ? '' : grow(0, '');
}

/**
 * Maps the English of a query's free text to the library's Chinese; see the top of this file. Text without Latin
 * letters comes back as it is.
 */
export function mapEnglish(typed: string, ctx: EnglishContext): EnglishMapping {
  // Abbreviations spelt out (a chat word such as info stays the request it is).
  const english = new Map<string, readonly string[]>();
  const glossed: Glossed[] = [];
  const untranslated: string[] = [];
  // Most queries are all Chinese: no Latin letter, nothing to map.
  if (!LATIN_LETTER.test(typed)) return { text: typed, english, glossed, chinese: typed, translated: false, untranslated };
  const { terms: tableTerms, maxWords: tableWords } = englishTable();
  const { glossary } = ctx;
  const rules = { ...RULE_DEFAULTS, ...ctx.rules };
  const plain = rules.contractions ? uncontracted(typed) : typed;
  const asking = rules.howMany ? plain.replace(HOW_MANY, '$1') : plain;
  const abbreviated = asking.replace(ABBREVIATED, (w) => (ENGLISH_ABBREVIATIONS.has(w) ? spelt(w) : w.split('-').map((x) => spelt(x)).join('-')));
  const knownWord = (w: string): boolean => tableTerms.has(tableKey(w)) || (glossary !== undefined && glossary.english(glossKey(w)).length > 0);
  const translate = (phrase: string): readonly string[] => {
    const fromTable = tableTerms.get(tableKey(phrase)) ?? [];
    if (!glossary) return fromTable;
    const key = glossKey(phrase);
    const surface = surfaceKey(phrase);
    const found = glossary.english(key, surface);
    return [...fromTable, ...(found.length > 0 ? found : glossary.near(key, surface)).map((m) => m.word)];
  };
  const knownAsTyped = (w: string): boolean => {
    if (tableTerms.has(tableKey(w))) return true;
    const surface = surfaceKey(w);
    return glossary !== undefined && glossary.english(glossKey(w), surface).some((m) => glossedAsTyped(m, surface));
  };
  // Known, but only through its stem (not unknown: venues is no revenues).
  const byStemOnly = (w: string): boolean => glossary !== undefined && glossary.english(glossKey(w)).length > 0 && !knownAsTyped(w);
  // The re- form looked up by its key first (a map's get): most words have none.
  const reKnown = (w: string): boolean => knownWord(`re${w}`) && knownAsTyped(`re${w}`);
  const phraseKnown = (phrase: string): boolean => tableTerms.has(tableKey(phrase)) || (glossary !== undefined && glossary.english(glossKey(phrase), surfaceKey(phrase)).length > 0);
  const wordKnown = (w: string): boolean => knownWord(w) || (glossary !== undefined && glossary.near(glossKey(w), surfaceKey(w)).length > 0);
  const phrased = glossary && ctx.phrasal ? phrasalVerbs(abbreviated, ctx.phrasal) : abbreviated;
  const prefixed = glossary && rules.rePrefix ? reForms(phrased, byStemOnly, reKnown) : phrased;
  const becoming = glossary && rules.copulaGet ? copulasAsBecome(prefixed, phraseKnown) : prefixed;
  const particled = rules.particles ? particlesOut(becoming) : becoming;
  const placed = rules.placeKinds || rules.kindJoins ? placeKinds(particled, translate, rules, ctx.inTexts) : particled;
  const forms = glossary && (rules.irregularVerbs || rules.negativePrefixes || rules.superlatives || rules.demonyms || rules.derivations || rules.inflections) ? wordForms(placed, ctx, rules, knownWord, translate) : undefined;
  const formed = forms?.text ?? placed;
  const counted = ctx.numbers === false ? formed : numbersAsChinese(formed, ctx.inTexts, knownWord);
  const named = ctx.numbers === false || !rules.numberedNames ? counted : numberedNames(counted, ctx.inTexts, translate);
  // Lists first: three characters or more, linked as a list, are stronger evidence than a pair or two words side by side
  // (fix small weak & scattered: not 定点 of fix small).
  const listed = glossary && rules.characterLists ? characterLists(named, ctx.hasTerm, ctx.inTexts) : named;
  const paired = glossary && rules.coordinatePairs ? coordinatePairs(listed, ctx.hasTerm, phraseKnown, wordKnown, translate, rules.spacedPairs) : listed;
  const compounded = glossary && rules.characterCompounds ? characterCompounds(paired, ctx.hasTerm, phraseKnown, wordKnown) : paired;
  const text = glossary && rules.characterStretches ? characterStretches(compounded, ctx.hasTerm, ctx.inTexts, phraseKnown, wordKnown, translate, rules.knownCharacters, ctx.inTextsWhole ?? ctx.inTexts) : compounded;
  const numbered = text !== formed || forms?.translated === true;
  const words = latinWords(text);
  if (words.length === 0) return { text, english, glossed, chinese: text, translated: numbered, untranslated };
  const segments: Segment[] = [];
  for (let i = 0; i < words.length; ) {
    const first = words[i] as Word;
    // Asked of the first word by each way of finding a segment below: looked up once (three Set look-ups and a
    // look-up in the glosses' key memo, a large Map).
    const firstMeans = !isChatWord(first.word) && glossKey(first.word).length > 0;
    let segment: Segment | undefined;
    let tableN = 0;
    /** Words of the query the segment found so far spans. */
    let segmentN = 0;
    for (let n = Math.min(tableWords, words.length - i); n >= 1 && !segment; n--) {
      const slice = words.slice(i, i + n);
      if (!adjacent(text, slice)) continue;
      const terms = tableTerms.get(tableKey(slice.map((w) => w.word).join(' ')));
      if (terms) segment = { start: first.start, end: (slice[n - 1] as Word).end, text: '', source: 'table', heads: [...terms] };
      if (terms) tableN = n;
    }
    // The dictionary: a phrase starting with a word that means something (not `to`, `the`, `please`, nor a word
    // for the kind of material wanted: excel, pdf, which the analyser drops). The longer phrase wins: the table's
    // industrial (产业) gives way to the dictionary's industrial chains (产业链, "industry value chain").
    if (glossary && firstMeans) {
      for (let n = Math.min(glossary.maxWords + 2, words.length - i); n > tableN && (!segment || segment.source === 'table'); n--) {
        const found = segment;
        const slice = words.slice(i, i + n);
        if (!adjacent(text, slice)) continue;
        // A phrase ends on a word that means something too (not `home to`).
        if (n > 1 && glossKey((slice[n - 1] as Word).word).length === 0) continue;
        const key = glossKey(slice.map((w) => w.word).join(' '));
        if (key.split(' ').length > glossary.maxWords) continue;
        const surface = surfaceKey(slice.map((w) => w.word).join(' '));
        const matches = glossary.english(key, surface);
        // Counted in meaningful words: "rural area of" is no longer than the table's rural.
        if (matches.length > 0 && (!found || key.split(' ').length > tableN)) {
          segment = { start: first.start, end: (slice[n - 1] as Word).end, text: '', source: 'gloss', heads: matches.map((m) => m.word) };
          if (ctx.lateGloss && n === 1) segment.weights = matches.map((m) => m.weight);
          if (rules.typedJoins) segment.joins = typedFirst(matches, surface);
          // A plural's own noun counts as typed (meetings: 会议 "meeting", which glossedAsTyped reads as meet).
          if (n === 1) segment.typed = matches.filter((m) => glossedAsTyped(m, surface) || (surface.endsWith('s') && glossedAsTyped(m, surface.slice(0, -1)))).map((m) => m.word);
          segmentN = n;
        }
      }
    }
    if (segment?.source === 'table') segmentN = tableN;
    // No gloss has the phrase whole: the library words it comes nearest to (Glossary.near), longest phrase first. A
    // phrase of two words or more found so beats a shorter one found whole (customs and habits → 移风易俗 "to reform
    // habits and customs", not customs → 习惯); a single word only stands in for none.
    if (glossary && firstMeans) {
      const least = segment ? Math.max(2, segmentN + 1) : ctx.hasTerm(first.word) ? 2 : 1;
      for (let n = Math.min(glossary.maxWords + 2, words.length - i); n >= least; n--) {
        const slice = words.slice(i, i + n);
        if (!adjacent(text, slice) || (n > 1 && glossKey((slice[n - 1] as Word).word).length === 0)) continue;
        const key = glossKey(slice.map((w) => w.word).join(' '));
        if (key.split(' ').length > glossary.maxWords || (n > 1 && key.split(' ').length < 2)) continue;
        const matches = glossary.near(key, surfaceKey(slice.map((w) => w.word).join(' ')));
        if (matches.length > 0) {
          segment = { start: first.start, end: (slice[n - 1] as Word).end, text: '', source: 'gloss', heads: matches.map((m) => m.word) };
          // A single word found only inside a longer gloss: the texts' word its own character starts, beside the first
          // near word (Segment.own; englishNearCharacter).
          const own = n === 1 && !segmentN ? ctx.nearCharacter?.(first.word, segment.heads) : undefined;
          if (own !== undefined && !segment.heads.includes(own)) {
            segment.heads = [own, ...segment.heads];
            segment.own = own;
          }
          break;
        }
      }
    }
    // Nor near: the phrase with one word replaced by a WordNet synonym of a single sense that a gloss has
    // (resettlement sites → relocation sites), longest phrase first.
    if (!segment && glossary && firstMeans && !ctx.hasTerm(first.word)) {
      for (let n = Math.min(glossary.maxWords, words.length - i); n >= 1 && !segment; n--) {
        const slice = words.slice(i, i + n);
        if (!adjacent(text, slice) || (n > 1 && glossKey((slice[n - 1] as Word).word).length === 0)) continue;
        for (let j = 0; j < n && !segment; j++) {
          const typed = (slice[j] as Word).word;
          if (glossKey(typed).length === 0 || isChatWord(typed)) continue;
          for (const synonym of glossary.synonyms(typed)) {
            const phrase = slice.map((w, k) => (k === j ? synonym : w.word)).join(' ');
            const key = glossKey(phrase);
            if (key.split(' ').length > glossary.maxWords) continue;
            const matches = glossary.english(key, surfaceKey(phrase));
            if (matches.length > 0) {
              segment = { start: first.start, end: (slice[n - 1] as Word).end, text: '', source: 'gloss', heads: matches.map((m) => m.word) };
              break;
            }
          }
        }
      }
    }
    if (segment) {
      segment.text = text.slice(segment.start, segment.end);
      segments.push(segment);
      i = words.findIndex((w) => w.start >= (segment as Segment).end);
      if (i < 0) break;
      continue;
    }
    if (firstMeans && !ctx.hasTerm(first.word)) {
      // No look-up knows it: the everyday Chinese for it, analysed as if typed (englishSaid).
      const said = ctx.saidAs?.(glossKey(first.word)) ?? ctx.characterSaid?.(first.word);
      if (said !== undefined) {
        segments.push({ start: first.start, end: first.end, text: text.slice(first.start, first.end), source: 'spelled', heads: [said] });
        i++;
        continue;
      }
      untranslated.push(first.word);
    }
    i++;
  }
  // Adjacent translated stretches whose Chinese, joined, the texts hold: one stretch, in Chinese.
  const merged: Segment[] = [];
  for (let i = 0; i < segments.length; ) {
    let done = false;
    for (let n = Math.min(ctx.maxJoined ?? MAX_JOINED, segments.length - i); n >= 2 && !done; n--) {
      const run = segments.slice(i, i + n);
      if (!adjacent(text, run)) continue;
      const whole = spelled(run, ctx);
      if (!whole) continue;
      const last = run[n - 1] as Segment;
      merged.push({ start: (run[0] as Segment).start, end: last.end, text: text.slice((run[0] as Segment).start, last.end), source: 'spelled', heads: [whole] });
      i += n;
      done = true;
    }
    if (!done) merged.push(segments[i++] as Segment);
  }
  let out = '';
  let chinese = '';
  let last = 0;
  for (const s of merged) {
    const before = text.slice(last, s.start);
    const head = s.heads[0] as string;
    last = s.end;
    if (s.source === 'table') {
      out += `${before} ${head} `;
      chinese += `${unsaid(before)}${head}`;
      english.set(head, s.heads);
      continue;
    }
    if (s.source === 'spelled') {
      // Analysed as if typed in Chinese.
      out += `${before} ${head} `;
      chinese += `${unsaid(before)}${head}`;
      continue;
    }
    // Words of the index stand for the phrase as they are; a longer stretch of text (最低生活保障, which jieba cuts
    // in two) goes into the query in Chinese, to be analysed as if typed so.
    const terms = s.heads.slice(0, SENSES_SEARCHED).filter(ctx.hasTerm);
    if (terms.length > 0) {
      out += `${before} `;
      // The best sense (the word's first gloss, exactly as written, the commoner word among equals) stands for the
      // English; the others are searched as related terms, below it: good is 良好 first, 产品 "goods" far after.
      const late = s.weights !== undefined && (s.weights[s.heads.indexOf(terms[0] as string)] ?? 1) < (ctx.lateGloss as number);
      const guess = (s.typed !== undefined && !s.typed.includes(terms[0] as string)) || late;
      const loose = s.typed === undefined ? [] : terms.slice(1).filter((t) => !(s.typed as string[]).includes(t));
      // Optional fields set one by one, not by conditional spreads (V8's slow path; docs/search.md, Speed, round 20).
      // A near-character reading stands beside the first near word (Segment.own): both are heads.
      const beside = s.own !== undefined && terms[0] === s.own && terms.length > 1 ? 2 : 1;
      const g: Glossed = { text: s.text, heads: terms.slice(0, beside), weaker: terms.slice(beside) };
      if (guess) g.guess = guess;
      if (loose.length > 0) g.looseSenses = loose;
      glossed.push(g);
    } else out += `${before} ${head} `;
    chinese += `${unsaid(before)}${terms[0] ?? head}`;
  }
  out += text.slice(last);
  chinese += unsaid(text.slice(last));
  return { text: out, english, glossed, chinese, translated: merged.length > 0 || numbered, untranslated };
}
