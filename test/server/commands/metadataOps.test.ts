/**
 * Whole-metadata commands (commands/metadataOps.ts): `export_metadata` v1 and v2,
 * `replace_metadata` in both forms, and `get_inconsistent_metadata`.
 */
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { currentVersion, legacyCreate, metadata, objectBody, pgCreate, query, startEnvServer } from "../helpers";

let server: RunningHasuraServer;
before(async () => {
  server = await startEnvServer();
});
after(() => server.stop());

test("semantics: export_metadata v1 is the bare object, v2 wraps it with resource_version", async () => {
  const v1 = objectBody(await metadata(server, { type: "export_metadata", args: {} }));
  assert.equal(v1.version, 3);
  assert.ok(Array.isArray(v1.sources) && Array.isArray(v1.remote_schemas));
  assert.equal(v1.resource_version, undefined);
  const v2 = objectBody(await metadata(server, { type: "export_metadata", version: 2, args: {} }));
  assert.deepEqual(Object.keys(v2).sort(), ["metadata", "resource_version"]);
  assert.deepEqual(v2.metadata, v1);
  assert.deepEqual(objectBody(await query(server, { type: "export_metadata", args: {} })), v1);
});

test("replace_metadata: the bare form answers success, the wrapped form reports consistency", async () => {
  const current = server.exportMetadata();
  assert.deepEqual(await metadata(server, { type: "replace_metadata", args: current }), { status: 200, body: { message: "success" } });
  const wrapped = await metadata(server, { type: "replace_metadata", version: 2, args: { metadata: current } });
  assert.deepEqual(wrapped.body, { is_consistent: true, inconsistent_objects: [] });
  assert.deepEqual(server.exportMetadata(), current);
});

test("replace_metadata: inconsistencies are refused unless allowed, then reported", async () => {
  const current = server.exportMetadata() as unknown as { sources: JsonObject[] };
  const broken = structuredClone(current);
  const tables = broken.sources[0].tables as JsonObject[];
  const relationship = { name: "broken", definition: { remote_schema: "nope", hasura_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } };
  tables.find((t) => (t.table as JsonObject).schema === "public")!.remote_relationships = [relationship];
  const refused = objectBody(await metadata(server, { type: "replace_metadata", args: broken }));
  assert.equal(refused.code, "unexpected");
  assert.equal(refused.error, "cannot continue due to inconsistent metadata");
  const allowed = objectBody(await metadata(server, { type: "replace_metadata", args: { allow_inconsistent_metadata: true, metadata: broken } }));
  assert.equal(allowed.is_consistent, false);
  const report = objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} }));
  assert.equal((report.inconsistent_objects as JsonObject[])[0].name, "remote_relationship broken in table profiles in source default");
  // An inconsistent relationship is not in the schema cache: delete finds nothing to delete.
  assert.equal((await query(server, { type: "delete_remote_relationship", args: { table: "profiles", name: "broken" } })).status, 400);
  assert.equal((await metadata(server, { type: "replace_metadata", args: current })).status, 200);
  assert.equal(objectBody(await metadata(server, { type: "get_inconsistent_metadata", args: {} })).is_consistent, true);
});

test("replace_metadata over /v1/query, and a version 2 document without sources", async () => {
  assert.equal((await query(server, legacyCreate("q"))).status, 200);
  const sourceless = { version: 2, tables: [{ table: { schema: "public", name: "profiles" } }] };
  assert.equal((await query(server, { type: "replace_metadata", args: sourceless })).status, 200);
  const tables = server.exportMetadata().sources[0].tables;
  assert.deepEqual(tables, [{ table: { schema: "public", name: "profiles" } }]);
});

describe("what the conformance cases' notes say of replace_metadata v2, get_inconsistent_metadata and reload_metadata", () => {
  let fresh: RunningHasuraServer;
  let original: JsonObject;
  before(async () => {
    fresh = await startEnvServer();
    original = fresh.exportMetadata() as unknown as JsonObject;
  });
  after(() => fresh.stop());
  beforeEach(async () => {
    assert.equal((await metadata(fresh, { type: "replace_metadata", args: original })).status, 200);
  });

  const userBasic = {
    name: "userBasic",
    definition: { to_remote_schema: { remote_schema: "user", lhs_fields: ["id"], remote_field: { user: { arguments: { id: "$id" } } } } },
  };
  function withoutRemoteSchemas(relationships: JsonObject[] = [userBasic]): JsonObject {
    const document = structuredClone(original) as { sources: { tables: JsonObject[] }[]; remote_schemas?: unknown };
    delete document.remote_schemas;
    const profiles = document.sources[0].tables.find((entry) => (entry.table as JsonObject).schema === "public");
    if (profiles !== undefined) profiles.remote_relationships = relationships;
    return document as unknown as JsonObject;
  }

  test("replace_metadata version 2 requires args.metadata; allow_inconsistent_metadata must be a boolean", async () => {
    const bare = await metadata(fresh, { type: "replace_metadata", version: 2, args: original });
    assert.deepEqual(bare, { status: 400, body: { path: "$.args", error: 'key "metadata" not found', code: "parse-failed" } });
    const notBoolean = await metadata(fresh, { type: "replace_metadata", version: 2, args: { allow_inconsistent_metadata: "yes", metadata: original } });
    assert.deepEqual(notBoolean.body, {
      path: "$.args.allow_inconsistent_metadata",
      error: "parsing AllowInconsistentMetadata failed, expected Boolean, but encountered String",
      code: "parse-failed",
    });
  });

  test("a refused replace keeps the metadata and its resource_version", async () => {
    const version = await currentVersion(fresh);
    const refused = await metadata(fresh, { type: "replace_metadata", version: 2, args: { metadata: withoutRemoteSchemas() } });
    assert.equal(refused.status, 400);
    assert.equal(objectBody(refused).code, "unexpected");
    assert.deepEqual(fresh.exportMetadata(), original);
    assert.equal(await currentVersion(fresh), version);
  });

  test("an accepted inconsistent replace stores the document as sent, one version up; the relationship is stored but not updatable", async () => {
    const version = await currentVersion(fresh);
    const accepted = await metadata(fresh, {
      type: "replace_metadata",
      version: 2,
      resource_version: version,
      args: { allow_inconsistent_metadata: true, metadata: withoutRemoteSchemas() },
    });
    assert.equal(objectBody(accepted).is_consistent, false);
    const exported = objectBody(await metadata(fresh, { type: "export_metadata", version: 2, args: {} }));
    assert.equal(exported.resource_version, version + 1);
    const document = exported.metadata as { sources: { tables: JsonObject[] }[] };
    assert.equal("remote_schemas" in (exported.metadata as JsonObject), false);
    assert.deepEqual(document.sources[0].tables.find((entry) => (entry.table as JsonObject).schema === "public")?.remote_relationships, [userBasic]);
    assert.equal("remote_relationships" in (document.sources[0].tables.find((entry) => (entry.table as JsonObject).schema === "custom") ?? {}), false);
    const notThere = { status: 400, body: { path: "$.args", error: '"userBasic" does not exist', code: "not-exists" } };
    assert.deepEqual(await metadata(fresh, pgCreate("userBasic", {}, "pg_update_remote_relationship")), notThere);
    assert.deepEqual(await metadata(fresh, { type: "pg_delete_remote_relationship", args: { table: "profiles", name: "userBasic" } }), notThere);
  });

  test("get_inconsistent_metadata always lists, has no message, and neither checks nor bumps resource_version", async () => {
    const version = await currentVersion(fresh);
    const consistent = await metadata(fresh, { type: "get_inconsistent_metadata", args: {}, resource_version: version - 1 });
    assert.deepEqual(consistent, { status: 200, body: { is_consistent: true, inconsistent_objects: [] } });
    assert.equal(await currentVersion(fresh), version);
  });

  test("reload_metadata leaves the list out when consistent, lists when not, and is a write: +1, and 409 on a stale version", async () => {
    const version = await currentVersion(fresh);
    assert.deepEqual(await metadata(fresh, { type: "reload_metadata", args: {} }), { status: 200, body: { message: "success", is_consistent: true } });
    assert.equal(await currentVersion(fresh), version + 1);
    const stale = await metadata(fresh, { type: "reload_metadata", args: {}, resource_version: version });
    assert.deepEqual(stale, {
      status: 409,
      body: { path: "$", error: `metadata resource version referenced (${version}) did not match current version`, code: "conflict" },
    });
    await metadata(fresh, { type: "replace_metadata", args: { allow_inconsistent_metadata: true, metadata: withoutRemoteSchemas() } });
    const inconsistent = objectBody(await metadata(fresh, { type: "reload_metadata", args: {} }));
    assert.equal(inconsistent.message, "success");
    assert.equal(inconsistent.is_consistent, false);
    assert.equal((inconsistent.inconsistent_objects as JsonObject[])[0].name, "remote_relationship userBasic in table profiles in source default");
  });

  test("a successful write stores exactly the sent resource_version plus one", async () => {
    const version = await currentVersion(fresh);
    const answer = await metadata(fresh, { type: "replace_metadata", version: 2, resource_version: version, args: { metadata: original } });
    assert.deepEqual(answer.body, { is_consistent: true, inconsistent_objects: [] });
    assert.equal(await currentVersion(fresh), version + 1);
  });
});
