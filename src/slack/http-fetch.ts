/**
 * A lean `fetch` for Bolt (`clientOptions.fetch`): the response_url posts and Web API calls go through node:http(s)
 * with keep-alive agents. Measured with `npm run bench:slack`, the global fetch cost about 1.6 ms of CPU per
 * response_url post, more than the search itself; this does the same post in a fraction of that. Anything beyond
 * what Bolt sends (a stream or form-data body) is handed to the global fetch unchanged.
 */
import http from 'node:http';
import https from 'node:https';

type FetchFn = typeof globalThis.fetch;

export interface HttpFetchOptions {
  /** Sockets kept open per host. Default 32. */
  maxSockets?: number;
}

function toHeaderRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((v, k) => (out[k] = v));
  } else if (Array.isArray(headers)) {
    for (const [k, v] of headers) if (k !== undefined && v !== undefined) out[k.toLowerCase()] = v;
  } else {
    for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

function toResponseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else if (v !== undefined) h.set(k, v);
  }
  return h;
}

export function createHttpFetch(options: HttpFetchOptions = {}): FetchFn & { close(): void } {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 32 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const lean = (input: Parameters<FetchFn>[0], init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    const simpleBody =
      body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams || Buffer.isBuffer(body);
    if (!simpleBody || input instanceof Request) return globalThis.fetch(input, init);
    const url = new URL(input instanceof URL ? input.href : String(input));
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return globalThis.fetch(input, init);

    const payload = body === undefined || body === null ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    const headers = toHeaderRecord(init.headers);
    if (body instanceof URLSearchParams && !headers['content-type']) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    }
    if (payload) headers['content-length'] = String(payload.length);
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const req = (secure ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            signal?.removeEventListener('abort', onAbort);
            const status = res.statusCode ?? 0;
            if (init.redirect === 'error' && status >= 300 && status < 400) {
              return reject(new TypeError(`unexpected redirect to ${String(res.headers.location)}`));
            }
            const noBody = status === 204 || status === 205 || status === 304;
            resolve(
              new Response(noBody ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? '',
                headers: toResponseHeaders(res.headers),
              }),
            );
          });
        },
      );
      const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      req.end(payload);
    });
  };

  return Object.assign(lean as FetchFn, {
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}
