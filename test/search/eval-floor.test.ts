import { describe, expect, it } from 'vitest';
import { EVAL_SETS, heldOutBlock, readEvalQueries, resolveJudgments, runAllSets } from '../../bench/eval.js';
import type { SearchResponse } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// The floor under `npm run eval`: a ranking regression fails CI. Figures at the time of writing are in
// docs/search.md. Every set is held to the targets (MRR@10 ≥ 0.95, success@5 ≥ 0.98), ahead of the bigram
// baseline on every kind, and no full answer to a query about something the texts never discuss. The held-out set
// is checked by these aggregates only; its per-query outcomes are never printed. The unseen set (eval-unseen.json) is
// checked for its form only: its figures are reported in docs/search.md, and no floor is put on it, so that a red CI
// run never becomes a reason to look at its queries while tuning.
describe('retrieval quality on the judged sets', () => {
  const corpus = getSharedCorpus();
  const runs = runAllSets(corpus, getSharedEngine());
  const byName = new Map(runs.map((r) => [r.name, r]));

  it('runs every set: the first 66 queries, ≥ 120 chat queries and ≥ 40 held out, across the kinds the issue lists', () => {
    expect(runs.map((r) => r.name)).toEqual(EVAL_SETS.map((s) => s.name));
    expect(byName.get('queries')?.queries.length).toBeGreaterThanOrEqual(60);
    expect(byName.get('chat')?.queries.length).toBeGreaterThanOrEqual(120);
    expect(byName.get('heldout')?.queries.length).toBeGreaterThanOrEqual(40);
    expect(byName.get('unseen')?.queries.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(byName.get('chat')?.queries.map((q) => q.category));
    for (const k of ['mention', 'politeness', 'material', 'typo', 'everyday', 'question', 'traditional', 'english', 'number', 'theme', 'keyword', 'chrome', 'offtopic']) {
      expect(kinds, k).toContain(k);
    }
    const first = new Set(byName.get('queries')?.queries.map((q) => q.category));
    for (const c of ['exact', 'question', 'theme', 'traditional', 'noisy', 'multi', 'quotation', 'number', 'paraphrase']) {
      expect(first, c).toContain(c);
    }
  });

  // The targets are MRR@10 ≥ 0.95 and success@5 ≥ 0.98 on every set; the held-out set has met them since the
  // English glosses (docs/search.md) and is held to them too. It is never tuned against.
  const FLOORS: Record<string, { mrr10: number; success5: number }> = {
    queries: { mrr10: 0.95, success5: 0.98 },
    chat: { mrr10: 0.95, success5: 0.98 },
    heldout: { mrr10: 0.95, success5: 0.98 },
  };

  // The unseen set has no floor (see the top of this file).
  const GATED = EVAL_SETS.map((s) => s.name).filter((name) => name in FLOORS);

  it('the unseen set: ≥ 100 queries over every kind, passage ids that exist, ~10 with no relevant passage', () => {
    const unseen = byName.get('unseen');
    expect(unseen?.tuned).toBe(false);
    const queries = unseen?.queries ?? [];
    const kinds = new Set(queries.map((q) => q.category));
    for (const k of ['mention', 'politeness', 'material', 'typo', 'everyday', 'question', 'traditional', 'english', 'number', 'fact', 'theme', 'keyword', 'chrome', 'offtopic']) {
      expect(kinds, k).toContain(k);
    }
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    expect(new Set(queries.map((q) => q.query)).size).toBe(queries.length);
    for (const q of queries) {
      expect(q.ids, q.id).toBe(true);
      // A no-match query names no passage; every other query names at least one, each resolved to a real passage.
      expect(q.relevant.length === 0, q.id).toBe(q.expect === 'no-full-match');
      for (const item of q.items) expect(item.passageIds.size, `${q.id} ${item.text}`).toBe(1);
    }
    expect(queries.filter((q) => q.expect === 'no-full-match').length).toBeGreaterThanOrEqual(10);
    // Written apart from the other chat sets: no query copied from them. A copy is named by the other set's id (a
    // chat draft written later), never by the unseen query's text or id, so a failure does not reveal the unseen query.
    const own = new Set(queries.map((q) => q.query));
    const copies = [...(byName.get('chat')?.queries ?? []), ...(byName.get('heldout')?.queries ?? [])].filter((q) => own.has(q.query));
    expect(copies.map((q) => q.id), 'drafts equal to an unseen query: drop them (do not reword)').toEqual([]);
  });

  // Blocks of judged queries added to a tuning set later, for a weakness, before the engine was changed for it: held
  // to their own floor (raised as the engine improves), the rest of the set to the set's.
  const BLOCKS: { set: string; prefix: string; floor: { mrr10: number; success5: number }; size?: number }[] = [
    // English as colleagues type it (docs/search.md, English queries).
    { set: 'chat', prefix: 'chat-english2-', floor: { mrr10: 0.76, success5: 0.9 } },
    // Everyday words as village cadres and residents say them (docs/search.md, Everyday words, measured): 0.426 / 0.580
    // before the library neighbours and place words, 0.581 / 0.680 after.
    { set: 'chat', prefix: 'chat-everyday2-', floor: { mrr10: 0.57, success5: 0.68 } },
    // Combined and messy chat input (docs/search.md, Combined and messy queries): 0.84 / 0.89 before, 0.98 / 1.000 after.
    { set: 'chat', prefix: 'chat-combo-', floor: { mrr10: 0.96, success5: 0.99 } },
    // English as colleagues who read little Chinese type it, and theme words beside a topic (docs/search.md, English
    // queries): 0.634 / 0.744, 0.711 / 0.737 and 0.942 / 0.958 before the near glosses, plural senses and theme
    // weight. The english3x half is never looked at query by query: only this aggregate.
    // Round 5's English table and abbreviations (docs/search.md, English, round 5): english3 0.698 / 0.846 → 0.815 /
    // 0.897, english3x 0.763 / 0.789 → 0.921 / 0.947.
    { set: 'chat', prefix: 'chat-english3-', floor: { mrr10: 0.79, success5: 0.87 } },
    { set: 'chat', prefix: 'chat-english3x-', floor: { mrr10: 0.89, success5: 0.92 }, size: 19 },
    { set: 'chat', prefix: 'chat-theme2-', floor: { mrr10: 0.97, success5: 0.98 }, size: 24 },
    // Everyday words, third pass (docs/search.md, Everyday words, third pass): 0.569 / 0.750 before, 0.604 / 0.778 after.
    { set: 'chat', prefix: 'chat-everyday3-', floor: { mrr10: 0.58, success5: 0.75 } },
    // Its held-out half, never tuned against (aggregates only): 0.495 / 0.615 before, 0.498 / 0.615 after.
    { set: 'chat', prefix: 'chat-everyday3x-', floor: { mrr10: 0.47, success5: 0.58 }, size: 26 },
    // Questions in every form over all five texts (docs/search.md, Questions, round 4): 0.986 / 1.000 before, 0.993 / 1.000 after.
    { set: 'chat', prefix: 'chat-question7-', floor: { mrr10: 0.98, success5: 0.99 } },
    // X的作用和意义, 是怎么…起来的, 是谁提出的, 一共/总共, A和B有什么区别: 0.886 / 0.958 before, 1.000 / 1.000 after.
    { set: 'chat', prefix: 'chat-question8-', floor: { mrr10: 0.97, success5: 0.98 } },
    // A text's word said in other words (补贴 for 补助, 村医生): 0.927 / 0.980 before, 0.947 / 0.980 after.
    { set: 'chat', prefix: 'chat-question9-', floor: { mrr10: 0.92, success5: 0.96 } },
    // Long names next to another word, misremembered quotations, how-to verbs: 0.793 / 0.880 before, 0.953 / 1.000 after.
    { set: 'chat', prefix: 'chat-question10-', floor: { mrr10: 0.93, success5: 0.96 }, size: 25 },
    // English with chat request words (looking for, anything regarding, show me): 0.900 / 1.000 and 0.793 / 0.900
    // before they were dropped as the request; the x half is never looked at query by query.
    { set: 'chat', prefix: 'chat-english4-', floor: { mrr10: 0.95, success5: 0.95 }, size: 10 },
    // Round 5: english4x 0.912 / 0.900 → 1.000 / 1.000.
    { set: 'chat', prefix: 'chat-english4x-', floor: { mrr10: 0.97, success5: 0.97 }, size: 10 },
    // 如何理解 / 怎么看待 X, A和B的关系: 0.879 / 1.000 before, 0.947 / 1.000 after.
    { set: 'chat', prefix: 'chat-question11-', floor: { mrr10: 0.92, success5: 0.98 }, size: 22 },
    // Sayings made of function characters (等靠要, 要我脱贫): 0.759 / 0.938 before, 0.927 / 1.000 after.
    { set: 'chat', prefix: 'chat-question12-', floor: { mrr10: 0.9, success5: 0.98 }, size: 16 },
    // English, round 5 (docs/search.md, English, round 5): CC-CEDICT gaps, multiword phrases, abbreviations, British
    // spellings and typos, and theme words beside a topic: english5 0.660 / 0.766 before, 0.774 / 0.844 after (with
    // two queries added for a table word one letter short, 0.750 / 0.818 → 0.781 / 0.848); its
    // held-out half english5x (aggregates only) 0.742 / 0.886 before and after; theme3 0.888 / 0.962 before, 0.942 /
    // 1.000 after.
    { set: 'chat', prefix: 'chat-english5-', floor: { mrr10: 0.76, success5: 0.83 }, size: 66 },
    // Round 6 (English numbers, four words joined, common English 0.6): english5x 0.742 / 0.886 → 0.776 / 0.909.
    // Round 7 (numbered names): english5x 0.776 / 0.909 → 0.810 / 0.932.
    // Round 12's character stretches (tiny wishes → 微心愿): english5x 0.860 / 0.932 → 0.879 / 0.955.
    // Round 13's coordinate pairs (urban-rural → 城乡, party-mass → 党群) lose it one query's rank: 0.879 / 0.955 →
    // 0.860 / 0.932 (english12x and five never-tuned sets gain; docs/search.md, English, round 13).
    // Round 22's englishNearCharacter (poor → 贫困, teachers → 师生): english5x 0.873 → 0.858 / 0.955 (one query's rank,
    // aggregates only; docs/search.md, English, round 22), its MRR floor lowered to 0.85.
    { set: 'chat', prefix: 'chat-english5x-', floor: { mrr10: 0.85, success5: 0.93 }, size: 44 },
    { set: 'chat', prefix: 'chat-theme3-', floor: { mrr10: 0.92, success5: 0.98 }, size: 26 },
    // Everyday words, round 5 (docs/search.md, Everyday words, round 5): paraphrases that need world knowledge
    // (护林员, 跳大神, 领头羊), 0.507 / 0.629 before, 0.528 / 0.661 after, 0.574 / 0.710 with the village lexicon's
    // round 5. The x half is never looked at query by query: 0.626 / 0.732 before, 0.635 / 0.756 after.
    { set: 'chat', prefix: 'chat-everyday4-', floor: { mrr10: 0.55, success5: 0.69 }, size: 62 },
    { set: 'chat', prefix: 'chat-everyday4x-', floor: { mrr10: 0.61, success5: 0.73 }, size: 41 },
    // Questions, round 5 (docs/search.md, Questions, round 5): 0.961 / 1.000 before the bigram signal, 0.970 / 1.000
    // after. The x half is never looked at query by query: 0.944 / 0.963 before and after.
    { set: 'chat', prefix: 'chat-question13-', floor: { mrr10: 0.95, success5: 0.98 }, size: 82 },
    { set: 'chat', prefix: 'chat-question13x-', floor: { mrr10: 0.92, success5: 0.94 }, size: 54 },
    // Everyday words, round 6 (docs/search.md, Everyday words, round 6): colloquial, dialect and mistyped words for the
    // texts' concepts (茅房, 揩油, 躺平, 莫得), 0.650 / 0.812 before any engine change, 0.669 / 0.812 with everyday
    // focus; 0.693 / 0.841 on main 604fcb6 with the English round 6 and a lexicon phrase kept from the corrector. The
    // x half is never looked at query by query: 0.688 / 0.787 before and after everyday focus, 0.725 / 0.809 at 604fcb6.
    { set: 'chat', prefix: 'chat-everyday5-', floor: { mrr10: 0.66, success5: 0.8 }, size: 69 },
    { set: 'chat', prefix: 'chat-everyday5x-', floor: { mrr10: 0.69, success5: 0.78 }, size: 47 },
    // English, round 6 (docs/search.md, English, round 6): ordinals and numbers, names, phrasal verbs, -ing forms,
    // "village / rural X": english6 0.751 / 0.870 before the engine was changed, 0.841 / 0.913 after (English numbers,
    // pinyin places, four words joined, common English 0.6); its held-out half english6x (aggregates only; the 8
    // queries of it looked at while working moved to english6) 0.767 / 0.875 before, 0.777 / 0.906 after.
    { set: 'chat', prefix: 'chat-english6-', floor: { mrr10: 0.82, success5: 0.89 }, size: 69 },
    { set: 'chat', prefix: 'chat-english6x-', floor: { mrr10: 0.75, success5: 0.88 }, size: 32 },
    // Material words, typos and facts, round 6 (docs/search.md, Precision, round 6): written before the engine was
    // changed for them, 0.969 / 0.990 before, 0.995 / 1.000 after; with a second batch (142) 0.985 / 1.000 before,
    // 0.993 / 1.000 after. The x half is never looked at query by query: 0.992 / 1.000 before, 1.000 / 1.000 after;
    // with its second batch (79) 0.992 / 1.000 before and after.
    { set: 'chat', prefix: 'chat-precision1-', floor: { mrr10: 0.97, success5: 0.99 }, size: 142 },
    { set: 'chat', prefix: 'chat-precision1x-', floor: { mrr10: 0.97, success5: 0.98 }, size: 79 },
    // Questions, round 6 (docs/search.md, Precision, round 6): 0.947 / 0.981 before, 0.976 / 1.000 after; the x half
    // (aggregates only) 0.983 / 1.000 before and after.
    { set: 'chat', prefix: 'chat-question14-', floor: { mrr10: 0.95, success5: 0.98 }, size: 52 },
    { set: 'chat', prefix: 'chat-question14x-', floor: { mrr10: 0.96, success5: 0.98 }, size: 30 },
    // Everyday words, round 7 (docs/search.md, Everyday words, round 7): village words the texts do not use, written
    // from the passages before the engine was changed: 0.655 / 0.765 before (85 judged, 5 no-match). The x half is
    // never looked at query by query: 0.640 / 0.745 before (47 judged, 3 no-match).
    { set: 'chat', prefix: 'chat-everyday6-', floor: { mrr10: 0.63, success5: 0.74 }, size: 85 },
    { set: 'chat', prefix: 'chat-everyday6x-', floor: { mrr10: 0.61, success5: 0.72 }, size: 47 },
    // Ranking precision, round 7 (docs/search.md, Precision, round 7): material words against a topic and a year or
    // format, themes asked for a kind of text, questions about a name one heading carries, typos in the subject, facts;
    // 0.950 / 0.979 before the engine was changed, 0.957 / 0.986 after. The x half is never looked at query by query:
    // 0.957 / 0.970 before, 0.965 / 0.970 after. With the second batch (a subject and a kind-of-answer word: 经验, 做法,
    // 措施) 0.935 / 0.988 and 0.963 / 0.974 before the kind-noun rule, 0.960 / 0.988 and 0.970 / 0.974 after.
    { set: 'chat', prefix: 'chat-precision2-', floor: { mrr10: 0.95, success5: 0.98 }, size: 163 },
    { set: 'chat', prefix: 'chat-precision2x-', floor: { mrr10: 0.96, success5: 0.96 }, size: 77 },
    // English, round 7 (docs/search.md, English, round 7): full questions, keyword strings, phrasal verbs, British and
    // American spellings, pinyin names, numbers and years, mixed 中文 + English, judged from the passages before the
    // engine was changed: english7 0.690 / 0.825 (97 judged + 3 no-match); its held-out half english7x (aggregates
    // only) 0.797 / 0.913 (46 + 3; one query that a never-seen set holds word for word was dropped unread). With
    // numbered names and how many: english7 0.732 / 0.876, english7x 0.812 / 0.913.
    { set: 'chat', prefix: 'chat-english7-', floor: { mrr10: 0.71, success5: 0.85 }, size: 97 },
    { set: 'chat', prefix: 'chat-english7x-', floor: { mrr10: 0.79, success5: 0.89 }, size: 46 },
    // English, round 8 (docs/search.md, English, round 8): chat English from foreign researchers, NGO staff, overseas
    // Chinese and cadres practising English (questions, phrasal verbs, word senses, typos, mixed 中文 + English), judged
    // from the passages before the engine was changed: english8 0.817 / 0.930 (57 judged + 5 no-match); its held-out
    // half english8x (aggregates only) 0.802 / 0.897 (58 + 5). With contractions, typed joins and the sense credit:
    // english8 0.822 / 0.930, english8x 0.818 / 0.914; with three senses searched 0.812 / 0.930 and 0.818 / 0.914.
    { set: 'chat', prefix: 'chat-english8-', floor: { mrr10: 0.8, success5: 0.91 }, size: 57 },
    // Round 12's copular get (get rich → 致富): english8x 0.817 → 0.830.
    // Round 13's coordinate pairs: english8x 0.830 → 0.821 (one query's rank).
    { set: 'chat', prefix: 'chat-english8x-', floor: { mrr10: 0.82, success5: 0.91 }, size: 58 },
    // English, round 9 (docs/search.md, English, round 9): participles (built, grown, led, made), congress, unqualified,
    // district, British spellings, mixed 中文 + English, judged from the passages before the engine was changed:
    // english9 0.807 / 0.923 (65 judged + 4 no-match); its held-out half english9x (aggregates only) 0.775 / 0.859
    // (64 + 4). With irregular verb forms out and negative prefixes (unqualified → 不合格): english9 0.808 / 0.923,
    // english9x 0.790 / 0.891.
    { set: 'chat', prefix: 'chat-english9-', floor: { mrr10: 0.8, success5: 0.92 }, size: 65 },
    // Round 12's copular get: english9x 0.812 → 0.823.
    { set: 'chat', prefix: 'chat-english9x-', floor: { mrr10: 0.82, success5: 0.92 }, size: 64 },
    // Everyday words, round 8 (docs/search.md, Everyday words, round 8): sentences as villagers and cadres type them,
    // judged from the passages before the engine was changed: everyday7 0.676 / 0.831 (65 judged + 4 no-match); its
    // held-out half everyday7x (aggregates only) 0.648 / 0.723 (65 + 3).
    { set: 'chat', prefix: 'chat-everyday7-', floor: { mrr10: 0.65, success5: 0.8 }, size: 65 },
    { set: 'chat', prefix: 'chat-everyday7x-', floor: { mrr10: 0.62, success5: 0.7 }, size: 65 },
    // Ranking precision, round 8 (docs/search.md, Precision, round 8): policy names typed as keywords (2–7 characters,
    // some with a second word), questions asked in chat, facts (several 多少项 forms), material requests and typos,
    // judged from the passages before the engine was changed: 0.985 / 0.990 (99). The x half is never looked at query
    // by query: 0.964 / 0.990 before (99).
    { set: 'chat', prefix: 'chat-precision3-', floor: { mrr10: 0.97, success5: 0.98 }, size: 99 },
    { set: 'chat', prefix: 'chat-precision3x-', floor: { mrr10: 0.95, success5: 0.98 }, size: 99 },
    // Everyday words, round 9 (docs/search.md, Everyday words, round 9): fresh villager and cadre wordings across all
    // five texts, judged from the passages before the engine was changed: everyday8 0.797 / 0.891 (64 judged + 4
    // no-match); its held-out half everyday8x (aggregates only) 0.827 / 0.953 (64 + 4).
    { set: 'chat', prefix: 'chat-everyday8-', floor: { mrr10: 0.79, success5: 0.89 }, size: 64 },
    { set: 'chat', prefix: 'chat-everyday8x-', floor: { mrr10: 0.82, success5: 0.95 }, size: 64 },
    // Precision, round 9 (docs/search.md, Precision, round 9): facts, questions, keywords, typos and numbers about
    // specific statements where several passages share words, judged from the passages before the engine was changed
    // (20 drafts a never-seen set holds word for word dropped, not reworded): precision4 0.985 / 0.985 (66); its
    // held-out half precision4x (aggregates only) 0.992 / 1.000 (62) at f1073b7.
    { set: 'chat', prefix: 'chat-precision4-', floor: { mrr10: 0.98, success5: 0.98 }, size: 66 },
    { set: 'chat', prefix: 'chat-precision4x-', floor: { mrr10: 0.99, success5: 1 }, size: 62 },
    // No-match near misses, round 10 (docs/search.md, No-match near misses, round 10): topics the texts never discuss
    // beside ones they do (20 a block, expect no-full-match), and judged questions on those neighbours, written from the
    // passages before the engine was changed (one draft an earlier set holds word for word dropped, not reworded):
    // nomatch1 1.000 / 1.000 (9 judged), full answers to its no-match queries 1/20; its held-out half nomatch1x
    // (aggregates only) 1.000 / 1.000 (10 judged), 1/20.
    { set: 'chat', prefix: 'chat-nomatch1-', floor: { mrr10: 1, success5: 1 }, size: 9 },
    { set: 'chat', prefix: 'chat-nomatch1x-', floor: { mrr10: 1, success5: 1 }, size: 10 },
    // English, round 10 (docs/search.md, English, round 10): English and mixed queries as grassroots cadres and NGO
    // staff type them in Slack (money, window, district, village committee, vitalization, subsidy, toilet, phrasal
    // verbs, plurals, British spellings), judged from the passages before the engine was changed (two drafts that a
    // never-seen set holds word for word dropped, not reworded): english10 0.710 / 0.738 (42 judged + 3 no-match); its
    // held-out half english10x (aggregates only) 0.868 / 0.907 (43 + 2) at a22ddac. With back/away as a verb's
    // particle, re- forms (vitalization → revitalization) and place kinds (Linzhou county → 林周): english10 0.730 /
    // 0.762, english10x 0.868 / 0.907.
    { set: 'chat', prefix: 'chat-english10-', floor: { mrr10: 0.73, success5: 0.76 }, size: 42 },
    { set: 'chat', prefix: 'chat-english10x-', floor: { mrr10: 0.86, success5: 0.9 }, size: 43 },
    // English, round 11 (docs/search.md, English, round 11): short keyword strings, full questions, mixed Chinese and
    // English, British and American spellings, plurals and phrasal verbs, on passages earlier English blocks reached
    // least, judged from the passages before the engine was changed (no draft a never-seen set holds word for word):
    // english11 0.807 / 0.962 (26 judged + 2 no-match); its held-out half english11x (aggregates only) 0.778 / 1.000
    // (26 + 2) at 31febd7. With character compounds (red boat → 红船) and superlatives (strongest → 最强): english11
    // 0.855 / 0.962, english11x 0.778 / 1.000.
    // Round 12's copular get (farmers get rich or not … → 致富): english11 0.855 → 0.886.
    // Round 17's englishCharacter: english11x 0.778 / 1.000 → 0.777 / 0.962 (one held-out query out of the top five;
    // aggregates only), its success floor lowered to 0.96.
    // Round 22's englishNearCharacter: english11 0.886 → 0.860 (`monthly wages of poor workers placed in jobs` 1 → 3:
    // poor → 贫困 where the passage writes 扶贫), its MRR floor lowered to 0.85.
    { set: 'chat', prefix: 'chat-english11-', floor: { mrr10: 0.85, success5: 0.96 }, size: 26 },
    { set: 'chat', prefix: 'chat-english11x-', floor: { mrr10: 0.77, success5: 0.96 }, size: 26 },
    // English, round 12 (docs/search.md, English, round 12): short lowercase chat English on the passages earlier
    // English blocks reached least, abbreviations (orgs, ppl, yr), mixed Chinese (领雁, 消薄, 双整), British and American
    // spellings, -ing/-ed verbs and words no gloss holds, judged from the passages before the engine was changed (one
    // draft a never-seen set holds word for word dropped, not reworded): english12 0.789 / 0.844 (32 judged + 2
    // no-match); its held-out half english12x (aggregates only) 0.740 / 0.848 (33 + 2) at ffeae01.
    { set: 'chat', prefix: 'chat-english12-', floor: { mrr10: 0.78, success5: 0.84 }, size: 32 },
    // Round 13's coordinate pairs: english12x 0.740 / 0.848 → 0.771 / 0.879.
    { set: 'chat', prefix: 'chat-english12x-', floor: { mrr10: 0.77, success5: 0.87 }, size: 33 },
    // English, round 13 (docs/search.md, English, round 13): English as chat types it on the passages and phrases
    // earlier English blocks used least (idioms said in plain English: blood transfusions from above, two separate
    // things; -ing and -ed forms; British spellings; lists of nouns), judged from the passages before the engine was
    // changed (four drafts the chat set already held word for word dropped): english13 0.805 / 0.865 (37 judged + 2
    // no-match); its held-out half english13x (aggregates only) 0.846 / 0.865 (37 + 2) at dc77280.
    { set: 'chat', prefix: 'chat-english13-', floor: { mrr10: 0.8, success5: 0.86 }, size: 37 },
    { set: 'chat', prefix: 'chat-english13x-', floor: { mrr10: 0.84, success5: 0.86 }, size: 37 },
    // English, round 14 (docs/search.md, English, round 14): English and mixed chat English on the passages earlier
    // English blocks reached least (sayings in plain English, -ing and -ed forms, British spellings, Chinese terms typed
    // among English words), judged from the passages before the engine was changed (nine drafts the chat set already
    // held word for word dropped): english14 0.821 / 0.947 (38 judged + 2 no-match); its held-out half english14x
    // (aggregates only) 0.787 / 0.842 (38 + 2) at 49ab6de. With wholeStretches and knownCharacters (round 14):
    // english14 0.842 / 0.947, english14x unchanged; english12 0.789 / 0.844 → 0.815 / 0.875, english13 0.805 → 0.822.
    // With englishBesideChinese (round 14): english14 0.865 / 0.974, english14x unchanged.
    { set: 'chat', prefix: 'chat-english14-', floor: { mrr10: 0.86, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-english14x-', floor: { mrr10: 0.78, success5: 0.84 }, size: 38 },
    // English, round 15 (docs/search.md, English, round 15): English and mixed chat queries on the passages earlier
    // English tuning blocks reached least, judged from the passages before the engine was changed (3 drafts the chat
    // tuning blocks held word for word and 1 a never-seen set holds dropped): english15 0.747 / 0.818 (44 judged + 2
    // no-match); its held-out half english15x (aggregates only) 0.745 / 0.841 (44 + 2) at 54c138c. With
    // englishGuessWeight (round 15): english15 unchanged, english15x 0.756 / 0.841.
    // Round 20 (the re-fit adopted, docs/search.md, Ranking weights, round 20): english15 0.747 / 0.818 → 0.756 / 0.795
    // (one query out of the first five), english15x 0.767 / 0.841 → 0.775 / 0.818 (one); success@5 floors under them.
    { set: 'chat', prefix: 'chat-english15-', floor: { mrr10: 0.74, success5: 0.79 }, size: 44 },
    { set: 'chat', prefix: 'chat-english15x-', floor: { mrr10: 0.75, success5: 0.81 }, size: 44 },
    // English, round 16 (docs/search.md, English, round 16): English and mixed chat queries across all five texts,
    // the passages earlier English tuning blocks reached least among them, judged from the passages before any engine run
    // (7 drafts the chat tuning blocks held word for word and 1 a never-seen set holds dropped): english16 0.814 /
    // 0.895 (38 judged + 2 no-match); its held-out half english16x (aggregates only) 0.904 / 0.947 (38 + 2) at
    // 5d454c6. No engine change of round 16's English area was kept.
    { set: 'chat', prefix: 'chat-english16-', floor: { mrr10: 0.81, success5: 0.89 }, size: 38 },
    { set: 'chat', prefix: 'chat-english16x-', floor: { mrr10: 0.9, success5: 0.94 }, size: 38 },
    // English, round 16, second half (docs/search.md, English, round 16 (second half)): English queries with everyday
    // words (money, kids, disabled, window, bench, butterfly …), judged from the passages before any engine run (one
    // draft a chat tuning block held word for word dropped): english17 0.803 / 0.867 (30 judged + 2 no-match); its
    // held-out half english17x (aggregates only) 0.776 / 0.828 (29 + 2) at ba328f6 (written as 107b5d3). With
    // englishSaid: english17 0.832 / 0.900, english17x unchanged.
    { set: 'chat', prefix: 'chat-english17-', floor: { mrr10: 0.83, success5: 0.9 }, size: 30 },
    { set: 'chat', prefix: 'chat-english17x-', floor: { mrr10: 0.77, success5: 0.82 }, size: 29 },
    // English, round 17 (docs/search.md, English, round 17): 80 English chat queries written blind (the writer never
    // saw the engine, the tests or any set), taken as written but for 2 that chat tuning queries held word for word and
    // 3 the never-seen form test named: english18 0.848 / 0.909 (33 judged + 3 no-match); its held-out half english18x
    // (aggregates only) 0.861 / 0.944 (36 + 3) at 330bf54. With englishCharacter: english18 0.874 / 0.939, english18x
    // unchanged.
    { set: 'chat', prefix: 'chat-english18-', floor: { mrr10: 0.87, success5: 0.93 }, size: 33 },
    { set: 'chat', prefix: 'chat-english18x-', floor: { mrr10: 0.85, success5: 0.94 }, size: 36 },
    // English, round 17 second half (docs/search.md, English, round 17 (second half)): 80 English chat queries written
    // blind, taken as written but for 4 that chat queries held word for word (the form test named none): english19
    // 0.808 / 0.914 (35 judged + 3 no-match); its held-out half english19x (aggregates only) 0.871 / 0.943 (35 + 3) at
    // 19e2186. With englishPhrasal and englishCharacterParts: english19 0.822 / 0.914, english19x unchanged.
    { set: 'chat', prefix: 'chat-english19-', floor: { mrr10: 0.81, success5: 0.91 }, size: 35 },
    { set: 'chat', prefix: 'chat-english19x-', floor: { mrr10: 0.86, success5: 0.94 }, size: 35 },
    // Precision, round 10 (docs/search.md, Precision, round 10): harder facts (the answer passage shares few words
    // with the question), questions with filler words, keywords many passages hold, typos of rare words, judged from
    // the passages before the engine was changed (3 drafts a never-seen set holds word for word dropped): precision5
    // 0.971 / 1.000 (52, bigrams 0.973 / 0.981); its held-out half precision5x 0.971 / 0.981 (52) at a22ddac. With
    // the list bonus (round 10) precision5 0.981 / 1.000, precision5x unchanged.
    { set: 'chat', prefix: 'chat-precision5-', floor: { mrr10: 0.98, success5: 1 }, size: 52 },
    { set: 'chat', prefix: 'chat-precision5x-', floor: { mrr10: 0.97, success5: 0.98 }, size: 52 },
    // Everyday words, round 11 (docs/search.md, Everyday words, round 11): everyday words for concepts the texts name
    // with other words (赤脚医生, 光荣榜, 空架子, 拉家常), across all five texts, judged from the passages before the engine
    // was changed: everyday9 0.765 / 0.806 (31 judged + 2 no-match); its held-out half everyday9x (aggregates only)
    // 0.653 / 0.700 (30 + 2) at 31febd7. With relatedOnce (round 11): everyday9 0.781 / 0.806, everyday9x unchanged.
    // With insideJoin and loneSay (round 12): everyday9 0.791 / 0.839, everyday9x 0.687 / 0.733.
    { set: 'chat', prefix: 'chat-everyday9-', floor: { mrr10: 0.79, success5: 0.83 }, size: 31 },
    { set: 'chat', prefix: 'chat-everyday9x-', floor: { mrr10: 0.68, success5: 0.73 }, size: 30 },
    // No-match near misses, round 11 (docs/search.md, No-match near misses, round 11): 28 topics a block that no text
    // discusses beside ones they do (expect no-full-match) and judged queries sharing their words, written from the
    // passages before the engine was changed: nomatch2 1.000 / 1.000 (17 judged), full answers to its no-match queries
    // 4/28; its held-out half nomatch2x (aggregates only) 1.000 / 1.000 (17 judged), 6/28 at 31febd7 (one draft a
    // never-seen set holds word for word dropped, not reworded). With the head's stand-ins kept close
    // (headStandInClose, off in round 11): full answers 2/28 and 3/28, nomatch1x 0/20. On since round 12, held to heads
    // that read as such (headNounOnly): 2/28 and 5/28.
    { set: 'chat', prefix: 'chat-nomatch2-', floor: { mrr10: 1, success5: 1 }, size: 17 },
    { set: 'chat', prefix: 'chat-nomatch2x-', floor: { mrr10: 1, success5: 1 }, size: 17 },
    // Precision, round 11 (docs/search.md, Precision, round 11): short facts whose answer shares few words with the
    // question, questions with a place character before a verb (村想, 镇有, 县要), keywords many passages hold, typos of
    // rare words and names, judged from the passages before the engine was changed (one draft a never-seen set holds
    // and two the unseen set holds word for word dropped, not reworded): precision6 0.901 / 0.963 (27, bigrams 0.870 /
    // 0.926); its held-out half precision6x 0.923 / 1.000 (26, bigrams 0.859 / 0.923) without the round's rules. With
    // the place glue split, quoted names as typo targets and 哪 + measure aspects (round 11): precision6 0.938 / 1.000,
    // precision6x 0.942 / 1.000; with determinerModifier precision6 0.963 / 1.000, precision6x unchanged.
    { set: 'chat', prefix: 'chat-precision6-', floor: { mrr10: 0.96, success5: 1 }, size: 27 },
    { set: 'chat', prefix: 'chat-precision6x-', floor: { mrr10: 0.94, success5: 1 }, size: 26 },
    // Everyday words, round 12 (docs/search.md, Everyday words, round 12): villagers' and cadres' words for what the
    // five texts say in policy language (种地用不了几个人, 老村长得了重病, 有个固定医生管我们一家的病), judged from the
    // passages before the engine was changed (two held-out drafts a never-seen set holds word for word dropped, not
    // reworded): everyday10 0.702 / 0.806 (31 judged + 2 no-match); its held-out half everyday10x (aggregates only)
    // 0.626 / 0.793 (29 + 2) at ffeae01. With insideJoin and loneSay (round 12): everyday10 0.718 / 0.839, everyday10x
    // unchanged.
    { set: 'chat', prefix: 'chat-everyday10-', floor: { mrr10: 0.71, success5: 0.83 }, size: 31 },
    { set: 'chat', prefix: 'chat-everyday10x-', floor: { mrr10: 0.62, success5: 0.79 }, size: 29 },
    // Precision, round 12 (docs/search.md, Precision, round 12): short facts whose answer shares few words with the
    // question, one step or figure inside a long passage, two concepts of which one is central, keywords many passages
    // hold, judged from the passages before the engine was changed (5 drafts the never-seen form test named dropped,
    // not reworded): precision7 0.980 / 1.000 (33, bigrams 0.939 / 0.939); its held-out half precision7x 1.000 / 1.000
    // (31, bigrams 0.940 / 0.968) at ffeae01 (precision7 is 0.9798: its floor 0.97); questionVerbCoverage (round 12)
    // moved neither. Round 13's junctions (junctionBonus) put its one miss first (有哪些联系群众的工作方法 3 → 1): 1.000.
    { set: 'chat', prefix: 'chat-precision7-', floor: { mrr10: 1, success5: 1 }, size: 33 },
    { set: 'chat', prefix: 'chat-precision7x-', floor: { mrr10: 1, success5: 1 }, size: 31 },
    // No-match near misses, round 12 (docs/search.md, No-match near misses, round 12): 28 near-miss topics a block as
    // people ask them in chat (a fee, a procedure, a subsidy, a figure beside a concept the texts discuss) and 17 judged
    // queries sharing their head words, written from the passages before the engine was changed (one draft a
    // never-seen set holds word for word dropped, not reworded): nomatch3 1.000 / 1.000 (16 judged), full answers to
    // its no-match queries 1/28; its held-out half nomatch3x (aggregates only) 0.971 / 1.000 (17), 6/28 at ffeae01.
    // With the head rule on (headStandInClose, headNounOnly): nomatch3 unchanged (1/28), nomatch3x 5/28.
    { set: 'chat', prefix: 'chat-nomatch3-', floor: { mrr10: 1, success5: 1 }, size: 16 },
    { set: 'chat', prefix: 'chat-nomatch3x-', floor: { mrr10: 0.97, success5: 1 }, size: 17 },
    // Chat forms, round 12 (docs/search.md, Chat forms, round 12): chat messages mixing politeness and requests,
    // material words, years and dates, mentions, full-width forms, typos of rare words and traditional variants over
    // all five texts, judged from the passages before the engine was changed (no draft a never-seen set holds word for
    // word): chatform1 1.000 / 1.000 (35 judged + 3 no-match); its held-out half chatform1x (aggregates only) 0.985 /
    // 1.000 (34 + 3), before and after the round's rules.
    { set: 'chat', prefix: 'chat-chatform1-', floor: { mrr10: 1, success5: 1 }, size: 35 },
    { set: 'chat', prefix: 'chat-chatform1x-', floor: { mrr10: 0.98, success5: 1 }, size: 34 },
    // Everyday words, round 13 (docs/search.md, Everyday words, round 13): villagers' and cadres' words for what the
    // five texts say in policy language (旱茅房改成冲水的, 跳大神搞迷信, 年轻的叫不动老的叫得动), judged from the passages
    // before the engine was changed (no draft a never-seen set holds word for word): everyday11 0.757 / 0.906 (32 judged
    // + 2 no-match); its held-out half everyday11x (aggregates only) 0.647 / 0.781 (32 + 2) at dc77280. With stand-ins
    // weighing less in headings (standInHeadings, round 13): everyday11 0.779 / 0.906, everyday11x 0.662 / 0.781.
    // Round 24 (sameSenseSay, docs/search.md, Everyday words, round 24): everyday11 0.784 / 0.906 → 0.781 / 0.875, one
    // query out of the first five (搞钱 read as 挣钱 → 增收, a right reading of a passage that is not the relevant one):
    // success@5 floored under the new figure.
    { set: 'chat', prefix: 'chat-everyday11-', floor: { mrr10: 0.77, success5: 0.87 }, size: 32 },
    // Round 20 (the re-fit adopted, docs/search.md, Ranking weights, round 20): everyday11x 0.662 / 0.781 → 0.657 / 0.719
    // (aggregates only; two queries out of the first five); floors under the new figures.
    { set: 'chat', prefix: 'chat-everyday11x-', floor: { mrr10: 0.65, success5: 0.71 }, size: 32 },
    // Precision, round 13 (docs/search.md, Precision, round 13): typos of words the texts use, hard facts (one figure
    // in a passage of many), short keywords and material requests, judged from the passages before the engine was
    // changed (14 drafts the never-seen form test and 2 the unseen-set copy check below named dropped, not reworded):
    // precision8 0.980 / 1.000 (38, bigrams 0.868 / 0.895); its held-out half precision8x (aggregates only) 1.000 /
    // 1.000 (40, bigrams 0.925 / 0.950) at dc77280.
    { set: 'chat', prefix: 'chat-precision8-', floor: { mrr10: 0.98, success5: 1 }, size: 38 },
    { set: 'chat', prefix: 'chat-precision8x-', floor: { mrr10: 1, success5: 1 }, size: 40 },
    // No-match near misses, round 13 (docs/search.md, No-match near misses, round 13): 28 near-miss topics a block (an
    // amount, a procedure, a time or a place asked beside a concept the texts discuss, each topic string checked absent
    // from the passages) and 18 / 17 judged queries of the same shape, written from the passages before the engine was
    // changed (15 drafts the chat set already held word for word replaced before the commit; one draft the unseen set
    // holds word for word, chat-nomatch4-30, dropped, not reworded): nomatch4 1.000 / 1.000 (17 judged), full answers
    // to its no-match queries 9/28; its held-out half nomatch4x (aggregates only) 1.000 / 1.000 (17), 4/28 at dc77280.
    // With askedAmountStated, paymentNear and paymentModified (round 13): nomatch4 6/28, nomatch4x unchanged (1.000 /
    // 1.000, 4/28).
    { set: 'chat', prefix: 'chat-nomatch4-', floor: { mrr10: 1, success5: 1 }, size: 18 },
    { set: 'chat', prefix: 'chat-nomatch4x-', floor: { mrr10: 1, success5: 1 }, size: 17 },
    // Material requests, round 14 (docs/search.md, Material requests, round 14): a topic and the kind of text wanted
    // (材料, 讲稿, PPT, 心得体会, a year, 讲话, 调研 …) over all five texts, broad and narrow topics, judged from the
    // passages before the engine was changed, in three batches written and committed before the rule each led to
    // (no draft a never-seen set holds word for word): material2 0.964 / 1.000 (83); its held-out half material2x
    // (aggregates only) 0.946 / 0.964 (83) at 49ab6de. With yearSuffix (round 14): 0.970 / 1.000 and 0.962 / 0.976.
    { set: 'chat', prefix: 'chat-material2-', floor: { mrr10: 0.96, success5: 1 }, size: 83 },
    { set: 'chat', prefix: 'chat-material2x-', floor: { mrr10: 0.96, success5: 0.97 }, size: 83 },
    // Material requests, round 15 (docs/search.md, Material requests, round 15): requests as cadres type them before a
    // meeting or a Party lesson — 文库-style decorations (精选, 3篇, 1500字, 完整版, word), the meeting or lesson described
    // in a sentence, 关于…的 / …方面的 wrappers, paraphrased topics, questions asking for a text — judged from the
    // passages and committed before any engine run (no draft a never-seen set holds word for word): material3 0.895 /
    // 0.927 (41); its held-out half material3x (aggregates only) 0.941 / 0.951 (41) at 062c153. With lengthCoverage
    // (round 15): 0.909 / 0.927 and 0.941 / 0.951. A second batch (-42…51 each, a narrow subject and a word for a kind
    // of text that a passage holds as its topic, written after an unjudged probe): material3 0.897 / 0.941 (51),
    // material3x 0.892 / 0.961 (51); with subjectFirst (round 15) 0.926 / 0.941 and 0.924 / 0.961.
    { set: 'chat', prefix: 'chat-material3-', floor: { mrr10: 0.92, success5: 0.94 }, size: 51 },
    { set: 'chat', prefix: 'chat-material3x-', floor: { mrr10: 0.92, success5: 0.96 }, size: 51 },
    // Material requests, round 16 (docs/search.md, Material requests, round 16): the material word first or in the
    // middle, several at once, genre words, topics as questions or everyday words, a year with 最新, English words for
    // the kind of text, politeness; judged from the passages and committed before any engine run (no draft a never-seen
    // set holds word for word): material4 0.874 / 0.974 (38 judged + 2 no-match), its held-out half material4x
    // (aggregates only) 0.917 / 0.947 (38 + 2) at c604720. With englishKinds, genreOpening and textCounts (round 16):
    // 0.901 / 0.974 and 0.917 / 0.947; full answers to the no-match queries 0/2 each throughout.
    { set: 'chat', prefix: 'chat-material4-', floor: { mrr10: 0.9, success5: 0.97 }, size: 38 },
    // Round 20 (the re-fit adopted, docs/search.md, Ranking weights, round 20): material4x 0.917 / 0.947 → 0.899 / 0.947
    // (aggregates only); the MRR@10 floor under it.
    { set: 'chat', prefix: 'chat-material4x-', floor: { mrr10: 0.89, success5: 0.94 }, size: 38 },
    // Material requests, round 17 (docs/search.md, Material requests, round 17): written blind
    // (/work/blocks/material5.json, by a writer who saw neither the engine, the tests nor any set; taken as written,
    // chat-material5x-25 dropped as chat-precision1-22 word for word): material5 0.965 / 0.974 (38 judged + 2
    // no-match), its held-out half material5x (aggregates only) 0.968 / 1.000 (37 + 2) at 72e6d1a + the blocks. With
    // broadOpening and rejoinMaterial (round 17): 0.974 / 1.000 and 0.968 / 1.000; full answers to the no-match queries
    // 0/2 each throughout.
    { set: 'chat', prefix: 'chat-material5-', floor: { mrr10: 0.96, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-material5x-', floor: { mrr10: 0.95, success5: 0.97 }, size: 37 },
    // Material requests, round 17, third part (docs/search.md, Material requests, round 17 (third part)): written blind
    // (/work/blocks/material6.json; taken as written, nothing dropped): material6 0.963 / 0.974 (38 judged + 2
    // no-match), its held-out half material6x (aggregates only) 1.000 / 1.000 (38 + 2) at 4961df9 + the blocks, the
    // same with bigrams.materialWeight 0.01; full answers to the no-match queries 0/2 each.
    { set: 'chat', prefix: 'chat-material6-', floor: { mrr10: 0.95, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-material6x-', floor: { mrr10: 0.97, success5: 0.97 }, size: 38 },
    // Material requests, round 18 (docs/search.md, Material requests, round 18): written blind by three writers
    // (/work/blocks/material7-9.json; taken as written, chat-material7-32 and chat-material8-18 dropped as duplicates of
    // chat queries), 37-38 judged + 2 no-match each, at 7d9cee9 + the blocks (materialClause off, the default; on: material7
    // 0.958, material8 0.959, the rest unchanged): material7 0.945 / 1.000, material7x (aggregates only) 0.987 / 1.000,
    // material8 0.945 / 1.000, material8x 1.000 / 1.000, material9 1.000 / 1.000, material9x 0.987 / 1.000; full answers
    // to the no-match queries 0/2 each.
    { set: 'chat', prefix: 'chat-material7-', floor: { mrr10: 0.93, success5: 0.97 }, size: 37 },
    // Round 20 (the re-fit adopted): material7x 0.987 / 1.000 → 0.969 / 1.000 (aggregates only); MRR@10 floor under it.
    { set: 'chat', prefix: 'chat-material7x-', floor: { mrr10: 0.96, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-material8-', floor: { mrr10: 0.93, success5: 0.97 }, size: 37 },
    { set: 'chat', prefix: 'chat-material8x-', floor: { mrr10: 0.98, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-material9-', floor: { mrr10: 0.98, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-material9x-', floor: { mrr10: 0.97, success5: 0.97 }, size: 38 },
    // Everyday words, round 14 (docs/search.md, Everyday words, round 14): villagers' and cadres' words for what the
    // five texts say in policy language (田交给老板种自己进他厂里上班, 当官的要把每家每户都跑到), judged from the passages
    // before the engine was run on them (no draft a never-seen set holds word for word): everyday12 0.559 / 0.636 (33
    // judged + 2 no-match); its held-out half everyday12x (aggregates only) 0.550 / 0.750 (32 + 2) at 49ab6de. With
    // lightNouns (round 14): everyday12 0.574 / 0.636, everyday12x unchanged.
    { set: 'chat', prefix: 'chat-everyday12-', floor: { mrr10: 0.57, success5: 0.63 }, size: 33 },
    { set: 'chat', prefix: 'chat-everyday12x-', floor: { mrr10: 0.54, success5: 0.75 }, size: 32 },
    // No-match near misses, round 14 (docs/search.md, No-match near misses, round 14): 25 / 25 no-match queries a block
    // (other policy areas sharing the texts' words — 宅基地, 医保, 社保, 退役军人, 土地流转 —, near misses, chrome names,
    // list questions on sets no text names; each topic string checked absent from the passages) and 18 judged
    // neighbours each, written from the passages before the engine was changed (five drafts the never-seen form test
    // named and one the unseen-set copy check named, chat-nomatch5-25, dropped, not reworded): nomatch5 1.000 / 1.000,
    // full answers to its no-match queries 1/25; its held-out half
    // nomatch5x (aggregates only) 1.000 / 1.000, 3/25 at 49ab6de. With askedHowMention and numberedNames (round 14):
    // nomatch5 0/25, nomatch5x unchanged.
    { set: 'chat', prefix: 'chat-nomatch5-', floor: { mrr10: 1, success5: 1 }, size: 18 },
    { set: 'chat', prefix: 'chat-nomatch5x-', floor: { mrr10: 1, success5: 1 }, size: 18 },
    // Everyday words, round 15 (docs/search.md, Everyday words, round 15): villagers' and cadres' words for what the
    // five texts say in policy language (村部房子漏雨该重盖了, 光伸手向镇里要钱自己不想办法), judged from the passages before
    // the engine was run on them (no draft a never-seen set holds word for word): everyday13 0.643 / 0.765 (34 judged +
    // 2 no-match); its held-out half everyday13x (aggregates only) 0.765 / 0.824 (34 + 2) at 062c153. With
    // unheldNearby (round 15): everyday13 0.673 / 0.794, everyday13x unchanged.
    { set: 'chat', prefix: 'chat-everyday13-', floor: { mrr10: 0.67, success5: 0.79 }, size: 34 },
    { set: 'chat', prefix: 'chat-everyday13x-', floor: { mrr10: 0.76, success5: 0.82 }, size: 34 },
    // No-match near misses, round 15 (docs/search.md, No-match near misses, round 15): 29 / 27 no-match queries a block
    // (a head the texts hold only inside another compound, a modifier they lack, everyday troubles whose stand-ins are
    // policy words, a detail the texts give only the name of, names only in document chrome, topics beside theirs;
    // each topic string checked absent from the passages) and 18 / 17 judged neighbours, written from the passages
    // before the engine was changed (seven drafts the never-seen form test named dropped, not reworded): nomatch6
    // 1.000 / 1.000, full answers to its no-match queries 5/29; its held-out half nomatch6x (aggregates only) 1.000 /
    // 1.000, 4/27 at 062c153.
    { set: 'chat', prefix: 'chat-nomatch6-', floor: { mrr10: 1, success5: 1 }, size: 18 },
    { set: 'chat', prefix: 'chat-nomatch6x-', floor: { mrr10: 1, success5: 1 }, size: 17 },
    // Precision, round 15 (docs/search.md, Precision, round 15): facts (who, how many, when, which document), questions
    // (what X means, how, why) and theme requests as asked in chat, judged from the passages before any engine run (18
    // drafts the chat set already held word for word and 14 the never-seen form test named dropped, not reworded):
    // precision9 0.979 / 1.000 (60, bigrams 0.914 / 0.967); its held-out half precision9x (aggregates only) 0.992 /
    // 1.000 (61, bigrams 0.948 / 0.984) at 062c153 + the blocks. With questionVerbHeadings (round 15): 0.992 / 1.000 and unchanged.
    { set: 'chat', prefix: 'chat-precision9-', floor: { mrr10: 0.99, success5: 1 }, size: 60 },
    { set: 'chat', prefix: 'chat-precision9x-', floor: { mrr10: 0.99, success5: 1 }, size: 61 },
    // Everyday words, round 16 (docs/search.md, Everyday words, round 16): villagers' and cadres' words for what the
    // five texts say in policy language, judged from the passages before the engine was run on them (the never-seen
    // form test named none): everyday14 0.656 / 0.794 (34 judged + 2 no-match, bigrams 0.361 / 0.441); its held-out
    // half everyday14x (aggregates only) 0.708 / 0.765 (34 + 2, bigrams 0.343 / 0.412) at be5c1cb. No rule of the
    // round was kept, so these are main's figures.
    { set: 'chat', prefix: 'chat-everyday14-', floor: { mrr10: 0.65, success5: 0.79 }, size: 34 },
    { set: 'chat', prefix: 'chat-everyday14x-', floor: { mrr10: 0.7, success5: 0.76 }, size: 34 },
    // No-match near misses, round 16 (docs/search.md, No-match near misses, round 16): 28 no-match queries a block (a
    // time, fee, procedure, contact or detail asked beside a concept the texts discuss; each topic string checked
    // absent from the passages) and 16 / 14 judged neighbours, written from the passages before any engine run (six
    // drafts the never-seen form test named dropped, not reworded): nomatch7 1.000 / 1.000, full answers to its
    // no-match queries 4/28; its held-out half nomatch7x (aggregates only) 1.000 / 1.000, 4/28 at be5c1cb + the blocks.
    // With amountBeforePayment (round 16): nomatch7 3/28, nomatch7x unchanged.
    { set: 'chat', prefix: 'chat-nomatch7-', floor: { mrr10: 1, success5: 1 }, size: 16 },
    { set: 'chat', prefix: 'chat-nomatch7x-', floor: { mrr10: 1, success5: 1 }, size: 14 },
    // Precision, round 16 (docs/search.md, Precision, round 16): facts, questions, keywords and themes of passages other
    // blocks rarely target, judged from the passages before any engine run (26 drafts the chat set's tuning blocks
    // already held word for word replaced; dropped, not reworded: 16 the never-seen form test named and 6 the unseen
    // set's copy check above named): precision10 0.988 / 1.000 (41, bigrams 0.939 / 0.976); its held-out half
    // precision10x (aggregates only) 0.973 / 1.000 (46, bigrams 0.888 / 0.913), itemBonus off and on (round 16) alike,
    // before the copy check's last drop (one keyword; 45 judged since, not measured again).
    { set: 'chat', prefix: 'chat-precision10-', floor: { mrr10: 0.98, success5: 1 }, size: 41 },
    { set: 'chat', prefix: 'chat-precision10x-', floor: { mrr10: 0.97, success5: 1 }, size: 45 },
    // Everyday words, round 16, second half (docs/search.md, Everyday words, round 16 (second half)): villagers' and
    // cadres' words, judged from the passages before any engine run (the never-seen form test named none): everyday15
    // 0.803 / 0.938 (32 judged + 2 no-match, bigrams 0.726 / 0.813); its held-out half everyday15x (aggregates only)
    // 0.650 / 0.781 (32 + 2, bigrams 0.472 / 0.625) at 76bab8f + the blocks. coverageSpecific was not kept, so these
    // are main's figures.
    { set: 'chat', prefix: 'chat-everyday15-', floor: { mrr10: 0.8, success5: 0.93 }, size: 32 },
    { set: 'chat', prefix: 'chat-everyday15x-', floor: { mrr10: 0.64, success5: 0.78 }, size: 32 },
    // Everyday words, round 17 (docs/search.md, Everyday words, round 17): villagers' and cadres' words written blind
    // (by a writer who never saw the engine, the tests or any set) and judged from the passages; the never-seen form
    // test named none: everyday16 0.713 / 0.868 at 72e6d1a + the blocks, 0.740 / 0.895 with round 17's
    // dictionaryPlaces (38 judged + 2 no-match, bigrams 0.489 / 0.632); its held-out half everyday16x (aggregates only)
    // 0.794 / 0.868 before and after (38 + 2, bigrams 0.583 / 0.763).
    { set: 'chat', prefix: 'chat-everyday16-', floor: { mrr10: 0.73, success5: 0.89 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday16x-', floor: { mrr10: 0.78, success5: 0.86 }, size: 38 },
    // No-match near misses, round 17 (docs/search.md, No-match near misses, round 17): written blind by a writer who
    // never saw the engine, the tests or any set (/work/blocks/nomatch8.json, taken as written; one judged query the
    // never-seen form test named dropped, not reworded), 28 no-match queries a block and 16 / 15 judged near misses:
    // nomatch8 1.000 / 1.000, full answers to its no-match queries 0/28; its held-out half nomatch8x (aggregates only)
    // 0.933 / 0.933, 0/28 at 72e6d1a + the blocks, and the same with standInListed (round 17).
    { set: 'chat', prefix: 'chat-nomatch8-', floor: { mrr10: 0.96, success5: 0.93 }, size: 16 },
    { set: 'chat', prefix: 'chat-nomatch8x-', floor: { mrr10: 0.9, success5: 0.9 }, size: 15 },
    // Everyday words, round 17 (second half) (docs/search.md): a second blind-written pair, taken as written (the
    // never-seen form test named none, none duplicates a chat query): everyday17 0.811 / 0.921 at 83a66b1 + the
    // blocks, 0.828 / 0.921 with glossComposed (38 judged + 2 no-match, bigrams 0.491 / 0.632); its held-out half
    // everyday17x (aggregates only) 0.817 / 0.947 before and after (38 + 2, bigrams 0.555 / 0.658).
    { set: 'chat', prefix: 'chat-everyday17-', floor: { mrr10: 0.82, success5: 0.91 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday17x-', floor: { mrr10: 0.8, success5: 0.94 }, size: 38 },
    // Round 23's blocks, each written blind by a writer who never saw the engine, the tests or any set, and judged from
    // the passages; drafts equal to a never-seen or chat query were dropped, not reworded. At the round's end
    // (askedNumberStated, englishLateGloss): everyday19 0.871 / 0.947, everyday19x 0.823 / 0.921 (aggregates only);
    // english21 0.888 / 0.973, english21x 0.908 / 0.974; precision12 and precision12x 1.000 / 1.000; nomatch9 0.967 /
    // 1.000, nomatch9x 0.922 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday19-', floor: { mrr10: 0.86, success5: 0.94 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday19x-', floor: { mrr10: 0.81, success5: 0.92 }, size: 38 },
    { set: 'chat', prefix: 'chat-english21-', floor: { mrr10: 0.88, success5: 0.97 }, size: 37 },
    { set: 'chat', prefix: 'chat-english21x-', floor: { mrr10: 0.9, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-precision12-', floor: { mrr10: 0.98, success5: 1 }, size: 28 },
    { set: 'chat', prefix: 'chat-precision12x-', floor: { mrr10: 0.98, success5: 1 }, size: 30 },
    { set: 'chat', prefix: 'chat-nomatch9-', floor: { mrr10: 0.95, success5: 1 }, size: 15 },
    { set: 'chat', prefix: 'chat-nomatch9x-', floor: { mrr10: 0.9, success5: 1 }, size: 15 },
    // Round 24's blocks, written blind as round 23's (drafts equal to a never-seen or chat query dropped, not reworded).
    // At f59e921 + the blocks: everyday20 0.900 / 0.947, everyday20x 0.816 / 0.944 (aggregates only); english22 0.945 /
    // 0.974, english22x 0.904 / 1.000; precision13 0.942 / 0.962, precision13x 0.962 / 0.962; nomatch10 and nomatch10x
    // 1.000 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday20-', floor: { mrr10: 0.89, success5: 0.94 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday20x-', floor: { mrr10: 0.8, success5: 0.94 }, size: 36 },
    { set: 'chat', prefix: 'chat-english22-', floor: { mrr10: 0.93, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-english22x-', floor: { mrr10: 0.89, success5: 1 }, size: 37 },
    { set: 'chat', prefix: 'chat-precision13-', floor: { mrr10: 0.93, success5: 0.96 }, size: 26 },
    { set: 'chat', prefix: 'chat-precision13x-', floor: { mrr10: 0.95, success5: 0.96 }, size: 26 },
    { set: 'chat', prefix: 'chat-nomatch10-', floor: { mrr10: 0.98, success5: 1 }, size: 15 },
    { set: 'chat', prefix: 'chat-nomatch10x-', floor: { mrr10: 0.98, success5: 1 }, size: 14 },
    // Round 25's blocks, written blind as round 24's (44 drafts equal to a never-seen or chat query dropped, not
    // reworded). At c023c4a + the blocks: everyday21 0.917 / 0.947, everyday21x 0.909 / 0.974 (aggregates only);
    // english23 0.898 / 0.972, english23x 0.873 / 0.946; precision14 0.979 / 1.000, precision14x 0.944 / 1.000; nomatch11
    // 0.917 / 1.000, nomatch11x 1.000 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday21-', floor: { mrr10: 0.9, success5: 0.94 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday21x-', floor: { mrr10: 0.89, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-english23-', floor: { mrr10: 0.88, success5: 0.97 }, size: 36 },
    { set: 'chat', prefix: 'chat-english23x-', floor: { mrr10: 0.86, success5: 0.94 }, size: 37 },
    { set: 'chat', prefix: 'chat-precision14-', floor: { mrr10: 0.97, success5: 1 }, size: 24 },
    { set: 'chat', prefix: 'chat-precision14x-', floor: { mrr10: 0.93, success5: 1 }, size: 30 },
    { set: 'chat', prefix: 'chat-nomatch11-', floor: { mrr10: 0.9, success5: 1 }, size: 12 },
    { set: 'chat', prefix: 'chat-nomatch11x-', floor: { mrr10: 0.98, success5: 1 }, size: 11 },
    // Round 26's blocks, written blind as round 25's (34 drafts equal to a never-seen or chat query dropped, not
    // reworded). At ebca85a + the blocks: everyday22 0.865 / 0.921, everyday22x 0.906 / 0.974 (aggregates only);
    // english24 0.917 / 0.944, english24x 0.841 / 0.892; precision15 0.939 / 0.963, precision15x 0.984 / 1.000; nomatch12
    // 0.958 / 1.000, nomatch12x 1.000 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday22-', floor: { mrr10: 0.85, success5: 0.92 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday22x-', floor: { mrr10: 0.89, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-english24-', floor: { mrr10: 0.9, success5: 0.94 }, size: 36 },
    { set: 'chat', prefix: 'chat-english24x-', floor: { mrr10: 0.83, success5: 0.89 }, size: 37 },
    { set: 'chat', prefix: 'chat-precision15-', floor: { mrr10: 0.92, success5: 0.96 }, size: 27 },
    { set: 'chat', prefix: 'chat-precision15x-', floor: { mrr10: 0.97, success5: 1 }, size: 32 },
    { set: 'chat', prefix: 'chat-nomatch12-', floor: { mrr10: 0.94, success5: 1 }, size: 12 },
    { set: 'chat', prefix: 'chat-nomatch12x-', floor: { mrr10: 0.98, success5: 1 }, size: 13 },
    // Round 27's blocks, written blind as round 26's (45 drafts equal to a never-seen or chat query dropped, not
    // reworded). At 192d621 + the blocks: everyday23 0.886 / 0.946, everyday23x 0.889 / 0.944 (aggregates only);
    // english25 0.851 / 0.895, english25x 0.861 / 0.919; precision16 0.950 / 1.000, precision16x 0.971 / 1.000;
    // nomatch13 1.000 / 1.000, nomatch13x 1.000 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday23-', floor: { mrr10: 0.87, success5: 0.94 }, size: 37 },
    { set: 'chat', prefix: 'chat-everyday23x-', floor: { mrr10: 0.87, success5: 0.94 }, size: 36 },
    { set: 'chat', prefix: 'chat-english25-', floor: { mrr10: 0.84, success5: 0.89 }, size: 38 },
    { set: 'chat', prefix: 'chat-english25x-', floor: { mrr10: 0.85, success5: 0.91 }, size: 37 },
    { set: 'chat', prefix: 'chat-precision16-', floor: { mrr10: 0.94, success5: 1 }, size: 26 },
    { set: 'chat', prefix: 'chat-precision16x-', floor: { mrr10: 0.96, success5: 1 }, size: 26 },
    { set: 'chat', prefix: 'chat-nomatch13-', floor: { mrr10: 0.98, success5: 1 }, size: 12 },
    { set: 'chat', prefix: 'chat-nomatch13x-', floor: { mrr10: 0.98, success5: 1 }, size: 14 },
    // Round 28's blocks, written blind as round 27's (44 drafts equal to a never-seen or chat query dropped, not
    // reworded). At 641e43a + the blocks: everyday24 0.822 / 0.895, everyday24x 0.775 / 0.842 (aggregates only);
    // english26 0.851 / 0.892, english26x 0.924 / 1.000; precision17 0.921 / 1.000, precision17x 1.000 / 1.000;
    // nomatch14 0.967 / 1.000, nomatch14x 1.000 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday24-', floor: { mrr10: 0.81, success5: 0.89 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday24x-', floor: { mrr10: 0.76, success5: 0.84 }, size: 38 },
    { set: 'chat', prefix: 'chat-english26-', floor: { mrr10: 0.84, success5: 0.89 }, size: 37 },
    { set: 'chat', prefix: 'chat-english26x-', floor: { mrr10: 0.91, success5: 1 }, size: 35 },
    { set: 'chat', prefix: 'chat-precision17-', floor: { mrr10: 0.91, success5: 1 }, size: 28 },
    { set: 'chat', prefix: 'chat-precision17x-', floor: { mrr10: 0.99, success5: 1 }, size: 23 },
    { set: 'chat', prefix: 'chat-nomatch14-', floor: { mrr10: 0.95, success5: 1 }, size: 15 },
    { set: 'chat', prefix: 'chat-nomatch14x-', floor: { mrr10: 0.99, success5: 1 }, size: 11 },
    // Round 29's blocks, written blind as round 28's (50 drafts equal to a never-seen or chat query dropped, not
    // reworded). At 068484c + the blocks: everyday25 0.876 / 0.974, everyday25x 0.794 / 0.868 (aggregates only);
    // english27 0.914 / 0.973, english27x 0.944 / 0.944; precision18 0.952 / 1.000, precision18x 1.000 / 1.000;
    // nomatch15 1.000 / 1.000, nomatch15x 0.929 / 1.000 (their no-match queries under NO_MATCH_CEILINGS).
    { set: 'chat', prefix: 'chat-everyday25-', floor: { mrr10: 0.86, success5: 0.97 }, size: 38 },
    { set: 'chat', prefix: 'chat-everyday25x-', floor: { mrr10: 0.78, success5: 0.86 }, size: 38 },
    { set: 'chat', prefix: 'chat-english27-', floor: { mrr10: 0.9, success5: 0.97 }, size: 37 },
    { set: 'chat', prefix: 'chat-english27x-', floor: { mrr10: 0.93, success5: 0.94 }, size: 36 },
    { set: 'chat', prefix: 'chat-precision18-', floor: { mrr10: 0.94, success5: 1 }, size: 26 },
    { set: 'chat', prefix: 'chat-precision18x-', floor: { mrr10: 0.99, success5: 1 }, size: 21 },
    { set: 'chat', prefix: 'chat-nomatch15-', floor: { mrr10: 0.99, success5: 1 }, size: 11 },
    { set: 'chat', prefix: 'chat-nomatch15x-', floor: { mrr10: 0.91, success5: 1 }, size: 14 },
  ];
  // Blocks written to measure full answers to near-miss no-match queries: held to a ceiling of their own (their figure
  // when it was set) instead of the set's zero, so that a block can be written before the engine is changed for it.
  const NO_MATCH_CEILINGS: { set: string; prefix: string; most: number; size: number }[] = [
    { set: 'chat', prefix: 'chat-nomatch1-', most: 1, size: 20 },
    { set: 'chat', prefix: 'chat-nomatch1x-', most: 1, size: 20 },
    { set: 'chat', prefix: 'chat-everyday9-', most: 1, size: 2 },
    { set: 'chat', prefix: 'chat-everyday9x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch2-', most: 1, size: 28 }, // round 15's listedMention: 2 → 1
    { set: 'chat', prefix: 'chat-nomatch2x-', most: 4, size: 28 }, // round 13's askedAmountStated: 5 → 4
    { set: 'chat', prefix: 'chat-everyday10-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday10x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch3-', most: 0, size: 28 }, // round 13's askedAmountStated: 1 → 0
    { set: 'chat', prefix: 'chat-nomatch3x-', most: 4, size: 28 }, // round 13's paymentModified: 5 → 4
    { set: 'chat', prefix: 'chat-chatform1-', most: 0, size: 3 },
    { set: 'chat', prefix: 'chat-chatform1x-', most: 1, size: 3 },
    { set: 'chat', prefix: 'chat-everyday11-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday11x-', most: 1, size: 2 },
    // Round 14: chat-nomatch4-20 (富村十条是哪十条) judged by the chat set's convention for list questions (a passage naming
    // the set answers it: 四种人是指哪四种人 → 001-011): 001-014, a judged question now, so 27 no-match queries (5 full before round 14's rules).
    { set: 'chat', prefix: 'chat-nomatch4-', most: 1, size: 27 }, // 9 at dc77280; askedAmountStated 7, paymentModified 6; round 14's askedHowMention 3; round 15's listedMention 2; round 25's countUnitHeld 1
    { set: 'chat', prefix: 'chat-nomatch4x-', most: 2, size: 28 }, // round 14's askedHowMention: 4 → 3; round 23's askedNumberStated 2
    { set: 'chat', prefix: 'chat-nomatch5-', most: 0, size: 25 }, // 1 at 49ab6de; numberedNames 0
    { set: 'chat', prefix: 'chat-nomatch5x-', most: 3, size: 25 },
    { set: 'chat', prefix: 'chat-nomatch6-', most: 3, size: 29 }, // 5 at 062c153; round 15's askedNounSubject 4; round 26's askedKindNamed 3
    { set: 'chat', prefix: 'chat-nomatch6x-', most: 4, size: 27 },
    { set: 'chat', prefix: 'chat-everyday12-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday12x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday13-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday13x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday14-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday14x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch7-', most: 1, size: 28 }, // 4 at be5c1cb; round 16's amountBeforePayment 3; round 17's standInListed 2; round 27's listedSiblings 1
    { set: 'chat', prefix: 'chat-nomatch7x-', most: 4, size: 28 },
    { set: 'chat', prefix: 'chat-precision10-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-precision10x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday15-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday15x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday16-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday16x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch8-', most: 0, size: 28 }, // 0 at 72e6d1a + the blocks (written blind)
    { set: 'chat', prefix: 'chat-nomatch8x-', most: 0, size: 28 },
    { set: 'chat', prefix: 'chat-everyday17-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday17x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch9-', most: 0, size: 28 }, // 2 at 0e6de6e (written blind); round 23's askedNumberStated 1; round 24's askedMembersListed 0
    { set: 'chat', prefix: 'chat-nomatch9x-', most: 3, size: 28 }, // 3 at 0e6de6e
    { set: 'chat', prefix: 'chat-nomatch10-', most: 0, size: 26 }, // 2 at f59e921 + the blocks (written blind); round 24's askedMembersListed 0
    { set: 'chat', prefix: 'chat-nomatch10x-', most: 1, size: 28 }, // 2 at f59e921 + the blocks; round 24's askedMembersListed 1
    { set: 'chat', prefix: 'chat-nomatch11-', most: 0, size: 27 }, // 0 at c023c4a + the blocks (written blind)
    { set: 'chat', prefix: 'chat-nomatch11x-', most: 1, size: 26 }, // 1 at c023c4a + the blocks
    { set: 'chat', prefix: 'chat-everyday21-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday21x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english23-', most: 0, size: 1 },
    { set: 'chat', prefix: 'chat-english23x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch12-', most: 1, size: 27 }, // 3 at ebca85a + the blocks (written blind); round 26's askedYearHeld and askedKindNamed 1
    { set: 'chat', prefix: 'chat-nomatch12x-', most: 1, size: 28 }, // 1 at ebca85a + the blocks
    { set: 'chat', prefix: 'chat-everyday22-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday22x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english24-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english24x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch13-', most: 0, size: 24 }, // 1 at 192d621 + the blocks (written blind); round 27's listedSiblings 0
    { set: 'chat', prefix: 'chat-nomatch13x-', most: 1, size: 27 }, // 1 at 192d621 + the blocks
    { set: 'chat', prefix: 'chat-everyday23-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday23x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english25-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english25x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch14-', most: 1, size: 25 }, // 1 at 641e43a + the blocks (written blind)
    { set: 'chat', prefix: 'chat-nomatch14x-', most: 3, size: 28 }, // 3 at 641e43a + the blocks
    { set: 'chat', prefix: 'chat-everyday24-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday24x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english26-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english26x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-nomatch15-', most: 3, size: 25 }, // 3 at 068484c + the blocks (written blind)
    { set: 'chat', prefix: 'chat-nomatch15x-', most: 4, size: 26 }, // 4 at 068484c + the blocks
    { set: 'chat', prefix: 'chat-everyday25-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-everyday25x-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english27-', most: 0, size: 2 },
    { set: 'chat', prefix: 'chat-english27x-', most: 0, size: 2 },
  ];
  const mean = (outcomes: readonly { mrr10: number; success5: number }[]): { mrr10: number; success5: number } => ({
    mrr10: outcomes.reduce((a, o) => a + o.mrr10, 0) / Math.max(1, outcomes.length),
    success5: outcomes.reduce((a, o) => a + o.success5, 0) / Math.max(1, outcomes.length),
  });

  it.each(GATED)('%s: MRR@10 and success@5 at or above the floor', (name) => {
    const engine = byName.get(name)?.reports[0];
    const floor = FLOORS[name] as { mrr10: number; success5: number };
    expect(engine?.name).toBe('zhenxing');
    const blocks = BLOCKS.filter((b) => b.set === name);
    const rest = mean((engine?.outcomes ?? []).filter((o) => !blocks.some((b) => o.id.startsWith(b.prefix))));
    expect(rest.mrr10).toBeGreaterThanOrEqual(floor.mrr10);
    expect(rest.success5).toBeGreaterThanOrEqual(floor.success5);
  });

  it.each(BLOCKS)('$set, the block $prefix*: MRR@10 and success@5 at or above its floor', ({ set, prefix, floor, size }) => {
    const outcomes = (byName.get(set)?.reports[0]?.outcomes ?? []).filter((o) => o.id.startsWith(prefix));
    expect(outcomes.length).toBeGreaterThanOrEqual(size ?? 35);
    const m = mean(outcomes);
    expect(m.mrr10).toBeGreaterThanOrEqual(floor.mrr10);
    expect(m.success5).toBeGreaterThanOrEqual(floor.success5);
  });

  it.each(GATED)('%s: ahead of the bigram and jieba baselines overall, never behind bigrams on a kind', (name) => {
    const [engine, bigrams, jieba] = byName.get(name)?.reports ?? [];
    expect(bigrams?.name).toBe('bigrams-only');
    expect(jieba?.name).toBe('jieba-or');
    for (const baseline of [bigrams, jieba]) {
      expect((engine?.overall.mrr10 ?? 0) - (baseline?.overall.mrr10 ?? 1), baseline?.name).toBeGreaterThanOrEqual(0.1);
    }
    // Per kind on the tuned sets (on the held-out set a kind has 2–5 queries: one query decides it).
    if (name === 'heldout') return;
    for (const [kind, m] of engine?.byCategory ?? []) {
      expect(m.mrr10, kind).toBeGreaterThanOrEqual(bigrams?.byCategory.get(kind)?.mrr10 ?? 1);
    }
  });

  it.each(GATED)('%s: no full answer for chrome-only names or topics the texts never discuss', (name) => {
    const engine = byName.get(name)?.reports[0];
    const ceiled = NO_MATCH_CEILINGS.filter((b) => b.set === name);
    const rest = (engine?.fullAnswers ?? []).filter((f) => !ceiled.some((b) => f.id.startsWith(b.prefix)));
    // A held-out block's query is named by its id only.
    expect(rest.map((f) => (heldOutBlock(name, f.id) ? f.id : f.query))).toEqual([]);
  });

  it.each(NO_MATCH_CEILINGS)('$set, the block $prefix*: at most $most full answers to its no-match queries', ({ set, prefix, most, size }) => {
    const run = byName.get(set);
    const noMatch = (run?.queries ?? []).filter((q) => q.expect === 'no-full-match' && q.id.startsWith(prefix));
    expect(noMatch.length).toBeGreaterThanOrEqual(size);
    const full = (run?.reports[0]?.fullAnswers ?? []).filter((f) => f.id.startsWith(prefix)).length;
    expect(full).toBeLessThanOrEqual(most);
  });

  it('fails loudly when a judgment matches no passage', () => {
    const broken = [{ id: 'x', category: 'exact', query: '人才', relevant: ['这句话不在任何段落里'] }];
    expect(() => resolveJudgments(broken, corpus.passages)).toThrow('x (人才): "这句话不在任何段落里"');
    const badId = [{ id: 'y', category: 'keyword', query: '人才', relevant: ['999-999'], ids: true }];
    expect(() => resolveJudgments(badId, corpus.passages)).toThrow('y (人才): "999-999"');
    expect(readEvalQueries().length).toBe(byName.get('queries')?.queries.length);
  });
});

// Moved here from test/search/page-pruning.test.ts (unchanged) so that it runs in the same worker as runAllSets above:
// the engine keeps each query's analysis (bounded memos in analyze.ts and engine.ts), and both blocks search the same
// ~6 800 tuning queries. In separate files, on separate workers, each paid the cold first search of every query
// (~20 s and ~30 s of CPU on this machine); together the second costs a few seconds. What the test compares (a small
// page against the same stretch of a large one, both searched here) does not depend on what was searched before.
//
// A small page lets the engine skip the text scans (whole-query bonus, full match) of passages that cannot reach it
// (engine.ts, finish). What a user sees must not depend on that: every small page equals the same stretch of one
// large page, with the same scores, total, partial flag and matched words.
const view = (r: SearchResponse['results']): [string, number, string][] => r.map((x) => [x.id, x.score, x.snippet]);

describe('search: a small page is the same stretch of a large one', () => {
  const engine = getSharedEngine();
  // The judged sets tuned on (queries, chat): keywords, themes, English, typos, partial answers, filters.
  const queries = EVAL_SETS.filter((s) => s.tuned).flatMap((s) => readEvalQueries(s.file).map((q) => q.query));
  queries.push('主题:人才 本土人才', '主题:生态', '人才振兴', 'organization', '乡村振兴');

  it('gives pages 1–3 of 3 results exactly as results 1–9 of a page of 50', () => {
    let prunable = 0;
    for (const query of queries) {
      const large = engine.search(query, { limit: 50 });
      // With 3 a page, pages 1–3 need at most 9 results: passages past the best 9 clusters go unscanned once a
      // query has more than 36 candidates.
      if (large.total > 36) prunable++;
      // The words a partial answer matches are the first page's, the same on every page, however much was skipped.
      const matched = engine.search(query, { limit: 3 }).matched;
      for (let page = 1; page <= 3; page++) {
        const small = engine.search(query, { limit: 3, page });
        const at = (small.page - 1) * 3;
        expect({ query, results: view(small.results) }).toEqual({ query, results: view(large.results.slice(at, at + 3)) });
        expect({ query, total: small.total, partial: small.partial, corrected: small.corrected }).toEqual({
          query,
          total: large.total,
          partial: large.partial,
          corrected: large.corrected,
        });
        expect({ query, page, matched: small.matched }).toEqual({ query, page, matched });
      }
    }
    // The comparison means something only if many queries have enough candidates for passages to be skipped.
    expect(prunable).toBeGreaterThan(20);
    // Five searches for each of the ~6 800 tuning queries: a few seconds after the eval above has analysed them,
    // far longer cold on a loaded machine.
  }, 120_000);
});
