import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../shared.js';
import { createFileShareMessageCallback } from './file-share-message.js';
import { createFileSharedCallback } from './file-shared-event.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('file_shared', createFileSharedCallback(deps));
  app.event('message', createFileShareMessageCallback(deps));
}
