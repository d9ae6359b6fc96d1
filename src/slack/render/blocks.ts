/**
 * Small Block Kit builders that keep every field inside Slack's limits. They take text that is already safe:
 * mrkdwn arguments must be escaped by the caller (see mrkdwn.ts); plain-text arguments are never parsed by Slack.
 */
import type { types } from '@slack/bolt';
import type { Lang } from '../../router/view-model.js';
import { LIMITS } from './limits.js';
import { clampPlain } from './mrkdwn.js';

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** What every renderer returns: blocks plus the plain fallback Slack uses for notifications. */
export interface SlackMessage {
  blocks: Block[];
  text: string;
}

/** Chinese, with the English added when the user wrote English. */
export function say(lang: Lang, zh: string, en: string, sep = ' '): string {
  return lang === 'en' ? `${zh}${sep}${en}` : zh;
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clampPlain(text, LIMITS.headerText), emoji: true } };
}

/**
 * A mrkdwn section. `verbatim` stops Slack from turning bare channel names and URLs in corpus text into links;
 * explicit `<@U…>` mentions we write ourselves still work.
 */
export function section(mrkdwn: string, accessory?: ButtonElement): types.SectionBlock {
  const block: types.SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: clampMrkdwn(mrkdwn, LIMITS.sectionText), verbatim: true },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

export function context(...mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: clampMrkdwn(text, LIMITS.sectionText), verbatim: true })),
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): ButtonElement | null {
  // A value over the limit would make Slack reject the whole message; dropping the button keeps the rest.
  if (value.length > LIMITS.buttonValue || actionId.length > LIMITS.actionId) return null;
  const b: ButtonElement = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clampPlain(label, LIMITS.buttonText), emoji: true },
    value,
  };
  if (style) b.style = style;
  return b;
}

export function actions(elements: (ButtonElement | null)[]): types.ActionsBlock | null {
  const present = elements.filter((e): e is ButtonElement => e !== null).slice(0, LIMITS.actionsElements);
  return present.length > 0 ? { type: 'actions', elements: present } : null;
}

/**
 * Last-resort guard for mrkdwn that is already escaped: cuts at `max` without splitting an entity (&amp;),
 * a surrogate pair or a `<@U…>` mention. Renderers budget their text so this rarely cuts anything.
 */
export function clampMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/&[a-z]{0,4}$/, '').replace(/<[^>]*$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Keeps a message within the block limit (the last block is kept: it holds the buttons). */
export function capBlocks(blocks: (Block | null)[]): Block[] {
  const present = blocks.filter((b): b is Block => b !== null);
  if (present.length <= LIMITS.blocks) return present;
  const last = present.at(-1) as Block;
  return [...present.slice(0, LIMITS.blocks - 1), last];
}

/** The top-level fallback text (mrkdwn-parsed by Slack too, so the caller escapes it). */
export function fallback(text: string): string {
  return clampMrkdwn(text, LIMITS.fallbackText);
}
