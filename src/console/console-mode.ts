/**
 * Console mode: what `npm start` opens when no chat platform's credentials are set. It reads the same commands as
 * the slash command from standard input, one per line, prints what the chat would show, and ends at end of input.
 * The page buttons of a chat become words: `下一页` / `n`, `上一页` / `p`, `第2页`. On a terminal, lines can be edited
 * and earlier ones recalled with ↑ (readline's history).
 */
import { createInterface } from 'node:readline';
import type { PageRef, ResultsView, Router, View } from '../router/view-model.js';
import { renderText } from './render-text.js';

export interface ConsoleOptions {
  router: Router;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** ANSI colour; default: output is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** Show a prompt and a greeting, and edit lines with history (terminals). Default: input is a TTY. */
  interactive?: boolean;
  /** Lines of history kept for ↑ in interactive mode. Default 100. */
  historySize?: number;
}

/** A paging word: which page to show relative to the last results, or an absolute page. */
export type PageMove = { step: 1 | -1 } | { page: number };

const NEXT = /^(?:下一页|下页|n|next)$/i;
const PREV = /^(?:上一页|上页|p|prev|previous)$/i;
const PAGE_N = /^(?:第\s*(\d{1,4})\s*页|(?:page|p)\s*(\d{1,4}))$/i;

/** Reads a console line as a paging word, or null when it is a command for the router. */
export function parsePageMove(line: string): PageMove | null {
  const t = line.normalize('NFKC').trim();
  if (NEXT.test(t)) return { step: 1 };
  if (PREV.test(t)) return { step: -1 };
  const m = PAGE_N.exec(t);
  if (m) return { page: Number(m[1] ?? m[2]) };
  return null;
}

/** The page reference of another page of the same results. */
function refFor(view: ResultsView, page: number): PageRef | null {
  if (view.mode === 'search') return { kind: 'search', query: view.query, page };
  return view.theme ? { kind: 'theme', theme: view.theme.id, page } : null;
}

const say = (zh: string, en: string): View => ({ kind: 'message', lang: 'zh', tone: 'info', message: { zh, en } });

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, input, output } = options;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const color = options.color ?? (Boolean((output as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR);
  const write = (s: string) => output.write(s);
  if (interactive) {
    write('振兴 Zhenxing 控制台：输入关键词搜索，输入“帮助”查看命令，“下一页”/n 翻页，Ctrl-D 退出。\n');
    write('Console mode: type a query, "help" for commands, n / p to page, Ctrl-D to quit.\n');
  }
  // On a terminal readline owns the line: cursor keys edit it, ↑/↓ walk the history.
  const rl = createInterface({
    input,
    ...(interactive ? { output, terminal: true, historySize: options.historySize ?? 100 } : { terminal: false }),
    crlfDelay: Infinity,
  });
  rl.setPrompt('> ');
  if (interactive) rl.prompt();

  // The last results shown with at least one page, for the paging words.
  let last: ResultsView | undefined;

  async function answer(line: string): Promise<View> {
    const move = parsePageMove(line);
    if (!move) return router.handle(line, { platform: 'console' });
    if (!last) return say('还没有可以翻页的结果：先输入关键词搜索，例如 人才振兴。', 'Nothing to page yet: search first, e.g. 人才振兴.');
    const page = 'page' in move ? move.page : last.page + move.step;
    if (page < 1) return say('已经是第一页了。', 'This is the first page.');
    if (page > last.pageCount) {
      return say(`已经是最后一页了（共 ${last.pageCount} 页）。`, `That was the last page (${last.pageCount} in all).`);
    }
    const ref = refFor(last, page);
    return ref ? router.page(ref, { platform: 'console' }) : say('无法翻页，请重新搜索。', 'Cannot page; please search again.');
  }

  for await (const line of rl) {
    if (line.trim() !== '') {
      const view = await answer(line);
      if (view.kind === 'results' && view.total > 0 && view.items.length > 0) last = view;
      write(`${renderText(view, { color, pagingHint: true })}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  if (interactive) write('\n');
}
