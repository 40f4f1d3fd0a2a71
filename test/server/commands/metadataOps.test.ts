/**
 * Whole-metadata commands (commands/metadataOps.ts): `export_metadata` v1 and v2,
 * `replace_metadata` in both forms, and `get_inconsistent_metadata`.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../model";
import type { RunningHasuraServer } from "../../../server";
import { legacyCreate, metadata, objectBody, query, startEnvServer } from "../helpers";

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
