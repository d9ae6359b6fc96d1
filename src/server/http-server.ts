/**
 * One HTTP server for the whole process: Slack's /slack/events, Feishu's /feishu/events, /healthz and /metrics
 * share PORT. Adapters add routes; the server only dispatches and answers 404/405 for the rest.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One platform's connection as /healthz reports it: each adapter's status(). */
export interface PlatformStatus {
  platform: string;
  ok: boolean;
  state: string;
}

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: RouteHandler;
}

export interface HttpServer {
  addRoute(route: Route): void;
  /** Resolves with the bound port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves when in-flight requests have finished (or after timeoutMs). */
  close(timeoutMs?: number): Promise<void>;
  readonly server: http.Server;
}

export function createHttpServer(options: { onError?: (err: unknown) => void } = {}): HttpServer {
  const routes: Route[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matching = routes.filter((r) => r.path === url.pathname);
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      res.statusCode = matching.length > 0 ? 405 : 404;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: matching.length > 0 ? 'method_not_allowed' : 'not_found' }));
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        options.onError?.(err);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ error: 'internal_error' }));
        } else {
          res.end();
        }
      });
  });
  return {
    server,
    addRoute(route) {
      routes.push(route);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close(timeoutMs = 5000) {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        // Idle keep-alive sockets would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      });
    },
  };
}
