/**
 * Structured JSON logs (pino). Secrets are redacted wherever they appear under these keys, so a logged config,
 * request or error never prints a token.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'botToken',
  'appToken',
  'signingSecret',
  'appSecret',
  'encryptKey',
  'verificationToken',
  'token',
  'authorization',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.appSecret',
  '*.encryptKey',
  '*.verificationToken',
  '*.token',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
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
