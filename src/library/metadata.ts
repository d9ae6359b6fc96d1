/**
 * Metadata read from a document's own text: title, date, issuer and document number (文号). Government documents
 * print these in a few fixed places — the title and 文号 at the top, the issuer and date as a signature at the end
 * or in brackets under the title — so the search looks there, not through the body.
 */

export interface TextMetadata {
  title: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** Issuing body, e.g. 中共中央 国务院 or xx县人民政府. */
  issuer: string | null;
  /** Document number, e.g. 中发〔2023〕1号. */
  docNumber: string | null;
  /**
   * Lines that hold only metadata (title, 文号, date, issuer signature): the cleaner drops them so they neither join
   * the body as a hard break nor show up in passages.
   */
  metaLines: string[];
}

/** How far from either end of the text metadata is looked for, in lines. */
const HEAD_LINES = 12;
const TAIL_LINES = 6;

/** 中发〔2023〕1号, 国办发〔2021〕45号, 湘政办发[2023]5号. */
export const DOC_NUMBER = /(?:[\u4e00-\u9fff]|x(?=[x\u4e00-\u9fff])){1,10}[〔［[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d{1,4}\s*号/;

const DATE_PATTERNS: readonly RegExp[] = [
  /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
  /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/,
];

/** The first full date in a string as YYYY-MM-DD, or null (2023年1月16日, 2023-01-16, 2023/1/16, 2023.1.16). */
export function findDate(text: string): string | null {
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** A line that is only a date, perhaps in brackets, perhaps after 发布/印发 or 日期: "（2023年1月2日）". */
function isDateLine(line: string): boolean {
  const rest = line
    .replace(DATE_PATTERNS[0]!, '')
    .replace(DATE_PATTERNS[1]!, '')
    .replace(/[\s\u3000（）()〔〕\[\]:：]|发布日期|成文日期|印发日期|发布时间|日期|时间|发布|印发|\d{1,2}:\d{2}(?::\d{2})?/g, '');
  return rest === '' && findDate(line) !== null;
}

/** Names of issuing bodies end like this (中共中央, 国务院, …人民政府, …委员会, …办公厅, …农业农村局). */
const ISSUER_END = /(?:中共中央|国务院|人民政府|委员会|办公厅|办公室|党委|党组|政府|[部局厅委办署院])$/;

/** A short line of one or more body names separated by spaces: "中共中央 国务院", "xx县人民政府办公室". */
function isIssuerLine(line: string): boolean {
  if (line.length > 40 || /[，。；！？,.;!?：:]/.test(line)) return false;
  const parts = line.split(/[\s\u3000]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.length >= 2 && p.length <= 24 && ISSUER_END.test(p) && /^[\u4e00-\u9fffx（）()]+$/.test(p));
}

/** Kinds of official documents a title ends with; a title printed over two lines ends with one. */
const TITLE_END = /(?:意见|通知|方案|规划|办法|决定|报告|纲要|条例|规定|计划|公告|通报|批复|函|细则|要点|决议|讲话|指南|措施)$/;

/** A line fit to be a title: short, no sentence inside, not a date, number or link. */
function isTitleCandidate(line: string): boolean {
  if (line.length < 4 || line.length > 80) return false;
  if (/[。！？；;!?]/.test(line.slice(0, -1))) return false;
  if (/^(?:https?:|www\.)/i.test(line) || isDateLine(line) || DOC_NUMBER.test(line) && line.replace(DOC_NUMBER, '').trim() === '') return false;
  return /[\u4e00-\u9fffA-Za-z]/.test(line);
}

/** The issuer named at the start of a title: "中共中央 国务院关于…的意见" → 中共中央 国务院. */
function issuerFromTitle(title: string): string | null {
  const m = /^(.{2,40}?)关于/.exec(title);
  if (!m) return null;
  const candidate = (m[1] as string).trim();
  return isIssuerLine(candidate) ? candidate : null;
}

/**
 * Reads the metadata of a document from its lines (trimmed, blank lines removed). `titleHint` is a title the format
 * gives (the Word Title style, a page's `<title>`, a Markdown heading); it wins when present.
 */
export function extractMetadata(
  lines: readonly string[],
  titleHint: string | null = null,
  dateHint: string | null = null,
): TextMetadata {
  const metaLines: string[] = [];
  const head = lines.slice(0, HEAD_LINES);
  const tail = lines.slice(Math.max(0, lines.length - TAIL_LINES));
  // A letterhead ("xx县农业农村局文件") names the issuer; it is not the title.
  const letterhead = head.slice(0, 3).find((l) => /文件$/.test(l) && isIssuerLine(l.replace(/文件$/, '')));
  if (letterhead) metaLines.push(letterhead);

  let docNumber: string | null = null;
  for (const line of [...head, ...tail]) {
    const m = DOC_NUMBER.exec(line);
    if (!m) continue;
    docNumber = m[0].replace(/\s+/g, '');
    if (line.length <= m[0].length + 4) metaLines.push(line);
    break;
  }

  let title = titleHint?.trim() || null;
  if (title) {
    // The title printed in the text too (maybe over two lines) is metadata there.
    head.forEach((line, i) => {
      const squashed = line.replace(/\s+/g, '');
      if (squashed.length >= 4 && title!.replace(/\s+/g, '').includes(squashed) && i < 6) metaLines.push(line);
    });
  } else {
    const candidate = (l: string) => isTitleCandidate(l) && !isIssuerLine(l) && !metaLines.includes(l);
    // An official document's title names its kind (…的通知) or opens with 关于; else the first fitting line.
    let at = head.findIndex((l, i) => candidate(l) && (/关于/.test(l) || TITLE_END.test(l) || TITLE_END.test(head[i + 1] ?? '')));
    if (at < 0) at = head.findIndex(candidate);
    if (at >= 0) {
      let t = head[at] as string;
      metaLines.push(t);
      const next = head[at + 1];
      // A long title wraps: "中共中央 国务院关于做好2023年全面推进乡村振兴" + "重点工作的意见".
      if (next && !TITLE_END.test(t) && TITLE_END.test(next) && next.length <= 40 && isTitleCandidate(next)) {
        t += next;
        metaLines.push(next);
      }
      title = t;
    }
  }

  let date: string | null = dateHint;
  const dateLine = [...head, ...[...tail].reverse()].find(isDateLine);
  if (dateLine) {
    date ??= findDate(dateLine);
    metaLines.push(dateLine);
  } else if (!date) {
    for (const line of head) {
      date = findDate(line);
      if (date) break;
    }
  }

  let issuer = title ? issuerFromTitle(title) : null;
  if (letterhead) issuer ??= letterhead.replace(/文件$/, '');
  const issuerLine = [...head.slice(0, 6), ...tail].find(isIssuerLine);
  if (issuerLine) {
    issuer ??= issuerLine.replace(/[\s\u3000]+/g, ' ');
    metaLines.push(issuerLine);
  }
  return { title, date, issuer, docNumber, metaLines: [...new Set(metaLines)] };
}
