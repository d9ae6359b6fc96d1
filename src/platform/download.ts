/**
 * Downloading a file a user sent to the bot, for the adapters: with a timeout and a byte limit (FileTooLargeError, as
 * the library's intake expects), so a huge upload is never buffered whole. Transport, not core: it lives in the
 * platform kit, and src/library only states what a download must do (IncomingFile).
 */
import { FileTooLargeError } from '../library/intake.js';

/**
 * Reads a web stream into memory, refusing past `maxBytes` (FileTooLargeError) so that a huge upload is never
 * buffered whole.
 */
export async function readCapped(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw new FileTooLargeError(total);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Downloads a URL with a timeout and a byte limit; a non-2xx answer or an HTML page (a login page) is an error. */
export async function downloadCapped(
  url: string,
  maxBytes: number,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const res = await fetch(url, {
    headers: options.headers ?? {},
    redirect: 'follow',
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  if (!res.ok || !res.body) throw new Error(`download failed: HTTP ${res.status}`);
  // Slack answers a request without the files:read scope with its sign-in page, not with an error status.
  if ((res.headers.get('content-type') ?? '').startsWith('text/html') && !/\.html?$/i.test(new URL(url).pathname)) {
    await res.body.cancel();
    throw new Error('download failed: got an HTML page instead of the file (missing scope?)');
  }
  const length = Number(res.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await res.body.cancel();
    throw new FileTooLargeError(length);
  }
  return readCapped(res.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
}
