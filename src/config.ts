/**
 * Configuration: read once from the environment, validated by zod into one typed object. Each problem becomes
 * one line that names the variable and where to find its value, so a newcomer can fix it without the source.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import { z } from 'zod';

export type ConfigErrorCode = 'CONFIG_INVALID';

export class ConfigError extends Error {
  readonly code: ConfigErrorCode = 'CONFIG_INVALID';
  /** One line per problem. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Where each secret lives in the platforms' settings, quoted in every error line that names it. */
export const WHERE = {
  SLACK_BOT_TOKEN: 'Slack app settings → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-)',
  SLACK_SIGNING_SECRET: 'Slack app settings → Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN:
    'Slack app settings → Basic Information → App-Level Tokens, a token with the connections:write scope (starts with xapp-)',
  FEISHU_APP_ID: 'Feishu developer console → your app → Credentials & Basic Info → App ID (starts with cli_)',
  FEISHU_APP_SECRET: 'Feishu developer console → your app → Credentials & Basic Info → App Secret',
  FEISHU_ENCRYPT_KEY: 'Feishu developer console → your app → Events & Callbacks → Encryption Strategy → Encrypt Key',
  FEISHU_VERIFICATION_TOKEN:
    'Feishu developer console → your app → Events & Callbacks → Encryption Strategy → Verification Token',
  DINGTALK_CLIENT_ID:
    'DingTalk developer console (open-dev.dingtalk.com) → your app → Credentials & Basic Info → Client ID (AppKey)',
  DINGTALK_CLIENT_SECRET:
    'DingTalk developer console (open-dev.dingtalk.com) → your app → Credentials & Basic Info → Client Secret (AppSecret)',
} as const;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Default location of the seed texts and catalog: the package's own seeds/ directory. */
export const DEFAULT_SEEDS_DIR = path.join(PACKAGE_ROOT, 'seeds');

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s));

const idList = optionalString.transform((s) =>
  s === undefined
    ? []
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
);

const bool = (name: string, dflt: boolean) =>
  optionalString.transform((s, ctx) => {
    if (s === undefined) return dflt;
    const v = s.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${s}"` });
    return z.NEVER;
  });

const urlString = (name: string) =>
  optionalString.refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), {
    message: `${name} must be an http(s) URL`,
  });

const envSchema = z.object({
  PORT: optionalString.transform((s, ctx) => {
    if (s === undefined) return 3000;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      ctx.addIssue({ code: 'custom', message: `PORT must be a whole number from 0 to 65535, got "${s}"` });
      return z.NEVER;
    }
    return n;
  }),
  HOST: optionalString,
  DATA_DIR: optionalString,
  STATE_URL: optionalString.refine((s) => s === undefined || isRedisUrl(s), {
    message: 'STATE_URL must be a Redis URL, redis://host:port[/db] (rediss:// for TLS), e.g. redis://redis:6379/0',
  }),
  SEEDS_DIR: optionalString,
  LIBRARY_DIR: optionalString,
  ADMIN_USERS: idList,
  LOG_LEVEL: optionalString.refine(
    (s) => s === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(s),
    { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' },
  ),
  SLACK_BOT_TOKEN: optionalString.refine((s) => s === undefined || /^xoxb-/.test(s), {
    message: `SLACK_BOT_TOKEN must start with xoxb-; find it in ${WHERE.SLACK_BOT_TOKEN}`,
  }),
  SLACK_SIGNING_SECRET: optionalString.refine((s) => s === undefined || /^[A-Za-z0-9]{16,}$/.test(s), {
    message: `SLACK_SIGNING_SECRET looks malformed (expected 16+ letters and digits); find it in ${WHERE.SLACK_SIGNING_SECRET}`,
  }),
  SLACK_APP_TOKEN: optionalString.refine((s) => s === undefined || /^xapp-/.test(s), {
    message: `SLACK_APP_TOKEN must start with xapp-; find it in ${WHERE.SLACK_APP_TOKEN}`,
  }),
  SLACK_API_URL: urlString('SLACK_API_URL'),
  DIGEST_CRON: optionalString.refine((s) => s === undefined || cron.validate(s), {
    message: 'DIGEST_CRON is not a valid cron expression (five fields, or six with seconds), e.g. "30 8 * * *"',
  }),
  DIGEST_TZ: optionalString.refine((s) => s === undefined || isValidTimeZone(s), {
    message: 'DIGEST_TZ is not a known IANA time zone, e.g. "Asia/Shanghai"',
  }),
  DIGEST_CHANNELS: idList,
  DIGEST_CATCH_UP: bool('DIGEST_CATCH_UP', true),
  FEISHU_APP_ID: optionalString,
  FEISHU_APP_SECRET: optionalString,
  FEISHU_MODE: optionalString.refine((s) => s === undefined || s === 'ws' || s === 'http', {
    message: 'FEISHU_MODE must be "ws" (long connection) or "http" (request URL)',
  }),
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_VERIFICATION_TOKEN: optionalString,
  FEISHU_DOMAIN: urlString('FEISHU_DOMAIN'),
  FEISHU_DIGEST_CHATS: idList,
  DINGTALK_CLIENT_ID: optionalString,
  DINGTALK_CLIENT_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_MODE: optionalString.refine((s) => s === undefined || s === 'stream' || s === 'http', {
    message: 'DINGTALK_MODE must be "stream" (Stream mode, no public URL) or "http" (HTTP callback at /dingtalk/events)',
  }),
  DINGTALK_API_URL: urlString('DINGTALK_API_URL'),
  DINGTALK_DIGEST_CHATS: idList,
});

export interface SlackConfig {
  botToken: string;
  /** Absent in Socket Mode, where Slack does not sign requests. */
  signingSecret: string | undefined;
  /** Present: Socket Mode. */
  appToken: string | undefined;
  socketMode: boolean;
  apiUrl: string | undefined;
  digestChannels: string[];
}

export interface FeishuConfig {
  appId: string;
  appSecret: string;
  mode: 'ws' | 'http';
  encryptKey: string | undefined;
  verificationToken: string | undefined;
  domain: string | undefined;
  digestChats: string[];
}

export interface DingTalkConfig {
  /** AppKey. */
  clientId: string;
  /** AppSecret: also the key of the HTTP callback's `sign` header. */
  clientSecret: string;
  /** The robot's code; DingTalk gives an internal app's robot its client id unless it says otherwise. */
  robotCode: string;
  mode: 'stream' | 'http';
  /** OpenAPI base without a trailing slash (also the Stream gateway's host). */
  apiUrl: string;
  /** openConversationIds that always get the daily reading. */
  digestChats: string[];
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** STATE_URL: state in Redis, shared by replicas. Undefined: the state file under dataDir. */
  stateUrl: string | undefined;
  seedsDir: string;
  /** Where added documents live: LIBRARY_DIR, default DATA_DIR/library. */
  libraryDir: string;
  /** ADMIN_USERS: chat user ids (Slack user ids, Feishu open_ids, DingTalk staff ids) who may add documents by sending a file. */
  adminUsers: string[];
  logLevel: string;
  digest: { cron: string; timezone: string; catchUp: boolean };
  /** Null when no Slack credentials are set: Slack does not start. */
  slack: SlackConfig | null;
  /** Null when no Feishu credentials are set: Feishu does not start. */
  feishu: FeishuConfig | null;
  /** Null when no DingTalk credentials are set: DingTalk does not start. */
  dingtalk: DingTalkConfig | null;
}

/** True for redis://host[:port][/db] or rediss://…, with an optional user:password@. */
export function isRedisUrl(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  return (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '' && /^(\/\d*)?$/.test(u.pathname) && !u.search;
}

/** True for an IANA time zone name the runtime knows, e.g. Asia/Shanghai. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Credentials that must come together: one line per missing variable, naming where to find it. */
function missingCredentials(env: NodeJS.ProcessEnv): string[] {
  const value = (name: string) => (env[name] ?? '').trim();
  const has = (name: string) => value(name) !== '';
  const problems: string[] = [];
  if (has('SLACK_BOT_TOKEN') || has('SLACK_SIGNING_SECRET') || has('SLACK_APP_TOKEN')) {
    if (!has('SLACK_BOT_TOKEN')) problems.push(`SLACK_BOT_TOKEN is missing; find it in ${WHERE.SLACK_BOT_TOKEN}`);
    // HTTP mode verifies every request with the signing secret; Socket Mode does not need it.
    if (!has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
      problems.push(
        `SLACK_SIGNING_SECRET is missing (needed in HTTP mode; set SLACK_APP_TOKEN for Socket Mode instead); find it in ${WHERE.SLACK_SIGNING_SECRET}`,
      );
    }
  }
  if (has('FEISHU_APP_ID') || has('FEISHU_APP_SECRET')) {
    if (!has('FEISHU_APP_ID')) problems.push(`FEISHU_APP_ID is missing; find it in ${WHERE.FEISHU_APP_ID}`);
    if (!has('FEISHU_APP_SECRET')) problems.push(`FEISHU_APP_SECRET is missing; find it in ${WHERE.FEISHU_APP_SECRET}`);
    if (value('FEISHU_MODE') === 'http' && !has('FEISHU_ENCRYPT_KEY') && !has('FEISHU_VERIFICATION_TOKEN')) {
      problems.push(
        `FEISHU_MODE=http needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN; find them in ${WHERE.FEISHU_ENCRYPT_KEY}`,
      );
    }
  }
  if (has('DINGTALK_CLIENT_ID') || has('DINGTALK_CLIENT_SECRET')) {
    if (!has('DINGTALK_CLIENT_ID')) problems.push(`DINGTALK_CLIENT_ID is missing; find it in ${WHERE.DINGTALK_CLIENT_ID}`);
    if (!has('DINGTALK_CLIENT_SECRET')) {
      problems.push(`DINGTALK_CLIENT_SECRET is missing; find it in ${WHERE.DINGTALK_CLIENT_SECRET}`);
    }
  }
  return problems;
}

/**
 * Parses the environment into a Config. Throws ConfigError listing every problem, one line each.
 * @param env - usually process.env
 * @param cwd - resolves a relative DATA_DIR
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  // Presence checks need only the raw values, so a malformed variable and a missing one are reported together.
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  problems.push(...missingCredentials(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  const slack: SlackConfig | null = e.SLACK_BOT_TOKEN
    ? {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        socketMode: Boolean(e.SLACK_APP_TOKEN),
        apiUrl: e.SLACK_API_URL,
        digestChannels: e.DIGEST_CHANNELS,
      }
    : null;
  const feishu: FeishuConfig | null =
    e.FEISHU_APP_ID && e.FEISHU_APP_SECRET
      ? {
          appId: e.FEISHU_APP_ID,
          appSecret: e.FEISHU_APP_SECRET,
          mode: (e.FEISHU_MODE ?? 'ws') as 'ws' | 'http',
          encryptKey: e.FEISHU_ENCRYPT_KEY,
          verificationToken: e.FEISHU_VERIFICATION_TOKEN,
          domain: e.FEISHU_DOMAIN,
          digestChats: e.FEISHU_DIGEST_CHATS,
        }
      : null;

  const dataDir = path.resolve(cwd, e.DATA_DIR ?? 'data');
  const dingtalk: DingTalkConfig | null =
    e.DINGTALK_CLIENT_ID && e.DINGTALK_CLIENT_SECRET
      ? {
          clientId: e.DINGTALK_CLIENT_ID,
          clientSecret: e.DINGTALK_CLIENT_SECRET,
          robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_CLIENT_ID,
          mode: (e.DINGTALK_MODE ?? 'stream') as 'stream' | 'http',
          apiUrl: (e.DINGTALK_API_URL ?? 'https://api.dingtalk.com').replace(/\/+$/, ''),
          digestChats: e.DINGTALK_DIGEST_CHATS,
        }
      : null;

  return {
    port: e.PORT,
    host: e.HOST ?? '0.0.0.0',
    dataDir,
    stateUrl: e.STATE_URL,
    seedsDir: e.SEEDS_DIR ? path.resolve(cwd, e.SEEDS_DIR) : DEFAULT_SEEDS_DIR,
    libraryDir: e.LIBRARY_DIR ? path.resolve(cwd, e.LIBRARY_DIR) : path.join(dataDir, 'library'),
    adminUsers: e.ADMIN_USERS,
    logLevel: e.LOG_LEVEL ?? 'info',
    digest: {
      cron: e.DIGEST_CRON ?? '30 8 * * *',
      timezone: e.DIGEST_TZ ?? 'Asia/Shanghai',
      catchUp: e.DIGEST_CATCH_UP,
    },
    slack,
    feishu,
    dingtalk,
  };
}
