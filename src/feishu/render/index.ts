/** Renders any View as a Feishu card (JSON 2.0). Pure: same view, same card. */
import type { View } from '../../router/view-model.js';
import type { Card } from './card.js';
import { renderDigest } from './digest.js';
import { renderDocs, renderHelp, renderThemes } from './info.js';
import { renderMessage, renderSubscription } from './message.js';
import { renderResults } from './results.js';
import { renderShare } from './share.js';

export { CARD_BYTE_BUDGET, CARD_BYTE_LIMIT, cardBytes, type Card } from './card.js';
export { renderDigest, renderDocs, renderHelp, renderMessage, renderResults, renderShare, renderSubscription, renderThemes };

export function renderView(view: View): Card {
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
      return renderDigest(view);
    case 'subscription':
      return renderSubscription(view);
    case 'share':
      return renderShare(view);
    case 'message':
      return renderMessage(view);
  }
}
