/**
 * Stream mode through the official SDK (dingtalk-stream): the bot connects out, DingTalk pushes robot messages
 * over a websocket, no public URL needed. Two things are ours: the connection-open call goes to DINGTALK_API_URL
 * with a timeout (the SDK hard-codes api.dingtalk.com and axios without one), and a stopped client never reconnects
 * (the SDK's pending reconnect timer would otherwise open a new socket after disconnect()).
 */
import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from '../observability/logger.js';
import { postJson } from './api.js';
import type { RobotMessage } from './events.js';

export interface StreamOptions {
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  /** The platform kit's outbound fetch. */
  fetch: typeof globalThis.fetch;
  logger: Logger;
  onMessage: (msg: RobotMessage) => void;
}

export interface StreamTransport {
  /** Starts connecting (and reconnecting, on its own); resolves once the first attempt has ended either way. */
  start(): Promise<void>;
  stop(): void;
  /** Whether the websocket is open now. */
  connected(): boolean;
}

class GatewayClient extends DWClient {
  stopped = false;
  constructor(
    private readonly o: StreamOptions,
  ) {
    super({ clientId: o.clientId, clientSecret: o.clientSecret, ua: 'zhenxing' });
  }

  override async getEndpoint(): Promise<this> {
    const res = await postJson(this.o.fetch, `${this.o.apiUrl}/v1.0/gateway/connections/open`, {
      clientId: this.config.clientId,
      clientSecret: this.config.clientSecret,
      ua: this.config.ua,
      subscriptions: this.config.subscriptions,
    });
    const body = (res.body ?? {}) as { endpoint?: unknown; ticket?: unknown; code?: unknown; message?: unknown };
    if (res.status !== 200 || typeof body.endpoint !== 'string' || typeof body.ticket !== 'string') {
      const why = `HTTP ${res.status} ${String(body.code ?? '')} ${String(body.message ?? '')}`.trim();
      this.o.logger.warn({ status: res.status }, `dingtalk: the Stream gateway refused the connection: ${why}`);
      throw new Error(`connections/open: ${why}`);
    }
    // The SDK keeps the websocket URL in a private field that its _connect() reads.
    (this as unknown as { dw_url: string }).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  override async connect(): Promise<void> {
    if (this.stopped) return;
    return super.connect();
  }
}

export function createStreamTransport(o: StreamOptions): StreamTransport {
  const client = new GatewayClient(o);
  client.registerCallbackListener(TOPIC_ROBOT, (frame: DWClientDownStream) => {
    // Acknowledge first: DingTalk pushes an unacknowledged message again.
    client.socketCallBackResponse(frame.headers.messageId, {});
    let msg: unknown;
    try {
      msg = JSON.parse(frame.data);
    } catch {
      o.logger.warn({ messageId: frame.headers.messageId }, 'dingtalk: Stream frame data is not JSON; ignored');
      return;
    }
    // This runs inside the SDK's socket listener: a throw here would be an uncaught exception.
    try {
      o.onMessage(msg as RobotMessage);
    } catch (err) {
      o.logger.error({ err }, 'dingtalk: handling a Stream message failed');
    }
  });
  return {
    start: () => client.connect(),
    stop() {
      client.stopped = true;
      client.disconnect();
    },
    connected: () => client.connected,
  };
}
