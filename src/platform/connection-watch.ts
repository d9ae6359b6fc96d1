/**
 * Whether a long-lived outbound connection (Slack Socket Mode, Feishu's long connection, DingTalk Stream) counts as
 * up for /healthz. Such clients drop and reconnect on their own (Slack recycles its sockets every few hours), so a
 * connection lost a few seconds ago is still ok; one down for longer than the grace period, or given up by its
 * client, is not. The watch is told what the client says (its events, or what status() polls) and keeps the time
 * the connection was last lost, which the clients themselves do not.
 *
 *   const watch = createConnectionWatch({ graceMs: 60_000 });
 *   client.on('connected', () => watch.up('connected'));
 *   client.on('reconnecting', () => watch.down('reconnecting'));
 *   client.on('disconnected', () => watch.gone('disconnected'));
 *   watch.status(); // { ok, state }
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */

export interface ConnectionWatchOptions {
  /** How long the connection may be down before it is not ok, in ms. */
  graceMs: number;
  /** The state before the client said anything. Default 'starting' (not ok: nothing was asked for yet). */
  initial?: string;
  /** Clock in ms. Default Date.now. */
  now?: () => number;
}

export interface ConnectionWatch {
  /** The connection is up. */
  up(state?: string): void;
  /** Lost or being made: ok within the grace period counted from the first time it is seen down. */
  down(state: string): void;
  /** Given up for good (the client will not retry, or was stopped): not ok, without grace. */
  gone(state: string): void;
  status(): { ok: boolean; state: string };
}

export function createConnectionWatch(options: ConnectionWatchOptions): ConnectionWatch {
  const now = options.now ?? Date.now;
  let state = options.initial ?? 'starting';
  let kind: 'up' | 'down' | 'gone' = 'gone';
  /** When it was last lost (or first asked for); undefined while up. */
  let downSince: number | undefined;
  return {
    up(s = 'connected') {
      state = s;
      kind = 'up';
      downSince = undefined;
    },
    down(s) {
      state = s;
      kind = 'down';
      downSince ??= now();
    },
    gone(s) {
      state = s;
      kind = 'gone';
      downSince ??= now();
    },
    status() {
      const ok = kind === 'up' || (kind === 'down' && downSince !== undefined && now() - downSince < options.graceMs);
      return { ok, state };
    },
  };
}
