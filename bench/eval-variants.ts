/**
 * `npx tsx bench/eval-variants.ts [name…]`: the engine's figures on every judged set under engine-option variants
 * (the ablations in docs/search.md, *Paraphrases*, *English queries*): overall MRR@10 / success@5, one kind (the
 * everyday kind, or the one `--kind=english` names), and the full answers to no-match queries. Held-out sets print
 * aggregates only. `--misses` lists the chat set's queries of that kind not answered first, per variant.
 */
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine, type SearchEngineOptions } from '../src/search/index.js';
import { EVAL_SETS, REPORTED_BLOCKS, engineRanker, evaluate, heldOutBlock, mean, readEvalQueries, resolveJudgments } from './eval.js';

// The eleven weights round 18 re-fitted, at their values before the re-fit (round 20 adopted it): two variants below.
const WEIGHTS_BEFORE_REFIT: SearchEngineOptions = {
  fieldBoost: { title: 1.5 },
  bm25: { b: 0.7 },
  gramWeight: 0.4,
  relatedWeight: 0.3,
  relatedCredit: 0.6,
  themeBoost: 0.5,
  lengthCoverage: 0.75,
  commonEnglishWeight: 0.6,
  englishGuessWeight: 0.7,
  bigrams: { keywordWeight: 0, depth: 10 },
};

// Round 20's three rules mending the re-fit's four worse examples, each off.
const ROUND20_RULES_OFF: SearchEngineOptions = { themeTopicHeld: false, distantRelatedShare: 1, piecesUnderSense: false };

export const VARIANTS: Record<string, SearchEngineOptions> = {
  default: {},
  'no inflections': { englishRules: { inflections: false } },
  'round 3 (before)': { separableWords: false, neighbours: { subwordMeaning: false, similarity: 0 } },
  'no separable words': { separableWords: false },
  'no subword meaning': { neighbours: { subwordMeaning: false } },
  'no similarity': { neighbours: { similarity: 0 } },
  'sure 0.8 in a document': { nearbySure: 0.8 },
  'sure 1 in a document': { nearbySure: 0.999 },
  'sure 0.5 in a document': { nearbySure: 0.5 },
  'sure 0.6 in a document': { nearbySure: 0.6 },
  'sure 0.7 in a document': { nearbySure: 0.7 },
  'any neighbour in a document': { nearbySure: 0 },
  'similarity 0.5': { neighbours: { similarity: 0.5 } },
  'similarity 0.6': { neighbours: { similarity: 0.6 } },
  'similarity 0.7': { neighbours: { similarity: 0.7 } },
  'family 8': { neighbours: { maxFamily: 8 } },
  'family 16': { neighbours: { maxFamily: 16 } },
  'sense 3': { neighbours: { maxSense: 3 } },
  'gloss heads 80': { neighbours: { maxGlossHeads: 80 } },
  'neighbours 8': { neighbours: { maxNeighbours: 8 } },
  'neither (before)': { neighbours: false, placeAsAspect: false },
  'place + morphemes': { neighbours: { glosses: false } },
  'place + glosses': { neighbours: { morphemes: false } },
  'no place words': { placeAsAspect: false },
  'morphemes unconfirmed': { neighbours: { confirm: false } },
  'any sense': { neighbours: { maxSense: Infinity } },
  'gloss heads 20': { neighbours: { maxGlossHeads: 20 } },
  'any gloss': { neighbours: { maxGlossHeads: Infinity, maxSense: Infinity } },
  'no co-occurrence': { nearbyCooccur: false },
  // Round 5 (docs/search.md, Everyday words, round 5).
  'round 5 (before)': { nearbyAnchorChars: 1, keepUnderstood: false },
  'lone-character anchors': { nearbyAnchorChars: 1 },
  'correct understood words': { keepUnderstood: false },
  'unanchored': { nearbyAnchored: false },
  'loosest': { nearbyAnchored: false, neighbours: { confirm: false, maxGlossHeads: Infinity, maxSense: Infinity } },
  'nearby 0.1': { nearbyWeight: 0.1 },
  'nearby 0.5': { nearbyWeight: 0.5 },
  'credit 0.3': { nearbyCredit: 0.3 },
  'credit 0.7': { nearbyCredit: 0.7 },
  'place 0.5': { placeWeight: 0.5 },
  'place weight 0.3, not an aspect': { placeAsAspect: false, placeWeight: 0.3 },
  'place weight 0.3 as aspect': { placeWeight: 0.3 },
  'place as aspect only': { neighbours: false },
  // English (docs/search.md, English queries) and theme words beside a topic.
  'no near glosses': { glossNear: false },
  'no WordNet synonyms': { englishSynonyms: false },
  'theme word full weight': { themeTopicWeight: 1 },
  'theme word 0.5': { themeTopicWeight: 0.5 },
  'theme word 0.1': { themeTopicWeight: 0.1 },
  // Round 6, precision (docs/search.md, Precision, round 6).
  'no material aspects': { materialAspects: false },
  'no repeated-verb drop': { repeatedVerbs: false },
  'round 6 precision (before)': { materialAspects: false, repeatedVerbs: false },
  'no quantities': { quantityBonus: 0 },
  'quantities 0.1': { quantityBonus: 0.1 },
  'quantities 0.4': { quantityBonus: 0.4 },
  'quantity window 6': { quantityWindow: 6 },
  'quantity window 24': { quantityWindow: 24 },
  'keyword bigrams 0.05': { bigrams: { keywordWeight: 0.05 } },
  'keyword bigrams 0.1': { bigrams: { keywordWeight: 0.1 } },
  'keyword bigrams 0.2': { bigrams: { keywordWeight: 0.2 } },
  'no material bigrams': { bigrams: { materialWeight: 0 } },
  'material bigrams 0.1': { bigrams: { materialWeight: 0.1 } },
  'material bigrams whole': { bigrams: { materialPairs: 'whole' } },
  'material bigrams partial too': { bigrams: { materialPartial: true } },
  'theme word 0.2': { themeTopicWeight: 0.2 },
  'theme topic share 0.02': { themeTopicShare: 0.02 },
  'theme topic share 0.05': { themeTopicShare: 0.05 },
  'theme topic share 0.1': { themeTopicShare: 0.1 },
  'theme topic share 0.2': { themeTopicShare: 0.2 },
  'any topic orders a theme (before)': { themeTopicShare: 1 },
  // The character-bigram signal for questions (docs/search.md, Questions, round 5).
  'no bigram signal': { bigrams: false },
  // Round 7, everyday (docs/search.md, Everyday words, round 7).
  'round 7 everyday (before)': { neighbours: { samePos: false } },
  'any part of speech': { neighbours: { samePos: false } },
  'bigram rerank only': { bigrams: { fallbackShare: 2 } },
  'bigram fallback only': { bigrams: { weight: 0 } },
  'bigram weight 0.1': { bigrams: { weight: 0.1 } },
  'bigram weight 0.3': { bigrams: { weight: 0.3 } },
  'bigram depth 5': { bigrams: { depth: 5 } },
  'bigram fallback 0.3': { bigrams: { fallbackShare: 0.3 } },
  'bigram fallback 0.7': { bigrams: { fallbackShare: 0.7 } },
  // Everyday words, round 6 (docs/search.md, Everyday words, round 6).
  'related 0.4': { relatedWeight: 0.4 },
  'related 0.5': { relatedWeight: 0.5 },
  'related credit 0.8': { relatedCredit: 0.8 },
  'round 6 (before)': { everydayFocus: 0 },
  'focus 7': { everydayFocus: 7 },
  'focus 8': { everydayFocus: 8 },
  'focus 10': { everydayFocus: 10 },
  'focus, lone characters 1': { everydayFocusChar: 1 },
  'focus, lone characters 0.3': { everydayFocusChar: 0.3 },
  'focus floor 0.1': { everydayFocusFloor: 0.1 },
  // English, round 6 (docs/search.md, English, round 6).
  'no English numbers (before)': { englishNumbers: false },
  'no pinyin places (before)': { pinyinPlaces: false },
  'no pinyin abbreviations (before)': { pinyinAbbreviations: false },
  'three words joined (before)': { englishJoined: 3 },
  'common English full weight (before)': { commonEnglishWeight: 1 },
  'common English 0.5': { commonEnglishWeight: 0.5 },
  'common English 0.7': { commonEnglishWeight: 0.7 },
  'english round 6 (before)': { englishNumbers: false, pinyinPlaces: false, englishJoined: 3, commonEnglishWeight: 1 },
  // Precision, round 7 (docs/search.md, Precision, round 7).
  'round 7 precision (before)': { materialStretch: false, aspectTail: false, headingBonus: 0, kindNouns: false },
  'no kind nouns': { kindNouns: false },
  'no material stretch': { materialStretch: false },
  'no aspect tail': { aspectTail: false },
  'no heading bonus': { headingBonus: 0 },
  'heading bonus 0.6': { headingBonus: 0.6 },
  'heading bonus 1': { headingBonus: 1 },
  'heading share 0.05': { headingShare: 0.05 },
  'heading share 0.3': { headingShare: 0.3 },
  // English, round 7 (docs/search.md, English, round 7).
  'no numbered names': { englishRules: { numberedNames: false } },
  'no how many': { englishRules: { howMany: false } },
  'english round 7 (before)': { englishRules: { numberedNames: false, howMany: false } },
  // English, round 8 (docs/search.md, English, round 8).
  'no contractions': { englishRules: { contractions: false } },
  'no typed joins': { englishRules: { typedJoins: false } },
  'senses at related credit': { englishSenseCredit: 0.6 },
  'senses 0.7': { englishSenseCredit: 0.7 },
  'senses 0.85': { englishSenseCredit: 0.85 },
  'english round 8 (before)': { englishRules: { contractions: false, typedJoins: false }, englishSenseCredit: 0.6 },
  // English, round 9 (docs/search.md, English, round 9).
  'no irregular verbs': { englishRules: { irregularVerbs: false } },
  'no negative prefixes': { englishRules: { negativePrefixes: false } },
  'english round 9 (before)': { englishRules: { irregularVerbs: false, negativePrefixes: false } },
  // English, round 10 (docs/search.md, English, round 10).
  'no place kinds': { englishRules: { placeKinds: false } },
  'no re- prefix': { englishRules: { rePrefix: false } },
  'no particles': { englishRules: { particles: false } },
  'no kind joins': { englishRules: { kindJoins: false } },
  // Round 16, second half (docs/search.md, English, round 16 (second half)).
  'no English said': { englishSaid: false },
  // Round 17 (docs/search.md, English, round 17): an English word read through its rare dictionary character.
  'no English character': { englishCharacter: 0 },
  // Round 17, second half (docs/search.md, English, round 17 (second half)): phrasal verbs, englishCharacter's parts.
  'no English phrasal': { englishPhrasal: false },
  'no English character parts': { englishCharacterParts: false },
  'english round 17b (before)': { englishPhrasal: false, englishCharacterParts: false },
  // Round 22 (docs/search.md, English, round 22).
  'no English near character': { englishNearCharacter: false },
  // Round 23 (docs/search.md, English, round 23).
  'no late gloss': { englishLateGloss: 0 },
  'late gloss 0.26': { englishLateGloss: 0.26 },
  'late gloss 0.34': { englishLateGloss: 0.34 },
  'english round 10 (before)': { englishRules: { placeKinds: false, rePrefix: false, particles: false, kindJoins: false } },
  // English, round 11 (docs/search.md, English, round 11).
  'no character compounds': { englishRules: { characterCompounds: false } },
  'no superlatives': { englishRules: { superlatives: false } },
  'no demonyms': { englishRules: { demonyms: false } },
  'english round 11 (before)': { englishRules: { characterCompounds: false, superlatives: false, demonyms: false } },
  // English, round 12 (docs/search.md, English, round 12).
  'no character stretches': { englishRules: { characterStretches: false } },
  'no copular get': { englishRules: { copulaGet: false } },
  'english round 12 (before)': { englishRules: { characterStretches: false, copulaGet: false } },
  // Round 13 (docs/search.md, English, round 13).
  'no derivations': { englishRules: { derivations: false } },
  'no coordinate pairs': { englishRules: { coordinatePairs: false } },
  'no spaced pairs': { englishRules: { spacedPairs: false } },
  'english round 13 (before)': { englishRules: { derivations: false, coordinatePairs: false, spacedPairs: false } },
  'no whole stretches': { englishRules: { wholeStretches: false } },
  'no known characters': { englishRules: { knownCharacters: false } },
  'english round 14 (before)': { englishRules: { wholeStretches: false, knownCharacters: false }, englishBesideChinese: 1 },
  'English beside Chinese at full weight': { englishBesideChinese: 1 },
  // Round 15 (docs/search.md, English, round 15): an English word whose best sense is the dictionary's guess weighs less.
  'english round 15 (before)': { englishGuessWeight: 1 },
  // Everyday words, round 8 (docs/search.md, Everyday words, round 8).
  'round 8 everyday (before)': { loneCharacterWords: false, separableLonger: false, complementJoin: false },
  'no lone-character words': { loneCharacterWords: false },
  'no longer separable': { separableLonger: false },
  'no complement join': { complementJoin: false },
  // Precision, round 8 (docs/search.md, Precision, round 8).
  'typed stretches 0.2': { typedStretchBonus: 0.2 },
  'round 8 precision (before)': { questionAdverbs: false },
  'typed stretches 0.1': { typedStretchBonus: 0.1 },
  'typed stretches 0.3': { typedStretchBonus: 0.3 },
  // Precision, round 9 (docs/search.md, Precision, round 9): the typed stretches on by default in their cheap form.
  'no typed stretches': { typedStretchBonus: 0 },
  'typed stretches depth 10': { typedStretchDepth: 10 },
  // Precision, round 10 (docs/search.md, Precision, round 10).
  'no list bonus': { listBonus: 0 },
  'list bonus 0.1': { listBonus: 0.1 },
  'list bonus 0.4': { listBonus: 0.4 },
  // No-match near misses, round 10 (docs/search.md, No-match near misses, round 10).
  'round 10 near misses (before)': { relatedUncoveredMax: Infinity },
  'uncovered 0': { relatedUncoveredMax: 0 },
  'uncovered 2': { relatedUncoveredMax: 2 },
  // Everyday words, round 11 (docs/search.md, Everyday words, round 11).
  'round 11 everyday (before)': { relatedOnce: false },
  // Precision, round 11 (docs/search.md, Precision, round 11).
  'no place glue': { placeGlue: false },
  'no quoted typo targets': { quotedTypoTargets: false },
  'no which-measure aspects': { whichMeasure: false },
  'no determiner modifier': { determinerModifier: false },
  'precision round 11 off': { placeGlue: false, quotedTypoTargets: false, whichMeasure: false },
  // No-match near misses, round 11 (docs/search.md, No-match near misses, round 11).
  // No-match near misses, round 12: the head rule on by default, held to heads that read as such (headNounOnly).
  'round 12 head stand-ins (off)': { headStandInClose: false },
  'round 11 head stand-ins (every last word)': { headNounOnly: false },
  // Everyday words, round 12 (docs/search.md, Everyday words, round 12).
  'round 12 everyday (before)': { insideJoin: false, loneSay: false },
  'no inside join': { insideJoin: false },
  'no lone say': { loneSay: false },
  // Precision, round 12 (docs/search.md, Precision, round 12).
  'precision round 12 off': { questionVerbCoverage: 1 },
  'question verb 0.5': { questionVerbCoverage: 0.5 },
  'question verb 0.3': { questionVerbCoverage: 0.3 },
  // Chat forms, round 12 (docs/search.md, Chat forms, round 12).
  'no variant fold': { variantFold: false },
  'no request frames': { requestFrames: false },
  'no chat context': { chatContext: false },
  'no quoted list targets': { quotedListTargets: false },
  'no typo split': { typoSplitUnknown: false },
  'chat forms round 12 off': { variantFold: false, requestFrames: false, chatContext: false, quotedListTargets: false, typoSplitUnknown: false },
  // Precision, round 13 (docs/search.md, Precision, round 13).
  'precision round 13 off': { junctionBonus: 0 },
  'junctions 0.2': { junctionBonus: 0.2 },
  'junctions 0.4': { junctionBonus: 0.4 },
  'stop word before a typo': { typoStopLead: true },
  // Precision, round 24 (docs/search.md, Precision, round 24).
  'typo round 24 off': { typoGluedEdges: false, typoPairTogether: false },
  'typo glued edges off': { typoGluedEdges: false },
  'typo pair together off': { typoPairTogether: false },
  // Precision, round 25 (docs/search.md, Precision, round 25): an article's scope words, off.
  'precision round 25 off': { scopeWords: false },
  // No-match near misses, round 13 (docs/search.md, No-match near misses, round 13).
  'round 13 asked amount (off)': { askedAmountStated: false },
  'round 13 payment near (off)': { paymentNear: false },
  'round 13 payment modified (off)': { paymentModified: false },
  // No-match near misses, round 14 (docs/search.md, No-match near misses, round 14).
  'round 14 no-match (off)': { askedHowMention: false, numberedNames: false },
  'round 14 asked how (off)': { askedHowMention: false },
  'round 14 numbered names (off)': { numberedNames: false },
  // Round 13 (docs/search.md, Everyday words, round 13).
  'round 13 everyday (before)': { standInHeadings: false },
  // Material, round 14 (docs/search.md, Material requests, round 14).
  'no year suffix': { yearSuffix: false },
  'text kinds on': { textKinds: true },
  'no genre words': { genreWords: false },
  'material round 14 off': { yearSuffix: false, genreWords: false },
  // Material, round 15 (docs/search.md, Material requests, round 15): a keyword's length in the coverage.
  'no length coverage': { lengthCoverage: 0 },
  'no subject first': { subjectFirst: 1 },
  'material round 15 off': { lengthCoverage: 0, subjectFirst: 1 },
  // Material, round 16 (docs/search.md, Material requests, round 16).
  'no english kinds': { englishKinds: false },
  'no genre opening': { genreOpening: false },
  'no text counts': { textCounts: false },
  'material round 16 off': { englishKinds: false, genreOpening: false, textCounts: false },
  // Material, round 17 (docs/search.md, Material requests, round 17).
  'no broad opening': { broadOpening: 0 },
  'broad opening 0.5': { broadOpening: 0.5 },
  'broad opening 2': { broadOpening: 2 },
  'no rejoined material': { rejoinMaterial: false },
  'material round 17 off': { broadOpening: 0, rejoinMaterial: false },
  // Material, round 18 (docs/search.md, Material requests, round 18): a request's circumstances after its kind of text
  // (off by default: its never-tuned gate failed; 'material clause on' is the value chosen on tuning).
  'no material clause': { materialClause: 0 },
  'material clause on': { materialClause: 1 },
  'material clause 0.5': { materialClause: 0.5 },
  'material clause 0.25': { materialClause: 0.25 },
  // Round 14 (docs/search.md, Everyday words, round 14): a light noun after 的 not searched.
  'round 14 everyday (before)': { lightNouns: false },
  // Precision, round 15 (docs/search.md, Precision, round 15): a question's verb in headings.
  'precision round 15 off': { questionVerbHeadings: false },
  'question verb headings 1': { questionVerbHeadings: 1 },
  'round 15 no-match (off)': { listedMention: false, askedNounSubject: false },
  // Round 15 (docs/search.md, Everyday words, round 15).
  'round 15 everyday (before)': { unheldNearby: 0 },
  // Round 16 (docs/search.md, No-match near misses, round 16): 多少 before the payment asked about.
  'round 16 no-match (off)': { amountBeforePayment: false },
  // No-match near misses, round 17 (docs/search.md): a stand-in named only as a list's item is no full match.
  'round 17 no-match (off)': { standInListed: false },
  // No-match near misses, round 23 (docs/search.md): a number asked with a kind of answer must be stated near the subject.
  'round 23 no-match (off)': { askedNumberStated: false },
  // Round 16 (docs/search.md, Precision, round 16).
  'precision round 16 off': { itemBonus: 0 },
  // Everyday words, round 16, second half (docs/search.md): coverage weighted by how specific a word is.
  'coverage specificity 0.5': { coverageSpecific: 0.5 },
  'coverage specificity 1': { coverageSpecific: 1 },
  // Round 17 (docs/search.md, Everyday words, round 17): a place word the dictionary knows, named for itself, off.
  'no dictionary places': { dictionaryPlaces: false },
  // Round 17, second half (docs/search.md, Everyday words, round 17 (second half)).
  'no gloss composition': { glossComposed: false },
  // Round 17 as a whole (the lead's end-of-round A/B): every rule of the round off, which reproduces 72e6d1a's answers.
  'round 17 off': {
    englishCharacter: 0,
    englishPhrasal: false,
    englishCharacterParts: false,
    broadOpening: 0,
    rejoinMaterial: false,
    standInListed: false,
    dictionaryPlaces: false,
    glossComposed: false,
    bigrams: { materialWeight: 0 },
  },
  // Round 18 (docs/search.md, Ranking weights, round 18): the weights of the joint re-fit on the tuning queries
  // (bench/tune-weights.ts). It passed its never-tuned gate but broke 37 earlier real-engine tests, so the defaults
  // stayed as they were; this variant holds the re-fitted values (6fa2b91 had them as defaults; since round 20 they are
  // the defaults again, beside three rules).
  'round 18 weights': {
    fieldBoost: { title: 0.75 },
    bm25: { b: 0.875 },
    gramWeight: 0.6,
    relatedWeight: 0.375,
    relatedCredit: 0.75,
    themeBoost: 1.25,
    lengthCoverage: 0.9375,
    commonEnglishWeight: 0.45,
    englishGuessWeight: 0.525,
    bigrams: { keywordWeight: 0.1, depth: 15 },
  },
  // The weights before the re-fit (the defaults until round 20), set explicitly: with 6fa2b91's defaults it reproduces 7d9cee9's
  // answers exactly (bench/result-digest.ts --variant). Since round 20 the defaults hold round 20's rules too, which this
  // leaves on: 'round 20 re-fit off' is the variant that gives the answers before the re-fit.
  'round 18 weights off': WEIGHTS_BEFORE_REFIT,
  // Round 19's review of the re-fit (docs/search.md, Ranking weights, round 19): the six re-fitted weights none of whose
  // changed pinned examples was worse for the user. gramWeight, relatedWeight, relatedCredit, themeBoost and
  // bigrams.keywordWeight were held back. Its never-tuned gate failed (mean MRR@10 over 18 sets 0.9545 -> 0.9543), so the
  // defaults stayed.
  'round 19 reviewed subset': {
    fieldBoost: { title: 0.75 },
    bm25: { b: 0.875 },
    lengthCoverage: 0.9375,
    commonEnglishWeight: 0.45,
    englishGuessWeight: 0.525,
    bigrams: { depth: 15 },
  },
  // Round 20 (docs/search.md, Ranking weights, round 20): the defaults before the re-fit was adopted, set explicitly —
  // round 18's eleven old weights and round 20's three rules off. Reproduces 69a4b97's answers exactly
  // (bench/result-digest.ts --mix-commit 69a4b97 --variant 'round 20 re-fit off').
  'round 20 re-fit off': { ...WEIGHTS_BEFORE_REFIT, ...ROUND20_RULES_OFF },
  // Round 20: the re-fitted weights without the three rules that mend its four worse examples (round 18's re-fit as it was).
  'round 20 rules off': ROUND20_RULES_OFF,
  'round 20 themeTopicHeld off': { themeTopicHeld: false },
  'round 20 distantRelatedShare off': { distantRelatedShare: 1 },
  'round 20 piecesUnderSense off': { piecesUnderSense: false },
  // Material, round 21 (docs/search.md, Material requests, round 21): broadOpening's reading for a subject an article's
  // title names, off. Reproduces d3b68b8's answers exactly (bench/result-digest.ts --mix-commit d3b68b8 --variant
  // 'material round 21 off').
  // Since round 22 round 22's rule is set off too, so that the variant still gives d3b68b8's answers.
  'material round 21 off': { titleSubject: false, kindOfAnswerOpening: false },
  // Precision, round 22 (docs/search.md, Precision, round 22): no broad or title opening reading refused to a request
  // for material asking how (kindOfAnswerOpening off). Gives bd2f69d's answers.
  'precision round 22 off': { kindOfAnswerOpening: false },
  // No-match, round 24 (docs/search.md, No-match near misses, round 24): a numbered set's members asked, off.
  'round 24 members off': { askedMembersListed: false },
  // No-match, round 25 (docs/search.md, No-match near misses, round 25): a word held only as a count's measure word, off.
  'round 25 unit off': { countUnitHeld: false },
  // Everyday, round 26 (docs/search.md, Everyday words, round 26): a place or a count of one beginning a word the texts
  // lack, off. Gives 3499758's answers.
  'round 26 place parts off': { placeCountParts: false },
  // Round 27 (docs/search.md, Everyday words, round 27).
  'round 27 listed examples off': { listedExamples: false },
  // No-match, round 26 (docs/search.md, No-match near misses, round 26): a year the texts lack in a fact question, and
  // 哪个 + a kind the passage does not name, off.
  'round 26 year off': { askedYearHeld: false },
  'round 26 kind off': { askedKindNamed: false },
  // No-match, round 27 (docs/search.md, No-match near misses, round 27): a listed word's related terms as evidence.
  'round 27 siblings off': { listedSiblings: false },
  'round 28 end particles off': { endParticles: false },
  'round 28 someone knows off': { someoneKnows: false },
};

// Page chrome and print artefacts (test/search/chrome.test.ts, engine.test.ts): a variant must answer them with
// nothing, or partially through their own pieces only.
const CHROME = ['本文移动端', '免责声明', '推荐范文', '公文驿站', '理论之窗', '下转第102页', '网友交流群', '百味书屋', '中电源云学苑', '新视点', '您的位置', '转载请保留', '链接地址'];
const CHROME_OF_TEXT_WORDS = ['相关信息', '来源:网络整理', '感谢转发分享'];
const NOTHING = ['飞机票价格', '集飞体机', '范文', '节选'];
function chromeViolations(engine: ReturnType<typeof createSearchEngine>): string[] {
  const bad: string[] = [];
  for (const q of CHROME) {
    const r = engine.search(q, { limit: 50 });
    if (r.total > 0 && (!r.partial || (r.matched ?? []).some((m) => !q.includes(m) || m.length >= q.length) || (r.matched ?? []).length === 0)) bad.push(q);
  }
  for (const q of CHROME_OF_TEXT_WORDS) {
    const r = engine.search(q, { limit: 50 });
    if (r.results.some((x) => x.segments.some((s) => s.match && !q.includes(s.text)))) bad.push(q);
  }
  for (const q of NOTHING) if (engine.search(q).total > 0) bad.push(q);
  return bad;
}

const f3 = (n: number): string => n.toFixed(3);

function main(): void {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const kind = args.find((a) => a.startsWith('--kind='))?.slice('--kind='.length) ?? 'everyday';
  const ofKind = (category: string): boolean => category === kind || (kind === 'everyday' && category === 'paraphrase');
  const corpus = loadCorpus();
  const sets = EVAL_SETS.map((s) => ({ ...s, queries: resolveJudgments(readEvalQueries(s.file), corpus.passages) }));
  for (const [name, options] of Object.entries(VARIANTS)) {
    if (names.length > 0 && !names.includes(name)) continue;
    const engine = createSearchEngine(corpus, options);
    const cells: string[] = [];
    const misses: string[] = [];
    for (const s of sets) {
      const r = evaluate('zhenxing', engineRanker(engine), s.queries);
      const e = r.byCategory.get(kind) ?? (kind === 'everyday' ? r.byCategory.get('paraphrase') : undefined);
      cells.push(`${s.name} ${f3(r.overall.mrr10)}/${f3(r.overall.success5)} (${e ? `${f3(e.mrr10)}/${f3(e.success5)}` : '-'}) full ${r.fullAnswers.length}`);
      // The set's reported blocks (eval.ts): a held-out block by its aggregate only.
      for (const b of REPORTED_BLOCKS.filter((x) => x.set === s.name)) {
        const m = mean(r.outcomes.filter((o) => o.id.startsWith(b.prefix)));
        cells.push(`${b.prefix}* ${f3(m.mrr10)}/${f3(m.success5)}`);
      }
      if (s.tuned && args.includes('--misses')) {
        for (const m of r.outcomes) {
          if (m.firstRelevant !== 1 && ofKind(m.category) && !heldOutBlock(s.name, m.id)) misses.push(`    ${m.id} rank ${m.firstRelevant ?? '-'}${m.partial ? ' (partial)' : ''} ${m.query} → ${m.top.slice(0, 3).join(', ')}`);
        }
      }
    }
    const bad = chromeViolations(engine);
    process.stdout.write(`${name.padEnd(16)} ${cells.join(' | ')} | chrome ${bad.length ? bad.join(',') : 'ok'}\n${misses.join('\n')}${misses.length ? '\n' : ''}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
