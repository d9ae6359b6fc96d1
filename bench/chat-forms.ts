/**
 * `npx tsx bench/chat-forms.ts [variant] [--judged] [--show]`: the tuning material only (tuningSets: eval-queries.json
 * and the chat set's blocks that are not held out). Each no-match query is wrapped in the chat forms below and asked
 * of the engine (the default, or a variant of bench/eval-variants.ts): full answers per form, and with --show the
 * queries whose answer differs from the plain form's (partial → FULL or FULL → partial). --judged does the same for
 * the judged queries' partial flags. `--forms=spaces dropped,呢` asks only those forms (and the plain one). Held-out
 * blocks and the never-tuned sets are never read here.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { loadCorpus } from '../src/corpus/index.js';
import { createSearchEngine } from '../src/search/index.js';
import { tuningSets } from './eval.js';
import { VARIANTS } from './eval-variants.js';

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--')) ?? 'default';
const variant = VARIANTS[name];
if (variant === undefined) throw new Error(`chat-forms: unknown variant "${name}"`);
const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
const FORMS: [string, (q: string) => string][] = [
  ['plain', (q) => q],
  ['请问', (q) => `请问${q}`],
  ['谢谢', (q) => `${q} 谢谢`],
  ['@name', (q) => `@张三 ${q}`],
  ['slack mention', (q) => `<@U024BE7LH> ${q}`],
  ['？', (q) => `${q}？`],
  ['??', (q) => `${q}??`],
  ['traditional', (q) => toTrad(q)],
  ['帮我查一下', (q) => `帮我查一下${q}`],
  ['急！', (q) => `急！${q}`],
  ['麻烦问下，', (q) => `麻烦问下，${q}`],
  ['spaces dropped', (q) => q.replace(/\s+/g, '')],
  ['spaces as commas', (q) => q.replace(/\s+/g, '，')],
  ['在线等', (q) => `${q} 在线等`],
  ['hi', (q) => `hi ${q}`],
  ['呢', (q) => `${q}呢`],
  ['呀？', (q) => `${q}呀？`],
  ['吗', (q) => `${q}吗`],
  ['吗？', (q) => `${q}吗？`],
  ['啊', (q) => `${q}啊`],
  ['。', (q) => `${q}。`],
  ['！', (q) => `${q}！`],
  ['~', (q) => `${q}~`],
  ['?', (q) => `${q}?`],
  ['有吗', (q) => `${q}有吗`],
  ['…', (q) => `${q}…`],
  ['有人知道吗', (q) => `有人知道${q}吗`],
];
// A wrapper adds a form only once: a query already ending in ？ gets no second one of the same kind.
const corpus = loadCorpus();
const engine = createSearchEngine(corpus, variant);
const sets = tuningSets(corpus.passages);
const judged = args.includes('--judged');
const qs = sets.flatMap((s) => s.queries.filter((q) => (q.expect === 'no-full-match') !== judged));
const full = (q: string): boolean => {
  try {
    const r = engine.search(q, { limit: 10 });
    return r.results.length > 0 && r.partial !== true;
  } catch {
    return false;
  }
};
const plain = new Map(qs.map((q) => [q.id, full(q.query)]));
const lines: string[] = [];
const only = args.find((a) => a.startsWith('--forms='))?.slice('--forms='.length).split(',');
for (const [form, wrap] of FORMS) {
  if (only !== undefined && form !== 'plain' && !only.includes(form)) continue;
  let n = 0;
  const diffs: string[] = [];
  for (const q of qs) {
    const w = wrap(q.query);
    const f = w === q.query ? (plain.get(q.id) as boolean) : full(w);
    if (f) n++;
    if (f !== plain.get(q.id)) diffs.push(`    ${f ? 'partial → FULL' : 'FULL → partial'}: ${q.id} ${w}`);
  }
  lines.push(`${form.padEnd(18)} full ${n}/${qs.length}  differ ${diffs.length}`);
  if (args.includes('--show')) lines.push(...diffs);
}
process.stdout.write(`${name}, ${judged ? 'judged' : 'no-match'} tuning queries (${qs.length}):\n${lines.join('\n')}\n`);
