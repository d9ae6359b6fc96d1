/** The daily digest schedule (node-cron). Kept out of the core: src/digest never imports node-cron. */
export {
  createDigestScheduler,
  SchedulerError,
  type DeliveryResult,
  type DigestScheduler,
  type DigestSchedulerDeps,
  type RunReason,
  type RunReport,
} from './digest-scheduler.js';
