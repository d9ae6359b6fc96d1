/**
 * The product's own vocabulary: how people ask (种地, 看病, 搞旅游) versus how the texts say it (农业, 医疗, 乡村旅游),
 * the English names of themes and key terms, theme aliases, and the filler words of a question (怎样, 如何 …).
 * Curated by hand for this domain; not a thesaurus and not a translator.
 */
import { VILLAGE_LEXICON } from './lexicon.js';

/**
 * A group of related terms. When a query contains any `say` string (as a substring of the normalised query), the
 * `text` terms are added to the search at a lower weight than the user's own words, so a paraphrased question still
 * finds the passage while a passage using the user's exact wording ranks first.
 */
export interface RelatedTerms {
  say: readonly string[];
  text: readonly string[];
}

export const RELATED_TERMS: readonly RelatedTerms[] = [
  // daily life → policy words
  { say: ['种地', '种田', '务农', '庄稼', '农活'], text: ['农业', '粮食', '农耕', '种养业'] },
  { say: ['看病', '就医难', '看不起病', '生病', '医院', '医保'], text: ['医疗', '就医', '医疗保障', '医疗救助', '卫生院', '医生', '诊疗'] },
  { say: ['报销'], text: ['报销', '医疗保险', '医疗费用'] },
  { say: ['旅游', '游客', '农家乐', '民宿', '景点'], text: ['乡村旅游', '旅游', '游客', '村落景区', '农旅文'] },
  { say: ['上学', '读书', '念书', '孩子教育', '学费', '辍学', '学校'], text: ['教育', '义务教育', '控辍保学', '就读', '资助', '免费教育'] },
  { say: ['找工作', '打工', '上班', '没活干', '工作岗位', '工资'], text: ['就业', '务工', '岗位', '转移就业', '用工'] },
  { say: ['网上卖', '网上销售', '网店', '直播带货', '带货', '网购', '线上'], text: ['电商', '农村电商', '淘宝', '网店'] },
  { say: ['年轻人', '年轻', '青年', '后生'], text: ['青年', '后浪', '35周岁以下', '大学生', '大学毕业生'] },
  { say: ['穷', '没钱', '经济差', '落后村'], text: ['贫困', '薄弱村', '消薄', '经济薄弱', '脱贫'] },
  { say: ['贷款', '借钱', '银行', '融资'], text: ['金融', '贷款', '农商银行', '资金'] },
  { say: ['房子', '盖房', '住的地方', '危旧房'], text: ['住房', '住房安全', '危房', '旧房', '安置点'] },
  { say: ['垃圾', '脏乱差', '卫生差', '污水'], text: ['垃圾', '人居环境', '环境整治', '环境治理'] },
  { say: ['厕所', '茅房', '如厕', '上厕所'], text: ['厕所革命', '厕所', '公厕'] },
  { say: ['环保', '环境保护', '保护环境', '绿色'], text: ['生态', '生态保护', '绿水青山', '环境保护', '绿色发展'] },
  { say: ['村官', '村支书', '支书', '村长', '村主任'], text: ['村干部', '村党组织书记', '两委', '带头人', '村主任'] },
  { say: ['带头人', '领头人', '领头羊', '能人'], text: ['头雁', '领头雁', '领雁', '致富带头人', '致富能手', '带头人'] },
  { say: ['回乡', '返乡', '回村', '回老家', '回流', '留住人'], text: ['返乡', '回乡', '回流', '乡贤', '留住'] },
  { say: ['养老', '老人', '老年人'], text: ['养老', '孝老爱亲', '养老驿站'] },
  { say: ['老龄化', '年纪大', '岁数大', '没有接班人', '接班人'], text: ['老龄化', '老化', '后继乏人'] },
  { say: ['赚钱', '挣钱', '收入', '富起来', '致富'], text: ['增收', '致富', '收入', '共同富裕', '富民'] },
  { say: ['合作社', '抱团'], text: ['合作社', '专业合作社', '抱团'] },
  { say: ['风气', '风俗', '陋习', '红白喜事', '大操大办', '攀比'], text: ['移风易俗', '乡风文明', '文明乡风', '村规民约', '民风'] },
  { say: ['脱贫', '扶贫', '摘帽'], text: ['脱贫攻坚', '扶贫', '脱贫', '贫困户', '摘帽'] },
  { say: ['返贫', '又变穷'], text: ['返贫', '防返贫', '返贫监测'] },
  { say: ['搬家', '搬迁', '移民', '挪穷窝'], text: ['易地扶贫搬迁', '搬迁', '安置'] },
  { say: ['文化活动', '文艺', '看书', '图书', '读书'], text: ['农家书屋', '文化惠民', '文化服务中心', '文艺', '阅读'] },
  { say: ['治安', '黑恶势力', '打黑', '村霸'], text: ['扫黑除恶', '治安', '平安'] },
  { say: ['培训', '充电', '学技术'], text: ['培训', '实训', '技术'] },
  { say: ['党员作用', '带头作用', '模范作用', '党员带头'], text: ['先锋模范作用', '党员先锋', '先锋模范'] },
  { say: ['卖不出去', '销路', '销售'], text: ['订单收购', '电商', '市场'] },
  { say: ['土地', '承包地'], text: ['土地流转', '宅基地'] },
  { say: ['村里的钱', '村集体收入', '集体收入'], text: ['集体经济', '村级集体经济', '经常性收入'] },
  { say: ['专家', '技术员', '农技员'], text: ['首席农技专家', '科技特派员', '农技', '专家'] },
  { say: ['民族', '少数民族', '团结'], text: ['民族', '团结'] },
  { say: ['家风', '家训', '家教'], text: ['好家风', '家风', '家训'] },
  { say: ['村规', '规矩'], text: ['村规民约'] },
  // The village lexicon (lexicon.ts): everyday words for each of the library's concepts, written from the passages.
  ...VILLAGE_LEXICON,
];

/**
 * English words mapped to the corpus's own terms; longer phrases win (first secretary before secretary).
 * Only words with an obvious counterpart in this domain: themes, key terms, common policy words. Looked up by stem
 * after British spellings are made American (english.ts): villages, organisation and talents find these entries.
 */
export const ENGLISH_TERMS: Readonly<Record<string, readonly string[]>> = {
  'rural revitalization': ['乡村振兴'],
  'party building': ['党建'],
  'party member': ['党员'],
  'first secretary': ['第一书记'],
  'collective economy': ['集体经济'],
  'poverty alleviation': ['扶贫', '脱贫攻坚'],
  'toilet revolution': ['厕所革命'],
  'ethnic unity': ['民族团结'],
  'e commerce': ['电商'],
  'living environment': ['人居环境'],
  // The official name of what English calls NGOs.
  'non governmental organization': ['社会组织'],
  // Theme names map to the theme's short and full Chinese names: talent is 人才 and the theme 人才振兴.
  talent: ['人才', '人才振兴'],
  industry: ['产业', '产业振兴'],
  industrial: ['产业'],
  culture: ['文化', '文化振兴'],
  cultural: ['文化'],
  ecology: ['生态', '生态振兴'],
  ecological: ['生态'],
  environment: ['环境'],
  environmental: ['环境'],
  organization: ['组织', '组织振兴'],
  organizational: ['组织'],
  revitalization: ['振兴'],
  rural: ['乡村', '农村'],
  countryside: ['乡村', '农村'],
  village: ['村庄', '乡村'],
  party: ['党'],
  secretary: ['书记'],
  poverty: ['贫困', '扶贫'],
  education: ['教育'],
  health: ['医疗'],
  healthcare: ['医疗'],
  medical: ['医疗'],
  tourism: ['旅游'],
  ecommerce: ['电商'],
  cadre: ['干部'],
  governance: ['治理'],
  farmer: ['农民'],
  agriculture: ['农业'],
  agricultural: ['农业'],
  farming: ['农业'],
  toilet: ['厕所'],
  relocation: ['搬迁'],
  employment: ['就业'],
  jobs: ['就业'],
  housing: ['住房'],
  green: ['绿色'],
  youth: ['青年'],
  grassroots: ['基层'],
  cooperative: ['合作社'],
  finance: ['金融'],
  loan: ['贷款'],
  ethnic: ['民族'],
  unity: ['团结'],
  // Names the texts use that CC-CEDICT has no English for (or none a colleague would type), written from the passages
  // concept by concept: each Chinese term occurs in a passage (test/search/english-table.test.ts).
  landfill: ['垃圾填埋场'],
  'household waste': ['生活垃圾'],
  'domestic waste': ['生活垃圾'],
  afforestation: ['造林'],
  'soil testing': ['测土配方'],
  clinic: ['卫生室'],
  'health center': ['卫生院'],
  'two committees': ['两委'],
  'village committee': ['两委', '村委会'],
  'lead goose': ['头雁', '领雁'],
  'local worthy': ['乡贤'],
  'new farmer': ['新农人'],
  'resettlement site': ['安置点'],
  'relocation site': ['安置点'],
  'poor household': ['贫困户'],
  'registered poor': ['建档立卡'],
  'dilapidated house': ['危房'],
  homestead: ['宅基地'],
  dropout: ['辍学'],
  'migrant worker': ['务工'],
  herder: ['农牧民'],
  'debt resolution': ['化债'],
  'debt relief': ['化债'],
  'backward village': ['后进村'],
  inheritor: ['传承人'],
  'village rule': ['村规民约'],
  'filial piety': ['孝老爱亲'],
  'family tradition': ['家风'],
  'village regulation': ['村规民约'],
  social: ['社会'],
  elderly: ['老龄化', '养老'],
  'elderly care': ['养老'],
  'scenic spot': ['景区'],
  'scenic area': ['景区'],
};

/**
 * English words for the kind of material wanted, as {@link MATERIAL_WORDS} has 材料, 最新, 模板 (latest materials on
 * X, any documents about Y, slides pls): they say nothing about the subject and are dropped from a query. The texts
 * hold no English, so they always are; words that also name a subject (material wealth, media reports, study) are
 * not listed.
 */
export const ENGLISH_MATERIAL_WORDS: ReadonlySet<string> = new Set([
  'material', 'materials', 'document', 'documents', 'docs', 'file', 'files', 'slide', 'slides', 'deck', 'template', 'templates',
  'latest', 'newest', 'summary', 'case', 'cases', 'example', 'examples', 'sample', 'samples', 'download', 'link',
  'links', 'video', 'videos', 'photos', 'pictures', 'pics',
]);

/**
 * Round 16: English words for a kind of text (a report, a speech, a draft, a presentation) typed beside a Chinese
 * subject (组织振兴 report 2024, speech draft 产业振兴): what is wanted, like 报告 and 讲稿, not what about (analyze.ts,
 * option englishKinds). Not in {@link ENGLISH_MATERIAL_WORDS}: in an English query report or speech may be the subject
 * (media reports, the General Secretary's speech), so only a query whose subject is typed in Chinese drops them.
 */
export const ENGLISH_KIND_WORDS: ReadonlySet<string> = new Set([
  'report', 'reports', 'speech', 'speeches', 'draft', 'drafts', 'presentation', 'presentations', 'essay', 'essays',
  'outline', 'outlines', 'lecture', 'lectures', 'transcript', 'transcripts', 'handout', 'handouts', 'courseware', 'writeup',
]);

/**
 * English abbreviations and acronyms as chat writes them, spelt out before the English is looked up (social orgs,
 * co-ops, agri-tech, eco, govt): ordinary English shorthand, not words of this library. CPC and CCP are the Party
 * (党 in the texts); CC-CEDICT glosses 党务 "party affairs" with "communist party", and the texts never write 共产党.
 */
export const ENGLISH_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['org', 'organization'], ['orgs', 'organizations'], ['govt', 'government'], ['gov', 'government'],
  ['dept', 'department'], ['depts', 'departments'], ['coop', 'cooperative'], ['coops', 'cooperatives'],
  ['co-op', 'cooperative'], ['co-ops', 'cooperatives'], ['agri', 'agricultural'], ['agro', 'agricultural'],
  ['eco', 'ecological'], ['edu', 'education'], ['tech', 'technology'], ['mgmt', 'management'],
  ['admin', 'administration'], ['devt', 'development'], ['intl', 'international'], ['natl', 'national'],
  ['assoc', 'association'], ['enviro', 'environmental'], ['econ', 'economic'],
  ['cpc', 'party'], ['ccp', 'party'], ['ngo', 'non-governmental organization'], ['ngos', 'non-governmental organizations'],
]);

/**
 * The English for a kind of Chinese place, with the character that ends such a place's name and its pinyin syllable
 * (Gaohong Town is 高虹镇 gaohong zhen, Bainiu Village 白牛村, Chengguan District 城关区): how Chinese places are
 * romanised. A name typed in pinyin before its kind is read with that syllable (engine.ts, pinyinPlaces); a place's
 * English kind after its name is that character, or nothing where the texts write the name without it (林周 of Linzhou
 * County; english.ts and engine.ts, EnglishRules.placeKinds).
 */
export const ENGLISH_PLACE_KINDS: ReadonlyMap<string, { character: string; syllable: string }> = new Map(
  (
    [
      ['village', '村', 'cun'], ['town', '镇', 'zhen'], ['township', '乡', 'xiang'], ['county', '县', 'xian'],
      ['district', '区', 'qu'], ['city', '市', 'shi'], ['province', '省', 'sheng'], ['prefecture', '州', 'zhou'],
    ] as const
  ).map(([kind, character, syllable]) => [kind, { character, syllable }]),
);

/** Longest English phrase in {@link ENGLISH_TERMS}, in words. */
export const MAX_ENGLISH_PHRASE_WORDS = Math.max(...Object.keys(ENGLISH_TERMS).map((k) => k.split(' ').length));

/**
 * Question words and fillers dropped from queries on top of jieba's stop-word list (怎么办 and 请问 are not in it);
 * the user asked a question, the passage states an answer.
 */
export const QUERY_FILLERS: ReadonlySet<string> = new Set([
  '怎么办', '怎么样', '怎样做', '如何做', '怎么做', '请问', '问一下', '一下', '有哪些', '是什么', '什么样', '哪里',
  '能不能', '可不可以', '应该', '需要', '搞', '办', '做', '弄', '吗', '呢', '吧', '啊', '呀', '想', '我想', '知道',
  '关于', '有关', '相关', '问题', '方面', '以后', '时候', '多少', '多少个', '有多少', '几个', '有几个', '哪些', '哪个',
  '是不是', '有没有', '怎么搞', '咋办', '咋', '啥样', '一共', '总共', '一共有', '总共有',
]);

/**
 * Abstract nouns that name the kind of answer a question wants about its subject (X的作用和意义, X的好处, X有什么作用和
 * 意义, X的做法): general Chinese question vocabulary, not the library's. Where such a noun ends the query after
 * X的, or is joined by 和 / 与 / 及 to an asked-for word, it is an aspect (question.ts): a passage about X answers
 * whether or not it says 意义.
 */
export const ASPECT_NOUNS: ReadonlySet<string> = new Set([
  '作用', '意义', '重要性', '必要性', '好处', '益处', '坏处', '目的', '区别', '异同', '不同', '效果', '成效', '影响', '特点',
  '内涵', '含义', '意思', '原因', '价值', '优势', '做法', '经验', '办法', '方法', '措施', '举措', '途径', '路径', '情况',
  '进展', '现状', '意义所在', '重要意义', '现实意义', '深远意义', '关系', '联系', '关联',
]);

/**
 * Round 22: the aspect nouns that ask how something was done (经验, 做法, 办法, 措施 …), a subset of ASPECT_NOUNS: a text
 * gives them in its sections, while what came of it or why it matters (成效, 意义, 现状) its opening sums up
 * (engine.ts kindOfAnswerOpening).
 */
export const MEANS_NOUNS: ReadonlySet<string> = new Set(['做法', '经验', '办法', '方法', '措施', '举措', '途径', '路径']);

/** Theme names are resolved by the corpus, which owns the themes; re-exported for the query parser. */
export { resolveTheme } from '../corpus/types.js';

/**
 * Politeness and request words of a chat message (请问, 麻烦, 查下, 帮我找, 急, 谢谢 …): they say how the user asks,
 * never what about, so they are dropped from every query, like {@link QUERY_FILLERS}. Matched as whole jieba words,
 * so 查 of 巡查 or 急 of 急需 are untouched.
 */
export const POLITENESS_WORDS: ReadonlySet<string> = new Set([
  '请', '请问', '请教', '麻烦', '麻烦大家', '劳驾', '帮', '帮忙', '帮我', '帮我找', '帮忙找', '帮帮忙', '给我', '发我', '发一下',
  '找', '找找', '找下', '找一下', '查', '查下', '查查', '查一下', '搜', '搜下', '搜搜', '搜一下', '搜索', '检索', '看看',
  '看一下', '了解', '了解一下', '想了解', '急', '急急急', '急需要', '求', '求助', '求问', '谢谢', '谢谢大家', '多谢', '感谢',
  '谢了', '辛苦', '辛苦了', '您好', '你好', '大家好', '各位', '大家', '老师', '领导', '在吗', '有没有', '有啥', '是啥',
  '啥', '什么', '内容', '一些', '哈', '哈哈', '哦', '嗯', '呗', '喔', '哈喽', '能否', '可以', '一份',
  'please', 'pls', 'plz', 'thanks', 'thank', 'thx', 'hi', 'hello', 'hey', 'any', 'info', 'about', 'find', 'search',
  'how', 'what', 'why', 'is', 'are', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'me', 'do', 'does',
  // Asking in English in a chat: who is asked, for what, and how it is wanted (looking for, need, anything regarding,
  // show me, tell me about, share the bit on): the request, not its subject.
  'looking', 'look', 'need', 'needs', 'want', 'wants', 'tell', 'show', 'give', 'send', 'share', 'get', 'got', 'know',
  'anyone', 'anybody', 'someone', 'somebody', 'something', 'anything', 'everything', 'stuff', 'thing', 'things', 'bit',
  'part', 'section', 'regarding', 'concerning', 'related', 'relating', 're', 'team', 'guys', 'folks', 'everyone', 'all',
  'could', 'would', 'kindly', 'say', 'says', 'said',
]);

/**
 * Words that describe the wanted material rather than its content (ppt, 材料, 最新, 范文 …). Dropped from a query
 * unless the texts themselves contain the word (政策文件 is in a text, so 文件 stays). Years (2024, 2023年) are
 * treated the same way by the analyser: dropped unless a text mentions that year.
 */
export const MATERIAL_WORDS: ReadonlySet<string> = new Set([
  'ppt', 'pptx', 'pdf', 'doc', 'docx', 'word', 'excel', 'xls', 'xlsx', 'wps', 'txt', 'pic', 'jpg', 'png',
  '课件', '材料', '资料', '学习资料', '汇报材料', '素材', '最新', '最新版', '新版', '范文', '模板', '模版', '心得',
  '心得体会', '体会', '汇报', '发言稿', '讲稿', '讲话稿', '演讲稿', '稿子', '文件', '文档', '下载', '全文', '原文',
  '案例', '例子', '文章', '汇总', '合集', '大全', '图片', '视频', '链接', '今年', '去年', '近期', '最近', '版本', '报告',
  '总结', '资料包', '干货', '参考', '学习', '分享',
]);

/**
 * Round 14: words for the kind of speech or text a person has to give or write (讲话 of 讲话稿, 调研 of 调研报告, 述职,
 * 宣讲, 发言, 演讲, 致辞): general Chinese words for genres, not the library's. Ending a request for material they say
 * what is wanted, not what about (analyze.ts describesMaterial, option textKinds); elsewhere they stay the topic.
 */
export const TEXT_KIND_WORDS: ReadonlySet<string> = new Set([
  '讲话', '宣讲', '发言', '演讲', '调研', '述职', '致辞', '讲课', '授课', '交流发言', '典型发言', '表态发言',
]);

/**
 * Round 14: more words for a kind of text people ask for (党课, 微党课, 范本, 读后感, 征文, 简报, 思想汇报, 发言, 述职 …): general
 * Chinese words for genres, not the library's, none of which its texts hold. Ending a request beside a subject the
 * texts hold they are material aspects (analyze.ts describesMaterial, option genreWords), so the answer is not partial
 * for want of them; a word a text holds is left alone (it may be what a passage is about).
 */
export const GENRE_WORDS: ReadonlySet<string> = new Set([
  '党课', '微党课', '读后感', '观后感', '心得感悟', '感悟', '经验交流', '交流材料', '发言材料', '征文', '简报', '教案',
  '讲义', '笔记', '学习笔记', '思想汇报', '提纲', '标语', '题库', '宣传片', '手抄报', '黑板报', '串词', '主持稿', '讲座', '课程',
  '说课', '演示文稿', '海报', '展板', '新闻稿', '宣传稿', '通讯稿', '稿件', '知识竞赛', '发言', '演讲', '述职', '致辞', '讲课', '授课',
]);

/**
 * Round 12: more chat context around a subject, dropped like {@link MATERIAL_WORDS} unless the texts hold the word:
 * which part of a text is wanted (段落, 那段, 介绍, 出处), in what form (表格, 汇总表, 电子版, 完整版), and by when (明天,
 * 上午, 下周一, 月底 …: jieba tags most of them t, a time, but the texts' own time words such as 年底 and 近期 are
 * theirs). Matched as whole jieba words.
 */
export const CHAT_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  '段落', '那段', '这段', '那一段', '这一段', '一段话', '原话', '出处', '介绍', '简介', '表格', '汇总表', '一览表', '统计表',
  '电子版', '完整版', '文字版', '打印版', '高清', '截图', '汇编', '稿', '汇报稿', '宣讲稿', '主持词',
  '今天', '明天', '后天', '昨天', '今早', '明早', '今晚', '明晚', '上午', '下午', '中午', '晚上', '早上', '今天上午',
  '今天下午', '明天上午', '明天下午', '本周', '这周', '下周', '上周', '周一', '周二', '周三', '周四', '周五', '周六',
  '周日', '周末', '下周一', '下周二', '下周三', '下周四', '下周五', '月底', '月初', '节前', '节后', '尽快', '马上',
]);

/**
 * Question forms that ask for a kind of answer, not about a subject: what something does (是干什么的), what a name
 * means (是什么意思, 是指什么, what does … mean), how many of what (多少种, 几个, 哪三…), how big (多大), yes or no
 * (能不能, 是不是, 有没有 …). jieba cuts them into pieces
 * that look like content (种疾病 of 多少种疾病, 哪三治, 意思), so they are taken out of the query text before it is
 * cut, unless the texts themselves contain the words.
 */
export const QUESTION_FORMS: readonly RegExp[] = [
  /(?:是|都是|主要|具体)?(?:干|做|搞)(?:什么|啥|些什么)(?:的|用的)?/gu,
  /(?:是|指的是|具体是)?(?:什么|啥)意思/gu,
  /(?:是|具体)?(?:指|指的是)(?:什么|啥|哪些|哪几个)/gu,
  /(?:是|有|包括|分别是|是指|指的是|分别指|具体指)?哪(?:[一二两三四五六七八九十几]+)(?:[个项条种笔类大方面年月天级批次步层届期位家])?(?:\p{Script=Han}(?=$|[\s?？!！。，,]))?/gu,
  // 人次 and 场次 before 人 and 场: 有多少人次 is not 有多少人 and a word 次.
  /(?:有)?(?:多少|几)(?:人次|场次|个|户|支|种|名|人(?!次)|次|项|条|家|所|座|处|笔|位|批|场(?!次))(?=\p{Script=Han})/gu,
  /多(?:大|长|久|高|远|宽|重)(?=$|[\s?？!！。，,])/gu,
  // How to understand or view something: the passage explains it, it does not say 理解 (如何理解X, 怎么看待X).
  /(?:如何|怎么|怎样|怎么样|应该如何|应当如何)(?:来)?(?:理解|看待|认识|评价|解读)/gu,
  // A-not-A questions ask yes or no about the rest (jieba cuts 能不能说说 into 能|不能|说|说).
  /能不能|是不是|有没有|会不会|要不要|可不可以|该不该|算不算|行不行|对不对|好不好/gu,
  // English around a Chinese name: what does 消薄 mean, 两委 what does it mean, what is the meaning of 三保障.
  /\bwhat\s+(?:does|do|did)\b(?=.*\bmean\b)/gu,
  /\b(?:it\s+|this\s+|that\s+)?means?\b(?=\s*[?？]*\s*$)/gu,
  /\b(?:what(?:'s|\s+is)\s+)?the\s+meaning\s+of\b/gu,
];
