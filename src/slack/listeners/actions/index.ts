import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../../render/index.js';
import type { ListenerDeps } from '../shared.js';
import { createDigestMoreActionCallback } from './digest-more-action.js';
import { createFeedbackActionCallback } from './feedback-action.js';
import { createPageActionCallback } from './page-action.js';
import { createShareActionCallback } from './share-action.js';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${ACTION.share}`) },
    createShareActionCallback(deps),
  );
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^page/ }, createPageActionCallback(deps));
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^(${ACTION.feedbackUp}|${ACTION.feedbackDown})`) },
    createFeedbackActionCallback(deps),
  );
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION.digestMore },
    createDigestMoreActionCallback(deps),
  );
}
