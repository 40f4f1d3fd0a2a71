/**
 * Remote schema commands (add, update, remove, reload, introspect), tracking tables, and the
 * whole-metadata commands (replace_metadata in both forms, get_inconsistent_metadata).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startRemoteSchemaServer, type RunningHasuraServer } from "../../server";
import type { JsonObject } from "../../model";
import { legacyCreate, metadata, objectBody, query, ROOT, startEnvServer } from "./helpers";

let server: RunningHasuraServer;
let extra: { url: string; stop(): Promise<void> };
before(async () => {
  server = await startEnvServer({ database: [{ schema: "public", name: "extra", columns: [{ name: "id", type: "integer" }] }] });
  extra = await startRemoteSchemaServer(await readFile(join(ROOT, "conformance", "remote-schemas", "user.graphql"), "utf8"));
});
after(async () => {
  await server.stop();
  await extra.stop();
});

test("remote schemas: add, introspect, update, reload, remove", async () => {
  const add = await metadata(server, {
    type: "add_remote_schema",
    args: { name: "extra", definition: { url: extra.url, forward_client_headers: false }, comment: "c" },
  });
  assert.deepEqual(add, { status: 200, body: { message: "success" } });
  const again = await metadata(server, { type: "add_remote_schema", args: { name: "extra", definition: { url: extra.url } } });
  assert.deepEqual(again.body, { path: "$.args", error: 'remote schema with name "extra" already exists', code: "already-exists" });
  const introspection = objectBody(await metadata(server, { type: "introspect_remote_schema", args: { name: "extra" } }));
  assert.ok(JSON.stringify(introspection).includes('"username"'));
  assert.equal(
    (await metadata(server, { type: "update_remote_schema", args: { name: "extra", definition: { url: extra.url, timeout_seconds: 5 } } })).status,
    200,
  );
  assert.equal((await metadata(server, { type: "reload_remote_schema", args: { name: "extra" } })).status, 200);
  const exported = server.exportMetadata().remote_schemas?.find((schema) => schema.name === "extra");
  assert.deepEqual(exported, { name: "extra", definition: { url: extra.url, timeout_seconds: 5 } });
  assert.equal((await metadata(server, { type: "remove_remote_schema", args: { name: "extra" } })).status, 200);
});

test("remote schemas: an unreachable server is a remote-schema-error", async () => {
  const answer = await metadata(server, { type: "add_remote_schema", args: { name: "down", definition: { url: "http://127.0.0.1:9/graphql" } } });
  assert.deepEqual(answer, {
    status: 400,
    body: { path: "$.args", error: 'HTTP exception occurred while sending the request to "http://127.0.0.1:9/graphql"', code: "remote-schema-error" },
  });
});

test("tables: track, refuse twice, untrack", async () => {
  assert.equal((await metadata(server, { type: "pg_track_table", args: { source: "default", table: { schema: "public", name: "extra" } } })).status, 200);
  const twice = await query(server, { type: "track_table", args: { schema: "public", name: "extra" } });
  assert.deepEqual(twice.body, { path: "$.args", error: 'view/table already tracked: "extra"', code: "already-tracked" });
  assert.equal((await query(server, { type: "untrack_table", args: { table: "extra" } })).status, 200);
  const gone = await metadata(server, { type: "pg_untrack_table", args: { table: "extra" } });
  assert.deepEqual(gone.body, { path: "$.args", error: 'view/table already untracked: "extra"', code: "already-untracked" });
});

test("tables: tracking a table the database lacks fails in the rebuild", async () => {
  const answer = objectBody(await metadata(server, { type: "pg_track_table", args: { table: "ghost" } }));
  assert.equal(answer.code, "invalid-configuration");
  assert.equal(answer.error, 'Inconsistent object: no such table/view exists in source: "ghost"');
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
