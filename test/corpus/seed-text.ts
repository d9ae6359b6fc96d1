/** Test helper: the real seed files, read as `cat -n` numbers their lines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeNewlines } from '../../src/corpus/clean.js';
import { PACKAGE_SEEDS_DIR } from '../../src/corpus/index.js';

export const SEED_FILES: Readonly<Record<string, string>> = {
  '000': '000_1f7ee783817c361d.txt',
  '001': '001_31f5609d2355be6f.txt',
  '002': '002_23f14b91816eb4d2.txt',
  '003': '003_ea861a122b1cfd48.txt',
  '004': '004_179341d704dc42fe.txt',
};

/** The whole raw text of a seed. */
export function seedText(docId: string): string {
  const file = SEED_FILES[docId];
  if (!file) throw new Error(`no seed ${docId}`);
  return normalizeNewlines(readFileSync(path.join(PACKAGE_SEEDS_DIR, file), 'utf8'));
}

/** Line `n` (1-based, as `cat -n` prints it) of a seed. */
export function seedLine(docId: string, n: number): string {
  const line = seedText(docId).split('\n')[n - 1];
  if (line === undefined) throw new Error(`seed ${docId} has no line ${n}`);
  return line;
}

/** Lines from..to (inclusive, 1-based) of a seed. */
export function seedLines(docId: string, from: number, to: number): string[] {
  return seedText(docId).split('\n').slice(from - 1, to);
}
