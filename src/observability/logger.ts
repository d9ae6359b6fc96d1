/**
 * Structured JSON logs (pino). Secrets are redacted wherever they appear under these keys, so a logged config,
 * request or error never prints a token.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Keys whose values are secrets, wherever they sit. */
const SECRET_KEYS = [
  'botToken',
  'appToken',
  'signingSecret',
  'appSecret',
  'encryptKey',
  'verificationToken',
  'token',
  'authorization',
];

/**
 * pino redacts by path, and a `*` matches one level only: each key is listed at the top and up to three levels
 * down, so `{ config }` (config.slack.botToken) and `{ app: { config } }` are covered too.
 */
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'zhenxing',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'zhenxing' },
    },
    options.destination,
  );
}
