/**
 * Cleaning rules applied at load time. Each rule is a small pure function, exported and tested on the real seed text;
 * `cleanArticleLines` runs them in order. The seeds themselves are never modified.
 *
 * Display text is never NFKC-normalised: full-width and half-width punctuation stay as the source printed them.
 */

/** Sentence-final punctuation (full- and half-width). */
export const SENTENCE_END = '。！？；!?;';
/** Characters that may close a sentence after its terminator: quotes and brackets. */
export const CLOSERS = '”’」』）)》"\'';

/** CRLF/CR → LF and no byte-order mark, so line numbers match `cat -n`. */
export function normalizeNewlines(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Trims ASCII and full-width spaces at both ends of a line (002 indents paragraphs with spaces). */
export function trimLine(line: string): string {
  return line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Web chrome

/**
 * Lines that are web-page furniture wherever they occur: breadcrumbs, mobile-page links, time stamps, disclaimers,
 * "出自" attributions, links, repost notes, recommendation boxes, editor/tag lines, sidebar markers, group numbers.
 */
export const WEB_CHROME_LINE_PATTERNS: readonly RegExp[] = [
  /^您的位置[:：]/,
  /本文移动端[:：]/,
  /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?$/i,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^来源[:：]/,
  /免责声明[:：]/,
  /》?出自[:：]/,
  /^链接地址[:：]/,
  /^(?:https?:\/\/|www\.)\S+$/i,
  /^转载请/,
  /^推荐范文$/,
  /^公文驿站/,
  /^编辑[:：]/,
  /^责任编辑[:：]/,
  /^标签(?:[:：]|$)/,
  /^相关信息$/,
  /^MORE\s*>>/i,
  /^-$/,
  /交流群[:：]\s*\d/,
];

/** True for a line of web-page furniture (see WEB_CHROME_LINE_PATTERNS). */
export function isWebChromeLine(line: string): boolean {
  const text = trimLine(line);
  return WEB_CHROME_LINE_PATTERNS.some((re) => re.test(text));
}

/**
 * Lines that open a page's trailing furniture: everything from the first of them to the end of the text is dropped.
 * The sidebar after "相关信息" holds unrelated headlines and summaries that read like body text, so they cannot be
 * recognised line by line.
 */
export const TRAILER_START_PATTERNS: readonly RegExp[] = [
  /^来源[:：]\s*网络整理/,
  /^免责声明/,
  /^相关信息$/,
  /^相关阅读/,
  /^推荐范文$/,
  /^编辑[:：]/,
  /^责任编辑[:：]/,
  /^MORE\s*>>/i,
];

/**
 * Drops the trailing furniture: from the first line matching TRAILER_START_PATTERNS, or starting with one of the
 * catalog's `trailerFrom` prefixes, to the end.
 */
export function cutTrailer(lines: readonly string[], prefixes: readonly string[] = []): string[] {
  const at = lines.findIndex((raw) => {
    const line = trimLine(raw);
    return TRAILER_START_PATTERNS.some((re) => re.test(line)) || prefixes.some((p) => line.startsWith(p));
  });
  return at < 0 ? [...lines] : lines.slice(0, at);
}

/** Removes web links inside a line (they may be kept as catalog metadata, never in passage text). */
export function stripUrls(text: string): string {
  return text.replace(/(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+/g, '');
}

/** Removes a reprint credit such as "(来源:《解放日报》,作者为…,原标题为《…》)" or "(作者单位:…)". */
export function stripSourceCredits(text: string): string {
  return text.replace(/[（(](?:来源|作者单位|作者系|本文来源)[:：][^（()）]*[）)]/g, '');
}

/** Removes a "导语:" lead label; the lead itself is usually repeated as the first paragraph and deduplicated later. */
export function stripLeadLabel(text: string): string {
  return text.replace(/^(?:导语|导读|摘要)[:：]\s*/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Print artefacts

/** A page header: page number then a short column name, e.g. "6 理论之窗". */
const PAGE_HEADER = /^\d{1,3}\s+[\u4e00-\u9fff]{2,8}$/;
/** A continuation note, e.g. "（下转第102页）" or "(上接第3版)". */
const CONTINUATION = /[（(](?:下转|上接|接|转)(?:第\s*)?\d+\s*[页版][）)]/g;
const CONTINUATION_LINE = /^[（(](?:下转|上接|接|转)(?:第\s*)?\d+\s*[页版][）)]$/;
/** A footnote marker, e.g. "^[3]" (also bare "[3]" after punctuation). */
const FOOTNOTE = /\^\[\d{1,3}\]|(?<=[。！？；”」])\[\d{1,3}\]/g;

/** A page number on a line of its own: "- 3 -", "— 3 —", "3", "第3页 共10页", "3/10", "Page 3 of 10". */
const PAGE_NUMBER =
  /^(?:[-—–－·•]?\s*\d{1,4}\s*[-—–－·•]?|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** True for a whole line that is a print artefact: a page header, a page number or a continuation note. */
export function isPrintArtefactLine(line: string): boolean {
  const text = trimLine(line);
  return PAGE_HEADER.test(text) || PAGE_NUMBER.test(text) || CONTINUATION_LINE.test(text);
}

/** Removes continuation notes and footnote markers inside a line. */
export function stripPrintArtefacts(text: string): string {
  return text.replace(CONTINUATION, '').replace(FOOTNOTE, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Stray tokens

/**
 * Removes a run of three or more lowercase Latin letters wedged between Chinese text or punctuation and a digit or
 * Chinese character, e.g. the site watermark "baoku" in "x.x亿元。baoku1893年". Runs of x are anonymisation
 * placeholders and are kept.
 */
export function removeStrayTokens(text: string): string {
  return text.replace(/(?<=[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff,.;:])([a-z]{3,})(?=[0-9\u4e00-\u9fff])/g, (m) =>
    /^x+$/.test(m) ? m : '',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Header lines (title, byline, source repeated above the body)

export interface HeaderInfo {
  title: string;
  /** Title printed over several lines, e.g. main title and subtitle. */
  titleParts?: readonly string[];
  author?: string | null;
  source?: string | null;
  via?: string | null;
}

/** Strips a column tag such as "【新视点】" from a title line. */
export function stripColumnTag(line: string): string {
  return line.replace(/^【[^】]{1,10}】\s*/, '');
}

function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * True for a line that only repeats the article's title (or a part of it), byline or source — pages print these
 * above the body, sometimes more than once (002 repeats its title three times).
 */
export function isHeaderLine(line: string, info: HeaderInfo): boolean {
  const text = squash(stripColumnTag(trimLine(line)));
  if (!text) return false;
  // A title printed over two lines ("坚持精准方略 践行庄严承诺" / "奋力夺取…") shows each line as a piece of it.
  if (text.length >= 4 && squash(info.title).includes(text)) return true;
  const candidates = [...(info.titleParts ?? [])];
  for (const value of [info.author, info.source, info.via]) if (value) candidates.push(value);
  return candidates.some((c) => c.length >= 2 && squash(c) === text);
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraph structure

/** True when a paragraph ends a sentence (terminator, optionally followed by closing quotes), or a colon lead-in. */
export function endsSentence(paragraph: string): boolean {
  const text = trimLine(paragraph);
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  if (i < 0) return false;
  const ch = text[i]!;
  // A closing quote or bracket alone also ends a paragraph such as "(作者单位:…)" or a quoted slogan.
  return SENTENCE_END.includes(ch) || ch === '…' || ch === ':' || ch === '：' || i < text.length - 1;
}

/**
 * Joins hard breaks: a paragraph that does not end a sentence continues in the next one (003 prints "有机衔" and
 * "接的有效途径" as separate paragraphs). Headings never join, and nothing joins into a heading. The join adds no
 * space: Chinese words split across lines join directly.
 */
export function joinHardBreaks(paragraphs: readonly string[], isHeading: (p: string) => boolean): string[] {
  const out: string[] = [];
  let carry: string | null = null;
  for (const p of paragraphs) {
    if (carry !== null && !isHeading(p)) {
      const joined: string = carry + p;
      carry = null;
      if (endsSentence(joined)) out.push(joined);
      else carry = joined;
      continue;
    }
    if (carry !== null) {
      out.push(carry);
      carry = null;
    }
    if (!isHeading(p) && !endsSentence(p)) carry = p;
    else out.push(p);
  }
  if (carry !== null) out.push(carry);
  return out;
}

/**
 * Drops a paragraph whose text is already contained in an earlier one (003 prints a ~1,000-character block twice;
 * 004 repeats its lead). A long paragraph also counts as repeated when all but a few characters at either end are
 * contained: 003's copy starts "《办法》," where the original reads "…实施办法》,", an OCR seam. Short paragraphs are
 * compared exactly and very short ones (headings) never: the same short line may recur legitimately.
 */
export function dropDuplicateParagraphs(paragraphs: readonly string[], minLength = 20): string[] {
  const kept: string[] = [];
  const seen: string[] = [];
  const seam = 4;
  for (const p of paragraphs) {
    const key = squash(p);
    const core = key.length >= 60 ? key.slice(seam, key.length - seam) : key;
    if (key.length >= minLength && seen.some((s) => s.includes(core))) continue;
    kept.push(p);
    seen.push(key);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------------
// Pipeline

export interface CleanOptions extends HeaderInfo {
  /** Catalog `chromeLines`: exact lines or /regex/ strings. */
  chromeLines?: readonly string[];
  /** Catalog `trailerFrom` prefixes. */
  trailerFrom?: readonly string[];
  /** Heading test used by the hard-break join. */
  isHeading: (paragraph: string) => boolean;
}

/** Compiles catalog chrome entries: "/…/flags" is a regex, anything else an exact (trimmed) line. */
export function chromeMatcher(entries: readonly string[]): (line: string) => boolean {
  const tests = entries.map((entry) => {
    const m = /^\/(.+)\/([a-z]*)$/.exec(entry);
    if (m) {
      const re = new RegExp(m[1]!, m[2]);
      return (line: string) => re.test(line);
    }
    return (line: string) => line === entry;
  });
  return (line) => tests.some((t) => t(line));
}

/**
 * Runs every rule over an article's raw lines and returns its cleaned paragraphs (headings included, one per entry).
 * Order matters: trailers and whole chrome lines go first so the join never glues furniture onto body text.
 */
export function cleanArticleLines(lines: readonly string[], options: CleanOptions): string[] {
  const isCatalogChrome = chromeMatcher(options.chromeLines ?? []);
  const paragraphs = cutTrailer(lines, options.trailerFrom)
    .map(trimLine)
    .filter((l) => l !== '')
    .filter((l) => !isWebChromeLine(l) && !isPrintArtefactLine(l) && !isCatalogChrome(l))
    .filter((l) => !isHeaderLine(l, options))
    .map((l) => trimLine(removeStrayTokens(stripLeadLabel(stripSourceCredits(stripUrls(stripPrintArtefacts(l)))))))
    .filter((l) => l !== '');
  return dropDuplicateParagraphs(joinHardBreaks(paragraphs, options.isHeading));
}
