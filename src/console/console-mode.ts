/**
 * Console mode: what `npm start` opens when no Slack or Feishu credentials are set. It reads the same commands as
 * the slash command from standard input, one per line, prints what the chat would show, and ends at end of input.
 */
import { createInterface } from 'node:readline';
import type { Router } from '../router/view-model.js';
import { renderText } from './render-text.js';

export interface ConsoleOptions {
  router: Router;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** ANSI colour; default: output is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** Show a prompt and a greeting (interactive terminals). */
  interactive?: boolean;
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, input, output } = options;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const color = options.color ?? (Boolean((output as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR);
  const write = (s: string) => output.write(s);
  if (interactive) {
    write('振兴 Zhenxing 控制台：输入关键词搜索，输入“帮助”查看命令，Ctrl-D 退出。\n');
    write('Console mode: type a query, "help" for commands, Ctrl-D to quit.\n> ');
  }
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) {
    if (line.trim() !== '') {
      const view = await router.handle(line, { platform: 'console' });
      write(`${renderText(view, { color })}\n\n`);
    }
    if (interactive) write('> ');
  }
  if (interactive) write('\n');
}
