/**
 * Reading request bodies from strangers: a request is refused before its body is read when it declares more than
 * the route takes or when too many bodies are being read already, and a body that turns out larger is cut off.
 * So a burst of large unsigned POSTs costs at most `maxConcurrent × maxBytes` of memory, and /healthz stays fast.
 *
 *   const bodies = createBodyReader({ maxBytes: 1 << 20, maxConcurrent: 32 });
 *   const raw = await bodies.read(req); // throws InboundError 'TOO_LARGE' (→ 413) or 'BUSY' (→ 503)
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */
import type http from 'node:http';

export type InboundErrorCode = 'TOO_LARGE' | 'BUSY' | 'ABORTED';

export class InboundError extends Error {
  /** The HTTP status to answer with. */
  readonly status: number;
  constructor(readonly code: InboundErrorCode, message: string) {
    super(message);
    this.name = 'InboundError';
    this.status = code === 'TOO_LARGE' ? 413 : code === 'BUSY' ? 503 : 400;
  }
}

export interface BodyReaderOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Bodies read at once; more are refused with BUSY. Default 32. */
  maxConcurrent?: number;
}

export interface BodyReader {
  /** The whole body, or an InboundError; a refused request's connection is closed after the answer. */
  read(req: http.IncomingMessage): Promise<Buffer>;
  /** Bodies being read now. */
  readonly reading: number;
}

/**
 * Ends a request whose body will not be read: the answer goes out with `connection: close`, and the rest of the
 * upload is not waited for, so a 4 MB body that was refused costs nothing more.
 */
export function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown = {}, headers: Record<string, string> = {}): void {
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close', ...headers });
  }
  res.end(JSON.stringify(body), () => {
    if (!req.complete) req.socket.destroy();
  });
}

export function createBodyReader(options: BodyReaderOptions): BodyReader {
  const maxConcurrent = options.maxConcurrent ?? 32;
  let reading = 0;
  return {
    get reading() {
      return reading;
    },
    read(req) {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        return Promise.reject(new InboundError('TOO_LARGE', `body of ${declared} bytes is over the limit of ${options.maxBytes}`));
      }
      if (reading >= maxConcurrent) {
        return Promise.reject(new InboundError('BUSY', `${reading} request bodies are being read already`));
      }
      reading += 1;
      return new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const finish = (err?: Error) => {
          if (settled) return;
          settled = true;
          reading -= 1;
          req.off('data', onData);
          if (err) reject(err);
          else resolve(Buffer.concat(chunks, size));
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            chunks.length = 0;
            req.pause();
            return finish(new InboundError('TOO_LARGE', `body is over the limit of ${options.maxBytes} bytes`));
          }
          chunks.push(chunk);
        };
        req.on('data', onData);
        req.once('end', () => finish());
        req.once('error', (err) => finish(err));
        req.once('close', () => finish(new InboundError('ABORTED', 'the client went away before sending the whole body')));
      });
    },
  };
}
