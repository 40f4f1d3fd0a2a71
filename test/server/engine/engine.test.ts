/**
 * The engine (engine/engine.ts): `resource_version` goes up by one per committed write and a
 * stale one answers 409 after the command ran; each schema-changing command pays one modelled
 * rebuild of `rebuildMs + rebuildMsPerObject × objects`, bulk once per child, bulk_atomic and
 * replace_metadata once.
 */
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { RunningHasuraServer } from "../../../server";
import { currentVersion, deleteProfileRelationships, legacyCreate, metadata, pgCreate, profileRelationships, query, startEnvServer } from "../helpers";

describe("resource_version", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startEnvServer();
  });
  after(() => server.stop());
  beforeEach(() => deleteProfileRelationships(server));

  test("semantics: resource_version goes up by one per write, not for reads or failures", async () => {
    const start = await currentVersion(server);
    await metadata(server, { type: "export_metadata", args: {} });
    await query(server, legacyCreate("r", { table: "not_tracked" }));
    await metadata(server, pgCreate("bad", { remote_schema: "nope" }));
    assert.equal(await currentVersion(server), start);
    await metadata(server, pgCreate("a"));
    assert.equal(await currentVersion(server), start + 1);
    await metadata(server, { type: "bulk", args: [pgCreate("b"), pgCreate("c")] });
    assert.equal(await currentVersion(server), start + 2);
    await query(server, legacyCreate("d"));
    assert.equal(await currentVersion(server), start + 3);
  });

  test("semantics: a stale resource_version answers 409 and changes nothing", async () => {
    const version = await currentVersion(server);
    const stale = { ...pgCreate("r"), resource_version: version - 1 };
    assert.deepEqual(await metadata(server, stale), {
      status: 409,
      body: { path: "$", error: `metadata resource version referenced (${version - 1}) did not match current version`, code: "conflict" },
    });
    assert.deepEqual(profileRelationships(server), []);
    assert.equal(await currentVersion(server), version);
    assert.equal((await metadata(server, { ...pgCreate("r"), resource_version: version })).status, 200);
    assert.equal(await currentVersion(server), version + 1);
  });

  test("semantics: a command error wins over a stale resource_version; reads ignore it", async () => {
    const version = await currentVersion(server);
    const bad = { ...pgCreate("r", {}, "pg_update_remote_relationship"), resource_version: version - 1 };
    assert.equal((await metadata(server, bad)).status, 400);
    assert.equal((await metadata(server, { type: "export_metadata", args: {}, resource_version: 0 })).status, 200);
  });
});

describe("rebuild cost", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startEnvServer({ rebuildMs: 60 });
  });
  after(() => server.stop());

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
      // Two sources, three tables, three remote schemas: eight objects.
      await metadata(scaled, pgCreate("r"));
      // The rebuild ran with the new relationship in place: nine objects.
      assert.equal(scaled.stats().rebuildMs, 5 + 10 * 9);
      await metadata(scaled, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "r" } });
      assert.equal(scaled.stats().rebuildMs, 5 + 10 * 9 + 5 + 10 * 8);
    } finally {
      await scaled.stop();
    }
  });
});
