/**
 * A loopback stand-in for Feishu's long-connection gateway: a `ws` WebSocket server on 127.0.0.1 that speaks the
 * frames of @larksuiteoapi/node-sdk's WSClient (protobuf `pbbp2.Frame`: method 0 control = ping/pong, method 1 data =
 * events and card callbacks, each acknowledged by the client with a frame carrying `{code, data: base64(JSON)}`).
 * Point the Open API stand-in's `POST /callback/ws/endpoint` at it:
 *
 *   const gateway = await startFeishuWsStandIn();
 *   feishu.script('POST /callback/ws/endpoint', [gateway.endpointReply()]);
 *   const conn = await gateway.waitForConnection();
 *   const { code, data } = await conn.deliver(messageEvent({ text: '人才振兴' }));
 */
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';

/** The frame schema, field for field as the SDK's generated pbbp2 code encodes it. */
const root = protobuf.Root.fromJSON({
  nested: {
    pbbp2: {
      nested: {
        Header: {
          fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } },
        },
        Frame: {
          fields: {
            SeqID: { type: 'uint64', id: 1 },
            LogID: { type: 'uint64', id: 2 },
            service: { type: 'int32', id: 3 },
            method: { type: 'int32', id: 4 },
            headers: { rule: 'repeated', type: 'Header', id: 5 },
            payloadEncoding: { type: 'string', id: 6 },
            payloadType: { type: 'string', id: 7 },
            payload: { type: 'bytes', id: 8 },
            LogIDNew: { type: 'string', id: 9 },
          },
        },
      },
    },
  },
});
const Frame = root.lookupType('pbbp2.Frame');

export interface WsFrame {
  SeqID: number;
  LogID: number;
  service: number;
  /** 0 control (ping, pong), 1 data (event, card). */
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

export function encodeFrame(frame: WsFrame): Uint8Array {
  return Frame.encode(Frame.fromObject(frame)).finish();
}

export function decodeFrame(bytes: Uint8Array): WsFrame {
  return Frame.toObject(Frame.decode(bytes), { longs: Number, defaults: true }) as WsFrame;
}

const header = (frame: WsFrame, key: string) => frame.headers.find((h) => h.key === key)?.value;

/** The service id the stand-in's URL names (the SDK copies it into its pings). */
const SERVICE_ID = 33_554_678;

export interface WsDelivery {
  /** The client's answer code: 200, or 500 when its handler threw. */
  code: number;
  /** What the handler returned (a card callback's toast or card), decoded from base64 JSON; undefined if nothing. */
  data: Record<string, unknown> | undefined;
}

export interface WsConnection {
  /** Path and query the client opened. */
  path: string;
  /** Every frame the client sent, decoded. */
  received: WsFrame[];
  /**
   * Sends an event or card callback (the same JSON Feishu posts to a request URL) as data frames, in `fragments`
   * pieces (default 1), and resolves with the client's answer. Rejects after timeoutMs (default 5000).
   */
  deliver(event: Record<string, unknown>, options?: { fragments?: number; timeoutMs?: number; messageId?: string }): Promise<WsDelivery>;
  /** Closes the socket from the gateway's side (the client reconnects). */
  drop(): void;
  /**
   * Resolves once the client has sent its first ping. The SDK pings as soon as the socket opens and starts reading
   * frames right after, so a frame sent before that could find no reader: like the real gateway, wait for the ping.
   */
  ready(timeoutMs?: number): Promise<void>;
}

export interface FeishuWsStandIn {
  /** ws://127.0.0.1:port/ws/v2 with the query the real gateway adds. */
  url: string;
  /** The body of a `POST /callback/ws/endpoint` answer pointing at this gateway. */
  endpointReply(): Record<string, unknown>;
  connections: WsConnection[];
  /** Resolves with the n-th connection (0 first), now or when it arrives. */
  waitForConnection(n?: number, timeoutMs?: number): Promise<WsConnection>;
  close(): Promise<void>;
}

export async function startFeishuWsStandIn(): Promise<FeishuWsStandIn> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws/v2' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/ws/v2?fpid=493&aid=552564&device_id=7263&access_key=ak-stand-in&service_id=${SERVICE_ID}&ticket=tk-stand-in`;
  const connections: WsConnection[] = [];
  const connectionWaiters: (() => void)[] = [];
  let seq = 0;

  wss.on('connection', (socket: WebSocket, req) => {
    const received: WsFrame[] = [];
    const pending = new Map<string, (frame: WsFrame) => void>();
    socket.on('message', (raw: Buffer) => {
      const frame = decodeFrame(new Uint8Array(raw));
      received.push(frame);
      const type = header(frame, 'type');
      if (frame.method === 0 && type === 'ping') {
        // The gateway answers a ping with a pong carrying the client config, as the SDK expects.
        socket.send(
          encodeFrame({
            SeqID: 0,
            LogID: 0,
            service: frame.service,
            method: 0,
            headers: [{ key: 'type', value: 'pong' }],
            payload: new TextEncoder().encode(
              JSON.stringify({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 0 }),
            ),
          }),
        );
        return;
      }
      if (frame.method === 1) {
        const id = header(frame, 'message_id');
        if (id) pending.get(id)?.(frame);
      }
    });
    const conn: WsConnection = {
      path: req.url ?? '',
      received,
      deliver(event, options = {}) {
        const bytes = new TextEncoder().encode(JSON.stringify(event));
        const n = Math.max(1, options.fragments ?? 1);
        const size = Math.ceil(bytes.length / n);
        seq += 1;
        const messageId = options.messageId ?? `ws_msg_${seq}`;
        const answer = new Promise<WsDelivery>((resolve, reject) => {
          const timer = setTimeout(() => {
            pending.delete(messageId);
            reject(new Error(`ws stand-in: no answer to ${messageId} within ${options.timeoutMs ?? 5000} ms`));
          }, options.timeoutMs ?? 5000);
          pending.set(messageId, (frame) => {
            clearTimeout(timer);
            pending.delete(messageId);
            const body = JSON.parse(new TextDecoder().decode(frame.payload ?? new Uint8Array())) as { code: number; data?: string };
            resolve({
              code: body.code,
              data: body.data ? (JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) as Record<string, unknown>) : undefined,
            });
          });
        });
        for (let i = 0; i < n; i += 1) {
          socket.send(
            encodeFrame({
              SeqID: seq,
              LogID: seq,
              service: SERVICE_ID,
              method: 1,
              headers: [
                { key: 'type', value: 'event' },
                { key: 'message_id', value: messageId },
                { key: 'sum', value: String(n) },
                { key: 'seq', value: String(i) },
                { key: 'trace_id', value: `trace_${seq}` },
              ],
              payload: bytes.slice(i * size, (i + 1) * size),
            }),
          );
        }
        return answer;
      },
      drop() {
        socket.terminate();
      },
      async ready(timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        while (!received.some((f) => f.method === 0 && header(f, 'type') === 'ping')) {
          if (Date.now() > deadline) throw new Error(`ws stand-in: no ping within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
    };
    connections.push(conn);
    for (const w of connectionWaiters.splice(0)) w();
  });

  return {
    url,
    connections,
    endpointReply: () => ({
      code: 0,
      msg: 'ok',
      data: { URL: url, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 } },
    }),
    async waitForConnection(n = 0, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!connections[n]) {
        if (Date.now() > deadline) throw new Error(`ws stand-in: no connection #${n} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 50);
          connectionWaiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return connections[n] as WsConnection;
    },
    close() {
      return new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      });
    },
  };
}
