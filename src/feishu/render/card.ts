/**
 * Feishu card JSON 2.0 building blocks and the size guard. Renderers in this folder are pure functions from
 * a View to a Card; nothing here talks to Feishu.
 */
import type { Lang } from '../../router/view-model.js';
import type { ActionValue } from '../actions.js';
import { inline, plain, truncate } from './markdown.js';

export interface PlainText {
  tag: 'plain_text';
  content: string;
}

export type HeaderTemplate = 'blue' | 'wathet' | 'turquoise' | 'green' | 'orange' | 'red' | 'carmine' | 'violet' | 'grey';

export interface MarkdownElement {
  tag: 'markdown';
  content: string;
  text_size?: 'normal' | 'notation' | 'heading';
}

export interface HrElement {
  tag: 'hr';
}

export interface ButtonElement {
  tag: 'button';
  text: PlainText;
  type: 'default' | 'primary' | 'primary_filled';
  size: 'small' | 'medium';
  behaviors: { type: 'callback'; value: ActionValue }[];
}

export interface ColumnSetElement {
  tag: 'column_set';
  /** `flow` wraps buttons onto the next line on narrow (mobile) screens. */
  flex_mode: 'flow' | 'none';
  horizontal_spacing: string;
  columns: { tag: 'column'; width: 'auto'; elements: ButtonElement[] }[];
}

/** A drop-down whose choice is sent in the callback as `action.option`. */
export interface SelectElement {
  tag: 'select_static';
  placeholder: PlainText;
  options: { text: PlainText; value: string }[];
  behaviors: { type: 'callback'; value: ActionValue }[];
}

export type CardElement = MarkdownElement | HrElement | ButtonElement | ColumnSetElement | SelectElement;

export interface Card {
  schema: '2.0';
  config: {
    /** Required for cards that are updated from callbacks (every JSON 2.0 card is shared-update). */
    update_multi: true;
    /** The preview shown in the chat list. */
    summary?: { content: string };
  };
  header: { title: PlainText; subtitle?: PlainText; template: HeaderTemplate };
  body: { elements: CardElement[] };
}

/** Feishu rejects card messages whose content is larger than 30 KB. */
export const CARD_BYTE_LIMIT = 30 * 1024;

/** What renderers aim for: below the limit with room for the request's own encoding of the content string. */
export const CARD_BYTE_BUDGET = 28 * 1024;

/** Size of the card as sent: the UTF-8 bytes of its JSON (the `content` field of the message). */
export function cardBytes(card: Card): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Per-passage character limits tried in turn until the card fits; Infinity first (show everything). */
const TEXT_LIMITS = [Infinity, 1200, 600, 300, 160, 80, 40];

/**
 * Builds the card with the largest per-text character limit that keeps it within CARD_BYTE_BUDGET. Passages
 * are the only unbounded text on a card, so shortening them is enough.
 */
export function fitCard(build: (textLimit: number) => Card): Card {
  let built: Card | undefined;
  for (const limit of TEXT_LIMITS) {
    built = build(limit);
    if (cardBytes(built) <= CARD_BYTE_BUDGET) return built;
  }
  return built as Card;
}

export const text = (content: string, limit?: number): PlainText => ({ tag: 'plain_text', content: plain(content, limit) });

export const md = (content: string, size?: MarkdownElement['text_size']): MarkdownElement =>
  size ? { tag: 'markdown', content, text_size: size } : { tag: 'markdown', content };

export const hr = (): HrElement => ({ tag: 'hr' });

export function button(label: string, value: ActionValue, type: ButtonElement['type'] = 'default'): ButtonElement {
  return { tag: 'button', text: text(label, 40), type, size: 'small', behaviors: [{ type: 'callback', value }] };
}

/** Buttons side by side. */
export function buttonRow(buttons: ButtonElement[]): ColumnSetElement {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: '8px',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}

export function card(options: {
  title: string;
  subtitle?: string;
  template: HeaderTemplate;
  summary?: string;
  elements: CardElement[];
}): Card {
  const c: Card = {
    schema: '2.0',
    config: { update_multi: true },
    header: { title: text(options.title, 120), template: options.template },
    body: { elements: options.elements },
  };
  if (options.subtitle) c.header.subtitle = text(options.subtitle, 120);
  if (options.summary) c.config.summary = { content: plain(options.summary, 100) };
  return c;
}

/** Chinese, with the English after it when the user wrote English. Both halves are our own text. */
export function bilingual(lang: Lang, zh: string, en: string, sep = ' / '): string {
  return lang === 'en' ? `${zh}${sep}${en}` : zh;
}

/** Characters of a message (which may quote the user's query) shown on a card. */
const MESSAGE_CHARS = 1000;

/** The same for markdown, one line each, both halves escaped and cut (messages may quote the user's query). */
export function bilingualMd(lang: Lang, zh: string, en: string): string {
  const one = (s: string) => inline(truncate(s, MESSAGE_CHARS));
  return lang === 'en' ? `${one(zh)}\n${one(en)}` : one(zh);
}
