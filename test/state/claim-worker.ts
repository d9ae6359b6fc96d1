/**
 * Run as a separate process by file-store.test.ts: plays one replica that, for every (channel, date), claims the
 * digest in the shared DATA_DIR and, when granted, "posts" it (records it as sent). Prints the keys it posted.
 *   node --import tsx test/state/claim-worker.ts <dataDir> <instanceId> <channels> <dates> <all instance ids, comma-separated>
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStateStore } from '../../src/state/file-store.js';

const [dataDir, instanceId, channels, dates, peers] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const store = await createStateStore({ dataDir: dataDir as string, instanceId, logger: silent as never });
const posted: string[] = [];
// Start together: each replica says it is ready and waits for the others, so the claims really race.
writeFileSync(path.join(dataDir as string, `ready-${instanceId}`), '');
while ((peers ?? '').split(',').some((p) => !existsSync(path.join(dataDir as string, `ready-${p}`)))) await sleep(2);
for (let d = 1; d <= Number(dates); d++) {
  const date = `2025-06-${String(d).padStart(2, '0')}`;
  await Promise.all(
    Array.from({ length: Number(channels) }, async (_, c) => {
      const channel = { platform: 'slack' as const, id: `C${c}` };
      const claim = await store.claim!(channel, date);
      if (!claim.granted) return;
      posted.push(`${date}|${channel.id}`);
      await sleep(3); // the post itself
      await store.markSent(channel, date);
    }),
  );
}
await store.flush();
process.stdout.write(`${JSON.stringify(posted)}\n`);
