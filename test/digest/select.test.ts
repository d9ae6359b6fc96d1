import { describe, expect, it } from 'vitest';
import { THEME_IDS, type Passage } from '../../src/corpus/types.js';
import { assessPassage, buildPools, buildRounds, resolveSelectionOptions } from '../../src/digest/select.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { passage } from './fixtures.js';

const options = resolveSelectionOptions();

const docCount = (round: readonly Passage[]) => new Set(round.map((p) => p.docId)).size;
const sharingLead = (round: readonly Passage[]) => round.slice(1).filter((p) => p.docId === round[0]!.docId).length;

/**
 * A trade that would take a passage from its lead's document out of round `index`, leaving neither round with fewer
 * documents or more passages sharing its lead's document: a swap with another round's non-lead passage, or a move
 * into a round one passage short. Described as text, or undefined when there is none.
 */
function improvingTrade(rounds: readonly Passage[][], index: number): string | undefined {
  const round = rounds[index]!;
  const longest = Math.max(...rounds.map((r) => r.length));
  const noWorse = (after: Passage[], before: readonly Passage[]) => docCount(after) >= docCount(before) && sharingLead(after) <= sharingLead(before);
  for (let i = 1; i < round.length; i++) {
    if (round[i]!.docId !== round[0]!.docId) continue;
    for (const [o, other] of rounds.entries()) {
      if (o === index) continue;
      const trades: [Passage[], Passage[], string][] = other.slice(1).map((theirs, j) => [
        round.map((p, k) => (k === i ? theirs : p)),
        other.map((p, k) => (k === j + 1 ? round[i]! : p)),
        `swap ${round[i]!.id} with ${theirs.id}`,
      ]);
      if (round.length === longest && other.length === longest - 1) {
        trades.push([round.filter((_, k) => k !== i), [...other, round[i]!], `move ${round[i]!.id} to round ${o}`]);
      }
      for (const [round2, other2, what] of trades) {
        if (sharingLead(round2) < sharingLead(round) && noWorse(round2, round) && noWorse(other2, other)) return what;
      }
    }
  }
  return undefined;
}

describe('readability rules', () => {
  it('takes a complete passage with no placeholders as clean', () => {
    const a = assessPassage(passage());
    expect(a).toMatchObject({ eligible: true, clean: true, flaws: [] });
  });

  it('never quotes web chrome, however well it scores', () => {
    for (const text of [
      '详情请见链接地址:http://www.850500.com/news/268096.html，转载请保留，谢谢！这一段讲的是乡村人才振兴的做法与经验。',
      '来源:网络整理 免责声明:本文仅限学习分享，如产生版权问题，请联系我们及时删除。乡村振兴需要人才。',
      '《2022年关于新时代党建引领乡村振兴的探讨与研究范文》出自:百味书屋，推荐范文，乡村振兴人才队伍建设。',
    ]) {
      expect(assessPassage(passage({ text })), text).toMatchObject({ eligible: false, flaws: expect.arrayContaining(['chrome']) });
    }
  });

  it('reads 分享到 and 来源 inside a sentence as prose, not as chrome', () => {
    const text = '要创新完善利益联结机制，尽可能地让农民参与到产业发展过程中，让农民更多地分享到乡村产业发展的实惠，拓宽增收来源。';
    expect(assessPassage(passage({ text })).flaws).not.toContain('chrome');
  });

  it('never quotes a passage too short to stand alone (a heading)', () => {
    expect(assessPassage(passage({ text: '3、高质量党建引领人才振兴' }))).toMatchObject({ eligible: false, flaws: ['short', 'incomplete'] });
  });

  it('marks a source-cut fragment, an unfinished sentence and a continuation as flawed', () => {
    expect(assessPassage(passage({ fragment: true })).flaws).toContain('fragment');
    expect(assessPassage(passage({ text: '在提升党员素质方面，一是要加强党员干部的培训，如通过开展“万名党员进党校”等活动提升党员的能力和素养，' })).flaws).toEqual([
      'incomplete',
    ]);
    expect(assessPassage(passage({ text: '，从招考倾斜、政策优惠、配套福利等方面吸引外部人才返乡参与乡村振兴建设，营造良好的社会氛围。' })).flaws).toEqual([
      'incomplete',
    ]);
  });

  it('marks a passage that continues the previous passage\'s unfinished sentence (002-008 after 002-007)', () => {
    const corpus = getSharedCorpus();
    const prev = corpus.byId.get('002-007')!;
    const next = corpus.byId.get('002-008')!;
    expect(assessPassage(next, { minChars: 40 }, prev).flaws).toContain('incomplete');
    expect(assessPassage(next, { minChars: 40 }).flaws).not.toContain('incomplete');
    const pools = buildPools(corpus.passages, resolveSelectionOptions({}));
    const clean = [...pools.values()].flat().filter((c) => c.assessment.clean).map((c) => c.passage.id);
    expect(clean).not.toContain('002-008');
  });

  it('accepts a sentence that ends inside closing quotes', () => {
    const text = '他说：“要把党组织建在产业链上、建在合作社上，提高农村党建对产业的统筹发展能力，实现产业、人才、文化整体发力。”';
    expect(assessPassage(passage({ text })).flaws).toEqual([]);
  });

  it('tolerates one anonymisation placeholder but flags more, and reads each as a cost', () => {
    const one = assessPassage(passage({ placeholders: 1 }));
    const three = assessPassage(passage({ placeholders: 3 }));
    expect(one.clean).toBe(true);
    expect(three.flaws).toEqual(['placeholders']);
    expect(three.readability).toBeLessThan(one.readability);
    expect(one.readability).toBeLessThan(assessPassage(passage()).readability);
  });
});

describe('theme pools', () => {
  it('ranks by theme score weighed by readability: a strong passage full of placeholders sinks', () => {
    const strongButUnreadable = passage({ score: 30, placeholders: 4, docId: '001' });
    const readable = passage({ score: 20 });
    const pool = buildPools([strongButUnreadable, readable], { ...options, minPool: 1 }).get('talent') ?? [];
    // With a clean passage enough for the pool (minPool 1), the flawed one is left out entirely.
    expect(pool.map((c) => c.passage.id)).toEqual([readable.id]);
    const both = buildPools([strongButUnreadable, readable], { ...options, minPool: 2 }).get('talent') ?? [];
    expect(both.map((c) => c.passage.id)).toEqual([readable.id, strongButUnreadable.id]);
  });

  it('prefers clean passages and adds flawed ones only when the clean ones are too few not to repeat', () => {
    const clean = Array.from({ length: 6 }, (_, i) => passage({ score: 10 + i }));
    const fragment = passage({ score: 50, fragment: true });
    expect(buildPools([...clean, fragment], options).get('talent')?.map((c) => c.passage.id)).not.toContain(fragment.id);
    const pool = buildPools([...clean.slice(0, 4), fragment], options).get('talent') ?? [];
    expect(pool.map((c) => c.passage.id).at(-1)).toBe(fragment.id);
  });

  it('puts each passage in one pool only, its strongest theme, so it cannot return under another theme', () => {
    const corpus = getSharedCorpus();
    const pools = buildPools(corpus.passages, options);
    const seen = new Map<string, string>();
    for (const [theme, pool] of pools) {
      for (const c of pool) {
        expect(seen.get(c.passage.id), `${c.passage.id} in ${seen.get(c.passage.id)} and ${theme}`).toBeUndefined();
        seen.set(c.passage.id, theme);
        expect(c.passage.themes).toContain(theme);
      }
    }
  });

  it('gives every theme of the real corpus at least two readings, all of them clean passages', () => {
    const corpus = getSharedCorpus();
    const pools = buildPools(corpus.passages, options);
    for (const theme of THEME_IDS) {
      const pool = pools.get(theme) ?? [];
      expect(pool.length, theme).toBeGreaterThanOrEqual(options.minPool);
      for (const c of pool) {
        expect(c.passage.fragment, c.passage.id).toBe(false);
        expect(c.assessment.flaws, c.passage.id).toEqual([]);
      }
    }
  });

  it('lets a theme short of passages borrow ones that also carry its label from a theme that can spare them', () => {
    const rich = Array.from({ length: 8 }, (_, i) => passage({ theme: 'organization', score: 20 + i, docId: '002' }));
    // Two organization passages also labelled ecology, ecology's own pool holding only one.
    rich[0] = { ...rich[0]!, themes: ['organization', 'ecology'], themeScores: { ...rich[0]!.themeScores, ecology: 9 } };
    rich[1] = { ...rich[1]!, themes: ['organization', 'ecology'], themeScores: { ...rich[1]!.themeScores, ecology: 5 } };
    const ecology = passage({ theme: 'ecology', score: 12, docId: '000' });
    const pools = buildPools([...rich, ecology], { ...options, minPool: 3 });
    expect(pools.get('ecology')?.map((c) => c.passage.id)).toEqual(expect.arrayContaining([ecology.id, rich[0]!.id, rich[1]!.id]));
    expect(pools.get('organization')?.length).toBe(6);
  });
});

describe('rounds', () => {
  it('uses every passage of a pool once, leads with the best, and mixes documents where the pool allows', () => {
    const a = Array.from({ length: 3 }, (_, i) => passage({ docId: '000', score: 30 - i }));
    const b = Array.from({ length: 3 }, (_, i) => passage({ docId: '003', score: 20 - i }));
    const pool = buildPools([...a, ...b], options).get('talent') ?? [];
    const rounds = buildRounds(pool, 3);
    expect(rounds).toHaveLength(2);
    expect(rounds.flat().map((p) => p.id).sort()).toEqual([...a, ...b].map((p) => p.id).sort());
    expect(rounds.map((r) => r[0]?.id)).toEqual([a[0]!.id, a[1]!.id]);
    for (const r of rounds) expect(new Set(r.map((p) => p.docId)).size).toBe(2);
  });

  it('never leads with a passage that stops on "；" while another can lead', () => {
    const open = (score: number, docId: string) =>
      passage({ docId, score, text: '要完善人才引入机制，从招考倾斜、政策优惠、配套福利等方面吸引外部人才返乡参与乡村振兴建设；' });
    // The two best passages stop on "；"; four others end their sentences.
    const pool = buildPools(
      [open(40, '000'), open(39, '001'), ...Array.from({ length: 4 }, (_, i) => passage({ docId: String(i).padStart(3, '0'), score: 20 - i }))],
      options,
    ).get('talent') ?? [];
    const rounds = buildRounds(pool, 3);
    expect(rounds).toHaveLength(2);
    for (const r of rounds) expect(r[0]?.text.endsWith('；')).toBe(false);
    expect(rounds.flat()).toHaveLength(6);
    // And in the real corpus, over a year of days and every theme.
    const planner = createDigestPlanner(getSharedCorpus());
    for (let d = 0; d < 366; d += 1) {
      const date = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const lead = planner.digestFor(date).passages[0];
      expect(lead?.text.trim(), date).not.toMatch(/[；;][”’」』"')）]*$/u);
    }
  });

  it('falls back to one document when the pool has no other', () => {
    const only = Array.from({ length: 5 }, (_, i) => passage({ docId: '001', score: 10 - i }));
    const rounds = buildRounds(buildPools(only, options).get('talent') ?? [], 3);
    expect(rounds.map((r) => r.length)).toEqual([3, 2]);
  });

  it('leaves no round thin: sizes differ by at most one', () => {
    const seven = Array.from({ length: 7 }, (_, i) => passage({ docId: i % 2 ? '002' : '004', score: 10 - i }));
    const rounds = buildRounds(buildPools(seven, options).get('talent') ?? [], 3);
    expect(rounds.map((r) => r.length).sort()).toEqual([2, 2, 3]);
  });

  it('trades a passage from the lead\'s document for another round\'s when both rounds stay as varied', () => {
    // The layered fill puts the fourth-best (from the second lead's document) beside that lead.
    const docs = ['004', '003', '000', '003', '000', '000'];
    const ps = docs.map((docId, i) => passage({ docId, score: 60 - i }));
    const rounds = buildRounds(buildPools(ps, options).get('talent') ?? [], 3);
    expect(rounds.map((r) => r[0]?.id)).toEqual([ps[0]!.id, ps[1]!.id]);
    for (const r of rounds) {
      expect(sharingLead(r), r.map((p) => p.id).join(' ')).toBe(0);
      expect(docCount(r)).toBeGreaterThanOrEqual(2);
    }
  });

  it('moves a passage from the lead\'s document to a round one passage short when that round can take it', () => {
    const docs = ['000', '004', '003', '003', '000', '000', '000'];
    const ps = docs.map((docId, i) => passage({ docId, score: 70 - i }));
    const rounds = buildRounds(buildPools(ps, options).get('talent') ?? [], 3);
    expect(rounds.map((r) => r[0]?.id)).toEqual([ps[0]!.id, ps[1]!.id, ps[2]!.id]);
    expect(rounds.flat().map((p) => p.id).sort()).toEqual(ps.map((p) => p.id).sort());
    expect(rounds.map((r) => r.length).sort()).toEqual([2, 2, 3]);
    for (const r of rounds) expect(sharingLead(r), r.map((p) => p.id).join(' ')).toBe(0);
  });

  it('in the real corpus, no reading has a passage from its lead\'s document that a trade with another reading would avoid', () => {
    const corpus = getSharedCorpus();
    const avoidable: string[] = [];
    for (const [theme, pool] of buildPools(corpus.passages, options)) {
      const rounds = buildRounds(pool, 3);
      for (const [i, r] of rounds.entries()) {
        const trade = sharingLead(r) > 0 ? improvingTrade(rounds, i) : undefined;
        if (trade) avoidable.push(`${theme} round ${i} (${r.map((p) => p.id).join(' ')}): ${trade}`);
      }
    }
    expect(avoidable).toEqual([]);
  });

  it('in the real corpus, every reading has passages from at least two documents', () => {
    const corpus = getSharedCorpus();
    for (const [theme, pool] of buildPools(corpus.passages, options)) {
      for (const [i, r] of buildRounds(pool, 3).entries()) {
        expect(new Set(r.map((p) => p.docId)).size, `${theme} round ${i}: ${r.map((p) => p.id).join(' ')}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
