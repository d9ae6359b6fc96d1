/**
 * A real pino logger whose lines the test can read (parsed JSON), for asserting what an operator would see.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/observability/logger.js';

export interface CapturedLogger {
  logger: Logger;
  lines: Record<string, unknown>[];
  /** Messages (`msg`) of the lines at `level` (pino numbers: 40 warn, 50 error). */
  messages(level?: number): string[];
}

export function captureLogger(level = 'debug'): CapturedLogger {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      cb();
    },
  });
  // pino writes synchronously to a plain Writable, so lines are readable as soon as the call returns.
  const logger = createLogger({ level, destination });
  return {
    logger,
    lines,
    messages: (lvl) => lines.filter((l) => lvl === undefined || l.level === lvl).map((l) => String(l.msg)),
  };
}
