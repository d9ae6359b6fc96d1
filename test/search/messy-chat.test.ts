/**
 * Chat messages that combine several kinds of noise (issue 9): pinyin typed without picking characters, a word's
 * initials, two typos in one message, a typo with mentions and politeness around it, numbers spelled the other way,
 * an @name typed against the query, pasted links, greetings and thanks, emphasis by repetition, tone marks.
 */
import { describe, expect, it } from 'vitest';
import { stripChatMarkup, stripFraming } from '../../src/search/chat-markup.js';
import { alignNumbers, parseChineseNumber, toChineseNumber } from '../../src/search/numerals.js';
import { getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const ids = (q: string, limit = 5): string[] => engine.search(q, { limit }).results.map((r) => r.id);
const COLLECTIVE = ['002-022', '002-033', '002-034', '002-028', '002-026', '000-002'];

describe('pinyin typed without picking characters', () => {
  it.each([
    ['jiti jingji', '集体经济'],
    ['JiTi JingJi', '集体经济'],
    ['jìtǐ jīngjì', '集体经济'],
    ['cesuo geming', '厕所革命'],
    ['fanpin jiance', '返贫监测'],
    ['xiangxian huigui', '乡贤回归'],
    ['jtjj', '集体经济'],
  ])('%s is searched as %s, said as a correction, with the same results', (typed, fixed) => {
    const r = engine.search(typed);
    expect(r.corrected).toBe(fixed);
    expect(r.partial).toBe(false);
    expect(r.results.map((x) => x.id)).toEqual(ids(fixed));
  });

  it('a spelling the library has only as two words is searched as the two words (yidibanqian → 易地 搬迁)', () => {
    const r = engine.search('yidibanqian');
    expect(r.corrected).toBe('易地 搬迁');
    expect(r.results[0]?.text).toContain('易地扶贫搬迁');
  });

  it('pinyin beside Chinese and beside politeness: only the pinyin is replaced', () => {
    expect(engine.search('jiti经济').corrected).toBe('集体经济');
    expect(engine.search('hi jiti jingji thx').corrected).toBe('集体经济');
  });

  it('English the vocabulary or the glosses know is never read as pinyin', () => {
    for (const q of ['rural tourism', 'collective economy', 'toilet revolution', 'party members pioneer role']) {
      expect(engine.search(q).corrected, q).toBeNull();
    }
  });

  it('pinyin of a topic the texts never discuss finds nothing', () => {
    for (const q of ['zuqiu bisai', 'fangjia zhangle']) {
      const r = engine.search(q);
      expect(r.corrected, q).toBeNull();
      expect(r.total, q).toBe(0);
    }
  });
});

describe('typos with noise around them, and two in one message', () => {
  it('a typo between a mention, politeness, a question and thanks is corrected, and the answer is full', () => {
    const r = engine.search('@小王 麻烦查下 集体经计 咋发展？谢谢');
    expect(r.corrected).toContain('集体经济');
    expect(r.partial).toBe(false);
    expect(COLLECTIVE).toContain(r.results[0]?.id);
  });

  it('typo and traditional characters together', () => {
    expect(engine.search('集體經計').corrected).toBe('集体经济');
    expect(engine.search('廁所革名').corrected).toBe('厕所革命');
  });

  it('two typos in one message are both corrected', () => {
    expect(engine.search('易地扶贫般迁 按置点').corrected).toBe('易地扶贫搬迁 安置点');
    expect(engine.search('人材振兴 乡闲').corrected).toBe('人才振兴 乡贤');
  });

  it('a whole word replaced by its homophone, as an input method offers it, is corrected (组织阵型 → 组织振兴)', () => {
    expect(engine.search('组织阵型').corrected).toBe('组织振兴');
    expect(engine.search('灵燕工程').corrected).toBe('领雁工程');
    expect(engine.search('灵燕工程').results.map((x) => x.id)).toEqual(ids('领雁工程'));
  });

  it('a two-character typo is corrected by its neighbour across a space (第一书计 选排 → 选派)', () => {
    const r = engine.search('第一书计 选排');
    expect(r.corrected).toBe('第一书记 选派');
    expect(r.results[0]?.id).toBe('001-014');
  });

  it('a two-character string no dictionary has is corrected alone when it reads exactly as a word of the texts', () => {
    expect(engine.search('乡闲').corrected).toBe('乡贤');
    // A word of the dictionary the texts lack stays as typed: it is another topic, not a typo.
    for (const q of ['房价', '高铁', '疫情']) expect(engine.search(q).corrected, q).toBeNull();
    // Inside a run it needs its neighbour: 后续扶志 stands in no text, so 扶值 is not taken for 扶志.
    expect(engine.search('易地扶贫搬迁后续扶值').corrected).toBeNull();
    // A Latin word the texts hold (the placeholder xx) is no pinyin.
    expect(engine.search('xx区 人才振兴').corrected).toBeNull();
  });
});

describe('numbers spelled the other way', () => {
  it('reads Chinese numerals and writes them', () => {
    expect(parseChineseNumber('三十九')).toBe(39);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('二十五万')).toBe(250_000);
    expect(parseChineseNumber('一千二百六十七')).toBe(1267);
    expect(parseChineseNumber('三五')).toBeUndefined();
    expect(parseChineseNumber('一千零八十')).toBe(1080);
    expect(toChineseNumber(15)).toBe('十五');
    expect(toChineseNumber(105)).toBe('一百零五');
    expect(toChineseNumber(3000)).toBe('三千');
  });

  it('takes the spelling that stands in a text with more of the query around it', () => {
    const texts = ['建成安置点39个', '助力五个振兴', '达到85%的贫困人口'];
    const occurs = (s: string): boolean => texts.some((t) => t.replace(/[^\p{L}\p{N}]/gu, '').includes(s.replace(/[^\p{L}\p{N}]/gu, '')));
    expect(alignNumbers('5个振兴', occurs)).toBe('五个振兴');
    expect(alignNumbers('安置点三十九个', occurs)).toBe('安置点39个');
    expect(alignNumbers('百分之八十五的贫困人口', occurs)).toBe('85%的贫困人口');
    // Neither spelling stands with the neighbours: as typed. A word with a numeral character in it: as typed.
    expect(alignNumbers('7个振兴', occurs)).toBe('7个振兴');
    expect(alignNumbers('五个振兴', occurs)).toBe('五个振兴');
    // Numbers standing together are spelled the other way together (一户一人 → 1户1人, where 一户一 alone is in a text).
    const jobs = (q: string): boolean => ['实现1户1人以上就业', '一户一档、一户一卡'].some((t) => t.includes(q));
    expect(alignNumbers('一户一人就业', jobs)).toBe('1户1人就业');
  });

  it.each([
    ['5个振兴', '五个振兴'],
    ['1村1档', '一村一档'],
    ['3治融合', '三治融合'],
    ['三十九个安置点', '39个安置点'],
    ['医疗救助最高二十五万', '医疗救助最高25万'],
  ])('%s answers as %s does', (typed, written) => {
    const r = engine.search(typed);
    expect(r.results.map((x) => x.id)).toEqual(ids(written));
    expect(r.total).toBeGreaterThan(0);
    expect(r.corrected).toBeNull();
  });
});

describe('mentions, links, greetings and emphasis', () => {
  it('an @name typed against the query is cut where a word begins', () => {
    expect(ids('@小王集体经济')).toEqual(ids('集体经济'));
    expect(ids('@王书记集体经济')).toEqual(ids('集体经济'));
    // 疫情 is a word of the dictionary: the name ends before it, and the texts never discuss it.
    const r = engine.search('@小王疫情防控');
    expect(r.results.length === 0 || r.partial).toBe(true);
  });

  it('without the library, an @name runs to the next space as before', () => {
    expect(stripChatMarkup('@小王集体经济 谢谢')).toBe('谢谢');
    expect(stripChatMarkup('@小王集体经济 谢谢', { leadsWithWord: (t) => t.startsWith('集体') })).toBe('集体经济 谢谢');
  });

  it('pasted links are no search words', () => {
    expect(stripChatMarkup('https://mp.weixin.qq.com/s/Ab3xYz 乡贤回归工程')).toBe('乡贤回归工程');
    expect(stripChatMarkup('乡贤回归工程 www.gov.cn/zhengce')).toBe('乡贤回归工程');
    const r = engine.search('https://mp.weixin.qq.com/s/Ab3xYz 乡贤回归工程');
    expect(r.partial).toBe(false);
    expect(r.results.map((x) => x.id)).toEqual(ids('乡贤回归工程'));
  });

  it('greetings and thanks at the ends of a message come off; alone they are searched as typed', () => {
    expect(stripFraming('早上好! 集体经济 谢谢啦')).toBe('集体经济');
    expect(stripFraming('您好集体经济谢啦')).toBe('集体经济');
    expect(stripFraming('在吗在吗 三治融合 ok')).toBe('三治融合');
    expect(stripFraming('早稻种植')).toBe('早稻种植');
    expect(stripFraming('谢谢')).toBe('谢谢');
    for (const q of ['早上好！请问控辍保学', '有人吗 三治融合', '领雁工程 拜托了🙏', '晚上好，乡风文明 ok']) {
      expect(engine.search(q).partial, q).toBe(false);
    }
  });

  it('emoticon codes as chat apps put them into text are no search words; a bracketed word of the texts is', () => {
    for (const [q, plain] of [
      ['集体经济[捂脸]', '集体经济'],
      ['人才振兴[强][强]', '人才振兴'],
      ['[Smile] 乡贤回归', '乡贤回归'],
      ['［集体经济］', '集体经济'],
    ] as const) {
      const r = engine.search(q);
      expect(r.partial, q).toBe(false);
      expect(r.results.map((x) => x.id), q).toEqual(ids(plain));
    }
    expect(stripChatMarkup('集体经济[捂脸]')).toBe('集体经济[捂脸]');
    expect(stripChatMarkup('[微笑]集体经济[乡贤]', { inTexts: (t) => t === '乡贤' })).toBe('集体经济[乡贤]');
  });

  it('a character typed over and over is emphasis: the answer is not partial for it', () => {
    for (const q of ['急急急急急 厕所革命', '乡贤回归哈哈哈']) {
      const r = engine.search(q);
      expect(r.partial, q).toBe(false);
      expect(r.total, q).toBeGreaterThan(0);
    }
  });
});
