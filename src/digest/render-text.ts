/**
 * The digest as plain text, the way a reader would see it, for `zhenxing digest` without --json and for logs.
 * No markup and no colour: the CLI may pipe it anywhere.
 */
import type { Digest } from './types.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2025-06-01" → "2025年6月1日 星期日" (read in UTC: it is a calendar date, not an instant). */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${WEEKDAYS[day.getUTCDay()]}`;
}

function source(p: { title: string; section: string | null }): string {
  return p.section ? `《${p.title}》· ${p.section}` : `《${p.title}》`;
}

/**
 * Heading, the lead passage, the others marked "延伸阅读", each followed by its source, then the key terms:
 *
 *     每日一读 · 人才振兴 · 2025年6月1日 星期日
 *
 *     …lead passage…
 *     ——《title》· section
 *     …
 */
export function renderDigestText(digest: Digest): string {
  const lines: string[] = [`每日一读 · ${digest.theme.name} · ${chineseDate(digest.date)}`];
  digest.passages.forEach((p, i) => {
    lines.push('');
    if (i === 1) lines.push('延伸阅读', '');
    lines.push(p.text.trim(), `——${source(p)}`);
  });
  if (digest.keywords.length > 0) lines.push('', `今日关键词：${digest.keywords.join('、')}`);
  return `${lines.join('\n')}\n`;
}
