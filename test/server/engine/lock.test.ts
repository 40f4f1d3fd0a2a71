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
  server = await startEnvServer({ rebuildMs: 150 });
});
after(() => server.stop());

/** Waits until the server's lock has seen `count` requests queued at once (the one holding it included). */
async function queued(count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (server.stats().lock.maxQueued < count) {
    if (Date.now() > deadline) throw new Error(`The lock never held ${count} requests at once.`);
    await sleep(2);
  }
}

test("cost: requests are served one at a time in arrival order, reads included", async () => {
  const finished: string[] = [];
  const track = async (label: string, send: () => Promise<unknown>) => {
    await send();
    finished.push(label);
  };
  server.resetStats();
  const started = Date.now();
  // Each request is sent once the one before it is on the lock, so they surely arrive in this
  // order, each while the first is still rebuilding (150 ms).
  const first = track("write-1", () => metadata(server, pgCreate("one")));
  await queued(1);
  const read = track("read", () => metadata(server, { type: "export_metadata", args: {} }));
  await queued(2);
  const second = track("write-2", () => metadata(server, pgCreate("two")));
  await Promise.all([first, read, second]);
  const elapsed = Date.now() - started;
  assert.deepEqual(finished, ["write-1", "read", "write-2"]);
  // Two rebuilds of at least 150 ms each, run one after the other.
  assert.ok(elapsed >= 295, `took ${elapsed} ms`);
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
