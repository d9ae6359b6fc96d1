/**
 * What a card button carries back in its callback (`card.action.trigger` → `action.value`). Values hold a
 * passage id or a page reference only, never text to run: a forged callback can at most ask for a known
 * passage or a page of results.
 */
import { decodePageRef, encodePageRef, type PageRef } from '../router/view-model.js';

export type ActionValue =
  /**
   * Post the passage into the chat as a quote. `pick`: the card is in a private chat, so first ask which group chat
   * (one that both the bot and the user are in) to share into.
   */
  | { action: 'share'; id: string; pick?: 1 }
  /** The group chat picker of a private chat: the chosen chat id arrives as the callback's `action.option`. */
  | { action: 'share_to'; id: string }
  /**
   * Replace the card with another page (also used by suggestion and theme buttons); `ref` is an encoded PageRef.
   * `eph`: the card is an ephemeral one (仅对你可见) in a group, which is redrawn by sending the next page and deleting it.
   */
  | { action: 'page'; ref: string; eph?: 1 }
  /** 👍/👎 on a result: `q` the vote key (ResultsView.voteQuery), `p` the passage id. */
  | { action: 'feedback_up'; q: string; p: string }
  | { action: 'feedback_down'; q: string; p: string };

/** Upper bound on any string a callback may carry back (queries are capped far below this by the engine). */
export const MAX_VALUE_CHARS = 2000;

export const shareValue = (id: string): ActionValue => ({ action: 'share', id });
export const pageValue = (ref: PageRef): ActionValue => ({ action: 'page', ref: encodePageRef(ref) });
export const voteValue = (dir: 'up' | 'down', query: string, passageId: string): ActionValue =>
  dir === 'up' ? { action: 'feedback_up', q: query, p: passageId } : { action: 'feedback_down', q: query, p: passageId };

/** Whether a button for this page can be made: its value must stay within what parseActionValue accepts. */
export const fitsButton = (ref: PageRef): boolean => encodePageRef(ref).length <= MAX_VALUE_CHARS;

/** Reads a callback value; null for anything this bot did not put on a button. */
export function parseActionValue(value: unknown): ActionValue | null {
  let v = value;
  // Some clients deliver the value as a JSON string.
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_VALUE_CHARS;
  if (o.action === 'share' && str(o.id)) return o.pick === 1 ? { action: 'share', id: o.id, pick: 1 } : { action: 'share', id: o.id };
  if (o.action === 'share_to' && str(o.id)) return { action: 'share_to', id: o.id };
  if (o.action === 'feedback_up' && str(o.q) && str(o.p)) return { action: 'feedback_up', q: o.q, p: o.p };
  if (o.action === 'feedback_down' && str(o.q) && str(o.p)) return { action: 'feedback_down', q: o.q, p: o.p };
  if (o.action === 'page' && str(o.ref)) return o.eph === 1 ? { action: 'page', ref: o.ref, eph: 1 } : { action: 'page', ref: o.ref };
  return null;
}

/** Where a card is shown, as its buttons need to know: an ephemeral card in a group, or a private chat. */
export type CardPlace = 'ephemeral' | 'p2p';

/**
 * The card with its buttons marked for where it is shown: page buttons of an ephemeral card redraw it by delete and
 * send; share buttons in a private chat ask which group to share into. Renderers stay place-free; this is applied
 * once, where the card is sent.
 */
export function markButtons<C extends { body: { elements: unknown[] } }>(card: C, place: CardPlace): C {
  const walk = (elements: unknown[]) => {
    for (const el of elements as Record<string, unknown>[]) {
      if (el.tag === 'column_set') {
        for (const col of (el.columns ?? []) as { elements?: unknown[] }[]) walk(col.elements ?? []);
        continue;
      }
      if (el.tag !== 'button') continue;
      for (const b of (el.behaviors ?? []) as { value?: ActionValue }[]) {
        const v = b.value;
        if (place === 'ephemeral' && v?.action === 'page') b.value = { ...v, eph: 1 };
        if (place === 'p2p' && v?.action === 'share') b.value = { ...v, pick: 1 };
      }
    }
  };
  walk(card.body.elements);
  return card;
}

/** The PageRef of a page action, or null when it is malformed. */
export function pageRefOf(value: { action: 'page'; ref: string }): PageRef | null {
  return decodePageRef(value.ref);
}

export { suggestionRef } from '../router/parse-command.js';
