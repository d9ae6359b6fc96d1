/**
 * Calendar dates for the digest: which day it is in DIGEST_TZ, and which theme a day belongs to.
 * Dates are plain 'YYYY-MM-DD' strings; arithmetic goes through a day number (days since 1970-01-01) so that no
 * time zone or DST can shift a date.
 */
import { THEME_IDS, type ThemeId } from '../corpus/types.js';
import { DigestError } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Formatters are costly to build; one per time zone is enough. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(timeZone: string, instant: Date): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date (YYYY-MM-DD) that `now` falls on in `timeZone`, e.g. todayIn('Asia/Shanghai', new Date()). */
export function todayIn(timeZone: string, now: Date): string {
  const p = zonedParts(timeZone, now);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` h:m:s. Where DST skips that time, the instant
 * just after the gap; where it repeats, the first.
 */
export function zonedTimeToInstant(timeZone: string, date: string, hour: number, minute: number, second: number): Date {
  const day = dayNumber(date);
  const wanted = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  // Guess with the zone's offset at the wanted wall time read as UTC, then correct once for an offset change.
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(timeZone, new Date(guess));
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    const diff = wanted - seen;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

/** Parses 'YYYY-MM-DD' into a day number (days since 1970-01-01); throws DigestError BAD_DATE naming the value. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC rolls 2025-02-30 over into March; a real calendar date reads back unchanged.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return Math.floor(ms / MS_PER_DAY);
    }
    throw new DigestError('BAD_DATE', {
      zh: `日期 "${date}" 不存在，请用真实的日期，例如 2025-06-01`,
      en: `date "${date}" does not exist; use a real date such as 2025-06-01`,
    });
  }
  throw new DigestError('BAD_DATE', {
    zh: `日期 "${date}" 格式不对，应为 YYYY-MM-DD，例如 2025-06-01`,
    en: `date "${date}" is not YYYY-MM-DD, e.g. 2025-06-01`,
  });
}

/** The 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/**
 * The theme of a date: the five themes in their fixed order (industry, talent, culture, ecology, organization),
 * one a day, so any five consecutive dates cover all five. 1970-01-01 is industry.
 */
export function themeOfDate(date: string): ThemeId {
  return THEME_IDS[mod(dayNumber(date), THEME_IDS.length)] as ThemeId;
}

/**
 * How many times the date's theme has come round before: 0 for the first five days from 1970-01-01, then 1 …
 * Consecutive occurrences of a theme have consecutive rounds, which is what keeps passages from repeating.
 */
export function roundOfDate(date: string): number {
  return Math.floor(dayNumber(date) / THEME_IDS.length);
}
