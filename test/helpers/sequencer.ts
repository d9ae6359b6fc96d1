/**
 * The order the two workers take test files in: the heaviest files first, in a fixed order, then vitest's own order
 * (failed first, then longest first by the last run's times; by file size when there is no cache, as in CI).
 *
 * Why: each worker takes the next file when it is free, so one long file taken last keeps the run going while the
 * other worker idles (longest first keeps the two ends close). vitest's cache times only the tests, not a file's
 * import, and eval-floor.test.ts does its ~30 s of work (every judged set through the engine) while it is imported:
 * by the cache it looks short and would be taken near the end. Known heavy files go first whatever the cache says.
 * eval-floor, which keeps its worker's core busy, starts beside replicas, which spends about half its time in timed
 * waits; the rest follow by size.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Heaviest first (wall time on the shared 2-core machine, December 2026), a busy one beside a waiting one. */
export const HEAVY_FIRST = [
  // eval-floor keeps its worker's core busy for ~40 s; replicas beside it spends half its time in timed waits.
  'test/search/eval-floor.test.ts',
  'test/app/replicas.test.ts',
  'test/app/sigterm.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/library-cli.test.ts',
  'test/search/minisearch-index.test.ts',
  'test/cli/state.test.ts',
  'test/feedback/slack-feedback.test.ts',
  'test/state/redis-feedback.test.ts',
  'test/app/digest-kill.test.ts',
  'test/app/sigterm-drain.test.ts',
  'test/cli/messy-chat-cli.test.ts',
];

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const i = HEAVY_FIRST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/'));
      return i < 0 ? HEAVY_FIRST.length : i;
    };
    // Array#sort is stable: files not in the list keep vitest's order after the listed ones.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
