/**
 * Errors raised while adding, reading or removing library documents. Each has a `code`, a friendly Chinese and
 * English message for chat users, and names the file or id at fault.
 */

export type LibraryErrorCode =
  /** The file's extension is not one of .txt, .md, .html/.htm, .docx, .pdf. */
  | 'UNSUPPORTED_TYPE'
  /** The file has no bytes, or no text at all once extracted and cleaned. */
  | 'EMPTY_FILE'
  /** The file is larger than the size limit. */
  | 'TOO_LARGE'
  /** The file cannot be parsed as its type says (a truncated PDF, a .docx that is not a zip). */
  | 'CORRUPT_FILE'
  /** The file is password-protected. */
  | 'ENCRYPTED'
  /** A PDF without a text layer (a scan). */
  | 'NO_TEXT_LAYER'
  /** The file cannot be read (missing, a directory, no permission). */
  | 'UNREADABLE'
  /** No library document has this id. */
  | 'NOT_FOUND'
  /** The id names a built-in seed, which cannot be removed. */
  | 'SEED_NOT_REMOVABLE'
  /** A metadata flag has a bad value (e.g. --date 2023-13-01). */
  | 'BAD_METADATA';

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  /** Friendly Chinese message. */
  readonly zh: string;
  /** Friendly English message. */
  readonly en: string;
  constructor(code: LibraryErrorCode, zh: string, en: string, options?: { cause?: unknown }) {
    super(`${zh} (${en})`, options);
    this.name = 'LibraryError';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const libraryErrors = {
  unsupported: (name: string, ext: string) =>
    new LibraryError(
      'UNSUPPORTED_TYPE',
      `不支持的文件类型 ${ext || '（无扩展名）'}：${name}。可以添加 .txt、.md、.html、.docx 或 .pdf 文件。`,
      `Unsupported file type ${ext || '(no extension)'}: ${name}. Supported: .txt, .md, .html, .docx, .pdf.`,
    ),
  empty: (name: string) =>
    new LibraryError('EMPTY_FILE', `文件是空的，没有可添加的文字：${name}。`, `The file is empty, there is no text to add: ${name}.`),
  tooLarge: (name: string, bytes: number, max: number) =>
    new LibraryError(
      'TOO_LARGE',
      `文件太大（${mb(bytes)}），上限为 ${mb(max)}：${name}。`,
      `The file is too large (${mb(bytes)}; the limit is ${mb(max)}): ${name}.`,
    ),
  corrupt: (name: string, kind: 'PDF' | 'Word' | 'HTML' | 'text' | 'Markdown', cause?: unknown) =>
    new LibraryError(
      'CORRUPT_FILE',
      `无法读取这个${kind === 'text' ? '文本' : kind}文件，可能已损坏：${name}。`,
      `Cannot read this ${kind} file; it may be damaged: ${name}.`,
      { cause },
    ),
  encrypted: (name: string) =>
    new LibraryError(
      'ENCRYPTED',
      `文件设置了密码保护，无法读取：${name}。请去掉密码后再添加。`,
      `The file is password-protected: ${name}. Remove the password and add it again.`,
    ),
  noTextLayer: (name: string) =>
    new LibraryError(
      'NO_TEXT_LAYER',
      `这个 PDF 没有文字层（可能是扫描件），无法提取文字：${name}。请先做文字识别（OCR）再添加。`,
      `This PDF has no text layer (probably a scan), so no text can be extracted: ${name}. Run OCR on it first.`,
    ),
  unreadable: (name: string, cause?: unknown) =>
    new LibraryError('UNREADABLE', `无法打开文件：${name}。`, `Cannot open the file: ${name}.`, { cause }),
  notFound: (id: string) =>
    new LibraryError(
      'NOT_FOUND',
      `文库里没有编号为 ${id} 的文档。可用 zhenxing docs 查看编号。`,
      `No library document has the id ${id}. See the ids with zhenxing docs.`,
    ),
  seedNotRemovable: (id: string) =>
    new LibraryError(
      'SEED_NOT_REMOVABLE',
      `${id} 是内置文献，不能删除；只能删除添加的文档。`,
      `${id} is a built-in text and cannot be removed; only added documents can.`,
    ),
  badDate: (value: string) =>
    new LibraryError(
      'BAD_METADATA',
      `日期格式应为 YYYY-MM-DD，例如 2023-01-16，收到的是“${value}”。`,
      `The date must be YYYY-MM-DD, e.g. 2023-01-16; got "${value}".`,
    ),
};
