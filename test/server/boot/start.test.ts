/**
 * Starting a server (boot/start.ts). A server whose version starts with `v1.` behaves as Hasura
 * 1.3: no `/v1/metadata` (404), only the flat relationship format on `/v1/query`, 1.3's wording
 * and codes, version 2 exports. A fresh server stands at the `resource_version` its set-up writes
 * would have brought a real Hasura to.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import { startHasuraServer, type RunningHasuraServer } from "../../../server";
import { currentVersion, legacyCreate, metadata, objectBody, query, startEnvServer } from "../helpers";

describe("a v1.x server version", () => {
  let server: RunningHasuraServer;
  before(async () => {
    server = await startEnvServer({ serverVersion: "v1.3.3" });
  });
  after(() => server.stop());

  test("v1 mode: /v1/version answers the configured version", async () => {
    assert.deepEqual(await (await fetch(`${server.url}/v1/version`)).json(), { version: "v1.3.3" });
  });

  test("v1 mode: /v1/metadata does not exist", async () => {
    const answer = await metadata(server, { type: "export_metadata", args: {} });
    assert.deepEqual(answer, { status: 404, body: { path: "$", error: "resource does not exist", code: "not-found" } });
  });

  test("v1 mode: create, upsert and export (version 2 format)", async () => {
    assert.deepEqual(await query(server, legacyCreate("r")), { status: 200, body: { message: "success" } });
    assert.equal((await query(server, legacyCreate("r", { hasura_fields: ["id", "name"] }))).status, 200);
    const exported = objectBody(await query(server, { type: "export_metadata", args: {} }));
    assert.equal(exported.version, 2);
    const tables = exported.tables as JsonObject[];
    const profiles = tables.find((entry) => (entry.table as JsonObject).schema === "public");
    assert.deepEqual(profiles?.remote_relationships, [
      { name: "r", definition: { remote_schema: "user", hasura_fields: ["id", "name"], remote_field: { user: { arguments: { id: "$id" } } } } },
    ]);
    assert.equal((await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "r" } })).status, 200);
  });

  test("v1 mode: validation failures use 1.3 wording and code constraint-violation", async () => {
    const answer = await query(server, legacyCreate("r", { hasura_fields: ["id_wrong"], remote_field: { user: { arguments: { id: "$id_wrong" } } } }));
    const body = objectBody(answer);
    const reason =
      'in table "profiles": in remote relationship"r": cannot validate remote relationship because field with name "id_wrong" not found in table "profiles"';
    assert.equal(answer.status, 400);
    assert.equal(body.code, "constraint-violation");
    assert.equal(body.error, reason);
    assert.deepEqual(Object.keys((body.internal as JsonObject[])[0]).sort(), ["definition", "reason", "type"]);
  });

  test("v1 mode: a missing table is named without a source", async () => {
    const answer = await query(server, legacyCreate("r", { table: "not_tracked" }));
    assert.deepEqual(answer.body, { path: "$.args", error: 'table "not_tracked" does not exist', code: "not-exists" });
  });

  test("v1 mode: the definition format does not exist yet", async () => {
    const answer = await query(server, { type: "create_remote_relationship", args: { name: "r", table: "profiles", definition: {} } });
    assert.deepEqual(answer.body, { path: "$", error: 'key "hasura_fields" not found', code: "parse-failed" });
  });
});

describe("resource_version at start", () => {
  test("the conformance environment starts past its set-up writes: 1 source added, 3 tables tracked, 3 remote schemas added", async () => {
    const server = await startEnvServer();
    try {
      assert.equal(await currentVersion(server), 1 + 1 + 3 + 3);
      assert.equal(server.stats().resourceVersion, 8);
      assert.equal(server.stats().writes, 0);
    } finally {
      await server.stop();
    }
  });

  test("a server with nothing set up starts at 1; sources, tables and remote schemas from options count too", async () => {
    const bare = await startHasuraServer();
    try {
      assert.equal(await currentVersion(bare), 1);
    } finally {
      await bare.stop();
    }
    const tracked = await startEnvServer({
      database: [{ schema: "public", name: "extra", columns: [{ name: "id", type: "integer" }] }],
      trackedTables: [{ schema: "public", name: "extra" }],
    });
    try {
      assert.equal(await currentVersion(tracked), 1 + 1 + 4 + 3);
    } finally {
      await tracked.stop();
    }
    const sourced = await startHasuraServer({
      sources: [{ name: "db2", kind: "mssql", tables: [{ schema: "dbo", name: "t", columns: [] }], trackedTables: [{ schema: "dbo", name: "t" }] }],
    });
    try {
      assert.equal(await currentVersion(sourced), 1 + 1 + 1);
      const db2 = sourced.exportMetadata().sources.find((source) => source.name === "db2");
      assert.deepEqual([db2?.kind, db2?.tables], ["mssql", [{ table: { schema: "dbo", name: "t" } }]]);
    } finally {
      await sourced.stop();
    }
  });
});
