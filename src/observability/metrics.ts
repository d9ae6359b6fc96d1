/**
 * Prometheus metrics (prom-client), one registry per process (tests make their own). Served at GET /metrics.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Commands handled, by platform and kind (search, help, theme, today, docs, subscribe, share, page …). */
  commands: Counter<'platform' | 'kind'>;
  /** Search latency in seconds (the engine call alone). */
  searchLatency: Histogram<'platform'>;
  /** Digests accepted by a platform. */
  digestPosts: Counter<'platform'>;
  /** Digest posts that failed, by platform and error code. */
  digestFailures: Counter<'platform' | 'code'>;
  /** Errors caught in handlers, by where they happened. */
  errors: Counter<'where'>;
  /** Answers acknowledged to a user but never delivered (shutdown before they could be sent), by platform. */
  undelivered: Counter<'platform'>;
  /** 👍/👎 votes stored, by platform and vote (up, down). */
  feedbackVotes: Counter<'platform' | 'vote'>;
  /** Searches that found nothing (kind none) or only partial results (kind partial), by platform. */
  searchMisses: Counter<'platform' | 'kind'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'zhenxing_' });
  return {
    registry,
    commands: new Counter({
      name: 'zhenxing_commands_total',
      help: 'Commands handled, by platform and kind',
      labelNames: ['platform', 'kind'],
      registers: [registry],
    }),
    searchLatency: new Histogram({
      name: 'zhenxing_search_latency_seconds',
      help: 'Search engine latency in seconds',
      labelNames: ['platform'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers: [registry],
    }),
    digestPosts: new Counter({
      name: 'zhenxing_digest_posts_total',
      help: 'Daily digests accepted by the platform',
      labelNames: ['platform'],
      registers: [registry],
    }),
    digestFailures: new Counter({
      name: 'zhenxing_digest_failures_total',
      help: 'Daily digest posts that failed, by error code',
      labelNames: ['platform', 'code'],
      registers: [registry],
    }),
    feedbackVotes: new Counter({
      name: 'zhenxing_feedback_votes_total',
      help: '👍/👎 votes stored, by platform and vote (up, down)',
      labelNames: ['platform', 'vote'],
      registers: [registry],
    }),
    searchMisses: new Counter({
      name: 'zhenxing_search_misses_total',
      help: 'Searches that found nothing (none) or only partial results (partial)',
      labelNames: ['platform', 'kind'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'zhenxing_errors_total',
      help: 'Errors caught in handlers',
      labelNames: ['where'],
      registers: [registry],
    }),
    undelivered: new Counter({
      name: 'zhenxing_undelivered_total',
      help: 'Answers acknowledged to a user but not delivered before shutdown, by platform',
      labelNames: ['platform'],
      registers: [registry],
    }),
  };
}
