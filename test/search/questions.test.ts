/**
 * Question-form queries (issue 9): the asking words around a question's subject (什么是, 是什么, 怎么, 多少 …) do not
 * decide what is found; the passage that answers comes first.
 */
import { describe, expect, it } from 'vitest';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const text = (id: string): string => corpus.byId.get(id)?.text ?? '';

describe('questions about a name the texts quote', () => {
  it('the whole query is the subject without the question words around it', () => {
    expect(engine.explain('强村九法是什么').analyzed.wholeBare).toBe('强村九法');
    expect(engine.explain('什么是三治融合').analyzed.wholeBare).toBe('三治融合');
    expect(engine.explain('怎么留住本土人才').analyzed.wholeBare).toBe('留住本土人才');
  });

  it.each([
    ['强村九法是什么', '002-022', '强村九法'],
    ['化债九法是什么', '001-014', '化债九法'],
  ])('%s: the passage naming it comes first, though jieba cuts the quoted name apart in the text', (q, id, name) => {
    expect(text(id)).toContain(`“${name}”`);
    const r = engine.search(q);
    expect(r.results[0]?.id).toBe(id);
    expect(r.partial).toBe(false);
    expect(r.results[0]?.segments.filter((s) => s.match).map((s) => s.text).join('')).toContain(name.slice(0, 2));
  });
});
