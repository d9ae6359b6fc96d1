/**
 * File errors said the way an operator can act on them: which file, what went wrong, what to do. Used by every
 * store under DATA_DIR (the state file, its lock, the seen-keys files).
 */
import path from 'node:path';

/** What to do about a file error, by errno. */
export function fileErrorHint(code: string | undefined, file: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding ${path.dirname(file)} is full: free space there (DATA_DIR)`;
    case 'EISDIR':
      return `${file} is a directory: remove it (the bot recreates the file)`;
    case 'ENOTDIR':
      return `a part of ${path.dirname(file)} is a file, not a directory: set DATA_DIR to a directory`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `the bot may not write ${file}: make DATA_DIR writable for the bot's user`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files: raise the limit (ulimit -n)';
    default:
      return `check that DATA_DIR (${path.dirname(file)}) is a writable directory`;
  }
}

/** A file operation that failed, naming the file, the errno and what to do. `code` is the errno (ENOSPC …). */
export class FileError extends Error {
  readonly code: string;
  constructor(readonly file: string, doing: string, cause: unknown) {
    const errno = (cause as NodeJS.ErrnoException | null)?.code;
    super(`could not ${doing} ${file} (${errno ?? (cause as Error)?.message ?? String(cause)}): ${fileErrorHint(errno, file)}`);
    this.name = 'FileError';
    this.code = errno ?? 'EUNKNOWN';
  }
}
