/**
 * Checks a rendered Slack message against Block Kit's limits and our escaping rule, returning the problems found
 * (an empty list means the message is fine). Used by the renderer tests and the end-to-end tests.
 */
import type { SlackMessage } from '../../src/slack/render/index.js';

interface AnyObj {
  [k: string]: unknown;
}

/** All mrkdwn strings in a message (section texts, context elements, fallback text). */
export function mrkdwnTexts(message: { blocks?: unknown[]; text?: string }): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as AnyObj;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) visit(v);
  };
  visit(message.blocks ?? []);
  if (typeof message.text === 'string') out.push(message.text);
  return out;
}

/** `<` is only allowed to open our own mention (<@U…>) or a link (<https://…|label>). */
export function unescapedControl(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(/<([^>]*)>?/g)) {
    if (/^@[UW][A-Z0-9]+$/.test(m[1] ?? '') || /^https?:\/\/[^\s<>|]+\|[^<>]*$/.test(m[1] ?? '')) continue;
    bad.push(m[0]);
  }
  // A bare & that does not start an entity.
  for (const m of text.matchAll(/&(?!amp;|lt;|gt;)/g)) bad.push(text.slice(m.index, (m.index ?? 0) + 6));
  if (/(?<!^|\n)>/.test(text.replace(/<[^>]*>/g, ''))) bad.push('> outside a quote marker');
  return bad;
}

export function blockKitProblems(message: SlackMessage | { blocks: unknown[]; text: string }): string[] {
  const problems: string[] = [];
  const blocks = message.blocks as AnyObj[];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  if (typeof message.text !== 'string' || message.text.length === 0) problems.push('no fallback text');
  const actionIds = new Set<string>();
  const visitElement = (el: AnyObj) => {
    if (el.type === 'button') {
      const id = String(el.action_id ?? '');
      const value = String(el.value ?? '');
      const label = String((el.text as AnyObj | undefined)?.text ?? '');
      if (id.length === 0 || id.length > 255) problems.push(`action_id length ${id.length}`);
      if (actionIds.has(id)) problems.push(`duplicate action_id ${id}`);
      actionIds.add(id);
      if (value.length > 2000) problems.push(`button value length ${value.length}`);
      if (label.length === 0 || label.length > 75) problems.push(`button label length ${label.length}`);
    }
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'header': {
        const t = String((b.text as AnyObj).text ?? '');
        if ((b.text as AnyObj).type !== 'plain_text') problems.push('header not plain_text');
        if (t.length === 0 || t.length > 150) problems.push(`header length ${t.length}`);
        break;
      }
      case 'section': {
        const t = String((b.text as AnyObj).text ?? '');
        if (t.length === 0 || t.length > 3000) problems.push(`section text length ${t.length}`);
        if (b.accessory) visitElement(b.accessory as AnyObj);
        break;
      }
      case 'context': {
        const els = b.elements as AnyObj[];
        if (els.length === 0 || els.length > 10) problems.push(`context elements ${els.length}`);
        for (const e of els) if (String(e.text ?? '').length > 3000) problems.push('context text too long');
        break;
      }
      case 'actions': {
        const els = b.elements as AnyObj[];
        if (els.length === 0 || els.length > 25) problems.push(`actions elements ${els.length}`);
        els.forEach(visitElement);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`unexpected block type ${String(b.type)}`);
    }
  }
  for (const t of mrkdwnTexts(message)) {
    for (const bad of unescapedControl(t)) problems.push(`unescaped in mrkdwn: ${bad}`);
  }
  return problems;
}
