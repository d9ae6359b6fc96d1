/**
 * `zhenxing search --batch --json` fed a file of hostile lines: other tools pipe whole files through it, so every
 * line must come back as exactly one JSON object, in order, whatever the line holds — and never a stack trace.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { MARKUP, PROTO, REGEX, hostileText, hugeText } from './hostile.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(input);
  });
}

/** A line of the file: anything but the line breaks readline splits on. */
const line = fc.oneof({ weight: 20, arbitrary: hostileText(10) }, { weight: 1, arbitrary: hugeText }).map((s) => s.replace(/[\r\n]/g, ' '));

describe('zhenxing search --batch --json on a hostile file', { timeout: 90_000 }, () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('answers every line with one JSON object, in order', async () => {
    const seed = Date.now() ^ (Math.random() * 2 ** 31);
    const lines = [
      '',
      ' ',
      '\u3000',
      '人才振兴',
      ...PROTO,
      ...MARKUP.slice(0, 8),
      ...REGEX.slice(0, 8),
      '振'.repeat(20_000),
      ...fc.sample(line, { numRuns: 150, seed }),
    ];
    const r = await run(['search', '--batch', '--json', '--limit', '3'], `${lines.join('\n')}\n`);
    const context = `fast-check seed ${seed}; stderr: ${r.stderr.slice(0, 500)}`;
    expect(r.code, context).toBe(0);
    const outs = r.stdout.split('\n');
    expect(outs.pop(), context).toBe('');
    expect(outs, context).toHaveLength(lines.length);
    outs.forEach((out, i) => {
      const obj = JSON.parse(out) as { query: unknown; results: unknown; total?: unknown; error?: unknown };
      // What the CLI read back from UTF-8: lone surrogates arrive as U+FFFD.
      const typed = Buffer.from(lines[i] ?? '', 'utf8').toString('utf8');
      expect(obj.query, `${context}; line ${i + 1}`).toBe(typed);
      expect(Array.isArray(obj.results), `${context}; line ${i + 1}`).toBe(true);
      if (obj.error !== undefined) {
        expect(typeof obj.error).toBe('string');
        expect(obj.error as string).not.toMatch(/\n\s+at |\b[A-Z][A-Za-z]*Error\b/);
      } else {
        expect(typeof obj.total).toBe('number');
      }
    });
  });
});
