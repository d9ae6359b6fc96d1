/**
 * Interfaces an adapter needs from the reliability kit (issue 10: the outbound call helper with timeout and
 * bounded retry, the persistent time-windowed "seen keys" store). Adapters are written against these; the
 * implementations plug in at the wiring place.
 */

/** Keys seen within a window, to act on a redelivered message or click once. */
export interface SeenKeys {
  /** True when the key was seen within the window; records it otherwise. */
  seen(key: string): boolean;
  /** Drops a key, so the next seen(key) is false (the work it guarded failed and may be tried again). */
  forget(key: string): void;
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

/**
 * One outbound HTTP call with a timeout. Resolves with any HTTP status (the caller classifies it); rejects only
 * when no answer came (network error, timeout).
 */
export type OutboundCall = (request: OutboundRequest) => Promise<OutboundResponse>;
