/**
 * The cost model: every metadata request, reads included, waits on one FIFO lock; every
 * schema-changing command rebuilds the schema cache at `rebuildMs + rebuildMsPerObject × objects`;
 * bulk rebuilds once per child, bulk_atomic and replace_metadata once.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunningHasuraServer } from "../../server";
import { legacyCreate, metadata, pgCreate, query, startEnvServer } from "./helpers";

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

test("cost: a read costs no rebuild; pre-check failures cost none; validation failures cost one", async () => {
  server.resetStats();
  await metadata(server, { type: "export_metadata", args: {} });
  await query(server, legacyCreate("r", { table: "not_tracked" }));
  assert.equal(server.stats().rebuilds, 0);
  await metadata(server, pgCreate("bad", { remote_schema: "nope" }));
  assert.equal(server.stats().rebuilds, 1);
});

test("cost: bulk rebuilds per child, bulk_atomic and replace_metadata once", async () => {
  server.resetStats();
  await metadata(server, { type: "bulk", args: [pgCreate("b1"), pgCreate("b2"), pgCreate("b3")] });
  assert.equal(server.stats().rebuilds, 3);
  server.resetStats();
  const deleteOf = (name: string) => ({ type: "pg_delete_remote_relationship", args: { table: "profiles", name } });
  await metadata(server, { type: "bulk_atomic", args: [deleteOf("b1"), deleteOf("b2"), deleteOf("b3")] });
  assert.equal(server.stats().rebuilds, 1);
  server.resetStats();
  await metadata(server, { type: "replace_metadata", args: server.exportMetadata() });
  assert.equal(server.stats().rebuilds, 1);
});

test("cost: the rebuild cost grows with the objects in the metadata", async () => {
  const scaled = await startEnvServer({ rebuildMs: 5, rebuildMsPerObject: 10 });
  try {
    // One source, two tables, three remote schemas: six objects.
    await metadata(scaled, pgCreate("r"));
    // The rebuild ran with the new relationship in place: seven objects.
    assert.equal(scaled.stats().rebuildMs, 5 + 10 * 7);
    const started = Date.now();
    await metadata(scaled, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "r" } });
    assert.ok(Date.now() - started >= 60);
  } finally {
    await scaled.stop();
  }
});

test("cost: requests and commands are counted by endpoint and type", async () => {
  server.resetStats();
  await metadata(server, { type: "bulk", args: [pgCreate("c1"), { type: "export_metadata", args: {} }] });
  await query(server, legacyCreate("c2"));
  await fetch(`${server.url}/v1/version`);
  const stats = server.stats();
  assert.deepEqual(stats.requests, { "/v1/metadata bulk": 1, "/v1/query create_remote_relationship": 1, "GET /v1/version": 1 });
  assert.deepEqual(stats.commands, {
    "/v1/metadata bulk": 1,
    "/v1/metadata pg_create_remote_relationship": 1,
    "/v1/metadata export_metadata": 1,
    "/v1/query create_remote_relationship": 1,
  });
  assert.equal(stats.writes, 2);
});
