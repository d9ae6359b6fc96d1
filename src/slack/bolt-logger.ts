/**
 * Bolt's Logger interface over our pino logger, so Bolt's and the web client's lines are JSON like ours and
 * pass through the same secret redaction. Bolt sets its own level on the logger it is given; that threshold is
 * applied on top of pino's.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export function createBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let base = logger.child({ component: 'bolt' });
  let threshold = level;

  function emit(at: LogLevel, args: unknown[]): void {
    if (ORDER[at] < ORDER[threshold]) return;
    const err = args.find((a): a is Error => a instanceof Error);
    const msg = args
      .filter((a) => a !== err)
      .map((a) => (typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
    const fields = err ? { err } : {};
    switch (at) {
      case LogLevel.DEBUG:
        base.debug(fields, msg);
        break;
      case LogLevel.INFO:
        base.info(fields, msg);
        break;
      case LogLevel.WARN:
        base.warn(fields, msg);
        break;
      case LogLevel.ERROR:
        base.error(fields, msg);
        break;
    }
  }

  return {
    debug: (...args: unknown[]) => emit(LogLevel.DEBUG, args),
    info: (...args: unknown[]) => emit(LogLevel.INFO, args),
    warn: (...args: unknown[]) => emit(LogLevel.WARN, args),
    error: (...args: unknown[]) => emit(LogLevel.ERROR, args),
    setLevel(next: LogLevel) {
      threshold = next;
    },
    getLevel() {
      return threshold;
    },
    setName(name: string) {
      base = logger.child({ component: name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
