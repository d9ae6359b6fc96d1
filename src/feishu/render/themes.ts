import type { ThemeId, ThemeInfo } from '../../corpus/types.js';

/** Tag colours per theme (Feishu text_tag colour names), so a theme looks the same on every card. */
export const THEME_COLORS: Record<ThemeId, string> = {
  industry: 'orange',
  talent: 'red',
  culture: 'violet',
  ecology: 'green',
  organization: 'blue',
};

/** `<text_tag>` for a theme; the name is ours (corpus/types THEMES), never user text. */
export function themeTag(theme: ThemeInfo): string {
  return `<text_tag color='${THEME_COLORS[theme.id]}'>${theme.name}</text_tag>`;
}
