/**
 * Console mode as a person uses it: paging words after a search, and on a terminal, line editing and ↑ history.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parsePageMove, runConsole } from '../../src/console/console-mode.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createRouter } from '../../src/router/router.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

function router() {
  const corpus = getSharedCorpus();
  return createRouter({
    engine: getSharedEngine(),
    corpus,
    planner: createDigestPlanner(corpus),
    timezone: 'Asia/Shanghai',
    now: () => new Date('2026-11-22T02:00:00Z'),
  });
}

/** Runs the console over the given input; resolves with everything it printed. */
async function run(input: NodeJS.ReadableStream, interactive?: boolean): Promise<string> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  await runConsole({ router: router(), input, output, color: false, ...(interactive === undefined ? {} : { interactive }) });
  return printed;
}

/** The "第 x/y 页" of every results heading printed, in order. */
const pagesShown = (printed: string) => [...printed.matchAll(/^搜索：(\S+)\s+共 \d+ 条 · 第 (\d+)\/(\d+) 页$/gm)].map((m) => `${m[1]} ${m[2]}/${m[3]}`);

describe('console paging', () => {
  it('reads the paging words', () => {
    expect(['下一页', 'n', 'N', 'next', '下页'].map(parsePageMove)).toEqual(Array(5).fill({ step: 1 }));
    expect(['上一页', 'p', 'prev'].map(parsePageMove)).toEqual(Array(3).fill({ step: -1 }));
    expect(['第2页', '第 2 页', '第２页', 'page 2', 'p2'].map(parsePageMove)).toEqual(Array(5).fill({ page: 2 }));
    expect(['人才', 'nn', '第二页x', '下一页 人才'].map(parsePageMove)).toEqual([null, null, null, null]);
  });

  it('turns the pages of the last search with 下一页 / n, 上一页 / p and 第N页, and says where the ends are', async () => {
    const printed = await run(Readable.from(['n\n人才振兴\n下一页\nn\n上一页\np\np\n第3页\n第999页\n']));
    const total = /共 \d+ 条 · 第 1\/(\d+) 页/.exec(printed)?.[1];
    expect(Number(total)).toBeGreaterThanOrEqual(3);
    expect(pagesShown(printed)).toEqual([1, 2, 3, 2, 1, 3].map((p) => `人才振兴 ${p}/${total}`));
    expect(printed.startsWith('还没有可以翻页的结果：先输入关键词搜索，例如 人才振兴。')).toBe(true);
    expect(printed).toContain('已经是第一页了。');
    expect(printed).toContain(`已经是最后一页了（共 ${total} 页）。`);
    expect(printed).toContain(`（第 1/${total} 页：输入 n（下一页）、“第N页”翻页）`);
    expect(printed).toContain(`（第 2/${total} 页：输入 n（下一页）、p（上一页）、“第N页”翻页）`);
    expect(printed).toMatch(/^6\. 《/m);
  });

  it('pages a theme listing too', async () => {
    const printed = await run(Readable.from(['主题 生态\nn\n']));
    expect([...printed.matchAll(/^主题：生态振兴\s+共 \d+ 条 · 第 (\d+)\/\d+ 页$/gm)].map((m) => m[1])).toEqual(['1', '2']);
  });
});

describe('console on a terminal', () => {
  it('edits the line and recalls earlier lines with ↑', async () => {
    const input = new PassThrough() as PassThrough & { isTTY?: boolean };
    input.isTTY = true;
    const done = run(input, true);
    // "abc", three backspaces, then 生态 and Enter; then ↑ and Enter runs 生态 again.
    input.write('abc\x7f\x7f\x7f生态\r');
    await new Promise((r) => setTimeout(r, 50));
    input.write('\x1b[A\r');
    await new Promise((r) => setTimeout(r, 50));
    input.end();
    const printed = await done;
    expect(printed).toContain('Console mode: type a query, "help" for commands, n / p to page, Ctrl-D to quit.');
    expect(printed.match(/^搜索：生态\s+共/gm)).toHaveLength(2);
    expect(printed).not.toContain('搜索：abc');
  });
});
