/**
 * Presentation helpers every renderer shares, so Slack, Feishu and the console say the same words.
 * They return raw text: each renderer escapes it for its own markup.
 */
import type { Digest } from '../digest/types.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2026-11-22" → "11月22日 星期日". The date is a calendar date, so it is read in UTC to avoid zone shifts. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${WEEKDAYS[day.getUTCDay()]}`;
}

/** "每日一读 · 人才振兴 · 11月22日 星期日" */
export function digestHeading(digest: Pick<Digest, 'date' | 'theme'>): string {
  return `每日一读 · ${digest.theme.name} · ${formatChineseDate(digest.date)}`;
}

/** "《title》· section", or "《title》" when the passage has no section. */
export function sourceLine(p: { title: string; section: string | null }): string {
  return p.section ? `《${p.title}》· ${p.section}` : `《${p.title}》`;
}

/**
 * Cuts text to at most `max` characters at the last sentence end (。！？；) that fits, adding "…".
 * Falls back to a hard cut when no sentence end fits. Counts UTF-16 units, as the platforms' limits do.
 */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const ends = [...room.matchAll(/[。！？；!?;][”’」』)]?/gu)];
  const last = ends.at(-1);
  if (last && last.index !== undefined && last.index + last[0].length >= room.length / 3) {
    return `${room.slice(0, last.index + last[0].length)}…`;
  }
  // Never split a surrogate pair.
  let cut = room;
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
