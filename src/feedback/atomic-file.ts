/**
 * Small helpers for the feedback files under DATA_DIR: an atomic write (temp file, fsync, rename) and a stat-based
 * check of whether another process replaced a file since it was last read.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** Writes `text` to `file` so that readers see the old or the new contents, never half of either. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

/** File identity: an atomic rename brings a new inode, an append a new size. */
export interface FileVersion {
  ino: number;
  mtimeMs: number;
  size: number;
}

/** The file's version, or undefined when it does not exist. */
export async function versionOf(file: string): Promise<FileVersion | undefined> {
  try {
    const st = await fs.stat(file);
    return { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export const sameVersion = (a: FileVersion | undefined, b: FileVersion | undefined): boolean =>
  a === b || (!!a && !!b && a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size);
