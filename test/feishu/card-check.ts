/**
 * Structural checks of a Feishu card JSON 2.0 as this bot builds it, so tests fail on a malformed card
 * instead of Feishu rejecting it in production (error 230099).
 */
import { parseActionValue } from '../../src/feishu/actions.js';
import { CARD_BYTE_LIMIT, cardBytes, type Card } from '../../src/feishu/render/index.js';

const ELEMENT_TAGS = new Set(['markdown', 'hr', 'button', 'column_set', 'select_static']);
const TEMPLATES = new Set(['blue', 'wathet', 'turquoise', 'green', 'orange', 'red', 'carmine', 'violet', 'grey']);

type Element = Record<string, unknown>;

/** Every element, including buttons inside column sets. */
export function elementsOf(card: Card): Element[] {
  const out: Element[] = [];
  const walk = (els: unknown[]) => {
    for (const e of els as Element[]) {
      out.push(e);
      if (e.tag === 'column_set') {
        for (const col of (e.columns ?? []) as Element[]) walk((col.elements ?? []) as unknown[]);
      }
    }
  };
  walk(card.body.elements);
  return out;
}

export const markdownOf = (card: Card): string =>
  elementsOf(card)
    .filter((e) => e.tag === 'markdown')
    .map((e) => String(e.content))
    .join('\n');

export interface CardButton {
  label: string;
  value: Record<string, unknown>;
}

export function buttonsOf(card: Card): CardButton[] {
  return elementsOf(card)
    .filter((e) => e.tag === 'button')
    .map((e) => ({
      label: String((e.text as { content: unknown }).content),
      value: ((e.behaviors as { value: Record<string, unknown> }[])[0] ?? { value: {} }).value,
    }));
}

/** Problems found, as sentences; [] for a good card. */
export function cardProblems(card: Card): string[] {
  const problems: string[] = [];
  if (card.schema !== '2.0') problems.push(`schema is ${String(card.schema)}`);
  if (card.config.update_multi !== true) problems.push('config.update_multi must be true for updatable cards');
  if (card.header.title.tag !== 'plain_text' || card.header.title.content.trim() === '') problems.push('empty title');
  if (!TEMPLATES.has(card.header.template)) problems.push(`unknown header template ${card.header.template}`);
  const bytes = cardBytes(card);
  if (bytes > CARD_BYTE_LIMIT) problems.push(`card is ${bytes} bytes, over Feishu's ${CARD_BYTE_LIMIT}`);
  for (const e of elementsOf(card)) {
    if (!ELEMENT_TAGS.has(String(e.tag))) problems.push(`unknown element ${String(e.tag)}`);
    if (e.tag === 'markdown' && (typeof e.content !== 'string' || e.content.trim() === '')) problems.push('empty markdown');
    if (e.tag === 'markdown' && /\*{4}/.test(String(e.content))) problems.push(`"****" in markdown: ${String(e.content)}`);
    if (e.tag === 'button') {
      const behaviors = e.behaviors as { type: string; value: unknown }[] | undefined;
      if (!behaviors || behaviors.length !== 1 || behaviors[0]?.type !== 'callback') problems.push('button without callback');
      else if (!parseActionValue(behaviors[0].value)) problems.push(`button value not ours: ${JSON.stringify(behaviors[0].value)}`);
    }
  }
  return problems;
}
