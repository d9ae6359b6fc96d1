/**
 * Real files of every supported format, built in the test from text: a Word file (docx package), a PDF with a text
 * layer (make-pdf.ts), a web page with site chrome around the article, a GBK-encoded notice and a Markdown file.
 * The texts are made up in the style of the documents a county team adds; each holds words found nowhere in the
 * seeds (稻渔综合种养, 数字乡村驿站, 非遗工坊), so a search proves the document itself was indexed.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { makePdf } from './make-pdf.js';

export const NOTICE_TITLE = '关于推进稻渔综合种养促进农民增收的通知';
export const NOTICE_LINES = [
  'xx县农业农村局文件',
  'x农发〔2023〕12号',
  NOTICE_TITLE,
  '各乡镇人民政府：',
  '为深入贯彻落实中央一号文件精神，加快发展稻渔综合种养，推动农业产业提质增效，带动农民持续增收，现将有关事项通知如下。',
  '一、发展目标',
  '到2025年，全县稻渔综合种养面积达到xx万亩，培育稻渔综合种养示范基地xx个，带动农户xxxx户，亩均增收一千元以上。',
  '二、重点任务',
  '各乡镇要结合实际，因地制宜发展稻虾、稻鱼、稻蟹等模式，推广绿色生产技术，减少化肥农药使用，打造生态稻米品牌，延伸产业链条。',
  '三、保障措施',
  '县财政每年安排专项资金支持稻渔综合种养基础设施建设，对新发展连片面积一百亩以上的经营主体给予奖补，并加强技术培训和指导服务。',
  'xx县农业农村局',
  '2023年3月8日',
];

/** The notice as a GBK (GB18030) text file, CRLF line ends, as a county office's Windows machine writes it. */
export function gbkNotice(): Buffer {
  const text = NOTICE_LINES.join('\r\n');
  // GB18030 encoder: TextEncoder only writes UTF-8, so encode through a lookup of the decoder's table.
  return encodeGb18030(text);
}

let table: Map<string, number[]> | undefined;
/** Encodes text as GB18030 two-byte sequences (enough for CJK and full-width punctuation) and ASCII. */
export function encodeGb18030(text: string): Buffer {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export const DOCX_TITLE = '关于建设数字乡村驿站的实施方案';

/** A Word file: the title in Word's Title style, a 文号, headings in Heading styles, body paragraphs. */
export async function wordPlan(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: DOCX_TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun('x政办发〔2024〕7号')] }),
          new Paragraph({ text: '建设目标', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun(
                '依托村党群服务中心建设数字乡村驿站，为群众提供电商服务、政务代办、远程医疗和技能培训，让数据多跑路、群众少跑腿，到2025年实现行政村全覆盖。',
              ),
            ],
          }),
          new Paragraph({ text: '工作措施', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('每个数字乡村驿站配备一名专职管理员，由村级后备力量和返乡大学生担任，'),
              new TextRun({ text: '县里统一组织培训', bold: true }),
              new TextRun('，考核合格后上岗，驿站运行经费纳入县级财政预算，确保建得好、用得上、管得住。'),
            ],
          }),
          new Paragraph({ children: [new TextRun('2024年5月20日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const PDF_TITLE_LINES = ['中共xx省委 xx省人民政府关于学习运用“千万工程”经验', '加快建设宜居宜业和美乡村的实施意见'];
export const PDF_TITLE = PDF_TITLE_LINES.join('');

/**
 * A two-page PDF: a title over two lines, the date in brackets, paragraphs broken at the page width (hard line
 * breaks), a running header and a page number on every page.
 */
export function pdfOpinion(): Buffer {
  const header = 'xx省人民政府公报';
  return makePdf({
    pages: [
      [
        header,
        ...PDF_TITLE_LINES,
        '（2023年7月12日）',
        '为深入学习运用“千万工程”经验，扎实推进乡村全面振兴，结合我省实际，',
        '提出如下实施意见。',
        '一、推进农村人居环境整治提升',
        '深入开展村庄清洁行动，推进农村厕所革命和生活污水治理，因地制宜建设非遗工坊和',
        '乡村书屋，让乡村既有颜值又有内涵。',
        '- 1 -',
      ],
      [
        header,
        '二、加强乡村人才队伍建设',
        '实施乡村振兴人才支持计划，鼓励高校毕业生、退役军人和外出务工人员返乡创业，',
        '完善乡村人才培养、引进、使用和激励机制，让各类人才在乡村大施所能。',
        '- 2 -',
      ],
      [header, '三、强化组织保障', '各级党委和政府要把乡村振兴摆在重要位置，压实工作责任，确保各项任务落地见效。', '- 3 -'],
    ],
  });
}

export const HTML_TITLE = '我县非遗工坊带动群众家门口就业';
export const HTML_CHROME = ['网站首页', '政务公开', '热点新闻：某地举办马拉松比赛', '版权所有：xx县人民政府', '扫一扫在手机打开当前页', '联系我们'];

/** A county government web page: navigation, sidebar of unrelated headlines, footer, and the article. */
export function htmlArticle(): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><meta charset="utf-8"><title>${HTML_TITLE}_xx县人民政府网</title>
<meta property="og:site_name" content="xx县人民政府网"></head><body>
<div class="header"><ul class="nav"><li><a href="/">${HTML_CHROME[0]}</a></li><li><a href="/gk">${HTML_CHROME[1]}</a></li><li><a href="/bs">办事服务</a></li></ul></div>
<div class="main">
 <div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/a1">${HTML_CHROME[2]}</a></li><li><a href="/a2">某地开展消防安全检查</a></li><li><a href="/a3">某地召开防汛工作会议</a></li></ul></div>
 <div class="article">
  <h1>${HTML_TITLE}</h1>
  <div class="info">发布时间：2024-04-18 09:30 来源：县融媒体中心</div>
  <div class="content">
   <p>近年来，我县依托传统手工技艺建设非遗工坊，把竹编、刺绣等老手艺变成群众增收的新产业，目前已建成非遗工坊十二家，带动脱贫群众和留守妇女就近就业一千余人。</p>
   <p>工坊采取“公司+工坊+农户”的模式，由企业统一提供原料和订单，农户在家门口接单生产，人均月增收两千元以上。县里还组织非遗传承人开展技能培训，培养了一批乡土人才。</p>
   <p>下一步，我县将继续擦亮非遗工坊品牌，推动非遗与文旅融合发展，让传统文化在乡村振兴中焕发新的活力。</p>
  </div>
 </div>
</div>
<div class="footer"><p>${HTML_CHROME[3]} 主办单位：xx县人民政府办公室</p><p>${HTML_CHROME[4]}</p><p><a href="/lx">${HTML_CHROME[5]}</a></p></div>
</body></html>`,
    'utf8',
  );
}

export const MD_TITLE = '村级集体经济发展三年行动计划';

export function markdownPlan(): Buffer {
  return Buffer.from(
    `# ${MD_TITLE}

发布日期：2024-01-09

## 总体要求

坚持党建引领，盘活村集体闲置资产，发展**物业经济**和服务经济，
力争三年内所有村集体经营性收入超过二十万元。

## 主要任务

1. 清理核实村集体资产，建立台账，做到底数清、权属明。
2. 支持村集体领办合作社，发展[乡村旅游](https://example.org/x)和农产品加工。
`,
    'utf8',
  );
}
