import { describe, expect, it } from 'vitest';
import {
  cleanArticleLines,
  cutTrailer,
  dropDuplicateParagraphs,
  endsSentence,
  isHeaderLine,
  isPrintArtefactLine,
  isWebChromeLine,
  joinHardBreaks,
  normalizeNewlines,
  removeStrayTokens,
  stripColumnTag,
  stripLeadLabel,
  stripPrintArtefacts,
  stripSourceCredits,
  stripUrls,
} from '../../src/corpus/clean.js';
import { isHeading } from '../../src/corpus/split.js';
import { SEED_FILES, seedLine, seedLines, seedText } from './seed-text.js';

const heading = (p: string) => isHeading(p);

describe('normalizeNewlines', () => {
  it('turns CRLF and CR into LF and drops a byte-order mark, so line numbers match cat -n', () => {
    expect(normalizeNewlines('\uFEFF第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('leaves the real seeds line for line as they are', () => {
    expect(seedLine('003', 3)).toBe('6 理论之窗');
    expect(seedLine('004', 2)).toBe('2023-01-16');
  });
});

describe('web chrome lines', () => {
  it.each([
    ['002', 1], // breadcrumb with 本文移动端
    ['002', 5], // 08:00 am
    ['002', 60], // 来源:网络整理 免责声明
    ['002', 63], // …范文》出自:百味书屋
    ['002', 64], // 链接地址:http…
    ['002', 65], // 转载请保留,谢谢!
    ['002', 66], // 推荐范文
    ['002', 67], // 公文驿站 公文集锦
    ['004', 2], // 2023-01-16
    ['004', 19], // http://www.cpsa.org.cn/default.ashx
    ['004', 20], // 编辑:
    ['004', 21], // 来源:
    ['004', 22], // 标签:
    ['004', 23], // 相关信息
    ['004', 24], // MORE >>-
    ['004', 47], // 网友交流群:2223934…
  ])('recognises %s line %i', (doc, n) => {
    expect(isWebChromeLine(seedLine(doc, n))).toBe(true);
  });

  it('never mistakes a body line of the journal texts for chrome', () => {
    for (const doc of ['000', '001', '003']) {
      const flagged = seedText(doc)
        .split('\n')
        .filter((l) => isWebChromeLine(l));
      expect(flagged, doc).toEqual([]);
    }
  });

  it('cuts 002 from its disclaimer to the end', () => {
    const kept = cutTrailer(seedText('002').split('\n'));
    expect(kept).toHaveLength(59);
    expect(kept.join('\n')).not.toContain('免责声明');
    expect(kept.join('\n')).toContain('实现共同富裕。');
  });

  it('cuts 004 from the catalog anchor, dropping the ad and the sidebar of unrelated headlines', () => {
    const kept = cutTrailer(seedText('004').split('\n'), ['(1)加入中电源云学苑']);
    expect(kept).toHaveLength(17);
    const text = kept.join('\n');
    expect(text).not.toContain('中共中央政治局召开民主生活会');
    expect(text).not.toContain('下基层既要');
    expect(text).not.toContain('加入中电源云学苑');
  });

  it('without the anchor still cuts 004 at its editor line', () => {
    const kept = cutTrailer(seedText('004').split('\n'));
    expect(kept).toHaveLength(19);
    expect(kept.join('\n')).not.toContain('相关信息');
  });

  it('strips a link inside a line', () => {
    expect(stripUrls(seedLine('002', 64))).toBe('链接地址:');
  });

  it('strips the reprint credit from the body of 004', () => {
    const line = stripSourceCredits(seedLine('004', 17));
    expect(line.endsWith('进一步破解纵向“组织边界”和横向“城乡藩篱”。')).toBe(true);
    expect(line).not.toContain('解放日报');
    expect(stripSourceCredits(seedLine('003', 83))).toBe('');
  });

  it('strips the 导语 label', () => {
    expect(stripLeadLabel(seedLine('004', 4))).toBe(seedLine('004', 6));
  });
});

describe('print artefacts', () => {
  it('recognises the page header and the continuation note as whole lines', () => {
    expect(isPrintArtefactLine(seedLine('003', 3))).toBe(true); // 6 理论之窗
    expect(isPrintArtefactLine(seedLine('000', 51))).toBe(true); // （下转第102页）
  });

  it('leaves headings and body lines alone', () => {
    expect(isPrintArtefactLine(seedLine('000', 5))).toBe(false); // 2、以高质量党建引领产业振兴
    expect(isPrintArtefactLine(seedLine('003', 15))).toBe(false);
    expect(isPrintArtefactLine(seedLine('004', 2))).toBe(false);
  });

  it('removes footnote markers and nothing else', () => {
    const line = seedLine('000', 29);
    expect(line).toContain('^[3]');
    const cleaned = stripPrintArtefacts(line);
    expect(cleaned).not.toContain('^[');
    expect(cleaned).toBe(line.replace('^[3]', ''));
    expect(cleaned).toContain('焕发乡村文明新气象”。要持续增强');
  });

  it('removes an inline continuation note', () => {
    expect(stripPrintArtefacts('如通过开展“万名党员（下转第102页）')).toBe('如通过开展“万名党员');
  });
});

describe('stray tokens', () => {
  it('removes "baoku" before 1893年 in 001', () => {
    const cleaned = removeStrayTokens(seedLine('001', 4));
    expect(cleaned).toContain('总投资x.x亿元。1893年,全镇共接待游客');
    expect(cleaned).not.toContain('baoku');
  });

  it('changes nothing else in any seed: placeholders, e矩阵 and links survive', () => {
    for (const doc of Object.keys(SEED_FILES)) {
      const raw = seedText(doc);
      expect(removeStrayTokens(raw), doc).toBe(raw.replace('baoku', ''));
    }
  });
});

describe('header lines', () => {
  it('drops the title repeated above the body of 002', () => {
    const info = { title: '2022年关于新时代党建引领乡村振兴的探讨与研究范文', source: '百味书屋' };
    expect(isHeaderLine(seedLine('002', 3), info)).toBe(true);
    expect(isHeaderLine(seedLine('002', 7), info)).toBe(true);
    expect(isHeaderLine(seedLine('002', 9), info)).toBe(false);
  });

  it('drops a two-line title and the byline of 003', () => {
    const info = { title: '坚持精准方略 践行庄严承诺 奋力夺取脱贫攻坚战全面胜利', author: '拉萨市委宣传部 拉萨市扶贫办' };
    expect(isHeaderLine(seedLine('003', 5), info)).toBe(true);
    expect(isHeaderLine(seedLine('003', 7), info)).toBe(true);
    expect(isHeaderLine(seedLine('003', 9), info)).toBe(true);
    expect(isHeaderLine(seedLine('003', 15), info)).toBe(false);
  });

  it('drops the tagged title and the site name of 004', () => {
    const info = { title: '基层党建如何推进乡村振兴战略深度融合?', source: '解放日报', via: '中国电源产业网' };
    expect(stripColumnTag(seedLine('004', 1))).toBe('基层党建如何推进乡村振兴战略深度融合?');
    expect(isHeaderLine(seedLine('004', 1), info)).toBe(true);
    expect(isHeaderLine(seedLine('004', 3), info)).toBe(true);
  });
});

describe('hard breaks', () => {
  it('ends a sentence on a terminator, its closing quotes, or a colon lead-in', () => {
    expect(endsSentence('才是走出这些困境的不变之道。')).toBe(true);
    expect(endsSentence('提高乡村社会文明程度，焕发乡村文明新气象”。')).toBe(true);
    expect(endsSentence('对于边疆民族地区的党组织：')).toBe(true);
    expect(endsSentence(seedLine('003', 17))).toBe(false); // …有机衔
    expect(endsSentence(seedLine('000', 49))).toBe(false); // …“万名党员
  });

  it('joins "有机衔" / "接的有效途径" in 003', () => {
    const joined = joinHardBreaks([seedLine('003', 17), seedLine('003', 19)], heading);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toContain('全面推进乡村振兴有机衔接的有效途径。');
  });

  it('joins "2.2万场" / "次,受益群众" in 003', () => {
    const joined = joinHardBreaks([seedLine('003', 33), seedLine('003', 35)], heading);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toContain('18项“五好”活动2.2万场次,受益群众311万人次');
  });

  it('joins the Lhasa report across the inserted article ("加快产" + "业项目建设")', () => {
    const joined = joinHardBreaks([seedLine('003', 37), seedLine('003', 39), seedLine('003', 87)], heading);
    expect(joined[0]).toBe('五、聚焦关键重点,脱贫质量全面提升');
    expect(joined[1]).toContain('推动产业项目提质增效,进一步加快产业项目建设,确保项目');
  });

  it('never joins a heading, and keeps an unfinished last paragraph as it is', () => {
    const lines = [seedLine('003', 19), seedLine('003', 21), seedLine('003', 23)];
    expect(joinHardBreaks(lines, heading)).toEqual(lines);
    const tail = [seedLine('000', 45), seedLine('000', 47), seedLine('000', 49)];
    expect(joinHardBreaks(tail, heading)).toEqual(tail);
  });
});

describe('duplicate blocks', () => {
  it('keeps the block 003 prints twice (lines 27 and 29) once', () => {
    const paragraphs = seedLines('003', 25, 31).filter((l) => l !== '');
    const kept = dropDuplicateParagraphs(paragraphs);
    expect(kept).toEqual([seedLine('003', 25), seedLine('003', 27), seedLine('003', 31)]);
    expect(kept.join('\n').split('共落实困难家庭大学生教育资助金1008.6万元').length - 1).toBe(1);
  });

  it("keeps 004's lead and its repeat as the first paragraph once", () => {
    const kept = dropDuplicateParagraphs([stripLeadLabel(seedLine('004', 4)), seedLine('004', 6), seedLine('004', 7)]);
    expect(kept).toEqual([seedLine('004', 6), seedLine('004', 7)]);
  });

  it('leaves short repeated lines and distinct paragraphs alone', () => {
    expect(dropDuplicateParagraphs(['推荐', '推荐'])).toEqual(['推荐', '推荐']);
    const distinct = seedLines('000', 9, 13).filter((l) => l !== '');
    expect(dropDuplicateParagraphs(distinct)).toEqual(distinct);
  });
});

describe('cleanArticleLines', () => {
  it('turns the 004 page into its title-less, credit-less body with headings', () => {
    const paragraphs = cleanArticleLines(seedText('004').split('\n'), {
      title: '基层党建如何推进乡村振兴战略深度融合?',
      source: '解放日报',
      via: '中国电源产业网',
      trailerFrom: ['(1)加入中电源云学苑'],
      isHeading: heading,
    });
    expect(paragraphs[0]).toBe(seedLine('004', 6));
    expect(paragraphs[1]).toBe('创新基层党建联建的组织载体,打造城乡党建共同体——');
    expect(paragraphs).toEqual(seedLines('004', 6, 17).map((l, i) => (i === 11 ? stripSourceCredits(l) : l)));
    expect(paragraphs[paragraphs.length - 1]!.endsWith('横向“城乡藩篱”。')).toBe(true);
  });
});
