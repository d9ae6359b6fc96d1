/** Pure renderers from the router's views to Slack messages (Block Kit plus fallback text). */
import type { View } from '../../router/view-model.js';
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

export function renderView(view: View): SlackMessage {
  switch (view.kind) {
    case 'results':
      return renderResults(view);
    case 'help':
      return renderHelp(view);
    case 'docs':
      return renderDocs(view);
    case 'themes':
      return renderThemes(view);
    case 'digest':
      return renderDigestBlocks(view);
    case 'subscription':
      return renderSubscription(view);
    case 'share':
      return renderShare(view);
    case 'message':
      return renderMessage(view);
  }
}
