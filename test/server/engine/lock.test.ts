/**
 * The metadata lock (engine/lock.ts): every metadata request, reads included, waits on one
 * server-wide first-in-first-out lock, as in Hasura.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunningHasuraServer } from "../../../server";
import { FifoLock } from "../../../server/engine/lock";
import { metadata, pgCreate, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer({ rebuildMs: 60 });
});
after(() => server.stop());

test("cost: requests are served one at a time in arrival order, reads included", async () => {
  const finished: string[] = [];
  // Staggered a little so they surely arrive in this order; each one still arrives while the
  // first is rebuilding (60 ms), so all queue on the lock.
  const track = async (label: string, delayMs: number, send: () => Promise<unknown>) => {
    await sleep(delayMs);
    await send();
    finished.push(label);
  };
  const started = Date.now();
  await Promise.all([
    track("write-1", 0, () => metadata(server, pgCreate("one"))),
    track("read", 15, () => metadata(server, { type: "export_metadata", args: {} })),
    track("write-2", 30, () => metadata(server, pgCreate("two"))),
  ]);
  const elapsed = Date.now() - started;
  assert.deepEqual(finished, ["write-1", "read", "write-2"]);
  // Two rebuilds of at least 60 ms each, run one after the other.
  assert.ok(elapsed >= 115, `took ${elapsed} ms`);
  assert.equal(server.stats().lock.maxQueued, 3);
});

test("lock: FifoLock runs actions in call order, one at a time, and counts its queue", async () => {
  const lock = new FifoLock();
  const events: string[] = [];
  const action = (label: string, ms: number) => async () => {
    events.push(`start ${label}`);
    await sleep(ms);
    events.push(`end ${label}`);
    return label;
  };
  const results = await Promise.all([lock.run(action("a", 20)), lock.run(action("b", 0)), lock.run(action("c", 5))]);
  assert.deepEqual(results, ["a", "b", "c"]);
  assert.deepEqual(events, ["start a", "end a", "start b", "end b", "start c", "end c"]);
  assert.deepEqual(lock.usage(), { queued: 0, maxQueued: 3, acquisitions: 3 });
  lock.resetUsage();
  assert.deepEqual(lock.usage(), { queued: 0, maxQueued: 0, acquisitions: 0 });
});

test("lock: a failing action releases the lock for the next", async () => {
  const lock = new FifoLock();
  await assert.rejects(
    lock.run(async () => {
      throw new Error("boom");
    }),
    /boom/,
  );
  assert.equal(await lock.run(async () => "next"), "next");
});
