import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../shared.js';
import { createSearchCommandCallback } from './search-command.js';

/**
 * Every slash command that reaches this app is ours: the manifest declares `/zhenxing`, and a workspace that
 * renames it (say to `/zx` because of a clash) keeps working without a code change.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.command(/^\/.+/, createSearchCommandCallback(deps));
}
