/** Pure renderers from the router's views to Slack messages (Block Kit plus fallback text). */
import { renderWith, type View, type ViewRenderers } from '../../router/view-model.js';
import type { SlackMessage } from './blocks.js';
import { renderDigestBlocks } from './digest.js';
import { renderDocs, renderHelp, renderMessage, renderSubscription, renderThemes } from './info.js';
import { renderResults } from './results.js';
import { renderShare } from './share.js';

export type { SlackMessage } from './blocks.js';
export { ACTION } from './results.js';
export { decodeSlackText, escapeMrkdwn } from './mrkdwn.js';
export { LIMITS } from './limits.js';
export { renderDigestBlocks, renderDocs, renderHelp, renderMessage, renderResults, renderShare, renderSubscription, renderThemes };

const RENDERERS: ViewRenderers<SlackMessage> = {
  results: renderResults,
  help: renderHelp,
  docs: renderDocs,
  themes: renderThemes,
  digest: renderDigestBlocks,
  subscription: renderSubscription,
  share: renderShare,
  message: renderMessage,
};

export function renderView(view: View): SlackMessage {
  return renderWith(RENDERERS, view);
}
