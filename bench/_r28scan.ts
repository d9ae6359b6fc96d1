import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { isQuestion } from '../src/search/question.js';
import { PROBLEM_STATED, PROBLEM_ASKING } from '../src/search/vocabulary.js';
import { engineRanker, evaluate, tuningSets } from './eval.js';
const corpus = loadCorpus();
const sets = tuningSets(corpus.passages);
const off = createSearchEngine(corpus, { problemSections: 1 });
const on = createSearchEngine(corpus, {});
const deep = createSearchEngine(corpus, { problemSections: 0.01 });
const SHORT = /^002-0(2[4-9]|3[01])$/;
for (const s of sets) {
  if (/x$/.test(s.name)) continue;
  const a = evaluate('off', engineRanker(off), s.queries);
  const b = evaluate('on', engineRanker(on), s.queries);
  const c = evaluate('deep', engineRanker(deep), s.queries);
  for (let i = 0; i < a.outcomes.length; i++) {
    const oa = a.outcomes[i]!, ob = b.outcomes[i]!, oc = c.outcomes[i]!;
    const q = s.queries.find((x) => x.id === oa.id)!;
    if (/x-\d+$/.test(q.id)) continue;
    const judgedShort = q.items.some((it) => [...it.passageIds].some((id) => SHORT.test(id)));
    const moved = oa.firstRelevant !== ob.firstRelevant;
    const movedDeep = oa.firstRelevant !== oc.firstRelevant;
    if (!judgedShort && !moved && !movedDeep) continue;
    const m = q.query.replace(PROBLEM_ASKING, '').match(PROBLEM_STATED);
    const r = (o: typeof oa) => `${o.firstRelevant ?? '-'}${o.partial ? 'p' : ''}`;
    console.log([s.name, q.id, oa.category, judgedShort ? 'J' : '-', isQuestion(q.query) ? 'Q' : '-', m ? m[0] : '', r(oa), r(ob), r(oc), q.query, oa.top.slice(0, 3).join(',')].join('\t'));
  }
}
