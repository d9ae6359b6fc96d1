/**
 * `npx tsx bench/english-tune.ts [variant] [--out=file] [--causes]`: the tuning side only (the first 66 and the chat
 * set without its held-out blocks): MRR@10 / success@5 overall, of the English kind, per English tuning block, and the
 * no-match full answers; `--out` writes each English tuning query's rank (for diffing two variants); `--causes` classes
 * each English tuning miss's words by the look-up that read them (docs/search.md, English, round 23). Never reads a
 * held-out block or a never-tuned set.
 */
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { foldText } from '../src/search/normalize.js';
import { glossaryFromSaved, glossedAsTyped, glossKey, loadGlossLines, loadSynonymLines, surfaceKey } from '../src/search/glosses.js';
import { engineRanker, evaluate, mean, tuningSets } from './eval.js';
import { VARIANTS } from './eval-variants.js';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--')) ?? 'default';
const out = args.find((a) => a.startsWith('--out='))?.slice(6);
const corpus = loadCorpus();
const options = VARIANTS[name];
if (!options) throw new Error(`no variant ${name}`);
const engine = createSearchEngine(corpus, options);
const f = (n: number): string => n.toFixed(4);
const lines: string[] = [];
const english: { id: string; query: string; rank: number | null; relevant: Set<string> }[] = [];
for (const { name: setName, queries } of tuningSets(corpus.passages)) {
  const s = { name: setName };
  const r = evaluate('zhenxing', engineRanker(engine), queries);
  const en = r.outcomes.filter((o) => o.category === 'english');
  console.log(`${s.name} (tuning, ${r.outcomes.length}): ${f(r.overall.mrr10)} / ${f(r.overall.success5)}; english (${en.length}) ${f(mean(en).mrr10)} / ${f(mean(en).success5)}; no-match full ${r.fullAnswers.length}/${r.noMatchQueries}`);
  const blocks = new Map<string, typeof en>();
  for (const o of en) {
    const b = o.id.replace(/-\d+$/, '');
    blocks.set(b, [...(blocks.get(b) ?? []), o]);
    const q = queries.find((x) => x.id === o.id);
    english.push({ id: o.id, query: o.query, rank: o.firstRelevant, relevant: new Set(q?.items.flatMap((i) => [...i.passageIds]) ?? []) });
    lines.push(`${o.id}\t${o.firstRelevant ?? '-'}\t${o.query}`);
  }
  if (s.name === 'chat') for (const [b, os] of blocks) if (/english/.test(b)) console.log(`  ${b} (${os.length}) ${f(mean(os).mrr10)} / ${f(mean(os).success5)}`);
}
if (out) writeFileSync(out, `${lines.join('\n')}\n`);

if (args.includes('--causes')) {
  const saved = engine.save().glossary;
  const glossary = saved ? glossaryFromSaved(saved, loadGlossLines, loadSynonymLines) : undefined;
  if (!glossary) throw new Error('no glossary');
  const text = new Map(corpus.passages.map((p) => [p.id, foldText(`${p.title} ${p.section ?? ''} ${p.text}`)]));
  const causes = new Map<string, { misses: Set<string>; lost: number; words: Map<string, number> }>();
  const add = (cause: string, id: string, lost: number, word: string): void => {
    const c = causes.get(cause) ?? { misses: new Set(), lost: 0, words: new Map() };
    if (!c.misses.has(id)) c.lost += lost;
    c.misses.add(id);
    c.words.set(word, (c.words.get(word) ?? 0) + 1);
    causes.set(cause, c);
  };
  let misses = 0;
  let lostAll = 0;
  const detail: string[] = [];
  for (const q of english) {
    if (q.rank === 1) continue;
    misses++;
    const lost = 1 - (q.rank ? 1 / q.rank : 0);
    lostAll += lost;
    const relText = [...q.relevant].map((id) => text.get(id) ?? '');
    const words = (foldText(q.query).match(/[a-z][a-z'-]*/g) ?? []).map((w) => w.replace(/'s?$/, ''));
    const why: string[] = [];
    let any = false;
    const analyzed = engine.explain(q.query).analyzed;
    for (const w of words) {
      if (glossKey(w).length === 0) continue;
      const own = analyzed.concepts.filter((c) => c.kind === 'english' && new RegExp(`(^|[^a-z])${w.replace(/[^a-z]/g, '.')}($|[^a-z])`).test(foldText(c.text)));
      // A word read inside a phrase the table or a join made Chinese (party members → 党员) is not classed on its own.
      if (!analyzed.untranslated.includes(w) && own.length === 0) continue;
      const heads = analyzed.untranslated.includes(w) ? [] : own.flatMap((c) => [...c.heads, ...c.related].filter((h) => !/[a-z]/.test(h)));
      const hits = heads.some((h) => relText.some((t) => t.includes(h)));
      if (hits) continue;
      const key = glossKey(w);
      const surface = surfaceKey(w);
      const whole = glossary.english(key, surface);
      let cause: string;
      if (heads.length === 0) cause = glossary.spell(w) ? 'typo (unknown, spell() has it)' : 'unknown word';
      else if (whole.length > 0) cause = whole.some((m) => glossedAsTyped(m, surface) || (surface.endsWith('s') && glossedAsTyped(m, surface.slice(0, -1)))) ? 'glossed whole as typed, reading not in the passage' : 'stem-only guess, reading not in the passage';
      else if (glossary.near(key, surface).length > 0) cause = 'near gloss only, reading not in the passage';
      else if (glossary.synonyms(w).length > 0) cause = 'WordNet synonym, reading not in the passage';
      else cause = 'said / character / table / other, reading not in the passage';
      add(cause, q.id, lost, w);
      why.push(`${w}:${cause.split(',')[0]}→${heads.slice(0, 3).join('/')}`);
      any = true;
    }
    if (!any) add('every word reaches the passage (weight / rank)', q.id, lost, '-');
    detail.push(`${q.id}\t${q.rank ?? '-'}\t${q.query}\t${why.join('; ')}`);
  }
  console.log(`\nEnglish tuning misses: ${misses} of ${english.length}, ${lostAll.toFixed(1)} MRR units lost`);
  for (const [c, v] of [...causes].sort((a, b) => b[1].lost - a[1].lost)) {
    const top = [...v.words].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([w, n]) => (n > 1 ? `${w} (${n})` : w)).join(', ');
    console.log(`| ${c} | ${v.misses.size} | ${v.lost.toFixed(1)} | ${top} |`);
  }
  writeFileSync('/tmp/english-causes.tsv', `${detail.join('\n')}\n`);
}
