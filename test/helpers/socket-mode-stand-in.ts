/**
 * Stands in for Slack's Socket Mode server in tests: a `ws` WebSocket server on 127.0.0.1 that greets each
 * connection with `hello`, as Slack does, delivers envelopes and records what the app sends back (its acks).
 * Point the Web API stand-in's `apps.connections.open` at it:
 *
 *   const socket = await startSocketModeStandIn();
 *   slack.script('apps.connections.open', [socket.connectionsOpenReply()]);
 *   const conn = await socket.waitForConnection();
 *   const { ack } = await conn.deliver('slash_commands', { command: '/zhenxing', text: '人才', ... });
 *   await socket.close();
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the app sent on the socket, parsed. */
export type SocketMessage = Record<string, unknown>;

export interface SocketConnection {
  /** The path and query the app opened (Slack's carries a one-time ticket). */
  path: string;
  headers: IncomingHttpHeaders;
  /** Everything the app sent, in order. */
  received: SocketMessage[];
  /** Sends a raw message (an envelope, `disconnect`, …). */
  send(message: Record<string, unknown>): void;
  /**
   * Sends an envelope the way Slack does and resolves with the app's ack (the message carrying the same
   * envelope_id). Rejects after timeoutMs (default 5000) without one.
   */
  deliver(
    type: string,
    payload: Record<string, unknown>,
    options?: { envelopeId?: string; acceptsResponsePayload?: boolean; timeoutMs?: number },
  ): Promise<{ envelopeId: string; ack: SocketMessage }>;
  /** Resolves with the first message (received or future) that matches; rejects after timeoutMs (default 5000). */
  waitForMessage(predicate: (m: SocketMessage) => boolean, timeoutMs?: number): Promise<SocketMessage>;
  /** Set once the socket has closed. */
  closedWith: { code: number; reason: string } | undefined;
  /** Resolves when the socket closes; rejects after timeoutMs (default 5000) if it does not. */
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
}

export interface SocketModeStandIn {
  /** ws://127.0.0.1:<port>/link/?ticket=…: what apps.connections.open returns. */
  url: string;
  /** The Web API reply for apps.connections.open that sends the app here. */
  connectionsOpenReply(): Record<string, unknown>;
  /** Every connection the app opened, in order. */
  connections: SocketConnection[];
  /** Resolves with connection number `index` (default the first) once it has opened; rejects after timeoutMs. */
  waitForConnection(index?: number, timeoutMs?: number): Promise<SocketConnection>;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
}

/** Polls `get` until it returns a value; `what` names it in the timeout error. */
function waitUntil<T>(get: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const until = Date.now() + timeoutMs;
    const check = () => {
      const value = get();
      if (value !== undefined) return resolve(value);
      if (Date.now() > until) return reject(new Error(`socket mode stand-in: ${what} within ${timeoutMs} ms`));
      setTimeout(check, 10);
    };
    check();
  });
}

export async function startSocketModeStandIn(): Promise<SocketModeStandIn> {
  const connections: SocketConnection[] = [];
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=A0ZHENXING`;

  wss.on('connection', (ws, req) => {
    sockets.add(ws);
    const received: SocketMessage[] = [];
    const conn: SocketConnection = {
      path: req.url ?? '',
      headers: req.headers,
      received,
      closedWith: undefined,
      send(message) {
        ws.send(JSON.stringify(message));
      },
      async deliver(type, payload, options = {}) {
        const envelopeId = options.envelopeId ?? randomUUID();
        const before = received.length;
        conn.send({
          envelope_id: envelopeId,
          type,
          accepts_response_payload: options.acceptsResponsePayload ?? false,
          payload,
        });
        const ack = await waitUntil(
          () => received.slice(before).find((m) => m.envelope_id === envelopeId),
          `no ack for envelope ${envelopeId}`,
          options.timeoutMs ?? 5000,
        );
        return { envelopeId, ack };
      },
      waitForMessage(predicate, timeoutMs = 5000) {
        return waitUntil(() => received.find(predicate), 'no matching message', timeoutMs);
      },
      waitForClose(timeoutMs = 5000) {
        return waitUntil(() => conn.closedWith, 'the socket did not close', timeoutMs);
      },
    };
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      try {
        received.push(JSON.parse(text) as SocketMessage);
      } catch {
        received.push({ _raw: text });
      }
    });
    ws.on('close', (code, reason) => {
      sockets.delete(ws);
      conn.closedWith = { code, reason: reason.toString() };
    });
    connections.push(conn);
    // Slack's greeting; the client counts as connected only once it arrives.
    conn.send({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'stand-in', approximate_connection_time: 18060 },
      connection_info: { app_id: 'A0ZHENXING' },
    });
  });

  return {
    url,
    connectionsOpenReply: () => ({ ok: true, url }),
    connections,
    waitForConnection(index = 0, timeoutMs = 5000) {
      return waitUntil(() => connections[index], `connection #${index} not opened`, timeoutMs);
    },
    close() {
      for (const ws of sockets) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
