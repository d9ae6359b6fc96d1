/**
 * Ports and adapters: the core (corpus, search, digest, router) must not reach a platform SDK or the cron
 * library, directly or through a relative import of another module.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORE_DIRS = ['src/corpus', 'src/search', 'src/digest', 'src/router', 'src/feedback', 'src/library'];
const FORBIDDEN = [/^@slack\//, /^@larksuiteoapi\//, /^dingtalk-stream$/, /^node-cron$/];
/** The platform kit (shared adapter machinery) is platform-neutral too. */
const KIT_DIRS = ['src/platform'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3]) as string);
  return specs;
}

function resolveRelative(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every forbidden package reachable from `file`, with the chain of files that leads to it. */
function violations(file: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (f: string, chain: string[]) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const spec of importsOf(readFileSync(f, 'utf8'))) {
      if (spec.startsWith('.')) {
        const next = resolveRelative(f, spec);
        if (next) walk(next, [...chain, path.relative(ROOT, next)]);
      } else if (FORBIDDEN.some((re) => re.test(spec))) {
        found.push(`${[...chain].join(' → ')} imports ${spec}`);
      }
    }
  };
  walk(file, [path.relative(ROOT, file)]);
  return found;
}

describe('core boundary', () => {
  it('src/corpus, src/search, src/digest, src/router, src/feedback and src/library never reach @slack/*, @larksuiteoapi/* or node-cron', () => {
    const files = CORE_DIRS.filter((d) => existsSync(path.join(ROOT, d))).flatMap((d) => tsFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('src/platform (the kit every adapter shares) never reaches a platform SDK or node-cron', () => {
    const files = KIT_DIRS.flatMap((d) => tsFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('the checker follows relative imports to a forbidden package (so the test above can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zx-boundary-'));
    writeFileSync(path.join(dir, 'core.ts'), `import { render } from './helper.js';\n`);
    writeFileSync(path.join(dir, 'helper.ts'), `import type { App } from '@slack/bolt';\nexport const render = 1;\n`);
    expect(violations(path.join(dir, 'core.ts'))).toEqual([
      `${path.relative(ROOT, path.join(dir, 'core.ts'))} → ${path.relative(ROOT, path.join(dir, 'helper.ts'))} imports @slack/bolt`,
    ]);
  });

  it('the import scanner sees static, dynamic, type-only and side-effect imports', () => {
    expect(importsOf(`import { App } from '@slack/bolt';\nimport cron from "node-cron";\nconst m = await import('@larksuiteoapi/node-sdk');`)).toEqual([
      '@slack/bolt',
      'node-cron',
      '@larksuiteoapi/node-sdk',
    ]);
    expect(importsOf(`import type { X } from './x.js';\nexport { y } from '../y.js';\nimport './side-effect.js';`)).toEqual([
      './x.js',
      '../y.js',
      './side-effect.js',
    ]);
  });
});
