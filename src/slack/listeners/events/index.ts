import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../shared.js';
import { createFileSharedCallback } from './file-shared.js';

export function register(app: App, deps: ListenerDeps): void {
  app.event('file_shared', createFileSharedCallback(deps));
}
