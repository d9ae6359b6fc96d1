/** Registers every listener, one folder per kind (see slack-samples/bolt-ts-starter-template). */
import type { App } from '@slack/bolt';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import type { ListenerDeps } from './shared.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  actions.register(app, deps);
  events.register(app, deps);
}
