/**
 * Buttons in DingTalk robot messages are `dtmd://dingtalkclient/sendMessage` links (see docs/dingtalk.md): a click
 * makes the user's client send the link's text, as the user, in the chat the message is in (the private chat
 * with the bot). These are the texts the links carry and their parser; anything else a user sends is a command.
 *
 *   分享 002-014 群 cidXXXX== 1a2b3c4d5e6f      share a passage into the group the search came from
 *   第2页 人才振兴 [群 cidXXXX== 1a2b3c4d5e6f]   another page (the group part keeps share links working)
 *   第1页 主题 生态 […]                         a theme listing
 *   👍 002-014 人才振兴                          a vote (👎 likewise) on a result for that normalised query
 */
import { themeInfo } from '../corpus/types.js';
import { resolveTheme } from '../router/parse-command.js';
import type { PageRef, VoteRef } from '../router/view-model.js';
import { TAG_CHARS } from './sign.js';

/** The group a private result list belongs to, with its tag for this user. */
export interface GroupRef {
  conversationId: string;
  tag: string;
}

export type LinkCommand =
  | { kind: 'share'; passageId: string; group: GroupRef }
  | { kind: 'page'; ref: PageRef; group: GroupRef | undefined }
  | { kind: 'vote'; ref: VoteRef };

const GROUP = `群\\s+(\\S+)\\s+([0-9a-f]{${TAG_CHARS}})`;
const SHARE = new RegExp(`^分享\\s+(\\d{3}-\\d{3,})\\s+${GROUP}$`);
const VOTE = /^(👍|👎)\s+(\d{3}-\d{3,})\s+(.{1,1000})$/su;
const PAGE = new RegExp(`^第(\\d{1,4})页\\s+(.+?)(?:\\s+${GROUP})?$`, 's');

const groupSuffix = (g: GroupRef | undefined) => (g ? ` 群 ${g.conversationId} ${g.tag}` : '');

export function shareText(passageId: string, group: GroupRef): string {
  return `分享 ${passageId}${groupSuffix(group)}`;
}

export function pageText(ref: PageRef, group: GroupRef | undefined): string {
  const what = ref.kind === 'search' ? ref.query : `主题 ${themeInfo(ref.theme).short}`;
  return `第${ref.page}页 ${what}${groupSuffix(group)}`;
}

/** What a 👍/👎 link sends: the vote, the passage and the vote key (ResultsView.voteQuery). */
export function voteText(value: 'up' | 'down', passageId: string, query: string): string {
  return `${value === 'up' ? '👍' : '👎'} ${passageId} ${query}`;
}

/** A markdown link that, clicked, sends `text` from the user's client. */
export function dtmdLink(label: string, text: string): string {
  return `[${label}](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(text)})`;
}

/** The link command a message text is, or null for an ordinary command. */
export function parseLinkText(text: string): LinkCommand | null {
  const share = SHARE.exec(text);
  if (share) {
    return { kind: 'share', passageId: share[1] as string, group: { conversationId: share[2] as string, tag: share[3] as string } };
  }
  const vote = VOTE.exec(text);
  if (vote) {
    return { kind: 'vote', ref: { value: vote[1] === '👍' ? 'up' : 'down', passageId: vote[2] as string, query: (vote[3] as string).trim() } };
  }
  const page = PAGE.exec(text);
  if (!page) return null;
  const n = Number(page[1]);
  if (n < 1) return null;
  const what = (page[2] as string).trim();
  const group = page[3] ? { conversationId: page[3], tag: page[4] as string } : undefined;
  const theme = /^主题\s+(\S+)$/.exec(what);
  const info = theme ? resolveTheme(theme[1] as string) : undefined;
  const ref: PageRef = info ? { kind: 'theme', theme: info.id, page: n } : { kind: 'search', query: what, page: n };
  return { kind: 'page', ref, group };
}
