/**
 * What a card button carries back in its callback (`card.action.trigger` → `action.value`). Values hold a
 * passage id or a page reference only, never text to run: a forged callback can at most ask for a known
 * passage or a page of results.
 */
import { decodePageRef, encodePageRef, type PageRef } from '../router/view-model.js';

export type ActionValue =
  /** Post the passage into the chat as a quote. */
  | { action: 'share'; id: string }
  /** Replace the card with another page (also used by suggestion and theme buttons); `ref` is an encoded PageRef. */
  | { action: 'page'; ref: string };

/** Upper bound on any string a callback may carry back (queries are capped far below this by the engine). */
export const MAX_VALUE_CHARS = 2000;

export const shareValue = (id: string): ActionValue => ({ action: 'share', id });
export const pageValue = (ref: PageRef): ActionValue => ({ action: 'page', ref: encodePageRef(ref) });

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
  if (o.action === 'share' && str(o.id)) return { action: 'share', id: o.id };
  if (o.action === 'page' && str(o.ref)) return { action: 'page', ref: o.ref };
  return null;
}

/** The PageRef of a page action, or null when it is malformed. */
export function pageRefOf(value: { action: 'page'; ref: string }): PageRef | null {
  return decodePageRef(value.ref);
}

export { suggestionRef } from '../router/parse-command.js';
