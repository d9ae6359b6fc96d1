/**
 * A synthetic library for the benchmarks: `count` distinct documents made from the seeds' own sentences, so that a
 * library of N× today's text has N× the characters, a realistic vocabulary and passages that are not copies of one
 * another (a replicated corpus would collapse into near-duplicate clusters and flatter search). Deterministic: the
 * same count gives the same documents. Written with the library store, as `zhenxing add` writes them.
 */
import { loadCorpus } from '../src/corpus/index.js';
import { createLibraryStore } from '../src/library/index.js';
import { splitSentences } from '../src/corpus/split.js';

const KINDS = ['实施意见', '工作方案', '行动计划', '通知', '指导意见', '实施方案'];
const PLACES = ['xx省', 'xx市', 'xx县', 'xx区', 'xx镇'];
const TOPICS = ['乡村振兴', '产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴', '基层党建', '集体经济'];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The metadata of a plain-text document the bench adds: a title from the text, nothing else printed in it. */
export function benchDocMeta(file: string, title: string, addedAt: Date) {
  return {
    file,
    format: 'txt' as const,
    addedAt: addedAt.toISOString(),
    addedBy: 'bench',
    title,
    titleIsDescriptive: false,
    source: null,
    date: null,
    issuer: null,
    docNumber: null,
    headings: [],
    metaLines: [title],
  };
}

/**
 * Writes `factor − 1` times the seeds' text as added documents (the seeds themselves are the first 1×), in
 * documents of about `charsPerDoc` characters: sections of 3–6 paragraphs, each of 2–5 sentences drawn at random.
 */
export function writeSyntheticLibrary(dir: string, factor: number, charsPerDoc = 1_900): { documents: number; chars: number } {
  const seeds = loadCorpus();
  const sentences = seeds.passages.flatMap((p) => splitSentences(p.text).map((s) => s.trim())).filter((s) => s.length >= 8);
  const seedChars = seeds.passages.reduce((n, p) => n + p.text.length, 0);
  const target = seedChars * (factor - 1);
  const store = createLibraryStore(dir);
  const random = rng(factor);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let chars = 0;
  let documents = 0;
  while (chars < target) {
    const title = `${pick(PLACES)}关于推进${pick(TOPICS)}的${pick(KINDS)}（第${documents + 1}号）`;
    const lines: string[] = [title];
    let size = 0;
    let section = 0;
    while (size < charsPerDoc) {
      section += 1;
      lines.push(`${'一二三四五六七八九十'[(section - 1) % 10]}、${pick(TOPICS)}工作`);
      const paragraphs = 3 + Math.floor(random() * 4);
      for (let p = 0; p < paragraphs; p++) {
        const n = 2 + Math.floor(random() * 4);
        let para = '';
        for (let k = 0; k < n; k++) para += pick(sentences);
        lines.push(para);
        size += para.length;
      }
    }
    const text = lines.join('\n');
    store.add({
      meta: benchDocMeta(`synthetic-${documents + 1}.txt`, title, new Date(Date.UTC(2026, 0, 1, 0, 0, documents))),
      lines,
      original: Buffer.from(text, 'utf8'),
    });
    chars += size;
    documents += 1;
  }
  return { documents, chars };
}
