/**
 * `npm run eval`: retrieval quality on every judged set, for this engine and, over the same passages, the baselines:
 * Han character bigrams in MiniSearch, jieba cutForSearch words in MiniSearch (OR), and MiniSearch out of the box.
 *
 * Sets (test/fixtures/):
 * - eval-queries.json — the project's first 66 queries; judgments are distinctive substrings of relevant passages,
 *   resolved to passages at run time (whitespace ignored), so re-chunking cannot silently break them.
 * - eval-chat.json — queries as people type them in team chat (issue 9); judgments are passage ids.
 * - eval-heldout.json — more chat queries, written with eval-chat.json before the engine changed and never tuned
 *   against: only aggregates are printed for it, never per-query outcomes.
 * - eval-unseen.json — 133 chat queries written on 2026-12-01 by an engineer who neither ran nor read the engine while
 *   it was being tuned, judged by reading the passages, mostly on topics and facts the other sets do not use. Never
 *   tuned against: aggregates only, like eval-heldout.json.
 * - eval-fresh.json — 171 chat queries written blind on 2026-12-01 before the third round of engine work, and kept out
 *   of every report until that work had landed: its first figures are the verdict on that round. Aggregates only.
 * - eval-blind.json — 240 chat queries written blind on 2026-12-01 during the fourth round of engine work by an
 *   engineer who neither read nor ran the engine nor saw another set, and kept off main until that round had landed:
 *   its first figures are the verdict on that round. Aggregates only.
 * - eval-blind2.json — 296 chat queries written blind on 2026-12-02 during the fifth round of engine work, the same way
 *   (no engine read or run, no other set seen, judged by reading the passages) and kept off main until that round had
 *   landed: its first figures are the verdict on that round. Aggregates only.
 * - eval-blind3.json — 303 chat queries written blind on 2026-12-02 during the sixth round of engine work, the same
 *   way, its judgements checked by a second reader who was blind too, and kept off main until that round had landed:
 *   its first figures are the verdict on that round. Aggregates only.
 * - eval-blind4.json — 303 chat queries written blind on 2026-12-02 during the seventh round of engine work, the same
 *   way (no engine read or run, no other set seen, judged by reading the passages, checked by a blind second reader)
 *   and kept off main until that round had landed: its first figures are the verdict on that round. Aggregates only.
 * - eval-blind5.json — 303 chat queries written blind on 2026-12-02 during the eighth round of engine work, the same
 *   way, and kept off main until that round had landed: its first figures are the verdict on that round. Aggregates only.
 * - eval-blind6.json — 303 chat queries written blind on 2026-12-02 during the ninth round of engine work, the same
 *   way (checked by a blind second reader), and kept off main until that round had landed: its first figures are the
 *   verdict on that round. Aggregates only.
 * - eval-blind7.json — 303 chat queries written blind on 2026-12-02 during the tenth round of engine work, the same
 *   way (checked by a blind second reader), and kept off main until that round had landed: its first figures are the
 *   verdict on that round. Aggregates only.
 * - eval-blind8.json — 312 chat queries written blind on 2026-12-02 during the eleventh round of engine work, the same
 *   way (checked by a blind second reader), and kept off main until that round had landed: its first figures are the
 *   verdict on that round. Aggregates only.
 * - eval-blind9.json — 303 chat queries written blind on 2026-12-02 during the twelfth round of engine work, the same
 *   way (checked by a blind second reader), and kept off main until that round had landed: its first figures are the
 *   verdict on that round. Aggregates only.
 * - eval-blind10.json — 303 chat queries written blind on 2026-12-03 during the thirteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind11.json — 303 chat queries written blind on 2026-12-03 during the fourteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind12.json — 303 chat queries written blind on 2026-12-03 during the fifteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind13.json — 303 chat queries written blind on 2026-12-03 during the sixteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind14.json — 303 chat queries written blind on 2026-12-03 during the seventeenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind15.json — 303 chat queries written blind on 2026-12-03 during the eighteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind16.json — 303 chat queries written blind on 2026-12-03 during the nineteenth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind17.json — 303 chat queries written blind on 2026-12-03 during the twentieth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind18.json — 303 chat queries written blind on 2026-12-04 during the twenty-first round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind19.json — 303 chat queries written blind on 2026-12-04 during the twenty-second round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind20.json — 303 chat queries written blind on 2026-12-04 during the twenty-third round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind21.json — 303 chat queries written blind on 2026-12-04 during the twenty-fourth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind22.json — 303 chat queries written blind on 2026-12-04 during the twenty-fifth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind23.json — 303 chat queries written blind on 2026-12-04 during the twenty-sixth round of engine work, the
 *   same way (checked by a blind second reader), and kept off main until that round had landed: its first figures are
 *   the verdict on that round. Aggregates only.
 * - eval-blind24.json — 303 chat queries written blind on 2026-12-05 during the twenty-seventh round of engine work,
 *   the same way (checked by a blind second reader), and kept off main until that round had landed: its first figures
 *   are the verdict on that round. Aggregates only.
 * - eval-blind25.json — 303 chat queries written blind on 2026-12-05 during the twenty-eighth round of engine work,
 *   the same way (checked by a blind second reader), and kept off main until that round had landed: its first figures
 *   are the verdict on that round. Aggregates only.
 * - eval-blind26.json — 303 chat queries written blind on 2026-12-05 during the twenty-ninth round of engine work,
 *   the same way (checked by a blind second reader), and kept off main until that round had landed: its first figures
 *   are the verdict on that round. Aggregates only.
 * A query with `expect: "no-full-match"` (chrome-only names, topics the texts never discuss) has no relevant passage:
 * the engine passes it when it returns nothing or results marked partial. Those queries are left out of the ranking
 * metrics and counted separately.
 *
 * Metrics: MRR@10, success@5 (a relevant passage in the top 5), Recall@5 (found items / min(items, 5)), nDCG@5 with
 * binary gains. Printed overall and per kind for every system. `npm run eval -- --sets chat,queries` runs a subset;
 * `--misses` lists the tuning sets' queries not answered first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/index.js';
import type { Corpus, Passage } from '../src/corpus/types.js';
import { createSearchEngine, type SearchEngine } from '../src/search/index.js';
import { cutForSearch, loadJieba } from '../src/search/jieba.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '..', 'test', 'fixtures');
export const EVAL_QUERIES_FILE = path.join(FIXTURES, 'eval-queries.json');

/** The judged sets, in report order. `tuned: false` marks the held-out sets (aggregates only). */
export const EVAL_SETS: readonly { name: string; file: string; tuned: boolean }[] = [
  { name: 'queries', file: EVAL_QUERIES_FILE, tuned: true },
  { name: 'chat', file: path.join(FIXTURES, 'eval-chat.json'), tuned: true },
  { name: 'heldout', file: path.join(FIXTURES, 'eval-heldout.json'), tuned: false },
  { name: 'unseen', file: path.join(FIXTURES, 'eval-unseen.json'), tuned: false },
  { name: 'fresh', file: path.join(FIXTURES, 'eval-fresh.json'), tuned: false },
  { name: 'blind', file: path.join(FIXTURES, 'eval-blind.json'), tuned: false },
  { name: 'blind2', file: path.join(FIXTURES, 'eval-blind2.json'), tuned: false },
  { name: 'blind3', file: path.join(FIXTURES, 'eval-blind3.json'), tuned: false },
  { name: 'blind4', file: path.join(FIXTURES, 'eval-blind4.json'), tuned: false },
  { name: 'blind5', file: path.join(FIXTURES, 'eval-blind5.json'), tuned: false },
  { name: 'blind6', file: path.join(FIXTURES, 'eval-blind6.json'), tuned: false },
  { name: 'blind7', file: path.join(FIXTURES, 'eval-blind7.json'), tuned: false },
  { name: 'blind8', file: path.join(FIXTURES, 'eval-blind8.json'), tuned: false },
  { name: 'blind9', file: path.join(FIXTURES, 'eval-blind9.json'), tuned: false },
  { name: 'blind10', file: path.join(FIXTURES, 'eval-blind10.json'), tuned: false },
  { name: 'blind11', file: path.join(FIXTURES, 'eval-blind11.json'), tuned: false },
  { name: 'blind12', file: path.join(FIXTURES, 'eval-blind12.json'), tuned: false },
  { name: 'blind13', file: path.join(FIXTURES, 'eval-blind13.json'), tuned: false },
  { name: 'blind14', file: path.join(FIXTURES, 'eval-blind14.json'), tuned: false },
  { name: 'blind15', file: path.join(FIXTURES, 'eval-blind15.json'), tuned: false },
  { name: 'blind16', file: path.join(FIXTURES, 'eval-blind16.json'), tuned: false },
  { name: 'blind17', file: path.join(FIXTURES, 'eval-blind17.json'), tuned: false },
  { name: 'blind18', file: path.join(FIXTURES, 'eval-blind18.json'), tuned: false },
  { name: 'blind19', file: path.join(FIXTURES, 'eval-blind19.json'), tuned: false },
  { name: 'blind20', file: path.join(FIXTURES, 'eval-blind20.json'), tuned: false },
  { name: 'blind21', file: path.join(FIXTURES, 'eval-blind21.json'), tuned: false },
  { name: 'blind22', file: path.join(FIXTURES, 'eval-blind22.json'), tuned: false },
  { name: 'blind23', file: path.join(FIXTURES, 'eval-blind23.json'), tuned: false },
  { name: 'blind24', file: path.join(FIXTURES, 'eval-blind24.json'), tuned: false },
  { name: 'blind25', file: path.join(FIXTURES, 'eval-blind25.json'), tuned: false },
  { name: 'blind26', file: path.join(FIXTURES, 'eval-blind26.json'), tuned: false },
];

/**
 * Blocks of a tuning set reported on their own, by id prefix. A `heldOut` block is written with the tuning block
 * beside it but never tuned against: only its aggregates are printed (never per query, never in `--misses`), so a
 * method tuned on its sibling block can be checked on queries it was not written for.
 */
export const REPORTED_BLOCKS: readonly { set: string; prefix: string; heldOut: boolean }[] = [
  { set: 'chat', prefix: 'chat-everyday3-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday3x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english3-', heldOut: false },
  { set: 'chat', prefix: 'chat-english3x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english4-', heldOut: false },
  { set: 'chat', prefix: 'chat-english4x-', heldOut: true },
  { set: 'chat', prefix: 'chat-theme2-', heldOut: false },
  { set: 'chat', prefix: 'chat-english5-', heldOut: false },
  { set: 'chat', prefix: 'chat-english5x-', heldOut: true },
  { set: 'chat', prefix: 'chat-theme3-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday4-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday4x-', heldOut: true },
  { set: 'chat', prefix: 'chat-question13-', heldOut: false },
  { set: 'chat', prefix: 'chat-question13x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday5-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday5x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english6-', heldOut: false },
  { set: 'chat', prefix: 'chat-english6x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision1-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision1x-', heldOut: true },
  { set: 'chat', prefix: 'chat-question14-', heldOut: false },
  { set: 'chat', prefix: 'chat-question14x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday6-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday6x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision2-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision2x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english7-', heldOut: false },
  { set: 'chat', prefix: 'chat-english7x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english8-', heldOut: false },
  { set: 'chat', prefix: 'chat-english8x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english9-', heldOut: false },
  { set: 'chat', prefix: 'chat-english9x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday7-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday7x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision3-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision3x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday8-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday8x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision4-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision4x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch1-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch1x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english10-', heldOut: false },
  { set: 'chat', prefix: 'chat-english10x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english11-', heldOut: false },
  { set: 'chat', prefix: 'chat-english11x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english12-', heldOut: false },
  { set: 'chat', prefix: 'chat-english12x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english13-', heldOut: false },
  { set: 'chat', prefix: 'chat-english13x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english14-', heldOut: false },
  { set: 'chat', prefix: 'chat-english14x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english15-', heldOut: false },
  { set: 'chat', prefix: 'chat-english15x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision5-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision5x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday9-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday9x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch2-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch2x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision6-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision6x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday10-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday10x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision7-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision7x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch3-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch3x-', heldOut: true },
  { set: 'chat', prefix: 'chat-chatform1-', heldOut: false },
  { set: 'chat', prefix: 'chat-chatform1x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday11-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday11x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision8-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision8x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch4-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch4x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material2-', heldOut: false },
  { set: 'chat', prefix: 'chat-material2x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday12-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday12x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch5-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch5x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday13-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday13x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch6-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch6x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material3-', heldOut: false },
  { set: 'chat', prefix: 'chat-material3x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision9-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision9x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english16-', heldOut: false },
  { set: 'chat', prefix: 'chat-english16x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday14-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday14x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch7-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch7x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision10-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision10x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday15-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday15x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material4-', heldOut: false },
  { set: 'chat', prefix: 'chat-material4x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english17-', heldOut: false },
  { set: 'chat', prefix: 'chat-english17x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english18-', heldOut: false },
  { set: 'chat', prefix: 'chat-english18x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday16-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday16x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material5-', heldOut: false },
  { set: 'chat', prefix: 'chat-material5x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material6-', heldOut: false },
  { set: 'chat', prefix: 'chat-material6x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch8-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch8x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english19-', heldOut: false },
  { set: 'chat', prefix: 'chat-english19x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday17-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday17x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material7-', heldOut: false },
  { set: 'chat', prefix: 'chat-material7x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material8-', heldOut: false },
  { set: 'chat', prefix: 'chat-material8x-', heldOut: true },
  { set: 'chat', prefix: 'chat-material9-', heldOut: false },
  { set: 'chat', prefix: 'chat-material9x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday18-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday18x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english20-', heldOut: false },
  { set: 'chat', prefix: 'chat-english20x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision11-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision11x-', heldOut: true },
  { set: 'chat', prefix: 'chat-chatform2-', heldOut: false },
  { set: 'chat', prefix: 'chat-chatform2x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday19-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday19x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english21-', heldOut: false },
  { set: 'chat', prefix: 'chat-english21x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision12-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision12x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch9-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch9x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday20-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday20x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english22-', heldOut: false },
  { set: 'chat', prefix: 'chat-english22x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision13-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision13x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch10-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch10x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday21-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday21x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english23-', heldOut: false },
  { set: 'chat', prefix: 'chat-english23x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision14-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision14x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch11-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch11x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday22-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday22x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english24-', heldOut: false },
  { set: 'chat', prefix: 'chat-english24x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision15-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision15x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch12-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch12x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday23-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday23x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english25-', heldOut: false },
  { set: 'chat', prefix: 'chat-english25x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision16-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision16x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch13-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch13x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday24-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday24x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english26-', heldOut: false },
  { set: 'chat', prefix: 'chat-english26x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision17-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision17x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch14-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch14x-', heldOut: true },
  { set: 'chat', prefix: 'chat-everyday25-', heldOut: false },
  { set: 'chat', prefix: 'chat-everyday25x-', heldOut: true },
  { set: 'chat', prefix: 'chat-english27-', heldOut: false },
  { set: 'chat', prefix: 'chat-english27x-', heldOut: true },
  { set: 'chat', prefix: 'chat-precision18-', heldOut: false },
  { set: 'chat', prefix: 'chat-precision18x-', heldOut: true },
  { set: 'chat', prefix: 'chat-nomatch15-', heldOut: false },
  { set: 'chat', prefix: 'chat-nomatch15x-', heldOut: true },
];

export const heldOutBlock = (setName: string, id: string): boolean =>
  REPORTED_BLOCKS.some((b) => b.heldOut && b.set === setName && id.startsWith(b.prefix));

/** An id shaped like a held-out block's (`chat-everyday20x-01`): such a query is never a tuning query, registered or not. */
const HELD_OUT_SHAPE = /^[a-z]+-[a-z]+\d*x-/i;

/** Whether the query `id` of the tuned set `setName` may be read for tuning: not in a held-out block, nor shaped like one. */
export const tuningQuery = (setName: string, id: string): boolean => !heldOutBlock(setName, id) && !HELD_OUT_SHAPE.test(id);

export interface EvalQuery {
  id: string;
  /** Query kind (eval-queries.json calls it `category`). */
  category: string;
  query: string;
  /** Substrings of relevant passages (eval-queries.json) or passage ids (the chat sets, `ids: true`). */
  relevant: string[];
  ids?: boolean;
  /** "no-full-match": nothing relevant exists; the engine must answer with nothing or with partial results. */
  expect?: 'no-full-match';
}

/** A judged item resolved to the passages that contain it. */
export interface ResolvedQuery extends EvalQuery {
  items: { text: string; passageIds: Set<string> }[];
}

/** Ranked passage ids for a query, best first, and whether the system marked them partial. */
export type Ranker = (query: string, k: number) => { ids: string[]; partial: boolean };

export interface Metrics {
  mrr10: number;
  success5: number;
  recall5: number;
  ndcg5: number;
}

export interface QueryOutcome extends Metrics {
  id: string;
  category: string;
  query: string;
  /** 1-based rank of the first relevant passage within 10, or null. */
  firstRelevant: number | null;
  top: string[];
  partial: boolean;
}

export interface SystemReport {
  name: string;
  /** Over the judged queries (those with relevant passages). */
  overall: Metrics;
  byCategory: Map<string, Metrics>;
  outcomes: QueryOutcome[];
  /** No-full-match queries: how many got a full (not partial) answer. */
  fullAnswers: { id: string; query: string; top: string[] }[];
  noMatchQueries: number;
}

interface RawQuery {
  id: string;
  category?: string;
  kind?: string;
  query: string;
  relevant: string[];
  expect?: 'no-full-match';
}

export function readEvalQueries(file = EVAL_QUERIES_FILE): EvalQuery[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { queries: RawQuery[] };
  return json.queries.map((q) => ({
    id: q.id,
    category: q.category ?? q.kind ?? 'other',
    query: q.query,
    relevant: q.relevant,
    ids: q.kind !== undefined,
    ...(q.expect ? { expect: q.expect } : {}),
  }));
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** Resolves every judgment to passages; throws, naming each one, if any matches no passage. */
export function resolveJudgments(queries: readonly EvalQuery[], passages: readonly Passage[]): ResolvedQuery[] {
  const texts = passages.map((p) => ({ id: p.id, text: compact(p.text) }));
  const known = new Set(passages.map((p) => p.id));
  const missing: string[] = [];
  const resolved = queries.map((q) => ({
    ...q,
    items: q.relevant.map((r) => {
      const passageIds = q.ids
        ? new Set(known.has(r) ? [r] : [])
        : new Set(texts.filter((t) => t.text.includes(compact(r))).map((t) => t.id));
      if (passageIds.size === 0) missing.push(`${q.id} (${q.query}): "${r}"`);
      return { text: r, passageIds };
    }),
  }));
  if (missing.length > 0) {
    throw new Error(`eval: ${missing.length} judged substring(s) match no passage:\n  ${missing.join('\n  ')}`);
  }
  return resolved;
}

/**
 * The queries a tuning script may read: the tuned sets (`tuned: true`) without their held-out blocks, set by set. An
 * id shaped like a held-out block's counts as held out even before its REPORTED_BLOCKS entry exists, so that a block
 * committed without one cannot leak into tuning. Never-tuned sets are not read.
 */
export function tuningSets(passages: readonly Passage[]): { name: string; queries: ResolvedQuery[] }[] {
  return EVAL_SETS.filter((s) => s.tuned).map((s) => ({
    name: s.name,
    queries: resolveJudgments(
      readEvalQueries(s.file).filter((q) => tuningQuery(s.name, q.id)),
      passages,
    ),
  }));
}

/** MRR@10, success@5, Recall@5 and nDCG@5 (binary gains) for one ranking. Each judged item counts once. */
export function scoreRanking(ranked: readonly string[], q: ResolvedQuery): Metrics & { firstRelevant: number | null } {
  const itemAt = (id: string, found: Set<number>): number => {
    for (let k = 0; k < q.items.length; k++) {
      if (!found.has(k) && (q.items[k] as ResolvedQuery['items'][number]).passageIds.has(id)) return k;
    }
    return -1;
  };
  let firstRelevant: number | null = null;
  ranked.slice(0, 10).forEach((id, i) => {
    if (firstRelevant === null && q.items.some((it) => it.passageIds.has(id))) firstRelevant = i + 1;
  });
  const found = new Set<number>();
  let dcg = 0;
  ranked.slice(0, 5).forEach((id, i) => {
    const k = itemAt(id, found);
    if (k >= 0) {
      found.add(k);
      dcg += 1 / Math.log2(i + 2);
    }
  });
  const ideal = Math.min(q.items.length, 5);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return {
    firstRelevant,
    mrr10: firstRelevant === null ? 0 : 1 / firstRelevant,
    success5: firstRelevant !== null && firstRelevant <= 5 ? 1 : 0,
    // Recall against at most 5 items: with more judged items than slots, 5 found is full marks.
    recall5: ideal > 0 ? found.size / ideal : 0,
    ndcg5: idcg > 0 ? dcg / idcg : 0,
  };
}

export function mean(values: readonly Metrics[]): Metrics {
  const n = Math.max(1, values.length);
  const sum = (f: (m: Metrics) => number): number => values.reduce((a, m) => a + f(m), 0) / n;
  return { mrr10: sum((m) => m.mrr10), success5: sum((m) => m.success5), recall5: sum((m) => m.recall5), ndcg5: sum((m) => m.ndcg5) };
}

export function evaluate(name: string, rank: Ranker, queries: readonly ResolvedQuery[]): SystemReport {
  const judged = queries.filter((q) => q.expect !== 'no-full-match');
  const run = (q: ResolvedQuery): { ids: string[]; partial: boolean } => {
    try {
      return rank(q.query, 10);
    } catch {
      return { ids: [], partial: false };
    }
  };
  const outcomes: QueryOutcome[] = judged.map((q) => {
    const { ids, partial } = run(q);
    return { id: q.id, category: q.category, query: q.query, top: ids, partial, ...scoreRanking(ids, q) };
  });
  const byCategory = new Map<string, Metrics>();
  for (const c of [...new Set(judged.map((q) => q.category))]) {
    byCategory.set(c, mean(outcomes.filter((o) => o.category === c)));
  }
  const fullAnswers: SystemReport['fullAnswers'] = [];
  const noMatch = queries.filter((q) => q.expect === 'no-full-match');
  for (const q of noMatch) {
    const { ids, partial } = run(q);
    if (ids.length > 0 && !partial) fullAnswers.push({ id: q.id, query: q.query, top: ids.slice(0, 3) });
  }
  return { name, overall: mean(outcomes), byCategory, outcomes, fullAnswers, noMatchQueries: noMatch.length };
}

// ---- the systems -------------------------------------------------------------------------------------------------

export function engineRanker(engine: SearchEngine): Ranker {
  return (query, k) => {
    const res = engine.search(query, { limit: k });
    return { ids: res.results.map((r) => r.id), partial: res.partial === true };
  };
}

interface BaselineDoc {
  id: string;
  title: string;
  section: string;
  text: string;
}

const baselineDocs = (passages: readonly Passage[]): BaselineDoc[] =>
  passages.map((p) => ({ id: p.id, title: p.title, section: p.section ?? '', text: p.text }));

const full = (ids: string[]): { ids: string[]; partial: boolean } => ({ ids, partial: false });

/** MiniSearch out of the box (default tokenizer and term processing), same fields. */
export function miniSearchDefaultRanker(passages: readonly Passage[]): Ranker {
  const ms = new MiniSearch<BaselineDoc>({ fields: ['title', 'section', 'text'] });
  ms.addAll(baselineDocs(passages));
  return (query, k) => full(ms.search(query).slice(0, k).map((r) => r.id as string));
}

const HAN = /\p{Script=Han}/u;

/** Han characters as overlapping bigrams (a lone Han character as itself), other letters and digits as words. */
export function bigramTokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
    const run = Array.from(m[0]);
    if (!HAN.test(run[0] as string)) out.push(m[0]);
    else if (run.length === 1) out.push(m[0]);
    else for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  }
  return out;
}

/** Baseline: Han character bigrams alone (no words, no normalisation beyond lower case, no related terms). */
export function bigramRanker(passages: readonly Passage[]): Ranker {
  const ms = new MiniSearch<BaselineDoc>({ fields: ['title', 'section', 'text'], tokenize: bigramTokenize, processTerm: (t) => t });
  ms.addAll(baselineDocs(passages));
  return (query, k) => full(ms.search(query).slice(0, k).map((r) => r.id as string));
}

const WORDISH = /[\p{L}\p{N}]/u;

/** jieba's cutForSearch words (letters and digits only, lower case), as a plain search engine would tokenise Chinese. */
export function jiebaTokenize(text: string): string[] {
  return cutForSearch(text.toLowerCase()).filter((w) => WORDISH.test(w));
}

/** Baseline: jieba cutForSearch words in MiniSearch, combined with OR (no stop words, no related terms). */
export function jiebaRanker(passages: readonly Passage[]): Ranker {
  loadJieba();
  const ms = new MiniSearch<BaselineDoc>({
    fields: ['title', 'section', 'text'],
    tokenize: jiebaTokenize,
    processTerm: (t) => t,
    searchOptions: { combineWith: 'OR' },
  });
  ms.addAll(baselineDocs(passages));
  return (query, k) => full(ms.search(query).slice(0, k).map((r) => r.id as string));
}

/**
 * The tuning sets' query texts. A never-tuned set's query that a tuning set also holds word for word (short keywords
 * and theme names come out alike when written independently) has been tuned on, so the report also gives each
 * never-tuned set's figures without such queries.
 */
let tunedTexts: Set<string> | undefined;
function tunedQueryTexts(): Set<string> {
  tunedTexts ??= new Set(EVAL_SETS.filter((s) => s.tuned).flatMap((s) => readEvalQueries(s.file).map((q) => q.query.trim())));
  return tunedTexts;
}

// ---- the report --------------------------------------------------------------------------------------------------

const f3 = (n: number): string => n.toFixed(3);

export interface SetRun {
  name: string;
  tuned: boolean;
  queries: ResolvedQuery[];
  reports: SystemReport[];
}

/**
 * `versus`: the tuning queries (held-out blocks left out) where the bigram baseline ranks a relevant passage higher
 * than the engine does, with both ranks and both first three results, so a kind behind bigrams can be read query by
 * query on the sets that may be tuned on.
 */
export function formatReport(run: SetRun, options: { misses?: boolean; versus?: boolean } = {}): string {
  const { reports, queries } = run;
  const lines: string[] = [];
  const judged = queries.filter((q) => q.expect !== 'no-full-match');
  const width = Math.max(...reports.map((r) => r.name.length), 8);
  lines.push(`== ${run.name}: ${judged.length} judged queries, ${queries.length - judged.length} with no relevant passage${run.tuned ? '' : ' (held out: aggregates only)'}`);
  lines.push(`${'system'.padEnd(width)}  MRR@10  succ@5  Recall@5  nDCG@5  full answers to no-match queries`);
  for (const r of reports) {
    const o = r.overall;
    lines.push(
      `${r.name.padEnd(width)}  ${f3(o.mrr10)}   ${f3(o.success5)}   ${f3(o.recall5)}     ${f3(o.ndcg5)}   ${r.fullAnswers.length}/${r.noMatchQueries}`,
    );
  }
  // Report only: a judged query answered partially tells the user "no passage has all your words" although the texts
  // answer it, so a rule that lowers the full answers to no-match queries by turning real answers partial shows here.
  const [engineReport] = reports;
  if (engineReport) {
    lines.push(`${engineReport.name}: partial answers to judged queries: ${engineReport.outcomes.filter((o) => o.partial).length}/${engineReport.outcomes.length}`);
  }
  lines.push('MRR@10 / success@5 by kind:');
  const categories = [...new Set(judged.map((q) => q.category))];
  lines.push(`${'kind'.padEnd(12)} ${'n'.padStart(3)}  ${reports.map((r) => r.name.padStart(13)).join('  ')}`);
  for (const c of categories) {
    const n = judged.filter((q) => q.category === c).length;
    const cells = reports.map((r) => {
      const m = r.byCategory.get(c);
      return `${f3(m?.mrr10 ?? 0)}/${f3(m?.success5 ?? 0)}`.padStart(13);
    });
    lines.push(`${c.padEnd(12)} ${String(n).padStart(3)}  ${cells.join('  ')}`);
  }
  for (const block of REPORTED_BLOCKS.filter((b) => b.set === run.name)) {
    const ids = new Set(judged.filter((q) => q.id.startsWith(block.prefix)).map((q) => q.id));
    if (ids.size === 0) continue;
    const cells = reports.map((r) => {
      const m = mean(r.outcomes.filter((o) => ids.has(o.id)));
      return `${f3(m.mrr10)}/${f3(m.success5)}`.padStart(13);
    });
    // A block's no-match queries: how many the engine answers in full (a count only, held-out blocks included).
    const noMatch = queries.filter((q) => q.expect === 'no-full-match' && q.id.startsWith(block.prefix)).length;
    const fullIn = engineReport?.fullAnswers.filter((f) => f.id.startsWith(block.prefix)).length ?? 0;
    const tail = noMatch > 0 ? `  full answers to no-match ${fullIn}/${noMatch}` : '';
    lines.push(`block ${block.prefix}* (${ids.size}${block.heldOut ? ', held out: aggregates only' : ''})  ${cells.join('  ')}${tail}`);
  }
  if (!run.tuned) {
    const tuned = tunedQueryTexts();
    const unseen = new Set(judged.filter((q) => !tuned.has(q.query.trim())).map((q) => q.id));
    if (unseen.size < judged.length) {
      const cells = reports.map((r) => {
        const m = mean(r.outcomes.filter((o) => unseen.has(o.id)));
        return `${f3(m.mrr10)}/${f3(m.success5)}`.padStart(13);
      });
      lines.push(`without the ${judged.length - unseen.size} judged queries a tuning set also holds word for word (${unseen.size})  ${cells.join('  ')}`);
    }
  }
  const [main] = reports;
  if (main && run.tuned) {
    // A held-out block's no-match queries are counted on its block line, never printed.
    for (const f of main.fullAnswers) {
      if (!heldOutBlock(run.name, f.id)) lines.push(`  full answer to a no-match query: ${f.query} → ${f.top.join(', ')}`);
    }
    if (options.misses) {
      const misses = main.outcomes.filter((o) => o.firstRelevant !== 1 && !heldOutBlock(run.name, o.id));
      lines.push(`${main.name}: queries not answered first (${misses.length}):`);
      for (const m of misses) {
        lines.push(`  ${m.id.padEnd(18)} rank ${m.firstRelevant ?? '-'}${m.partial ? ' (partial)' : ''}  ${m.query}  → ${m.top.slice(0, 3).join(', ')}`);
      }
    }
  }
  if (main && run.tuned && options.versus) {
    const bigrams = reports.find((r) => r.name === 'bigrams-only');
    const theirs = new Map(bigrams?.outcomes.map((o) => [o.id, o]));
    const behind = main.outcomes.filter((o) => {
      if (heldOutBlock(run.name, o.id)) return false;
      const b = theirs.get(o.id)?.firstRelevant ?? null;
      return b !== null && (o.firstRelevant === null || b < o.firstRelevant);
    });
    lines.push(`${main.name}: queries bigrams-only ranks better (${behind.length}):`);
    for (const m of behind) {
      const b = theirs.get(m.id);
      lines.push(
        `  ${m.id.padEnd(18)} ${m.category.padEnd(9)} ours ${m.firstRelevant ?? '-'}${m.partial ? ' (partial)' : ''} bigrams ${b?.firstRelevant}  ${m.query}  → ${m.top.slice(0, 3).join(', ')} | ${b?.top.slice(0, 3).join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}

export interface EvalRun {
  queries: ResolvedQuery[];
  reports: SystemReport[];
}

/** Runs the engine and the baselines over the corpus on one set of queries. */
export function runEval(corpus: Corpus, engine: SearchEngine, queries = readEvalQueries()): EvalRun {
  const resolved = resolveJudgments(queries, corpus.passages);
  const reports = [
    evaluate('zhenxing', engineRanker(engine), resolved),
    evaluate('bigrams-only', bigramRanker(corpus.passages), resolved),
    evaluate('jieba-or', jiebaRanker(corpus.passages), resolved),
    evaluate('minisearch-default', miniSearchDefaultRanker(corpus.passages), resolved),
  ];
  return { queries: resolved, reports };
}

/** Every set (or those named), each with all systems. */
export function runAllSets(corpus: Corpus, engine: SearchEngine, names?: readonly string[]): SetRun[] {
  return EVAL_SETS.filter((s) => !names || names.includes(s.name)).map((s) => {
    const run = runEval(corpus, engine, readEvalQueries(s.file));
    return { name: s.name, tuned: s.tuned, ...run };
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const setsArg = args.find((a) => a.startsWith('--sets='))?.slice('--sets='.length) ?? (args.includes('--sets') ? args[args.indexOf('--sets') + 1] : undefined);
  const corpus = loadCorpus();
  const engine = createSearchEngine(corpus);
  const runs = runAllSets(corpus, engine, setsArg?.split(','));
  process.stdout.write(`${runs.map((r) => formatReport(r, { misses: args.includes('--misses'), versus: args.includes('--versus') })).join('\n\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
