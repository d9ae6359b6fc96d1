/** Renders any View as a Feishu card (JSON 2.0). Pure: same view, same card. */
import { renderWith, type View, type ViewRenderers } from '../../router/view-model.js';
import type { Card } from './card.js';
import { renderDigest } from './digest.js';
import { renderDocs, renderHelp, renderThemes } from './info.js';
import { renderMessage, renderSubscription } from './message.js';
import { renderResults } from './results.js';
import { renderShare } from './share.js';

export { renderNoSharedChat, renderSharePicker } from './picker.js';

export { CARD_BYTE_BUDGET, CARD_BYTE_LIMIT, cardBytes, type Card } from './card.js';
export { renderDigest, renderDocs, renderHelp, renderMessage, renderResults, renderShare, renderSubscription, renderThemes };

const RENDERERS: ViewRenderers<Card> = {
  results: renderResults,
  help: renderHelp,
  docs: renderDocs,
  themes: renderThemes,
  digest: renderDigest,
  subscription: renderSubscription,
  share: renderShare,
  message: renderMessage,
};

export function renderView(view: View): Card {
  return renderWith(RENDERERS, view);
}
