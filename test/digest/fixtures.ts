/**
 * Hand-made passages for selection rules, where the real corpus cannot show a case on purpose (a chrome line, a
 * passage with three placeholders …). The real corpus is used wherever a rule can be seen in it.
 */
import { THEME_IDS, type Corpus, type Passage, type ThemeId } from '../../src/corpus/types.js';

let counter = 0;

/** A complete, readable passage of `theme` unless the overrides say otherwise. */
export function passage(overrides: Partial<Passage> & { theme?: ThemeId; score?: number } = {}): Passage {
  const theme = overrides.theme ?? 'talent';
  const score = overrides.score ?? 10;
  const docId = overrides.docId ?? '000';
  const ordinal = overrides.ordinal ?? counter++;
  const scores = Object.fromEntries(THEME_IDS.map((t) => [t, t === theme ? score : 0])) as Record<ThemeId, number>;
  const { theme: _t, score: _s, ...rest } = overrides;
  return {
    id: `${docId}-${String(ordinal).padStart(3, '0')}`,
    docId,
    articleId: docId,
    title: `文档${docId}`,
    section: '一、加强人才队伍建设',
    text: '要完善人才引入机制，从招考倾斜、政策优惠、配套福利等方面吸引外部人才返乡参与乡村振兴建设，营造尊重劳动、尊重知识、尊重人才、尊重创造的社会氛围。',
    ordinal,
    position: { start: 0, end: 80 },
    themes: [theme],
    themeScores: scores,
    fragment: false,
    placeholders: 0,
    ...rest,
  };
}

export function corpusOf(passages: Passage[]): Corpus {
  return {
    documents: [],
    articles: [],
    passages,
    byId: new Map(passages.map((p) => [p.id, p])),
  };
}
